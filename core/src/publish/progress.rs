//! The evaluation over the reports (進行管理): each indicator's trend (a chart where its
//! values are numbers, always a table of the series), then the grades of the nodes (see
//! [`super::grades`]).

use super::chart::{Chart, ChartWords};
use super::doc::{heading, word, Block, Inline, Line, Row, Table};
use super::grades;
use super::words::Say;
use crate::model::*;
use crate::report::{IndicatorSeries, Progress};

/// The progress section.
pub(crate) fn progress(s: Say, pr: &Progress, out: &mut Vec<Block>) {
    out.push(heading(2, "progress", vec![s.w("進行管理", "Progress")], true));
    let years = s.join(pr.years.iter().map(|y| vec![word(s.year(*y))]));
    out.push(Block::Fields(vec![(
        vec![s.w("評価年度", "Years evaluated")],
        years,
    )]));
    if !pr.indicators.is_empty() {
        out.push(heading(
            3,
            "progress-indicators",
            vec![s.w("指標の推移", "Indicators over the years")],
            false,
        ));
        let kinds: Vec<(&str, Option<ValueType>)> = s
            .plan
            .all_indicators()
            .map(|(ind, _)| (ind.id.as_str(), ind.value_type))
            .collect();
        for (i, series) in pr.indicators.iter().enumerate() {
            let value_type = kinds
                .iter()
                .find(|(id, _)| series.id == *id)
                .and_then(|(_, v)| *v);
            indicator(s, i, series, value_type, out);
        }
    }
    grades::grades(s, pr, out);
    grades::rollups(s, pr, out);
}

/// Whether an indicator is drawn as a chart: its values are numbers, and there is one.
pub(crate) fn charted(series: &IndicatorSeries, value_type: Option<ValueType>) -> bool {
    value_type != Some(ValueType::Text)
        && series
            .baseline
            .iter()
            .chain(&series.targets)
            .map(|o| &o.value)
            .chain(series.years.iter().filter_map(|y| y.value.as_ref()))
            .any(|q| q.as_f64().is_some())
}

fn indicator(s: Say, i: usize, series: &IndicatorSeries, vt: Option<ValueType>, blocks: &mut Vec<Block>) {
    let id = format!("indicator-{i}");
    let mut keep = Vec::new();
    let out = &mut keep;
    out.push(heading(4, id.clone(), vec![s.t(&series.name)], false));
    if let Some(node) = &series.node {
        out.push(Block::Fields(vec![(vec![s.w("項目", "Node")], s.node_ref(node))]));
    }
    if charted(series, vt) {
        out.push(Block::Chart(Box::new(chart(s, &id, series))));
    }
    if let Some(last) = series.years.last() {
        let mut v = vec![word(format!("{}: ", s.year_short(last.fiscal_year)))];
        v.push(s.l3(last.status.labels()));
        if let Some(a) = last.achievement {
            v.push(word(if s.ja() {
                format!("（達成率 {a:.0}%）")
            } else {
                format!(" ({a:.0}% of the way to the target)")
            }));
        }
        out.push(Block::Fields(vec![(vec![s.w("最新の状況", "Latest status")], v)]));
    }
    out.push(series_table(s, series));
    blocks.push(Block::Keep(keep));
}

