"""Dates and times in Indonesian and ISO forms, read relative to the episode's clock."""

from datetime import UTC, date, datetime

import pytest

from gladi.formats import WORLD_NOW
from scenarios.parsing.moments import parse_date, parse_minute

DAY = date(2026, 10, 14)  # the day before WORLD_NOW (2026-10-15 10:00 WIB)


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-14",
        "14-10-2026",
        "14/10/2026",
        "14.10.2026",
        "14 Oktober 2026",
        "14 oktober 2026",
        "14-Okt-2026",
        "14 Okt 2026",
        "14 October 2026",
        "Rabu, 14 Oktober 2026",
        "tgl 14 okt 2026",
        "2026-10-14T09:00:00+07:00",
    ],
)
def test_dates_in_many_forms(text: str) -> None:
    assert parse_date(text, WORLD_NOW) == DAY


@pytest.mark.parametrize("text", ["kemarin", "yesterday", "tgl 14 okt", "14 Oktober"])
def test_relative_dates_use_the_episode_clock(text: str) -> None:
    assert parse_date(text, WORLD_NOW) == DAY
    later = datetime(2027, 3, 1, 3, 0, tzinfo=UTC)
    if text in ("kemarin", "yesterday"):
        assert parse_date(text, later) == date(2027, 2, 28)


def test_without_a_clock_relative_dates_are_not_read() -> None:
    assert parse_date("kemarin") is None
    assert parse_date("31-02-2026", WORLD_NOW) is None


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-14 13:05",
        "2026-10-14T13:05:00+07:00",
        "2026-10-14T06:05:59+00:00",
        "14/10/2026 13.05",
        "14 Okt 2026, 13:05 WIB",
        "Rabu, 14 Oktober 2026 pukul 13.05",
        "kemarin jam 13.05",
        "tgl 14 okt jam 13:05",
    ],
)
def test_minutes_in_wib(text: str) -> None:
    assert parse_minute(text, WORLD_NOW) == (DAY, 13, 5)


def test_a_date_alone_names_no_minute() -> None:
    assert parse_minute("2026-10-14", WORLD_NOW) is None
    assert parse_minute("kemarin", WORLD_NOW) is None
