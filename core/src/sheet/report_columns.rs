//! The evaluation workbook's tables and columns, declared once, as for a plan (see
//! [`super::plan_columns`]). Columns marked derived are copied from the plan for the reader
//! (numbering, titles, units, baseline, the year's target); the others are filled in.

use super::codes::Codes;
use super::table::{Spec, TableSpec};

const fn s(key: &'static str, ja: &'static str, en: &'static str) -> Spec {
    Spec::new(key, ja, en)
}

const fn shown(key: &'static str, ja: &'static str, en: &'static str) -> Spec {
    Spec::new(key, ja, en).derived()
}

const EXT: Spec = s("extensions", "拡張（JSON）", "Extensions (JSON)");

/// The report's own fields, in one row; the plan's id, edition and hash are filled in.
pub const REPORT: TableSpec<9> = TableSpec {
    key: "report",
    ja: "報告",
    en: "Report",
    columns: [
        s("id", "報告ID", "Report id"),
        s("plan", "計画ID", "Plan id"),
        s("plan_edition", "計画の期", "Plan edition"),
        s("plan_hash", "計画のハッシュ", "Plan hash"),
        s("fiscal_year", "評価年度", "Fiscal year evaluated"),
        s("evaluated_by_ja", "評価者", "Evaluated by (Japanese)"),
        s("evaluated_by_en", "評価者（英語）", "Evaluated by (English)"),
        s(
            "evaluated_on",
            "評価日（YYYY-MM-DD）",
            "Evaluated on (YYYY-MM-DD)",
        ),
        EXT,
    ],
};

/// The year's actual values: one row per indicator of the plan, to fill in.
pub const OBSERVATIONS: TableSpec<14> = TableSpec {
    key: "observations",
    ja: "指標の実績",
    en: "Indicator values",
    columns: [
        s("indicator", "指標ID", "Indicator id"),
        shown("owner", "対象", "Belongs to"),
        shown("name", "指標名", "Indicator"),
        shown("unit", "単位", "Unit"),
        shown("baseline_fiscal_year", "基準年度", "Baseline year"),
        shown("baseline_value", "基準値", "Baseline"),
        shown("target_fiscal_year", "目標年度", "Target year"),
        shown("target_value", "目標値", "Target"),
        s("value", "実績値", "Actual value"),
        s("reason_ja", "未測定の理由", "Why not measured (Japanese)"),
        s("reason_en", "未測定の理由（英語）", "Why not measured (English)"),
        s("note_ja", "備考", "Note (Japanese)"),
        s("note_en", "備考（英語）", "Note (English)"),
        EXT,
    ],
};

/// The node sheet's columns before the grade columns (one per scale, keyed `grade.{scale id}`).
pub const NODE_HEAD: [Spec; 4] = [
    s("node", "項目ID", "Node id"),
    shown("level", "階層", "Level"),
    shown("label", "番号", "Number"),
    shown("title", "名称", "Title"),
];

/// The node sheet's columns after the grade columns.
pub const NODE_TAIL: [Spec; 7] = [
    s("done_ja", "実施内容", "What was done (Japanese)"),
    s("done_en", "実施内容（英語）", "What was done (English)"),
    s("remaining_ja", "課題", "What remains (Japanese)"),
    s("remaining_en", "課題（英語）", "What remains (English)"),
    s("next_ja", "今後の方向性", "What comes next (Japanese)"),
    s("next_en", "今後の方向性（英語）", "What comes next (English)"),
    EXT,
];

/// The node sheet's key and names.
pub const NODE_REPORTS: (&str, &str, &str) = ("node_reports", "項目の評価", "Node evaluations");

/// The key prefix of a grade column: `grade.` and the scale's id.
pub const GRADE_PREFIX: &str = "grade.";

/// The committee's opinions and the city's answers (主な意見と市の考え方), numbered so that
/// `opinion_nodes` can point at them.
pub const OPINIONS: TableSpec<6> = TableSpec {
    key: "opinions",
    ja: "主な意見",
    en: "Opinions",
    columns: [
        s("number", "意見番号", "Opinion number"),
        s("opinion_ja", "主な意見", "Opinion (Japanese)"),
        s("opinion_en", "主な意見（英語）", "Opinion (English)"),
        s("answer_ja", "市の考え方", "Answer (Japanese)"),
        s("answer_en", "市の考え方（英語）", "Answer (English)"),
        EXT,
    ],
};

/// The nodes each opinion concerns, one a row.
pub const OPINION_NODES: TableSpec<2> = TableSpec {
    key: "opinion_nodes",
    ja: "意見の対象",
    en: "Opinion nodes",
    columns: [
        s("opinion", "意見番号", "Opinion number").codes(Codes::Ref {
            table: "opinions",
            column: "number",
        }),
        s("node", "項目ID", "Node id").codes(Codes::Ref {
            table: "node_reports",
            column: "node",
        }),
    ],
};
