//! Reading a progress report and checking it against its plan: the same issue form as the
//! plan's (code, pointer, both languages, line and column), every problem at once.

use rustc_hash::{FxHashMap, FxHashSet};

use super::model::{ProgressReport, REPORT_DOCUMENT, REPORT_SCHEMA_VERSION};
use super::plan_hash;
use crate::error::{Issue, IssueCode, Path};
use crate::model::{Indicator, IndicatorAt, NodeAt, Plan, Quantity};
use crate::shape::Doc;
use crate::{preview, Limits};

/// A report as read: the report when it had the right shape, and every issue found.
#[derive(Debug, Clone)]
pub struct CheckedReport {
    /// The report, if the document parsed as one.
    pub report: Option<ProgressReport>,
    /// Every issue, errors and warnings, located in the report's text.
    pub issues: Vec<Issue>,
}

impl CheckedReport {
    /// True when no issue is an error.
    pub fn is_valid(&self) -> bool {
        self.report.is_some() && !self.issues.iter().any(Issue::is_error)
    }

    /// One line for people, as for a plan: `invalid (1 error, 2 warnings)`.
    pub fn summary(&self) -> String {
        crate::parse::summary(self.is_valid(), &self.issues)
    }

    /// The summary line in `lang`, as [`crate::Checked::summary_in`].
    pub fn summary_in(&self, lang: crate::Lang) -> String {
        crate::parse::summary_in(self.is_valid(), &self.issues, lang)
    }
}

/// Reads `input` as a progress report of `plan` and checks it against the plan, with `limits`.
pub fn check_report(input: &[u8], plan: &Plan, limits: &Limits) -> CheckedReport {
    check_report_hashed(input, plan, &plan_hash(plan), limits)
}

/// [`check_report`] given the plan's [`plan_hash`], for a caller that checks many reports
/// against one plan: hashing a large plan's canonical JSON costs more than reading a report.
pub fn check_report_hashed(input: &[u8], plan: &Plan, hash: &str, limits: &Limits) -> CheckedReport {
    let (report, text, mut issues) = parse(input, limits);
    if let (Some(r), Some(text)) = (&report, &text) {
        let mut found = against_plan(r, plan, hash);
        crate::parse::locate(text, &mut found);
        issues.extend(found);
    }
    crate::parse::cap(&mut issues, limits.max_issues);
    CheckedReport { report, issues }
}

/// Reads `input` as a progress report, checking only its own shape (not against a plan): for
/// tools that hold a report without its plan. [`check_report`] is the full check.
pub fn parse_report(input: &[u8], limits: &Limits) -> CheckedReport {
    let (report, _, mut issues) = parse(input, limits);
    crate::parse::cap(&mut issues, limits.max_issues);
    CheckedReport { report, issues }
}

/// Whether `input` says it is a progress report (`"document": "progress_report"` at the top),
/// so that a tool given a file can tell a report from a plan. Anything that is not JSON, or not
/// an object, is not a report.
pub fn is_progress_report(input: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        document: Option<String>,
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    serde_json::from_slice::<Probe>(input).is_ok_and(|p| p.document.as_deref() == Some(REPORT_DOCUMENT))
}

/// Bytes to a report: size, encoding, JSON syntax, shape. Every shape problem is reported (the
/// rules against the plan run only on a report whose shape is right).
fn parse(input: &[u8], limits: &Limits) -> (Option<ProgressReport>, Option<String>, Vec<Issue>) {
    // The plan's checks for size, encoding and emptiness are the report's too.
    let text = match crate::parse::text_of(input, limits, ("a progress report", "評価報告")) {
        Ok(t) => t,
        Err(issue) => return (None, None, vec![issue]),
    };
    let trail = crate::strict::Trail::default();
    match crate::strict::from_str::<ProgressReport>(text, &trail) {
        Ok(report) => (Some(report), Some(text.to_owned()), Vec::new()),
        Err(e) => {
            let first = crate::parse::structural_issue(Doc::Report, text, trail.into_path(), &e);
            if e.classify() != serde_json::error::Category::Data {
                return (None, None, vec![first]);
            }
            let Ok(doc) = crate::shape::read(text) else {
                return (None, None, vec![first]);
            };
            let max = limits.max_issues.max(1);
            let found = crate::shape::findings_in(Doc::Report, &doc, max);
            let mut issues: Vec<Issue> = found.kept.iter().map(crate::shape::Finding::to_issue).collect();
            if !issues
                .iter()
                .any(|i| i.code == first.code && i.path == first.path)
            {
                issues.push(first);
            }
            crate::parse::locate_in(text, &doc, &mut issues);
            crate::parse::sort_by_position(&mut issues);
            if found.left_out() > 0 {
                // Counted last, where `cap` looks for it.
                issues.push(crate::parse::too_many_issues(found.left_out(), max, true));
            }
            (None, None, issues)
        }
    }
}

