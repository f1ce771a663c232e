"""Errors reach Python as exceptions callers can catch by class, with the issues attached;
hostile input never panics; arguments are checked."""

from __future__ import annotations

import json
from typing import Any

import pytest

import welfare_plan as wp
from corpus import iizuka_data


def test_plan_error_is_a_value_error_carrying_every_issue() -> None:
    with pytest.raises(ValueError) as raised:
        wp.loads(b'{"schema_version": "2.0"}')
    err = raised.value
    assert isinstance(err, wp.PlanError)
    # Every missing field at once, in the format's order.
    missing = ["id", "title", "municipality", "period", "publishers", "philosophy", "levels", "nodes"]
    assert [(i.code, i.path) for i in err.issues] == [("schema.missing_field", f"/{f}") for f in missing]
    assert err.errors == err.issues
    assert str(err) == "invalid plan: error [schema.missing_field] at /id: missing required field `id` (and 7 more)"
    assert err.message_ja == "無効な計画です: エラー [schema.missing_field] 必須のフィールド `id` がありません (場所 /id)（ほか7件）"


def test_a_plan_error_raised_by_hand_says_its_message_in_both_attributes() -> None:
    err = wp.PlanError("invalid plan: made by a caller")
    assert (str(err), err.message_ja, err.issues, err.filename) == (
        "invalid plan: made by a caller",
        "invalid plan: made by a caller",
        [],
        None,
    )


def test_a_1_0_document_is_told_what_format_1_0_requires() -> None:
    with pytest.raises(wp.PlanError) as raised:
        wp.loads(b'{"schema_version": "1.0"}')
    missing = ["id", "title", "municipality", "period", "publishers", "philosophy", "goals"]
    assert [(i.code, i.path) for i in raised.value.issues] == [("schema.missing_field", f"/{f}") for f in missing]


def test_plan_error_message_counts_the_further_errors() -> None:
    data = iizuka_data()
    data["challenges"][0]["title"]["ja"] = ""
    data["challenges"][1]["title"]["ja"] = ""
    data["challenges"][2]["title"]["ja"] = ""
    with pytest.raises(wp.PlanError, match=r"^invalid plan: error \[text\.blank\] .* \(and 2 more\)$"):
        wp.Plan.from_dict(data)


def test_warnings_do_not_raise_and_are_kept_on_the_plan() -> None:
    data = iizuka_data()
    for initiative in data["nodes"][0]["children"][0]["children"]:
        initiative.pop("participants", None)
    plan = wp.Plan.from_dict(data)
    assert plan.warnings
    assert {w.code for w in plan.warnings} == {"coverage.initiative_without_actor"}
    assert all(not w.is_error for w in plan.warnings)
    assert [(w.code, w.path) for w in plan.validate()] == [(w.code, w.path) for w in plan.warnings]


def test_a_clean_plan_has_no_warnings() -> None:
    plan = wp.iizuka_third_plan()
    assert plan.warnings == []
    assert plan.validate() == []


def test_issues_carry_position_messages_and_readable_text() -> None:
    issues = wp.validate('{\n  "schema_version": "2.0",\n  "titel": 1\n}')
    [issue] = [i for i in issues if i.code == "schema.unknown_field"]
    assert (issue.code, issue.severity, issue.path) == ("schema.unknown_field", "error", "/titel")
    assert (issue.line, issue.column) == (3, 3)
    assert "unknown field `titel`" in issue.message_en
    assert "titel" in issue.message_ja
    assert str(issue) == f"error [schema.unknown_field] at /titel: {issue.message_en}"
    assert repr(issue).startswith("Issue(code='schema.unknown_field', severity='error', path='/titel', line=3")
    assert issue.to_dict() == {
        "code": "schema.unknown_field",
        "severity": "error",
        "path": "/titel",
        "message_ja": issue.message_ja,
        "message_en": issue.message_en,
        "line": 3,
        "column": 3,
    }


def test_issues_compare_by_value_and_hash() -> None:
    a = wp.validate(b"[]")
    b = wp.validate(b"[]")
    assert a == b and a[0] is not b[0]
    assert len({a[0], b[0]}) == 1


