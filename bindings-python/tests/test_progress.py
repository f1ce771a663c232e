"""Evaluating a plan over its progress reports (`Plan.evaluate`): the synthetic example gives
in Python exactly the numbers, grades and text of `welfare-plan progress` (a cross-language
check against the CLI); entered grades stay beside computed ones; a value not measured is None;
integers stay int; rows for data frames carry the same values."""

from __future__ import annotations

import json
from typing import Any

import pytest

import welfare_plan as wp
from report_corpus import (
    EXAMPLE_PLAN,
    EXAMPLE_REPORTS,
    REPORT_CASES,
    example_plan,
    example_reports,
    read_json,
    run_cli,
)
from walk import assert_stub_types, at_pointer

PLAN = example_plan()
REPORTS = example_reports(PLAN)
PROGRESS = PLAN.evaluate(REPORTS)
# The reports as written, by fiscal year.
WRITTEN: dict[int, dict[str, Any]] = {d["fiscal_year"]: d for d in map(read_json, EXAMPLE_REPORTS)}
PLAN_DATA: dict[str, Any] = read_json(EXAMPLE_PLAN)


def same(value: Any, written: Any) -> bool:
    """Equal, and of the same type: an `int` is not a `float` here."""
    return type(value) is type(written) and bool(value == written)


@pytest.fixture(scope="module")
def cli_progress() -> dict[str, Any]:
    out: dict[str, Any] = json.loads(run_cli("progress", EXAMPLE_PLAN, *EXAMPLE_REPORTS, "--format", "json"))
    return out


# --- the same numbers as the CLI ---------------------------------------------------------------


def test_the_evaluation_is_the_clis_as_data(cli_progress: dict[str, Any]) -> None:
    assert [r["valid"] for r in cli_progress["reports"]] == [True] * len(EXAMPLE_REPORTS)
    assert PROGRESS.to_dict() == cli_progress["progress"]
    assert wp.evaluate(PLAN, REPORTS) == PROGRESS
    assert PROGRESS.plan is PLAN


def test_every_typed_result_shows_the_clis_value_with_its_type(cli_progress: dict[str, Any]) -> None:
    want = cli_progress["progress"]
    assert PROGRESS.years == want["years"] == sorted(WRITTEN)
    assert [s.id for s in PROGRESS.indicators] == [w["id"] for w in want["indicators"]]
    for series, w in zip(PROGRESS.indicators, want["indicators"]):
        assert series.name.to_dict() == w["name"]
        assert (series.unit.to_dict() if series.unit else None) == w.get("unit")
        assert series.node_id == w["node"]
        assert series.node is not None and series.node.id == w["node"]
        assert series.indicator.id == series.id
        assert (series.baseline.to_dict() if series.baseline else None) == w["baseline"]
        assert [t.to_dict() for t in series.targets] == w["targets"]
        assert len(series.years) == len(w["years"])
        for year, wy in zip(series.years, w["years"]):
            for key in ("fiscal_year", "value", "target", "achievement", "expected", "status"):
                assert same(getattr(year, key), wy[key]), (series.id, year.fiscal_year, key)
            assert list(year.grades.items()) == [tuple(g) for g in wy["grades"]]
            assert year.status_label.ja and year.status_label.en
    assert [n.id for n in PROGRESS.nodes] == [w["id"] for w in want["nodes"]]
    for node, w in zip(PROGRESS.nodes, want["nodes"]):
        assert [node.label.ja, node.label.en] == w["label"]
        assert node.title.to_dict() == w["title"]
        assert same(node.depth, w["depth"])
        assert node.node == PLAN.node(node.id)
        assert grades_by_year(node.years) == grades_by_year_written(w["years"])
    assert [s.sector for s in PROGRESS.sectors] == [w["sector"] for w in want["sectors"]]
    for sector, w in zip(PROGRESS.sectors, want["sectors"]):
        assert [sector.label.ja, sector.label.en] == w["label"]
        assert grades_by_year(sector.years) == grades_by_year_written(w["years"])


def grades_by_year(years: list[wp.NodeYear]) -> list[tuple[int, list[tuple[str, str | None, str | None]]]]:
    return [(y.fiscal_year, [(g.scale_id, g.entered, g.computed) for g in y.grades]) for y in years]


def grades_by_year_written(years: list[dict[str, Any]]) -> list[tuple[int, list[tuple[str, str | None, str | None]]]]:
    return [(y["fiscal_year"], [(g["scale"], g["entered"], g["computed"]) for g in y["grades"]]) for y in years]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_text_is_what_the_cli_prints(lang: str) -> None:
    printed = run_cli("progress", "--lang", lang, EXAMPLE_PLAN, *EXAMPLE_REPORTS)
    assert PROGRESS.render(lang) == printed
    assert "2026" in printed


