"""The Python side of the benchmarks: welfare_plan against pydantic v2, fastjsonschema and
jsonschema on the same bytes, rows for data frames (`Plan.to_records()`) against the same rows
built from the pydantic models (records_peer.py), and a progress report read against its plan and evaluated against
pydantic models plus a loop that computes the same statuses (report_peer.py), with time (median
and spread) and peak memory. One JSON line per measurement on stdout; `scripts/bench` runs it
beside the Rust and JavaScript harnesses.

    python bench.py [--quick] DATA_DIR SCHEMA SIZE...
"""
from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

UNLIMITED = {"max_input_bytes": 1 << 40, "max_text_chars": 1 << 40, "max_elements": 1 << 40}


def timed(fn: Callable[[], Any], min_runs: int, budget: float, max_runs: int = 200) -> list[float]:
    fn()  # warm up (and, for compiled validators, compile)
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < min_runs or (time.perf_counter() - start < budget and len(times) < max_runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times)


def pct(sorted_times: list[float], p: float) -> float:
    return sorted_times[round((len(sorted_times) - 1) * p)]


def methods(data: bytes, schema: dict[str, Any]) -> dict[str, Callable[[], Callable[[], Any]]]:
    """Each method as a factory: imports and compiles only what that method needs, so that the
    peak-memory run of one method is not inflated by another's set-up."""

    def ours() -> Callable[[], Any]:
        import welfare_plan

        return lambda: welfare_plan.loads(data, limits=UNLIMITED)

    def pydantic() -> Callable[[], Any]:
        from models import Plan as PydanticPlan

        return lambda: PydanticPlan.model_validate_json(data)

    def fast() -> Callable[[], Any]:
        import fastjsonschema

        check = fastjsonschema.compile(schema)
        return lambda: check(json.loads(data))

    def slow() -> Callable[[], Any]:
        import jsonschema

        validator = jsonschema.Draft202012Validator(schema)
        return lambda: validator.validate(json.loads(data))

    def paused(make: Callable[[], Callable[[], Any]]) -> Callable[[], Callable[[], Any]]:
        """The same call with Python's cyclic garbage collector paused around it, as a service
        that tunes its collector would run it: what is left is the library's own cost."""

        def factory() -> Callable[[], Any]:
            fn = make()

            def call() -> Any:
                gc.disable()
                try:
                    return fn()
                finally:
                    gc.enable()

            return call

        return factory

    return {
        "welfare_plan.loads(bytes) (load + full validation)": ours,
        "pydantic v2 Plan.model_validate_json(bytes) (strict, unique ids and references)": pydantic,
        "gc paused: welfare_plan.loads(bytes)": paused(ours),
        "gc paused: pydantic v2 Plan.model_validate_json(bytes)": paused(pydantic),
        "fastjsonschema (json.loads + validate)": fast,
        "jsonschema Draft202012Validator (json.loads + validate)": slow,
        "json.loads(bytes) (parse only)": lambda: lambda: json.loads(data),
    }



def report_methods(plan_data: bytes, data: bytes, n: int) -> dict[str, Callable[[], Callable[[], Any]]]:
    """The progress report rows, as factories like `methods`: the plan (with indicators) is read
    once, outside the timed call, by each side in its own way."""

    def ours() -> Callable[[], Any]:
        import welfare_plan

        plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
        return lambda: welfare_plan.loads_report(data, plan, limits=UNLIMITED)

    def evaluated() -> Callable[[], Any]:
        import welfare_plan

        plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
        return lambda: plan.evaluate([welfare_plan.loads_report(data, plan, limits=UNLIMITED)])

    def records() -> Callable[[], Any]:
        import welfare_plan

        plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
        return lambda: plan.evaluate([welfare_plan.loads_report(data, plan, limits=UNLIMITED)]).indicator_records()

    def peer() -> Callable[[], Any]:
        from models import Plan as PydanticPlan
        from report_peer import check_and_evaluate

        plan = PydanticPlan.model_validate_json(plan_data)
        return lambda: check_and_evaluate(data, plan)

    rows: dict[str, Callable[[], Callable[[], Any]]] = {
        "report: welfare_plan.loads_report(bytes, plan) (read, checked against the plan)": ours,
    }
    rows["report: loads_report + plan.evaluate([report]) (statuses, grades, roll-ups)"] = evaluated
    rows["report: loads_report + plan.evaluate + progress.indicator_records() (rows in Python)"] = records
    rows["report: pydantic v2 ProgressReport.model_validate_json + loop (checked, statuses, grades)"] = peer
    rows["report: json.loads(bytes) (parse only)"] = lambda: lambda: json.loads(data)
    return rows


