"""No tool screen repeats a note or rule of the SOPs: what to conclude is the agent's to know.

Every label and value every screen answers (JSON, the CSV exports, the strings the invoice PDF
draws) is compared with the SOPs' prose, everything in them that is not a screen, a form or a
name the desk holds (`tests/mocks/sop_source.py`). Copying a note leaves two 4-word runs of one
SOP line in one text; the E-Payment note that used to sit on multi-SID accounts did exactly
that (000:209).
"""

from typing import Any

from mocks.tickets.catalog import CATALOG
from tests.mocks import sop_source
from tests.mocks.screen_samples import Answer

QUOTED_VALUES = {
    "Active (Out Of Collection - on Trial)": "001:27",
    "Active - Collection Block 1": "001:27",
    "Active - Voluntary Block 1": "001:33",
}
"""Screen values the SOPs' prose quotes, as the screen writes them: DSC statuses."""
DESK_NAMES = sorted(
    {k.label for k in CATALOG.kips} | {f.label for f in CATALOG.fields.values()},
    key=len,
    reverse=True,
)
"""The desk's KIP names and mandatory field labels: the SOPs' KIP lines and Mandatory Ticket
lists, which are the desk's categories and form (they are not prose)."""


def texts(body: Any) -> list[str]:
    """Every label (display key) and every string value of an answer, CSV/PDF text by line."""
    if isinstance(body, str):
        return body.splitlines()
    if isinstance(body, dict):
        return [t for key, value in body.items() for t in (str(key), *texts(value))]
    if isinstance(body, list):
        return [t for item in body for t in texts(item)]
    return [str(body)] if body is not None else []


def without_desk_names(text: str) -> str:
    """A ticket-desk text with the desk's own KIP and field names taken out."""
    for name in DESK_NAMES:
        text = text.replace(name, " ")
    return text


def copied(answer: Answer) -> list[str]:
    """What of the SOPs' notes and rules `answer` repeats: 'label or value <- NNN:L'."""
    found = []
    for text in texts(answer.body):
        if text in QUOTED_VALUES:
            continue
        if answer.operation.startswith("tickets.") or text in DESK_NAMES:
            text = without_desk_names(text)
        for ref, runs in sop_source.copied_prose(text).items():
            found.append(f"{answer.operation}: {text[:80]!r} <- {ref} {runs}")
    return found


def test_the_check_finds_a_copied_note() -> None:
    old_note = (
        "Jumlah tagihan adalah total tagihan seluruh 3 SID pada account number 4861675; "
        "tidak bisa menjadi acuan status lunas/belum lunas satu SID"
    )
    assert "000:209" in sop_source.copied_prose(old_note)
    assert "001:57" in sop_source.copied_prose(
        "Catatan: pelanggan tidak mendapatkan sms notifikasi, arahkan konfirmasi ke chanel "
        "pembayarannya"
    )
    assert not sop_source.copied_prose("Pelanggan isi ulang pulsa namun pulsa belum bertambah")


def test_the_quoted_values_are_quoted_on_the_lines_given() -> None:
    for value, ref in QUOTED_VALUES.items():
        line = " ".join(sop_source.words(sop_source.line(ref)))
        assert " ".join(sop_source.words(value)) in line, value


def test_no_screen_repeats_a_sop_note_or_rule(screens: list[Answer]) -> None:
    assert {a.operation for a in screens} >= {"epayment.inquiry", "dsc.hlr", "am.lookup"}
    problems = [found for answer in screens for found in copied(answer)]
    assert not problems, "\n".join(problems)
