//! The basic philosophy (基本理念), the plan's narrative sections and its sources.

use crate::view::view;

view! {
    /// The basic philosophy (基本理念): the statement, its subtitle (副題) and explanation.
    ///
    /// ```python
    /// print(plan.philosophy.statement.ja)
    /// ```
    PyPhilosophy as "Philosophy" => Philosophy;
    repr: ["statement"];
    fields: [statement, subtitle, explanation, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A narrative section the structured fields do not hold (地域福祉ってなに？), or a banner
    /// line without a heading.
    ///
    /// ```python
    /// for s in plan.overview:
    ///     print(s.heading.ja if s.heading else "", s.body.ja)
    /// ```
    PySection as "Section" => Section;
    repr: ["id", "heading"];
    fields: [id, heading, body, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A document the data was taken from, and how (`note`).
    ///
    /// ```python
    /// print(plan.sources[0].title.ja, plan.sources[0].url)
    /// ```
    PySource as "Source" => Source;
    repr: ["title", "url"];
    fields: [title, url, note, extensions];
    parts: [];
    refs: [];
    {}
}