def sheet_methods(plan_data: bytes, data: bytes) -> dict[str, Callable[[], Callable[[], Any]]]:
    """The spreadsheet rows: the report's evaluation workbook (one row per observation and per
    node entry), as `report.to_xlsx()` writes it, read back against the plan by each side."""
    import welfare_plan

    plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
    book = welfare_plan.loads_report(data, plan, limits=UNLIMITED).to_xlsx()

    def ours() -> Callable[[], Any]:
        return lambda: welfare_plan.import_report(book, plan, limits=UNLIMITED)

    def peer() -> Callable[[], Any]:
        from models import Plan as PydanticPlan
        from report_peer import check_and_evaluate_report
        from sheet_peer import read_report_workbook

        model = PydanticPlan.model_validate_json(plan_data)
        return lambda: check_and_evaluate_report(read_report_workbook(book), model)

    return {
        "sheet: welfare_plan.import_report(xlsx, plan) (read, checked against the plan)": ours,
        "sheet: openpyxl (read-only) + pydantic ProgressReport + loop (checked, statuses, grades)": peer,
    }


def same_sheet_results(plan_data: bytes, data: bytes) -> None:
    """Both sides read the same report from the workbook and find it clean."""
    import welfare_plan
    from models import Plan as PydanticPlan
    from report_peer import check_and_evaluate_report
    from sheet_peer import read_report_workbook

    plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
    report = welfare_plan.loads_report(data, plan, limits=UNLIMITED)
    book = report.to_xlsx()
    ours = welfare_plan.import_report(book, plan, limits=UNLIMITED)
    assert ours.dumps() == report.dumps()
    theirs = read_report_workbook(book)
    assert len(theirs.observations) == len(ours.observations) == len(report.observations)
    assert [a.indicator for a in theirs.observations] == [
        a["indicator"] for a in json.loads(report.dumps())["observations"]
    ]
    problems, _ = check_and_evaluate_report(theirs, PydanticPlan.model_validate_json(plan_data))
    assert problems == [], problems[:3]


def same_results(plan_data: bytes, data: bytes, n: int) -> None:
    """The peer must do the core's work: both find the report clean, and the peer's status,
    achievement, expected share and grades are the core's for every indicator."""
    import welfare_plan
    from models import Plan as PydanticPlan
    from report_peer import check_and_evaluate

    plan = welfare_plan.loads(plan_data, limits=UNLIMITED)
    report = welfare_plan.loads_report(data, plan, limits=UNLIMITED)
    assert report.warnings == [], report.warnings[:3]
    problems, results = check_and_evaluate(data, PydanticPlan.model_validate_json(plan_data))
    assert problems == [], problems[:3]
    assert len(results) == n, (len(results), n)
    progress = plan.evaluate([report])
    assert len(progress.indicators) == n
    for series in progress.indicators:
        year = series.years[0]
        got = results[series.id]
        want = (year.status, year.achievement, year.expected, dict(year.grades))
        assert (got.status, got.achievement, got.expected, got.grades) == want, (series.id, got, want)


def gc_paused(fn: Callable[[], Any]) -> Callable[[], Any]:
    """`fn` with Python's cyclic garbage collector paused around each call."""

    def call() -> Any:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return call


