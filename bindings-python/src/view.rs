//! Lazy views: a Python object for a part of a document is a handle on the shared, immutable
//! document (its [`Root`]: a plan, a progress report, or a plan's evaluation over reports) plus
//! the steps that lead to the part from the root (its JSON Pointer, typed). Nothing is copied
//! into Python until a field is read, so a large plan costs the garbage collector nothing until
//! it is explored, and views are safe to share between threads.
//!
//! Two macros keep the classes in step with the core's model. `view!` declares a class: its
//! struct, equality, hashing, pickling and one accessor per field of the core type, each field
//! named once. `accessors!` (which `view!` and the root classes use) turns those names into
//! Python getters and into the walk that resolves a location, so a part is reachable exactly
//! through the fields that Python shows.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Serialize;
use welfare_plan::report::{CheckedReport, HashedPlan};
use welfare_plan::{PartAt, PartIndex, Plan};

use crate::json::py_repr;
use crate::part::Part;
use crate::pickle::Reduced;

/// A document that views show the parts of, shared behind an `Arc` by all of them.
pub trait Root: PartialEq + Send + Sync + Sized + 'static {
    /// The part that `loc` leads to, or `None` if no part of the document is there.
    fn resolve(&self, loc: &[Step]) -> Option<Part<'_>>;

    /// The plan whose parts the document's ids name: the plan itself, the plan a report was
    /// checked against (`None` for a report read without one), or the plan evaluated.
    fn plan_of(root: &Arc<Self>) -> Option<&Arc<SharedPlan>>;

    /// What pickling the part of class `kind` at `loc` stores: the document and the location.
    fn reduce_part<'py>(&self, py: Python<'py>, kind: &str, loc: &[Step]) -> PyResult<Reduced<'py>>;
}

/// The plan that a `Plan` and all its views share, with the core's id index, built on the
/// first lookup by id and then kept.
#[derive(Debug)]
pub struct SharedPlan {
    /// The plan, with its content hash once computed: every report read against it needs it.
    plan: HashedPlan,
    parts: OnceLock<PartIndex>,
    indicators: OnceLock<HashMap<String, Loc>>,
}

impl SharedPlan {
    /// A plan to share.
    pub fn new(plan: Plan) -> Arc<Self> {
        Arc::new(SharedPlan {
            plan: HashedPlan::new(plan),
            parts: OnceLock::new(),
            indicators: OnceLock::new(),
        })
    }

    /// Where the part with id `id` is, from the core's index.
    pub fn part(&self, id: &str) -> Option<PartAt> {
        self.parts.get_or_init(|| self.plan.part_index()).get(id)
    }

    /// The plan's content hash (`sha256:…`), computed on the first call.
    pub fn hash(&self) -> &str {
        self.plan.hash()
    }

    /// A report checked against this plan, with the hash computed once (the core's
    /// [`HashedPlan::check_report`]).
    pub fn check_report(&self, input: &[u8], limits: &welfare_plan::Limits) -> CheckedReport {
        self.plan.check_report(input, limits)
    }

    /// Where the indicator with id `id` is (in the plan, a node, a project, a priority project
    /// or a sub-plan), from an index built on the first lookup.
    pub fn indicator(&self, id: &str) -> Option<Loc> {
        let index = self
            .indicators
            .get_or_init(|| crate::part::indicator_locs(&self.plan));
        index.get(id).cloned()
    }
}

/// The part that `loc` leads to from `root`, or `None`.
pub fn walk_from<'p>(root: Part<'p>, loc: &[Step]) -> Option<Part<'p>> {
    loc.iter()
        .try_fold(root, |part, s| Some(part.walk(s.field, s.index)?.1))
}

impl Root for SharedPlan {
    fn resolve(&self, loc: &[Step]) -> Option<Part<'_>> {
        walk_from(Part::Plan(&self.plan), loc)
    }

    fn plan_of(root: &Arc<Self>) -> Option<&Arc<SharedPlan>> {
        Some(root)
    }

    fn reduce_part<'py>(&self, py: Python<'py>, kind: &str, loc: &[Step]) -> PyResult<Reduced<'py>> {
        crate::pickle::reduce_part(py, kind, &self.plan, loc)
    }
}

