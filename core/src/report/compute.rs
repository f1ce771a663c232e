//! What a year's values mean: achievement toward the target, a status, the grades the plan's
//! scales compute, and their roll-up to every upper node and to each help sector; and the time
//! series of an indicator across reports.

use serde::Serialize;

use super::check::IndicatorIndex;
use rustc_hash::FxHashMap;

use super::model::{Actual, NodeReport, ProgressReport};
use crate::model::*;

/// Where an indicator stands in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target for the year is met.
    Achieved,
    /// At least as far along as a straight line from the baseline to the target says.
    OnTrack,
    /// Better than the baseline, but behind that line.
    Behind,
    /// Worse than the baseline.
    Worse,
    /// Not measured (「−」), or nothing to measure against.
    NoData,
}

impl Status {
    /// Every status, in codelist order.
    pub const ALL: [Status; 5] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::Worse,
        Status::NoData,
    ];

    /// The status with code `code` (`on_track`).
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.labels().0 == code)
    }

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Status::Achieved => ("achieved", "達成", "achieved"),
            Status::OnTrack => ("on_track", "順調", "on track"),
            Status::Behind => ("behind", "遅れ", "behind"),
            Status::Worse => ("worse", "悪化", "worse than the baseline"),
            Status::NoData => ("no_data", "データなし", "no data"),
        }
    }
}

/// One indicator in one year: the value, how far along it is, and its grades.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorYear {
    /// The fiscal year.
    pub fiscal_year: FiscalYear,
    /// The actual value; none when not measured.
    pub value: Option<Quantity>,
    /// The target the year is measured against (the first target in or after the year, or
    /// the last).
    pub target: Option<Quantity>,
    /// Percent of the way from the baseline to that target, in the desired direction.
    pub achievement: Option<f64>,
    /// Percent of the way a straight line from the baseline to the target expects by the year.
    pub expected: Option<f64>,
    /// Where the indicator stands.
    pub status: Status,
    /// The grade on each scale that grades indicators: (scale id, grade code).
    pub grades: Vec<(Id, String)>,
}

/// An indicator across the years of the reports: its baseline, targets and results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSeries {
    /// The indicator's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Its unit.
    pub unit: Option<Text>,
    /// The node that holds it, if any.
    pub node: Option<Id>,
    /// Its baseline.
    pub baseline: Option<Observation>,
    /// Its targets.
    pub targets: Vec<Observation>,
    /// One entry per report year, in year order.
    pub years: Vec<IndicatorYear>,
}

/// A grade of a node (or of a help sector) on one scale in one year: entered in the report,
/// computed from what lies below, or both (an entered grade is never overwritten).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeGrade {
    /// The scale's id.
    pub scale: Id,
    /// The grade entered by hand in the report.
    pub entered: Option<String>,
    /// The grade computed by the scale's method.
    pub computed: Option<String>,
}

/// A node's grades in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeYear {
    /// The fiscal year.
    pub fiscal_year: FiscalYear,
    /// One per scale that grades nodes.
    pub grades: Vec<NodeGrade>,
}

/// A node across the report years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeSeries {
    /// The node's id.
    pub id: Id,
    /// Its label in the plan's numbering, in Japanese and English.
    pub label: (String, String),
    /// Its title.
    pub title: Text,
    /// Its level, 0 at the top.
    pub depth: usize,
    /// One entry per report year.
    pub years: Vec<NodeYear>,
}

/// A help sector's roll-up across the report years: the initiatives in which some actor takes
/// part in that sector, taken together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorSeries {
    /// The sector's code.
    pub sector: Id,
    /// Its label, in Japanese and English.
    pub label: (String, String),
    /// One entry per report year (entered grades are none: sectors are only computed).
    pub years: Vec<NodeYear>,
}

/// The evaluation of a plan over one or more reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The report years, in order.
    pub years: Vec<FiscalYear>,
    /// Every indicator of the plan.
    pub indicators: Vec<IndicatorSeries>,
    /// Every node of the plan's tree, in document order.
    pub nodes: Vec<NodeSeries>,
    /// Every sector of the plan's help model.
    pub sectors: Vec<SectorSeries>,
}

