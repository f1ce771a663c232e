//! Challenges (課題) and the residents' voices quoted beside them.

use pyo3::prelude::*;
use welfare_plan::numbering::challenge_label;

use crate::text::PyText;
use crate::view::{view, PyViews};
use crate::views::node::node_views;

view! {
    /// A challenge (課題) the plan, or a district's plan, sets out to meet, numbered ①, ②, ….
    ///
    /// ```python
    /// for c in plan.challenges:
    ///     print(c.label.ja, c.title.ja, [n.id for n in c.initiatives()])
    /// ```
    PyChallenge as "Challenge" => Challenge;
    repr: ["id", "number", "title"];
    fields: [id, number, title, description, extensions];
    parts: [lineage];
    refs: [];
    {
        /// ① / Challenge 1.
        #[getter]
        fn label(&self) -> PyResult<PyText> {
            Ok(PyText::label(challenge_label(self.get()?.number)))
        }

        /// The initiatives that address this challenge, in document order.
        fn initiatives<'py>(&self, py: Python<'py>) -> PyViews<'py> {
            let id = self.get()?.id.as_str();
            node_views(py, &self.plan, self.plan.initiatives_addressing(id))
        }
    }
}

view! {
    /// A resident's voice (市民の声) the plan quotes, with the challenges it speaks to and the
    /// nodes it is quoted beside; `editorial_links` says the data's editors drew those links.
    ///
    /// ```python
    /// for v in plan.voices:
    ///     print(v.text.ja, [c.id for c in v.challenges], [n.id for n in v.nodes])
    /// ```
    PyVoice as "Voice" => Voice;
    repr: ["id", "text"];
    fields: [id, text, editorial_links, extensions];
    parts: [];
    refs: [
        challenges / challenge_ids => welfare_plan::Challenge,
        nodes / node_ids => welfare_plan::Node,
    ];
    {}
}
