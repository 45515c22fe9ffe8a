"""Month names and abbreviations in Indonesian and English (E-Payment writes `Nop`, `Agu`)."""

_NAMES = {
    1: "jan januari january",
    2: "feb februari pebruari february",
    3: "mar maret march",
    4: "apr april",
    5: "mei may",
    6: "jun juni june",
    7: "jul juli july",
    8: "agu agt ags agustus aug august",
    9: "sep sept september",
    10: "okt oktober oct october",
    11: "nop nov november nopember",
    12: "des desember dec december",
}
MONTHS: dict[str, int] = {name: month for month, names in _NAMES.items() for name in names.split()}
"""Lower-case name or abbreviation -> month number."""
