"""Canonical JSON in and out: byte-identical round trips, equal to the CLI's export, and the
file and dict entry points."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

import welfare_plan as wp
from corpus import IIZUKA_JSON, REPO, iizuka_data


def test_dumps_loads_dumps_is_byte_identical() -> None:
    original = wp.iizuka_third_plan().dumps()
    assert wp.loads(original).dumps() == original
    assert wp.loads(original.encode("utf-8")).dumps() == original


def test_dumps_is_the_embedded_canonical_file() -> None:
    assert wp.iizuka_third_plan().dumps() == IIZUKA_JSON.read_text("utf-8")


def test_dumps_equals_the_cli_export_byte_for_byte() -> None:
    exported = subprocess.run(
        ["cargo", "run", "-q", "-p", "welfare-plan-cli", "--", "export"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout
    assert wp.iizuka_third_plan().dumps().encode("utf-8") == exported


def test_dumps_writes_utf8_without_escapes_and_a_trailing_newline() -> None:
    text = wp.iizuka_third_plan().dumps()
    assert "第3期飯塚市地域福祉計画" in text
    assert "\\u" not in text
    assert text.endswith("}\n")


def test_dump_to_a_path_then_load_from_it(tmp_path: Path) -> None:
    plan = wp.iizuka_third_plan()
    target = tmp_path / "plan.json"
    plan.dump(target)
    assert target.read_text("utf-8") == plan.dumps()
    assert wp.load(target) == plan
    assert wp.load(str(target)) == plan


def test_dump_to_a_text_file_object() -> None:
    plan = wp.iizuka_third_plan()
    buffer = io.StringIO()
    plan.dump(buffer)
    assert buffer.getvalue() == plan.dumps()


def test_load_reads_binary_and_text_file_objects() -> None:
    plan = wp.iizuka_third_plan()
    assert wp.load(io.BytesIO(plan.dumps().encode("utf-8"))) == plan
    assert wp.load(io.StringIO(plan.dumps())) == plan


def test_load_of_a_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        wp.load(tmp_path / "missing.json")


def test_load_refuses_a_file_over_the_size_limit(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    wp.iizuka_third_plan().dump(target)
    with pytest.raises(wp.PlanError) as raised:
        wp.load(target, limits={"max_input_bytes": 100})
    assert [i.code for i in raised.value.issues] == ["input.too_large"]


def test_to_dict_is_the_json_document_in_field_order() -> None:
    d = wp.iizuka_third_plan().to_dict()
    assert d == iizuka_data()
    assert list(d) == list(iizuka_data())
    assert json.dumps(d, ensure_ascii=False, indent=2) + "\n" == IIZUKA_JSON.read_text("utf-8")


def test_from_dict_round_trips_the_plan() -> None:
    plan = wp.iizuka_third_plan()
    again = wp.Plan.from_dict(plan.to_dict())
    assert again == plan
    assert again.dumps() == plan.dumps()


def test_from_dict_reports_exactly_what_loads_reports() -> None:
    data = iizuka_data()
    data["nodes"][0]["title"]["ja"] = " "
    data["municipality"]["code"] = "402051"
    data["period"]["end_fiscal_year"] = 2020
    with pytest.raises(wp.PlanError) as from_dict:
        wp.Plan.from_dict(data)
    with pytest.raises(wp.PlanError) as from_text:
        wp.loads(json.dumps(data, ensure_ascii=False))
    codes = [(i.code, i.path) for i in from_dict.value.issues]
    assert codes == [(i.code, i.path) for i in from_text.value.issues]
    assert ("text.blank", "/nodes/0/title/ja") in codes
    assert ("municipality.check_digit", "/municipality/code") in codes
    assert ("period.reversed", "/period/end_fiscal_year") in codes


def test_from_dict_of_a_non_object_is_a_plan_error() -> None:
    with pytest.raises(wp.PlanError) as raised:
        wp.Plan.from_dict([1, 2, 3])
    assert [(i.code, i.path) for i in raised.value.issues] == [("schema.wrong_type", "")]


def test_from_dict_honours_limits() -> None:
    with pytest.raises(wp.PlanError) as raised:
        wp.Plan.from_dict(iizuka_data(), limits=wp.Limits(max_text_chars=10))
    assert {i.code for i in raised.value.issues} == {"limit.text_too_long"}
