//! The open-data CSV: a plan's nodes and indicators as one long table in the style of the
//! 自治体標準オープンデータセット, whose first columns are 全国地方公共団体コード, ID and
//! 地方公共団体名, ready for a city's open-data portal. Documented in
//! `schemas/opendata-csv.md`, generated from [`OPENDATA_COLUMNS`].

use crate::model::{Indicator, IndicatorAt, Lang, NodeAt, Observation, Plan};
use crate::report::{evaluate, ProgressReport};

use super::csv::{csv_text, BOM};
use super::table::Cell;

/// The open-data CSV's columns, in order: (heading, what it holds). The one list that the
/// writer and `schemas/opendata-csv.md` both follow.
pub const OPENDATA_COLUMNS: [(&str, &str); 23] = [
    ("全国地方公共団体コード", "The municipality's 6-digit local government code, check digit included (402052)."),
    ("ID", "Unique in the file: a node's id, or an indicator's id and the target's fiscal year joined by `:` (`ind-1:2027`); an indicator without targets has its id alone. Ids never contain `:`."),
    ("地方公共団体名", "The prefecture's name and the municipality's (福岡県飯塚市), which keeps same-named municipalities apart."),
    ("計画ID", "The plan's id, so that files of several plans can be joined."),
    ("計画名", "The plan's title."),
    ("計画期間開始年度", "The plan period's first fiscal year (2023 is 令和5年度)."),
    ("計画期間終了年度", "The plan period's last fiscal year."),
    ("区分", "`体系` for a node of the plan's tree (or of a district's plan), `指標` for an indicator."),
    ("階層", "A node's level as the plan names it (基本目標); for an indicator, what it is hung on (計画全体, 体系の項目, 事業, 重点プロジェクト, 包含する計画)."),
    ("番号", "A node's label in the plan's numbering (基本目標Ⅰ, (3)); empty for an unnumbered node and for an indicator."),
    ("名称", "A node's title; for an indicator, the title of what it is hung on."),
    ("名称_英語", "The English of 名称, when the plan has it."),
    ("上位ID", "A node's parent (a top node of a district's plan: the district); an indicator's node, project, priority project or sub-plan; empty for the plan's own indicators and top nodes."),
    ("重点", "`1` for a node the plan marks as a priority (重点), else empty."),
    ("指標名", "The indicator's name; empty on a node's row."),
    ("指標名_英語", "The English of 指標名, when the plan has it."),
    ("単位", "The indicator's unit (%, 人, 回)."),
    ("指標の種類", "成果指標 (outcome) or 活動指標 (output), when the plan says."),
    ("望ましい方向", "増加が望ましい, 減少が望ましい or 維持が望ましい, when the plan says."),
    ("基準年度", "The fiscal year of the baseline (現状値)."),
    ("基準値", "The baseline: a number, or a word for a qualitative value (設置)."),
    ("目標年度", "The target's fiscal year: one row per target."),
    ("目標値", "The target value: a number, or a word (実施)."),
];

/// The columns of the open-data CSV of reports' observations, in order: (heading, what it
/// holds). The one list that the writer and `schemas/opendata-csv.md` both follow.
pub const OPENDATA_OBSERVATION_COLUMNS: [(&str, &str); 16] = [
    ("全国地方公共団体コード", "The municipality's 6-digit local government code, check digit included."),
    ("ID", "Unique in the file: the indicator's id and the fiscal year joined by `:` (`ind-1:2026`)."),
    ("地方公共団体名", "The prefecture's name and the municipality's (福岡県飯塚市)."),
    ("計画ID", "The plan's id."),
    ("計画名", "The plan's title."),
    ("年度", "The fiscal year the report evaluates (2026 is 令和8年度)."),
    ("指標ID", "The indicator's id in the plan."),
    ("指標名", "The indicator's name."),
    ("指標名_英語", "The English of 指標名, when the plan has it."),
    ("単位", "The indicator's unit."),
    ("実績値", "The actual value of the year: a number, or a word; empty when not measured (「−」)."),
    ("未測定の理由", "Why it was not measured, when the report says."),
    ("目標年度", "The fiscal year of the target the year is measured against."),
    ("目標値", "That target's value."),
    ("達成率", "Percent of the way from the baseline to that target, in the desired direction (rounded to one decimal)."),
    ("状況", "達成, 順調, 遅れ, 悪化 or データなし: where the indicator stands, as the library computes it."),
];

