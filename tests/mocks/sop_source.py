"""The SOP source texts as the screen-fidelity tests read them.

A reference `000:194` is line 194 of `scenarios/sops/source/000_*.txt`. Figures (the tables and
screens whose text survived the lost screenshots) are read cell by cell; everything that is not
a screen, a form or a KIP name is the SOPs' prose: the notes and rules a screen must never show.
"""

import re
from functools import cache
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[2] / "scenarios" / "sops" / "source"
REF_RE = re.compile(r"\b(\d{3}):(\d+)(?:-(\d+))?\b")

NOT_PROSE: dict[str, tuple[tuple[int, int], ...]] = {
    # Title and description; the TOS invoice transcriptions (Gambar 10, 12) and the E-Payment
    # figure (Gambar 13).
    "000": ((1, 6), (122, 166), (181, 183), (194, 194)),
    # Title; Mandatory Ticket (the desk's form), the KIP names and the source line.
    "001": ((1, 3), (35, 48), (60, 62)),
    "002": ((1, 3), (78, 95), (97, 99)),
    # Title and what OTT is; the I-Payment figure, the UPoint login and the two UPoint screens.
    "003": ((1, 8), (12, 24), (37, 51), (61, 96), (119, 149)),
    # Title; Mandatory Ticket with its footnotes, the KIP names and the sources.
    "004": ((1, 3), (129, 162)),
}
"""Line ranges (inclusive) that are no note or rule: titles, screens, forms, the desk's names.
A past contact's note may well say what the SOP's title says ("tidak dapat membayar tagihan
jastel"); it may not say what a rule says."""


def sops() -> list[str]:
    """The SOP numbers, '000' .. '004'."""
    return sorted(p.name[:3] for p in SOURCE_DIR.glob("*.txt"))


@cache
def lines(sop: str) -> tuple[str, ...]:
    """The lines of SOP `sop` ('000'); line N is `lines(sop)[N - 1]`."""
    (path,) = SOURCE_DIR.glob(f"{sop}_*.txt")
    return tuple(path.read_text(encoding="utf-8").splitlines())


def line(ref: str) -> str:
    """The text of `000:194` (IndexError when the SOP has no such line)."""
    sop, number = ref.split(":")
    if int(number) < 1:
        raise IndexError(ref)
    return lines(sop)[int(number) - 1]


def cells(ref: str, blanks: bool = False) -> list[str]:
    """The tab-separated cells of a figure's table line: the non-empty ones, or with `blanks`
    every cell in its column (a blank cell is '')."""
    found = [cell.strip() for cell in line(ref).split("\t")]
    return found if blanks else [cell for cell in found if cell]


def words(text: str) -> list[str]:
    """Lower-case letter/digit runs: what two texts are compared on."""
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(text: str, size: int) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words of `text`."""
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def is_prose(sop: str, number: int) -> bool:
    """Whether line `number` of `sop` is outside every screen, form and name range."""
    return not any(start <= number <= end for start, end in NOT_PROSE[sop])


def prose() -> list[tuple[str, str]]:
    """(reference, text) of every prose line of the five SOPs: their notes and rules."""
    return [
        (f"{sop}:{number}", text)
        for sop in sops()
        for number, text in enumerate(lines(sop), start=1)
        if text.strip() and is_prose(sop, number)
    ]


RUN = 4
"""Words in a run that two texts must share to count as one overlap."""


@cache
def prose_runs() -> dict[tuple[str, ...], frozenset[str]]:
    """Every RUN-word run of the SOPs' prose -> the references of the lines that hold it."""
    found: dict[tuple[str, ...], set[str]] = {}
    for ref, text in prose():
        for run in shingles(text, RUN):
            found.setdefault(run, set()).add(ref)
    return {run: frozenset(refs) for run, refs in found.items()}


def copied_prose(text: str) -> dict[str, list[str]]:
    """The SOP prose lines `text` copies: those it shares two or more RUN-word runs with.

    Two runs (five words in a row, or two separate phrases of one sentence) are what copying a
    note or rule leaves, e.g. "tidak bisa menjadi acuan ... status lunas/belum lunas" (000:209);
    one short run is a coincidence a screen value may well have.
    """
    runs = prose_runs()
    by_line: dict[str, list[str]] = {}
    for run in shingles(text, RUN):
        for ref in runs.get(run, ()):
            by_line.setdefault(ref, []).append(" ".join(run))
    return {ref: found for ref, found in by_line.items() if len(found) >= 2}
