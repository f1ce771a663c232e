"""Typed, lazy read access in the plan's own terms: goals → targets → initiatives,
challenges, actors, period, municipality, philosophy, help model, lookups and records."""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest

import welfare_plan as wp
from corpus import iizuka_data

PLAN = wp.iizuka_third_plan()
DATA = iizuka_data()


def text_of(t: wp.Text) -> dict[str, str]:
    return t.to_dict()


def test_nested_access_reads_the_plan_text() -> None:
    first = DATA["goals"][0]["targets"][0]["initiatives"][0]
    initiative = PLAN.goals[0].targets[0].initiatives[0]
    assert initiative.title.ja == first["title"]["ja"]
    assert initiative.title.en == first["title"].get("en")
    assert initiative.id == first["id"]


def test_every_goal_target_and_initiative_matches_the_document() -> None:
    assert len(PLAN.goals) == len(DATA["goals"])
    for goal, g in zip(PLAN.goals, DATA["goals"]):
        assert (goal.id, goal.number, text_of(goal.title)) == (g["id"], g["number"], g["title"])
        assert goal.to_dict() == g
        assert len(goal.targets) == len(g["targets"])
        for target, t in zip(goal.targets, g["targets"]):
            assert (target.id, target.number, text_of(target.title)) == (t["id"], t["number"], t["title"])
            assert target.goal == goal
            assert len(target.initiatives) == len(t["initiatives"])
            for initiative, i in zip(target.initiatives, t["initiatives"]):
                assert initiative.to_dict() == i
                assert initiative.priority == i.get("priority", False)
                assert initiative.challenge_ids == i.get("challenges", [])
                assert [p.actor_id for p in initiative.participants] == [
                    p["actor"] for p in i.get("participants", [])
                ]
                assert (initiative.goal, initiative.target) == (goal, target)


def test_labels_follow_the_plan_numbering() -> None:
    assert [g.label.ja for g in PLAN.goals] == ["基本目標Ⅰ", "基本目標Ⅱ", "基本目標Ⅲ"]
    assert PLAN.goals[0].label.en == "Basic goal I"
    assert PLAN.goals[0].targets[1].label.ja == "活動目標2"
    assert PLAN.goals[0].targets[0].initiatives[0].label == "(1)"
    assert PLAN.challenges[0].label.ja == "①"


def test_plan_level_fields() -> None:
    assert PLAN.schema_version == DATA["schema_version"]
    assert PLAN.id == DATA["id"]
    assert PLAN.title.ja == "第3期飯塚市地域福祉計画"
    assert PLAN.edition == DATA.get("edition")
    assert PLAN.published == DATA.get("published")
    assert PLAN.extensions == DATA.get("extensions", {})


def test_period_is_in_fiscal_years() -> None:
    period = PLAN.period
    assert (period.start_fiscal_year, period.end_fiscal_year) == (2023, 2032)
    assert period.len_years == 10
    assert period.contains(2027) and not period.contains(2033)
    assert period.to_dict() == DATA["period"]
    assert [p.to_dict() for p in period.phases] == DATA["period"].get("phases", [])


def test_municipality_philosophy_and_help_model() -> None:
    m = PLAN.municipality
    assert (m.code, m.name.ja, m.prefecture.ja) == ("402052", "飯塚市", "福岡県")
    assert PLAN.philosophy.to_dict() == DATA["philosophy"]
    assert PLAN.philosophy.statement.ja == DATA["philosophy"]["statement"]["ja"]
    model = PLAN.help_model
    assert model.kind == DATA["help_model"]["kind"]
    assert [s.sector for s in model.sectors] == [s["sector"] for s in DATA["help_model"]["sectors"]]
    assert model.sectors[0].label.ja == "自助"
    assert model.has("self_help") and model.has("公助")


def test_challenges_and_actors_match_the_document() -> None:
    assert [c.to_dict() for c in PLAN.challenges] == DATA["challenges"]
    assert [a.to_dict() for a in PLAN.actors] == DATA["actors"]
    actor = PLAN.actors[0]
    assert actor.kind == DATA["actors"][0]["kind"]
    assert actor.kind_label.ja and actor.kind_label.en
    assert actor.sector in ("self_help", "reciprocal_help", "mutual_help", "public_help")


def test_lookup_by_id_returns_the_part_of_each_kind() -> None:
    goal = PLAN.goals[1]
    target = goal.targets[0]
    initiative = target.initiatives[1]
    challenge = PLAN.challenges[2]
    actor = PLAN.actors[3]
    assert PLAN.goal(goal.id) == goal
    assert PLAN.target(target.id) == target
    assert PLAN.initiative(initiative.id) == initiative
    assert PLAN.challenge(challenge.id) == challenge
    assert PLAN.actor(actor.id) == actor
    for part in (goal, target, initiative, challenge, actor):
        assert PLAN.get(part.id) == part
    assert isinstance(PLAN.get(goal.id), wp.Goal)
    assert isinstance(PLAN.get(actor.id), wp.Actor)


