"""Screens the SOP has a figure of show the figure's fields, in its order and its formats.

Each expectation is read from the SOP source itself (`tests/mocks/sop_source.py`), never
copied into the test: the TOS invoice (000:122-166), the E-Payment / I-Payment inquiry (000:194,
003:12-24) and the two UPoint tables (003:86-96, 003:141-149).
"""

import csv
import io
import re
from typing import Any

import pytest

from tests.mocks import sop_source
from tests.mocks.screen_samples import Answer

MONTHS = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nop|Des"


def answers(screens: list[Answer], operation: str) -> list[Any]:
    """The JSON bodies (or texts) `operation` answered with 200."""
    found = [a.body for a in screens if a.operation == operation and a.status == 200]
    assert found, operation
    return found


def rows(bodies: list[dict], key: str = "items") -> list[dict]:
    """Every row of every body."""
    return [row for body in bodies for row in body[key]]


def figure_label(cell: str) -> str:
    """A bilingual invoice label as the screen writes it: 'Nomor Tagihan. Invoice Number' ->
    'Nomor Tagihan / Invoice Number'; one word in both languages ('NPWP. NPWP') once."""
    label = cell.split(":")[0].strip()
    indonesian, _, english = re.split(r"([.,]) ?", label, maxsplit=1)
    indonesian, english = indonesian.strip(), english.strip()
    return indonesian if indonesian == english else f"{indonesian} / {english}"


def sample_format(value: str, exact: bool = False) -> re.Pattern[str]:
    """A value's shape: a run of digits stands for digits (as many with `exact`), anything
    else for itself: '29.000,00' matches '149.000,00' but not '149000'."""

    def digits(run: re.Match[str]) -> str:
        return rf"\d{{{len(run.group())}}}" if exact else r"\d+"

    return re.compile("^" + re.sub(r"\d+", digits, re.escape(value)) + "$")


# --- TOS invoice (RINCIAN BIAYA PENGGUNAAN) ------------------------------------------------


def test_tos_invoice_header_is_the_figures_in_its_order(screens: list[Answer]) -> None:
    figure = [figure_label(sop_source.cells(f"000:{n}")[0]) for n in (126, 127, 128, 129, 130)]
    figure.append(figure_label(sop_source.cells("000:132")[0]))
    total = sop_source.cells("000:166")[0]
    for body in answers(screens, "tos.invoice"):
        # The company is the heading above the fields (000:124), the total the last line (000:166).
        assert list(body["display"]) == ["Perusahaan", *figure, total]
        assert body["display"]["NPWP"] == body["npwp"]
        assert sample_format("021163795092.000", exact=True).match(body["npwp"])  # 000:127
        assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", body["display"][figure[4]])  # Juni 2022


def test_tos_invoice_lines_have_the_figures_columns_and_amount_format(
    screens: list[Answer],
) -> None:
    columns = sop_source.cells("000:143")
    amount = re.compile(r"^\d{1,3}(,\d{3})*\.\d{2}$")
    samples = [sop_source.cells(f"000:{n}")[-1] for n in (144, 145, 147, 148, 157, 166)]
    assert all(amount.match(s) for s in samples), samples  # the figure's own amounts
    bodies = answers(screens, "tos.invoice")
    for body in bodies:
        assert amount.match(body["display"]["Total Tagihan"])
        for group in body["groups"]:
            assert group["subtotal_label"] == f"Sub. {group['name']}"  # 000:141
            assert re.search(r"- ?MONTHLY RECC?URRING CHARGES$", group["name"], re.IGNORECASE)
            assert amount.match(group["display"][group["subtotal_label"]])
            for line in group["lines"]:
                assert list(line["display"]) == columns
                assert amount.match(line["display"]["AMOUNT (Rp)"])
                assert sample_format("202206").match(line["display"]["PERIOD"])
                bandwidth = line["display"]["BW"]
                assert bandwidth == "-" or re.fullmatch(r"\d{1,3}(,\d{3})*MBPS", bandwidth)


def test_tos_pdf_draws_the_screens_labels_in_the_figures_order(screens: list[Answer]) -> None:
    pdfs = answers(screens, "tos.invoice_pdf")
    for body in answers(screens, "tos.invoice"):
        (drawn,) = [p for p in pdfs if f"Account {body['account_number']} |" in p]
        lines = drawn.splitlines()
        header = [label for label in body["display"] if label != "Perusahaan"]
        at = [lines.index(label) for label in header]
        assert at == sorted(at), header
        assert body["company"] in drawn and ": " + body["npwp"] in lines
        assert "(" not in lines[lines.index("NPWP") + 1]  # no second, reformatted NPWP


# --- E-Payment / I-Payment --------------------------------------------------------------


def figure_header_000() -> list[str]:
    """The header labels of the E-Payment figure of an account (000:194): Nama .. Internet."""
    text = sop_source.line("000:194")
    header = text.split("seconds", 1)[1].split("Mata Uang", 1)[0]
    return re.findall(r"(\w+):", header)


def figure_header_003() -> list[str]:
    """The header labels of the I-Payment figure of an IndiHome number (003:12-16)."""
    return [sop_source.line(f"003:{n}").split(":")[0] for n in range(12, 17)]


def test_epayment_header_is_the_figures(screens: list[Answer]) -> None:
    execution = sample_format("Execution per transaction 0.22 seconds")  # 000:194
    assert figure_header_000() == ["Nama", "Produk", "Phone", "Internet"]
    for body in answers(screens, "epayment.inquiry"):
        shown = body["display"]
        assert execution.match(shown["Execution"])
        figure = figure_header_000() if shown["Produk"] == "NON POTS" else figure_header_003()
        assert list(shown) == ["Execution", *figure]
        if shown["Produk"] == "NON POTS":
            assert shown["Internet"] == ""  # blank, as 000:194


