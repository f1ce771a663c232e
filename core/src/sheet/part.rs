//! The parts of a document rebuilt from cells: JSON objects that remember the cell of each of
//! their values, so that an issue found later, by its JSON Pointer, points at that cell.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use crate::error::{Path, PathSegment};

use super::cell_ref::CellRef;
use super::codes::CodeList;
use super::row::{Ctx, Row};

/// A JSON object rebuilt from cells, with the cell of each of its values (and of the values
/// it would have, so that a missing field is found at its empty cell).
#[derive(Debug, Default)]
pub(crate) struct Part {
    /// The object.
    pub value: Map<String, Value>,
    /// Where each value came from, by its path inside the object; the first for a path wins.
    pub cells: Vec<(Vec<PathSegment>, CellRef)>,
}

fn key(k: &'static str) -> PathSegment {
    PathSegment::Key(Cow::Borrowed(k))
}

impl Part {
    /// An object that stands for the row at `at`.
    pub(crate) fn new(at: CellRef) -> Part {
        Part {
            value: Map::new(),
            cells: vec![(Vec::new(), at)],
        }
    }

    /// Sets field `k` to `v` (when there is one), from the cell `at`.
    pub(crate) fn set(&mut self, k: &'static str, v: Option<Value>, at: CellRef) {
        self.cells.push((vec![key(k)], at));
        if let Some(v) = v {
            self.value.insert(k.to_owned(), v);
        }
    }

    /// Field `k` from the text of column `col`.
    pub(crate) fn text(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.text(row, col).map(Value::String);
        self.set(k, v, row.at(col));
    }

    /// Field `k` from the whole number of column `col`.
    pub(crate) fn int(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.int(row, col).map(Value::from);
        self.set(k, v, row.at(col));
    }

    /// Field `k` from the number of column `col`.
    pub(crate) fn number(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.number(row, col);
        self.set(k, v, row.at(col));
    }

    /// Field `k` from the indicator value of column `col`.
    pub(crate) fn quantity(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.quantity(row, col);
        self.set(k, v, row.at(col));
    }

    /// Field `k`, `true` when column `col` says so (absent for no, as the format writes it).
    pub(crate) fn flag(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.flag(row, col).then_some(Value::Bool(true));
        self.set(k, v, row.at(col));
    }

    /// Field `k` from the code of `list` in column `col`.
    pub(crate) fn code(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str, list: CodeList) {
        let v = ctx.code(row, col, list).map(Value::String);
        self.set(k, v, row.at(col));
    }

    /// Field `k` (`extensions` …) from the JSON text of column `col`.
    pub(crate) fn extensions(&mut self, ctx: &mut Ctx, row: Row<'_>, col: &str, k: &'static str) {
        let v = ctx.extensions(row, col);
        self.set(k, v, row.at(col));
    }

    /// Field `k`, a text in both languages, from columns `{prefix}_ja` and `{prefix}_en`:
    /// always there when `required` (so that a blank one is reported at its cell), otherwise
    /// only when either column holds something.
    pub(crate) fn bilingual(
        &mut self,
        ctx: &mut Ctx,
        row: Row<'_>,
        prefix: &str,
        k: &'static str,
        required: bool,
    ) {
        let (ja_col, en_col) = (format!("{prefix}_ja"), format!("{prefix}_en"));
        let ja = ctx.text(row, &ja_col);
        let en = ctx.text(row, &en_col);
        let (ja_at, en_at) = (row.at(&ja_col), row.at(&en_col));
        self.cells.push((vec![key(k)], ja_at.clone()));
        self.cells.push((vec![key(k), key("ja")], ja_at));
        self.cells.push((vec![key(k), key("en")], en_at));
        if required || ja.is_some() || en.is_some() {
            let mut t = Map::new();
            t.insert("ja".to_owned(), Value::String(ja.unwrap_or_default()));
            if let Some(en) = en {
                t.insert("en".to_owned(), Value::String(en));
            }
            self.value.insert(k.to_owned(), Value::Object(t));
        }
    }