/// The observations of progress reports of `plan` as an open-data CSV, one row per indicator
/// and report year, with the value, the target it is measured against, the achievement and
/// the status the library computes (see [`crate::report::evaluate`]). The same encoding as
/// [`opendata_csv`].
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let csv = welfare_plan::sheet::opendata_observations_csv(&plan, &[]);
/// assert!(csv.starts_with("\u{feff}全国地方公共団体コード,ID,地方公共団体名,"));
/// assert_eq!(csv.lines().count(), 1, "no report, no row");
/// ```
pub fn opendata_observations_csv(plan: &Plan, reports: &[ProgressReport]) -> String {
    let mut out = String::from(BOM);
    push(
        &mut out,
        OPENDATA_OBSERVATION_COLUMNS
            .iter()
            .map(|c| Cell::text(c.0))
            .collect(),
    );
    let progress = evaluate(plan, reports);
    let by_id: rustc_hash::FxHashMap<&str, &Indicator> =
        plan.all_indicators().map(|(i, _)| (i.id.as_str(), i)).collect();
    let m = &plan.municipality;
    let reasons: Vec<(i32, &str, &str)> = reports
        .iter()
        .flat_map(|r| {
            r.observations.iter().filter_map(move |a| {
                a.reason
                    .as_ref()
                    .map(|t| (r.fiscal_year.0, a.indicator.as_str(), t.ja.as_str()))
            })
        })
        .collect();
    for series in &progress.indicators {
        for y in &series.years {
            let reason = reasons
                .iter()
                .find(|(year, id, _)| *year == y.fiscal_year.0 && series.id == *id)
                .map_or("", |r| r.2);
            let target_year = by_id
                .get(series.id.as_str())
                .and_then(|ind| crate::report::target_for(ind, y.fiscal_year))
                .map(|t| t.fiscal_year.0);
            push(
                &mut out,
                vec![
                    Cell::text(m.code.0.clone()),
                    Cell::text(format!("{}:{}", series.id, y.fiscal_year)),
                    Cell::text(format!("{}{}", m.prefecture.ja, m.name.ja)),
                    Cell::text(plan.id.to_string()),
                    Cell::text(plan.title.ja.clone()),
                    Cell::Integer(y.fiscal_year.0.into()),
                    Cell::text(series.id.to_string()),
                    Cell::text(series.name.ja.clone()),
                    Cell::text(series.name.en.clone().unwrap_or_default()),
                    Cell::text(series.unit.as_ref().map(|u| u.ja.clone()).unwrap_or_default()),
                    Cell::quantity(y.value.as_ref()),
                    Cell::text(reason),
                    Cell::int(target_year),
                    Cell::quantity(y.target.as_ref()),
                    y.achievement
                        .map_or(Cell::Empty, |a| Cell::text(format!("{:.1}", a))),
                    Cell::text(y.status.labels().1),
                ],
            );
        }
    }
    out
}

