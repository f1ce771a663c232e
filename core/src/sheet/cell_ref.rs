//! Where a value sits in a workbook: a sheet and a cell, named as Excel names them
//! (`体系!H14`, `'Priority projects'!C3`), so that an issue points into the user's own file.

use std::fmt;
use std::sync::Arc;

/// A cell of a sheet (or of a CSV file, whose name stands for the sheet's): 0-based row and
/// column, as the readers count them; shown 1-based in A1 style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CellRef {
    /// The sheet's name, or the CSV file's.
    pub sheet: Arc<str>,
    /// The row, from 0 (row 1 in the spreadsheet).
    pub row: u32,
    /// The column, from 0 (column A).
    pub column: u32,
}

impl CellRef {
    /// The cell's A1 name without its sheet: `H14`.
    ///
    /// ```
    /// use welfare_plan::sheet::CellRef;
    /// let c = CellRef { sheet: "体系".into(), row: 13, column: 7 };
    /// assert_eq!(c.a1(), "H14");
    /// assert_eq!(c.to_string(), "体系!H14");
    /// ```
    pub fn a1(&self) -> String {
        format!("{}{}", column_letters(self.column), u64::from(self.row) + 1)
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}", sheet_in_reference(&self.sheet), self.a1())
    }
}

/// A column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_letters(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The 0-based (row, column) of an A1 name such as `H14` or `$H$14`; `None` for anything else.
///
/// ```
/// assert_eq!(welfare_plan::sheet::parse_a1("H14"), Some((13, 7)));
/// assert_eq!(welfare_plan::sheet::parse_a1("14H"), None);
/// ```
pub fn parse_a1(name: &str) -> Option<(u32, u32)> {
    parse_a1_bytes(name.as_bytes())
}

/// [`parse_a1`] of the bytes of an attribute, as a worksheet's XML gives a cell's `r`: no
/// allocation, since a workbook has a reference on every cell.
pub(crate) fn parse_a1_bytes(name: &[u8]) -> Option<(u32, u32)> {
    let (mut row, mut column) = (0u32, 0u32);
    let (mut letters, mut digits) = (0, 0);
    for &b in name {
        match b {
            b'$' => {}
            b'A'..=b'Z' if digits == 0 => {
                letters += 1;
                column = column * 26 + u32::from(b - b'A') + 1;
            }
            b'0'..=b'9' if letters > 0 => {
                digits += 1;
                row = row.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
            }
            _ => return None,
        }
        if letters > 3 {
            return None;
        }
    }
    if digits == 0 {
        return None;
    }
    Some((row.checked_sub(1)?, column.checked_sub(1)?))
}

/// A sheet's name as a reference writes it: quoted (`'Priority projects'`, a `'` doubled) when
/// it holds anything but letters, digits and `_`, as Excel does.
fn sheet_in_reference(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_past_z_take_two_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn a1_names_read_back() {
        for (row, column) in [(0, 0), (13, 7), (1_048_575, 16_383), (2, 26)] {
            let c = CellRef {
                sheet: "s".into(),
                row,
                column,
            };
            assert_eq!(parse_a1(&c.a1()), Some((row, column)));
        }
        assert_eq!(parse_a1("$B$3"), Some((2, 1)));
        for bad in ["", "A", "3", "A0", "a1", "ABCD1", "A1B", "14H", "A99999999999"] {
            assert_eq!(parse_a1(bad), None, "{bad}");
        }
    }

    #[test]
    fn sheet_names_with_spaces_or_quotes_are_quoted() {
        let at = |sheet: &str| {
            CellRef {
                sheet: sheet.into(),
                row: 2,
                column: 2,
            }
            .to_string()
        };
        assert_eq!(at("指標"), "指標!C3");
        assert_eq!(at("Priority projects"), "'Priority projects'!C3");
        assert_eq!(at("O'Neil"), "'O''Neil'!C3");
        assert_eq!(at("plan.nodes.csv"), "'plan.nodes.csv'!C3");
    }
}
