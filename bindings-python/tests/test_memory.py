"""Memory: loading and dropping plans over and over leaves the process's resident memory flat,
so nothing the binding hands to Python (plans, views, texts, issues, errors) is leaked.

The bound is generous so that a busy machine never trips it, yet well below what any real
leak produces: keeping even 100 bytes per plan alive would add 10 MB over 100,000 loads."""

from __future__ import annotations

import gc
import json
import os
import time
from pathlib import Path
from typing import Callable

import pytest

import welfare_plan as wp
from corpus import iizuka_data

STATM = Path("/proc/self/statm")
LOADS = 100_000
WARM_UP = 2_000
BOUND = 10 << 20  # bytes of resident memory the loop may add after the warm-up

pytestmark = pytest.mark.skipif(not STATM.exists(), reason="needs /proc/self/statm (Linux)")


def resident_bytes() -> int:
    gc.collect()
    return int(STATM.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def growth(step: Callable[[], object], times: int) -> tuple[int, float]:
    """Resident memory added by `times` calls of `step` after a warm-up, and the seconds taken."""
    for _ in range(WARM_UP):
        step()
    before = resident_bytes()
    start = time.perf_counter()
    for _ in range(times):
        step()
    took = time.perf_counter() - start
    return resident_bytes() - before, took


def test_loading_and_dropping_a_plan_100000_times_keeps_memory_flat() -> None:
    data = wp.iizuka_third_plan().dumps().encode("utf-8")

    def load_read_drop() -> object:
        plan = wp.loads(data)
        initiative = plan.nodes[-1].children[0].children[0]
        return (
            plan.title.ja,
            plan.period.start_fiscal_year,
            plan.municipality.code,
            initiative.participants[0].actor,
            plan.challenge("c1"),
            plan.warnings,
        )

    added, took = growth(load_read_drop, LOADS)
    assert added < BOUND, f"{LOADS} loads added {added / 2**20:.1f} MiB in {took:.1f} s"


def test_raising_plan_error_20000_times_keeps_memory_flat() -> None:
    data = iizuka_data()
    data["nodes"][0]["title"]["ja"] = " "
    data["municipality"]["code"] = "402051"
    broken = json.dumps(data, ensure_ascii=False).encode("utf-8")

    def load_broken() -> object:
        try:
            wp.loads(broken)
        except wp.PlanError as err:
            return [(i.code, i.path, i.message_ja) for i in err.issues]
        raise AssertionError("the broken plan loaded")

    added, took = growth(load_broken, 20_000)
    assert added < BOUND, f"20000 PlanErrors added {added / 2**20:.1f} MiB in {took:.1f} s"
