//! Every table of a plan and its columns, declared once: key, Japanese and English heading,
//! codes. The writers and (later) the import read these constants, so a heading is changed in
//! one place and still reads back.
//!
//! Conventions: a bilingual text is two columns, `…_ja` and `…_en`; an id list is rows of the
//! `links` table; `extensions` is the object as JSON text; a row belongs to its owner by id
//! (`node`, `indicator`, `district` …) and rows keep the document's order.

use super::codes::{CodeList, Codes};
use super::table::{Spec, TableSpec};

const fn s(key: &'static str, ja: &'static str, en: &'static str) -> Spec {
    Spec::new(key, ja, en)
}

const fn list(key: &'static str, ja: &'static str, en: &'static str, l: CodeList) -> Spec {
    Spec::new(key, ja, en).codes(Codes::List(l))
}

const fn id_of(key: &'static str, ja: &'static str, en: &'static str, table: &'static str) -> Spec {
    Spec::new(key, ja, en).codes(Codes::Ref { table, column: "id" })
}

const EXT: Spec = s("extensions", "拡張（JSON）", "Extensions (JSON)");
const SECTOR: Spec = s("sector", "支え合いの区分", "Help sector").codes(Codes::Ref {
    table: "sectors",
    column: "sector",
});

/// The plan's own fields, in one row.
pub const PLAN: TableSpec<28> = TableSpec {
    key: "plan",
    ja: "計画",
    en: "Plan",
    columns: [
        s("schema_version", "形式のバージョン", "Format version"),
        s("id", "計画ID", "Plan id"),
        s("title_ja", "計画名", "Title (Japanese)"),
        s("title_en", "計画名（英語）", "Title (English)"),
        s("edition", "期", "Edition"),
        s(
            "municipality_code",
            "全国地方公共団体コード",
            "Local government code",
        ),
        s("municipality_ja", "市町村名", "Municipality (Japanese)"),
        s("municipality_en", "市町村名（英語）", "Municipality (English)"),
        s("prefecture_ja", "都道府県名", "Prefecture (Japanese)"),
        s("prefecture_en", "都道府県名（英語）", "Prefecture (English)"),
        s(
            "municipality_extensions",
            "市町村の拡張（JSON）",
            "Municipality extensions (JSON)",
        ),
        s("start_fiscal_year", "計画初年度", "First fiscal year"),
        s("end_fiscal_year", "最終年度", "Last fiscal year"),
        s(
            "mid_term_review_fiscal_year",
            "中間見直し年度",
            "Mid-term review fiscal year",
        ),
        s(
            "period_extensions",
            "計画期間の拡張（JSON）",
            "Period extensions (JSON)",
        ),
        s("published", "発行年月", "Published (YYYY-MM)"),
        s("philosophy_ja", "基本理念", "Basic philosophy (Japanese)"),
        s("philosophy_en", "基本理念（英語）", "Basic philosophy (English)"),
        s("subtitle_ja", "副題", "Subtitle (Japanese)"),
        s("subtitle_en", "副題（英語）", "Subtitle (English)"),
        s("explanation_ja", "基本理念の説明", "Explanation (Japanese)"),
        s(
            "explanation_en",
            "基本理念の説明（英語）",
            "Explanation (English)",
        ),
        s(
            "philosophy_extensions",
            "基本理念の拡張（JSON）",
            "Philosophy extensions (JSON)",
        ),
        list(
            "help_model_kind",
            "支え合いの考え方",
            "Help model",
            CodeList::HelpModelKind,
        ),
        s(
            "help_model_extensions",
            "支え合いの拡張（JSON）",
            "Help model extensions (JSON)",
        ),
        id_of(
            "initiative_level",
            "取り組みとする階層",
            "Initiative level",
            "levels",
        ),
        s(
            "evaluation_extensions",
            "進行管理の拡張（JSON）",
            "Evaluation extensions (JSON)",
        ),
        EXT,
    ],
};

/// Revised editions (改訂).
pub const REVISIONS: TableSpec<4> = TableSpec {
    key: "revisions",
    ja: "改訂",
    en: "Revisions",
    columns: [
        s("published", "発行年月", "Published (YYYY-MM)"),
        s("description_ja", "改訂内容", "What was revised (Japanese)"),
        s("description_en", "改訂内容（英語）", "What was revised (English)"),
        EXT,
    ],
};