@pytest.mark.parametrize(
    ("name", "document", "code"),
    [
        ("not utf-8", b'{"id": "\xff\xfe"}', "json.invalid_utf8"),
        ("lone surrogate in str", '{"id": "\ud800"}', "json.invalid_utf8"),
        ("200000 nested brackets", b"[" * 200_000, "schema.wrong_type"),
        ("200000 nested objects", b'{"a":' * 200_000, "schema.unknown_field"),
        ("200000 levels in extensions", b'{"extensions": {"x": ' + b'{"a":' * 200_000, "limit.too_deep"),
        ("empty bytes", b"", "input.empty"),
        ("white space", " \n\t ", "input.empty"),
        ("NUL bytes", b"\x00" * 1000, "json.syntax"),
        ("40 MB string", b'"' + b"x" * 40_000_000 + b'"', "input.too_large"),
    ],
)
def test_hostile_input_is_a_plan_error_never_a_crash(name: str, document: str | bytes, code: str) -> None:
    issues = wp.validate(document)
    assert [i.code for i in issues] == [code], name
    with pytest.raises(wp.PlanError) as raised:
        wp.loads(document)
    assert [i.code for i in raised.value.issues] == [code]


def test_a_40_mb_string_within_raised_limits_is_parsed_and_reported() -> None:
    document = b'{"schema_version": "2.0", "id": "' + b"x" * 40_000_000 + b'"}'
    issues = wp.validate(document, limits={"max_input_bytes": 64 << 20})
    missing = ["title", "municipality", "period", "publishers", "philosophy", "levels", "nodes"]
    assert [(i.code, i.path) for i in issues] == [("schema.missing_field", f"/{f}") for f in missing]


def test_non_document_arguments_are_type_errors() -> None:
    bad: Any = 42
    with pytest.raises(TypeError, match=r"str, bytes, bytearray, memoryview\), plan data .* not `int`"):
        wp.loads(bad)
    with pytest.raises(TypeError, match=r"str, bytes, bytearray, memoryview\), plan data .* not `int`"):
        wp.validate(bad)
    with pytest.raises(TypeError, match="path"):
        wp.load(bad)


def test_a_bytearray_or_a_memoryview_is_read_as_its_bytes() -> None:
    doc = wp.iizuka_third_plan().dumps().encode("utf-8")
    assert wp.loads(bytearray(doc)) == wp.loads(doc)
    assert wp.loads(memoryview(doc)) == wp.loads(doc)
    broken = doc.replace(b'"402052"', b'"402051"', 1)
    codes = [i.code for i in wp.validate(memoryview(bytearray(broken)))]
    assert codes == ["municipality.check_digit"]


def test_limits_accept_a_limits_object_or_a_dict() -> None:
    doc = wp.iizuka_third_plan().dumps()
    small = wp.Limits(max_input_bytes=100)
    assert small.max_input_bytes == 100
    assert small.max_depth == wp.Limits().max_depth
    assert [i.code for i in wp.validate(doc, limits=small)] == ["input.too_large"]
    assert [i.code for i in wp.validate(doc, limits={"max_input_bytes": 100})] == ["input.too_large"]
    assert wp.validate(doc, limits={}) == []
    assert wp.Limits(max_depth=4).to_dict()["max_depth"] == 4
    assert wp.Limits.unlimited().max_input_bytes > wp.Limits().max_input_bytes
    assert wp.Limits(max_depth=4) == wp.Limits(max_depth=4)


def test_limits_with_an_unknown_key_are_a_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match="invalid limits: unknown limit `max_dept`, did you mean `max_depth`"):
        wp.validate(b"{}", limits={"max_dept": 3})


def test_limits_with_a_negative_value_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="invalid limits"):
        wp.validate(b"{}", limits={"max_depth": -1})
    with pytest.raises(ValueError, match="invalid limits"):
        wp.Limits(max_depth=-1)


@pytest.mark.parametrize(("value", "got"), [(-1, "a negative number"), (1.5, "a `float`"), ("3", "a `str`"),
                                            (True, "a `bool`")])
def test_limit_values_are_refused_in_the_formats_words(value: Any, got: str) -> None:
    with pytest.raises(ValueError) as raised:
        wp.validate(b"{}", limits={"max_depth": value})
    assert str(raised.value) == f"invalid limits: `max_depth` must be a whole number of 0 or more, not {got}"
    for rust_word in ("usize", "u64", "expected", "invalid type"):
        assert rust_word not in str(raised.value)


def test_limits_of_the_wrong_type_are_a_type_error() -> None:
    bad: Any = [1, 2]
    with pytest.raises(TypeError, match="limits must be"):
        wp.validate(b"{}", limits=bad)


def test_plan_error_can_be_raised_and_caught_by_callers() -> None:
    issues = wp.validate(b"[]")
    err = wp.PlanError("custom", issues)
    assert err.issues == issues and str(err) == "custom"
    assert json.dumps([i.to_dict() for i in err.issues])
