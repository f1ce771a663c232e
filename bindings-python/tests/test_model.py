"""Every part of the format is a typed, read-only object: each property of each object type of
the JSON Schema is an attribute of the class of the same name, and on the fixture that uses
every field of every type, each attribute agrees with the document and with the type the stubs
declare for it."""

from __future__ import annotations

import json
from typing import Any

import pytest

import welfare_plan as wp
from corpus import RICH, fixture
from walk import (
    DEFS,
    OBJECT_TYPES,
    SCHEMA,
    STUB_PROPERTIES,
    agrees,
    assert_stub_types,
    at_pointer,
    default_of,
    every_part,
    properties_of,
)

# Each `$defs` entry is either an object type, shown by the class of its name, or a value,
# shown as a Python value: nothing is left out unnamed.
VALUES = {
    "Extensions": "a dict",
    "Id": "a str",
    "MunicipalityCode": "a str",
    "YearMonth": "a str (YYYY-MM)",
    "FiscalYear": "an int",
    "Quantity": "an int, a float or a str",
    "ActorKind": "a code (str)",
    "Comparator": "a code (str)",
    "Condition": "a code (str)",
    "Direction": "a code (str)",
    "HelpModelKind": "a code (str)",
    "IndicatorKind": "a code (str)",
    "LineageChange": "a code (str)",
    "NumberStyle": "a code (str)",
    "PublisherKind": "a code (str)",
    "Rollup": "a code (str)",
    "ValueType": "a code (str)",
}

# Attributes that show something other than the document's own value when the document leaves
# the field out: what the core computes for it.
COMPUTED_DEFAULTS = {
    ("SectorDefinition", "label"): "the built-in sector's label (自助 / self-help)",
    ("Plan", "initiative_level"): "the deepest level",
}

PLAN = wp.loads(fixture(RICH).read_bytes())
DOC: dict[str, Any] = json.loads(fixture(RICH).read_text("utf-8"))


def class_of(name: str) -> type:
    cls = getattr(wp, name)
    assert isinstance(cls, type)
    return cls


def test_every_schema_definition_is_a_class_or_a_named_value() -> None:
    assert set(OBJECT_TYPES) | set(VALUES) == set(DEFS)
    assert not set(OBJECT_TYPES) & set(VALUES)
    assert SCHEMA["type"] == "object"


@pytest.mark.parametrize("name", ["Plan", *sorted(OBJECT_TYPES)])
def test_every_property_of_an_object_type_is_an_attribute_of_its_class(name: str) -> None:
    cls = class_of(name)
    missing = [p for p in properties_of(name) if not hasattr(cls, p)]
    assert missing == [], f"{name} has no attribute for {missing}"


EVERY_PART = list(every_part(PLAN))


def test_the_rich_fixture_reaches_every_class() -> None:
    reached = {name for name, _ in EVERY_PART}
    assert reached == {"Plan", *(n for n in OBJECT_TYPES if n != "Text")}


@pytest.mark.parametrize("name", ["Plan", *sorted(OBJECT_TYPES)])
def test_every_attribute_agrees_with_the_document(name: str) -> None:
    instances = [obj for n, obj in EVERY_PART if n == name]
    if name == "Text":
        instances = [PLAN.title, PLAN.nodes[0].title]
    assert instances, f"the fixture has no {name}"
    shown = set()
    for obj in instances:
        path = obj.path if hasattr(obj, "path") and not isinstance(obj, wp.Plan) else ""
        written = at_pointer(DOC, path) if path else (obj.to_dict() if name == "Text" else DOC)
        for prop in properties_of(name):
            value = getattr(obj, prop)
            if prop not in written:
                if (name, prop) not in COMPUTED_DEFAULTS:
                    assert default_of(value), f"{name}.{prop} at {path} is {value!r}, absent in the document"
                continue
            shown.add(prop)
            assert agrees(value, written[prop], f"{path}/{prop}"), f"{name}.{prop} at {path}: {value!r}"
    # The fixture writes every field of every type, so each attribute was compared at least once.
    assert shown == set(properties_of(name))


def test_references_resolve_to_the_parts_they_name() -> None:
    node = PLAN.part(DOC["priority_projects"][0]["nodes"][0])
    assert isinstance(node, wp.Node)
    assert PLAN.priority_projects[0].nodes[0] == node
    for n in PLAN.all_nodes():
        assert [p.id for p in n.attributed_to] == n.attributed_to_ids
        assert [p.id for p in n.phases] == n.phase_ids
        assert [s.id for s in n.sub_plans] == n.sub_plan_ids
        assert [d.id for d in n.districts] == n.district_ids
        assert [b.id for b in n.bases] == n.base_ids
        assert [c.id for c in n.challenges] == n.challenge_ids
        for p in n.participants:
            assert p.actor is not None and p.actor.id == p.actor_id
    actor = next(a for a in PLAN.actors if a.publisher_id is not None)
    assert actor.publisher_id is not None and actor.publisher is not None
    assert actor.publisher == PLAN.publisher(actor.publisher_id)
    assert actor.publisher.id == actor.publisher_id


def test_districts_form_a_tree_with_parents_and_children() -> None:
    for district in PLAN.districts:
        for child in district.children:
            assert child.parent == district and child.parent_id == district.id
        if district.parent is not None:
            assert district in district.parent.children
    assert any(d.children for d in PLAN.districts)
    assert any(d.nodes for d in PLAN.districts)


# --- the stubs declare what the runtime returns ------------------------------------------------


def test_the_stubs_declare_a_type_for_every_property_they_list() -> None:
    assert set(OBJECT_TYPES) | {"Plan"} <= set(STUB_PROPERTIES)


@pytest.mark.parametrize("name", sorted({n for n, _ in EVERY_PART}))
def test_every_property_returns_the_type_its_stub_declares(name: str) -> None:
    for n, obj in EVERY_PART:
        if n == name:
            assert_stub_types(name, obj)