/// The chart of an indicator's numbers; the caption of the figure is the heading above it.
fn chart(s: Say, id: &str, series: &IndicatorSeries) -> Chart {
    let num = |o: &Observation| o.value.as_f64().map(|v| (o.fiscal_year.0, v));
    let baseline = series.baseline.as_ref().and_then(num);
    let targets: Vec<(i32, f64)> = series.targets.iter().filter_map(num).collect();
    let actuals: Vec<(i32, Option<f64>)> = series
        .years
        .iter()
        .map(|y| (y.fiscal_year.0, y.value.as_ref().and_then(Quantity::as_f64)))
        .collect();
    let mut desc = Vec::new();
    if let Some((y, v)) = baseline {
        desc.push(format!("{} {y} {v}", if s.ja() { "現状値" } else { "baseline" }));
    }
    for (y, v) in &targets {
        desc.push(format!("{} {y} {v}", if s.ja() { "目標値" } else { "target" }));
    }
    for (y, v) in &actuals {
        let v = v.map_or("−".to_owned(), |v| v.to_string());
        desc.push(format!("{} {y} {v}", if s.ja() { "実績値" } else { "actual" }));
    }
    let sep = if s.ja() { "、" } else { "; " };
    let unit = series.unit.as_ref().map(|u| match s.t(u) {
        Inline::Data { text, ja } => (text, ja),
        other => (super::doc::plain(&[other]), false),
    });
    let pick = |ja: &str, en: &str| if s.ja() { ja } else { en }.to_owned();
    let mut caption = vec![s.t(&series.name)];
    caption.push(s.w("の推移（グラフ）", ": trend (chart)"));
    Chart {
        id: format!("{id}-chart"),
        caption,
        unit,
        baseline,
        targets,
        actuals,
        words: ChartWords {
            title: pick(
                "指標の推移のグラフ：年度ごとの現状値・目標値・実績値",
                "Trend chart: baseline, targets and actual values by fiscal year",
            ),
            desc: desc.join(sep),
            baseline: pick("現状値", "Baseline"),
            target: pick("目標値", "Target"),
            actual: pick("実績値", "Actual"),
            planned: pick("計画線", "Planned path"),
            year_axis: pick("年度", "Fiscal year"),
            unit: pick("単位", "Unit"),
        },
    }
}

/// The series as a table: the baseline, then each report year with its value, target,
/// achievement, expected share, status and grades.
fn series_table(s: Say, series: &IndicatorSeries) -> Block {
    let unit = series.unit.as_ref();
    let scales: Vec<Id> = {
        let mut v: Vec<Id> = Vec::new();
        for y in &series.years {
            for (scale, _) in &y.grades {
                if !v.contains(scale) {
                    v.push(scale.clone());
                }
            }
        }
        v
    };
    let mut head = vec![
        vec![s.w("年度", "Year")],
        vec![s.w("実績値", "Actual")],
        vec![s.w("目標値", "Target")],
        vec![s.w("達成率", "Progress to target")],
        vec![s.w("計画線", "Planned path")],
        vec![s.w("状況", "Status")],
    ];
    // 評価：達成度, so that a scale named like a column (Achievement) is not taken for it.
    head.extend(
        scales
            .iter()
            .map(|sc| vec![s.w("評価：", "Grade: "), s.scale(sc.as_str())]),
    );
    let blank = || Line::new();
    let mut rows = Vec::new();
    if let Some(b) = &series.baseline {
        let mut cells = vec![s.value(&b.value, unit), blank(), blank(), blank()];
        cells.push(vec![s.w("現状値", "Baseline")]);
        cells.extend(scales.iter().map(|_| blank()));
        rows.push(Row {
            head: vec![word(s.year_short(b.fiscal_year))],
            cells,
        });
    }
    for y in &series.years {
        let pct = |x: Option<f64>| x.map(|x| vec![word(format!("{x:.0}%"))]).unwrap_or_default();
        let mut cells = vec![
            y.value
                .as_ref()
                .map_or_else(|| vec![word("−")], |v| s.value(v, unit)),
            y.target.as_ref().map(|t| s.value(t, unit)).unwrap_or_default(),
            pct(y.achievement),
            pct(y.expected),
            vec![s.l3(y.status.labels())],
        ];
        cells.extend(scales.iter().map(|sc| {
            y.grades
                .iter()
                .find(|(x, _)| x == sc)
                .map(|(_, g)| s.grade(sc.as_str(), g))
                .unwrap_or_default()
        }));
        rows.push(Row {
            head: vec![word(s.year_short(y.fiscal_year))],
            cells,
        });
    }
    let mut caption = vec![s.t(&series.name)];
    caption.push(s.w("の推移（表）", ": values by year (table)"));
    Block::Table(Table {
        caption,
        head,
        rows,
        class: "series",
    })
}
