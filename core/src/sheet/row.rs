//! Cells read as the document's values: a row's cells by column key, each read as its column
//! wants it (a text, a whole number, an indicator's value, a flag, a code, JSON), and what
//! cannot be read reported once at its cell.

use rustc_hash::FxHashSet;
use serde_json::Value;

use crate::error::{Issue, IssueCode, Path};

use super::cell_ref::CellRef;
use super::codes::CodeList;
use super::grid::{cell_issue, Raw};
use super::read::ReadTable;

/// The largest integer an f64 holds exactly: whole numbers past it stay decimals.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// A number as a text cell would hold it: whole numbers without a decimal point.
pub(crate) fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < EXACT {
        format!("{}", x as i64)
    } else {
        serde_json::to_string(&x).unwrap_or_default()
    }
}

/// One data row of a table.
#[derive(Clone, Copy)]
pub(crate) struct Row<'t> {
    /// The table.
    pub t: &'t ReadTable,
    /// The row's index among the table's data rows.
    pub i: usize,
}

impl<'t> Row<'t> {
    /// Every data row of `t`.
    pub(crate) fn all(t: &'t ReadTable) -> impl Iterator<Item = Row<'t>> {
        (0..t.len()).map(move |i| Row { t, i })
    }

    /// The cell of column `key`.
    pub(crate) fn at(&self, key: &str) -> CellRef {
        self.t.at(self.i, key)
    }

    /// The trimmed text of column `key`, for ids and owners.
    pub(crate) fn id(&self, key: &str) -> String {
        self.t.id(self.i, key)
    }

    /// Marks the row as taken into the document.
    pub(crate) fn take(&self) {
        self.t.take(self.i);
    }
}

/// The issues of reading cells, at most one per cell.
#[derive(Default)]
pub(crate) struct Ctx {
    /// Every issue so far, with its cell.
    pub issues: Vec<(CellRef, Issue)>,
    reported: FxHashSet<CellRef>,
}

impl Ctx {
    /// Reports an issue at `at`, unless that cell has one already.
    pub(crate) fn report(&mut self, code: IssueCode, at: &CellRef, en: String, ja: String) {
        if self.reported.insert(at.clone()) {
            self.issues
                .push((at.clone(), cell_issue(code, at, Path::root(), en, ja)));
        }
    }

    /// Whether a cell has an issue already.
    pub(crate) fn reported(&self, at: &CellRef) -> bool {
        self.reported.contains(at)
    }

