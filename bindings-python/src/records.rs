//! `plan.to_records()`: the core's initiative rows built straight into Python dicts, with no
//! JSON text on the way, for pandas and for spreadsheets.
//!
//! The core's [`InitiativeTable`] says what each column holds; this file only converts. It makes
//! as few Python objects as it can. A string that recurs is made once and shared: an actor's id
//! and name (kept by the actor's position, which the core resolves each reference to), a sector
//! code, the level, and a label (by the level and number the core says it is made of). So are
//! the columns of the nodes above an initiative, which its siblings share. List columns are
//! tuples, which are immutable and which Python's garbage collector stops tracking once it has
//! seen them hold only strings, so a large table does not keep the collector busy.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use welfare_plan::records::{InitiativeTable, RowRef};
use welfare_plan::{NodeAt, NodeRef, Plan};

/// The columns, in the order of the core's `InitiativeRecord` (and of the `InitiativeRecord`
/// `TypedDict` of the package).
const COLUMNS: [&str; 15] = [
    "parent_ids",
    "parent_labels",
    "parent_titles_ja",
    "level",
    "id",
    "number",
    "label",
    "title_ja",
    "title_en",
    "priority",
    "sectors",
    "actor_ids",
    "actor_names",
    "challenge_ids",
    "challenge_titles",
];

/// Hashes a string's address: the strings cached are borrowed from the one plan (the core's
/// table gives each actor's and challenge's id as the actor or challenge defines it), so an
/// address stands for its text (the same text at two addresses is merely made twice).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The two list columns of a row's references (ids and names, or ids and titles).
type PairCells<'py> = [Bound<'py, PyAny>; 2];

/// The id and name (or title) of each actor (or challenge), by its position in the core's
/// table, once made.
type Made<'py> = Vec<Option<[Bound<'py, PyString>; 2]>>;

/// Python strings made once for text that recurs in the rows.
struct Strings<'py> {
    py: Python<'py>,
    made: HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
    /// Labels by what the core says they are made of: (1), (2) … recur under every parent.
    labels: HashMap<(usize, Option<u32>), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
    /// Each actor's id and name.
    actors: Made<'py>,
    /// Each challenge's id and title.
    challenges: Made<'py>,
    /// The cells of the sectors column, by the codes they hold.
    sector_cells: HashMap<Vec<usize>, Bound<'py, PyAny>, BuildHasherDefault<AddressHasher>>,
    join: Option<&'py str>,
}

impl<'py> Strings<'py> {
    fn get(&mut self, s: &str) -> &Bound<'py, PyString> {
        let py = self.py;
        self.made
            .entry((s.as_ptr() as usize, s.len()))
            .or_insert_with(|| PyString::new(py, s))
    }

    /// A row's label: made once per key when the core gives one, else for the row.
    fn label(&mut self, table: &InitiativeTable<'_>, node: NodeRef<'_>) -> Bound<'py, PyString> {
        let py = self.py;
        match table.label_key(node) {
            Some(key) => self
                .labels
                .entry(key)
                .or_insert_with(|| PyString::new(py, &table.label(node)))
                .clone(),
            None => PyString::new(py, &table.label(node)),
        }
    }

    /// A list column of strings made once: a tuple (the column joined into one string is made
    /// from the text, by [`Strings::joined`]).
    fn tuple(
        &self,
        items: impl ExactSizeIterator<Item = Bound<'py, PyString>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if items.len() == 0 {
            return Ok(PyTuple::empty(self.py).into_any());
        }
        Ok(PyTuple::new(self.py, items)?.into_any())
    }

    /// A list column joined into one string, with `sep` between the items.
    fn joined<'s>(&self, items: impl Iterator<Item = &'s str>, sep: &str) -> Bound<'py, PyAny> {
        PyString::new(self.py, &items.collect::<Vec<_>>().join(sep)).into_any()
    }

    /// The id and the name of the part a reference leads to, each made once.
    fn pair(
        &mut self,
        r: RowRef<'_>,
        values: (&str, &str),
        of: fn(&mut Self) -> &mut Made<'py>,
    ) -> [Bound<'py, PyString>; 2] {
        let py = self.py;
        match r {
            RowRef::Defined(i) => match of(self).get_mut(i) {
                Some(slot) => slot
                    .get_or_insert_with(|| [PyString::new(py, values.0), PyString::new(py, values.1)])
                    .clone(),
                None => [PyString::new(py, values.0), PyString::new(py, values.1)],
            },
            RowRef::Undefined(id) => {
                let id = self.get(id).clone();
                [id.clone(), id]
            }
        }
    }

    /// Two list columns (ids and names) from one pass over a row's references.
    fn pair_cells<'p>(
        &mut self,
        refs: impl Iterator<Item = RowRef<'p>>,
        values: impl Fn(RowRef<'p>) -> (&'p str, &'p str),
        of: fn(&mut Self) -> &mut Made<'py>,
    ) -> PyResult<PairCells<'py>> {
        if let Some(sep) = self.join {
            let pairs: Vec<(&str, &str)> = refs.map(values).collect();
            return Ok([
                self.joined(pairs.iter().map(|p| p.0), sep),
                self.joined(pairs.iter().map(|p| p.1), sep),
            ]);
        }
        let pairs: Vec<[Bound<'py, PyString>; 2]> = refs.map(|r| self.pair(r, values(r), of)).collect();
        Ok([
            self.tuple(pairs.iter().map(|p| p[0].clone()))?,
            self.tuple(pairs.into_iter().map(|[_, name]| name))?,
        ])
    }

    /// The sectors column; the few combinations of sectors recur, so each is made once.
    fn sectors<'s>(&mut self, codes: impl Iterator<Item = &'s str>) -> PyResult<Bound<'py, PyAny>> {
        let codes: Vec<&str> = codes.collect();
        let key: Vec<usize> = codes.iter().map(|c| c.as_ptr() as usize).collect();
        if let Some(cell) = self.sector_cells.get(&key) {
            return Ok(cell.clone());
        }
        let cell = match self.join {
            Some(sep) => self.joined(codes.into_iter(), sep),
            None => {
                let items: Vec<Bound<'py, PyString>> =
                    codes.into_iter().map(|c| self.get(c).clone()).collect();
                self.tuple(items.into_iter())?
            }
        };
        self.sector_cells.insert(key, cell.clone());
        Ok(cell)
    }

    /// A list column of text the core computes (labels): made for this call.
    fn owned_cell(&self, items: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        match self.join {
            Some(sep) => Ok(PyString::new(self.py, &items.join(sep)).into_any()),
            None => Ok(PyTuple::new(self.py, items)?.into_any()),
        }
    }
}

