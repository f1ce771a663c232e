//! The plan period (計画期間), its phases (期) and the plan's revisions (改訂).

use pyo3::prelude::*;

use crate::view::view;

view! {
    /// A period in fiscal years (年度), inclusive: the plan's (計画期間) or a sub-plan's own.
    ///
    /// ```python
    /// p = plan.period
    /// print(p.start_fiscal_year, p.end_fiscal_year, welfare_plan.era_label(p.start_fiscal_year))
    /// ```
    PyPeriod as "Period" => Period;
    repr: ["start_fiscal_year", "end_fiscal_year"];
    fields: [start_fiscal_year, end_fiscal_year, mid_term_review_fiscal_year, extensions];
    parts: [phases];
    refs: [];
    {
        /// The number of fiscal years the period spans.
        #[getter]
        fn len_years(&self) -> PyResult<i64> {
            Ok(self.get()?.len_years())
        }

        /// Whether fiscal year `year` falls within the period.
        fn contains(&self, year: i32) -> PyResult<bool> {
            Ok(self.get()?.contains(welfare_plan::FiscalYear(year)))
        }
    }
}

view! {
    /// A phase of the plan period (期), such as 前期 or 後期, which nodes and projects may run in.
    PyPhase as "Phase" => Phase;
    repr: ["id", "start_fiscal_year", "end_fiscal_year"];
    fields: [id, name, start_fiscal_year, end_fiscal_year, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A revised edition of the plan (改訂), such as the one after the mid-term review.
    PyRevision as "Revision" => Revision;
    repr: ["published"];
    fields: [published, description, extensions];
    parts: [];
    refs: [];
    {}
}
