//! A progress report as tables: the evaluation workbook a division fills in each year,
//! prefilled from the plan with every indicator and every node.

use rustc_hash::FxHashMap;

use crate::model::{FiscalYear, IndicatorAt, Lang, Observation, Plan, Text};
use crate::report::{
    plan_hash, Actual, NodeReport, PlanRef, ProgressReport, REPORT_DOCUMENT, REPORT_SCHEMA_VERSION,
};

use super::codes::Codes;
use super::report_columns as col;
use super::table::{Cell, Column, Table};

/// An empty report of `plan` for `year`, to be filled in: its id is `{plan id}-{year}`, and it
/// names the plan by id, edition and hash.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let r = welfare_plan::sheet::blank_report(&plan, welfare_plan::FiscalYear(2024));
/// assert_eq!(r.plan.hash, welfare_plan::report::plan_hash(&plan));
/// assert!(r.observations.is_empty());
/// ```
pub fn blank_report(plan: &Plan, year: FiscalYear) -> ProgressReport {
    ProgressReport {
        schema: None,
        document: REPORT_DOCUMENT.to_owned(),
        schema_version: REPORT_SCHEMA_VERSION.to_owned(),
        id: crate::Id::from(format!("{}-{}", plan.id, year)),
        plan: PlanRef {
            id: plan.id.clone(),
            edition: plan.edition,
            hash: plan_hash(plan),
        },
        fiscal_year: year,
        evaluated_by: None,
        evaluated_on: None,
        observations: Vec::new(),
        nodes: Vec::new(),
        opinions: Vec::new(),
        extensions: Default::default(),
    }
}

/// The evaluation workbook's tables for `report` of `plan`: the report's fields; every
/// indicator of the plan with its numbering, unit, baseline and the year's target, and the
/// value, reason and note to fill in; every node with a grade column per scale and what was
/// done, what remains and what comes next; the opinions. What the report already holds is
/// filled in, its rows first in its own order, so that reading the workbook back keeps it.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let report = welfare_plan::sheet::blank_report(&plan, welfare_plan::FiscalYear(2024));
/// let tables = welfare_plan::sheet::report_tables(&plan, &report, welfare_plan::Lang::Ja);
/// let nodes = tables.iter().find(|t| t.key() == "node_reports").unwrap();
/// assert_eq!(nodes.rows().len(), plan.all_nodes().count());
/// ```
pub fn report_tables(plan: &Plan, report: &ProgressReport, lang: Lang) -> Vec<Table> {
    let [by_ja, by_en] = Cell::bilingual(report.evaluated_by.as_ref());
    let head = col::REPORT.table(vec![[
        Cell::text(report.id.to_string()),
        Cell::text(report.plan.id.to_string()),
        Cell::int(report.plan.edition),
        Cell::text(report.plan.hash.clone()),
        Cell::Integer(report.fiscal_year.0.into()),
        by_ja,
        by_en,
        Cell::text(report.evaluated_on.clone().unwrap_or_default()),
        Cell::extensions(&report.extensions),
    ]]);
    let mut opinions = Vec::new();
    let mut opinion_nodes = Vec::new();
    for (i, o) in report.opinions.iter().enumerate() {
        let n = i as i64 + 1;
        let [op_ja, op_en] = Cell::bilingual(Some(&o.opinion));
        let [an_ja, an_en] = Cell::bilingual(o.answer.as_ref());
        opinions.push([
            Cell::Integer(n),
            op_ja,
            op_en,
            an_ja,
            an_en,
            Cell::extensions(&o.extensions),
        ]);
        for node in &o.nodes {
            opinion_nodes.push([Cell::Integer(n), Cell::text(node.to_string())]);
        }
    }
    vec![
        head,
        observations(plan, report, lang),
        node_reports(plan, report, lang),
        col::OPINIONS.table(opinions),
        col::OPINION_NODES.table(opinion_nodes),
    ]
}

fn observations(plan: &Plan, report: &ProgressReport, lang: Lang) -> Table {
    let year = report.fiscal_year;
    let indicators: FxHashMap<&str, _> = plan
        .all_indicators()
        .map(|(i, at)| (i.id.as_str(), (i, at)))
        .collect();
    let reported: FxHashMap<&str, &Actual> = report
        .observations
        .iter()
        .map(|a| (a.indicator.as_str(), a))
        .collect();
    // The report's rows first, in its order, then every indicator it does not mention yet.
    let order = report.observations.iter().map(|a| a.indicator.as_str()).chain(
        plan.all_indicators()
            .map(|(i, _)| i.id.as_str())
            .filter(|id| !reported.contains_key(id)),
    );
    let rows = order
        .map(|id| {
            let found = indicators.get(id);
            let ind = found.map(|f| f.0);
            let b = ind.and_then(|i| i.baseline.as_ref());
            let t = ind.and_then(|i| target_for(&i.targets, year));
            let a = reported.get(id);
            let [reason_ja, reason_en] = Cell::bilingual(a.and_then(|a| a.reason.as_ref()));
            let [note_ja, note_en] = Cell::bilingual(a.and_then(|a| a.note.as_ref()));
            [
                Cell::text(id),
                Cell::text(found.map(|f| owner_text(plan, f.1, lang)).unwrap_or_default()),
                Cell::text(ind.map(|i| i.name.get(lang).to_owned()).unwrap_or_default()),
                Cell::text(
                    ind.and_then(|i| i.unit.as_ref())
                        .map(|u| u.get(lang).to_owned())
                        .unwrap_or_default(),
                ),
                Cell::int(b.map(|b| b.fiscal_year.0)),
                Cell::quantity(b.map(|b| &b.value)),
                Cell::int(t.map(|t| t.fiscal_year.0)),
                Cell::quantity(t.map(|t| &t.value)),
                Cell::quantity(a.and_then(|a| a.value.as_ref())),
                reason_ja,
                reason_en,
                note_ja,
                note_en,
                a.map_or(Cell::Empty, |a| Cell::extensions(&a.extensions)),
            ]
        })
        .collect();
    col::OBSERVATIONS.table(rows)
}

