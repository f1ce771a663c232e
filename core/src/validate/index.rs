//! The id index: every id in the plan, interned once, so that reference checks are one hash
//! lookup each and duplicate ids are found in the same pass.

use rustc_hash::FxHashMap;

use super::walk::{walk, Kind, Stack, Visitor};
use crate::error::Path;
use crate::model::{Id, Plan};

/// Every id of a plan with the kind of part it names.
#[derive(Debug, Default)]
pub struct IdIndex<'p> {
    by_id: FxHashMap<&'p str, (Kind, u32)>,
    /// Ids seen twice: (the id, the visit number of its first use, the kind and path of the
    /// repeat).
    pub duplicates: Vec<(&'p str, u32, Kind, Path)>,
}

impl<'p> IdIndex<'p> {
    /// Indexes the ids of `plan`.
    pub fn build(plan: &'p Plan) -> Self {
        let mut b = Builder {
            index: IdIndex::default(),
            seen: 0,
        };
        walk(plan, &mut b);
        b.index
    }

    /// The kind of part `id` names, if any.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.by_id.get(id).map(|&(k, _)| k)
    }

    /// The path of the `n`th id visited (a second walk, only ever taken to report an issue).
    pub fn path_of_visit(plan: &Plan, n: u32) -> Path {
        struct Find {
            want: u32,
            seen: u32,
            found: Option<Path>,
        }
        impl Visitor<'_> for Find {
            fn id(&mut self, _id: &Id, _kind: Kind, path: &Stack) {
                if self.seen == self.want {
                    self.found = Some(path.path(&[]));
                }
                self.seen += 1;
            }
        }
        let mut f = Find {
            want: n,
            seen: 0,
            found: None,
        };
        walk(plan, &mut f);
        f.found.unwrap_or_default()
    }
}

struct Builder<'p> {
    index: IdIndex<'p>,
    seen: u32,
}

impl<'p> Visitor<'p> for Builder<'p> {
    fn id(&mut self, id: &'p Id, kind: Kind, path: &Stack) {
        let n = self.seen;
        self.seen += 1;
        if let Some(&(_, first)) = self.index.by_id.get(id.as_str()) {
            self.index
                .duplicates
                .push((id.as_str(), first, kind, path.path(&[])));
        } else {
            self.index.by_id.insert(id.as_str(), (kind, n));
        }
    }
}