def test_canonical_json_and_hash_are_the_clis() -> None:
    assert wp.plan_hash(PLAN) == run_cli("hash", EXAMPLE_PLAN).strip()
    for path, report in zip(EXAMPLE_REPORTS, REPORTS):
        assert report.dumps() == run_cli("export", "--plan", EXAMPLE_PLAN, path)


# --- behaviour pinned --------------------------------------------------------------------------


def entered_in_report(year: int, node: str, scale: str) -> str | None:
    """The grade the report for `year` enters for `node` on `scale`, as written."""
    for entry in WRITTEN[year].get("nodes", []):
        if entry["node"] == node:
            for g in entry.get("grades", []):
                if g["scale"] == scale:
                    code: str = g["grade"]
                    return code
    return None


def test_an_entered_grade_stays_beside_the_computed_one() -> None:
    both = []
    for series in PROGRESS.nodes:
        for year in series.years:
            for g in year.grades:
                assert g.entered == entered_in_report(year.fiscal_year, series.id, g.scale_id)
                if g.entered is not None and g.computed is not None:
                    both.append((series.id, year.fiscal_year, g.scale_id, g.entered, g.computed))
    # The example enters a grade that differs from the one computed; both are kept.
    assert any(entered != computed for *_, entered, computed in both), both
    # A scale graded by hand is never computed.
    manual = {s["id"] for s in PLAN_DATA["evaluation"]["scales"] if s.get("nodes", {}).get("method") == "manual"}
    assert manual
    for series in PROGRESS.nodes:
        for year in series.years:
            assert all(g.computed is None for g in year.grades if g.scale_id in manual)
    # Sectors are only computed.
    assert all(g.entered is None for s in PROGRESS.sectors for y in s.years for g in y.grades)


def test_a_value_not_measured_is_none_with_no_data_and_the_scales_no_data_grade() -> None:
    unmeasured = [
        (year, o["indicator"]) for year, doc in WRITTEN.items() for o in doc["observations"] if o["value"] is None
    ]
    assert unmeasured
    no_data = {
        s["id"]: c["grade"]
        for s in PLAN_DATA["evaluation"]["scales"]
        for c in s.get("indicator_conditions", [])
        if c["when"] == "no_data"
    }
    assert no_data
    rows = PROGRESS.indicator_records()
    for year, indicator in unmeasured:
        series = PROGRESS.indicator(indicator)
        assert series is not None
        [result] = [y for y in series.years if y.fiscal_year == year]
        assert result.value is None and result.achievement is None
        assert result.status == "no_data"
        assert result.grades == no_data
        [row] = [r for r in rows if (r["indicator"], r["fiscal_year"]) == (indicator, year)]
        assert row["value"] is None and row["status"] == "no_data"


def test_integers_stay_int_and_decimals_stay_float() -> None:
    kinds = set()
    for year, doc in WRITTEN.items():
        for o in doc["observations"]:
            series = PROGRESS.indicator(o["indicator"])
            assert series is not None
            [result] = [y for y in series.years if y.fiscal_year == year]
            assert same(result.value, o["value"]), (o, result)
            kinds.add(type(o["value"]))
    assert {int, float, str, type(None)} <= kinds
    for series in PROGRESS.indicators:
        for y in series.years:
            target = series.indicator.targets
            assert any(same(y.target, t.value) for t in target)


def test_lookups_by_id_and_sector() -> None:
    first = PROGRESS.indicators[0]
    assert PROGRESS.indicator(first.id) == first
    assert PROGRESS.node(PROGRESS.nodes[1].id) == PROGRESS.nodes[1]
    sector = PROGRESS.sectors[0]
    assert PROGRESS.sector(sector.sector) == sector == PROGRESS.sector(sector.label.ja)
    assert PROGRESS.indicator("nope") is None and PROGRESS.node("nope") is None and PROGRESS.sector("nope") is None
    year = PROGRESS.nodes[0].years[0]
    assert year.grade(year.grades[0].scale_id) == year.grades[0]
    assert year.grade("nope") is None


def test_every_result_returns_the_types_its_stubs_declare() -> None:
    assert_stub_types("Progress", PROGRESS)
    for series in PROGRESS.indicators:
        assert_stub_types("IndicatorSeries", series)
        for y in series.years:
            assert_stub_types("IndicatorYear", y)
    node_years: list[wp.NodeYear] = []
    for node in PROGRESS.nodes:
        assert_stub_types("NodeSeries", node)
        node_years += node.years
    for sector in PROGRESS.sectors:
        assert_stub_types("SectorSeries", sector)
        node_years += sector.years
    for node_year in node_years:
        assert_stub_types("NodeYear", node_year)
        for g in node_year.grades:
            assert_stub_types("NodeGrade", g)
            assert g.scale is not None and g.scale.id == g.scale_id


