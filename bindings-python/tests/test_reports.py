"""Progress reports through the Python API: the shared corpus of report cases gives the same
codes and paths, in the same order, as the expected files (and the Rust suite), each issue with
a line and column; reading a report against its plan, or for its shape only."""

from __future__ import annotations

import datetime
import io
import json
import types
from pathlib import Path

import pytest

import welfare_plan as wp
from report_corpus import (
    EXAMPLE_REPORTS,
    REPORT_CASES,
    ReportCase,
    example_plan,
    read_json,
    rich_report_data,
)

CASE_IDS = [c.name for c in REPORT_CASES]
PLAN = example_plan()


def pairs(issues: list[wp.Issue]) -> list[tuple[str, str]]:
    return [(i.code, i.path) for i in issues]


@pytest.mark.parametrize("case", REPORT_CASES, ids=CASE_IDS)
def test_validate_report_gives_the_expected_issues_in_order(case: ReportCase) -> None:
    issues = wp.validate_report(case.input(), case.plan())
    assert pairs(issues) == case.issues
    assert (not any(i.is_error for i in issues)) == case.valid
    for issue in issues:
        assert issue.line is not None and issue.column is not None, issue
        assert issue.message_ja and issue.message_en
        assert "u32" not in issue.message_en and "f64" not in issue.message_en, issue


@pytest.mark.parametrize("case", REPORT_CASES, ids=CASE_IDS)
def test_loads_report_returns_valid_reports_and_raises_plan_error_with_the_issues(case: ReportCase) -> None:
    plan = case.plan()
    if case.valid:
        report = wp.loads_report(case.input(), plan)
        assert pairs(report.warnings) == case.issues
        assert all(w.severity == "warning" for w in report.warnings)
        assert report.checked_against is plan
    else:
        with pytest.raises(wp.PlanError) as raised:
            wp.loads_report(case.input(), plan)
        assert pairs(raised.value.issues) == case.issues
        assert raised.value.errors
        # Named as what it is: a report, not a plan.
        assert str(raised.value).startswith("invalid progress report: error [")


@pytest.mark.parametrize("case", REPORT_CASES, ids=CASE_IDS)
def test_text_input_reports_the_same_issues_as_bytes(case: ReportCase) -> None:
    assert pairs(wp.validate_report(case.input().decode("utf-8"), case.plan())) == case.issues


@pytest.mark.parametrize("case", [c for c in REPORT_CASES if c.grades], ids=lambda c: c.name)
def test_the_cases_grades_are_what_the_evaluation_gives(case: ReportCase) -> None:
    plan = case.plan()
    progress = plan.evaluate([wp.loads_report(case.input(), plan)])
    [year] = progress.years
    for want in case.grades:
        if "indicator" in want:
            series = progress.indicator(want["indicator"])
            assert series is not None, want
            assert series.years[0].fiscal_year == year
            assert series.years[0].grades.get(want["scale"]) == want["grade"], want
        else:
            node = progress.node(want["node"])
            assert node is not None, want
            grade = node.years[0].grade(want["scale"])
            assert grade is not None, want
            for side in ("computed", "entered"):
                if side in want:
                    assert getattr(grade, side) == want[side], want


def test_the_corpus_has_grade_expectations() -> None:
    assert sum(len(c.grades) for c in REPORT_CASES) >= 10


def test_a_report_reads_from_a_path_a_file_object_bytes_and_text_alike() -> None:
    path = EXAMPLE_REPORTS[0]
    by_path = wp.load_report(path, PLAN)
    assert wp.load_report(str(path), PLAN) == by_path
    with path.open("rb") as f:
        assert wp.load_report(f, PLAN) == by_path
    assert wp.load_report(io.StringIO(path.read_text("utf-8")), PLAN) == by_path
    assert wp.loads_report(path.read_bytes(), PLAN) == by_path
    assert wp.loads_report(path.read_text("utf-8"), PLAN) == by_path
    with pytest.raises(FileNotFoundError, match="no-such-report.json"):
        wp.load_report(path.with_name("no-such-report.json"), PLAN)
    with pytest.raises(TypeError, match=r"memoryview\), report data \(a dict\), a path .* not `int`"):
        wp.loads_report(2025, PLAN)  # type: ignore[arg-type]


def test_a_report_as_data_reads_as_its_text_does() -> None:
    path = EXAMPLE_REPORTS[0]
    by_path = wp.load_report(path, PLAN)
    data = read_json(path)
    assert wp.loads_report(data, PLAN) == by_path
    assert wp.load_report(data, PLAN) == by_path
    assert wp.loads_report(data, None) == wp.loads_report(path.read_bytes(), None)
    assert pairs(wp.validate_report(data, PLAN)) == pairs(wp.validate_report(path.read_bytes(), PLAN))
    # Python values the format writes as text are taken as they are (a date as YYYY-MM-DD),
    # and any mapping serves as an object.
    dated = {**data, "evaluated_on": datetime.date.fromisoformat(data["evaluated_on"])}
    assert wp.loads_report(types.MappingProxyType(dated), PLAN) == by_path


