//! Shape problems in plain words, in English and Japanese: what the format expects, in its own
//! terms ("a whole number of 1 or more" / 「1以上の整数」, "a list of plan items" /
//! 「計画の項目のリスト」), never a Rust type.

use super::{Expected, Found, Problem};

/// The English (singular, plural) and Japanese names of the parts of a plan, by `$defs` name.
fn noun(def: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match def {
        "Plan" => ("a plan", "plans", "計画"),
        "Actor" => ("an actor", "actors", "担い手"),
        "Base" => ("a base", "bases", "拠点"),
        "Challenge" => ("a challenge", "challenges", "課題"),
        "District" => ("a district", "districts", "地区"),
        "Extensions" => ("an extensions object", "extensions objects", "拡張"),
        "Figure" => ("a figure", "figures", "数値"),
        "HelpModel" => ("a help model", "help models", "助け合いのモデル"),
        "Indicator" => ("an indicator", "indicators", "評価指標"),
        "Level" => ("a level", "levels", "階層"),
        "Node" => ("a plan item", "plan items", "計画の項目"),
        "PriorityProject" => ("a priority project", "priority projects", "重点プロジェクト"),
        "Quantity" => ("a number or a text", "numbers or texts", "数値または文字"),
        "Revision" => ("a revision", "revisions", "改訂"),
        "Municipality" => ("a municipality", "municipalities", "自治体"),
        "Observation" => ("an observation", "observations", "実績値"),
        "Office" => ("an office", "offices", "担当部署"),
        "Participation" => ("a participation", "participations", "参加"),
        "Period" => ("a plan period", "plan periods", "計画期間"),
        "Phase" => ("a phase", "phases", "期間区分"),
        "Philosophy" => ("a basic philosophy", "basic philosophies", "基本理念"),
        "Project" => ("a project", "projects", "事業"),
        "Publisher" => ("a publisher", "publishers", "策定主体"),
        "Section" => ("a section", "sections", "節"),
        "SectorDefinition" => (
            "a sector definition",
            "sector definitions",
            "助け合いの区分の定義",
        ),
        "Source" => ("a source", "sources", "出典"),
        "SubPlan" => ("a sub-plan", "sub-plans", "関連計画"),
        "Text" => ("a bilingual text", "bilingual texts", "日英テキスト"),
        "Voice" => ("a voice", "voices", "市民の声"),
        "Id" => ("an id", "ids", "ID"),
        "FiscalYear" => ("a fiscal year", "fiscal years", "年度"),
        "YearMonth" => ("a month", "months", "年月"),
        "MunicipalityCode" => (
            "a municipality code",
            "municipality codes",
            "全国地方公共団体コード",
        ),
        _ => return None,
    })
}

/// Whether a string of a named kind is one the parse accepts. Only kinds the parse itself
/// checks are here; ids, codes and texts are checked by the semantic rules.
pub(super) fn named_string_is_valid(def: &str, s: &str) -> bool {
    match def {
        "YearMonth" => {
            serde_json::from_value::<crate::model::YearMonth>(serde_json::Value::String(s.to_owned())).is_ok()
        }
        _ => true,
    }
}