    /// Sets field `k` to the object `part`.
    pub(crate) fn child(&mut self, k: &'static str, part: Part) {
        for (mut path, at) in part.cells {
            path.insert(0, key(k));
            self.cells.push((path, at));
        }
        self.value.insert(k.to_owned(), Value::Object(part.value));
    }

    /// Appends the object `part` to the list `k`.
    pub(crate) fn push(&mut self, k: &'static str, part: Part) {
        let i = self.append(k, Value::Object(part.value));
        for (mut path, at) in part.cells {
            path.splice(0..0, [key(k), PathSegment::Index(i)]);
            self.cells.push((path, at));
        }
    }

    /// Appends an id to the list `k`, from the cell `at`.
    pub(crate) fn push_id(&mut self, k: &'static str, id: String, at: CellRef) {
        let i = self.append(k, Value::String(id));
        self.cells.push((vec![key(k), PathSegment::Index(i)], at));
    }

    /// Appends `v` to the list `k`; its index.
    fn append(&mut self, k: &'static str, v: Value) -> usize {
        match self.value.get_mut(k) {
            Some(Value::Array(list)) => {
                list.push(v);
                list.len() - 1
            }
            _ => {
                self.value.insert(k.to_owned(), Value::Array(vec![v]));
                0
            }
        }
    }

    /// Makes the list `k` present, empty if nothing was added (a list the format requires).
    pub(crate) fn list(&mut self, k: &'static str) {
        if !matches!(self.value.get(k), Some(Value::Array(_))) {
            self.value.insert(k.to_owned(), Value::Array(Vec::new()));
        }
    }

    /// Whether the object holds anything.
    pub(crate) fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// The object, and where each of its values came from.
    pub(crate) fn finish(self) -> (Value, Located) {
        let located = Located {
            cells: self.cells,
            maps: std::cell::OnceCell::new(),
        };
        (Value::Object(self.value), located)
    }
}

/// Where every value of a rebuilt document came from. The lookups are built on the first
/// question: a clean spreadsheet, which has no issue to locate, never pays for them.
#[derive(Debug, Default)]
pub(crate) struct Located {
    cells: Vec<(Vec<PathSegment>, CellRef)>,
    maps: std::cell::OnceCell<Maps>,
}

/// Each JSON Pointer's cell (the first for a pointer wins) and each cell's deepest pointer.
#[derive(Debug, Default)]
struct Maps {
    by_pointer: FxHashMap<String, CellRef>,
    by_cell: FxHashMap<CellRef, Path>,
}

impl Located {
    fn maps(&self) -> &Maps {
        self.maps.get_or_init(|| {
            let mut maps = Maps::default();
            for (path, at) in &self.cells {
                let path = Path(path.clone());
                let pointer = path.to_string();
                // A cell fills its deepest pointer: `title_ja` is `/title/ja`, not `/title`.
                match maps.by_cell.get(at) {
                    Some(p) if p.0.len() >= path.0.len() => {}
                    _ => {
                        maps.by_cell.insert(at.clone(), path);
                    }
                }
                maps.by_pointer.entry(pointer).or_insert_with(|| at.clone());
            }
            maps
        })
    }

    /// The cell of a JSON Pointer, or of its nearest ancestor that has one; and whether the
    /// pointer itself has it.
    pub(crate) fn cell(&self, pointer: &str) -> Option<(&CellRef, bool)> {
        let by_pointer = &self.maps().by_pointer;
        let mut p = pointer;
        let mut exact = true;
        loop {
            if let Some(at) = by_pointer.get(p) {
                return Some((at, exact));
            }
            exact = false;
            p = p.get(..p.rfind('/')?)?;
        }
    }

    /// The JSON Pointer a cell fills.
    pub(crate) fn path(&self, at: &CellRef) -> Option<&Path> {
        self.maps().by_cell.get(at)
    }
}
