//! An evaluation as flat rows for data frames (`pandas.DataFrame(rows)`): the core's results
//! laid out one row per indicator and year, and one per node (or help sector), scale and year.
//! Nothing is computed here; the columns are documented on `Progress`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::SharedProgress;
use crate::expose::Expose;

/// One row per indicator and report year, with a `grade.<scale>` column for each scale that
/// grades indicators (one that has `indicator_conditions`), `None` where it gave no grade.
pub fn indicators<'py>(py: Python<'py>, p: &SharedProgress) -> PyResult<Bound<'py, PyAny>> {
    let scales: Vec<(String, &str)> = p
        .plan
        .evaluation
        .iter()
        .flat_map(|e| &e.scales)
        .filter(|s| !s.indicator_conditions.is_empty())
        .map(|s| (format!("grade.{}", s.id), s.id.as_str()))
        .collect();
    let rows = PyList::empty(py);
    for s in &p.progress.indicators {
        let baseline = s.baseline.as_ref().map(|b| &b.value);
        for y in &s.years {
            let row = PyDict::new(py);
            row.set_item("indicator", s.id.as_str())?;
            row.set_item("name_ja", &s.name.ja)?;
            row.set_item("name_en", &s.name.en)?;
            row.set_item("unit_ja", s.unit.as_ref().map(|u| &u.ja))?;
            row.set_item("node", s.node.expose(py)?)?;
            row.set_item("baseline", baseline.map(|b| b.expose(py)).transpose()?)?;
            row.set_item("fiscal_year", y.fiscal_year.0)?;
            row.set_item("value", y.value.expose(py)?)?;
            row.set_item("target", y.target.expose(py)?)?;
            row.set_item("achievement", y.achievement)?;
            row.set_item("expected", y.expected)?;
            row.set_item("status", y.status.labels().0)?;
            for (column, scale) in &scales {
                let grade = y.grades.iter().find(|(s, _)| s == scale).map(|(_, g)| g);
                row.set_item(column, grade)?;
            }
            rows.append(row)?;
        }
    }
    Ok(rows.into_any())
}

/// One row per node, scale and report year: entered and computed grades side by side.
pub fn nodes<'py>(py: Python<'py>, p: &SharedProgress) -> PyResult<Bound<'py, PyAny>> {
    let rows = PyList::empty(py);
    for n in &p.progress.nodes {
        for y in &n.years {
            for g in &y.grades {
                let row = PyDict::new(py);
                row.set_item("node", n.id.as_str())?;
                row.set_item("label", &n.label.0)?;
                row.set_item("title_ja", &n.title.ja)?;
                row.set_item("title_en", &n.title.en)?;
                row.set_item("depth", n.depth)?;
                row.set_item("fiscal_year", y.fiscal_year.0)?;
                row.set_item("scale", g.scale.as_str())?;
                row.set_item("entered", &g.entered)?;
                row.set_item("computed", &g.computed)?;
                rows.append(row)?;
            }
        }
    }
    Ok(rows.into_any())
}

/// One row per help sector, scale and report year (sectors are only computed).
pub fn sectors<'py>(py: Python<'py>, p: &SharedProgress) -> PyResult<Bound<'py, PyAny>> {
    let rows = PyList::empty(py);
    for s in &p.progress.sectors {
        for y in &s.years {
            for g in &y.grades {
                let row = PyDict::new(py);
                row.set_item("sector", s.sector.as_str())?;
                row.set_item("label", &s.label.0)?;
                row.set_item("fiscal_year", y.fiscal_year.0)?;
                row.set_item("scale", g.scale.as_str())?;
                row.set_item("computed", &g.computed)?;
                rows.append(row)?;
            }
        }
    }
    Ok(rows.into_any())
}
