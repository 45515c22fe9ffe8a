"""Other ways people write a reported value: each must grade exactly like the key's own."""

from datetime import date
from typing import Any

MONTHS_ID = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
MONTH_NAMES = MONTHS_ID.split()


def _rupiah_forms(amount: int) -> list[str]:
    dotted = f"{amount:,}".replace(",", ".")
    forms = [f"Rp{dotted}", f"Rp {dotted},-", f"IDR {amount:,}", f"{dotted},00", str(amount)]
    if amount and amount % 1000 == 0:
        forms += [f"{amount // 1000} ribu", f"{amount // 1000}rb", f"{amount // 1000}k"]
    return forms


def _minute_forms(text: str) -> list[str]:
    """`2026-10-14 13:05` -> `14 Oktober 2026 pukul 13.05`, `14/10/2026 13:05`, ISO with +07:00."""
    day = date.fromisoformat(text[:10])
    clock = text[11:16]
    month = MONTH_NAMES[day.month - 1]
    return [
        f"{day.day} {month} {day.year} pukul {clock.replace(':', '.')}",
        f"{day.day:02d}/{day.month:02d}/{day.year} {clock}",
        f"{day.isoformat()}T{clock}:00+07:00",
        f"{day.day} {month[:3]} {day.year}, {clock} WIB",
    ]


def _bool_forms(value: bool) -> list[Any]:
    return ["ya", "sudah", "Iya", "yes", "true"] if value else ["tidak", "belum", "Tidak ada", "no"]


def accepted_forms(compare: str, expected: Any) -> list[Any]:
    """Values a careful agent may type for `expected` (all must pass)."""
    if compare == "number":
        return _rupiah_forms(int(expected))
    if compare == "numbers":
        items = [int(x) for x in expected]
        return [", ".join(f"Rp{x:,}".replace(",", ".") for x in reversed(items))]
    if compare == "datetime":
        return _minute_forms(str(expected))
    if compare == "datetimes":
        if not expected:
            return []
        return ["; ".join(_minute_forms(str(x))[0] for x in reversed(expected))]
    if compare == "bool":
        return _bool_forms(bool(expected))
    if compare == "set":
        items = list(expected) if isinstance(expected, list) else [expected]
        if not items:
            return []
        joined = " dan ".join(str(x).lower() for x in reversed(items))
        plain = [str(x).split(" - ", 1)[-1] for x in items]
        return [joined, plain]
    if compare == "bill_status":
        return ["Sudah lunas", "lunas"] if expected == "Lunas" else ["belum", "Belum Lunas"]
    if compare == "text" and isinstance(expected, str):
        return [expected.upper(), f"  {expected.lower()} "]
    return []
