//! The results of evaluating a plan over its progress reports (`Plan.evaluate`): each
//! indicator's yearly series, each node's and each help sector's grades by year. Every number
//! and grade is the core's; these classes only show them.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::part::{Findable, HasView};
use crate::progress::SharedProgress;
use crate::text::PyText;
use crate::view::{child, view, PyValue};

view! {
    /// One indicator across the report years: its name and unit, the node that holds it, its
    /// baseline and targets (the plan's), and one `IndicatorYear` per report, in year order.
    ///
    /// ```python
    /// salons = progress.indicator("ind-salons")
    /// print(salons.name.ja, [(y.fiscal_year, y.value, y.status) for y in salons.years])
    /// ```
    PyIndicatorSeries as "IndicatorSeries" => IndicatorSeries in progress: SharedProgress;
    repr: ["id", "name"];
    fields: [id, name, unit];
    parts: [years];
    refs: [node / node_id => welfare_plan::Node];
    {
        /// The plan's indicator.
        #[getter]
        fn indicator<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            let plan = &self.progress.plan;
            let loc = welfare_plan::Indicator::find(plan, self.get()?.id.as_str()).ok_or_else(crate::view::gone)?;
            welfare_plan::Indicator::view(py, plan, loc)
        }

        /// Its baseline (現状値), as in the plan, or `None`.
        #[getter]
        fn baseline<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            self.indicator(py)?.getattr("baseline")
        }

        /// Its targets (目標値), as in the plan.
        #[getter]
        fn targets<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            self.indicator(py)?.getattr("targets")
        }
    }
}

view! {
    /// An indicator in one report year: the actual `value` (`int`, `float` or `str` as the
    /// report writes it; `None` when not measured), the `target` it is measured against,
    /// `achievement` (percent of the way from the baseline to that target), `expected` (percent
    /// a straight line from baseline to target expects by the year), `status` (`achieved`,
    /// `on_track`, `behind`, `worse`, `no_data`) and its grade on each scale that grades
    /// indicators.
    PyIndicatorYear as "IndicatorYear" => IndicatorYear in progress: SharedProgress;
    repr: ["fiscal_year", "value", "status"];
    fields: [fiscal_year, value, target, achievement, expected, status];
    parts: [];
    refs: [];
    {
        /// The status's label: 順調 / on track.
        #[getter]
        fn status_label(&self) -> PyResult<PyText> {
            let (_, ja, en) = self.get()?.status.labels();
            Ok(PyText::label((ja.to_owned(), en.to_owned())))
        }

        /// The grade code on each scale that grades indicators, by scale id, in the plan's
        /// order: `{"achievement": "S"}`. A scale none of whose conditions held is absent.
        #[getter]
        fn grades<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let d = PyDict::new(py);
            for (scale, grade) in &self.get()?.grades {
                d.set_item(scale.as_str(), grade)?;
            }
            Ok(d)
        }
    }
}

view! {
    /// A node of the plan across the report years: its label, title and depth, and one
    /// `NodeYear` per report with its grade on each scale that grades nodes.
    ///
    /// ```python
    /// for n in progress.nodes:
    ///     print(n.label.ja, [(g.scale_id, g.entered, g.computed) for g in n.years[-1].grades])
    /// ```
    PyNodeSeries as "NodeSeries" => NodeSeries in progress: SharedProgress;
    repr: ["id", "title"];
    fields: [id, title, depth];
    parts: [years];
    refs: [];
    {
        /// The node's label in its level's numbering: 基本目標Ⅰ / Basic goal I.
        #[getter]
        fn label(&self) -> PyResult<PyText> {
            Ok(PyText::label(self.get()?.label.clone()))
        }

        /// The plan's node.
        #[getter]
        fn node<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            let plan = Some(&self.progress.plan);
            crate::expose::Refs::resolve::<welfare_plan::Node>(&self.get()?.id, py, plan)
        }
    }
}

view! {
    /// A help sector (自助・共助・公助 …) across the report years: the grades of the
    /// initiatives in which some actor takes part in that sector, taken together (computed
    /// only: nothing is entered for a sector).
    PySectorSeries as "SectorSeries" => SectorSeries in progress: SharedProgress;
    repr: ["sector", "label"];
    fields: [sector];
    parts: [years];
    refs: [];
    {
        /// The sector's label: 自助 / self-help, or the plan's own.
        #[getter]
        fn label(&self) -> PyResult<PyText> {
            Ok(PyText::label(self.get()?.label.clone()))
        }
    }
}

view! {
    /// A node's (or a help sector's) grades in one report year, one per scale that grades nodes.
    PyNodeYear as "NodeYear" => NodeYear in progress: SharedProgress;
    repr: ["fiscal_year"];
    fields: [fiscal_year];
    parts: [grades];
    refs: [];
    {
        /// The grade on the scale with id `scale`, or `None` for a scale that does not grade
        /// nodes.
        fn grade<'py>(&self, py: Python<'py>, scale: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            match self.get()?.grades.iter().position(|g| g.scale == scale) {
                Some(i) => Ok(Some(welfare_plan::report::NodeGrade::view(
                    py,
                    &self.progress,
                    child(&self.loc, "grades", Some(i)),
                )?)),
                None => Ok(None),
            }
        }
    }
}

view! {
    /// A node's grade on one scale in one year, side by side: `entered` (by hand in the report)
    /// and `computed` (by the scale's method from what lies below). An entered grade is never
    /// overwritten; either may be `None`.
    PyNodeGrade as "NodeGrade" => NodeGrade in progress: SharedProgress;
    repr: ["scale", "entered", "computed"];
    fields: [entered, computed];
    parts: [];
    refs: [scale / scale_id => welfare_plan::GradeScale];
    {}
}
