//! An indicator's trend as an inline SVG: fiscal years across, the indicator's unit up; the
//! baseline, the targets and a dashed straight line from the baseline to each target (what
//! the plan expects), and the actual values as a line with markers.
//!
//! Shapes tell the series apart as well as colours (hollow circle, diamond, filled circle,
//! dashes), and a legend names them, so that the chart reads in grey print and to people who
//! do not tell colours apart. The numbers are also in the table beside it.

use std::fmt::Write;

use super::doc::Line;
use super::escape;

/// What a chart draws, with its words in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chart {
    /// Unique in the page; the figure's caption has the id `{id}-cap`.
    pub id: String,
    /// What the chart shows (the indicator), the figure's caption.
    pub caption: Line,
    /// The unit (from the plan), and whether it is a Japanese fallback in an English page.
    pub unit: Option<(String, bool)>,
    /// The baseline (現状値): year and value.
    pub baseline: Option<(i32, f64)>,
    /// The targets (目標値).
    pub targets: Vec<(i32, f64)>,
    /// The actual value of each report year; none when not measured.
    pub actuals: Vec<(i32, Option<f64>)>,
    /// The chart's own words.
    pub words: ChartWords,
}

/// The words a chart writes, chosen by the page's language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartWords {
    /// What the chart is, for `<title>`.
    pub title: String,
    /// Its numbers in a sentence, for `<desc>`.
    pub desc: String,
    /// 現状値 / Baseline.
    pub baseline: String,
    /// 目標値 / Target.
    pub target: String,
    /// 実績値 / Actual.
    pub actual: String,
    /// 計画線 / Planned path.
    pub planned: String,
    /// 年度 / Fiscal year.
    pub year_axis: String,
    /// 単位 / Unit.
    pub unit: String,
}

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 52.0;

/// The chart as `<svg>`; every text in it escaped.
pub(crate) fn svg(c: &Chart, out: &mut String) {
    let id = escape::html(&c.id);
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="{id}-title {id}-cap" aria-describedby="{id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape::html(&c.words.title),
        escape::html(&c.words.desc),
    );
    let years = year_range(c);
    let values: Vec<f64> = c
        .baseline
        .iter()
        .map(|b| b.1)
        .chain(c.targets.iter().map(|t| t.1))
        .chain(c.actuals.iter().filter_map(|a| a.1))
        .collect();
    let Some(ticks) = ticks(&values) else {
        out.push_str("</svg>");
        return;
    };
    let (lo, hi) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let n = f64::from(years.1 - years.0 + 1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |y: i32| LEFT + (f64::from(y - years.0) + 0.5) * plot_w / n;
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * plot_h;

    // Grid and the value axis.
    let step = ticks.get(1).zip(ticks.first()).map_or(1.0, |(b, a)| b - a);
    for &t in &ticks {
        let ty = y(t);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{LEFT}" y1="{ty:.1}" x2="{:.1}" y2="{ty:.1}"/><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            W - RIGHT,
            LEFT - 8.0,
            ty + 4.0,
            number(t, step),
        );
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}"/><line class="axis" x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
        H - BOTTOM,
        H - BOTTOM,
        W - RIGHT,
        H - BOTTOM,
    );
    // The years, every one while they fit, else every k-th.
    let every = ((years.1 - years.0) / 10 + 1).max(1);
    for yr in (years.0..=years.1).step_by(every as usize) {
        let _ = write!(
            out,
            r#"<line class="axis" x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}"/><text class="tick" x="{0:.1}" y="{3:.1}" text-anchor="middle">{4}</text>"#,
            x(yr),
            H - BOTTOM,
            H - BOTTOM + 5.0,
            H - BOTTOM + 20.0,
            yr,
        );
    }
    let _ = write!(
        out,
        r#"<text class="axis-title" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
        LEFT + plot_w / 2.0,
        H - 10.0,
        escape::html(&c.words.year_axis),
    );
    if let Some((unit, ja)) = &c.unit {
        let lang = if *ja { r#" lang="ja""# } else { "" };
        let _ = write!(
            out,
            r#"<text class="axis-title" x="8" y="{:.1}">{}: <tspan{lang}>{}</tspan></text>"#,
            TOP - 14.0,
            escape::html(&c.words.unit),
            escape::html(unit),
        );
    }

    // The planned path: dashed, from the baseline to each target.
    if let Some((by, bv)) = c.baseline {
        for &(ty, tv) in &c.targets {
            let _ = write!(
                out,
                r#"<line class="planned" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
                x(by),
                y(bv),
                x(ty),
                y(tv),
            );
        }
    }
    // The actual values: a line through consecutive measured years, broken where a year was
    // not measured.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut String| {
        if run.len() > 1 {
            let _ = write!(out, r#"<polyline class="actual" points="{}"/>"#, run.join(" "));
        }
        run.clear();
    };
    for &(yr, v) in &c.actuals {
        match v {
            Some(v) => run.push(format!("{:.1},{:.1}", x(yr), y(v))),
            None => flush(&mut run, out),
        }
    }
    flush(&mut run, out);
    if let Some((by, bv)) = c.baseline {
        let _ = write!(
            out,
            r#"<circle class="baseline" cx="{:.1}" cy="{:.1}" r="5"/>"#,
            x(by),
            y(bv)
        );
    }
    for &(ty, tv) in &c.targets {
        let (cx, cy) = (x(ty), y(tv));
        let _ = write!(
            out,
            r#"<path class="target" d="M{:.1} {:.1}l6 6l-6 6l-6 -6z"/>"#,
            cx,
            cy - 6.0
        );
    }
    for &(yr, v) in &c.actuals {
        if let Some(v) = v {
            let _ = write!(
                out,
                r#"<circle class="actual-point" cx="{0:.1}" cy="{1:.1}" r="4.5"/><text class="value" x="{0:.1}" y="{2:.1}" text-anchor="middle">{3}</text>"#,
                x(yr),
                y(v),
                y(v) - 9.0,
                v,
            );
        }
    }
    legend(c, out);
    out.push_str("</svg>");
}

