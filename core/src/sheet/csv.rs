//! Tables as CSV: UTF-8 with a byte-order mark (so that Excel in Japanese opens it as UTF-8),
//! RFC 4180 quoting, CRLF line ends, two header rows (the heading, then the key), and no cell
//! that a spreadsheet would run as a formula.

use crate::model::{Lang, Plan};

use super::table::{Cell, Table};

/// The byte-order mark every CSV export begins with.
pub const BOM: char = '\u{feff}';

/// The characters that make Excel or LibreOffice read a typed or opened cell as a formula
/// (CSV injection): `=`, `+`, `-`, `@`, a tab, a carriage return.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text as CSV writes it, before quoting: with one leading `'` when it begins with a formula
/// trigger (`'=SUM(A1)`) or with `'` itself (so that the rule can be undone: the import strips
/// exactly one leading `'` from every text, and nothing else). A qualitative value that would
/// read as a number is marked the same way (`'2025`).
///
/// ```
/// use welfare_plan::sheet::{csv_text, Cell};
/// assert_eq!(csv_text(&Cell::Text("=1+1".into())), "'=1+1");
/// assert_eq!(csv_text(&Cell::Text("'quoted".into())), "''quoted");
/// assert_eq!(csv_text(&Cell::Integer(-1)), "-1"); // a number is a number
/// assert_eq!(csv_text(&Cell::Qualitative("2025".into())), "'2025");
/// assert_eq!(csv_text(&Cell::Text("2025".into())), "2025");
/// ```
pub fn csv_text(cell: &Cell) -> String {
    let marked = match cell {
        Cell::Text(t) => starts_dangerously(t),
        Cell::Qualitative(t) => starts_dangerously(t) || reads_as_number(t),
        _ => false,
    };
    let text = cell.display();
    if marked {
        format!("'{text}")
    } else {
        text
    }
}

fn starts_dangerously(t: &str) -> bool {
    t.starts_with(FORMULA_TRIGGERS) || t.starts_with('\'')
}

/// Whether a CSV reader would take `t` for a number: what the import tries before text.
fn reads_as_number(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty() && (t.parse::<i64>().is_ok() || t.parse::<f64>().is_ok())
}

/// One field, quoted as RFC 4180 says when it holds a comma, a quote, a CR or an LF.
pub(super) fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn line(out: &mut String, cells: impl Iterator<Item = String>) {
    let fields: Vec<String> = cells.map(|c| field(&c)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// A table as CSV: the BOM, the headings in `lang`, the keys, then the rows.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let tables = welfare_plan::sheet::plan_tables(&plan);
/// let csv = welfare_plan::sheet::csv_table(&tables[0], welfare_plan::Lang::Ja);
/// assert!(csv.starts_with("\u{feff}形式のバージョン,計画ID,"));
/// assert!(csv.lines().nth(1).unwrap().starts_with("schema_version,id,"));
/// ```
pub fn csv_table(table: &Table, lang: Lang) -> String {
    let mut out = String::from(BOM);
    line(
        &mut out,
        table.columns().iter().map(|c| c.heading(lang).to_owned()),
    );
    line(&mut out, table.columns().iter().map(|c| c.key.clone()));
    for row in table.rows() {
        line(&mut out, row.iter().map(csv_text));
    }
    out
}

/// A plan as a set of CSV files, one per table, named `{plan id}.{table key}.csv`
/// (`iizuka-regional-welfare-plan-3.nodes.csv`), every table included, empty ones with their headings.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let files = welfare_plan::sheet::csv_tables(&plan, welfare_plan::Lang::Ja);
/// assert!(files.iter().any(|(name, _)| name == &format!("{}.nodes.csv", plan.id)));
/// ```
pub fn csv_tables(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    super::plan_tables(plan)
        .iter()
        .map(|t| (format!("{}.{}.csv", plan.id, t.key()), csv_table(t, lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("plain"), "plain");
    }

    #[test]
    fn every_formula_trigger_is_marked_and_numbers_are_not() {
        for t in FORMULA_TRIGGERS {
            let s = format!("{t}x");
            assert_eq!(csv_text(&Cell::Text(s.clone())), format!("'{s}"));
        }
        assert_eq!(csv_text(&Cell::Number(-0.5)), "-0.5");
        assert_eq!(csv_text(&Cell::Number(212.0)), "212.0");
        assert_eq!(csv_text(&Cell::Qualitative("設置".into())), "設置");
    }
}