/// A plan's nodes and indicators as the open-data CSV: UTF-8 with a BOM, CRLF line ends, one
/// heading row, texts that begin like a formula marked with `'` as in every CSV export.
///
/// ```
/// let csv = welfare_plan::sheet::opendata_csv(&welfare_plan::iizuka::third_plan());
/// assert!(csv.starts_with("\u{feff}全国地方公共団体コード,ID,地方公共団体名,"));
/// assert!(csv.lines().nth(1).unwrap().starts_with("402052,"));
/// ```
pub fn opendata_csv(plan: &Plan) -> String {
    let mut out = String::from(BOM);
    push(
        &mut out,
        OPENDATA_COLUMNS.iter().map(|c| Cell::text(c.0)).collect(),
    );
    let m = &plan.municipality;
    let lead = || {
        vec![
            Cell::text(m.code.0.clone()),
            Cell::Empty, // the ID, filled per row
            Cell::text(format!("{}{}", m.prefecture.ja, m.name.ja)),
            Cell::text(plan.id.to_string()),
            Cell::text(plan.title.ja.clone()),
            Cell::Integer(plan.period.start_fiscal_year.0.into()),
            Cell::Integer(plan.period.end_fiscal_year.0.into()),
        ]
    };
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    for r in plan.all_nodes().chain(districts) {
        let mut row = lead();
        if let Some(id) = row.get_mut(1) {
            *id = Cell::text(r.node.id.to_string());
        }
        let parent = match r.at.parent() {
            Some(p) => plan.node_at(p).map(|n| n.id.to_string()),
            None => {
                r.at.district()
                    .and_then(|d| plan.districts.get(d))
                    .map(|d| d.id.to_string())
            }
        };
        row.extend([
            Cell::text("体系"),
            Cell::text(
                plan.level(r.at.depth())
                    .map(|l| l.name.ja.clone())
                    .unwrap_or_default(),
            ),
            Cell::text(plan.label_in(r.at, Lang::Ja)),
            Cell::text(r.node.title.ja.clone()),
            Cell::text(r.node.title.en.clone().unwrap_or_default()),
            Cell::text(parent.unwrap_or_default()),
            if r.node.priority {
                Cell::Integer(1)
            } else {
                Cell::Empty
            },
        ]);
        row.resize(OPENDATA_COLUMNS.len(), Cell::Empty);
        push(&mut out, row);
    }
    for (ind, at) in plan.all_indicators() {
        let (owner_kind, owner_id, owner_title) = owner(plan, at);
        let targets: Vec<Option<&Observation>> = if ind.targets.is_empty() {
            vec![None]
        } else {
            ind.targets.iter().map(Some).collect()
        };
        for t in targets {
            let mut row = lead();
            if let Some(id) = row.get_mut(1) {
                *id = Cell::text(match t {
                    Some(t) => format!("{}:{}", ind.id, t.fiscal_year),
                    None => ind.id.to_string(),
                });
            }
            row.extend([
                Cell::text("指標"),
                Cell::text(owner_kind),
                Cell::Empty,
                Cell::text(owner_title.0.clone()),
                Cell::text(owner_title.1.clone()),
                Cell::text(owner_id.clone()),
                Cell::Empty,
            ]);
            row.extend(indicator_cells(ind, t));
            push(&mut out, row);
        }
    }
    out
}

fn indicator_cells(ind: &Indicator, t: Option<&Observation>) -> [Cell; 9] {
    let b = ind.baseline.as_ref();
    [
        Cell::text(ind.name.ja.clone()),
        Cell::text(ind.name.en.clone().unwrap_or_default()),
        Cell::text(ind.unit.as_ref().map(|u| u.ja.clone()).unwrap_or_default()),
        Cell::text(ind.kind.map(|k| k.labels().1).unwrap_or_default()),
        Cell::text(ind.direction.map(|k| k.labels().1).unwrap_or_default()),
        Cell::int(b.map(|b| b.fiscal_year.0)),
        Cell::quantity(b.map(|b| &b.value)),
        Cell::int(t.map(|t| t.fiscal_year.0)),
        Cell::quantity(t.map(|t| &t.value)),
    ]
}