/// Publishers (策定主体) and the office that issued the plan. An office with no field at all is
/// written as `{}` in `office_extensions`, so that it reads back as present.
pub const PUBLISHERS: TableSpec<14> = TableSpec {
    key: "publishers",
    ja: "策定主体",
    en: "Publishers",
    columns: [
        s("id", "ID", "Id"),
        list("kind", "種別", "Kind", CodeList::PublisherKind),
        s("name_ja", "名称", "Name (Japanese)"),
        s("name_en", "名称（英語）", "Name (English)"),
        s(
            "office_organization_ja",
            "編集・発行 組織",
            "Office: organisation (Japanese)",
        ),
        s(
            "office_organization_en",
            "編集・発行 組織（英語）",
            "Office: organisation (English)",
        ),
        s("office_department_ja", "部", "Office: department (Japanese)"),
        s(
            "office_department_en",
            "部（英語）",
            "Office: department (English)",
        ),
        s("office_division_ja", "課", "Office: division (Japanese)"),
        s("office_division_en", "課（英語）", "Office: division (English)"),
        s("office_section_ja", "係", "Office: section (Japanese)"),
        s("office_section_en", "係（英語）", "Office: section (English)"),
        s(
            "office_extensions",
            "編集・発行の拡張（JSON）",
            "Office extensions (JSON)",
        ),
        EXT,
    ],
};

/// Narrative sections.
pub const OVERVIEW: TableSpec<6> = TableSpec {
    key: "overview",
    ja: "概要",
    en: "Overview",
    columns: [
        s("id", "ID", "Id"),
        s("heading_ja", "見出し", "Heading (Japanese)"),
        s("heading_en", "見出し（英語）", "Heading (English)"),
        s("body_ja", "本文", "Body (Japanese)"),
        s("body_en", "本文（英語）", "Body (English)"),
        EXT,
    ],
};

/// The help model's sectors, as the plan defines them.
pub const SECTORS: TableSpec<6> = TableSpec {
    key: "sectors",
    ja: "支え合いの区分",
    en: "Help sectors",
    columns: [
        s("sector", "区分コード", "Sector code"),
        s("label_ja", "区分名", "Label (Japanese)"),
        s("label_en", "区分名（英語）", "Label (English)"),
        s("definition_ja", "定義", "Definition (Japanese)"),
        s("definition_en", "定義（英語）", "Definition (English)"),
        EXT,
    ],
};

