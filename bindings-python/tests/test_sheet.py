"""Spreadsheets from Python: `Plan.to_xlsx()`, `Plan.to_csv()`, `Plan.to_opendata_csv()` and
`ProgressReport.to_xlsx()` are the core's, the same as `welfare-plan export --format ...`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import welfare_plan as wp
from report_corpus import EXAMPLE_REPORTS, example_plan, run_cli

IIZUKA = wp.iizuka_third_plan()


def sheets(book: bytes) -> list[str]:
    """The worksheet files of an xlsx workbook."""
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        assert "xl/workbook.xml" in z.namelist()
        return sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


def test_a_plan_workbook_has_a_sheet_per_table_and_no_formula() -> None:
    book = IIZUKA.to_xlsx()
    assert book.startswith(b"PK\x03\x04")
    names = sheets(book)
    assert len(names) == len(IIZUKA.to_csv()) + 1, "one sheet per table, and the codes sheet"
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        assert all(b"<f>" not in z.read(n) for n in names), "values only, never formulas"


def test_csv_files_and_the_open_data_csv_are_the_clis(tmp_path: Path) -> None:
    run_cli("export", "--format", "csv", "-o", tmp_path)
    written = {p.name: p.read_bytes().decode("utf-8") for p in tmp_path.iterdir()}
    # Byte for byte (CRLF line ends included), as the CLI wrote them.
    assert IIZUKA.to_csv() == written
    assert all(text.startswith("\ufeff") for text in written.values())
    assert IIZUKA.to_opendata_csv() == run_cli("export", "--format", "opendata-csv")
    assert IIZUKA.to_opendata_csv().splitlines()[1].startswith("402052,g1,福岡県飯塚市,")


def test_evaluation_workbooks_of_a_year_and_of_a_report() -> None:
    plan = example_plan()
    blank = plan.to_xlsx(year=2027)
    filled = wp.load_report(EXAMPLE_REPORTS[1], plan).to_xlsx(lang="en")
    assert sheets(blank) and sheets(filled)
    with pytest.raises(ValueError, match="without its plan"):
        wp.load_report(EXAMPLE_REPORTS[1], None).to_xlsx()
    with pytest.raises(ValueError, match="unknown language"):
        IIZUKA.to_xlsx(lang="fr")
