//! Evaluation indicators (評価指標) and their values by fiscal year.

use crate::view::view;

view! {
    /// An evaluation indicator (評価指標) of the plan, a node, a project, a sub-plan or a
    /// priority project: what is measured, which way is better, the baseline (現状値) and the
    /// targets (目標値). Codes (`kind`, `value_type`, `direction`, `comparator`) are strings.
    ///
    /// ```python
    /// for ind in plan.indicators:
    ///     print(ind.name.ja, ind.baseline.value if ind.baseline else None, [t.value for t in ind.targets])
    /// ```
    PyIndicator as "Indicator" => Indicator;
    repr: ["id", "name"];
    fields: [id, name, unit, kind, value_type, direction, comparator, source, definition, extensions];
    parts: [baseline, targets, lineage];
    refs: [];
    {}
}

view! {
    /// An indicator's value in a fiscal year: `value` is an `int` for a whole number (212 stays
    /// 212), a `float` for another number, a `str` for a qualitative value (設置).
    PyObservation as "Observation" => Observation;
    repr: ["fiscal_year", "value"];
    fields: [fiscal_year, value, note, extensions];
    parts: [];
    refs: [];
    {}
}
