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


REPO = Path(__file__).resolve().parents[2]
MISTAKES = REPO / "tests" / "sheets" / "synthetic-hoshizora-mistakes.xlsx"
MISTAKES_EXPECTED = REPO / "tests" / "sheets" / "synthetic-hoshizora-mistakes.expected.json"


def test_import_reads_back_a_workbook_from_bytes_a_path_and_a_binary_file(tmp_path: Path) -> None:
    book = IIZUKA.to_xlsx()
    assert wp.import_plan(book).dumps() == IIZUKA.dumps()
    assert wp.import_plan(bytearray(book)).dumps() == IIZUKA.dumps()
    path = tmp_path / "iizuka.xlsx"
    path.write_bytes(book)
    assert wp.import_plan(path).dumps() == IIZUKA.dumps()
    assert wp.import_plan(str(path)).dumps() == IIZUKA.dumps()
    with path.open("rb") as f:
        assert wp.import_plan(f).dumps() == IIZUKA.dumps()


def test_import_reads_back_csv_files_from_a_directory_or_a_list(tmp_path: Path) -> None:
    for name, text in IIZUKA.to_csv(lang="en").items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    assert wp.import_plan(tmp_path).dumps() == IIZUKA.dumps()
    assert wp.import_plan(sorted(tmp_path.iterdir())).dumps() == IIZUKA.dumps()


def test_import_of_an_evaluation_workbook_gives_back_the_report() -> None:
    plan = example_plan()
    report = wp.load_report(EXAMPLE_REPORTS[1], plan)
    back = wp.import_report(report.to_xlsx(), plan)
    assert back.dumps() == report.dumps()


def test_import_reports_every_mistake_at_its_cell_as_the_cli_does() -> None:
    import json

    expected = json.loads(MISTAKES_EXPECTED.read_text(encoding="utf-8"))
    with pytest.raises(wp.PlanError) as raised:
        wp.import_plan(MISTAKES)
    found = [
        {"cell": i.cell, "code": i.code, "path": i.path, "severity": i.severity}
        for i in raised.value.issues
    ]
    assert found == expected
    assert len({i["code"] for i in expected}) >= 12
    formula = next(i for i in raised.value.issues if i.code == "sheet.formula")
    assert formula.cell == "体系!H3" and formula.path == "/nodes/0/title/ja"
    assert formula.message_en.startswith("H3: ") and formula.message_ja.startswith("H3: ")
    assert formula.to_dict()["cell"] == "体系!H3"
    assert "cell='体系!H3'" in repr(formula)


def test_an_issue_keeps_its_cell_through_pickle() -> None:
    import pickle

    with pytest.raises(wp.PlanError) as raised:
        wp.import_plan(MISTAKES)
    issue = raised.value.issues[0]
    assert issue.cell is not None
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert pickle.loads(pickle.dumps(issue)).cell == issue.cell


def test_import_names_the_file_it_cannot_read_and_refuses_junk_without_a_crash(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.xlsx"):
        wp.import_plan(tmp_path / "nope.xlsx")
    for junk in [b"", b"PK\x03\x04\x14\x00", b"\xff\xfe\x00\x81", IIZUKA.to_xlsx()[:5000]]:
        with pytest.raises(wp.PlanError):
            wp.import_plan(junk)
    with pytest.raises(TypeError, match="not `int`"):
        wp.import_plan(42)  # type: ignore[arg-type]


def test_a_workbook_that_is_no_report_is_an_invalid_progress_report() -> None:
    plan = wp.iizuka_third_plan()
    with pytest.raises(wp.PlanError, match=r"^invalid progress report: error \[sheet\."):
        wp.import_report(b"PK\x03\x04 not a workbook", plan)