/// The legend, top right: each series' shape and name.
fn legend(c: &Chart, out: &mut String) {
    let w = &c.words;
    let items = [
        ("baseline", w.baseline.as_str()),
        ("target", w.target.as_str()),
        ("actual", w.actual.as_str()),
        ("planned", w.planned.as_str()),
    ];
    let mut lx = W - RIGHT - 4.0 * 100.0 - 12.0;
    let ly = 16.0;
    for (kind, name) in items {
        match kind {
            "baseline" => {
                let _ = write!(
                    out,
                    r#"<circle class="baseline" cx="{:.1}" cy="{ly}" r="5"/>"#,
                    lx + 6.0
                );
            }
            "target" => {
                let _ = write!(
                    out,
                    r#"<path class="target" d="M{:.1} {:.1}l6 6l-6 6l-6 -6z"/>"#,
                    lx + 6.0,
                    ly - 6.0
                );
            }
            "actual" => {
                let _ = write!(
                    out,
                    r#"<line class="actual" x1="{:.1}" y1="{ly}" x2="{:.1}" y2="{ly}"/><circle class="actual-point" cx="{:.1}" cy="{ly}" r="4"/>"#,
                    lx - 4.0,
                    lx + 16.0,
                    lx + 6.0
                );
            }
            _ => {
                let _ = write!(
                    out,
                    r#"<line class="planned" x1="{:.1}" y1="{ly}" x2="{:.1}" y2="{ly}"/>"#,
                    lx - 6.0,
                    lx + 18.0
                );
            }
        }
        let _ = write!(
            out,
            r#"<text class="legend" x="{:.1}" y="{:.1}">{}</text>"#,
            lx + 22.0,
            ly + 4.5,
            escape::html(name)
        );
        lx += 100.0;
    }
}

/// The fiscal years the chart spans: every year it has a point for, at least two.
fn year_range(c: &Chart) -> (i32, i32) {
    let years = c
        .baseline
        .iter()
        .map(|b| b.0)
        .chain(c.targets.iter().map(|t| t.0))
        .chain(c.actuals.iter().map(|a| a.0));
    let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if lo > hi {
        return (0, 1);
    }
    (lo, hi.max(lo + 1))
}

/// Round values for the value axis that cover `values` with a little room: 4 to 7 ticks at a
/// step of 1, 2 or 5 times a power of ten. None when there is nothing finite to draw.
fn ticks(values: &[f64]) -> Option<Vec<f64>> {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() || !(hi - lo).is_finite() {
        return None;
    }
    let (lo, hi) = if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        let pad = (hi.abs() * 0.1).max(1.0);
        (lo - pad, hi + pad)
    } else {
        let pad = (hi - lo) * 0.1;
        // A scale of counts and shares that starts near zero starts at zero.
        let lo = if lo >= 0.0 && lo - pad <= 0.0 {
            0.0
        } else {
            lo - pad
        };
        (lo, hi + pad)
    };
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    if !step.is_finite() || step <= 0.0 {
        return None;
    }
    let first = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut t = first;
    while t <= hi + step * 0.5 && out.len() < 12 {
        out.push(t);
        t += step;
    }
    (out.len() >= 2).then_some(out)
}

/// A number with as many decimals as `step` needs, no more (a tick of 0.5 shows 22.5, of 2
/// shows 22).
fn number(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10().floor()).clamp(0.0, 6.0) as usize
    };
    let v = if v.abs() < 1e-9 * step.abs().max(1e-300) {
        0.0
    } else {
        v
    };
    format!("{v:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        let t = ticks(&[23.4, 21.5, 20.0, 22.1]).unwrap();
        assert!(t.first().unwrap() <= &20.0 && t.last().unwrap() >= &23.4, "{t:?}");
        assert!(t.len() >= 3 && t.len() <= 12, "{t:?}");
        assert_eq!(
            number(*t.get(1).unwrap(), t[1] - t[0]).contains('.'),
            t[1] - t[0] < 1.0
        );
    }

    #[test]
    fn counts_start_at_zero_and_one_value_gets_room() {
        assert_eq!(ticks(&[3.0, 40.0]).unwrap().first(), Some(&0.0));
        assert!(ticks(&[40.0, 52.0, 60.0]).unwrap().first() > Some(&30.0));
        let t = ticks(&[7.0, 7.0]).unwrap();
        assert!(t.first().unwrap() < &7.0 && t.last().unwrap() > &7.0, "{t:?}");
    }

    #[test]
    fn nothing_finite_draws_no_axis() {
        assert_eq!(ticks(&[]), None);
        assert_eq!(ticks(&[f64::MAX, -f64::MAX]), None);
    }

    #[test]
    fn numbers_show_the_decimals_the_step_needs() {
        assert_eq!(number(22.5, 0.5), "22.5");
        assert_eq!(number(22.0, 2.0), "22");
        assert_eq!(number(-0.0000000001, 0.1), "0.0");
    }
}
