"""Workbooks through LibreOffice: each renders to PDF with its text, and each saved again by
LibreOffice imports back to the same canonical JSON (see ./run)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("WELFARE_PLAN_CLI", "welfare-plan")
EXAMPLE = ROOT / "examples" / "progress"
# The CLI speaks Japanese without a locale, whatever the machine's.
ENV = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}


def cli(*args: object) -> str:
    out = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=ENV)
    assert out.returncode == 0, out.stderr
    return out.stdout


def soffice(to: str, out: Path, books: list[Path]) -> None:
    """One LibreOffice run converts every book (its start-up is most of the time)."""
    profile = out.parent / "profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(out), *map(str, books)],
        check=True, capture_output=True, timeout=600,
    )


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, list[str]]]:
    """Each case's workbook as the CLI writes it, the canonical JSON it must import back to, and
    the extra arguments `import` needs (a report's plan)."""
    dir = tmp_path_factory.mktemp("books")
    plans = {"iizuka": None, **{p.stem: p for p in sorted((ROOT / "tests/conformance/documents").glob("*.json"))}}
    plans["synthetic-hoshizora-plan"] = EXAMPLE / "synthetic-hoshizora-plan.json"
    cases: dict[str, tuple[Path, str, list[str]]] = {}
    for name, path in plans.items():
        book = dir / f"{name}.xlsx"
        args = [] if path is None else [path]
        cli("export", *args, "--format", "xlsx", "-o", book)
        cases[name] = (book, cli("export", *args), [])
    plan = EXAMPLE / "synthetic-hoshizora-plan.json"
    for report in sorted(EXAMPLE.glob("synthetic-hoshizora-report-*.json")):
        book = dir / f"{report.stem}.xlsx"
        cli("export", report, "--plan", plan, "--format", "xlsx", "-o", book)
        cases[report.stem] = (book, cli("export", report, "--plan", plan), ["--plan", str(plan)])
    assert len(cases) >= 13
    return cases


def test_every_workbook_renders_to_a_pdf_with_its_text(books: dict[str, tuple[Path, str, list[str]]], tmp_path: Path) -> None:
    soffice("pdf", tmp_path / "pdf", [b for b, _, _ in books.values()])
    iizuka = subprocess.run(["pdftotext", str(tmp_path / "pdf" / "iizuka.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    for text in ["第3期飯塚市地域福祉計画", "お互いを大切にし合うひとづくり", "自助"]:
        assert text in iizuka, text
    for name in books:
        info = subprocess.run(["pdfinfo", str(tmp_path / "pdf" / f"{name}.pdf")],
                              capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages > 1, f"{name}: {pages} page"


def test_a_workbook_saved_again_by_libreoffice_imports_to_the_same_document(
    books: dict[str, tuple[Path, str, list[str]]], tmp_path: Path
) -> None:
    saved = tmp_path / "saved"
    soffice('xlsx:Calc MS Excel 2007 XML', saved, [b for b, _, _ in books.values()])
    for name, (book, canonical, extra) in books.items():
        again = saved / book.name
        assert again.read_bytes() != book.read_bytes(), f"{name}: LibreOffice wrote a file of its own"
        out = subprocess.run([CLI, "import", str(again), *extra], capture_output=True, text=True, env=ENV)
        assert out.returncode == 0, f"{name}: {out.stderr}"
        assert out.stdout == canonical, name