/// The evaluation of `plan` over `reports` (checked against it first; a report's entries that
/// name nothing in the plan are ignored here).
pub fn evaluate<'r>(plan: &Plan, reports: impl IntoIterator<Item = &'r ProgressReport>) -> Progress {
    let mut reports: Vec<&ProgressReport> = reports.into_iter().collect();
    reports.sort_by_key(|r| r.fiscal_year);
    let years: Vec<FiscalYear> = reports.iter().map(|r| r.fiscal_year).collect();
    let index = IndicatorIndex::of(plan);
    let scales: Vec<&GradeScale> = plan.evaluation.iter().flat_map(|e| &e.scales).collect();
    // Each report's entries by id, looked up once per indicator and node (the first entry of
    // an id counts; a second is the report's error, reported by its check).
    let observed: Vec<FxHashMap<&str, &Actual>> = reports
        .iter()
        .map(|r| {
            let mut m = FxHashMap::default();
            for a in &r.observations {
                m.entry(a.indicator.as_str()).or_insert(a);
            }
            m
        })
        .collect();
    let entered: Vec<FxHashMap<&str, &NodeReport>> = reports
        .iter()
        .map(|r| {
            let mut m = FxHashMap::default();
            for n in &r.nodes {
                m.entry(n.node.as_str()).or_insert(n);
            }
            m
        })
        .collect();

    let indicators = index
        .list
        .iter()
        .map(|(ind, at)| IndicatorSeries {
            id: ind.id.clone(),
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            node: at.and_then(|a| plan.node_at(a)).map(|n| n.id.clone()),
            baseline: ind.baseline.clone(),
            targets: ind.targets.clone(),
            years: reports
                .iter()
                .zip(&observed)
                .map(|(r, by_id)| {
                    let actual = by_id.get(ind.id.as_str());
                    indicator_year(ind, r.fiscal_year, actual.and_then(|a| a.value.clone()), &scales)
                })
                .collect(),
        })
        .collect::<Vec<_>>();

    // Per year: each indicator's grade by scale, to roll up.
    let node_scales: Vec<&GradeScale> = scales.iter().copied().filter(|s| s.nodes.is_some()).collect();
    let all: Vec<NodeRef<'_>> = plan.all_nodes().collect();
    let mut nodes: Vec<NodeSeries> = all
        .iter()
        .map(|r| NodeSeries {
            id: r.node.id.clone(),
            label: plan.label(r.at),
            title: r.node.title.clone(),
            depth: r.at.depth(),
            years: Vec::new(),
        })
        .collect();
    let sectors_of_model: Vec<&SectorDefinition> = plan.help_model.iter().flat_map(|m| &m.sectors).collect();
    let mut sectors: Vec<SectorSeries> = sectors_of_model
        .iter()
        .map(|s| SectorSeries {
            sector: s.sector.clone(),
            label: (s.label(Lang::Ja), s.label(Lang::En)),
            years: Vec::new(),
        })
        .collect();

    // Each node's own indicators (its projects' included) as positions in `indicators`, found
    // by the indicator's address: an address hashes faster than an id. An indicator whose id an
    // earlier one took has no series, and so no grade.
    let series_of: FxHashMap<usize, usize> = index
        .list
        .iter()
        .enumerate()
        .map(|(i, (ind, _))| (std::ptr::from_ref::<Indicator>(ind) as usize, i))
        .collect();
    let own: Vec<Vec<usize>> = all
        .iter()
        .map(|r| {
            r.node
                .indicators
                .iter()
                .chain(r.node.projects.iter().flat_map(|p| &p.indicators))
                .filter_map(|ind| series_of.get(&(std::ptr::from_ref(ind) as usize)).copied())
                .collect()
        })
        .collect();
    let children = children_of(&all);
    let initiative_depth = plan.initiative_depth();
    let members: Vec<Vec<usize>> = sectors_of_model
        .iter()
        .map(|sector| {
            all.iter()
                .enumerate()
                .filter(|(_, r)| r.at.depth() == initiative_depth)
                .filter(|(_, r)| {
                    r.node
                        .participants
                        .iter()
                        .any(|p| p.sector.as_ref() == Some(&sector.sector))
                })
                .map(|(n, _)| n)
                .collect()
        })
        .collect();

    for (y, report) in reports.iter().enumerate() {
        // Each scale's tally of every node's subtree, bottom-up once, rather than a walk of
        // the subtree for every node and sector.
        let tallies: Vec<Option<Vec<Tally<'_>>>> = node_scales
            .iter()
            .map(|scale| {
                let source = source_of(scale, &scales)?;
                let grade_of = |i: usize| -> Option<&str> {
                    let year = indicators.get(i)?.years.get(y)?;
                    year.grades
                        .iter()
                        .find(|(s, _)| s.as_str() == source.id.as_str())
                        .map(|(_, g)| g.as_str())
                };
                Some(tally(source, &own, &children, grade_of))
            })
            .collect();
        for (n, r) in all.iter().enumerate() {
            let entry = entered.get(y).and_then(|m| m.get(r.node.id.as_str()));
            let entered_for = |scale: &str| {
                entry
                    .and_then(|e| e.grades.iter().find(|g| g.scale.as_str() == scale))
                    .map(|g| g.grade.clone())
            };
            let grades = node_scales
                .iter()
                .zip(&tallies)
                .map(|(scale, t)| NodeGrade {
                    scale: scale.id.clone(),
                    entered: entered_for(scale.id.as_str()),
                    computed: t
                        .as_ref()
                        .and_then(|t| node_grade(scale, &scales, t.get(n).into_iter().copied())),
                })
                .collect();
            if let Some(series) = nodes.get_mut(n) {
                series.years.push(NodeYear {
                    fiscal_year: report.fiscal_year,
                    grades,
                });
            }
        }
        for (k, in_sector) in members.iter().enumerate() {
            let grades = node_scales
                .iter()
                .zip(&tallies)
                .map(|(scale, t)| NodeGrade {
                    scale: scale.id.clone(),
                    entered: None,
                    computed: t.as_ref().and_then(|t| {
                        node_grade(
                            scale,
                            &scales,
                            in_sector.iter().filter_map(|&n| t.get(n).copied()),
                        )
                    }),
                })
                .collect();
            if let Some(series) = sectors.get_mut(k) {
                series.years.push(NodeYear {
                    fiscal_year: report.fiscal_year,
                    grades,
                });
            }
        }
    }
    Progress {
        years,
        indicators,
        nodes,
        sectors,
    }
}

