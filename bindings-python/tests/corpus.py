"""The shared conformance corpus (tests/conformance/) and the repository's other fixtures, read
exactly as the Rust suite (core/tests/conformance.rs) reads them. A case's base document is
the one its file names, a format 1.0 or 2.0 document."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO / "tests" / "conformance"
SCHEMA_PATH = REPO / "schemas" / "plan.schema.json"
# The frozen schema of format 1.0, which 1.0-shaped documents are checked against.
SCHEMA_V1_PATH = REPO / "schemas" / "plan-1.0.schema.json"

# The patch applier is the corpus's own (generate.py checks every patch with it).
sys.path.insert(0, str(CONFORMANCE))
from conformance_patch import apply_patch  # noqa: E402
IIZUKA_JSON = REPO / "core" / "data" / "iizuka-3rd.json"
# The Iizuka plan as format 1.0 wrote it, the base of the 1.0 cases.
IIZUKA_V1_JSON = CONFORMANCE / "base" / "iizuka-3rd-1.0.json"


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
            # The base the case names: a format 1.0 or 2.0 document.
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
    """A fresh copy of the embedded Iizuka plan (format 2.0) as plain data."""
    data: dict[str, Any] = json.loads(IIZUKA_JSON.read_text("utf-8"))
    return data


def iizuka_v1_data() -> dict[str, Any]:
    """A fresh copy of the Iizuka plan as a format 1.0 document."""
    data: dict[str, Any] = json.loads(IIZUKA_V1_JSON.read_text("utf-8"))
    return data


def is_v1_shaped(doc: Any) -> bool:
    """Whether a document has the shape of format 1.0 (the library reads it through the
    upgrade, and the frozen 1.0 schema describes it), as core/tests/conformance.rs decides."""
    return isinstance(doc, dict) and "goals" in doc and "nodes" not in doc


def fixture(stem: str) -> Path:
    """A format 2.0 document of the corpus by the end of its file name (`four-help-joint` finds
    `synthetic-four-help-joint.json`), wherever under tests/conformance/ it is kept; a draft
    copy is taken only when there is no other."""
    found = sorted(
        (p for p in CONFORMANCE.rglob(f"*{stem}.json") if not p.name.endswith(".expected.json")),
        key=lambda p: ("draft" in p.parent.name, str(p)),
    )
    assert found, f"no document named *{stem}.json under {CONFORMANCE}"
    return found[0]


def fixture_data(stem: str) -> dict[str, Any]:
    """A fresh copy of a format 2.0 fixture as plain data."""
    data: dict[str, Any] = json.loads(fixture(stem).read_text("utf-8"))
    return data


# The 2.0 fixture that uses every field of every type, `extensions` included.
RICH = "four-help-joint"