    /// The cell, unless it is empty or is no value at all (a formula, an error value, a
    /// date: reported here).
    fn value<'r>(&mut self, row: Row<'r>, key: &str) -> Option<&'r Raw> {
        let raw = row.t.raw(row.i, key);
        let at = || row.at(key);
        match raw {
            Raw::Formula(f) => {
                let f = crate::preview(f);
                self.report(
                    IssueCode::SheetFormula,
                    &at(),
                    format!("a formula `={f}` where a value belongs; formulas are never evaluated: enter the value"),
                    format!("値を入れる欄に数式 `={f}` があります。数式は計算しません。値を入力してください"),
                );
                None
            }
            Raw::ErrorValue(e) => {
                self.report(
                    IssueCode::SheetErrorValue,
                    &at(),
                    format!("the error value `{e}`"),
                    format!("エラー値 `{e}` が入っています"),
                );
                None
            }
            Raw::Date => {
                let (en, ja) = if key.contains("fiscal_year") || key.contains("year") {
                    (
                        "a date where a fiscal year belongs: enter the year as a number, such as `2025`",
                        "年度を入れる欄に日付があります。`2025` のように数値で入力してください",
                    )
                } else {
                    (
                        "a date where a value belongs: enter it as text, such as `2024-03`",
                        "日付のセルがあります。`2024-03` のように文字列で入力してください",
                    )
                };
                self.report(IssueCode::SheetDate, &at(), en.to_owned(), ja.to_owned());
                None
            }
            Raw::Empty | Raw::Refused => None,
            r if r.is_empty() => None,
            r => Some(r),
        }
    }

    /// A text: numbers as written, flags as `TRUE` / `FALSE`.
    pub(crate) fn text(&mut self, row: Row<'_>, key: &str) -> Option<String> {
        match self.value(row, key)? {
            Raw::Text(t) | Raw::Field(t) => Some(t.clone()),
            Raw::Number(x) | Raw::Decimal(x) => Some(number_text(*x)),
            Raw::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
            _ => None,
        }
    }

    fn not_a_number(&mut self, row: Row<'_>, key: &str, seen: &str, whole: bool) {
        let seen = crate::preview(seen);
        let (en, ja) = if whole {
            ("a whole number", "整数")
        } else {
            ("a number", "数値")
        };
        self.report(
            IssueCode::NotANumber,
            &row.at(key),
            format!("`{seen}` is not {en}; `{key}` takes {en}"),
            format!("`{seen}` は{ja}ではありません（`{key}` には{ja}を入力します）"),
        );
    }

    /// A whole number (a fiscal year, a number, an edition).
    pub(crate) fn int(&mut self, row: Row<'_>, key: &str) -> Option<i64> {
        match self.value(row, key)? {
            Raw::Number(x) | Raw::Decimal(x) if x.fract() == 0.0 && x.abs() < EXACT => Some(*x as i64),
            Raw::Number(x) | Raw::Decimal(x) => {
                self.not_a_number(row, key, &number_text(*x), true);
                None
            }
            Raw::Text(t) | Raw::Field(t) => match t.trim().parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.not_a_number(row, key, t, true);
                    None
                }
            },
            Raw::Bool(b) => {
                self.not_a_number(row, key, &b.to_string(), true);
                None
            }
            _ => None,
        }
    }

    /// Any finite number (a score, a threshold).
    pub(crate) fn number(&mut self, row: Row<'_>, key: &str) -> Option<Value> {
        let x = match self.value(row, key)? {
            Raw::Number(x) | Raw::Decimal(x) => Some(*x),
            Raw::Text(t) | Raw::Field(t) => t.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
            _ => None,
        };
        match x.and_then(serde_json::Number::from_f64) {
            Some(n) => Some(Value::Number(n)),
            None => {
                let seen = self.text(row, key).unwrap_or_default();
                self.not_a_number(row, key, &seen, false);
                None
            }
        }
    }

    /// An indicator's value: an integer, a decimal (CSV keeps `212.0` a decimal), or a text.
    pub(crate) fn quantity(&mut self, row: Row<'_>, key: &str) -> Option<Value> {
        Some(match self.value(row, key)? {
            Raw::Number(x) if x.fract() == 0.0 && x.abs() < EXACT => Value::from(*x as i64),
            Raw::Number(x) | Raw::Decimal(x) => {
                serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number)
            }
            Raw::Field(t) => match (t.parse::<i64>(), t.parse::<f64>()) {
                (Ok(i), _) => Value::from(i),
                (_, Ok(x)) if x.is_finite() => {
                    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
                }
                _ => Value::String(t.clone()),
            },
            Raw::Text(t) => Value::String(t.clone()),
            Raw::Bool(b) => Value::String(if *b { "TRUE" } else { "FALSE" }.to_owned()),
            _ => return None,
        })
    }

    /// A yes-or-no column: `TRUE` / `FALSE` (or はい / いいえ, 1 / 0), empty for no.
    pub(crate) fn flag(&mut self, row: Row<'_>, key: &str) -> bool {
        let seen = match self.value(row, key) {
            None => return false,
            Some(Raw::Bool(b)) => return *b,
            Some(Raw::Number(x) | Raw::Decimal(x)) if *x == 1.0 || *x == 0.0 => return *x == 1.0,
            Some(Raw::Text(t) | Raw::Field(t)) => t.trim().to_owned(),
            Some(r) => format!("{r:?}"),
        };
        match seen.to_ascii_lowercase().as_str() {
            "true" | "1" | "はい" | "yes" => true,
            "false" | "0" | "いいえ" | "no" => false,
            _ => {
                let seen = crate::preview(&seen);
                self.report(
                    IssueCode::NotAFlag,
                    &row.at(key),
                    format!("`{seen}` is not `TRUE` or `FALSE`"),
                    format!("`{seen}` は `TRUE` でも `FALSE` でもありません"),
                );
                false
            }
        }
    }

    /// A code of `list`: the code itself, or either language's label for it.
    pub(crate) fn code(&mut self, row: Row<'_>, key: &str, list: CodeList) -> Option<String> {
        let text = self.text(row, key)?;
        let t = text.trim();
        Some(
            list.entries()
                .iter()
                .find(|(code, ja, en)| *code == t || *ja == t || *en == t)
                .map_or(text.clone(), |e| e.0.to_owned()),
        )
    }

    /// An `extensions` cell: JSON text.
    pub(crate) fn extensions(&mut self, row: Row<'_>, key: &str) -> Option<Value> {
        let text = self.text(row, key)?;
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(
                    IssueCode::ExtensionsJson,
                    &row.at(key),
                    format!("the extensions are not JSON text: {e}"),
                    format!("拡張がJSONとして読めません（{e}）"),
                );
                None
            }
        }
    }
}
