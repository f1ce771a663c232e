"""The peer of `welfare_plan.import_report` in the benchmarks: what a Python developer would
write to read a year's evaluation workbook (進行管理の評価シート) without welfare_plan. openpyxl
(read-only, values only, as its documentation advises for large files) reads each sheet, whose
second row names the columns by key; the rows are rebuilt into the report's JSON shape, validated
by the pydantic model of `report_peer.py` and checked against the plan by the same loop (so the
peer also computes statuses and grades, which `import_report` does not: the peer does more work
there, and less elsewhere: no cell locations in its messages, no checks of the sheets' own shape).

    report = read_report_workbook(xlsx_bytes)                    # report_peer.ProgressReport
    problems, results = check_and_evaluate_report(report, plan)  # plan: models.Plan
"""
from __future__ import annotations

import io
import json
from typing import Any, Optional

import openpyxl

from report_peer import ProgressReport

GRADE_PREFIX = "grade."


def _text(row: dict[str, Any], key: str) -> Optional[dict[str, str]]:
    ja, en = row.get(f"{key}_ja"), row.get(f"{key}_en")
    if ja is None and en is None:
        return None
    text = {"ja": str(ja or "")}
    if en is not None:
        text["en"] = str(en)
    return text


def _ext(row: dict[str, Any]) -> dict[str, Any]:
    raw = row.get("extensions")
    return json.loads(raw) if raw else {}


def _tables(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Each sheet's data rows as dicts by column key, the sheet recognised by its keys."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables: dict[str, list[dict[str, Any]]] = {}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        next(rows, None)
        keys = next(rows, None)
        if not keys:
            continue
        columns = [str(k) if k is not None else "" for k in keys]
        if "plan_hash" in columns:
            name = "report"
        elif "indicator" in columns and "value" in columns:
            name = "observations"
        elif "node" in columns and "done_ja" in columns:
            name = "node_reports"
        elif "opinion_ja" in columns:
            name = "opinions"
        elif "opinion" in columns and "node" in columns:
            name = "opinion_nodes"
        else:
            continue
        tables[name] = [
            {k: v for k, v in zip(columns, row) if k and v is not None}
            for row in rows
            if any(v is not None for v in row)
        ]
    book.close()
    return tables


def read_report_workbook(data: bytes) -> ProgressReport:
    """The report in an evaluation workbook, validated by the pydantic model."""
    t = _tables(data)
    head = t["report"][0]
    doc: dict[str, Any] = {
        "document": "progress_report",
        "schema_version": "1.0",
        "id": head["id"],
        "plan": {"id": head["plan"], "hash": head["plan_hash"]},
        "fiscal_year": head["fiscal_year"],
    }
    if "plan_edition" in head:
        doc["plan"]["edition"] = head["plan_edition"]
    if (by := _text(head, "evaluated_by")) is not None:
        doc["evaluated_by"] = by
    if "evaluated_on" in head:
        doc["evaluated_on"] = str(head["evaluated_on"])
    doc["extensions"] = _ext(head)
    observations = []
    for row in t.get("observations", []):
        entry: dict[str, Any] = {"indicator": row["indicator"], "value": row.get("value")}
        for key in ("reason", "note"):
            if (text := _text(row, key)) is not None:
                entry[key] = text
        entry["extensions"] = _ext(row)
        observations.append(entry)
    doc["observations"] = observations
    nodes = []
    for row in t.get("node_reports", []):
        grades = [{"scale": k[len(GRADE_PREFIX):], "grade": str(v)} for k, v in row.items() if k.startswith(GRADE_PREFIX)]
        entry = {"node": row["node"], "grades": grades}
        for key in ("done", "remaining", "next"):
            if (text := _text(row, key)) is not None:
                entry[key] = text
        # An entry with nothing entered is no entry, as the core reads the sheet.
        if grades or len(entry) > 2 or row.get("extensions"):
            entry["extensions"] = _ext(row)
            nodes.append(entry)
    doc["nodes"] = nodes
    linked: dict[Any, list[str]] = {}
    for row in t.get("opinion_nodes", []):
        linked.setdefault(row["opinion"], []).append(row["node"])
    doc["opinions"] = [
        {"opinion": _text(row, "opinion"), "answer": _text(row, "answer"), "nodes": linked.get(row["number"], []),
         "extensions": _ext(row)}
        for row in t.get("opinions", [])
    ]
    return ProgressReport.model_validate(doc)
