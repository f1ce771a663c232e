//! Actors (担い手): who carries the plan.

use pyo3::prelude::*;

use crate::text::PyText;
use crate::view::view;

view! {
    /// An actor (担い手): residents, neighbourhood associations, the social welfare council,
    /// the city …; `publisher` is the publishing body it is, if any.
    ///
    /// ```python
    /// actor = plan.actor("city")
    /// print(actor.kind, actor.kind_label.ja, actor.sector)   # municipality 市町村・行政 public_help
    /// ```
    PyActor as "Actor" => Actor;
    repr: ["id", "kind", "name"];
    fields: [id, kind, name, sector, description, extensions];
    parts: [];
    refs: [publisher / publisher_id => welfare_plan::Publisher];
    {
        /// The kind's label: 自治会・町内会 / neighbourhood associations.
        #[getter]
        fn kind_label(&self) -> PyResult<PyText> {
            let (_, ja, en) = self.get()?.kind.labels();
            Ok(PyText::label((ja.to_owned(), en.to_owned())))
        }
    }
}
