"""The shared conformance corpus (tests/conformance/) and the repository's other fixtures, read
exactly as the Rust suite (core/tests/conformance.rs) reads them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO / "tests" / "conformance"
SCHEMA_PATH = REPO / "schemas" / "plan.schema.json"

# The patch applier is the corpus's own (generate.py checks every patch with it).
sys.path.insert(0, str(CONFORMANCE))
from conformance_patch import apply_patch  # noqa: E402
IIZUKA_JSON = REPO / "core" / "data" / "iizuka-3rd.json"


class Case:
    """One corpus case: its raw input bytes and what every implementation must report."""

    def __init__(self, name: str, expected: dict[str, Any], source: Path | None) -> None:
        self.name = name
        self.expected = expected
        self._source = source

    def input(self) -> bytes:
        """The raw bytes: read from the file, written from a base document with its JSON Patch
        applied, or built as prefix + repeat * count + suffix."""
        if "patch" in self.expected:
            base = json.loads((REPO / self.expected["base"]).read_text("utf-8"))
            doc = apply_patch(base, self.expected["patch"])
            return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if self._source is not None:
            return self._source.read_bytes()
        e = self.expected
        text: str = e["prefix"] + e["repeat"] * e["count"] + e["suffix"]
        return text.encode("utf-8")

    @property
    def valid(self) -> bool:
        return bool(self.expected["valid"])

    @property
    def schema_valid(self) -> Optional[bool]:
        value = self.expected["schema_valid"]
        return None if value is None else bool(value)

    @property
    def issues(self) -> list[tuple[str, str]]:
        return [(i["code"], i["path"]) for i in self.expected["issues"]]

    @property
    def limits(self) -> dict[str, int] | None:
        limits: dict[str, int] | None = self.expected.get("limits")
        return limits

    def __repr__(self) -> str:
        return f"Case({self.name!r})"


def load_cases() -> list[Case]:
    """Every case of the corpus, sorted by name."""
    cases: list[Case] = []
    for path in sorted((CONFORMANCE / "cases").glob("*.expected.json")):
        name = path.name[: -len(".expected.json")]
        expected = json.loads(path.read_text("utf-8"))
        raw = path.with_name(name + ".json")
        cases.append(Case(name, expected, raw if raw.exists() else None))
    for g in json.loads((CONFORMANCE / "generated.json").read_text("utf-8")):
        cases.append(Case(g["name"], g, None))
    cases.sort(key=lambda c: c.name)
    assert len(cases) > 40, f"the corpus was not found at {CONFORMANCE}"
    return cases


CASES = load_cases()


def iizuka_data() -> dict[str, Any]:
    """A fresh copy of the embedded Iizuka plan as plain data."""
    data: dict[str, Any] = json.loads(IIZUKA_JSON.read_text("utf-8"))
    return data
