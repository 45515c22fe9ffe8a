"""Date-range lookups whose range must contain a date (SOP 004: the 14-day GOL order search).

A lookup spec may carry `window: {"covers": "YYYY-MM-DD", "today": "YYYY-MM-DD", "days": N}`:
the call counts only if the range it searched contains `covers`. The range is read from the
call's `from`/`to` (HTTP names) or `date_from`/`date_to` (the names the mocks record); a missing
end takes the tool's default (`to` = today, `from` = `to` - (days - 1)), as the tools do.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from scenarios import values

START_NAMES = ("from", "date_from")
END_NAMES = ("to", "date_to")


def _given(params: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = params.get(name)
        if value is not None and str(value).strip():
            return str(value)
    return None


def searched_range(
    window: Mapping[str, Any], params: Mapping[str, Any]
) -> tuple[date, date] | None:
    """The (start, end) WIB days a call searched, defaults applied; None if unreadable."""
    raw_end, raw_start = _given(params, END_NAMES), _given(params, START_NAMES)
    end = values.parse_date(raw_end) if raw_end else date.fromisoformat(window["today"][:10])
    if end is None:
        return None
    if raw_start is None:
        return end - timedelta(days=int(window["days"]) - 1), end
    start = values.parse_date(raw_start)
    return None if start is None else (start, end)


def in_window(spec: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    """Whether the call's range contains the spec's date (always true without a window)."""
    window = spec.get("window")
    if not window:
        return True
    found = searched_range(window, event.get("params") or {})
    if found is None:
        return False
    start, end = found
    covers = date.fromisoformat(str(window["covers"])[:10])
    return start <= covers <= end and (end - start).days < int(window["days"])


def window_text(spec: Mapping[str, Any]) -> str:
    """', range containing 2026-10-01' for a windowed lookup ('' otherwise)."""
    window = spec.get("window")
    return f", range containing {window['covers']}" if window else ""