fn codes_list(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What belongs there: (English, Japanese).
fn expected(e: &Expected) -> (String, String) {
    match e {
        Expected::Integer { name: Some(n), .. } if n == "FiscalYear" => (
            "a fiscal year, written as a whole number such as `2023`".into(),
            "年度（`2023` のような整数）".into(),
        ),
        Expected::Integer {
            at_least: Some(m), ..
        } => (format!("a whole number of {m} or more"), format!("{m}以上の整数")),
        Expected::Integer { .. } => ("a whole number".into(), "整数".into()),
        Expected::Number => ("a number".into(), "数値".into()),
        Expected::String => ("a string".into(), "文字列".into()),
        Expected::Boolean => ("`true` or `false`".into(), "`true` または `false`".into()),
        Expected::List(Some(item)) => match noun(item) {
            Some((_, en, ja)) => (format!("a list of {en}"), format!("{ja}のリスト（配列）")),
            None => ("a list".into(), "リスト（配列）".into()),
        },
        Expected::List(None) => ("a list".into(), "リスト（配列）".into()),
        Expected::Object(Some(def)) if def == "Text" => (
            "bilingual text: an object with `ja` (and optionally `en`)".into(),
            "`ja`（と任意の `en`）を持つオブジェクト（日英テキスト）".into(),
        ),
        Expected::Object(Some(def)) => match noun(def) {
            Some((en, _, ja)) => (format!("{en} (an object)"), format!("{ja}（オブジェクト）")),
            None => ("an object".into(), "オブジェクト".into()),
        },
        Expected::Object(None) => ("an object".into(), "オブジェクト".into()),
        Expected::Code(codes) => (
            format!("one of the codes {}", codes_list(codes)),
            format!("コード {} のいずれか", codes_list(codes)),
        ),
        Expected::Named(def) if def == "YearMonth" => (
            "a month written YYYY-MM, such as `2023-03`".into(),
            "`2023-03` のような年月（YYYY-MM）".into(),
        ),
        Expected::Named(def) if def == "Quantity" => (
            "a number, or a word such as `設置` for a qualitative value".into(),
            "数値、または「設置」のような文字".into(),
        ),
        Expected::Named(def) => match noun(def) {
            Some((en, _, ja)) => (format!("{en} (a string)"), format!("{ja}（文字列）")),
            None => ("a string".into(), "文字列".into()),
        },
    }
}

/// What is there instead: (English, Japanese).
fn found(f: &Found) -> (String, String) {
    match f {
        Found::Null => ("`null`".into(), "`null`".into()),
        Found::Bool(b) => (format!("`{b}`"), format!("`{b}`")),
        Found::Number(Some(n)) => (format!("the number `{n}`"), format!("数値 `{n}`")),
        Found::Number(None) => ("a number".into(), "数値".into()),
        Found::String(Some(s)) => (format!("the string `{s}`"), format!("文字列 `{s}`")),
        Found::String(None) => ("a string".into(), "文字列".into()),
        Found::Array(Some(0)) => ("an empty list".into(), "空の配列".into()),
        Found::Array(Some(1)) => ("a list of 1 element".into(), "要素1個の配列".into()),
        Found::Array(Some(n)) => (format!("a list of {n} elements"), format!("要素{n}個の配列")),
        Found::Array(None) => ("a list".into(), "配列".into()),
        Found::Object => ("an object".into(), "オブジェクト".into()),
    }
}

/// The messages of a problem: (English, Japanese).
pub(super) fn message(p: &Problem) -> (String, String) {
    match p {
        Problem::WrongType {
            expected: e,
            found: f,
        }
        | Problem::OutOfRange {
            expected: e,
            found: f,
        } => {
            let (e_en, e_ja) = expected(e);
            let (f_en, f_ja) = found(f);
            // A space only after a quoted value (文字列 `one` が), not after a noun (配列が).
            let gap = if f_ja.ends_with('`') { " " } else { "" };
            (
                format!("expected {e_en}, found {f_en}"),
                format!("{e_ja}が必要ですが、{f_ja}{gap}が書かれています"),
            )
        }
        Problem::UnknownCode { code, known } => {
            let hint = crate::suggest::closest(code, &known.iter().map(String::as_str).collect::<Vec<_>>())
                .map(|s| {
                    (
                        format!(", did you mean `{s}`?"),
                        format!("`{s}` の誤りではありませんか。"),
                    )
                })
                .unwrap_or_default();
            (
                format!(
                    "unknown code `{code}`; expected one of {}{}",
                    codes_list(known),
                    hint.0
                ),
                format!(
                    "不明なコード `{code}` です。{}使えるコード: {}",
                    hint.1,
                    codes_list(known)
                ),
            )
        }
        Problem::UnknownField { name, known } => {
            let refs: Vec<&str> = known.iter().map(String::as_str).collect();
            match crate::suggest::closest(name, &refs) {
                Some(s) => (
                    format!("unknown field `{name}`, did you mean `{s}`?"),
                    format!("不明なフィールド `{name}` です。`{s}` の誤りではありませんか"),
                ),
                None => (
                    format!("unknown field `{name}`; known fields here: {}", codes_list(known)),
                    format!(
                        "不明なフィールド `{name}` です（使えるフィールド: {}）",
                        codes_list(known)
                    ),
                ),
            }
        }
        Problem::MissingField { name } => (
            format!("missing required field `{name}`"),
            format!("必須のフィールド `{name}` がありません"),
        ),
        Problem::DuplicateField { name } => (
            format!("field `{name}` appears more than once in this object"),
            format!("フィールド `{name}` が同じオブジェクトに2回以上書かれています"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_whole_numbers_of_one_or_more_in_both_languages() {
        let p = Problem::WrongType {
            expected: Expected::Integer {
                min: 0,
                max: 4_294_967_295,
                at_least: Some(1),
                name: None,
            },
            found: Found::String(Some("one".into())),
        };
        let (en, ja) = message(&p);
        assert_eq!(en, "expected a whole number of 1 or more, found the string `one`");
        assert_eq!(ja, "1以上の整数が必要ですが、文字列 `one` が書かれています");
    }

    #[test]
    fn a_space_stands_before_が_only_after_a_quoted_value() {
        let p = Problem::WrongType {
            expected: Expected::Object(None),
            found: Found::Array(None),
        };
        assert_eq!(message(&p).1, "オブジェクトが必要ですが、配列が書かれています");
        let p = Problem::WrongType {
            expected: Expected::Object(None),
            found: Found::Null,
        };
        assert_eq!(message(&p).1, "オブジェクトが必要ですが、`null` が書かれています");
    }

    #[test]
    fn lists_are_named_for_what_they_hold() {
        let (en, ja) = expected(&Expected::List(Some("Node".into())));
        assert_eq!(en, "a list of plan items");
        assert_eq!(ja, "計画の項目のリスト（配列）");
        assert_eq!(found(&Found::Array(Some(1))).0, "a list of 1 element");
        assert_eq!(found(&Found::Array(Some(2))).0, "a list of 2 elements");
    }

    #[test]
    fn only_month_strings_are_checked_by_the_parse() {
        assert!(named_string_is_valid("YearMonth", "2023-03"));
        assert!(!named_string_is_valid("YearMonth", "2023-13"));
        assert!(
            named_string_is_valid("Id", "Not An Id"),
            "ids are the id rule's job"
        );
    }
}
