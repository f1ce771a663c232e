"""Typed, lazy read access to the Iizuka plan in its own terms: levels and nodes at any depth
(基本目標 → 活動目標 → 具体的取り組み), challenges, actors, publishers, voices, the period,
municipality, philosophy and help model, lookups by id and records."""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest

import welfare_plan as wp
from corpus import iizuka_data

PLAN = wp.iizuka_third_plan()
DATA = iizuka_data()


def test_nested_access_reads_the_plan_text() -> None:
    first = DATA["nodes"][0]["children"][0]["children"][0]
    initiative = PLAN.nodes[0].children[0].children[0]
    assert initiative.title.ja == first["title"]["ja"]
    assert initiative.title.en == first["title"].get("en")
    assert initiative.id == first["id"]
    assert initiative.path == "/nodes/0/children/0/children/0"


def test_every_node_matches_the_document_at_its_path() -> None:
    nodes = PLAN.all_nodes()
    assert len(nodes) == 3 + 8 + 19
    for node in nodes:
        written: Any = DATA
        for segment in node.path.split("/")[1:]:
            written = written[int(segment)] if segment.isdigit() else written[segment]
        assert node.to_dict() == written
        assert (node.id, node.number, node.title.to_dict()) == (written["id"], written.get("number"), written["title"])
        assert node.priority == written.get("priority", False)
        assert node.challenge_ids == written.get("challenges", [])
        assert [c.id for c in node.children] == [c["id"] for c in written.get("children", [])]
        assert [p.actor_id for p in node.participants] == [p["actor"] for p in written.get("participants", [])]
        for child in node.children:
            assert child.parent == node and child.depth == node.depth + 1


def test_levels_name_the_depths_of_the_tree() -> None:
    assert [(lv.id, lv.name.ja, lv.numbering) for lv in PLAN.levels] == [
        ("goal", "基本目標", "roman"),
        ("target", "活動目標", "arabic"),
        ("initiative", "具体的取り組み", "parenthesized"),
    ]
    assert [lv.to_dict() for lv in PLAN.levels] == DATA["levels"]
    assert PLAN.initiative_level == PLAN.levels[2]
    for depth, level in enumerate(PLAN.levels):
        nodes = PLAN.nodes_at_level(level.id)
        assert nodes and all(n.depth == depth and n.level == level for n in nodes)
    assert [len(PLAN.nodes_at_level(lv.id)) for lv in PLAN.levels] == [3, 8, 19]
    assert PLAN.nodes_at_level("goal") == PLAN.nodes


def test_labels_follow_the_plan_numbering() -> None:
    assert [g.label.ja for g in PLAN.nodes] == ["基本目標Ⅰ", "基本目標Ⅱ", "基本目標Ⅲ"]
    assert PLAN.nodes[0].label.en == "Basic goal I"
    assert PLAN.nodes[0].children[1].label.ja == "活動目標2"
    assert PLAN.nodes[0].children[1].label.en == "Activity target 2"
    assert PLAN.nodes[0].children[0].children[0].label.ja == "(1)"
    assert PLAN.challenges[0].label.ja == "①"


def test_plan_level_fields() -> None:
    assert PLAN.schema_version == DATA["schema_version"] == "2.0"
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
    assert model is not None
    assert model.kind == DATA["help_model"]["kind"]
    assert [s.sector for s in model.sectors] == [s["sector"] for s in DATA["help_model"]["sectors"]]
    assert model.sectors[0].label.ja == "自助"
    assert model.has("self_help") and model.has("公助") and not model.has("reciprocal_help")
    assert model.heading() == "自助・共助・公助"


