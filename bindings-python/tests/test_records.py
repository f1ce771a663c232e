"""``plan.to_records()`` for data frames and spreadsheets, ``write_csv`` for Excel in Japanese,
and ``welfare_plan.types`` kept in step with the schemas and the core's code lists."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import typing
from pathlib import Path
from typing import Any

import welfare_plan as wp
from corpus import REPO, fixture

IIZUKA = wp.iizuka_third_plan()


def test_records_have_the_typed_columns_in_order_with_names_beside_ids() -> None:
    records = IIZUKA.to_records()
    assert len(records) == len(IIZUKA.initiatives()) == 19
    assert list(records[0]) == list(wp.InitiativeRecord.__annotations__)
    for record, initiative in zip(records, IIZUKA.initiatives()):
        assert record["id"] == initiative.id and record["label"] == initiative.label.ja
        parent = initiative.parent
        assert parent is not None and record["parent_ids"][-1] == parent.id
        assert record["actor_ids"] == tuple(p.actor_id for p in initiative.participants)
        names = []
        for p in initiative.participants:
            assert p.actor is not None
            names.append(p.actor.name.ja)
        assert record["actor_names"] == tuple(names)
        assert record["challenge_titles"] == tuple(c.title.ja for c in initiative.challenges)
        assert record["challenge_ids"] == tuple(initiative.challenge_ids)
    assert any(r["actor_names"] for r in records) and any(r["challenge_titles"] for r in records)


def test_rows_are_plain_dicts_of_immutable_values() -> None:
    records = IIZUKA.to_records()
    first, second = next((a, b) for a, b in zip(records, records[1:]) if a["parent_ids"] == b["parent_ids"])
    assert first is not second and type(first) is dict
    first["parent_ids"] += ("changed",)
    assert second["parent_ids"] + ("changed",) == first["parent_ids"]
    assert IIZUKA.to_records() == [r for r in IIZUKA.to_records()] != records
    for record in records:
        for value in record.values():
            assert isinstance(value, (str, int, bool, tuple, type(None)))
            assert not isinstance(value, tuple) or all(type(v) is str for v in value)


def test_each_label_is_the_nodes_own_in_every_numbering_style() -> None:
    # Labels are made once per level and number, except in the compound style (1-2-3), whose
    # label holds the numbers above: each style at the initiative level, the compound one
    # also at a level above, must still give every row its node's own label.
    for style in ["roman", "arabic", "parenthesized", "circled", "compound", "none"]:
        data = json.loads(fixture("four-help-joint").read_text("utf-8"))
        data["levels"][-1]["numbering"] = style
        plan = wp.Plan.from_dict(data)
        records = plan.to_records()
        assert len(records) == len(plan.initiatives()) > 1
        for record, initiative in zip(records, plan.initiatives()):
            assert record["label"] == initiative.label.ja
            above: list[str] = []
            parent = initiative.parent
            while parent is not None:
                above.insert(0, parent.label.ja)
                parent = parent.parent
            assert record["parent_labels"] == tuple(above)
        if style == "compound":
            assert len({r["label"] for r in records}) == len(records)
            assert all("-" in r["label"] for r in records)


def test_joined_records_hold_one_cell_per_list_column() -> None:
    joined = IIZUKA.to_records(join="、")
    plain = IIZUKA.to_records()
    assert list(joined[0]) == list(wp.InitiativeCells.__annotations__)
    for cells, record in zip(joined, plain):
        for column, value in record.items():
            if isinstance(value, tuple):
                assert cells[column] == "、".join(value)  # type: ignore[literal-required]
            else:
                assert cells[column] == value  # type: ignore[literal-required]
    assert any("、" in r["sectors"] for r in joined)


def test_write_csv_writes_what_excel_in_japanese_opens(tmp_path: Path) -> None:
    path = tmp_path / "initiatives.csv"
    assert wp.write_csv(path, IIZUKA.to_records()) == 19
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 20
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    first = IIZUKA.to_records()[0]
    assert list(rows[0]) == list(first)
    assert rows[0]["sectors"] == "、".join(first["sectors"]) and "[" not in raw.decode("utf-8-sig")
    assert rows[0]["title_en"] == (first["title_en"] or "")
    out = io.StringIO()
    wp.write_csv(out, [{"a": ["x", "y"], "b": None}, {"c": 1}], excel=False, join=" / ")
    assert out.getvalue() == "a,b,c\nx / y,,\n,,1\n"


def test_write_csv_takes_the_rows_of_an_evaluation(tmp_path: Path) -> None:
    folder = REPO / "examples" / "progress"
    plan = wp.load(folder / "synthetic-hoshizora-plan.json")
    reports = [wp.load_report(p, plan) for p in sorted(folder.glob("synthetic-hoshizora-report-*.json"))]
    rows = plan.evaluate(reports).indicator_records()
    path = tmp_path / "progress.csv"
    assert wp.write_csv(path, rows) == len(rows)
    back = list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))
    assert [r["indicator"] for r in back] == [r["indicator"] for r in rows]


def generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_types", Path(__file__).parents[1] / "generate_types.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_types_module_is_what_the_generator_writes() -> None:
    path = Path(wp.types.__file__ or "")
    source = Path(__file__).parents[1] / "python" / "welfare_plan" / "types.py"
    assert generator().render() == source.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_every_code_list_matches_the_schema_and_the_core() -> None:
    lists = wp._native._code_lists()  # type: ignore[attr-defined]
    for name, values in lists.items():
        assert list(typing.get_args(getattr(wp.types, name))) == values, name
    defs = {**json.loads((REPO / "schemas" / "plan.schema.json").read_text("utf-8"))["$defs"],
            **json.loads((REPO / "schemas" / "progress-report.schema.json").read_text("utf-8"))["$defs"]}
    enums = {k: [o["const"] for o in d["oneOf"]] for k, d in defs.items() if "oneOf" in d}
    assert len(enums) >= 11
    for name, values in enums.items():
        assert list(typing.get_args(getattr(wp.types, name))) == values, name
    codes = {i.code for i in wp.validate(b"[]")} | {i.code for i in wp.validate(fixture("four-help-joint").read_bytes())}
    assert codes <= set(typing.get_args(wp.types.IssueCode))
    assert set(lists["IssueCode"]) >= {"schema.wrong_type", "reference.dangling"}


def test_every_object_of_the_format_has_a_typed_dict_with_its_fields() -> None:
    plan_schema = json.loads((REPO / "schemas" / "plan.schema.json").read_text("utf-8"))
    for name, d in plan_schema["$defs"].items():
        if d.get("type") == "object" and "properties" in d:
            typed = getattr(wp.types, f"{name}Data")
            assert set(typed.__annotations__) == set(d["properties"]), name
            assert typed.__required_keys__ == frozenset(d.get("required", [])), name
    assert set(wp.types.PlanData.__annotations__) == set(plan_schema["properties"])


def test_building_rows_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    IIZUKA.to_records()
    assert gc.isenabled()
    gc.disable()
    try:
        IIZUKA.to_records(join="、")
        assert not gc.isenabled()
    finally:
        gc.enable()
