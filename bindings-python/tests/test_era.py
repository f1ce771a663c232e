"""Japanese fiscal years and eras (年度・元号) through the core's conversions."""

from __future__ import annotations

from typing import Any

import pytest

import welfare_plan as wp


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("令和5年度", 2023),
        ("令和元年度", 2019),
        ("平成31年度", 2019),
        ("R5", 2023),
        ("令和５年度", 2023),
        ("FY2023", 2023),
        ("昭和63年度", 1988),
    ],
)
def test_fiscal_year_from_era_reads_written_forms(text: str, year: int) -> None:
    assert wp.fiscal_year_from_era(text) == year


@pytest.mark.parametrize(
    ("year", "label"),
    [(2023, "令和5年度"), (2019, "令和元年度"), (2018, "平成30年度"), (1988, "昭和63年度"), (1926, "大正15年度")],
)
def test_era_label_names_the_fiscal_year(year: int, label: str) -> None:
    assert wp.era_label(year) == label


def test_era_label_en_names_the_era_in_english() -> None:
    assert wp.era_label_en(2023) == "FY2023 (Reiwa 5)"


def test_every_supported_year_round_trips_through_its_label() -> None:
    for year in range(1868, 2201):
        assert wp.fiscal_year_from_era(wp.era_label(year)) == year


def test_a_calendar_year_is_refused_with_a_clear_message() -> None:
    with pytest.raises(wp.EraError, match=r"`令和5年` is not a fiscal year .* a fiscal year ends in 年度") as raised:
        wp.fiscal_year_from_era("令和5年")
    assert raised.value.message_ja == (
        "`令和5年` は扱える年度ではありません（「年」は暦年の書き方です。年度は「令和5年度」のように書いてください）"
    )


@pytest.mark.parametrize("year", [1867, 10**30])
def test_a_year_out_of_range_says_which_years_are_supported_in_both_languages(year: int) -> None:
    with pytest.raises(wp.EraError) as raised:
        wp.era_label(year)
    assert str(raised.value) == f"`{year}` is not a fiscal year this library can handle: fiscal years from 1868 to 2200 are supported"
    assert raised.value.message_ja == f"`{year}` は扱える年度ではありません（1868年度から2200年度までに対応しています）"


@pytest.mark.parametrize("year", [1867, 2201, -5, 10**30])
def test_era_label_outside_the_supported_years_is_a_value_error(year: int) -> None:
    with pytest.raises(ValueError, match="is not a fiscal year this library can handle"):
        wp.era_label(year)
    with pytest.raises(wp.EraError):
        wp.era_label_en(year)


def test_era_errors_are_value_errors() -> None:
    assert issubclass(wp.EraError, ValueError)
    with pytest.raises(ValueError, match="expected an era name"):
        wp.fiscal_year_from_era("X5")


def test_era_label_of_a_non_integer_is_a_type_error() -> None:
    bad: Any = "2023"
    with pytest.raises(TypeError):
        wp.era_label(bad)
