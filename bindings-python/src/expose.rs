//! How a core field's value is shown in Python, by the field's type, so that an accessor needs
//! only the field's name: values ([`Expose`]), parts held by a part ([`Owned`]), and ids of
//! parts elsewhere in the plan ([`Refs`]), also when a report or an evaluation names them.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyList;
use pyo3::IntoPyObjectExt;
use welfare_plan::report::Status;
use welfare_plan::{
    ActorKind, Comparator, Condition, Direction, Extensions, FiscalYear, HelpModelKind, Id, IndicatorKind,
    LineageChange, MunicipalityCode, NumberStyle, PublisherKind, Quantity, Rollup, Text, ValueType,
    YearMonth,
};

use crate::json::to_python;
use crate::part::{Findable, HasView};
use crate::text::PyText;
use crate::view::{child, SharedPlan, Step};

/// The document that the views of `T` belong to.
type RootOf<T> = <T as HasView>::Root;

/// A field value shown as a Python value.
pub trait Expose {
    /// The value in Python.
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// Values that Python has a type for already.
macro_rules! plain {
    ($($t:ty),*) => {
        $(
            impl Expose for $t {
                fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    self.into_bound_py_any(py)
                }
            }
        )*
    };
}

// `f64` is a float whatever its value: achievements and expected shares are measures (a grade's
// score and a condition's threshold, which the plan writes as people type them, are shown as
// written; see `views/evaluation.rs`).
plain!(bool, u32, usize, f64, String);

/// Code lists, shown as their codes (`three_help`, `at_least`).
macro_rules! codes {
    ($($t:ty),*) => {
        $(
            impl Expose for $t {
                fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    self.labels().0.into_bound_py_any(py)
                }
            }
        )*
    };
}

codes!(
    ActorKind,
    PublisherKind,
    HelpModelKind,
    NumberStyle,
    IndicatorKind,
    ValueType,
    Direction,
    Comparator,
    Condition,
    Rollup,
    LineageChange,
    Status
);

impl Expose for Id {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().into_bound_py_any(py)
    }
}

impl Expose for Text {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, PyText::of(self))?.into_any())
    }
}

impl Expose for FiscalYear {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.into_bound_py_any(py)
    }
}

/// `YYYY-MM`, as in the JSON.
impl Expose for YearMonth {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_string().into_bound_py_any(py)
    }
}

impl Expose for MunicipalityCode {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.as_str().into_bound_py_any(py)
    }
}

/// An `int` for an integer (212 stays 212), a `float` for another number, a `str` for a
/// qualitative value (設置).
impl Expose for Quantity {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Quantity::Integer(i) => i.into_bound_py_any(py),
            Quantity::Number(n) => n.into_bound_py_any(py),
            Quantity::Text(t) => t.as_str().into_bound_py_any(py),
        }
    }
}

/// A `dict`, keys in sorted order as canonical JSON writes them.
impl Expose for Extensions {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self)
    }
}

impl<T: Expose> Expose for Option<T> {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.expose(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: Expose> Expose for Vec<T> {
    fn expose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self.iter().map(|v| v.expose(py)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

/// Parts a part holds: one (`Period`), an optional one (`Option<HelpModel>`) or a list
/// (`Vec<Node>`). The impls for single parts are written with the views (`part.rs`).
pub trait Owned {
    /// The type of the parts held.
    type Item: HasView;

    /// The part at `index` (a list) or the one part (`index` is `None`).
    fn nth(&self, index: Option<usize>) -> Option<&Self::Item>;

    /// The views of the parts, held at `field` of the part at `loc`: a view, `None`, or a list.
    fn views<'py>(
        &self,
        py: Python<'py>,
        root: &Arc<RootOf<Self::Item>>,
        loc: &[Step],
        field: &'static str,
    ) -> PyResult<Bound<'py, PyAny>>;
}

impl<T: HasView> Owned for Vec<T> {
    type Item = T;

    fn nth(&self, index: Option<usize>) -> Option<&T> {
        self.get(index?)
    }

    fn views<'py>(
        &self,
        py: Python<'py>,
        root: &Arc<RootOf<T>>,
        loc: &[Step],
        field: &'static str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let views = (0..self.len())
            .map(|i| T::view(py, root, child(loc, field, Some(i))))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, views)?.into_any())
    }
}

impl<T: HasView> Owned for Option<T> {
    type Item = T;

    fn nth(&self, index: Option<usize>) -> Option<&T> {
        self.as_ref().filter(|_| index.is_none())
    }

    fn views<'py>(
        &self,
        py: Python<'py>,
        root: &Arc<RootOf<T>>,
        loc: &[Step],
        field: &'static str,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(_) => T::view(py, root, child(loc, field, None)),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

/// Ids of parts elsewhere in the plan, resolved to views of type `T` in `plan` (a report read
/// without its plan resolves none).
pub trait Refs {
    /// One view or `None` for an id, a list for a list of ids (ids that name no `T` are left
    /// out; a valid plan has none).
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

impl Refs for str {
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match plan.and_then(|p| Some((p, T::find(p, self)?))) {
            Some((plan, loc)) => T::view(py, plan, loc),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl Refs for Id {
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().resolve::<T>(py, plan)
    }
}

impl Refs for String {
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().resolve::<T>(py, plan)
    }
}

impl<R: Refs> Refs for Option<R> {
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(id) => id.resolve::<T>(py, plan),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl Refs for Vec<Id> {
    fn resolve<'py, T: Findable>(
        &self,
        py: Python<'py>,
        plan: Option<&Arc<SharedPlan>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let views = match plan {
            Some(plan) => self
                .iter()
                .filter_map(|id| T::find(plan, id.as_str()))
                .map(|loc| T::view(py, plan, loc))
                .collect::<PyResult<Vec<_>>>()?,
            None => Vec::new(),
        };
        Ok(PyList::new(py, views)?.into_any())
    }
}
