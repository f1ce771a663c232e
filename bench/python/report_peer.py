"""The peer of welfare_plan's progress reports (進行管理) in the benchmarks: what a careful Python
developer would write without it. Pydantic v2 models of the report (strict, unknown fields
forbidden, like models.py's plan), then a plain loop that checks the report against its plan (the
plan's id and fiscal year, every indicator, node and grade it names, value types, entries missing
for the year) and computes what the core computes for each indicator (core/src/report/compute.rs):
achievement = (actual − baseline) / (target − baseline) · 100, the share a straight line from the
baseline to the target expects by the year, a status, and on each scale the grade of the first
condition that holds. The peer leaves out what Python cannot do without welfare_plan (the plan's
content hash) and the roll-up of grades to nodes and help sectors, so it does less than
`loads_report` plus `Plan.evaluate`.

    problems, results = check_and_evaluate(report_bytes, plan)   # plan: models.Plan
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Iterator, Literal, Optional, Union

from pydantic import Field

from models import (Extensions, FiscalYear, GradeCondition, GradeScale, IdStr, Indicator, Node,
                    Observation, Plan, Quantity, Strict, Text)

Date = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]


class PlanRef(Strict):
    id: IdStr
    edition: Optional[Annotated[int, Field(ge=1)]] = None
    hash: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")]


class Actual(Strict):
    indicator: IdStr
    value: Optional[Quantity] = None
    reason: Optional[Text] = None
    note: Optional[Text] = None
    extensions: Extensions = {}


class EnteredGrade(Strict):
    scale: IdStr
    grade: str


class NodeReport(Strict):
    node: IdStr
    grades: list[EnteredGrade] = []
    done: Optional[Text] = None
    remaining: Optional[Text] = None
    next: Optional[Text] = None
    extensions: Extensions = {}


class Opinion(Strict):
    opinion: Text
    answer: Optional[Text] = None
    nodes: list[IdStr] = []
    extensions: Extensions = {}


class ProgressReport(Strict):
    document: Literal["progress_report"]
    schema_version: Literal["1.0"]
    id: IdStr
    plan: PlanRef
    fiscal_year: FiscalYear
    evaluated_by: Optional[Text] = None
    evaluated_on: Optional[Date] = None
    observations: list[Actual] = []
    nodes: list[NodeReport] = []
    opinions: list[Opinion] = []
    extensions: Extensions = {}


@dataclass
class Result:
    """One indicator in the report's year, as the core computes it."""

    achievement: Optional[float]
    expected: Optional[float]
    status: str
    grades: dict[str, str]


def number(q: Union[int, float, str, None]) -> Optional[float]:
    return None if q is None or isinstance(q, str) else float(q)


def value_ok(value_type: Optional[str], v: Union[int, float, str]) -> bool:
    if value_type is None:
        return True
    if value_type == "text" or isinstance(v, str):
        return value_type == "text" and isinstance(v, str)
    if value_type == "count":
        return isinstance(v, int) and v >= 0
    if value_type == "percentage":
        return 0.0 <= v <= 100.0
    return True


def evaluate_indicator(ind: Indicator, year: int, value: Optional[Quantity],
                       scales: list[GradeScale]) -> Result:
    """Achievement, expected share, status and grades of `ind` in `year`."""
    targets = sorted(ind.targets, key=lambda t: t.fiscal_year)
    target: Optional[Observation] = next((t for t in targets if t.fiscal_year >= year),
                                         targets[-1] if targets else None)
    base_obs = ind.baseline
    b = number(base_obs.value) if base_obs else None
    t = number(target.value) if target else None
    a = number(value)
    direction = ind.direction
    if direction is None:
        direction = ("decrease" if b is not None and t is not None and t < b
                     else "maintain" if b is not None and t is not None and t == b else "increase")
    if isinstance(value, str) and target is not None and isinstance(target.value, str):
        reached = value == target.value
    elif a is not None and t is not None:
        how = ind.comparator or {"increase": "at_least", "decrease": "at_most"}.get(direction, "exactly")
        reached = a >= t if how == "at_least" else a <= t if how == "at_most" else a == t
    else:
        reached = False
    achievement: Optional[float] = None
    if a is not None and b is not None and t is not None:
        achievement = (a - b) / (t - b) * 100.0 if t != b else (100.0 if reached else 0.0)
    expected: Optional[float] = None
    if base_obs is not None and target is not None and target.fiscal_year > base_obs.fiscal_year:
        span = float(target.fiscal_year - base_obs.fiscal_year)
        expected = min(max(float(year - base_obs.fiscal_year), 0.0), span) / span * 100.0
    gain: Optional[float] = None
    if a is not None and b is not None:
        gain = a - b if direction == "increase" else b - a if direction == "decrease" else -abs(a - b)
    base_text = base_obs.value if base_obs is not None and isinstance(base_obs.value, str) else None

    if value is None:
        status = "no_data"
    elif reached:
        status = "achieved"
    elif achievement is not None and expected is not None and achievement >= expected:
        status = "on_track"
    elif gain is not None and gain < 0.0:
        status = "worse"
    elif achievement is not None or gain is not None or isinstance(value, str):
        status = "behind"
    else:
        status = "no_data"

    def holds(c: GradeCondition) -> bool:
        if value is None:
            return c.when == "no_data"
        tolerance = c.value or 0.0
        if c.relative and b is not None:
            tolerance = abs(b) * tolerance / 100.0
        if c.when == "target_reached":
            return reached
        if c.when == "achievement_at_least":
            return reached or (achievement is not None and c.value is not None and achievement >= c.value)
        if c.when == "on_track":
            return reached or (achievement is not None and expected is not None and achievement >= expected)
        if c.when == "better_than_baseline":
            return gain is not None and gain > tolerance
        if c.when == "near_baseline":
            if isinstance(value, str) and base_text is not None:
                return value == base_text
            return a is not None and b is not None and abs(a - b) <= tolerance
        if c.when == "worse_than_baseline":
            return gain is not None and gain < -tolerance
        return c.when == "otherwise"

    grades = {}
    for scale in scales:
        grade = next((c.grade for c in scale.indicator_conditions if holds(c)), None)
        if grade is not None:
            grades[scale.id] = grade
    return Result(achievement, expected, status, grades)


