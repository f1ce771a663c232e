"""Thread use: plans and views are immutable and shareable, results do not depend on
threading, and the interpreter is released while the core parses and validates."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import welfare_plan as wp
from corpus import CASES, Case
from report_corpus import REPORT_CASES, example_plan, example_reports

THREADS = 8


def outcome(case: Case, data: bytes) -> list[wp.Issue]:
    # Whole issues: code, severity, typed path, both messages, line and column.
    return wp.validate(data, limits=case.limits)


def test_eight_threads_validating_the_corpus_agree_with_a_serial_run() -> None:
    inputs = [(case, case.input()) for case in CASES]
    serial = [outcome(case, data) for case, data in inputs]
    jobs = [(n, case, data) for n, (case, data) in enumerate(inputs)] * 3
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda job: (job[0], outcome(job[1], job[2])), jobs))
    assert len(results) == 3 * len(inputs)
    for n, got in results:
        assert got == serial[n], inputs[n][0].name
    assert [[(i.code, i.path) for i in issues] for issues in serial] == [c.issues for c in CASES]


def test_eight_threads_checking_reports_and_evaluating_agree_with_a_serial_run() -> None:
    inputs = [(case.plan(), case.input()) for case in REPORT_CASES]
    serial = [wp.validate_report(data, plan) for plan, data in inputs]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        threaded = list(pool.map(lambda job: wp.validate_report(job[1], job[0]), inputs * 3))
    assert threaded == serial * 3
    plan = example_plan()
    reports = example_reports(plan)
    expected = plan.evaluate(reports).to_dict()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        assert all(got == expected for got in pool.map(lambda _: plan.evaluate(reports).to_dict(), range(32)))


def test_one_plan_is_read_from_eight_threads_at_once() -> None:
    plan = wp.iizuka_third_plan()
    expected = [(i.id, i.title.ja, [p.actor_id for p in i.participants]) for i in plan.initiatives()]

    def read(_: int) -> list[tuple[str, str, list[str]]]:
        return [(i.id, i.title.ja, [p.actor_id for p in i.participants]) for i in plan.initiatives()]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        assert all(got == expected for got in pool.map(read, range(64)))


def test_other_threads_run_while_a_large_document_is_checked() -> None:
    # A document of about 60 MB that the core parses in full before reporting one issue.
    document = b'{"schema_version": "2.0", "id": "' + b"x" * 60_000_000 + b'"}'
    limits = {"max_input_bytes": 128 << 20}
    done = threading.Event()
    longest_gap = 0.0

    def spin() -> None:
        nonlocal longest_gap
        last = time.perf_counter()
        while not done.is_set():
            now = time.perf_counter()
            longest_gap = max(longest_gap, now - last)
            last = now

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        time.sleep(0.05)
        start = time.perf_counter()
        issues = wp.validate(document, limits=limits)
        took = time.perf_counter() - start
    finally:
        done.set()
        spinner.join()
    assert {i.code for i in issues} == {"schema.missing_field"}
    # Holding the interpreter would stall the spinning thread for the whole call.
    assert longest_gap < took / 2, (longest_gap, took)