def test_a_report_as_data_gives_issues_at_its_own_paths_without_lines() -> None:
    data = read_json(EXAMPLE_REPORTS[0])
    data["nodes"][1]["grades"][0]["grade"] = 3
    issues = wp.validate_report(data, PLAN)
    assert ("schema.wrong_type", "/nodes/1/grades/0/grade") in pairs(issues)
    assert all(i.line is None and i.column is None for i in issues)
    # The same issues as the data's JSON text gives, where they also have lines.
    text = json.dumps(data, ensure_ascii=False, indent=2)
    from_text = wp.validate_report(text, PLAN)
    assert pairs(from_text) == pairs(issues)
    assert all(i.line is not None for i in from_text)
    with pytest.raises(wp.PlanError) as raised:
        wp.loads_report(data, PLAN)
    assert pairs(raised.value.issues) == pairs(issues)
    assert raised.value.filename is None
    assert str(raised.value).startswith("invalid progress report: error [")
    assert raised.value.message_ja.startswith("無効な評価報告です: エラー [")
    # Shape only: the same wrong type, without a plan.
    assert ("schema.wrong_type", "/nodes/1/grades/0/grade") in pairs(wp.validate_report(data, None))


def test_a_value_in_report_data_that_json_cannot_hold_is_named_by_its_path() -> None:
    data = read_json(EXAMPLE_REPORTS[0])
    data["observations"][2]["extensions"] = {"tags": {"a", "b"}}
    with pytest.raises(TypeError, match=r"`/observations/2/extensions/tags`: a `set`"):
        wp.validate_report(data, PLAN)
    with pytest.raises(TypeError, match=r"`/observations/2/extensions/tags`: a `set`"):
        wp.loads_report(data, None)


def test_limits_apply_to_reports_as_to_plans() -> None:
    data = EXAMPLE_REPORTS[0].read_bytes()
    issues = wp.validate_report(data, PLAN, limits={"max_input_bytes": 100})
    assert pairs(issues) == [("input.too_large", "")]
    with pytest.raises(wp.PlanError):
        wp.load_report(EXAMPLE_REPORTS[0], PLAN, limits=wp.Limits(max_input_bytes=100))


def test_without_a_plan_only_the_shape_is_read() -> None:
    other = next(c for c in REPORT_CASES if ("report.plan_mismatch", "/plan/id") in c.issues)
    report = wp.loads_report(other.input(), None)
    assert report.checked_against is None
    assert report.plan.id == "another-plan"
    # Ids name nothing without the plan: the resolved views are missing, the ids stay.
    assert all(a.indicator is None and a.indicator_id for a in report.observations)
    assert all(n.node is None and n.node_id for n in report.nodes)
    assert wp.validate_report(other.input(), None) == []
    shape = next(c for c in REPORT_CASES if any(code == "schema.unknown_field" for code, _ in c.issues))
    assert pairs(wp.validate_report(shape.input(), None)) == shape.issues


def test_a_report_is_told_from_a_plan() -> None:
    assert wp.is_progress_report(EXAMPLE_REPORTS[0].read_bytes())
    assert wp.is_progress_report(EXAMPLE_REPORTS[0].read_text("utf-8"))
    assert not wp.is_progress_report(PLAN.dumps())
    assert not wp.is_progress_report(b"[")


def test_plan_hash_is_what_the_reports_record_and_changes_with_the_plan() -> None:
    recorded = {read_json(p)["plan"]["hash"] for p in EXAMPLE_REPORTS}
    assert recorded == {wp.plan_hash(PLAN)}
    data = PLAN.to_dict()
    data["edition"] = 2
    changed = wp.Plan.from_dict(data)
    assert wp.plan_hash(changed) != wp.plan_hash(PLAN)
    assert wp.plan_hash(changed).startswith("sha256:") and len(wp.plan_hash(changed)) == 7 + 64
    with pytest.raises(wp.PlanError) as raised:
        wp.load_report(EXAMPLE_REPORTS[0], changed)
    [mismatch] = raised.value.issues
    assert (mismatch.code, mismatch.path) == ("report.plan_mismatch", "/plan/hash")
    assert "(edition 1)" in mismatch.message_en and "(edition 2)" in mismatch.message_en


def test_canonical_json_round_trips_byte_for_byte(tmp_path: Path) -> None:
    for path in EXAMPLE_REPORTS:
        report = wp.load_report(path, PLAN)
        assert report.dumps() == report.to_json() == path.read_text("utf-8")
        assert wp.loads_report(report.dumps(), PLAN) == report
        assert report.to_dict() == read_json(path)
        out = tmp_path / path.name
        report.dump(out)
        assert out.read_bytes() == path.read_bytes()
        buffer = io.StringIO()
        report.dump(buffer)
        assert buffer.getvalue() == report.dumps()
    # A compact document is written canonically.
    compact = json.dumps(rich_report_data(), ensure_ascii=False, separators=(",", ":"))
    report = wp.loads_report(compact, PLAN)
    assert report.dumps() != compact and json.loads(report.dumps()) == json.loads(compact)
    assert wp.loads_report(report.dumps(), PLAN).dumps() == report.dumps()


def test_a_reports_warnings_have_positions_and_do_not_stop_it() -> None:
    data = read_json(EXAMPLE_REPORTS[0])
    del data["observations"][1]
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    report = wp.loads_report(compact, PLAN)
    [warning] = report.warnings
    assert (warning.code, warning.path, warning.severity) == ("report.missing_entry", "/observations", "warning")
    assert warning.line == 1 and warning.column is not None