impl std::ops::Deref for SharedPlan {
    type Target = Plan;

    fn deref(&self) -> &Plan {
        &self.plan
    }
}

impl PartialEq for SharedPlan {
    fn eq(&self, other: &Self) -> bool {
        self.plan.plan() == other.plan.plan()
    }
}

/// One step from a part to a part inside it: a field of the format, and the index when the
/// field is a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step {
    /// The field, as the format spells it (`children`).
    pub field: &'static str,
    /// The index in the list, or `None` for a field that holds one part.
    pub index: Option<usize>,
}

/// Where a part is: the steps from the plan's root.
pub type Loc = Box<[Step]>;

/// What an accessor returns: any Python value (the stubs give each accessor its type).
pub type PyValue<'py> = PyResult<Bound<'py, PyAny>>;

/// What a method listing parts returns: views.
pub type PyViews<'py> = PyResult<Vec<Bound<'py, PyAny>>>;

/// The location one step further in than `loc`.
pub fn child(loc: &[Step], field: &'static str, index: Option<usize>) -> Loc {
    loc.iter().copied().chain([Step { field, index }]).collect()
}

/// The location as a JSON Pointer, such as `/nodes/0/children/1`: where the part's issues
/// would point.
pub fn pointer(loc: &[Step]) -> String {
    let mut out = String::new();
    for s in loc {
        out.push('/');
        out.push_str(s.field);
        if let Some(i) = s.index {
            out.push('/');
            out.push_str(&i.to_string());
        }
    }
    out
}

/// Raised only if a view's location leads to no part, which the immutable shared plan rules
/// out; reported rather than panicking.
pub fn gone() -> PyErr {
    PyRuntimeError::new_err("internal error: a view no longer locates its part of the plan")
}

/// `Name(key=value, …)` for the given fields of a part, as its JSON has them: texts show their
/// Japanese, absent fields are left out.
pub fn repr<T: Serialize>(py: Python<'_>, name: &str, part: &T, keys: &[&str]) -> PyResult<String> {
    let value = serde_json::to_value(part).unwrap_or_default();
    let mut shown = Vec::new();
    for key in keys {
        let text = match value.get(key) {
            None | Some(serde_json::Value::Null) => continue,
            Some(serde_json::Value::String(s)) => py_repr(py, s)?,
            Some(serde_json::Value::Bool(b)) => (if *b { "True" } else { "False" }).to_owned(),
            Some(v) => match v.get("ja").and_then(serde_json::Value::as_str) {
                Some(ja) => py_repr(py, ja)?,
                None => v.to_string(),
            },
        };
        shown.push(format!("{key}={text}"));
    }
    Ok(format!("{name}({})", shown.join(", ")))
}

/// Writes the Python getters of a class and the walk through its core type, from field names:
///
/// - `fields`: values shown as Python values (`str`, `int`, `Text`, codes, `extensions` as a
///   dict), through [`crate::expose::Expose`];
/// - `parts`: parts the type holds (one, an optional one, or a list), shown as views and
///   walked into by locations;
/// - `refs`: ids of parts elsewhere in the plan, shown twice: resolved to views under the
///   field's name, and as ids under the second name.
///
/// The class must have `get()` (its core value), `loc()` and the field named after `in`, which
/// holds its [`Root`]; `extra` items go into the same `#[pymethods]` block.
macro_rules! accessors {
    (
        $view:ident in $root:ident => $target:ty;
        fields: [$($field:ident),* $(,)?];
        parts: [$($part:ident),* $(,)?];
        refs: [$($rf:ident / $ids:ident => $reft:ty),* $(,)?];
        { $($extra:tt)* }
    ) => {
        impl $crate::part::Walk for $target {
            fn walk(
                &self,
                field: &str,
                index: Option<usize>,
            ) -> Option<(&'static str, $crate::part::Part<'_>)> {
                $(
                    if field == stringify!($part) {
                        return $crate::expose::Owned::nth(&self.$part, index)
                            .map(|x| (stringify!($part), $crate::part::HasView::part(x)));
                    }
                )*
                let _ = (field, index);
                None
            }
        }

        #[pyo3::pymethods]
        impl $view {
            $(
                #[getter]
                fn $field<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    $crate::expose::Expose::expose(&self.get()?.$field, py)
                }
            )*
            $(
                #[getter]
                fn $part<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    let part = &self.get()?.$part;
                    $crate::expose::Owned::views(part, py, &self.$root, self.loc(), stringify!($part))
                }
            )*
            $(
                #[getter]
                fn $rf<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    let plan = $crate::view::Root::plan_of(&self.$root);
                    $crate::expose::Refs::resolve::<$reft>(&self.get()?.$rf, py, plan)
                }

                // An ids getter names a field (`from_id` is the id in `from`), not a conversion.
                #[allow(clippy::wrong_self_convention)]
                #[getter]
                fn $ids<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    $crate::expose::Expose::expose(&self.get()?.$rf, py)
                }
            )*
            $($extra)*
        }
    };
}
pub(crate) use accessors;