/// The rules of a report against its plan.
fn against_plan(r: &ProgressReport, plan: &Plan, hash: &str) -> Vec<Issue> {
    let mut out = Vec::new();
    let root = Path::root;
    if r.document != REPORT_DOCUMENT {
        out.push(Issue::new(
            IssueCode::ReportDocument,
            root().key("document"),
            format!(
                "`document` must be `{REPORT_DOCUMENT}`, found `{}`",
                preview(&r.document)
            ),
            format!(
                "`document` は `{REPORT_DOCUMENT}` でなければなりません（`{}`）",
                preview(&r.document)
            ),
        ));
    }
    if r.schema_version != REPORT_SCHEMA_VERSION {
        let v = preview(&r.schema_version);
        out.push(Issue::new(
            IssueCode::UnsupportedVersion,
            root().key("schema_version"),
            format!(
                "report format version `{v}` is not supported; this library reads `{REPORT_SCHEMA_VERSION}`"
            ),
            format!("評価報告の形式バージョン `{v}` には対応していません（対応: `{REPORT_SCHEMA_VERSION}`）"),
        ));
    }
    // The plan: its id, edition and content.
    let edition = |e: Option<u32>| e.map_or_else(|| "—".to_owned(), |e| e.to_string());
    if r.plan.id != plan.id {
        out.push(Issue::new(
            IssueCode::PlanMismatch,
            root().key("plan").key("id"),
            format!(
                "the report is for plan `{}`, not `{}`",
                preview(r.plan.id.as_str()),
                plan.id
            ),
            format!(
                "この報告は計画 `{}` のもので、計画 `{}` のものではありません",
                preview(r.plan.id.as_str()),
                plan.id
            ),
        ));
    } else if r.plan.hash != hash {
        out.push(Issue::new(
            IssueCode::PlanMismatch,
            root().key("plan").key("hash"),
            format!(
                "the report was written for another version of plan `{}` (edition {}): its hash does not match the plan given (edition {})",
                plan.id,
                edition(r.plan.edition),
                edition(plan.edition)
            ),
            format!(
                "この報告は計画 `{}` の別の版（第{}期）に対して書かれています。ハッシュが与えられた計画（第{}期）と一致しません",
                plan.id,
                edition(r.plan.edition),
                edition(plan.edition)
            ),
        ));
    }
    let year = r.fiscal_year;
    if !plan.period.contains(year) {
        let (s, e) = (plan.period.start_fiscal_year, plan.period.end_fiscal_year);
        out.push(Issue::new(
            IssueCode::YearOutsidePeriod,
            root().key("fiscal_year"),
            format!("the report's fiscal year `{year}` is outside the plan period {s}–{e}"),
            format!("報告の年度 `{year}` が計画期間（{s}〜{e}年度）の外です"),
        ));
    }

    let indicators = IndicatorIndex::of(plan);
    let parts = plan.part_index();
    let scales: FxHashMap<&str, &crate::GradeScale> = plan
        .evaluation
        .iter()
        .flat_map(|e| &e.scales)
        .map(|s| (s.id.as_str(), s))
        .collect();

    let mut seen_indicators = FxHashSet::default();
    for (i, a) in r.observations.iter().enumerate() {
        let at = || root().key("observations").index(i);
        let Some(ind) = indicators.get(a.indicator.as_str()) else {
            out.push(dangling(
                at().key("indicator"),
                a.indicator.as_str(),
                "indicator",
                "評価指標",
            ));
            continue;
        };
        if !seen_indicators.insert(a.indicator.as_str()) {
            out.push(duplicate(
                at().key("indicator"),
                a.indicator.as_str(),
                "indicator",
                "評価指標",
            ));
        }
        match &a.value {
            Some(v) => {
                if let Some(issue) = value_type(ind, v, at().key("value")) {
                    out.push(issue);
                }
            }
            None if a.reason.is_none() => out.push(Issue::new(
                IssueCode::ReasonMissing,
                at().key("value"),
                format!("indicator `{}` has no value and no `reason` why", a.indicator),
                format!(
                    "評価指標 `{}` に値がなく、その理由（reason）もありません",
                    a.indicator
                ),
            )),
            None => {}
        }
    }

    let mut seen_nodes = FxHashSet::default();
    for (i, n) in r.nodes.iter().enumerate() {
        let at = || root().key("nodes").index(i);
        if !matches!(parts.get(n.node.as_str()), Some(crate::PartAt::Node(_))) {
            out.push(dangling(at().key("node"), n.node.as_str(), "node", "計画の項目"));
            continue;
        }
        if !seen_nodes.insert(n.node.as_str()) {
            out.push(duplicate(at().key("node"), n.node.as_str(), "node", "計画の項目"));
        }
        let mut seen_scales = FxHashSet::default();
        for (g, entered) in n.grades.iter().enumerate() {
            let gp = || at().key("grades").index(g);
            let Some(scale) = scales.get(entered.scale.as_str()) else {
                out.push(dangling(
                    gp().key("scale"),
                    entered.scale.as_str(),
                    "grading scale",
                    "評価の尺度",
                ));
                continue;
            };
            if !seen_scales.insert(entered.scale.as_str()) {
                out.push(duplicate(
                    gp().key("scale"),
                    entered.scale.as_str(),
                    "grade on the scale",
                    "尺度の評価",
                ));
            }
            if scale.grade(&entered.grade).is_none() {
                out.push(crate::validate::unknown_grade(
                    gp().key("grade"),
                    &entered.grade,
                    scale,
                ));
            }
        }
    }
    for (i, o) in r.opinions.iter().enumerate() {
        for (k, id) in o.nodes.iter().enumerate() {
            if !matches!(parts.get(id.as_str()), Some(crate::PartAt::Node(_))) {
                let p = root().key("opinions").index(i).key("nodes").index(k);
                out.push(dangling(p, id.as_str(), "node", "計画の項目"));
            }
        }
    }

    // Entries the year should have: every indicator, and every initiative.
    for (ind, _) in indicators
        .list
        .iter()
        .filter(|(i, _)| !seen_indicators.contains(i.id.as_str()))
    {
        let id = &ind.id;
        out.push(Issue::new(
            IssueCode::MissingEntry,
            root().key("observations"),
            format!("indicator `{id}` has no entry for fiscal year {year}"),
            format!("評価指標 `{id}` の{year}年度の記録がありません"),
        ));
    }
    for n in plan.initiatives() {
        if !seen_nodes.contains(n.node.id.as_str()) {
            let label = plan.label(n.at);
            out.push(Issue::new(
                IssueCode::MissingEntry,
                root().key("nodes"),
                format!("{} `{}` has no entry for fiscal year {year}", label.1, n.node.id)
                    .trim_start()
                    .to_owned(),
                format!("{}（`{}`）の{year}年度の評価がありません", label.0, n.node.id),
            ));
        }
    }
    out
}

