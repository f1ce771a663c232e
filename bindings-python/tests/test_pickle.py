"""Pickling, for multiprocessing and cluster workers: a plan pickles as its canonical JSON and
is checked again by the core when unpickled; its parts pickle as their plan and their place in
it; issues, texts and limits as their fields; PlanError with its issues. Worker processes
started with `spawn` (nothing inherited, everything crosses by pickle) give the same results
as this process."""

from __future__ import annotations

import json
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, Iterator

import pytest

import welfare_plan as wp
import welfare_plan._native as native
from corpus import CASES, RICH, fixture, iizuka_data
from report_corpus import example_plan, example_reports, rich_report_data
from walk import REPORT_SCHEMA
from walk import every_part as parts_of

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)

def round_trip(value: Any, protocol: int = pickle.HIGHEST_PROTOCOL) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=protocol))


def plan_with_phases_and_warnings() -> wp.Plan:
    """The Iizuka plan with two phases (前期・後期) and one initiative without actors, loaded from
    compact JSON so that its warning has a line and column of that text."""
    data = iizuka_data()
    data["period"]["phases"] = [
        {"id": "first-half", "name": {"ja": "前期"}, "start_fiscal_year": 2023, "end_fiscal_year": 2027},
        {"id": "second-half", "name": {"ja": "後期"}, "start_fiscal_year": 2028, "end_fiscal_year": 2032},
    ]
    data["nodes"][0]["children"][0]["children"][0].pop("participants")
    return wp.loads(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def every_part(plan: wp.Plan) -> Iterator[Any]:
    """Every part of the plan (of each class), and a value of each other class the package
    defines."""
    for _, part in parts_of(plan):
        if not isinstance(part, wp.Plan):
            yield part
    yield plan.title
    yield plan.nodes[0].label
    yield wp.Limits(max_text_chars=10, max_depth=3)
    yield wp.Limits.unlimited()
    yield from plan.warnings


def every_report_part_and_result() -> Iterator[Any]:
    """Every part of a report that writes every field, a report read for its shape only, and
    every result of evaluating the example (each of the classes they have)."""
    plan = example_plan()
    report = wp.loads_report(json.dumps(rich_report_data(), ensure_ascii=False), plan)
    for _, part in REPORT_SCHEMA.every_part(report):
        if not isinstance(part, wp.ProgressReport):
            yield part
    yield wp.loads_report(report.dumps(), None).observations[0]
    progress = plan.evaluate(example_reports(plan))
    for indicator in progress.indicators:
        yield indicator
        yield from indicator.years
    rolled_up: list[wp.NodeSeries | wp.SectorSeries] = [*progress.nodes, *progress.sectors]
    for series in rolled_up:
        yield series
        for year in series.years:
            yield year
            yield from year.grades


def rich_plan() -> wp.Plan:
    """The fixture that has a part of every class."""
    return wp.loads(fixture(RICH).read_bytes())


def test_a_pickled_plan_unpickles_equal_with_byte_identical_canonical_json() -> None:
    plan = wp.iizuka_third_plan()
    for protocol in PROTOCOLS:
        again = round_trip(plan, protocol)
        assert type(again) is wp.Plan
        assert again == plan
        assert again.dumps() == plan.dumps()
        assert again.warnings == plan.warnings == []


def test_a_pickled_plan_keeps_the_warnings_and_positions_it_was_loaded_with() -> None:
    plan = plan_with_phases_and_warnings()
    [warning] = plan.warnings
    assert warning.code == "coverage.initiative_without_actor"
    assert warning.line == 1 and warning.column is not None and warning.column > 1
    again = round_trip(plan)
    assert again.warnings == plan.warnings
    assert again.dumps() == plan.dumps()


def test_a_plan_loaded_with_raised_limits_unpickles() -> None:
    # The canonical JSON is checked again without limits: the plan already passed the ones it
    # was loaded with, and its indented canonical form may exceed the defaults.
    data = iizuka_data()
    data["philosophy"]["explanation"] = {"ja": "あ" * 150_000}
    plan = wp.Plan.from_dict(data, limits={"max_text_chars": 200_000})
    with pytest.raises(wp.PlanError):
        wp.loads(plan.dumps())
    assert round_trip(plan).dumps() == plan.dumps()


def test_unpickling_runs_the_core_checks_on_the_pickled_json() -> None:
    pickled = pickle.dumps(wp.iizuka_third_plan())
    assert pickled.count(b'"402052"') == 1
    tampered = pickled.replace(b'"402052"', b'"402051"')
    with pytest.raises(wp.PlanError) as raised:
        pickle.loads(tampered)
    assert [(i.code, i.path) for i in raised.value.issues] == [
        ("municipality.check_digit", "/municipality/code")
    ]


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_part_pickles_as_its_plan_and_place(protocol: int) -> None:
    parts = list(every_part(plan_with_phases_and_warnings())) + list(every_part(rich_plan()))
    parts += list(every_report_part_and_result())
    for part in parts:
        again = round_trip(part, protocol)
        assert type(again) is type(part)
        assert again == part, part
        assert hash(again) == hash(part)
        assert repr(again) == repr(part)
        assert again.to_dict() == part.to_dict()
        if hasattr(part, "path"):
            assert again.path == part.path


def test_every_class_of_the_package_pickles() -> None:
    # Every class but the rows' `TypedDict`s, which are plain dicts at run time.
    classes = {name for name in wp.__all__
               if isinstance(getattr(wp, name), type) and not issubclass(getattr(wp, name), dict)}
    covered = {type(part).__name__ for part in every_part(plan_with_phases_and_warnings())}
    covered |= {type(part).__name__ for part in every_part(rich_plan())}
    covered |= {type(part).__name__ for part in every_report_part_and_result()}
    covered |= {"Plan", "PlanError", "EraError", "UnknownNameError", "ProgressReport", "Progress", "Diff"}
    assert classes == covered


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_diff_pickles_as_the_documents_it_compares(protocol: int) -> None:
    plan = example_plan()
    doc = plan.to_dict()
    doc["nodes"][0]["title"]["ja"] = "合成した前期計画の基本目標（架空）"
    earlier = wp.Plan.from_dict(doc)
    changes = wp.diff(earlier, plan)
    again = round_trip(changes, protocol)
    assert type(again) is wp.Diff and again == changes and len(again) == 1
    assert again.to_dict() == changes.to_dict()
    reports = example_reports(plan)
    between_years = wp.diff(reports[0], reports[1])
    assert round_trip(between_years, protocol) == between_years


def test_a_pickled_report_unpickles_equal_with_its_plan_and_warnings() -> None:
    plan = example_plan()
    data = rich_report_data()
    del data["observations"][1]
    report = wp.loads_report(json.dumps(data, ensure_ascii=False, separators=(",", ":")), plan)
    [warning] = report.warnings
    assert warning.line == 1
    for protocol in PROTOCOLS:
        again = round_trip(report, protocol)
        assert type(again) is wp.ProgressReport
        assert again == report and again.dumps() == report.dumps()
        assert again.warnings == report.warnings
        assert again.checked_against == plan
        assert again.observations[0].indicator == report.observations[0].indicator
    shape_only = round_trip(wp.loads_report(report.dumps(), None))
    assert shape_only.checked_against is None and shape_only.observations[0].indicator is None


def test_a_pickled_evaluation_is_evaluated_again_to_equal_results() -> None:
    plan = example_plan()
    progress = plan.evaluate(example_reports(plan))
    for protocol in PROTOCOLS:
        again = round_trip(progress, protocol)
        assert type(again) is wp.Progress
        assert again == progress
        assert again.to_dict() == progress.to_dict()
        assert again.plan == plan
        assert again.node_records() == progress.node_records()


def test_a_pickled_report_or_result_that_is_not_there_is_a_value_error() -> None:
    plan = example_plan()
    report = example_reports(plan)[0]
    with pytest.raises(ValueError, match="no part of the pickled report"):
        native._restore_report_part("Actual", report.dumps(), plan.dumps(), "/observations/99")
    with pytest.raises(ValueError, match="no part of the pickled evaluation"):
        native._restore_progress_part("NodeGrade", plan.dumps(), [report.dumps()], "/nodes/0")
    # The report is checked against the plan again: another plan refuses it.
    with pytest.raises(wp.PlanError):
        native._restore_report_part("Actual", report.dumps(), wp.iizuka_third_plan().dumps(), "/observations/0")


def test_an_unpickled_part_reads_its_own_plan() -> None:
    plan = wp.iizuka_third_plan()
    original = plan.initiatives()[7]
    initiative = round_trip(original)
    assert initiative.parent is not None and original.parent is not None
    assert initiative.parent.parent == original.parent.parent
    assert initiative.label == original.label
    assert [c.id for c in initiative.challenges] == original.challenge_ids
    assert initiative.participants[0].actor == original.participants[0].actor


def test_a_pickled_part_that_is_not_in_the_plan_is_a_value_error() -> None:
    canonical = wp.iizuka_third_plan().dumps()
    with pytest.raises(ValueError, match=r"`Node` at `/nodes/9` is no part of the pickled plan"):
        native._restore_part("Node", canonical, "/nodes/9")
    for kind, path in [("Plan", ""), ("Actor", "/nodes/0"), ("Node", "/nodes"), ("Node", "/goals/0"),
                       ("Period", "/period/0"), ("Node", "nodes/0")]:
        with pytest.raises(ValueError, match="no part of the pickled plan"):
            native._restore_part(kind, canonical, path)


def test_an_issue_pickles_with_its_typed_path() -> None:
    # `/0` here is the object key "0", not an array index: the typed path keeps them apart.
    [by_key] = [i for i in wp.validate(b'{"0": 1}') if i.code == "schema.unknown_field"]
    assert (by_key.code, by_key.path) == ("schema.unknown_field", "/0")
    data = iizuka_data()
    data["nodes"][0]["title"]["ja"] = " "
    [by_index] = wp.validate(json.dumps(data, ensure_ascii=False))
    assert by_index.path == "/nodes/0/title/ja"
    for issue in (by_key, by_index):
        again = round_trip(issue)
        assert again == issue
        assert again.to_dict() == issue.to_dict()
        assert str(again) == str(issue)


def test_an_issue_with_a_code_this_version_does_not_know_does_not_unpickle() -> None:
    with pytest.raises(ValueError, match="`no.such_code`"):
        native._restore_issue("no.such_code", (), "ja", "en", None, None)


def test_plan_error_keeps_its_issues_message_and_notes_through_pickle() -> None:
    data = iizuka_data()
    data["nodes"][0]["title"]["ja"] = " "
    data["municipality"]["code"] = "402051"
    data["nodes"][0]["children"][0]["children"][0].pop("participants")
    with pytest.raises(wp.PlanError) as raised:
        wp.loads(json.dumps(data, ensure_ascii=False))
    err = raised.value
    if sys.version_info >= (3, 11):
        err.add_note("while reading plan.json")
    assert len(err.errors) == 2 and len(err.issues) == 3
    for protocol in PROTOCOLS:
        again = round_trip(err, protocol)
        assert type(again) is wp.PlanError
        assert again.issues == err.issues
        assert again.errors == err.errors
        assert str(again) == str(err)
        assert again.message_ja == err.message_ja != str(err)
        assert again.args == err.args
        assert getattr(again, "__notes__", None) == getattr(err, "__notes__", None)


def test_era_error_pickles_with_its_message() -> None:
    with pytest.raises(wp.EraError) as raised:
        wp.era_label(3000)
    again = round_trip(raised.value)
    assert type(again) is wp.EraError
    assert str(again) == str(raised.value)
    assert again.message_ja == raised.value.message_ja != str(again)


def test_an_unknown_name_error_pickles_with_both_messages() -> None:
    with pytest.raises(wp.UnknownNameError) as raised:
        wp.iizuka_third_plan().nodes_at_level("goals")
    again = round_trip(raised.value)
    assert type(again) is wp.UnknownNameError
    assert (str(again), again.message_ja) == (str(raised.value), raised.value.message_ja)
    assert again.message_ja != str(again)


def test_limits_pickle_with_every_number() -> None:
    limits = wp.Limits(max_input_bytes=1 << 40, max_depth=7, max_text_chars=11, max_elements=13, max_issues=17)
    assert round_trip(limits).to_dict() == limits.to_dict()
    assert round_trip(wp.Limits.unlimited()) == wp.Limits.unlimited()


# --- worker processes ------------------------------------------------------------------------
# Module-level functions, so that `spawn` workers find them by name.


def validate_in_worker(data: bytes, limits: wp.Limits | None) -> list[wp.Issue]:
    return wp.validate(data, limits=limits)


def load_in_worker(data: bytes, limits: wp.Limits | None) -> wp.Plan:
    return wp.loads(data, limits=limits)


def describe_in_worker(plan: wp.Plan, goal: wp.Node) -> tuple[str, list[wp.Issue], str, int]:
    return plan.dumps(), plan.warnings, goal.title.ja, len(goal.initiatives())


@pytest.fixture(scope="module")
def workers() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        yield pool


def corpus_jobs() -> list[tuple[bytes, wp.Limits | None]]:
    return [(c.input(), wp.Limits(**c.limits) if c.limits else None) for c in CASES]


def test_two_worker_processes_validate_the_corpus_as_this_process_does(
    workers: ProcessPoolExecutor,
) -> None:
    jobs = corpus_jobs()
    here = [wp.validate(data, limits=limits) for data, limits in jobs]
    there = list(workers.map(validate_in_worker, [d for d, _ in jobs], [l for _, l in jobs]))
    assert len(there) == len(CASES)
    for case, mine, theirs in zip(CASES, here, there):
        assert theirs == mine, case.name
        assert [(i.code, i.path) for i in theirs] == case.issues, case.name


def test_plans_and_plan_errors_come_back_from_worker_processes_whole(
    workers: ProcessPoolExecutor,
) -> None:
    jobs = corpus_jobs()
    futures = [workers.submit(load_in_worker, data, limits) for data, limits in jobs]
    for case, (data, limits), future in zip(CASES, jobs, futures):
        if case.valid:
            plan = future.result()
            mine = wp.loads(data, limits=limits)
            assert plan == mine, case.name
            assert plan.dumps() == mine.dumps(), case.name
            assert plan.warnings == mine.warnings, case.name
        else:
            with pytest.raises(wp.PlanError) as raised:
                future.result()
            assert [(i.code, i.path) for i in raised.value.issues] == case.issues, case.name
            assert raised.value.issues == wp.validate(data, limits=limits), case.name


def test_a_plan_and_its_parts_sent_to_a_worker_arrive_whole(workers: ProcessPoolExecutor) -> None:
    plan = plan_with_phases_and_warnings()
    goal = plan.nodes[1]
    dumped, warnings, title, count = workers.submit(describe_in_worker, plan, goal).result()
    assert dumped == plan.dumps()
    assert warnings == plan.warnings
    assert (title, count) == (goal.title.ja, len(goal.initiatives()))