/// What an indicator is hung on: its kind's Japanese name, its id, its title.
fn owner(plan: &Plan, at: IndicatorAt) -> (&'static str, String, (String, String)) {
    let titled = |t: &crate::Text| (t.ja.clone(), t.en.clone().unwrap_or_default());
    let node = |n: NodeAt| plan.node_at(n);
    match at {
        IndicatorAt::Plan(_) => ("計画全体", String::new(), titled(&plan.title)),
        IndicatorAt::Node(n, _) => (
            "体系の項目",
            node(n).map(|n| n.id.to_string()).unwrap_or_default(),
            node(n).map(|n| titled(&n.title)).unwrap_or_default(),
        ),
        IndicatorAt::Project(n, k, _) => {
            let p = node(n).and_then(|n| n.projects.get(k));
            (
                "事業",
                p.map(|p| p.id.to_string()).unwrap_or_default(),
                p.map(|p| titled(&p.title)).unwrap_or_default(),
            )
        }
        IndicatorAt::PriorityProject(k, _) => {
            let p = plan.priority_projects.get(k);
            (
                "重点プロジェクト",
                p.map(|p| p.id.to_string()).unwrap_or_default(),
                p.map(|p| titled(&p.title)).unwrap_or_default(),
            )
        }
        IndicatorAt::SubPlan(k, _) => {
            let p = plan.sub_plans.get(k);
            (
                "包含する計画",
                p.map(|p| p.id.to_string()).unwrap_or_default(),
                p.map(|p| titled(&p.title)).unwrap_or_default(),
            )
        }
    }
}

fn push(out: &mut String, cells: Vec<Cell>) {
    let fields: Vec<String> = cells.iter().map(|c| super::csv::field(&csv_text(c))).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// `schemas/opendata-csv.md`: the open-data CSV's columns, generated from
/// [`OPENDATA_COLUMNS`] (see [`crate::schema::all`]).
pub fn opendata_markdown() -> String {
    let mut out = String::from(
        "<!-- Generated by `welfare-plan schema` from the Rust types in core/; do not edit by hand. -->\n\n\
         # Open-data CSV (自治体標準オープンデータセット style)\n\n\
         `welfare_plan::sheet::opendata_csv` writes a plan's nodes and indicators as one long table \
         for a city's open-data portal, in the manner of the 自治体標準オープンデータセット: the \
         first columns are 全国地方公共団体コード, ID and 地方公共団体名, so that it joins with \
         other municipal datasets.\n\n\
         - Encoding: UTF-8 with a byte-order mark, so that Excel in Japanese opens it as UTF-8; \
         lines end in CRLF; fields are quoted as RFC 4180 says.\n\
         - One heading row, in Japanese; then one row per node of the plan's tree and of \
         districts' plans, in document order, then one row per indicator and target, in the \
         order of `Plan::all_indicators`.\n\
         - Fiscal years are written as the calendar year they start in (2023 is 令和5年度).\n\
         - Numbers are numbers (integers stay integers); a text that begins with `=`, `+`, `-`, \
         `@`, a tab or a carriage return, or with `'`, is written with one leading `'` so that no \
         spreadsheet runs it as a formula.\n\n\
         | # | Column | What it holds |\n|---|---|---|\n",
    );
    for (i, (name, what)) in OPENDATA_COLUMNS.iter().enumerate() {
        out.push_str(&format!("| {} | {name} | {what} |\n", i + 1));
    }
    out.push_str(
        "\n## Observations of progress reports\n\n\
         `welfare_plan::sheet::opendata_observations_csv` (and `welfare-plan export REPORT --plan PLAN \
         --format opendata-csv`) writes the actual values of progress reports the same way: one row \
         per indicator and report year, with the target the year is measured against and the \
         achievement and status the library computes.\n\n\
         | # | Column | What it holds |\n|---|---|---|\n",
    );
    for (i, (name, what)) in OPENDATA_OBSERVATION_COLUMNS.iter().enumerate() {
        out.push_str(&format!("| {} | {name} | {what} |\n", i + 1));
    }
    out
}
