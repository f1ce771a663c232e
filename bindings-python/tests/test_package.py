"""The package's shape: a private native module behind a typed public package, one abi3
extension, and a README whose example is the example file the suite runs."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import welfare_plan as wp
import welfare_plan._native as native
from corpus import REPO

HERE = Path(__file__).resolve().parents[1]
EXAMPLE = HERE / "examples" / "readme_example.py"
PROGRESS_EXAMPLE = HERE / "examples" / "progress_example.py"


def test_public_names_come_from_the_private_native_module() -> None:
    assert wp.Plan is native.Plan
    assert wp.loads is native.loads
    assert set(native.__all__) <= set(wp.__all__)
    assert {"PlanError", "EraError", "load"} <= set(wp.__all__)
    assert all(hasattr(wp, name) for name in wp.__all__)


def test_the_typed_dicts_and_write_csv_are_imported_on_first_use() -> None:
    # A fresh interpreter: importing the package does not build the TypedDicts, nor import
    # `typing` for them; asking for them does.
    code = (
        "import sys, welfare_plan as wp\n"
        "print(sorted(m for m in ('typing', 'welfare_plan.types', 'welfare_plan._records') if m in sys.modules))\n"
        "print(wp.types.NodeData.__name__, wp.InitiativeRecord.__name__, wp.write_csv.__name__)\n"
        "print(sorted(m for m in ('welfare_plan.types', 'welfare_plan._records') if m in sys.modules))\n"
        "print({'types', 'InitiativeCells', 'write_csv'} <= set(dir(wp)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "[]",
        "NodeData InitiativeRecord write_csv",
        "['welfare_plan._records', 'welfare_plan.types']",
        "True",
    ]
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        getattr(wp, "nope")
    # The machinery of the lazy import is no name of the package.
    assert not hasattr(wp, "TYPE_CHECKING") and not hasattr(wp, "annotations")


def test_classes_present_themselves_as_the_public_package() -> None:
    classes = [getattr(wp, name) for name in native.__all__ if isinstance(getattr(wp, name), type)]
    assert len(classes) > 25
    for cls in classes:
        assert cls.__module__ == "welfare_plan", cls
        assert cls.__doc__, cls


def test_the_extension_is_a_single_abi3_module() -> None:
    assert native.__file__ is not None
    assert re.search(r"_native\.abi3\.(so|pyd)$", native.__file__)


def test_the_package_is_typed() -> None:
    package = Path(wp.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_native.pyi").is_file()


def test_version_is_the_crate_version() -> None:
    cargo = (REPO / "Cargo.toml").read_text("utf-8")
    match = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', cargo, re.M | re.S)
    assert match is not None
    assert wp.__version__ == match.group(1)


def test_plans_cannot_be_constructed_without_validation() -> None:
    with pytest.raises(wp.PlanError) as raised:
        wp.Plan()  # type: ignore[call-arg]
    assert {i.code for i in raised.value.issues} == {"schema.missing_field"}


def test_the_readme_example_runs_and_prints_goals_and_issues(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "第3期飯塚市地域福祉計画 令和5年度～令和14年度"
    assert out[1] == "基本目標 → 活動目標 → 具体的取り組み"
    assert out[2] == "基本目標Ⅰ お互いを大切にし合うひとづくり (5 initiatives)"
    assert out[5].startswith("text.blank /nodes/0/title/ja ")
    assert out[6].startswith("municipality.check_digit /municipality/code ")
    assert out[7].startswith("2 issues: invalid plan: error [text.blank]")


@pytest.mark.parametrize("example", [EXAMPLE, PROGRESS_EXAMPLE], ids=lambda p: p.name)
def test_the_readme_shows_the_example_file_and_its_output(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (HERE / "README.md").read_text("utf-8")
    assert "```python\n" + example.read_text("utf-8") + "```" in readme
    runpy.run_path(str(example), run_name="__main__")
    printed = capsys.readouterr().out
    assert "```text\n" + printed + "```" in readme


def test_the_progress_example_prints_series_grades_and_the_refused_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    runpy.run_path(str(PROGRESS_EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("孤独を感じる人の割合 (baseline ")
    assert any(" − no_data " in line for line in out)
    assert any("entered: C computed: B" in line for line in out)
    assert "report.plan_mismatch /plan/hash line 8" in out
    assert out[-1].startswith("15 rows: indicator, name_ja")


def test_the_docstring_examples_of_the_python_modules_run() -> None:
    import doctest

    import welfare_plan._errors as errors

    for module in (wp, errors):
        result = doctest.testmod(module, extraglobs={"welfare_plan": wp}, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0
        assert result.attempted > 0