/// A number from a value, if it is one.
fn number(q: Option<&Quantity>) -> Option<f64> {
    q.and_then(Quantity::as_f64)
}

/// The target a year is measured against: the first in or after the year, else the last.
pub(crate) fn target_for(ind: &Indicator, year: FiscalYear) -> Option<&Observation> {
    // The earliest target in or after the year, else the latest; one pass, no sort.
    let ahead = ind
        .targets
        .iter()
        .filter(|t| t.fiscal_year >= year)
        .min_by_key(|t| t.fiscal_year);
    ahead.or_else(|| ind.targets.iter().max_by_key(|t| t.fiscal_year))
}

/// The indicator's direction: as declared, else from baseline to target.
fn direction(ind: &Indicator, baseline: Option<f64>, target: Option<f64>) -> Direction {
    ind.direction.unwrap_or(match (baseline, target) {
        (Some(b), Some(t)) if t < b => Direction::Decrease,
        (Some(b), Some(t)) if t == b => Direction::Maintain,
        _ => Direction::Increase,
    })
}

/// What a year's value means for `ind`.
pub(crate) struct Reading {
    value: Option<Quantity>,
    baseline: Option<f64>,
    /// The baseline when it is a word (未設置), for qualitative indicators.
    baseline_text: Option<String>,
    target: Option<Quantity>,
    direction: Direction,
    reached: bool,
    achievement: Option<f64>,
    expected: Option<f64>,
}

pub(crate) fn read(ind: &Indicator, year: FiscalYear, value: Option<Quantity>) -> Reading {
    let target = target_for(ind, year);
    let b = number(ind.baseline.as_ref().map(|o| &o.value));
    let t = number(target.map(|o| &o.value));
    let a = number(value.as_ref());
    let dir = direction(ind, b, t);
    let reached = match (&value, target.map(|o| &o.value)) {
        (Some(Quantity::Text(x)), Some(Quantity::Text(y))) => x == y,
        _ => match (a, t) {
            (Some(a), Some(t)) => match (ind.comparator, dir) {
                (Some(Comparator::AtLeast), _) | (None, Direction::Increase) => a >= t,
                (Some(Comparator::AtMost), _) | (None, Direction::Decrease) => a <= t,
                (Some(Comparator::Exactly), _) | (None, Direction::Maintain) => a == t,
            },
            _ => false,
        },
    };
    let achievement = match (a, b, t) {
        (Some(a), Some(b), Some(t)) if t != b => Some((a - b) / (t - b) * 100.0),
        (Some(_), Some(_), Some(_)) => Some(if reached { 100.0 } else { 0.0 }),
        _ => None,
    };
    let expected = match (ind.baseline.as_ref(), target) {
        (Some(base), Some(tg)) if tg.fiscal_year > base.fiscal_year => {
            let span = f64::from(tg.fiscal_year.0 - base.fiscal_year.0);
            let done = f64::from(year.0 - base.fiscal_year.0).clamp(0.0, span);
            Some(done / span * 100.0)
        }
        _ => None,
    };
    let baseline_text = match ind.baseline.as_ref().map(|o| &o.value) {
        Some(Quantity::Text(t)) => Some(t.clone()),
        _ => None,
    };
    Reading {
        value,
        baseline: b,
        baseline_text,
        target: target.map(|o| o.value.clone()),
        direction: dir,
        reached,
        achievement,
        expected,
    }
}

