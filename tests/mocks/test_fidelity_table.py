"""docs/FIDELITY.md: a section per screen, every field each screen answers, and true references.

The table is the contract a reviewer reads beside the SOP; these tests keep it true: every
operation of the catalog has a section saying whether the SOP shows the screen in a figure or
only in prose, every label and JSON key a screen answers is in its section and every row is
still answered, every reference is a line of the SOP, and a label said to be printed in a
figure is printed on the line cited.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gladi.catalog import BY_NAME
from mocks.tickets.catalog import CATALOG
from tests.mocks import sop_source
from tests.mocks.screen_samples import Answer

DOC = Path(__file__).resolve().parents[2] / "docs" / "FIDELITY.md"
SOURCES = ("figure", "prose only", "not in the SOP")
PLACEHOLDERS = {
    "‹group›": r"[A-Za-z].*",
    "‹field label›": "|".join(re.escape(f.label) for f in CATALOG.fields.values()),
}
"""What a label made from data may be: a TOS product group, a ticket field's desk label."""


@dataclass
class Row:
    """One field of a screen as the table documents it."""

    label: str
    paths: list[str]
    sop: str
    why: str


@dataclass
class Section:
    """The screens one heading documents (an operation, or an operation and its export/PDF)."""

    operations: list[str]
    source: str = ""
    rows: list[Row] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def sections() -> list[Section]:
    """The sections of docs/FIDELITY.md, in order."""
    found: list[Section] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            found.append(Section(re.findall(r"`([a-z]+\.[a-z_]+)`", line)))
        elif found and line.startswith("Source:"):
            found[-1].source = line.removeprefix("Source:").strip()
        elif found and line.startswith("| ") and not line.startswith("| label"):
            label, paths, sop, why = _cells(line)
            found[-1].rows.append(Row(label, re.findall(r"`([^`]+)`", paths), sop, why))
    return found


def container(path: str) -> tuple[str, str]:
    """`items[].lines[].amount` -> ('items[].lines[].', 'amount')."""
    head, _, key = path.rpartition(".")
    return (head + "." if head else ""), key


def label_pattern(label: str) -> re.Pattern[str]:
    """The label as a pattern: ‹…› placeholders match what they stand for."""
    pattern = re.escape(label)
    for name, value in PLACEHOLDERS.items():
        pattern = pattern.replace(re.escape(name), f"(?:{value})")
    return re.compile(f"^{pattern}$")


def walk(body: Any, path: str, labels: set, keys: set) -> None:
    """Every (container, label) and (container, key) of a screen's JSON answer.

    Dicts with a `display` are screens (descended into); other dicts and lists of them (a
    ticket's `fields`, the KIP catalog's field lists) are values.
    """
    for key, value in body.items():
        if key == "display":
            labels.update((path, label) for label in value)
            continue
        keys.add((path, key))
        if isinstance(value, dict) and "display" in value:
            walk(value, f"{path}{key}.", labels, keys)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and "display" in item:
                    walk(item, f"{path}{key}[].", labels, keys)


def refs_of(text: str) -> list[str]:
    """Every `NNN:L` of a text, ranges `NNN:L-M` spread to each line."""
    found = []
    for sop, start, end in sop_source.REF_RE.findall(text):
        found += [f"{sop}:{n}" for n in range(int(start), int(end or start) + 1)]
    return found


def test_every_operation_has_one_section_saying_where_the_sop_shows_it() -> None:
    documented = [op for s in sections() for op in s.operations]
    assert sorted(documented) == sorted(BY_NAME), set(documented) ^ set(BY_NAME)
    for section in sections():
        assert section.source.startswith(SOURCES), (section.operations, section.source)
        assert refs_of(section.source), section.operations
        assert section.rows, section.operations


def test_every_reference_is_a_line_of_the_sop_and_figure_labels_are_printed_there() -> None:
    for section in sections():
        for ref in refs_of(section.source):
            assert sop_source.line(ref) is not None
        for row in section.rows:
            where = f"{section.operations[0]}: {row.label} ({row.sop})"
            assert row.paths, where
            if row.sop == "not in the SOP":
                assert row.why, f"{where}: a field the SOP does not show says why it is shown"
                continue
            assert row.sop.startswith(("figure", "prose")), where
            refs = refs_of(row.sop)
            assert refs, where
            printed = {w for ref in refs for w in sop_source.words(sop_source.line(ref))}
            if row.sop.startswith("figure ") and not row.sop.startswith("figure value"):
                missing = set(sop_source.words(row.label)) - printed
                assert row.label != "—" and not missing, f"{where}: {missing} not on the line"


def answered(screens: list[Answer]) -> dict[str, tuple[set, set]]:
    """Per operation: the (container, label) and (container, key) pairs its answers hold."""
    found: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for answer in screens:
        if answer.status == 200 and isinstance(answer.body, dict):
            walk(answer.body, "", *found[answer.operation])
    return found


def section_problems(section: Section, labels: set, keys: set) -> list[str]:
    """How a section and the labels and keys its screens answered disagree."""
    rows = [
        (container(row.paths[0])[0], row.label, label_pattern(row.label))
        for row in section.rows
        if row.label != "—"
    ]
    documented = {container(p) for row in section.rows for p in row.paths}
    documented = {(c, k) for c, k in documented if k != "display"}
    problems = []
    for where, label in sorted(labels):
        if not any(c == where and pattern.match(label) for c, _, pattern in rows):
            problems.append(f"label {where}{label!r} is not in the table")
    for where, name, pattern in rows:
        if not any(c == where and pattern.match(label) for c, label in labels):
            problems.append(f"row {where}{name!r} is not on the screen")
    problems += [f"key {''.join(k)} is not in the table" for k in sorted(keys - documented)]
    problems += [f"key {''.join(k)} is not answered" for k in sorted(documented - keys)]
    return [f"{section.operations}: {problem}" for problem in problems]


def test_the_table_holds_every_field_each_screen_answers_and_no_other(
    screens: list[Answer],
) -> None:
    seen = answered(screens)
    problems = []
    for section in sections():
        labels = set().union(*(seen[op][0] for op in section.operations))
        keys = set().union(*(seen[op][1] for op in section.operations))
        if labels or keys:  # else a PDF or CSV screen: its fields are its JSON twin's
            problems += section_problems(section, labels, keys)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("operation", "label"),
    [
        ("epayment.inquiry", "Catatan"),
        ("ncx.asset_detail", "Account Manager"),
        ("ncx.asset_detail", "Serial Number"),
        ("ncx.asset_detail", "Perangkat"),
        ("dsc.fa_payments", "Notifikasi"),
        ("dsc.hlr", "Status HLR"),
        ("dsc.profile", "Email"),
        ("tos.invoice", "NPWP (format)"),
        ("am.lookup", "EOS (bila AM tidak merespon)"),
    ],
)
def test_the_fields_that_coached_are_gone_from_table_and_screens(
    screens: list[Answer], operation: str, label: str
) -> None:
    rows = [row.label for s in sections() if operation in s.operations for row in s.rows]
    assert label not in rows
    shown = {found for _, found in answered(screens)[operation][0]}
    assert shown and label not in shown