/// Every indicator of the plan, in document order, each with the node that holds it (directly
/// or through a project), found by id.
#[derive(Default)]
pub(crate) struct IndicatorIndex<'p> {
    pub list: Vec<(&'p Indicator, Option<NodeAt>)>,
    by_id: FxHashMap<&'p str, usize>,
}

impl<'p> IndicatorIndex<'p> {
    pub(crate) fn of(plan: &'p Plan) -> Self {
        let mut out = IndicatorIndex::default();
        for (ind, at) in plan.all_indicators() {
            let node = match at {
                IndicatorAt::Node(n, _) | IndicatorAt::Project(n, _, _) => Some(n),
                _ => None,
            };
            out.add(ind, node);
        }
        out
    }

    fn add(&mut self, ind: &'p Indicator, at: Option<NodeAt>) {
        if let std::collections::hash_map::Entry::Vacant(v) = self.by_id.entry(ind.id.as_str()) {
            v.insert(self.list.len());
            self.list.push((ind, at));
        }
    }

    /// The indicator with id `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&'p Indicator> {
        self.by_id.get(id).and_then(|&i| self.list.get(i)).map(|x| x.0)
    }
}

/// An actual value that is not of the indicator's value type: the plan's own rule for its
/// baselines and targets, applied to the report's values.
fn value_type(ind: &Indicator, v: &Quantity, path: Path) -> Option<Issue> {
    crate::validate::value_type_issue(ind, v, path)
}

fn dangling(path: Path, id: &str, en: &str, ja: &str) -> Issue {
    let id = preview(id);
    Issue::new(
        IssueCode::DanglingReference,
        path,
        format!("the plan has no {en} with id `{id}`"),
        format!("計画に ID `{id}` の{ja}はありません"),
    )
}

fn duplicate(path: Path, id: &str, en: &str, ja: &str) -> Issue {
    let id = preview(id);
    Issue::new(
        IssueCode::DuplicateEntry,
        path,
        format!("{en} `{id}` has a second entry in this report"),
        format!("{ja} `{id}` の記録がこの報告に2つあります"),
    )
}
