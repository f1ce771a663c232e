//! Lazy views: a Python object for a part of the plan is a handle on the shared, immutable
//! plan (`Arc<SharedPlan>`) plus the steps that lead to the part from the plan's root (its JSON
//! Pointer, typed). Nothing is copied into Python until a field is read, so a large plan costs
//! the garbage collector nothing until it is explored, and views are safe to share between
//! threads.
//!
//! Two macros keep the classes in step with the core's model. `view!` declares a class: its
//! struct, equality, hashing, pickling and one accessor per field of the core type, each field
//! named once. `accessors!` (which `view!` and `Plan` use) turns those names into Python
//! getters and into the walk that resolves a location, so a part is reachable exactly through
//! the fields that Python shows.

use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Serialize;
use welfare_plan::{PartAt, PartIndex, Plan};

use crate::json::py_repr;
use crate::part::Part;

/// The plan that a `Plan` and all its views share, with the core's id index, built on the
/// first lookup by id and then kept.
#[derive(Debug)]
pub struct SharedPlan {
    plan: Plan,
    parts: OnceLock<PartIndex>,
}

impl SharedPlan {
    /// A plan to share.
    pub fn new(plan: Plan) -> Arc<Self> {
        Arc::new(SharedPlan {
            plan,
            parts: OnceLock::new(),
        })
    }

    /// Where the part with id `id` is, from the core's index.
    pub fn part(&self, id: &str) -> Option<PartAt> {
        self.parts.get_or_init(|| self.plan.part_index()).get(id)
    }

    /// The part that `loc` leads to, or `None` if no part of the plan is there.
    pub fn resolve(&self, loc: &[Step]) -> Option<Part<'_>> {
        loc.iter().try_fold(Part::Plan(&self.plan), |part, s| {
            Some(part.walk(s.field, s.index)?.1)
        })
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
        self.plan == other.plan
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
/// The class must have `get()` (its core value), `loc()` and a `plan` field; `extra` items
/// go into the same `#[pymethods]` block.
macro_rules! accessors {
    (
        $view:ident => $target:ty;
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
                    $crate::expose::Owned::views(part, py, &self.plan, self.loc(), stringify!($part))
                }
            )*
            $(
                #[getter]
                fn $rf<'py>(&self, py: pyo3::Python<'py>) -> $crate::view::PyValue<'py> {
                    $crate::expose::Refs::resolve::<$reft>(&self.get()?.$rf, py, &self.plan)
                }

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

/// Declares a view class of a core type: the struct (the plan and the part's location), the
/// lookup of the part, equality (same place, same content) with a matching hash, `path`,
/// `to_dict`, pickling, a `repr` showing `repr` fields, and the accessors of [`accessors!`].
macro_rules! view {
    (
        $(#[$doc:meta])*
        $name:ident as $py:literal => $target:ident;
        repr: [$($rk:literal),* $(,)?];
        fields: [$($field:ident),* $(,)?];
        parts: [$($part:ident),* $(,)?];
        refs: [$($rf:ident / $ids:ident => $reft:ty),* $(,)?];
        { $($extra:tt)* }
    ) => {
        $(#[$doc])*
        #[pyo3::pyclass(frozen, eq, hash, module = "welfare_plan", name = $py)]
        pub struct $name {
            /// The plan the part belongs to.
            pub plan: std::sync::Arc<$crate::view::SharedPlan>,
            /// Where the part is in the plan.
            pub loc: $crate::view::Loc,
        }

        impl $name {
            /// The part this view shows.
            pub fn get(&self) -> pyo3::PyResult<&welfare_plan::$target> {
                match self.plan.resolve(&self.loc) {
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
                    && (std::sync::Arc::ptr_eq(&self.plan, &other.plan)
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
            $name => welfare_plan::$target;
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

                /// Pickles the part as its plan and its place in it.
                fn __reduce__<'py>(
                    &self,
                    py: pyo3::Python<'py>,
                ) -> pyo3::PyResult<$crate::pickle::Reduced<'py>> {
                    $crate::pickle::reduce_part(py, $py, &self.plan, &self.loc)
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