def tree(nodes: list[Node], depth: int = 0) -> Iterator[tuple[Node, int]]:
    for n in nodes:
        yield n, depth
        yield from tree(n.children, depth + 1)


def check_and_evaluate(data: bytes, plan: Plan) -> tuple[list[str], dict[str, Result]]:
    """The report's problems against `plan` (errors and warnings, as messages) and each
    indicator's result, by indicator id in the plan's order. Raises pydantic's ValidationError
    for a report of the wrong shape."""
    return check_and_evaluate_report(ProgressReport.model_validate_json(data), plan)


def check_and_evaluate_report(report: ProgressReport, plan: Plan) -> tuple[list[str], dict[str, Result]]:
    """`check_and_evaluate` of a report already read (from a workbook, say)."""
    problems: list[str] = []
    year = report.fiscal_year
    if report.plan.id != plan.id:
        problems.append(f"the report is for plan {report.plan.id!r}, not {plan.id!r}")
    if not plan.period.start_fiscal_year <= year <= plan.period.end_fiscal_year:
        problems.append(f"fiscal year {year} is outside the plan period")

    # The plan's indicators in document order (the first of an id wins), its nodes, initiatives
    # and scales, found by id.
    indicators: dict[str, Indicator] = {}
    nodes: set[str] = set()
    initiatives: list[str] = []
    last = len(plan.levels) - 1
    depth = next((i for i, lv in enumerate(plan.levels) if lv.id == plan.initiative_level), last)
    for ind in plan.indicators:
        indicators.setdefault(ind.id, ind)
    for node, d in tree(plan.nodes):
        nodes.add(node.id)
        if d == depth:
            initiatives.append(node.id)
        for ind in node.indicators + [i for p in node.projects for i in p.indicators]:
            indicators.setdefault(ind.id, ind)
    for district in plan.districts:
        nodes.update(n.id for n, _ in tree(district.nodes))
    for ind in [i for p in plan.priority_projects for i in p.indicators] + [
            i for s in plan.sub_plans for i in s.indicators]:
        indicators.setdefault(ind.id, ind)
    scales = {s.id: s for s in plan.evaluation.scales} if plan.evaluation else {}

    values: dict[str, Optional[Quantity]] = {}
    for a in report.observations:
        found = indicators.get(a.indicator)
        if found is None:
            problems.append(f"the plan has no indicator {a.indicator!r}")
            continue
        if a.indicator in values:
            problems.append(f"indicator {a.indicator!r} has a second entry")
        else:
            values[a.indicator] = a.value
        if a.value is None:
            if a.reason is None:
                problems.append(f"indicator {a.indicator!r} has no value and no reason")
        elif not value_ok(found.value_type, a.value):
            problems.append(f"{a.value!r} is not a value of indicator {a.indicator!r}")
    seen_nodes: set[str] = set()
    for entry in report.nodes:
        if entry.node not in nodes:
            problems.append(f"the plan has no node {entry.node!r}")
            continue
        if entry.node in seen_nodes:
            problems.append(f"node {entry.node!r} has a second entry")
        seen_nodes.add(entry.node)
        seen_scales: set[str] = set()
        for g in entry.grades:
            scale = scales.get(g.scale)
            if scale is None:
                problems.append(f"the plan has no grading scale {g.scale!r}")
                continue
            if g.scale in seen_scales:
                problems.append(f"a second grade on scale {g.scale!r}")
            seen_scales.add(g.scale)
            if not any(x.code == g.grade for x in scale.grades):
                problems.append(f"grade {g.grade!r} is not on scale {g.scale!r}")
    for o in report.opinions:
        problems.extend(f"the plan has no node {n!r}" for n in o.nodes if n not in nodes)
    problems.extend(f"indicator {i!r} has no entry" for i in indicators if i not in values)
    problems.extend(f"initiative {n!r} has no entry" for n in initiatives if n not in seen_nodes)

    grading = [s for s in scales.values() if s.indicator_conditions]
    results = {i: evaluate_indicator(ind, year, values.get(i), grading) for i, ind in indicators.items()}
    return problems, results
