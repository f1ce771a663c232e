//! The parts of a progress report (進行管理の評価): the plan it evaluates, the indicators'
//! actual values, the nodes' evaluations with the grades entered by hand, and the committee's
//! opinions. Ids name parts of the plan the report was read against, and show them resolved
//! (`None`, or left out of a list, for a report read without its plan).

use crate::report::SharedReport;
use crate::view::view;

view! {
    /// Which plan a report evaluates, exactly: its id, its edition and the hash of its canonical
    /// JSON (`welfare_plan.plan_hash(plan)`), so that a report never silently applies to a plan
    /// that has changed.
    PyPlanRef as "PlanRef" => PlanRef in report: SharedReport;
    repr: ["id", "edition", "hash"];
    fields: [id, edition, hash];
    parts: [];
    refs: [];
    {}
}

view! {
    /// An indicator's actual value in the report's year (実績値): `value` is an `int` for a
    /// whole number, a `float` for another number, a `str` for a qualitative value (設置), and
    /// `None` when it was not measured (「−」), with `reason` saying why.
    ///
    /// ```python
    /// for a in report.observations:
    ///     print(a.indicator.name.ja, a.value if a.value is not None else "−")
    /// ```
    PyActual as "Actual" => Actual in report: SharedReport;
    repr: ["indicator", "value"];
    fields: [value, reason, note, extensions];
    parts: [];
    refs: [indicator / indicator_id => welfare_plan::Indicator];
    {}
}

view! {
    /// The evaluation of one node of the plan in the report's year: the grades entered by hand,
    /// what was done (実施内容), what remains (課題) and what comes next (今後の方向性).
    ///
    /// ```python
    /// for n in report.nodes:
    ///     print(n.node.label.ja, [(g.scale_id, g.grade) for g in n.grades])
    /// ```
    PyNodeReport as "NodeReport" => NodeReport in report: SharedReport;
    repr: ["node"];
    fields: [done, remaining, next, extensions];
    parts: [grades];
    refs: [node / node_id => welfare_plan::Node];
    {}
}

view! {
    /// A grade entered by hand: the scale and the grade's code on it. It is never overwritten
    /// by a computed one; an evaluation shows both.
    PyEnteredGrade as "EnteredGrade" => EnteredGrade in report: SharedReport;
    repr: ["scale", "grade"];
    fields: [grade];
    parts: [];
    refs: [scale / scale_id => welfare_plan::GradeScale];
    {}
}

view! {
    /// A committee member's opinion (主な意見) and the city's answer (市の考え方), with the
    /// nodes it concerns.
    PyOpinion as "Opinion" => Opinion in report: SharedReport;
    repr: ["opinion"];
    fields: [opinion, answer, extensions];
    parts: [];
    refs: [nodes / node_ids => welfare_plan::Node];
    {}
}