/// The target a year is measured against: the year's own, else the next one, else the last.
fn target_for(targets: &[Observation], year: FiscalYear) -> Option<&Observation> {
    targets
        .iter()
        .find(|t| t.fiscal_year == year)
        .or_else(|| {
            targets
                .iter()
                .filter(|t| t.fiscal_year > year)
                .min_by_key(|t| t.fiscal_year)
        })
        .or_else(|| targets.iter().max_by_key(|t| t.fiscal_year))
}

/// What an indicator is hung on, for the reader: 基本目標Ⅰ ひとりにしないまちづくり.
fn owner_text(plan: &Plan, at: IndicatorAt, lang: Lang) -> String {
    let node = |n| {
        plan.node_at(n)
            .map(|x| join(&plan.label_in(n, lang), x.title.get(lang)))
            .unwrap_or_default()
    };
    let title = |t: Option<&Text>| t.map(|t| t.get(lang).to_owned()).unwrap_or_default();
    match at {
        IndicatorAt::Plan(_) => match lang {
            Lang::Ja => "計画全体".to_owned(),
            Lang::En => "The plan".to_owned(),
        },
        IndicatorAt::Node(n, _) => node(n),
        IndicatorAt::Project(n, k, _) => {
            title(plan.node_at(n).and_then(|x| x.projects.get(k)).map(|p| &p.title))
        }
        IndicatorAt::PriorityProject(k, _) => title(plan.priority_projects.get(k).map(|p| &p.title)),
        IndicatorAt::SubPlan(k, _) => title(plan.sub_plans.get(k).map(|p| &p.title)),
    }
}

fn join(label: &str, title: &str) -> String {
    if label.is_empty() {
        title.to_owned()
    } else {
        format!("{label} {title}")
    }
}

/// The evaluation workbook's tables of `plan` with their columns and no rows: what the import
/// reads a workbook by, without building every row of the plan.
pub(crate) fn report_shapes(plan: &Plan) -> Vec<Table> {
    vec![
        col::REPORT.table(vec![]),
        col::OBSERVATIONS.table(vec![]),
        Table::dynamic(col::NODE_REPORTS, node_columns(plan), vec![]),
        col::OPINIONS.table(vec![]),
        col::OPINION_NODES.table(vec![]),
    ]
}

/// The node sheet's columns: the node, a grade column per scale of the plan, the texts.
fn node_columns(plan: &Plan) -> Vec<Column> {
    let scales = plan.evaluation.iter().flat_map(|e| &e.scales);
    let mut columns: Vec<Column> = col::NODE_HEAD.iter().map(|s| s.column()).collect();
    for (i, scale) in scales.enumerate() {
        columns.push(Column {
            key: format!("{}{}", col::GRADE_PREFIX, scale.id),
            ja: scale.name.ja.clone(),
            en: scale.name.get(Lang::En).to_owned(),
            codes: Codes::Scale(i),
            derived: false,
        });
    }
    columns.extend(col::NODE_TAIL.iter().map(|s| s.column()));
    columns
}

fn node_reports(plan: &Plan, report: &ProgressReport, lang: Lang) -> Table {
    let scales: Vec<_> = plan.evaluation.iter().flat_map(|e| &e.scales).collect();
    let columns = node_columns(plan);
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    let nodes: FxHashMap<&str, _> = plan
        .all_nodes()
        .chain(districts)
        .map(|r| (r.node.id.as_str(), r))
        .collect();
    let reported: FxHashMap<&str, &NodeReport> = report.nodes.iter().map(|n| (n.node.as_str(), n)).collect();
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    let order = report.nodes.iter().map(|n| n.node.as_str()).chain(
        plan.all_nodes()
            .chain(districts)
            .map(|r| r.node.id.as_str())
            .filter(|id| !reported.contains_key(id)),
    );
    let rows = order
        .map(|id| {
            let r = nodes.get(id);
            let n = reported.get(id);
            let mut row = vec![
                Cell::text(id),
                Cell::text(
                    r.and_then(|r| plan.level(r.at.depth()))
                        .map(|l| l.name.get(lang).to_owned())
                        .unwrap_or_default(),
                ),
                Cell::text(r.map(|r| plan.label_in(r.at, lang)).unwrap_or_default()),
                Cell::text(r.map(|r| r.node.title.get(lang).to_owned()).unwrap_or_default()),
            ];
            for scale in &scales {
                let grade = n.and_then(|n| n.grades.iter().find(|g| g.scale == scale.id));
                row.push(Cell::text(grade.map(|g| g.grade.clone()).unwrap_or_default()));
            }
            for t in [
                n.and_then(|n| n.done.as_ref()),
                n.and_then(|n| n.remaining.as_ref()),
                n.and_then(|n| n.next.as_ref()),
            ] {
                row.extend(Cell::bilingual(t));
            }
            row.push(n.map_or(Cell::Empty, |n| Cell::extensions(&n.extensions)));
            row
        })
        .collect();
    Table::dynamic(col::NODE_REPORTS, columns, rows)
}