def test_results_have_paths_into_to_dict() -> None:
    data = PROGRESS.to_dict()
    series: list[Any] = [*PROGRESS.indicators, *PROGRESS.nodes, *PROGRESS.sectors]
    years: list[Any] = [y for s in series for y in s.years]
    grades: list[Any] = [g for y in years if isinstance(y, wp.NodeYear) for g in y.grades]
    assert series and years and grades
    for result in series + years + grades:
        assert result.to_dict() == at_pointer(data, result.path)
    assert all(any(y.path.startswith(s.path + "/years/") for s in series) for y in years)


# --- rows for data frames ----------------------------------------------------------------------

INDICATOR_COLUMNS = [
    "indicator", "name_ja", "name_en", "unit_ja", "node", "baseline", "fiscal_year", "value",
    "target", "achievement", "expected", "status",
]
NODE_COLUMNS = ["node", "label", "title_ja", "title_en", "depth", "fiscal_year", "scale", "entered", "computed"]
SECTOR_COLUMNS = ["sector", "label", "fiscal_year", "scale", "computed"]


def test_indicator_records_are_one_row_per_indicator_and_year() -> None:
    rows = PROGRESS.indicator_records()
    assert len(rows) == len(PROGRESS.indicators) * len(PROGRESS.years)
    graded = [s["id"] for s in PLAN_DATA["evaluation"]["scales"] if s.get("indicator_conditions")]
    assert graded
    for row in rows:
        assert list(row) == INDICATOR_COLUMNS + [f"grade.{s}" for s in graded]
    expected = [(s, y) for s in PROGRESS.indicators for y in s.years]
    for row, (series, year) in zip(rows, expected):
        assert (row["indicator"], row["fiscal_year"]) == (series.id, year.fiscal_year)
        assert (row["name_ja"], row["name_en"]) == (series.name.ja, series.name.en)
        assert row["unit_ja"] == (series.unit.ja if series.unit else None)
        assert row["node"] == series.node_id
        assert same(row["baseline"], series.baseline.value if series.baseline else None)
        for key in ("value", "target", "achievement", "expected", "status"):
            assert same(row[key], getattr(year, key)), key
        for scale in graded:
            assert row[f"grade.{scale}"] == year.grades.get(scale)


def test_node_records_put_entered_and_computed_side_by_side() -> None:
    rows = PROGRESS.node_records()
    expected = [(n, y, g) for n in PROGRESS.nodes for y in n.years for g in y.grades]
    assert len(rows) == len(expected) > 0
    for row, (node, year, grade) in zip(rows, expected):
        assert list(row) == NODE_COLUMNS
        assert row == {
            "node": node.id, "label": node.label.ja, "title_ja": node.title.ja, "title_en": node.title.en,
            "depth": node.depth, "fiscal_year": year.fiscal_year, "scale": grade.scale_id,
            "entered": grade.entered, "computed": grade.computed,
        }
    assert any(r["entered"] is not None and r["computed"] is not None for r in rows)
    sectors = PROGRESS.sector_records()
    expected_sectors = [(s, y, g) for s in PROGRESS.sectors for y in s.years for g in y.grades]
    assert len(sectors) == len(expected_sectors) > 0
    for row, (sector, year, grade) in zip(sectors, expected_sectors):
        assert list(row) == SECTOR_COLUMNS
        assert row == {
            "sector": sector.sector, "label": sector.label.ja, "fiscal_year": year.fiscal_year,
            "scale": grade.scale_id, "computed": grade.computed,
        }


# --- what evaluate accepts -------------------------------------------------------------------


def test_reports_must_have_been_read_against_this_plan() -> None:
    changed_case = next(c for c in REPORT_CASES if c.name == "report-scheme-kama")
    other_plan = changed_case.plan()
    other_report = wp.loads_report(changed_case.input(), other_plan)
    with pytest.raises(ValueError, match="not read against this plan"):
        PLAN.evaluate([REPORTS[0], other_report])
    shape_only = wp.load_report(EXAMPLE_REPORTS[0], None)
    with pytest.raises(ValueError, match=f"`{shape_only.id}`"):
        wp.evaluate(PLAN, [shape_only])
    with pytest.raises(TypeError, match="ProgressReport"):
        PLAN.evaluate([EXAMPLE_REPORTS[0].read_bytes()])  # type: ignore[list-item]
    # The same plan read again is the same plan.
    again = wp.loads(PLAN.dumps())
    assert again.evaluate(REPORTS).to_dict() == PROGRESS.to_dict()
    assert PLAN.evaluate(iter(REPORTS)) == PROGRESS


def test_no_reports_give_every_series_without_years() -> None:
    empty = PLAN.evaluate([])
    assert empty.years == [] and empty.indicator_records() == [] and empty.node_records() == []
    assert [s.id for s in empty.indicators] == [s.id for s in PROGRESS.indicators]
    assert all(s.years == [] for s in empty.indicators)
