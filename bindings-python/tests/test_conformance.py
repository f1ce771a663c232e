"""The shared conformance corpus through the Python API: the same codes and paths, in the
same order, as the expected files (and as the Rust and WASM suites)."""

from __future__ import annotations

import pytest

import welfare_plan as wp
from corpus import CASES, Case

CASE_IDS = [c.name for c in CASES]


def pairs(issues: list[wp.Issue]) -> list[tuple[str, str]]:
    return [(i.code, i.path) for i in issues]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_validate_reports_the_expected_issues_in_order(case: Case) -> None:
    issues = wp.validate(case.input(), limits=case.limits)
    assert pairs(issues) == case.issues
    assert (not any(i.severity == "error" for i in issues)) == case.valid


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_loads_returns_valid_plans_and_raises_plan_error_with_the_issues(case: Case) -> None:
    data = case.input()
    if case.valid:
        plan = wp.loads(data, limits=case.limits)
        assert pairs(plan.warnings) == case.issues
        assert all(w.severity == "warning" for w in plan.warnings)
    else:
        with pytest.raises(wp.PlanError) as raised:
            wp.loads(data, limits=case.limits)
        assert pairs(raised.value.issues) == case.issues
        assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_text_input_reports_the_same_issues_as_bytes(case: Case) -> None:
    data = case.input()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Text that is not UTF-8 cannot be a str; the surrogate test in test_errors.py
        # covers the str form of broken encodings.
        assert case.issues == [("json.invalid_utf8", "")]
        return
    limits = wp.Limits(**case.limits) if case.limits else None
    assert pairs(wp.validate(text, limits)) == case.issues


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_issue_has_both_messages_and_a_severity(case: Case) -> None:
    for issue in wp.validate(case.input(), limits=case.limits):
        assert issue.message_en and issue.message_ja
        assert len(issue.message_en) < 1000
        assert issue.severity in ("error", "warning")
        assert issue.is_error == (issue.severity == "error")