/// Python's cyclic garbage collector, paused while the rows are built and resumed (if it ran)
/// when this is dropped. Every object built survives the call and none can be part of a cycle
/// (strings, tuples of strings, dicts of those), so a collection during the build could only
/// cost time: with a large document in memory, most of the time. The interpreter is held
/// throughout, so no other Python code runs while the collector is paused.
struct Paused<'py>(Option<Bound<'py, PyModule>>);

impl<'py> Paused<'py> {
    fn collector(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            return Ok(Paused(Some(gc)));
        }
        Ok(Paused(None))
    }
}

impl Drop for Paused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.0 {
            // `gc.enable()` does not fail; were it to, Python reports it as unraisable.
            if let Err(e) = gc.call_method0("enable") {
                e.write_unraisable(gc.py(), None);
            }
        }
    }
}

/// One dict per initiative of `plan`, the columns in order.
pub fn to_python<'py>(py: Python<'py>, plan: &Plan, join: Option<&'py str>) -> PyResult<Bound<'py, PyList>> {
    let _paused = Paused::collector(py)?;
    let table = InitiativeTable::new(plan);
    // Every row starts as a copy of a template that holds the keys in order, so that building
    // a row neither hashes its keys again nor grows the dict.
    let template = PyDict::new(py);
    let keys: Vec<Bound<'py, PyString>> = COLUMNS.iter().map(|k| PyString::intern(py, k)).collect();
    for k in &keys {
        template.set_item(k, py.None())?;
    }
    let mut strings = Strings {
        py,
        made: HashMap::default(),
        labels: HashMap::default(),
        actors: vec![None; table.actor_count()],
        challenges: vec![None; table.challenge_count()],
        sector_cells: HashMap::default(),
        join,
    };
    let level = strings.get(table.level()).clone().into_any();
    // The columns of the nodes above, shared by the rows under the same parent.
    let mut above: Option<(NodeAt, [Bound<'py, PyAny>; 3])> = None;
    let out = PyList::empty(py);
    for r in table.rows() {
        let node = r.node;
        let parent = r.at.parent();
        let parents = match above.take() {
            Some((at, cells)) if Some(at) == parent => (at, cells),
            _ => {
                let up: Vec<NodeRef<'_>> = table.parents(r);
                let labels: Vec<String> = up.iter().map(|&p| table.label(p)).collect();
                // Made directly: each parent's text is shared through `above`, not the cache.
                let cells = [
                    strings.owned_cell(up.iter().map(|p| p.node.id.to_string()).collect())?,
                    strings.owned_cell(labels)?,
                    strings.owned_cell(up.iter().map(|p| p.node.title.ja.clone()).collect())?,
                ];
                (parent.unwrap_or(r.at), cells)
            }
        };
        let row = template.copy()?;
        let mut key = keys.iter();
        let mut set = |value: &Bound<'py, PyAny>| -> PyResult<()> {
            row.set_item(key.next().ok_or_else(crate::view::gone)?, value)
        };
        set(&parents.1[0])?;
        set(&parents.1[1])?;
        set(&parents.1[2])?;
        set(&level)?;
        set(PyString::new(py, node.id.as_str()).as_any())?;
        set(&node.number.into_pyobject(py)?.into_any())?;
        set(strings.label(&table, r).as_any())?;
        set(PyString::new(py, &node.title.ja).as_any())?;
        set(&node.title.en.as_deref().into_pyobject(py)?.into_any())?;
        set(PyBool::new(py, node.priority).as_any())?;
        set(&strings.sectors(table.sectors(r))?)?;
        let [actor_ids, actor_names] =
            strings.pair_cells(table.actor_refs(r), |a| table.actor(a), |s| &mut s.actors)?;
        set(&actor_ids)?;
        set(&actor_names)?;
        let [challenge_ids, challenge_titles] = strings.pair_cells(
            table.challenge_refs(r),
            |c| table.challenge(c),
            |s| &mut s.challenges,
        )?;
        set(&challenge_ids)?;
        set(&challenge_titles)?;
        out.append(row)?;
        above = Some(parents);
    }
    Ok(out)
}
