"""Rows for data frames and spreadsheets: the ``TypedDict`` of ``Plan.to_records()`` rows, and
``write_csv``, which writes any rows as a CSV file that Excel in Japanese opens as written."""

from __future__ import annotations

import csv
import io
import os
from typing import IO, Any, Iterable, Mapping, Optional, TypedDict, Union


class InitiativeRecord(TypedDict):
    """One initiative of ``Plan.to_records()``: the nodes above it as tuples, top first."""

    parent_ids: tuple[str, ...]
    parent_labels: tuple[str, ...]
    parent_titles_ja: tuple[str, ...]
    level: str
    id: str
    number: Optional[int]
    label: str
    title_ja: str
    title_en: Optional[str]
    priority: bool
    sectors: tuple[str, ...]
    actor_ids: tuple[str, ...]
    actor_names: tuple[str, ...]
    challenge_ids: tuple[str, ...]
    challenge_titles: tuple[str, ...]


class InitiativeCells(TypedDict):
    """One initiative of ``Plan.to_records(join=...)``: each tuple column joined into one cell."""

    parent_ids: str
    parent_labels: str
    parent_titles_ja: str
    level: str
    id: str
    number: Optional[int]
    label: str
    title_ja: str
    title_en: Optional[str]
    priority: bool
    sectors: str
    actor_ids: str
    actor_names: str
    challenge_ids: str
    challenge_titles: str


def write_csv(
    target: Union[str, os.PathLike[str], IO[str]],
    records: Iterable[Mapping[str, Any]],
    *,
    excel: bool = True,
    join: str = "、",
) -> int:
    """Writes rows (``plan.to_records()``, ``progress.indicator_records()`` …, or any dicts) as
    CSV to a path or a text file, and returns the number of rows written.

    Columns are the keys of the rows, in first-seen order. A list is one cell with its items
    joined by ``join`` (``['resident', 'city']`` becomes ``resident、city``), ``None`` an empty
    cell. With ``excel`` (the default) the file is UTF-8 with a byte order mark and CRLF line
    ends, which Excel in Japanese opens as written; without it, plain UTF-8 and LF.

    >>> welfare_plan.write_csv("initiatives.csv", plan.to_records())
    19
    """
    rows = [dict(r) for r in records]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if excel else "\n")
    writer.writerow(list(columns))
    for row in rows:
        writer.writerow([_cell(row.get(c), join) for c in columns])
    text = buffer.getvalue()
    if hasattr(target, "write"):
        target.write(("\ufeff" if excel else "") + text)  # type: ignore[union-attr]
    else:
        with open(os.fspath(target), "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
            f.write(text)
    return len(rows)


def _cell(value: Any, join: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return join.join("" if v is None else str(v) for v in value)
    return value