/// Challenges (課題): the plan's, and districts' own (with their district).
pub const CHALLENGES: TableSpec<8> = TableSpec {
    key: "challenges",
    ja: "課題",
    en: "Challenges",
    columns: [
        id_of(
            "district",
            "地区ID（地区の課題）",
            "District id (a district's challenge)",
            "districts",
        ),
        s("id", "ID", "Id"),
        s("number", "番号", "Number"),
        s("title_ja", "課題", "Challenge (Japanese)"),
        s("title_en", "課題（英語）", "Challenge (English)"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        EXT,
    ],
};

/// Residents' voices (市民の声).
pub const VOICES: TableSpec<5> = TableSpec {
    key: "voices",
    ja: "市民の声",
    en: "Voices",
    columns: [
        s("id", "ID", "Id"),
        s("text_ja", "声", "Voice (Japanese)"),
        s("text_en", "声（英語）", "Voice (English)"),
        list(
            "editorial_links",
            "関連付けは編集者による",
            "Links drawn by the editors",
            CodeList::Flag,
        ),
        EXT,
    ],
};

/// The levels of the tree (階層).
pub const LEVELS: TableSpec<6> = TableSpec {
    key: "levels",
    ja: "階層",
    en: "Levels",
    columns: [
        s("id", "ID", "Id"),
        s("name_ja", "階層名", "Name (Japanese)"),
        s("name_en", "階層名（英語）", "Name (English)"),
        list("numbering", "番号の付け方", "Numbering", CodeList::NumberStyle),
        list("running", "通し番号", "Running numbers", CodeList::Flag),
        EXT,
    ],
};

/// Every node of the tree at any depth, and of districts' plans, a parent before its children.
pub const NODES: TableSpec<13> = TableSpec {
    key: "nodes",
    ja: "体系",
    en: "Tree",
    columns: [
        id_of(
            "district",
            "地区ID（地区別計画）",
            "District id (a district's plan)",
            "districts",
        ),
        id_of("parent", "上位ID", "Parent id", "nodes"),
        s("id", "ID", "Id"),
        s("depth", "階層の深さ（参考）", "Depth (for reading)").derived(),
        s("level", "階層ID（参考）", "Level id (for reading)").derived(),
        s("number", "番号", "Number"),
        s("label", "番号表記（参考）", "Label (for reading)").derived(),
        s("title_ja", "名称", "Title (Japanese)"),
        s("title_en", "名称（英語）", "Title (English)"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        list("priority", "重点", "Priority", CodeList::Flag),
        EXT,
    ],
};

/// Who takes part in a node, and in which sector (担い手と役割).
pub const PARTICIPATIONS: TableSpec<6> = TableSpec {
    key: "participations",
    ja: "担い手の役割",
    en: "Participations",
    columns: [
        id_of("node", "項目ID", "Node id", "nodes"),
        id_of("actor", "担い手ID", "Actor id", "actors"),
        SECTOR,
        s("role_ja", "役割", "Role (Japanese)"),
        s("role_en", "役割（英語）", "Role (English)"),
        EXT,
    ],
};

/// Projects (事業) under nodes.
pub const PROJECTS: TableSpec<10> = TableSpec {
    key: "projects",
    ja: "事業",
    en: "Projects",
    columns: [
        id_of("node", "項目ID", "Node id", "nodes"),
        s("id", "ID", "Id"),
        s("number", "番号", "Number"),
        s("title_ja", "事業名", "Title (Japanese)"),
        s("title_en", "事業名（英語）", "Title (English)"),
        s("description_ja", "内容", "Description (Japanese)"),
        s("description_en", "内容（英語）", "Description (English)"),
        s("responsible_ja", "担当課", "Responsible (Japanese)"),
        s("responsible_en", "担当課（英語）", "Responsible (English)"),
        EXT,
    ],
};

/// Priority projects (重点プロジェクト).
pub const PRIORITY_PROJECTS: TableSpec<7> = TableSpec {
    key: "priority_projects",
    ja: "重点プロジェクト",
    en: "Priority projects",
    columns: [
        s("id", "ID", "Id"),
        s("number", "番号", "Number"),
        s("title_ja", "名称", "Title (Japanese)"),
        s("title_en", "名称（英語）", "Title (English)"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        EXT,
    ],
};

/// Every indicator (評価指標), with what it is hung on and its baseline (現状値).
pub const INDICATORS: TableSpec<21> = TableSpec {
    key: "indicators",
    ja: "指標",
    en: "Indicators",
    columns: [
        list("owner_kind", "対象の種類", "Belongs to", CodeList::IndicatorOwner),
        s("owner", "対象ID", "Owner id"),
        s("id", "ID", "Id"),
        s("name_ja", "指標名", "Name (Japanese)"),
        s("name_en", "指標名（英語）", "Name (English)"),
        s("unit_ja", "単位", "Unit (Japanese)"),
        s("unit_en", "単位（英語）", "Unit (English)"),
        list("kind", "指標の種類", "Kind", CodeList::IndicatorKind),
        list("value_type", "値の種類", "Value type", CodeList::ValueType),
        list("direction", "望ましい方向", "Direction", CodeList::Direction),
        list("comparator", "目標の読み方", "Comparator", CodeList::Comparator),
        s("baseline_fiscal_year", "基準年度", "Baseline fiscal year"),
        s("baseline_value", "基準値（現状値）", "Baseline value"),
        s("baseline_note_ja", "基準値の注記", "Baseline note (Japanese)"),
        s(
            "baseline_note_en",
            "基準値の注記（英語）",
            "Baseline note (English)",
        ),
        s(
            "baseline_extensions",
            "基準値の拡張（JSON）",
            "Baseline extensions (JSON)",
        ),
        s("source_ja", "出典", "Source (Japanese)"),
        s("source_en", "出典（英語）", "Source (English)"),
        s("definition_ja", "定義・算出方法", "Definition (Japanese)"),
        s("definition_en", "定義・算出方法（英語）", "Definition (English)"),
        EXT,
    ],
};

/// Indicators' targets (目標値) by fiscal year.
pub const TARGETS: TableSpec<6> = TableSpec {
    key: "targets",
    ja: "目標値",
    en: "Targets",
    columns: [
        id_of("indicator", "指標ID", "Indicator id", "indicators"),
        s("fiscal_year", "目標年度", "Fiscal year"),
        s("value", "目標値", "Value"),
        s("note_ja", "注記", "Note (Japanese)"),
        s("note_en", "注記（英語）", "Note (English)"),
        EXT,
    ],
};

/// Grading scales (評価の尺度).
pub const SCALES: TableSpec<6> = TableSpec {
    key: "scales",
    ja: "評価の尺度",
    en: "Scales",
    columns: [
        s("id", "ID", "Id"),
        s("name_ja", "尺度名", "Name (Japanese)"),
        s("name_en", "尺度名（英語）", "Name (English)"),
        list("node_method", "項目の評価方法", "Node grading", CodeList::Rollup),
        id_of("node_from", "集約元の尺度", "Rolled up from scale", "scales"),
        EXT,
    ],
};

/// The grades of each scale, best first.
pub const GRADES: TableSpec<8> = TableSpec {
    key: "grades",
    ja: "評価区分",
    en: "Grades",
    columns: [
        id_of("scale", "尺度ID", "Scale id", "scales"),
        s("code", "評価", "Code"),
        s("label_ja", "評価の名称", "Label (Japanese)"),
        s("label_en", "評価の名称（英語）", "Label (English)"),
        s("definition_ja", "評価の基準", "Definition (Japanese)"),
        s("definition_en", "評価の基準（英語）", "Definition (English)"),
        s("score", "点数", "Score"),
        EXT,
    ],
};

/// How an indicator is graded on each scale: the first condition that holds.
pub const GRADE_CONDITIONS: TableSpec<5> = TableSpec {
    key: "grade_conditions",
    ja: "評価の条件",
    en: "Grade conditions",
    columns: [
        id_of("scale", "尺度ID", "Scale id", "scales"),
        list("when", "条件", "Condition", CodeList::Condition),
        s("value", "しきい値・許容幅", "Threshold or tolerance"),
        list(
            "relative",
            "基準値に対する割合",
            "Relative to the baseline",
            CodeList::Flag,
        ),
        s("grade", "評価", "Grade").codes(Codes::Ref {
            table: "grades",
            column: "code",
        }),
    ],
};

/// Actors (担い手).
pub const ACTORS: TableSpec<9> = TableSpec {
    key: "actors",
    ja: "担い手",
    en: "Actors",
    columns: [
        s("id", "ID", "Id"),
        list("kind", "種別", "Kind", CodeList::ActorKind),
        s("name_ja", "名称", "Name (Japanese)"),
        s("name_en", "名称（英語）", "Name (English)"),
        SECTOR,
        id_of(
            "publisher",
            "同じ策定主体",
            "Same body as publisher",
            "publishers",
        ),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        EXT,
    ],
};

/// Sub-plans the plan contains (包含する計画), with their own period when it differs.
pub const SUB_PLANS: TableSpec<12> = TableSpec {
    key: "sub_plans",
    ja: "包含する計画",
    en: "Sub-plans",
    columns: [
        s("id", "ID", "Id"),
        s("title_ja", "計画名", "Title (Japanese)"),
        s("title_en", "計画名（英語）", "Title (English)"),
        s("legal_basis_ja", "根拠法", "Legal basis (Japanese)"),
        s("legal_basis_en", "根拠法（英語）", "Legal basis (English)"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        s("start_fiscal_year", "計画初年度", "First fiscal year"),
        s("end_fiscal_year", "最終年度", "Last fiscal year"),
        s(
            "mid_term_review_fiscal_year",
            "中間見直し年度",
            "Mid-term review fiscal year",
        ),
        s(
            "period_extensions",
            "計画期間の拡張（JSON）",
            "Period extensions (JSON)",
        ),
        EXT,
    ],
};

/// Phases (期) of the plan's period, or of a sub-plan's (with its id).
pub const PHASES: TableSpec<7> = TableSpec {
    key: "phases",
    ja: "期",
    en: "Phases",
    columns: [
        id_of(
            "sub_plan",
            "包含する計画ID（その計画の期）",
            "Sub-plan id (its own phase)",
            "sub_plans",
        ),
        s("id", "ID", "Id"),
        s("name_ja", "名称", "Name (Japanese)"),
        s("name_en", "名称（英語）", "Name (English)"),
        s("start_fiscal_year", "開始年度", "First fiscal year"),
        s("end_fiscal_year", "終了年度", "Last fiscal year"),
        EXT,
    ],
};

/// Districts (地区), a parent before or after its children as the plan lists them.
pub const DISTRICTS: TableSpec<9> = TableSpec {
    key: "districts",
    ja: "地区",
    en: "Districts",
    columns: [
        s("id", "ID", "Id"),
        id_of("parent", "上位の地区ID", "Parent district id", "districts"),
        s("name_ja", "地区名", "Name (Japanese)"),
        s("name_en", "地区名（英語）", "Name (English)"),
        s("layer_ja", "区分", "Layer (Japanese)"),
        s("layer_en", "区分（英語）", "Layer (English)"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        EXT,
    ],
};

/// Districts' figures by year (人口、高齢化率 …).
pub const FIGURES: TableSpec<8> = TableSpec {
    key: "figures",
    ja: "地区の数値",
    en: "District figures",
    columns: [
        id_of("district", "地区ID", "District id", "districts"),
        s("name_ja", "項目", "Name (Japanese)"),
        s("name_en", "項目（英語）", "Name (English)"),
        s("fiscal_year", "年度", "Fiscal year"),
        s("value", "値", "Value"),
        s("unit_ja", "単位", "Unit (Japanese)"),
        s("unit_en", "単位（英語）", "Unit (English)"),
        EXT,
    ],
};

/// Bases (拠点).
pub const BASES: TableSpec<7> = TableSpec {
    key: "bases",
    ja: "拠点",
    en: "Bases",
    columns: [
        s("id", "ID", "Id"),
        s("name_ja", "名称", "Name (Japanese)"),
        s("name_en", "名称（英語）", "Name (English)"),
        id_of("district", "地区ID", "District id", "districts"),
        s("description_ja", "説明", "Description (Japanese)"),
        s("description_en", "説明（英語）", "Description (English)"),
        EXT,
    ],
};

/// The documents the data was taken from (出典).
pub const SOURCES: TableSpec<6> = TableSpec {
    key: "sources",
    ja: "出典",
    en: "Sources",
    columns: [
        s("title_ja", "資料名", "Title (Japanese)"),
        s("title_en", "資料名（英語）", "Title (English)"),
        s("url", "URL", "URL"),
        s("note_ja", "注記", "Note (Japanese)"),
        s("note_en", "注記（英語）", "Note (English)"),
        EXT,
    ],
};

/// Every list of ids, one id a row: which list (`nodes.challenges` …), whose, and the id.
pub const LINKS: TableSpec<3> = TableSpec {
    key: "links",
    ja: "関連付け",
    en: "Links",
    columns: [
        list("list", "関連の種類", "List", CodeList::LinkList),
        s("owner", "元のID", "Owner id"),
        s("target", "関連先のID", "Target id"),
    ],
};

/// The previous edition's parts that nodes, challenges and indicators continue (前期との対応).
pub const LINEAGE: TableSpec<5> = TableSpec {
    key: "lineage",
    ja: "前期との対応",
    en: "Lineage",
    columns: [
        list("owner_kind", "対象の種類", "Belongs to", CodeList::LineageOwner),
        s("owner", "対象ID", "Owner id"),
        s("from", "前期のID", "Previous edition's id"),
        list("change", "変更の種類", "Change", CodeList::LineageChange),
        EXT,
    ],
};