impl Reading {
    /// The change from the baseline in the desired direction (positive is better).
    fn gain(&self) -> Option<f64> {
        let (a, b) = (number(self.value.as_ref())?, self.baseline?);
        Some(match self.direction {
            Direction::Increase => a - b,
            Direction::Decrease => b - a,
            Direction::Maintain => -(a - b).abs(),
        })
    }

    fn status(&self) -> Status {
        if self.value.is_none() {
            return Status::NoData;
        }
        if self.reached {
            return Status::Achieved;
        }
        match (self.achievement, self.expected, self.gain()) {
            (Some(a), Some(e), _) if a >= e => Status::OnTrack,
            (_, _, Some(g)) if g < 0.0 => Status::Worse,
            (Some(_), _, _) | (_, _, Some(_)) => Status::Behind,
            // A word that is not the target, or nothing to compare with.
            _ if matches!(self.value, Some(Quantity::Text(_))) => Status::Behind,
            _ => Status::NoData,
        }
    }

    /// Whether a grading condition holds.
    fn holds(&self, c: &GradeCondition) -> bool {
        let tolerance = |v: Option<f64>| {
            let v = v.unwrap_or(0.0);
            match (c.relative, self.baseline) {
                (true, Some(b)) => b.abs() * v / 100.0,
                _ => v,
            }
        };
        // Without a value only `no_data` can hold: an unmeasured indicator is not graded
        // unless the scale says how.
        if self.value.is_none() {
            return c.when == Condition::NoData;
        }
        match c.when {
            Condition::NoData => false,
            Condition::TargetReached => self.reached,
            Condition::AchievementAtLeast => {
                self.reached || self.achievement.zip(c.value).is_some_and(|(a, v)| a >= v)
            }
            Condition::OnTrack => {
                self.reached || self.achievement.zip(self.expected).is_some_and(|(a, e)| a >= e)
            }
            Condition::BetterThanBaseline => self.gain().is_some_and(|g| g > tolerance(c.value)),
            Condition::NearBaseline => match (&self.value, &self.baseline_text) {
                // A word is unchanged when it is still the baseline's word (未設置).
                (Some(Quantity::Text(v)), Some(b)) => v == b,
                _ => {
                    let (a, b) = (number(self.value.as_ref()), self.baseline);
                    a.zip(b).is_some_and(|(a, b)| (a - b).abs() <= tolerance(c.value))
                }
            },
            Condition::WorseThanBaseline => self.gain().is_some_and(|g| g < -tolerance(c.value)),
            Condition::Otherwise => true,
        }
    }
}

/// The indicator's result in one year.
fn indicator_year(
    ind: &Indicator,
    year: FiscalYear,
    value: Option<Quantity>,
    scales: &[&GradeScale],
) -> IndicatorYear {
    let r = read(ind, year, value);
    let grades = scales
        .iter()
        .filter(|s| !s.indicator_conditions.is_empty())
        .filter_map(|s| {
            let c = s.indicator_conditions.iter().find(|c| r.holds(c))?;
            Some((s.id.clone(), c.grade.clone()))
        })
        .collect();
    IndicatorYear {
        fiscal_year: year,
        status: r.status(),
        achievement: r.achievement,
        expected: r.expected,
        target: r.target.clone(),
        value: r.value,
        grades,
    }
}

/// The scale whose indicator grades `scale` rolls up: the one named by `from`, else itself.
fn source_of<'s>(scale: &GradeScale, scales: &[&'s GradeScale]) -> Option<&'s GradeScale> {
    let how = scale.nodes.as_ref()?;
    let source_id = how.from.as_ref().map_or(scale.id.as_str(), Id::as_str);
    scales.iter().copied().find(|s| s.id.as_str() == source_id)
}

