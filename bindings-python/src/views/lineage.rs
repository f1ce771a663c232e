//! What a part continues from the previous edition of the plan (前期計画からの継承).

use pyo3::prelude::*;

use crate::view::view;

view! {
    /// A part of the previous edition that this node, challenge or indicator continues:
    /// `from` is its id there (not resolved against this plan: it names a part of another
    /// document), `change` how it continues (`unchanged`, `reworded`, `moved`, `merged`,
    /// `split`). `from` is a Python keyword: read it as `from_`.
    PyLineage as "Lineage" => Lineage;
    repr: ["from", "change"];
    fields: [change, extensions];
    parts: [];
    refs: [];
    {
        /// The id of the part in the previous edition (the field `from`).
        #[getter(from)]
        fn previous(&self) -> PyResult<String> {
            Ok(self.get()?.from.to_string())
        }

        /// The id of the part in the previous edition, under the name PEP 8 gives a keyword.
        #[getter(from_)]
        fn previous_pep8(&self) -> PyResult<String> {
            self.previous()
        }
    }
}
