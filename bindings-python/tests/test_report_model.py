"""A progress report is typed, read-only data like a plan: each property of each object type of
the report's JSON Schema is an attribute of the class of the same name, and on a report that
writes every field, each attribute agrees with the document and with its stub; ids are shown
resolved to the plan's parts, beside the ids."""

from __future__ import annotations

import json
from typing import Any

import pytest

import welfare_plan as wp
from report_corpus import example_plan, rich_report_data
from walk import REPORT_SCHEMA, agrees, assert_stub_types, at_pointer, default_of

# Each `$defs` entry is an object type, shown by the class of its name, or a value.
VALUES = {
    "Extensions": "a dict",
    "Id": "a str",
    "FiscalYear": "an int",
    "Quantity": "an int, a float or a str",
}
CLASSES = ["ProgressReport", *sorted(REPORT_SCHEMA.object_types)]

PLAN = example_plan()
DOC: dict[str, Any] = rich_report_data()
REPORT = wp.loads_report(json.dumps(DOC, ensure_ascii=False), PLAN)
EVERY_PART = list(REPORT_SCHEMA.every_part(REPORT))


def test_every_schema_definition_is_a_class_or_a_named_value() -> None:
    assert set(REPORT_SCHEMA.object_types) | set(VALUES) == set(REPORT_SCHEMA.defs)
    assert not set(REPORT_SCHEMA.object_types) & set(VALUES)


@pytest.mark.parametrize("name", CLASSES)
def test_every_property_of_an_object_type_is_an_attribute_of_its_class(name: str) -> None:
    cls = getattr(wp, name)
    assert isinstance(cls, type)
    missing = [p for p in REPORT_SCHEMA.properties_of(name) if not hasattr(cls, p)]
    assert missing == [], f"{name} has no attribute for {missing}"


def test_the_rich_report_reaches_every_class() -> None:
    assert {name for name, _ in EVERY_PART} == {n for n in CLASSES if n != "Text"}
    assert REPORT.warnings == []


@pytest.mark.parametrize("name", [n for n in CLASSES if n != "Text"])
def test_every_attribute_agrees_with_the_document(name: str) -> None:
    instances = [obj for n, obj in EVERY_PART if n == name]
    assert instances, f"the report has no {name}"
    shown = set()
    for obj in instances:
        path = "" if isinstance(obj, wp.ProgressReport) else obj.path
        written = at_pointer(DOC, path) if path else DOC
        if path:
            assert obj.to_dict() == written
        for prop in REPORT_SCHEMA.properties_of(name):
            value = getattr(obj, prop)
            if prop not in written:
                assert default_of(value), f"{name}.{prop} at {path} is {value!r}, absent in the document"
                continue
            shown.add(prop)
            assert agrees(value, written[prop], f"{path}/{prop}"), f"{name}.{prop} at {path}: {value!r}"
    # The rich report writes every field of every type, so each was compared at least once.
    assert shown == set(REPORT_SCHEMA.properties_of(name))


@pytest.mark.parametrize("name", [n for n in CLASSES if n != "Text"])
def test_every_property_returns_the_type_its_stub_declares(name: str) -> None:
    for n, obj in EVERY_PART:
        if n == name:
            assert_stub_types(name, obj)


def test_ids_resolve_to_the_plans_parts_beside_the_ids() -> None:
    for actual in REPORT.observations:
        assert actual.indicator is not None
        assert actual.indicator.id == actual.indicator_id
        assert actual.indicator.path.startswith(("/indicators/", "/nodes/"))
    for entry in REPORT.nodes:
        assert entry.node == PLAN.node(entry.node_id)
        for grade in entry.grades:
            assert grade.scale is not None and grade.scale.id == grade.scale_id
            # The code entered is a grade of that scale.
            assert grade.scale.grade(grade.grade) is not None
    [opinion] = REPORT.opinions
    assert [n.id for n in opinion.nodes] == opinion.node_ids == DOC["opinions"][0]["nodes"]


def test_a_value_not_measured_is_none_and_integers_stay_int() -> None:
    written = {o["indicator"]: o["value"] for o in DOC["observations"]}
    assert None in written.values() and any(type(v) is int for v in written.values())
    for actual in REPORT.observations:
        assert type(actual.value) is type(written[actual.indicator_id])
        assert actual.value == written[actual.indicator_id]
    [unmeasured] = [a for a in REPORT.observations if a.value is None]
    assert unmeasured.reason is not None and unmeasured.reason.ja


def test_the_plans_evaluation_scheme_is_typed() -> None:
    evaluation = PLAN.evaluation
    assert evaluation is not None
    written = json.loads(PLAN.dumps())["evaluation"]
    assert evaluation.to_dict() == written
    assert [s.id for s in evaluation.scales] == [s["id"] for s in written["scales"]]
    for scale, w in zip(evaluation.scales, written["scales"]):
        assert evaluation.scale(scale.id) == scale
        assert [g.code for g in scale.grades] == [g["code"] for g in w["grades"]]
        for grade in scale.grades:
            assert scale.grade(grade.code) == grade
            # A score keeps the type it is written with (3 is an int, 2.5 a float).
            assert type(grade.score) is type(w["grades"][scale.grades.index(grade)].get("score"))
        for condition in scale.indicator_conditions:
            assert condition.when_label.ja and condition.when_label.en
        if scale.nodes is not None:
            assert scale.nodes.method == w["nodes"]["method"]
            assert scale.nodes.from_id == w["nodes"].get("from")
            assert scale.nodes.from_ == getattr(scale.nodes, "from")
            if scale.nodes.from_id is not None:
                assert scale.nodes.from_ == evaluation.scale(scale.nodes.from_id)
    assert evaluation.scale("no-such-scale") is None
    assert wp.iizuka_third_plan().evaluation is None
