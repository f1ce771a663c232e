"""Cross-language round trip: any valid generated plan survives Rust → JSON → Python → JSON →
WASM → JSON byte for byte, and the three give the same issues for it.

For each plan Hypothesis generates (plans.py), written as JSON in some non-canonical way:
  1. the Rust CLI (`welfare-plan export -`, path in $WELFARE_PLAN_CLI) writes canonical JSON;
  2. Python reads that (`welfare_plan.loads`) and writes it again (`dumps`);
  3. the WASM package (one long-lived node process, wasm_canonical.mjs) reads Python's text as
     a string and as bytes and writes it again (`toCanonicalJson`);
and all of them must be the same bytes. Python and WASM must also write exactly the CLI's
canonical JSON when given the first, non-canonical text, and report the same issues for it.

Run by tests/roundtrip/run, which builds the CLI and checks that the Python package and the
WASM package are built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import welfare_plan as wp
from plans import plans

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("wasm_canonical.mjs")
PACKAGE = REPO / "bindings-wasm" / "pkg" / "node.js"
EXAMPLES = int(os.environ.get("ROUNDTRIP_EXAMPLES", "200"))
BOM = "\ufeff"

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,  # each example starts the CLI; a busy machine must not fail it
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Wasm:
    """The node process that runs the WASM package: one request line in, one answer line out."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None or not PACKAGE.is_file():
            pytest.fail(f"needs node and the built WASM package ({PACKAGE}); run bindings-wasm/build")
        self.process = subprocess.Popen([node, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def convert(self, canonical: str, document: str) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = json.dumps({"canonical": canonical, "input": document}, ensure_ascii=True)
        self.process.stdin.write(request.encode("ascii") + b"\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the WASM worker stopped (its error is above)"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


@pytest.fixture(scope="module")
def wasm() -> Iterator[Wasm]:
    worker = Wasm()
    try:
        yield worker
    finally:
        worker.close()


def rust_export(document: bytes) -> str:
    """The CLI's canonical JSON for a document; the document must be valid."""
    cli = os.environ.get("WELFARE_PLAN_CLI")
    if not cli:
        pytest.fail("WELFARE_PLAN_CLI is not set; run tests/roundtrip/run")
    run = subprocess.run([cli, "export", "-"], input=document, capture_output=True, check=False)
    assert run.returncode == 0, f"the CLI refused a generated plan:\n{run.stderr.decode('utf-8', 'replace')}"
    return run.stdout.decode("utf-8")


@st.composite
def written(draw: Callable[[st.SearchStrategy[Any]], Any], js_exact: bool = False) -> str:
    """A generated plan written as JSON text in one of the ways people write it: ASCII-escaped
    or not, indented or not, keys sorted or not, with or without a BOM."""
    plan = draw(plans(js_exact=js_exact))
    indent = draw(st.sampled_from([None, 0, 2, 4, "\t"]))
    separators = draw(st.sampled_from([(",", ":"), (", ", ": ")])) if indent is None else None
    text = json.dumps(
        plan,
        ensure_ascii=draw(st.booleans()),
        indent=indent,
        separators=separators,
        sort_keys=draw(st.booleans()),
    )
    return (BOM if draw(st.booleans()) else "") + text


def the_canonical_json(answer: dict[str, Any]) -> str:
    assert "ok" in answer, f"the WASM package refused the plan: {answer}"
    canonical: str = answer["ok"]
    return canonical


def issue_fields(issue: dict[str, Any]) -> tuple[Any, ...]:
    """An issue's fields, from Python's `to_dict()` or from a WASM issue (camelCase)."""
    get = issue.get
    return (
        get("code"),
        get("severity"),
        get("path"),
        get("message_ja", get("messageJa")),
        get("message_en", get("messageEn")),
        get("line"),
        get("column"),
    )


@SETTINGS
@given(document=written())
def test_a_valid_plan_survives_rust_python_and_wasm_byte_for_byte(wasm: Wasm, document: str) -> None:
    data = document.encode("utf-8")
    rust = rust_export(data)
    python = wp.loads(rust).dumps()
    assert python == rust
    answer = wasm.convert(python, document)
    assert the_canonical_json(answer["fromString"]) == rust
    assert the_canonical_json(answer["fromBytes"]) == rust

    # From the first, non-canonical text: the same canonical JSON and the same issues.
    assert wp.loads(data).dumps() == rust
    assert the_canonical_json(answer["fromInput"]) == rust
    python_issues = [issue_fields(i.to_dict()) for i in wp.validate(data)]
    assert [issue_fields(i) for i in answer["issues"]] == python_issues
    assert all(severity == "warning" for _, severity, *_ in python_issues)


@SETTINGS
@given(document=written(js_exact=True))
def test_a_plan_read_into_a_javascript_object_writes_the_same_json(wasm: Wasm, document: str) -> None:
    # The way JavaScript code uses the package: parsePlan() to a plain object, then
    # toCanonicalJson(object). Numbers pass through JavaScript numbers on the way, so only
    # numbers that survive that unchanged are generated (see plans.json_numbers).
    rust = rust_export(document.encode("utf-8"))
    answer = wasm.convert(rust, document)
    assert the_canonical_json(answer["fromObject"]) == rust
