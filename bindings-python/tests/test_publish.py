"""Pages people read and the changes between editions, from Python: `plan.to_html()`,
`plan.to_markdown()` and `welfare_plan.diff()` give exactly what `welfare-plan report` and
`welfare-plan diff` write (a cross-language check against the CLI)."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest

import welfare_plan as wp
from report_corpus import EXAMPLE_PLAN, EXAMPLE_REPORTS, example_plan, example_reports, run_cli

PLAN = example_plan()
PROGRESS = PLAN.evaluate(example_reports(PLAN))
IIZUKA = wp.iizuka_third_plan()


def test_the_page_is_the_clis_page() -> None:
    assert IIZUKA.to_html() == run_cli("report", "--format", "html")
    assert IIZUKA.to_markdown(lang="en") == run_cli("report", "--format", "md", "--lang", "en")
    with_progress = PLAN.to_html(PROGRESS)
    assert with_progress == run_cli("report", EXAMPLE_PLAN, "--progress", *EXAMPLE_REPORTS)
    assert "<svg" in with_progress and "<svg" not in PLAN.to_html()


def test_a_page_holds_every_node_and_no_script() -> None:
    html = IIZUKA.to_html()
    for node in IIZUKA.all_nodes():
        assert node.title.ja in html
    assert "<script" not in html


def test_progress_of_another_plan_or_a_bad_language_is_refused() -> None:
    with pytest.raises(ValueError, match="another plan"):
        IIZUKA.to_html(PROGRESS)
    with pytest.raises(ValueError, match="unknown language"):
        IIZUKA.to_markdown(lang="fr")


def earlier_edition() -> wp.Plan:
    doc = copy.deepcopy(IIZUKA.to_dict())
    doc["nodes"][0]["title"]["ja"] = "互いを大切にするひとづくり"
    return wp.Plan.from_dict(doc)


def test_diff_of_equal_plans_is_empty_and_falsy() -> None:
    same = wp.diff(IIZUKA, wp.iizuka_third_plan())
    assert not same and len(same) == 0 and same.changes == []


def test_diff_names_a_reworded_goal_as_the_cli_does(tmp_path: Any) -> None:
    old = earlier_edition()
    changes = wp.diff(old, IIZUKA)
    assert len(changes) == 1 and changes
    (change,) = changes.changes
    assert change["kind"] == "reworded"
    assert [s["id"] for s in change["new"]] == [IIZUKA.nodes[0].id]
    old_path, new_path = tmp_path / "old.json", tmp_path / "new.json"
    old_path.write_text(old.dumps(), "utf-8")
    new_path.write_text(IIZUKA.dumps(), "utf-8")
    assert changes.to_dict() == json.loads(run_cli("diff", str(old_path), str(new_path), "--format", "json", check=False))
    assert changes.to_text() == run_cli("diff", str(old_path), str(new_path), check=False)
    assert changes.to_html(lang="en") == run_cli(
        "diff", str(old_path), str(new_path), "--format", "html", "--lang", "en", check=False
    )


def test_diff_of_two_years_reports_and_of_mixed_documents() -> None:
    reports = example_reports(PLAN)
    assert wp.diff(reports[0], reports[1])
    assert not wp.diff(reports[0], reports[0])
    with pytest.raises(TypeError, match="two Plans or two ProgressReports"):
        wp.diff(PLAN, reports[0])


def test_a_progress_survives_pickling_for_the_page() -> None:
    again = pickle.loads(pickle.dumps(PROGRESS))
    assert PLAN.to_markdown(again) == PLAN.to_markdown(PROGRESS)
