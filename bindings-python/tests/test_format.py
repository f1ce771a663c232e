"""What format 2.0 changed, pinned through the Python API: 1.0 documents are read through the
core's upgrade and written as 2.0; a node's label follows its level's numbering; the help model
is optional; indicator values keep their JSON type."""

from __future__ import annotations

import json
from typing import Any

import pytest

import welfare_plan as wp
from welfare_plan.types import CustomSector
from corpus import IIZUKA_V1_JSON, fixture, fixture_data, iizuka_data, iizuka_v1_data


def load(data: dict[str, Any]) -> wp.Plan:
    return wp.loads(json.dumps(data, ensure_ascii=False))


# --- 1.0 in, 2.0 out --------------------------------------------------------------------------


def test_a_1_0_document_loads_and_to_json_writes_2_0() -> None:
    plan = wp.loads(IIZUKA_V1_JSON.read_bytes())
    assert plan.schema_version == "2.0"
    written = json.loads(plan.to_json())
    assert written["schema_version"] == "2.0"
    assert "goals" not in written
    embedded = wp.iizuka_third_plan().to_dict()
    # The upgrade declares the three levels 1.0 implied and moves goals → targets →
    # initiatives into the tree, as the embedded 2.0 plan has them.
    assert written["levels"] == embedded["levels"]
    assert written["nodes"] == embedded["nodes"]
    assert plan.to_json() == plan.dumps()
    assert wp.loads(plan.to_json()).to_json() == plan.to_json()


def test_a_1_0_document_reads_as_the_2_0_tree() -> None:
    v1 = iizuka_v1_data()
    plan = load(v1)
    assert [n.id for n in plan.nodes] == [g["id"] for g in v1["goals"]]
    goal = plan.nodes[1]
    assert [n.id for n in goal.children] == [t["id"] for t in v1["goals"][1]["targets"]]
    first = v1["goals"][1]["targets"][0]["initiatives"][0]
    assert goal.children[0].children[0].to_dict() == first
    assert [lv.id for lv in plan.levels] == ["goal", "target", "initiative"]


def test_issues_in_a_1_0_document_point_into_it() -> None:
    v1 = iizuka_v1_data()
    v1["goals"][0]["targets"][1]["initiatives"][0]["title"]["ja"] = " "
    issues = wp.validate(json.dumps(v1, ensure_ascii=False))
    assert [(i.code, i.path) for i in issues] == [("text.blank", "/goals/0/targets/1/initiatives/0/title/ja")]


# --- labels follow the levels -----------------------------------------------------------------


def test_labels_follow_each_levels_name_and_numbering() -> None:
    data = iizuka_data()
    data["levels"][0].update(name={"ja": "大目標", "en": "Aim"}, numbering="arabic")
    data["levels"][1]["numbering"] = "compound"
    data["levels"][2]["numbering"] = "circled"
    plan = load(data)
    goal = plan.nodes[1]
    target = goal.children[2]
    initiative = target.children[1]
    assert (goal.label.ja, goal.label.en) == ("大目標2", "Aim 2")
    assert (target.label.ja, target.label.en) == ("2-3", "2-3")
    assert initiative.label.ja == "②"
    # The same plan with the original levels labels the same nodes the Iizuka way.
    original = wp.iizuka_third_plan().nodes[1].children[2]
    assert (original.parent and original.parent.label.ja, original.label.ja) == ("基本目標Ⅱ", "活動目標3")
    assert original.children[1].label.ja == "(2)"


def test_labels_agree_with_the_records_and_the_level_of_each_node() -> None:
    plan = wp.loads(fixture("five-level").read_bytes())
    for node in plan.all_nodes():
        assert node.level == plan.levels[node.depth]
        if node.level.numbering == "none":
            assert node.number is None and node.label.ja == ""
    by_id = {n.id: n for n in plan.all_nodes()}
    for row in plan.to_records():
        assert row["label"] == by_id[row["id"]].label.ja
        assert row["parent_labels"] == tuple(by_id[i].label.ja for i in row["parent_ids"])


def test_running_numbers_run_through_the_plan() -> None:
    plan = wp.loads(fixture("running-numbers").read_bytes())
    running = [lv for lv in plan.levels if lv.running]
    assert running
    [level] = running
    nodes = plan.nodes_at_level(level.id)
    assert [n.number for n in nodes] == list(range(1, len(nodes) + 1))
    assert len({n.parent.id for n in nodes if n.parent}) > 1


def test_an_unknown_level_is_a_value_error_naming_the_levels_in_both_languages() -> None:
    plan = wp.iizuka_third_plan()
    with pytest.raises(ValueError, match=r"unknown level `goals`; the plan's levels are `goal`, `target`") as raised:
        plan.nodes_at_level("goals")
    assert isinstance(raised.value, wp.UnknownNameError)
    assert raised.value.message_ja == "階層ID `goals` はありません（計画の階層ID: `goal`, `target`, `initiative`）"


# --- the help model is optional ---------------------------------------------------------------


def without_help_model() -> dict[str, Any]:
    data = iizuka_data()
    del data["help_model"]
    for actor in data["actors"]:
        actor.pop("sector", None)
    for goal in data["nodes"]:
        for target in goal["children"]:
            for initiative in target["children"]:
                for p in initiative.get("participants", []):
                    p.pop("sector", None)
    return data