def test_publishers_voices_overview_and_sources_match_the_document() -> None:
    assert [p.to_dict() for p in PLAN.publishers] == DATA["publishers"]
    office = PLAN.publishers[0].office
    assert office is not None and office.division is not None
    assert office.division.ja == DATA["publishers"][0]["office"]["division"]["ja"]
    assert [v.to_dict() for v in PLAN.voices] == DATA["voices"]
    assert [s.to_dict() for s in PLAN.overview] == DATA["overview"]
    assert [s.to_dict() for s in PLAN.sources] == DATA["sources"]
    for voice in PLAN.voices:
        assert [n.id for n in voice.nodes] == voice.node_ids
        assert [c.id for c in voice.challenges] == voice.challenge_ids


def test_challenges_and_actors_match_the_document() -> None:
    assert [c.to_dict() for c in PLAN.challenges] == DATA["challenges"]
    assert [a.to_dict() for a in PLAN.actors] == DATA["actors"]
    actor = PLAN.actors[0]
    assert actor.kind == DATA["actors"][0]["kind"]
    assert actor.kind_label.ja and actor.kind_label.en
    model = PLAN.help_model
    assert model is not None
    assert all(a.sector is None or model.has(a.sector) for a in PLAN.actors)


def test_lookup_by_id_returns_the_part_of_each_kind() -> None:
    goal = PLAN.nodes[1]
    target = goal.children[0]
    initiative = target.children[1]
    challenge = PLAN.challenges[2]
    actor = PLAN.actors[3]
    publisher = PLAN.publishers[0]
    for node in (goal, target, initiative):
        assert PLAN.node(node.id) == node
    assert PLAN.challenge(challenge.id) == challenge
    assert PLAN.actor(actor.id) == actor
    assert PLAN.publisher(publisher.id) == publisher
    for part in (goal, target, initiative, challenge, actor, publisher):
        assert PLAN.part(part.id) == part
    assert isinstance(PLAN.part(goal.id), wp.Node)
    assert isinstance(PLAN.part(actor.id), wp.Actor)
    assert isinstance(PLAN.part(publisher.id), wp.Publisher)


def test_lookup_of_an_unknown_id_is_none() -> None:
    assert PLAN.part("no-such-id") is None
    assert PLAN.node("no-such-id") is None
    assert PLAN.district("no-such-id") is None
    assert PLAN.actor(PLAN.nodes[0].id) is None
    assert PLAN.node(PLAN.actors[0].id) is None


def test_initiatives_lists_the_initiative_level_in_document_order() -> None:
    flat = PLAN.initiatives()
    assert len(flat) == 19
    nested = [i for g in PLAN.nodes for t in g.children for i in t.children]
    assert flat == nested
    assert flat == PLAN.nodes_at_level("initiative")
    assert sum(len(g.initiatives()) for g in PLAN.nodes) == 19
    assert PLAN.nodes[0].initiatives() == [i for t in PLAN.nodes[0].children for i in t.children]
    assert flat[4].initiatives() == [flat[4]]


def test_initiatives_in_sector_accepts_codes_and_labels() -> None:
    records = PLAN.to_records()
    sectors: list[tuple[wp.types.Sector, wp.types.SectorLabel, wp.types.SectorLabelEn]] = [
        ("self_help", "自助", "self-help"), ("mutual_help", "共助", "mutual help"),
        ("public_help", "公助", "public help")]
    for code, ja, en in sectors:
        by_code = PLAN.initiatives_in_sector(code)
        assert by_code == PLAN.initiatives_in_sector(ja) == PLAN.initiatives_in_sector(en)
        assert [i.id for i in by_code] == [r["id"] for r in records if code in r["sectors"]]
        for initiative in by_code:
            assert code in {p.sector for p in initiative.participants}


def test_initiatives_in_an_unknown_sector_is_a_value_error_naming_the_plans_sectors() -> None:
    with pytest.raises(ValueError, match=r"unknown help sector `self-helps`; expected one of `self_help` \(自助\)"):
        PLAN.initiatives_in_sector("self-helps")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown help sector `互助`"):
        PLAN.initiatives_in_sector("互助")


