//! The table model every export writes: a named table of typed cells under two header rows,
//! a heading people read and a key the import reads.

use crate::model::{Extensions, Id, Lang, Quantity, Text};

use super::codes::Codes;

/// A cell's value, typed, so that a number stays a number and a text stays a text in every
/// format: an xlsx number cell or string cell, a CSV field written so that it reads back the
/// same (see `sheet::csv`).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing: an absent optional field, an empty list, `false`.
    Empty,
    /// A text, written as text even when it looks like a number or a formula.
    Text(String),
    /// A qualitative value (設置) in a column that also takes numbers. A text like any other,
    /// except that CSV marks it with a leading `'` when it would read as a number (`'2025`),
    /// so that the text `2025` and the integer 2025 stay apart.
    Qualitative(String),
    /// A whole number: fiscal years, ordinals, integer values.
    Integer(i64),
    /// Any other finite number.
    Number(f64),
    /// A flag (`TRUE` / `FALSE`).
    Bool(bool),
}

impl Cell {
    /// A text cell, or an empty one for an empty string.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// An id, or empty.
    pub fn id(id: Option<&Id>) -> Cell {
        id.map_or(Cell::Empty, |i| Cell::Text(i.to_string()))
    }

    /// An optional whole number.
    pub fn int(n: Option<impl Into<i64>>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Integer(n.into()))
    }

    /// A flag, written only when set: `false` is the format's default and reads back the same.
    pub fn flag(b: bool) -> Cell {
        if b {
            Cell::Bool(true)
        } else {
            Cell::Empty
        }
    }

    /// An indicator's or a figure's value, keeping integers, decimals and texts apart.
    pub fn quantity(q: Option<&Quantity>) -> Cell {
        match q {
            None => Cell::Empty,
            Some(Quantity::Integer(i)) => Cell::Integer(*i),
            Some(Quantity::Number(n)) => Cell::Number(*n),
            Some(Quantity::Text(t)) => Cell::Qualitative(t.clone()),
        }
    }

    /// The `extensions` object as compact JSON text, or empty when there is none.
    pub fn extensions(e: &Extensions) -> Cell {
        if e.is_empty() {
            Cell::Empty
        } else {
            Cell::text(serde_json::to_string(e).unwrap_or_default())
        }
    }

    /// The Japanese and the English of a text: two cells.
    pub fn bilingual(t: Option<&Text>) -> [Cell; 2] {
        match t {
            None => [Cell::Empty, Cell::Empty],
            Some(t) => [
                Cell::text(t.ja.clone()),
                Cell::text(t.en.clone().unwrap_or_default()),
            ],
        }
    }

    /// The cell as CSV or display text: numbers as JSON writes them (`212`, `35.5`, `212.0`,
    /// so that an integer and a whole decimal stay apart), flags as `TRUE` / `FALSE`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Qualitative(t) => t.clone(),
            Cell::Integer(i) => i.to_string(),
            Cell::Number(n) => serde_json::to_string(n).unwrap_or_default(),
            Cell::Bool(true) => "TRUE".to_owned(),
            Cell::Bool(false) => "FALSE".to_owned(),
        }
    }
}

/// One column of a table as it is declared once (in [`super::columns`]): its stable key, its
/// headings in both languages, and the codes its cells may hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The machine key, written in the second header row; the import reads columns by it, so
    /// headings may be translated, reworded or reordered freely.
    pub key: String,
    /// The heading in Japanese.
    pub ja: String,
    /// The heading in English.
    pub en: String,
    /// The values the column takes, for drop-down lists.
    pub codes: Codes,
    /// Whether the column is derived from the others (番号表記, the level's id) and shown for
    /// reading only: the import recomputes it rather than reading it.
    pub derived: bool,
}

impl Column {
    /// The heading in `lang`.
    pub fn heading(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// A column declared in a constant: see [`Column`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    /// The machine key.
    pub key: &'static str,
    /// The heading in Japanese.
    pub ja: &'static str,
    /// The heading in English.
    pub en: &'static str,
    /// The values the column takes.
    pub codes: Codes,
    /// Whether the column is shown for reading only.
    pub derived: bool,
}

impl Spec {
    /// A column of free text or numbers.
    pub const fn new(key: &'static str, ja: &'static str, en: &'static str) -> Spec {
        Spec {
            key,
            ja,
            en,
            codes: Codes::Free,
            derived: false,
        }
    }

    /// The same column, taking `codes`.
    pub const fn codes(self, codes: Codes) -> Spec {
        Spec { codes, ..self }
    }

    /// The same column, derived from the others.
    pub const fn derived(self) -> Spec {
        Spec {
            derived: true,
            ..self
        }
    }

    pub(crate) fn column(&self) -> Column {
        Column {
            key: self.key.to_owned(),
            ja: self.ja.to_owned(),
            en: self.en.to_owned(),
            codes: self.codes,
            derived: self.derived,
        }
    }
}

/// A table declared in a constant: its key, its names in both languages, and its `N` columns.
/// Rows are `[Cell; N]`, so a row that does not fit its columns does not compile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableSpec<const N: usize> {
    /// The machine key: the CSV file's name part, and what the import looks sheets up by.
    pub key: &'static str,
    /// The sheet's name in Japanese (at most 31 characters, as Excel allows).
    pub ja: &'static str,
    /// The sheet's name in English.
    pub en: &'static str,
    /// The columns, in order.
    pub columns: [Spec; N],
}

impl<const N: usize> TableSpec<N> {
    /// A table of these columns holding `rows`.
    pub fn table(&self, rows: Vec<[Cell; N]>) -> Table {
        Table {
            key: self.key.to_owned(),
            ja: self.ja.to_owned(),
            en: self.en.to_owned(),
            columns: self.columns.iter().map(Spec::column).collect(),
            rows: rows.into_iter().map(Vec::from).collect(),
        }
    }
}

/// A named table: columns and rows of cells, every row as long as the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    key: String,
    ja: String,
    en: String,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table whose columns are known only at run time (a report's grade columns, one per
    /// scale). Each row is cut or padded with empty cells to the columns' length.
    pub(crate) fn dynamic(names: (&str, &str, &str), columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
        let width = columns.len();
        let rows = rows
            .into_iter()
            .map(|mut r| {
                r.resize(width, Cell::Empty);
                r
            })
            .collect();
        Table {
            key: names.0.to_owned(),
            ja: names.1.to_owned(),
            en: names.2.to_owned(),
            columns,
            rows,
        }
    }

    /// The machine key, such as `nodes`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The table's name in `lang`, such as 体系 or Tree: the sheet's name.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// The columns, in order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The data rows, each as long as [`Table::columns`].
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// The index of the column with key `key`.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The cells of the column with key `key`, top to bottom.
    pub fn column_cells<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Cell> + 'a {
        let i = self.column(key);
        self.rows.iter().filter_map(move |r| i.and_then(|i| r.get(i)))
    }
}
