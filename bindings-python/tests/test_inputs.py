"""What ``validate``, ``loads`` and ``load`` take (text, bytes, buffers, plan data, paths, file
objects), errors that name the file, and the notebook view of a plan."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest

import welfare_plan as wp
from corpus import IIZUKA_JSON

IIZUKA = wp.iizuka_third_plan()
BROKEN = IIZUKA.dumps().replace('"402052"', '"402051"', 1)


def test_validate_takes_every_form_a_python_program_holds(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(BROKEN, encoding="utf-8")
    data = IIZUKA.to_dict()
    data["municipality"]["code"] = "402051"
    raw = BROKEN.encode("utf-8")
    forms: list[object] = [BROKEN, raw, bytearray(raw), memoryview(raw), data, path,
                           io.BytesIO(raw), io.StringIO(BROKEN)]
    for form in forms:
        issues = wp.validate(form)  # type: ignore[arg-type]
        assert [(i.code, i.path) for i in issues] == [("municipality.check_digit", "/municipality/code")], form
    with path.open("rb") as f:
        assert [i.code for i in wp.validate(f)] == ["municipality.check_digit"]


def test_load_takes_paths_files_bytes_and_data() -> None:
    assert wp.load(str(IIZUKA_JSON)) == wp.load(IIZUKA_JSON) == wp.load(IIZUKA_JSON.read_bytes()) == IIZUKA
    assert wp.load(IIZUKA.to_dict()) == IIZUKA
    with IIZUKA_JSON.open("rb") as f:
        assert wp.load(f) == IIZUKA
    with IIZUKA_JSON.open(encoding="utf-8") as t:
        assert wp.load(t) == IIZUKA
    assert wp.loads(IIZUKA.to_dict()) == IIZUKA


def test_a_missing_file_is_file_not_found_with_its_filename(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as raised:
        wp.load("nope.json")
    assert raised.value.filename == "nope.json"
    assert "nope.json" in str(raised.value)
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as raised:
        wp.validate(missing)
    assert raised.value.filename == missing  # what was given, as open() keeps it
    with pytest.raises(IsADirectoryError) as folder:
        wp.load(tmp_path)
    assert folder.value.filename == tmp_path
    with pytest.raises(FileNotFoundError) as report:
        wp.load_report(tmp_path / "report.json", None)
    assert report.value.filename == tmp_path / "report.json"


def test_a_plan_error_from_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(wp.PlanError) as raised:
        wp.load(path)
    err = raised.value
    assert err.filename == str(path)
    assert str(err).startswith(f"{path}: invalid plan: error [municipality.check_digit]")
    assert err.message_ja.startswith(f"{path}: 無効な計画です: エラー [municipality.check_digit] ")
    line = next(n for n, text in enumerate(BROKEN.splitlines(), 1) if '"402051"' in text)
    assert [(i.code, i.line) for i in err.issues] == [("municipality.check_digit", line)]
    again = pickle.loads(pickle.dumps(err))
    assert (again.filename, str(again), again.message_ja, again.issues) == (
        err.filename,
        str(err),
        err.message_ja,
        err.issues,
    )
    with path.open("rb") as f, pytest.raises(wp.PlanError) as from_file:
        wp.load(f)
    assert from_file.value.filename == str(path)
    with pytest.raises(wp.PlanError) as from_text:
        wp.loads(BROKEN)
    assert from_text.value.filename is None


def test_the_notebook_view_is_a_compact_escaped_table() -> None:
    html = IIZUKA._repr_html_()
    assert html.startswith('<div class="welfare-plan"><strong>第3期飯塚市地域福祉計画</strong>')
    assert "令和5年度～令和14年度" in html and "基本目標 → 活動目標 → 具体的取り組み" in html
    assert html.count("<tr>") == 1 + len(IIZUKA.all_nodes())
    for node in IIZUKA.all_nodes():
        assert f">{node.label.ja}</td>" in html
    marked = IIZUKA.replace(title={"ja": "<b>計画</b> & 案"})
    assert "<strong>&lt;b&gt;計画&lt;/b&gt; &amp; 案</strong>" in marked._repr_html_()
    assert "<b>" not in marked._repr_html_()