def test_a_plan_without_a_help_model_loads_and_reads() -> None:
    plan = load(without_help_model())
    assert plan.warnings == []
    assert plan.help_model is None
    assert all(a.sector is None for a in plan.actors)
    assert all(p.sector is None for i in plan.initiatives() for p in i.participants)
    assert all(row["sectors"] == () for row in plan.to_records())
    assert "help_model" not in plan.to_dict()


def test_sectors_cannot_be_asked_of_a_plan_without_a_help_model() -> None:
    plan = load(without_help_model())
    with pytest.raises(ValueError, match="unknown help sector `共助`; expected one of none: the plan has no help model"):
        plan.initiatives_in_sector("共助")


def test_the_fixture_without_a_help_model_reads_its_roles() -> None:
    plan = wp.loads(fixture("no-help-model").read_bytes())
    assert plan.help_model is None
    roles = [p.role for i in plan.initiatives() for p in i.participants]
    assert any(r is not None for r in roles)


def test_a_custom_help_model_names_its_own_sectors() -> None:
    data = iizuka_data()
    data["help_model"] = {
        "kind": "custom",
        "sectors": [
            {"sector": "own", "label": {"ja": "個人の役割", "en": "individuals"}, "definition": {"ja": "自分でできること"}},
            {"sector": "area", "label": {"ja": "地域の役割"}, "definition": {"ja": "地域でできること"}},
        ],
    }
    code = {"self_help": "own", "mutual_help": "area", "public_help": "area"}
    for actor in data["actors"]:
        actor["sector"] = code[actor["sector"]]
    for goal in data["nodes"]:
        for target in goal["children"]:
            for initiative in target["children"]:
                for p in initiative.get("participants", []):
                    p["sector"] = code[p["sector"]]
    plan = load(data)
    model = plan.help_model
    assert model is not None and model.kind == "custom"
    assert [s.label.ja for s in model.sectors] == ["個人の役割", "地域の役割"]
    assert model.heading() == "個人の役割・地域の役割"
    assert model.has("地域の役割") and model.has("own") and not model.has("self_help")
    assert plan.sector_code(CustomSector("individuals")) == "own"
    assert plan.initiatives_in_sector(CustomSector("地域の役割")) == plan.initiatives_in_sector(CustomSector("area")) != []


def test_sector_codes_and_labels_resolve_through_the_plan() -> None:
    plan = wp.iizuka_third_plan()
    assert plan.sector_code("共助") == "mutual_help"
    assert plan.sector_code("public help") == "public_help"
    with pytest.raises(ValueError, match="unknown help sector `互助`") as raised:
        plan.sector_code("互助")
    assert type(raised.value) is wp.UnknownNameError
    assert raised.value.message_ja.startswith("支え合いの区分 `互助` はありません（使える区分: ")
    with pytest.raises(wp.UnknownNameError) as in_sector:
        plan.initiatives_in_sector("互助")
    assert (str(in_sector.value), in_sector.value.message_ja) == (str(raised.value), raised.value.message_ja)
    model = plan.help_model
    assert model is not None
    definition = model.sector("自助")
    assert definition is not None and definition.sector == "self_help"
    assert (definition.label.ja, definition.label.en) == ("自助", "self-help")
    assert model.sector("互助") is None


# --- indicator values keep their type ---------------------------------------------------------


def test_indicator_values_keep_int_float_and_str() -> None:
    data = iizuka_data()
    node = data["nodes"][0]["children"][0]
    node["indicators"] = [
        {"id": "salons", "name": {"ja": "サロン数"}, "value_type": "count",
         "baseline": {"fiscal_year": 2022, "value": 212}, "targets": [{"fiscal_year": 2032, "value": 250}]},
        {"id": "lonely", "name": {"ja": "孤独を感じる人の割合"}, "unit": {"ja": "%"}, "value_type": "percentage",
         "baseline": {"fiscal_year": 2022, "value": 35.5}, "targets": [{"fiscal_year": 2032, "value": 30}]},
        {"id": "desk", "name": {"ja": "相談窓口"}, "value_type": "text",
         "baseline": {"fiscal_year": 2022, "value": "未設置"}, "targets": [{"fiscal_year": 2027, "value": "設置"}]},
    ]
    plan = load(data)
    salons, lonely, desk = plan.nodes[0].children[0].indicators
    values = [(i.baseline.value if i.baseline else None, [t.value for t in i.targets]) for i in (salons, lonely, desk)]
    assert values == [(212, [250]), (35.5, [30]), ("未設置", ["設置"])]
    assert [type(v) for v, _ in values] == [int, float, str]
    assert type(lonely.targets[0].value) is int
    written = json.loads(plan.to_json())["nodes"][0]["children"][0]["indicators"]
    assert written == node["indicators"]
    assert '"value": 212\n' in plan.to_json() and '"value": 212.0' not in plan.to_json()


def test_fixture_indicators_keep_the_types_the_document_writes() -> None:
    for name in ("decreasing-indicator", "qualitative-indicator"):
        plan = wp.loads(fixture(name).read_bytes())
        data = fixture_data(name)
        indicators = [i for n in plan.all_nodes() for i in n.indicators] + plan.indicators
        assert indicators
        for indicator in indicators:
            written = indicator.to_dict()
            observed = ([indicator.baseline] if indicator.baseline else []) + indicator.targets
            expected = [b for b in [written.get("baseline")] if b is not None] + written.get("targets", [])
            assert [(type(o.value), o.value) for o in observed] == [(type(e["value"]), e["value"]) for e in expected]
        assert json.loads(plan.to_json()) == data