def peak_memory(setup: str, method: str) -> int:
    """Peak extra resident memory of one call, in a fresh process: Linux's high-water mark
    (VmHWM) is reset to the current RSS just before the call (clear_refs 5), so memory freed by
    the set-up and reused by the call is not mistaken for none. `setup` binds `table`, the
    factories by method name."""
    code = f"""
import gc, json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from bench import methods, report_methods
def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key + ':'):
            return int(line.split()[1]) * 1024
{setup}
fn = table[{method!r}]()
gc.collect()
open('/proc/self/clear_refs', 'w').write('5')
before = status('VmRSS')
result = fn()
print(status('VmHWM') - before)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def import_time() -> list[float]:
    """Milliseconds to import welfare_plan in a fresh interpreter (python -X importtime)."""
    times = []
    for _ in range(10):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import welfare_plan"],
                             capture_output=True, text=True, check=True)
        for line in out.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "welfare_plan":
                times.append(int(parts[1]) / 1000)
    return sorted(times)


def emit(**row: Any) -> None:
    print(json.dumps({"surface": "python", **row}), flush=True)


def main() -> None:
    args = sys.argv[1:]
    quick = "--quick" in args
    args = [a for a in args if a != "--quick"]
    data_dir, schema_path, sizes = Path(args[0]), args[1], [int(s) for s in args[2:]]
    schema = json.load(open(schema_path, encoding="utf-8"))
    min_runs, budget = (2, 0.2) if quick else (5, 3.0)

    t = import_time()
    emit(method="import welfare_plan", initiatives=0, bytes=0, runs=len(t), median_ms=statistics.median(t),
         p10_ms=pct(t, 0.1), p90_ms=pct(t, 0.9), peak_bytes=None)

    import welfare_plan
    from models import Plan as PydanticPlan
    from records_peer import initiative_records

    for n in sizes:
        path = data_dir / f"synthetic-{n}.json"
        data = path.read_bytes()
        for name, make in methods(data, schema).items():
            fn = make()
            slow = name.startswith("jsonschema")
            # python-jsonschema takes over a minute at 100k initiatives: one run there.
            runs = 1 if slow and n >= 100_000 else min_runs
            times = timed(fn, runs, 0 if slow and n >= 10_000 else budget, max_runs=runs if slow else 200)
            setup = f"table = methods(open({str(path)!r}, 'rb').read(), json.load(open({schema_path!r}, encoding='utf-8')))"
            peak = None if quick or (slow and n >= 100_000) else peak_memory(setup, name)
            emit(method=name, initiatives=n, bytes=len(data), runs=len(times), median_ms=statistics.median(times),
                 p10_ms=pct(times, 0.1), p90_ms=pct(times, 0.9), peak_bytes=peak)
            gc.collect()
        plan = welfare_plan.loads(data, limits=UNLIMITED)
        model = PydanticPlan.model_validate_json(data)
        # The peer must build the same rows: same columns, same values, same order.
        assert initiative_records(model) == plan.to_records()
        for name, fn in {
            "Plan.dumps() (canonical JSON)": plan.dumps,
            "json.dumps(model.model_dump())": lambda: json.dumps(model.model_dump(), ensure_ascii=False),
            "Plan.to_records() (one dict per initiative)": plan.to_records,
            "pydantic v2: the same rows from the models (records_peer.py)": lambda: initiative_records(model),
            # What the peer costs with Python's collector paused around it (to_records pauses it
            # while it builds its rows): shown beside, for a fair reading of the ratio.
            "gc paused: pydantic v2: the same rows from the models": gc_paused(lambda: initiative_records(model)),
        }.items():
            times = timed(fn, min_runs, budget)
            emit(method=name, initiatives=n, bytes=len(data), runs=len(times), median_ms=statistics.median(times),
                 p10_ms=pct(times, 0.1), p90_ms=pct(times, 0.9), peak_bytes=None)
        del plan, model
        gc.collect()

        plan_path, report_path = data_dir / f"synthetic-indicators-{n}.json", data_dir / f"synthetic-report-{n}.json"
        plan_data, report_data = plan_path.read_bytes(), report_path.read_bytes()
        same_results(plan_data, report_data, n)
        for name, make in report_methods(plan_data, report_data, n).items():
            times = timed(make(), min_runs, budget)
            setup = f"table = report_methods(open({str(plan_path)!r}, 'rb').read(), open({str(report_path)!r}, 'rb').read(), {n})"
            peak = None if quick else peak_memory(setup, name)
            emit(method=name, initiatives=n, bytes=len(report_data), runs=len(times),
                 median_ms=statistics.median(times), p10_ms=pct(times, 0.1), p90_ms=pct(times, 0.9),
                 peak_bytes=peak)
            gc.collect()

        # The evaluation workbook of the same report: 10,000 rows at 10,000 (openpyxl takes
        # seconds a run beyond that, so the largest size is left out).
        if n <= 10_000:
            same_sheet_results(plan_data, report_data)
            for name, make in sheet_methods(plan_data, report_data).items():
                times = timed(make(), min_runs, budget)
                emit(method=name, initiatives=n, bytes=len(report_data), runs=len(times),
                     median_ms=statistics.median(times), p10_ms=pct(times, 0.1), p90_ms=pct(times, 0.9),
                     peak_bytes=None)
                gc.collect()


if __name__ == "__main__":
    main()