/// Declares a view class of a core type: the struct (its root document and the part's
/// location), the lookup of the part, equality (same place, same content) with a matching hash,
/// `path`, `to_dict`, pickling, a `repr` showing `repr` fields, and the accessors of
/// [`accessors!`]. A part of a plan names only its type; a part of another document adds
/// `in field: RootType` (`Actual in report: SharedReport`).
macro_rules! view {
    (
        $(#[$doc:meta])*
        $name:ident as $py:literal => $target:ident;
        $($rest:tt)*
    ) => {
        $crate::view::view! {
            $(#[$doc])*
            $name as $py => $target in plan: $crate::view::SharedPlan;
            $($rest)*
        }
    };
    (
        $(#[$doc:meta])*
        $name:ident as $py:literal => $target:ident in $root:ident: $root_ty:ty;
        repr: [$($rk:literal),* $(,)?];
        fields: [$($field:ident),* $(,)?];
        parts: [$($part:ident),* $(,)?];
        refs: [$($rf:ident / $ids:ident => $reft:ty),* $(,)?];
        { $($extra:tt)* }
    ) => {
        $(#[$doc])*
        #[pyo3::pyclass(frozen, eq, hash, module = "welfare_plan", name = $py)]
        pub struct $name {
            /// The document the part belongs to.
            pub $root: std::sync::Arc<$root_ty>,
            /// Where the part is in the document.
            pub loc: $crate::view::Loc,
        }

        impl $name {
            /// The view of the part at `loc` in `root`.
            pub fn new_at(root: std::sync::Arc<$root_ty>, loc: $crate::view::Loc) -> Self {
                $name { $root: root, loc }
            }

            /// The part this view shows.
            pub fn get(&self) -> pyo3::PyResult<&$crate::part::model::$target> {
                match $crate::view::Root::resolve(&*self.$root, &self.loc) {
                    Some($crate::part::Part::$target(x)) => Ok(x),
                    _ => Err($crate::view::gone()),
                }
            }

            /// Where the part is.
            pub fn loc(&self) -> &[$crate::view::Step] {
                &self.loc
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.loc == other.loc
                    && (std::sync::Arc::ptr_eq(&self.$root, &other.$root)
                        || matches!((self.get(), other.get()), (Ok(a), Ok(b)) if a == b))
            }
        }

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                $py.hash(state);
                self.loc.hash(state);
            }
        }

        $crate::view::accessors! {
            $name in $root => $crate::part::model::$target;
            fields: [$($field),*];
            parts: [$($part),*];
            refs: [$($rf / $ids => $reft),*];
            {
                /// Where the part is in the document, as a JSON Pointer (`/nodes/0/children/1`),
                /// the form issue paths take.
                #[getter]
                fn path(&self) -> String {
                    $crate::view::pointer(&self.loc)
                }

                /// The part as plain data, exactly as in the JSON format.
                fn to_dict<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    $crate::json::to_python(py, self.get()?)
                }

                /// Pickles the part as its document and its place in it.
                fn __reduce__<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                ) -> pyo3::PyResult<$crate::pickle::Reduced<'py>> {
                    $crate::view::Root::reduce_part(&*self.$root, py, $py, &self.loc)
                }

                fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                    $crate::view::repr(py, $py, self.get()?, &[$($rk),*])
                }

                $($extra)*
            }
        }
    };
}
pub(crate) use view;
