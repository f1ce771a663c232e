//! Lazy views: a Python object for a part of the plan is a handle on the shared, immutable
//! plan (`Arc<SharedPlan>`) plus the indices that locate the part. Nothing is copied into Python
//! until a field is read, so a large plan costs the garbage collector nothing until it is
//! explored, and views are safe to share between threads.

use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Serialize;
use welfare_plan::{HelpSector, PartAt, PartIndex, Plan};

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

    /// Where the part with id `id` is.
    pub fn part(&self, id: &str) -> Option<PartAt> {
        self.parts.get_or_init(|| self.plan.part_index()).get(id)
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

use crate::issue::bad_argument;

/// Defines a view class: its struct (the plan and the indices that locate the part), the
/// lookup of the part, and equality (same place, same content) with a matching hash.
macro_rules! view {
    (
        $(#[$doc:meta])*
        $name:ident as $py:literal => $target:ty, |$p:ident, $s:ident| $locate:expr; [$($idx:ident),*]
    ) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, hash, module = "welfare_plan", name = $py)]
        pub struct $name {
            pub plan: std::sync::Arc<$crate::view::SharedPlan>,
            $(pub $idx: usize,)*
        }

        impl $name {
            /// The part this view shows.
            pub fn get(&self) -> pyo3::PyResult<&$target> {
                let $p: &welfare_plan::Plan = &self.plan;
                let $s = self;
                let _ = $s;
                ($locate).ok_or_else($crate::view::gone)
            }

            /// Its pickled state: its plan's canonical JSON and its indices (`pickle.rs`).
            pub fn reduced<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<$crate::pickle::Reduced<'py>> {
                $crate::pickle::reduce_part(py, $py, &self.plan, &[$(self.$idx),*])
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$idx == other.$idx)*
                    && (std::sync::Arc::ptr_eq(&self.plan, &other.plan)
                        || matches!((self.get(), other.get()), (Ok(a), Ok(b)) if a == b))
            }
        }

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                $py.hash(state);
                $(self.$idx.hash(state);)*
            }
        }
    };
}
pub(crate) use view;

/// Raised only if a view's indices do not locate a part, which the immutable shared plan rules
/// out; reported rather than panicking.
pub fn gone() -> PyErr {
    PyRuntimeError::new_err("internal error: a view no longer locates its part of the plan")
}

/// The code serde writes for a unit enum value, such as `three_help`.
pub fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A help sector from its code (`self_help`) or Japanese label (`自助`).
pub fn sector(name: &str) -> PyResult<HelpSector> {
    HelpSector::from_name(name).map_err(|e| bad_argument(e.to_string()))
}
