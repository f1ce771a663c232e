"""Building and changing plans from Python: the keyword constructor, the typed data of
``welfare_plan.types``, ``replace`` and ``replace_part``, and plan data handed to the core
without JSON text (its issues at the data's own paths; ``date`` and ``Decimal`` taken).

The plan built here is synthetic (a test value for the municipality code, invented names)."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import pytest

import welfare_plan as wp
from welfare_plan.types import (
    LevelData,
    NodeData,
    ParticipationData,
    PlanData,
    Sector,
    TextData,
)


def synthetic_fields() -> PlanData:
    """A small synthetic two-level plan, built with the typed constructors."""
    return PlanData(
        schema_version="2.0",
        id="synthetic-build",
        title=TextData(ja="（架空）ビルド町地域福祉計画", en="(synthetic) Build Town plan"),
        municipality={"code": "019011", "name": {"ja": "（架空）ビルド町"}, "prefecture": {"ja": "北海道"}},
        period={"start_fiscal_year": 2025, "end_fiscal_year": 2029},
        publishers=[{"id": "build-town", "kind": "municipality", "name": {"ja": "（架空）ビルド町"}}],
        philosophy={"statement": {"ja": "（架空）みんなで支える町"}},
        help_model={
            "kind": "three_help",
            "sectors": [
                {"sector": "self_help", "definition": {"ja": "自分でできること"}},
                {"sector": "mutual_help", "definition": {"ja": "地域で支え合うこと"}},
                {"sector": "public_help", "definition": {"ja": "行政が行うこと"}},
            ],
        },
        actors=[
            {"id": "residents", "kind": "resident", "name": {"ja": "住民"}},
            {"id": "town", "kind": "municipality", "name": {"ja": "町"}},
        ],
        challenges=[{"id": "ch-1", "number": 1, "title": {"ja": "（架空）つながりの希薄化"}}],
        levels=[
            LevelData(id="goal", name=TextData(ja="基本目標"), numbering="roman"),
            LevelData(id="initiative", name=TextData(ja="取り組み"), numbering="arabic"),
        ],
        nodes=[
            NodeData(
                id="goal-1",
                number=1,
                title=TextData(ja="（架空）支え合う地域づくり"),
                children=[
                    NodeData(
                        id="ini-1",
                        number=1,
                        title=TextData(ja="（架空）見守り活動"),
                        challenges=["ch-1"],
                        participants=[
                            ParticipationData(actor="residents", sector="mutual_help"),
                            ParticipationData(actor="town", sector="public_help"),
                        ],
                    )
                ],
            )
        ],
    )


def test_the_keyword_constructor_builds_a_validated_plan() -> None:
    plan = wp.Plan(**synthetic_fields())
    assert plan.title.ja == "（架空）ビルド町地域福祉計画"
    assert [n.label.ja for n in plan.all_nodes()] == ["基本目標Ⅰ", "取り組み1"]
    assert plan == wp.loads(plan.to_json()) == wp.Plan.from_dict(synthetic_fields())
    assert plan.initiatives_in_sector("mutual_help")[0].id == "ini-1"


def test_the_keyword_constructor_reports_every_issue_at_its_path() -> None:
    fields: Any = dict(synthetic_fields(), titel={"ja": "x"})
    fields["nodes"][0]["children"][0]["title"]["ja"] = " "
    with pytest.raises(wp.PlanError) as raised:
        wp.Plan(**fields)
    found = [(i.code, i.path, i.line) for i in raised.value.errors]
    assert ("schema.unknown_field", "/titel", None) in found


def test_from_dict_issues_point_into_the_data_not_into_text() -> None:
    data = wp.iizuka_third_plan().to_dict()
    data["nodes"][0]["title"]["ja"] = " "
    data["municipality"]["code"] = "402051"
    with pytest.raises(wp.PlanError) as raised:
        wp.Plan.from_dict(data)
    issues = [(i.code, i.path, i.line, i.column) for i in raised.value.issues]
    assert issues == [
        ("text.blank", "/nodes/0/title/ja", None, None),
        ("municipality.check_digit", "/municipality/code", None, None),
    ]
    assert wp.validate(data) == raised.value.issues


def test_plan_data_takes_dates_decimals_tuples_and_the_packages_objects() -> None:
    fields: Any = synthetic_fields()
    fields["extensions"] = {"adopted": datetime.date(2025, 3, 31), "share": decimal.Decimal("35.5"),
                            "count": decimal.Decimal("212"), "pair": (1, 2)}
    fields["title"] = wp.iizuka_third_plan().title
    plan = wp.Plan.from_dict(fields)
    assert plan.extensions == {"adopted": "2025-03-31", "count": 212, "pair": [1, 2], "share": 35.5}
    assert type(plan.extensions["count"]) is int
    assert plan.title == wp.iizuka_third_plan().title


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ({1, 2}, TypeError, r"`/nodes/0/extensions/x`: a `set` is not plan data"),
        (float("nan"), ValueError, r"`/nodes/0/extensions/x`: the number `NaN` is not finite"),
        (decimal.Decimal("Infinity"), ValueError, r"`/nodes/0/extensions/x`: the number `Infinity` is not finite"),
        (datetime.datetime(2025, 4, 1, 9, 0), TypeError, r"`/nodes/0/extensions/x`: a `datetime`"),
        (10**30, ValueError, r"`/nodes/0/extensions/x`: the integer `1000000000000000000000000000000` is too large"),
        ({1: "a"}, TypeError, r"`/nodes/0/extensions/x`: a key of type `int`"),
    ],
)
def test_values_that_are_not_plan_data_are_errors_naming_their_path(value: Any, error: type[Exception],
                                                                   message: str) -> None:
    fields: Any = synthetic_fields()
    fields["nodes"][0]["extensions"] = {"x": value}
    with pytest.raises(error, match=message):
        wp.Plan.from_dict(fields)
    with pytest.raises(error, match=message):
        wp.validate(fields)


def test_replace_returns_a_new_validated_plan_and_leaves_the_old_one() -> None:
    plan = wp.Plan(**synthetic_fields())
    second = plan.replace(edition=2, published="2026-04")
    assert (second.edition, second.published) == (2, "2026-04")
    assert plan.edition is None and plan.published is None
    assert second.replace(edition=None, published=None) == plan
    with pytest.raises(wp.PlanError) as raised:
        plan.replace(published="2026-13")
    assert [(i.code, i.path) for i in raised.value.errors] == [("schema.invalid_value", "/published")]


def test_replace_part_changes_one_part_by_view_or_pointer() -> None:
    plan = wp.iizuka_third_plan()
    goal = plan.nodes[0]
    renamed = plan.replace_part(goal, title={"ja": "ひとづくり（改）"})
    assert renamed.nodes[0].title.ja == "ひとづくり（改）"
    assert plan.nodes[0].title.ja == "お互いを大切にし合うひとづくり"
    assert renamed.nodes[1] == plan.nodes[1]
    initiative = plan.nodes[0].children[0].children[0]
    flagged = plan.replace_part(initiative.path, priority=not initiative.priority)
    assert flagged.nodes[0].children[0].children[0].priority is not initiative.priority
    with pytest.raises(wp.PlanError) as raised:
        plan.replace_part(goal, id="Goal One")
    assert ("id.invalid", "/nodes/0/id") in [(i.code, i.path) for i in raised.value.errors]
    with pytest.raises(ValueError, match="`/nodes/9` leads to no part of the plan"):
        plan.replace_part("/nodes/9", title={"ja": "x"})
    with pytest.raises(TypeError, match=r"`/nodes/0/extensions`: a `set`"):
        plan.replace_part(goal, extensions={1, 2})


def test_the_typed_data_is_checked_by_mypy() -> None:
    # Each line below is a mistake that mypy --strict (run by bindings-python/test on this file)
    # must report with exactly the code ignored; were it not reported, the ignore would be
    # unused, which --strict also reports. At run time the core refuses them too.
    bad_key = NodeData(id="n", titel=TextData(ja="x"))  # type: ignore[typeddict-unknown-key, typeddict-item]
    bad_sector = ParticipationData(actor="a", sector="mutal_help")  # type: ignore[typeddict-item]
    bad_style = LevelData(id="l", name=TextData(ja="x"), numbering="roman_numerals")  # type: ignore[typeddict-item]
    sector: Sector = "public_help"
    issue = wp.validate(b"[]")[0]
    assert issue.severity != "eror"  # type: ignore[comparison-overlap]
    assert issue.code != "schema.wrong_typ"  # type: ignore[comparison-overlap]
    plan = wp.iizuka_third_plan()
    with pytest.raises(ValueError, match="unknown help sector"):
        plan.initiatives_in_sector("mutal_help")  # type: ignore[arg-type]
    with pytest.raises(wp.PlanError):
        plan.replace(titel={"ja": "x"})  # type: ignore[call-arg]
    fields: Any = synthetic_fields()
    fields["nodes"][0]["children"][0]["participants"].append(bad_sector)
    fields["levels"][1] = bad_style
    fields["nodes"].append(bad_key)
    found = {(i.code, i.path) for i in wp.validate(fields)}
    assert ("schema.unknown_field", "/nodes/1/titel") in found
    assert ("schema.invalid_value", "/levels/1/numbering") in found
    assert plan.initiatives_in_sector(sector)