/// What the indicators of a node's subtree (its projects' included) add up to on a source
/// scale: all a roll-up method needs.
#[derive(Debug, Clone, Copy, Default)]
struct Tally<'g> {
    /// The worst grade that counts: (its position on the scale, its code).
    worst: Option<(usize, &'g str)>,
    /// The sum and number of the scores.
    sum: f64,
    count: usize,
    /// The mean of the scores right below the node: each of its own indicators and each
    /// child's own mean count once.
    mean: Option<f64>,
}

/// The tally of every node (by its position in document order), from the grade each
/// indicator got on `source` (by its position among the series): children before parents.
fn tally<'g>(
    source: &'g GradeScale,
    own: &[Vec<usize>],
    children: &[Vec<usize>],
    grade_of: impl Fn(usize) -> Option<&'g str>,
) -> Vec<Tally<'g>> {
    // A grade without a score (「−」 cannot be evaluated) is no verdict, on a scale that
    // scores its grades: it does not make a node worst.
    let scored = source.grades.iter().any(|g| g.score.is_some());
    let score = |code: &str| source.grade(code).and_then(|g| g.score);
    let mut out = vec![Tally::default(); own.len()];
    let mut below = Vec::new();
    for n in (0..own.len()).rev() {
        let mut t = Tally::default();
        below.clear();
        for &i in own.get(n).map_or(&[][..], Vec::as_slice) {
            let Some(g) = grade_of(i) else { continue };
            let s = score(g);
            if !scored || s.is_some() {
                t.worst = worse(t.worst, Some((source.rank(g).unwrap_or(0), g)));
            }
            if let Some(s) = s {
                t.sum += s;
                t.count += 1;
                below.push(s);
            }
        }
        for &c in children.get(n).map_or(&[][..], Vec::as_slice) {
            let Some(child) = out.get(c).copied() else {
                continue;
            };
            t.worst = worse(t.worst, child.worst);
            t.sum += child.sum;
            t.count += child.count;
            below.extend(child.mean);
        }
        t.mean = mean(&below);
        if let Some(slot) = out.get_mut(n) {
            *slot = t;
        }
    }
    out
}

/// The worse of two grades by position on the scale (the first of equals).
fn worse<'g>(a: Option<(usize, &'g str)>, b: Option<(usize, &'g str)>) -> Option<(usize, &'g str)> {
    match (a, b) {
        (Some(x), Some(y)) if y.0 > x.0 => Some(y),
        (None, y) => y,
        (x, _) => x,
    }
}

/// The positions of each node's children, from the nodes in document order.
fn children_of(all: &[NodeRef<'_>]) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); all.len()];
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (n, r) in all.iter().enumerate() {
        let depth = r.at.depth();
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        if let Some(list) = open.last().and_then(|&(_, p)| children.get_mut(p)) {
            list.push(n);
        }
        open.push((depth, n));
    }
    children
}

/// The computed grade on `scale` of the nodes whose tallies are `members` taken together (one
/// node, or a help sector's initiatives), by the scale's method; none when the scale is graded
/// by hand or nothing below has a grade.
fn node_grade<'g>(
    scale: &GradeScale,
    scales: &[&GradeScale],
    members: impl Iterator<Item = Tally<'g>>,
) -> Option<String> {
    let how = scale.nodes.as_ref()?;
    let source = source_of(scale, scales)?;
    let score = |code: &str| source.grade(code).and_then(|g| g.score);
    match how.method {
        Rollup::Manual => None,
        Rollup::Worst => {
            let (_, code) = members.fold(None, |w, t| worse(w, t.worst))?;
            if source.id == scale.id {
                Some(code.to_owned())
            } else {
                by_score(scale, score(code)?)
            }
        }
        Rollup::Weighted => {
            let (sum, count) = members.fold((0.0, 0), |(s, c), t| (s + t.sum, c + t.count));
            by_score(scale, (count > 0).then(|| sum / count as f64)?)
        }
        Rollup::Mean => {
            let means: Vec<f64> = members.filter_map(|t| t.mean).collect();
            by_score(scale, mean(&means)?)
        }
    }
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// The grade of `scale` with the highest score not above `value` (the lowest-scored grade when
/// every score is above it).
fn by_score(scale: &GradeScale, value: f64) -> Option<String> {
    let scored = scale.grades.iter().filter_map(|g| g.score.map(|s| (s, g)));
    let below = scored
        .clone()
        .filter(|(s, _)| *s <= value + 1e-9)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let lowest = scored.min_by(|a, b| a.0.total_cmp(&b.0));
    below.or(lowest).map(|(_, g)| g.code.clone())
}