def test_initiatives_addressing_a_challenge() -> None:
    records = PLAN.to_records()
    for challenge in PLAN.challenges:
        expected = [r["id"] for r in records if challenge.id in r["challenge_ids"]]
        assert [i.id for i in PLAN.initiatives_addressing(challenge.id)] == expected
        assert challenge.initiatives() == PLAN.initiatives_addressing(challenge.id)
    assert PLAN.initiatives_addressing("no-such-challenge") == []


def test_participants_resolve_to_actors() -> None:
    for initiative in PLAN.initiatives():
        for p in initiative.participants:
            actor = p.actor
            assert actor is not None and actor.id == p.actor_id
        assert [c.id for c in initiative.challenges] == initiative.challenge_ids


def test_records_are_flat_rows_a_data_frame_takes_as_is() -> None:
    records = PLAN.to_records()
    assert len(records) == 19
    columns = list(records[0])
    assert columns[:3] == ["parent_ids", "parent_labels", "parent_titles_ja"]
    for row, initiative in zip(records, PLAN.initiatives()):
        assert list(row) == columns
        assert row["id"] == initiative.id and row["label"] == initiative.label.ja
        assert row["level"] == PLAN.initiative_level.id
        parents = [initiative.parent, initiative.parent.parent if initiative.parent else None]
        assert row["parent_ids"] == tuple(p.id for p in reversed(parents) if p)
        for value in row.values():
            assert value is None or isinstance(value, (str, int, bool, tuple))
            if isinstance(value, tuple):
                assert all(isinstance(v, str) for v in value)
    assert records[0]["parent_labels"] == ("基本目標Ⅰ", "活動目標1")
    as_lists = [{k: list(v) if isinstance(v, tuple) else v for k, v in r.items()} for r in records]
    assert json.loads(json.dumps(records)) == as_lists


def test_text_falls_back_to_japanese_and_prints_as_japanese() -> None:
    t = PLAN.title
    assert str(t) == t.ja
    assert t.get("en") == (t.en or t.ja)
    assert t.get() == t.ja
    with pytest.raises(ValueError, match="unknown language"):
        t.get("fr")


def test_views_are_equal_by_place_and_hashable() -> None:
    a, b = PLAN.nodes[0], PLAN.nodes[0]
    assert a is not b and a == b and hash(a) == hash(b)
    assert a != PLAN.nodes[1]
    assert len({a, b, PLAN.nodes[1]}) == 2
    assert wp.loads(PLAN.dumps()).nodes[0] == a
    # Same place in plans that differ there: not equal.
    data = iizuka_data()
    data["nodes"][0]["title"]["ja"] = "別の目標"
    assert wp.Plan.from_dict(data).nodes[0] != a


def test_views_are_immutable() -> None:
    node: Any = PLAN.nodes[0]
    with pytest.raises(AttributeError):
        node.id = "changed"
    plan: Any = PLAN
    with pytest.raises(AttributeError):
        plan.id = "changed"


def test_views_keep_the_plan_alive() -> None:
    node = wp.iizuka_third_plan().nodes[0]
    gc.collect()
    assert node.title.ja == DATA["nodes"][0]["title"]["ja"]


def test_loading_a_large_plan_builds_no_python_objects_for_its_parts() -> None:
    data = iizuka_data()
    target = data["nodes"][0]["children"][0]
    template = target["children"][0]
    target["children"] = [{**template, "id": f"bulk-{n}", "number": n} for n in range(1, 5001)]
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
    assert repr(PLAN).startswith("Plan(id='iizuka-regional-welfare-plan-3', ")
    assert repr(PLAN.nodes[0]) == "Node(id='g1', number=1, title='お互いを大切にし合うひとづくり')"
    assert repr(PLAN.period) == "Period(start_fiscal_year=2023, end_fiscal_year=2032)"
    assert repr(PLAN.levels[0]) == "Level(id='goal', name='基本目標', numbering='roman')"
