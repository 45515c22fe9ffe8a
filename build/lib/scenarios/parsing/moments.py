"""Dates and times as agents write them, read in WIB and relative to the episode's clock.

The usual shapes (`2026-10-14`, `14-10-2026`, `14/10/2026`, `14 Oktober 2026`, `14-Okt-2026
07:07:20`, ISO with an offset) are read directly; anything else (`kemarin jam 10`, `Senin, 12 Okt
2026 pukul 13.05`, `yesterday 3pm`, `tgl 14 okt`) goes to dateparser in Indonesian and English
with the episode's clock as the base for relative words and missing years. Without a clock,
relative forms are not read at all: the wall clock never decides a grade.
"""

import re
from datetime import date, datetime
from functools import lru_cache

from gladi import formats as f
from scenarios.parsing.months import MONTHS

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_D_MONTH_Y = re.compile(r"^(\d{1,2})[-\s]+([a-z]+)[-\s,]+(\d{4})")
_CLOCK = re.compile(r"(?<![\d-])(\d{1,2})[:.](\d{2})(?![\d-])")
_HAS_CLOCK = re.compile(
    r"\d{1,2}[:.]\d{2}|\b(?:jam|pukul|pkl)\.?\s*\d{1,2}|\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE
)
_FILLERS = re.compile(r"\b(?:tgl|tanggal|tangal|sekitar|kira-kira|kurang lebih|kurleb|hari)\b\.?")
_SPOKEN_CLOCK = re.compile(
    r"\b(?:jam|pukul|pkl)\.?\s*(\d{1,2})(?:[:.](\d{2}))?(?:\s*(pagi|siang|sore|malam))?\b"
)
_DOT_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_SETTINGS_BASE = {
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TO_TIMEZONE": "Asia/Jakarta",
    "TIMEZONE": "Asia/Jakarta",
}


def _hour_of_day(hour: int, part: str | None) -> int:
    """`jam 3 sore` -> 15, `jam 1 siang` -> 13, `jam 12 malam` -> 0, `jam 9 pagi` -> 9."""
    if part == "sore" or (part == "siang" and hour < 6) or (part == "malam" and 6 <= hour < 12):
        return hour + 12
    if part == "malam" and hour == 12:
        return 0
    return hour


def _spoken_clocks(text: str) -> str:
    """`jam 13.05`, `pukul 3 sore` -> `13:05`, `15:00` (what dateparser reads)."""

    def clock(match: re.Match[str]) -> str:
        hour = _hour_of_day(int(match[1]), match[3])
        return f" {hour:02d}:{match[2] or '00'} "

    return _DOT_CLOCK.sub(r"\1:\2", _SPOKEN_CLOCK.sub(clock, text))


def _direct(text: str) -> tuple[int, int, int] | None:
    if m := _ISO.match(text):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _DMY.match(text):
        return int(m[3]), int(m[2]), int(m[1])
    if (m := _D_MONTH_Y.match(text)) and (month := MONTHS.get(m[2])):
        return int(m[3]), month, int(m[1])
    return None


def _offset_moment(text: str) -> datetime | None:
    """An ISO moment with an offset (`...+07:00`, `...Z`) in WIB."""
    if not (text.endswith("z") or "+" in text[10:] or re.search(r"-\d{2}:\d{2}$", text)):
        return None
    try:
        return f.to_wib(datetime.fromisoformat(text.upper().replace("Z", "+00:00")))
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def _fallback(text: str, now_iso: str) -> datetime | None:
    """dateparser's reading (naive WIB) relative to the episode's clock (WIB)."""
    import dateparser  # imported on first use: most values take the direct path

    base = datetime.fromisoformat(now_iso)
    settings = {**_SETTINGS_BASE, "RELATIVE_BASE": base}
    cleaned = " ".join(_spoken_clocks(_FILLERS.sub(" ", text)).split())
    return dateparser.parse(cleaned, languages=["id", "en"], settings=settings)  # type: ignore[arg-type]


def _now_iso(now: datetime | None) -> str | None:
    return None if now is None else f.to_wib(now).replace(tzinfo=None).isoformat()


@lru_cache(maxsize=8192)
def _read(text: str, now_iso: str | None) -> tuple[date, tuple[int, int] | None] | None:
    """(WIB date, (hour, minute) or None) of a text, or None if it names no date."""
    t = text.strip().lower()
    if not t:
        return None
    if (moment := _offset_moment(t)) is not None:
        return moment.date(), (moment.hour, moment.minute)
    parts = _direct(t)
    if parts is not None:
        try:
            day = date(*parts)
        except ValueError:
            return None
        clock = _CLOCK.search(t[8:])
        return day, (int(clock[1]), int(clock[2])) if clock else None
    if now_iso is None:
        return None
    found = _fallback(t, now_iso)
    if found is None:
        return None
    return found.date(), (found.hour, found.minute) if _HAS_CLOCK.search(t) else None


def parse_date(text: object, now: datetime | None = None) -> date | None:
    """The WIB date a text names (`now`: the episode's clock, for `kemarin`, `14 Okt`)."""
    read = _read(str(text), _now_iso(now))
    return read[0] if read else None


def parse_minute(text: object, now: datetime | None = None) -> tuple[date, int, int] | None:
    """(date, hour, minute) in WIB of a text that names a date and a clock time."""
    read = _read(str(text), _now_iso(now))
    if read is None or read[1] is None:
        return None
    day, (hour, minute) = read[0], read[1]
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return day, hour, minute