def test_epayment_rows_and_details_are_the_figures_columns_and_formats(
    screens: list[Answer],
) -> None:
    columns, detail = sop_source.cells("003:17"), sop_source.cells("003:20")
    amount = re.compile(r"^\d{1,3}(,\d{3})*$")
    figure_rows = [sop_source.cells(f"003:{n}") for n in (18, 21, 22, 23, 24)]
    assert all(amount.match(cell) for row in figure_rows for cell in row if cell[0].isdigit())
    unpaid = dict(zip(columns, sop_source.cells("003:18", blanks=True), strict=False))
    assert unpaid["Lokasi Pembayaran"] == unpaid["Tanggal"] == unpaid["Jam"] == ""
    statuses = set()
    for row in rows(answers(screens, "epayment.inquiry")):
        shown = row["display"]
        assert list(shown) == columns
        assert re.fullmatch(rf"({MONTHS}) \d{{4}}", shown["Periode"])  # Mei 2022, Nop 2021
        assert shown["Mata Uang"] == "IDR" and shown["Cicilan"] == unpaid["Cicilan"]
        assert amount.match(shown["Jumlah Tagihan"]) and amount.match(shown["Belum Bayar"])
        statuses.add(shown["Status Pembayaran"])
        if shown["Status Pembayaran"] == unpaid["Status Pembayaran"]:  # Belum Lunas: blanks
            assert shown["Lokasi Pembayaran"] == shown["Tanggal"] == shown["Jam"] == ""
        else:
            assert re.fullmatch(rf"\d{{2}}-({MONTHS})-\d{{4}}", shown["Tanggal"])  # 000:194
            assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", shown["Jam"])
        for line in row["lines"]:
            assert list(line["display"]) == detail
            assert amount.match(line["display"]["Jumlah Tagihan"])
    assert statuses == {"Lunas", "Belum Lunas"}


def test_epayment_of_a_multi_sid_account_shows_the_total_like_the_figure_and_nothing_more(
    screens: list[Answer],
) -> None:
    invoices = {b["account_number"]: b for b in answers(screens, "tos.invoice")}
    several = [
        b
        for b in answers(screens, "epayment.inquiry")
        if b["nomor"] in invoices and invoices[b["nomor"]]["line_count"] > 1
    ]
    assert several, "the small world has no billed account with several SIDs"
    for body in several:
        invoice = invoices[body["nomor"]]
        (latest,) = [row for row in body["items"] if row["period"] == invoice["period"]]
        assert latest["amount"] == invoice["total"]
        assert latest["display"]["Jumlah Tagihan"] == f"{invoice['total']:,}"
        assert list(body["display"]) == ["Execution", *figure_header_000()]
        assert set(body) == {
            "display", "nomor", "name", "product", "phone", "internet", "group_id",
            "execution", "execution_seconds", "count", "items",
        }
        text = str(body)
        assert "000:209" not in sop_source.copied_prose(text)
        assert not re.search(r"acuan|lunas/belum|seluruh \d+ SID|total tagihan", text, re.I)


# --- UPoint OTT dashboard ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "header", "summary", "showing"),
    [
        ("upoint.subscriptions", "003:92", "003:86", "003:90"),
        ("upoint.transactions", "003:147", "003:141", "003:145"),
    ],
)
def test_upoint_tables_are_the_figures(
    screens: list[Answer], operation: str, header: str, summary: str, showing: str
) -> None:
    columns = sop_source.cells(header)
    figure_summary = sop_source.line(summary).split(":", 1)[1].replace("*", "").strip()
    shape = re.sub(r"121517209330", "NUMBER", figure_summary)
    bodies = answers(screens, operation)
    for body in bodies:
        assert body["columns"] == columns
        assert list(body["display"]) == ["Hasil untuk pencarian", "Showing", "request time"]
        assert body["display"]["Hasil untuk pencarian"].replace(body["indihome"], "NUMBER") == (
            shape
        )
        assert sop_source.line(showing).split(":")[0].strip() == "Showing"
        assert body["display"]["Showing"] == str(body["count"]) == str(len(body["items"]))
        assert re.fullmatch(r"\d+\.\d+s \| \d+\.\d+s", body["display"]["request time"])
        for row in body["items"]:
            assert list(row["display"]) == columns
    exports = answers(screens, f"{operation}_export")
    for text in exports:
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == columns


def test_upoint_values_have_the_figures_formats(screens: list[Answer]) -> None:
    subscription = dict(zip(sop_source.cells("003:92"), sop_source.cells("003:93"), strict=True))
    transaction = dict(
        zip(sop_source.cells("003:147"), sop_source.cells("003:148"), strict=True)
    )
    for row in rows(answers(screens, "upoint.subscriptions")):
        shown = row["display"]
        for column in ("Price (Rp.)", "Denom (Rp.)", "Start Time"):
            assert sample_format(subscription[column]).match(shown[column]), (column, shown)
        for column in ("End Time", "Last Charge"):
            assert shown[column] == "-" or sample_format(subscription[column]).match(shown[column])
        assert shown["Status"] in ("Active", subscription["Status"])
    for row in rows(answers(screens, "upoint.transactions")):
        shown = row["display"]
        for column in ("Harga", "Harga Prorate", "Trx Time"):
            assert sample_format(transaction[column]).match(shown[column]), (column, shown)
        assert shown["Service"] == shown["Service"].lower()  # '799 - disney' (003:148)
