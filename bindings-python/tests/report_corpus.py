"""The shared corpus of progress reports (tests/conformance/reports/) and the synthetic example
(examples/progress/), read exactly as the Rust suite (core/tests/reports.rs) reads them; and the
CLI, which the cross-language tests compare with."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import welfare_plan as wp
from corpus import CONFORMANCE, REPO

# Importing `corpus` put the corpus's patch applier on the path.
from conformance_patch import apply_patch  # noqa: E402

REPORTS = CONFORMANCE / "reports"
EXAMPLE = REPO / "examples" / "progress"
EXAMPLE_PLAN = EXAMPLE / "synthetic-hoshizora-plan.json"
# One report per fiscal year, in year order.
EXAMPLE_REPORTS = sorted(EXAMPLE.glob("synthetic-hoshizora-report-*.json"))


def dump(doc: Any) -> bytes:
    """A document as the corpus writes its patched documents (and core/tests/patch writes them
    again): two-space indentation, non-ASCII kept, keys in document order, a trailing newline."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


class ReportCase:
    """One report case: the report (`base` with `patch` applied), the plan it is checked against
    (`plan`, with `plan_patch` applied when present) and what every implementation must report."""

    def __init__(self, name: str, expected: dict[str, Any]) -> None:
        self.name = name
        self.expected = expected

    def plan_bytes(self) -> bytes:
        path: Path = REPO / self.expected["plan"]
        if "plan_patch" not in self.expected:
            return path.read_bytes()
        return dump(apply_patch(read_json(path), self.expected["plan_patch"]))

    def plan(self) -> wp.Plan:
        return wp.loads(self.plan_bytes())

    def input(self) -> bytes:
        return dump(apply_patch(read_json(REPO / self.expected["base"]), self.expected["patch"]))

    @property
    def valid(self) -> bool:
        return bool(self.expected["valid"])

    @property
    def issues(self) -> list[tuple[str, str]]:
        return [(i["code"], i["path"]) for i in self.expected["issues"]]

    @property
    def grades(self) -> list[dict[str, str]]:
        """What the plan's scales give the report's indicators and nodes for its year: each
        {indicator, scale, grade} or {node, scale, computed?, entered?}."""
        grades: list[dict[str, str]] = self.expected.get("grades", [])
        return grades

    def __repr__(self) -> str:
        return f"ReportCase({self.name!r})"


def load_report_cases() -> list[ReportCase]:
    """Every report case, sorted by name."""
    cases = [
        ReportCase(path.name[: -len(".expected.json")], read_json(path))
        for path in sorted(REPORTS.glob("*.expected.json"))
    ]
    assert len(cases) >= 10, f"the report corpus was not found at {REPORTS}"
    return cases


REPORT_CASES = load_report_cases()


def example_plan() -> wp.Plan:
    return wp.load(EXAMPLE_PLAN)


def example_reports(plan: wp.Plan) -> list[wp.ProgressReport]:
    """The example's reports, each read against `plan`."""
    assert len(EXAMPLE_REPORTS) >= 3, f"the example reports were not found in {EXAMPLE}"
    return [wp.load_report(path, plan) for path in EXAMPLE_REPORTS]


def rich_report_data() -> dict[str, Any]:
    """The example's FY2026 report with every field of every type of the report format written,
    `extensions` included: a mutation of a valid document that stays valid."""
    doc: dict[str, Any] = copy.deepcopy(read_json(EXAMPLE_REPORTS[1]))
    doc["extensions"] = {"committee_meeting": "2027-07-15"}
    first = doc["observations"][0]
    first["note"] = {"ja": "隔年調査（架空）", "en": "Surveyed every other year (synthetic)"}
    first["extensions"] = {"survey": "residents"}
    node = doc["nodes"][2]
    node["remaining"] = {"ja": "周知が課題（架空）"}
    node["next"] = {"ja": "広報を強化（架空）", "en": "More publicity (synthetic)"}
    node["extensions"] = {"division": "福祉課"}
    doc["opinions"][0]["extensions"] = {"meeting": 2}
    return doc


# --- the CLI ---------------------------------------------------------------------------------


def cli() -> Path:
    """The `welfare-plan` command of this checkout: `WELFARE_PLAN_CLI` when set (as
    tests/roundtrip/run sets it), else built with cargo (a no-op when it is up to date), else
    the debug build already in target/."""
    named = os.environ.get("WELFARE_PLAN_CLI")
    if named:
        return Path(named)
    binary = REPO / "target" / "debug" / ("welfare-plan.exe" if os.name == "nt" else "welfare-plan")
    cargo = shutil.which("cargo")
    if cargo is not None:
        subprocess.run(
            [cargo, "build", "--quiet", "--locked", "-p", "welfare-plan-cli"], cwd=REPO, check=True
        )
        metadata = subprocess.run(
            [cargo, "metadata", "--format-version", "1", "--no-deps"],
            cwd=REPO, check=True, capture_output=True, text=True,
        )
        binary = Path(json.loads(metadata.stdout)["target_directory"]) / "debug" / binary.name
    assert binary.is_file(), f"no welfare-plan command at {binary}; build it with cargo build -p welfare-plan-cli"
    return binary


def run_cli(*args: str | Path, check: bool = True) -> str:
    """What the CLI prints on standard output for `args` (it must succeed, unless `check` is
    false: `diff` exits 1 when the documents differ)."""
    # Without a locale the CLI writes Japanese, as the bindings do by default.
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    done = subprocess.run([str(cli()), *map(str, args)], check=check, capture_output=True, env=env)
    return done.stdout.decode("utf-8")
