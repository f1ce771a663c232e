"""The generated JSON Schema, read by Python's `jsonschema` (Draft 2020-12), agrees with the
library: it accepts the exported plans and every case whose `schema_valid` is true, and
rejects the rest. Format 1.0 documents, which the library reads through its upgrade, are
checked against the frozen 1.0 schema."""

from __future__ import annotations

import copy
import json
from typing import Any, Callable

import pytest
from jsonschema import Draft202012Validator

import welfare_plan as wp
from corpus import (
    CASES,
    RICH,
    SCHEMA_PATH,
    SCHEMA_V1_PATH,
    Case,
    fixture,
    iizuka_data,
    iizuka_v1_data,
    is_v1_shaped,
)
from report_corpus import EXAMPLE_REPORTS, REPORT_CASES, read_json, rich_report_data

SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
VALIDATOR_V1 = Draft202012Validator(json.loads(SCHEMA_V1_PATH.read_text("utf-8")))
SCHEMA_CASES = [c for c in CASES if c.schema_valid is not None]


def schema_errors(doc: Any) -> list[str]:
    """The errors of the schema of the version `doc` has the shape of."""
    validator = VALIDATOR_V1 if is_v1_shaped(doc) else VALIDATOR
    return [f"{e.message} at {e.json_path}" for e in validator.iter_errors(doc)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_schema_returns_the_committed_schema_file() -> None:
    assert wp.json_schema() == SCHEMA


def test_the_exported_plans_are_schema_valid() -> None:
    doc = json.loads(wp.iizuka_third_plan().dumps())
    assert schema_errors(doc) == []
    rich = json.loads(wp.loads(fixture(RICH).read_bytes()).dumps())
    assert schema_errors(rich) == []


def test_a_1_0_document_is_valid_under_the_1_0_schema_and_its_upgrade_under_2_0() -> None:
    doc = iizuka_v1_data()
    assert is_v1_shaped(doc) and schema_errors(doc) == []
    assert list(VALIDATOR.iter_errors(doc)) != []
    upgraded = json.loads(wp.Plan.from_dict(doc).to_json())
    assert not is_v1_shaped(upgraded)
    assert [e.message for e in VALIDATOR.iter_errors(upgraded)] == []


def test_enough_corpus_cases_are_checked_against_the_schema() -> None:
    assert len(SCHEMA_CASES) > 30


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c.name for c in SCHEMA_CASES])
def test_the_schema_accepts_a_case_exactly_when_it_is_schema_valid(case: Case) -> None:
    doc = json.loads(case.input().decode("utf-8-sig"))
    errors = schema_errors(doc)
    assert (errors == []) == case.schema_valid, errors
    if case.valid:
        assert case.schema_valid, "a valid plan must be schema-valid"


def mutated(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = copy.deepcopy(iizuka_data())
    change(doc)
    return doc


def codes_for(doc: dict[str, Any]) -> list[str]:
    return [i.code for i in wp.validate(json.dumps(doc, ensure_ascii=False))]


def test_schema_and_library_reject_an_unknown_top_level_field() -> None:
    doc = mutated(lambda d: d.update(titel="x"))
    assert schema_errors(doc) != []
    assert codes_for(doc) == ["schema.unknown_field"]


def test_schema_and_library_reject_an_unknown_deep_field() -> None:
    def change(d: dict[str, Any]) -> None:
        d["nodes"][1]["children"][0]["children"][0]["priorty"] = True

    doc = mutated(change)
    assert schema_errors(doc) != []
    assert codes_for(doc) == ["schema.unknown_field"]


def test_schema_and_library_reject_a_wrong_type() -> None:
    def change(d: dict[str, Any]) -> None:
        d["nodes"][0]["number"] = "1"

    doc = mutated(change)
    assert schema_errors(doc) != []
    assert codes_for(doc) == ["schema.wrong_type"]


def test_schema_and_library_reject_a_missing_required_array() -> None:
    doc = mutated(lambda d: d.pop("publishers"))
    assert any("'publishers' is a required property" in e for e in schema_errors(doc))
    assert codes_for(doc) == ["schema.missing_field"]


@pytest.mark.parametrize("blank", ["", "   ", "\u3000", "\t\n"])
def test_schema_and_library_reject_blank_japanese_text(blank: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["challenges"][0]["title"]["ja"] = blank

    doc = mutated(change)
    assert schema_errors(doc) != []
    assert codes_for(doc) == ["text.blank"]


# --- the progress report's schema --------------------------------------------------------------


def test_the_report_schema_is_the_committed_file_and_agrees_with_the_report_corpus() -> None:
    schema = wp.report_json_schema()
    assert schema == read_json(SCHEMA_PATH.with_name("progress-report.schema.json"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for doc in [*map(read_json, EXAMPLE_REPORTS), rich_report_data()]:
        assert list(validator.iter_errors(doc)) == []
    # A report with a shape error (or whose `document` is not the schema's constant) is invalid
    # by the schema too; one whose problems are only against its plan is valid by the schema.
    for case in REPORT_CASES:
        shape = any(code.startswith("schema.") or code == "report.document" for code, _ in case.issues)
        doc = json.loads(case.input())
        assert bool(list(validator.iter_errors(doc))) == shape, case.name


def _formats(node: Any) -> set[str]:
    """Every `format` keyword's value in a schema."""
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        for value in node.values():
            found |= _formats(value)
        return found
    if isinstance(node, list):
        return set().union(*(_formats(v) for v in node)) if node else set()
    return set()


def test_every_schema_uses_only_formats_python_jsonschema_checks_and_the_documents_pass_them() -> None:
    checker = Draft202012Validator.FORMAT_CHECKER
    # The frozen 1.0 schema stays as it was published (with schemars' `uint32` and `double`).
    schemas = {
        p.name: json.loads(p.read_text("utf-8"))
        for p in SCHEMA_PATH.parent.glob("*.schema.json")
        if p != SCHEMA_V1_PATH
    }
    assert {"plan.schema.json", "progress-report.schema.json", "diff.schema.json"} <= set(schemas)
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
        unknown = _formats(schema) - set(checker.checkers)
        assert unknown == set(), f"{name} uses formats no checker knows: {unknown}"
    strict = Draft202012Validator(SCHEMA, format_checker=checker)
    assert [e.message for e in strict.iter_errors(json.loads(wp.iizuka_third_plan().dumps()))] == []
    report_schema = Draft202012Validator(schemas["progress-report.schema.json"], format_checker=checker)
    for path in EXAMPLE_REPORTS:
        assert [e.message for e in report_schema.iter_errors(read_json(path))] == [], path