def test_lookup_of_an_unknown_id_is_none() -> None:
    assert PLAN.get("no-such-id") is None
    assert PLAN.goal("no-such-id") is None
    assert PLAN.actor(PLAN.goals[0].id) is None


def test_initiatives_lists_every_initiative_in_document_order() -> None:
    flat = PLAN.initiatives()
    assert len(flat) == 19
    nested = [i for g in PLAN.goals for t in g.targets for i in t.initiatives]
    assert flat == nested
    assert sum(len(g.initiatives()) for g in PLAN.goals) == 19


def test_initiatives_in_sector_accepts_codes_and_japanese_labels() -> None:
    records = PLAN.to_records()
    for code, label in [("self_help", "自助"), ("mutual_help", "共助"), ("public_help", "公助")]:
        by_code = PLAN.initiatives_in_sector(code)
        assert by_code == PLAN.initiatives_in_sector(label)
        assert [i.id for i in by_code] == [r["initiative_id"] for r in records if r[code]]
        for initiative in by_code:
            assert code in {p.sector for p in initiative.participants}


def test_initiatives_in_an_unknown_sector_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown help sector `self-help`"):
        PLAN.initiatives_in_sector("self-help")


def test_initiatives_addressing_a_challenge() -> None:
    records = PLAN.to_records()
    for challenge in PLAN.challenges:
        expected = [r["initiative_id"] for r in records if challenge.id in r["challenge_ids"]]
        assert [i.id for i in PLAN.initiatives_addressing(challenge.id)] == expected
        assert challenge.initiatives() == PLAN.initiatives_addressing(challenge.id)
    assert PLAN.initiatives_addressing("no-such-challenge") == []


def test_participants_resolve_to_actors() -> None:
    for initiative in PLAN.initiatives():
        for p in initiative.participants:
            actor = p.actor
            assert actor is not None and actor.id == p.actor_id
        for c in initiative.challenges:
            assert c.id in initiative.challenge_ids


def test_records_are_flat_rows_a_data_frame_takes_as_is() -> None:
    records = PLAN.to_records()
    assert len(records) == 19
    columns = list(records[0])
    assert columns[:3] == ["goal_id", "goal_number", "goal_label"]
    for row in records:
        assert list(row) == columns
        for value in row.values():
            assert value is None or isinstance(value, (str, int, bool, list))
            if isinstance(value, list):
                assert all(isinstance(v, str) for v in value)
    assert records[0]["goal_label"] == "基本目標Ⅰ"
    assert json.loads(json.dumps(records)) == records


def test_text_falls_back_to_japanese_and_prints_as_japanese() -> None:
    t = PLAN.title
    assert str(t) == t.ja
    assert t.get("en") == (t.en or t.ja)
    assert t.get() == t.ja
    with pytest.raises(ValueError, match="unknown language"):
        t.get("fr")


def test_views_are_equal_by_place_and_hashable() -> None:
    a, b = PLAN.goals[0], PLAN.goals[0]
    assert a is not b and a == b and hash(a) == hash(b)
    assert a != PLAN.goals[1]
    assert len({a, b, PLAN.goals[1]}) == 2
    assert wp.loads(PLAN.dumps()).goals[0] == a


def test_views_are_immutable() -> None:
    goal: Any = PLAN.goals[0]
    with pytest.raises(AttributeError):
        goal.id = "changed"
    plan: Any = PLAN
    with pytest.raises(AttributeError):
        plan.id = "changed"


def test_views_keep_the_plan_alive() -> None:
    goal = wp.iizuka_third_plan().goals[0]
    gc.collect()
    assert goal.title.ja == DATA["goals"][0]["title"]["ja"]


def test_loading_a_large_plan_builds_no_python_objects_for_its_parts() -> None:
    data = iizuka_data()
    target = data["goals"][0]["targets"][0]
    template = target["initiatives"][0]
    target["initiatives"] = [
        {**template, "id": f"bulk-{n}", "number": n} for n in range(1, 5001)
    ]
    document = json.dumps(data, ensure_ascii=False).encode("utf-8")
    del data, target, template
    gc.collect()
    before = len(gc.get_objects())
    plan = wp.loads(document)
    after = len(gc.get_objects())
    assert len(plan.initiatives()) == 5000 + 18
    assert after - before < 20


def test_render_shows_the_tree_in_either_language() -> None:
    assert "計画期間: 令和5年度～令和14年度" in PLAN.render()
    assert "Plan period: FY2023 (Reiwa 5)" in PLAN.render("en")


def test_reprs_name_the_part() -> None:
    assert repr(PLAN).startswith("Plan(id=")
    assert repr(PLAN.goals[0]) == "Goal(id='g1', number=1, title='お互いを大切にし合うひとづくり')"
    assert repr(PLAN.period) == "Period(start_fiscal_year=2023, end_fiscal_year=2032)"
