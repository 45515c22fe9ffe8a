"""The TOS invoice as a PDF (fpdf2), laid out like the TiBS report in SOP 000.

Rendered from the same `InvoiceReport` the JSON screen returns, with its display strings, so
both always show the same values. Core font Helvetica (latin-1 only); content streams are left
uncompressed so the text stays searchable (and testable) in the bytes.
"""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from mocks.tos.models import InvoiceLineRow, InvoiceReport, ProductGroup
from mocks.tos.queries import HEADER_LABELS, amount_text

FONT = "Helvetica"
MARGIN = 12.0
ROW_H = 5.5
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("No.", 9, "C"),
    ("DESCRIPTION", 81, "L"),
    ("ID", 33, "L"),
    ("BW", 19, "C"),
    ("PERIOD", 16, "C"),
    ("AMOUNT (Rp)", 28, "R"),
)
TABLE_WIDTH = sum(width for _, width, _ in COLUMNS)
_PUNCTUATION = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def latin1(text: str) -> str:
    """Text the core fonts can draw: typographic punctuation made plain, the rest as '?'."""
    return text.translate(_PUNCTUATION).encode("latin-1", "replace").decode("latin-1")


class InvoicePdf(FPDF):
    """An A4 invoice whose page header (title, company, account, month) repeats on every page."""

    def __init__(self, report: InvoiceReport) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_compression(False)
        self.alias_nb_pages()
        self.set_title(latin1(f"Invoice {report.invoice_number} {report.account_number}"))
        self.set_author("TOS (TiBS Operational Support)")

    def text_cell(
        self, w: float, text: str, align: str = "L", style: str = "", **kw: object
    ) -> None:
        """One cell of text cut to its width, in `style` (B, I or '')."""
        self.set_font(FONT, style, self.font_size_pt)
        room = w or self.w - self.r_margin - self.x
        self.cell(w, ROW_H, fit(self, latin1(text), room), align=align, **kw)  # type: ignore[arg-type]

    def header(self) -> None:
        """Title, company and the invoice's identity on every page."""
        r = self.report
        self.set_font(FONT, "B", 11)
        self.cell(
            0, 6, "RINCIAN BIAYA PENGGUNAAN TELKOM Solution", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_font(FONT, "I", 9)
        self.cell(0, 5, "TELKOM Solution DETAIL USAGE", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "B", 10)
        self.cell(120, 6, latin1(r.company))
        self.set_font(FONT, "", 8)
        self.cell(0, 6, f"Account {r.account_number} | {r.billing_month}", align="R")
        self.ln(7)
        self.line(MARGIN, self.get_y(), self.w - MARGIN, self.get_y())
        self.ln(2)

    def footer(self) -> None:
        """Page number and invoice number."""
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.cell(100, 5, f"Nomor Tagihan {self.report.invoice_number}")
        self.cell(0, 5, f"Halaman {self.page_no()} / {{nb}}", align="R")


def fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut (with '..') so it fits in a cell of `width` mm."""
    room = width - 2 * pdf.c_margin
    if pdf.get_string_width(text) <= room:
        return text
    while text and pdf.get_string_width(text + "..") > room:
        text = text[:-1]
    return text.rstrip() + ".."


def _fields(pdf: InvoicePdf) -> None:
    """The header fields with the JSON screen's labels and values, in figure order."""
    pdf.set_font(FONT, "", 9)
    for label in HEADER_LABELS:
        pdf.text_cell(66, label)
        pdf.text_cell(0, f": {pdf.report.display[label]}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _table_head(pdf: InvoicePdf) -> None:
    pdf.set_fill_color(225, 225, 225)
    pdf.set_font(FONT, "B", 8)
    for title, width, align in COLUMNS:
        pdf.text_cell(width, title, align=align, style="B", border=1, fill=True)
    pdf.ln(ROW_H)


def _line(pdf: InvoicePdf, line: InvoiceLineRow) -> None:
    pdf.set_font(FONT, "", 8)
    for title, width, align in COLUMNS:
        pdf.text_cell(width, line.display[title], align=align, border="LR")
    pdf.ln(ROW_H)


def _group(pdf: InvoicePdf, group: ProductGroup) -> None:
    """`* <group>`, its table (head repeated after a page break) and its `Sub.` row."""
    if pdf.will_page_break(ROW_H * 4):
        pdf.add_page()
    pdf.set_font(FONT, "B", 9)
    pdf.text_cell(0, f"* {group.name}", style="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _table_head(pdf)
    for line in group.lines:
        if pdf.will_page_break(ROW_H):
            pdf.line(MARGIN, pdf.get_y(), MARGIN + TABLE_WIDTH, pdf.get_y())
            pdf.add_page()
            pdf.text_cell(0, f"* {group.name} (lanjutan)", style="B")
            pdf.ln(ROW_H)
            _table_head(pdf)
        _line(pdf, line)
    if pdf.will_page_break(ROW_H):
        pdf.add_page()
    label_width = TABLE_WIDTH - COLUMNS[-1][1]
    pdf.text_cell(label_width, group.subtotal_label, style="B", border=1)
    pdf.text_cell(COLUMNS[-1][1], amount_text(group.subtotal), align="R", style="B", border=1)
    pdf.ln(ROW_H + 3)


def render_invoice(report: InvoiceReport) -> bytes:
    """The invoice of `report` as PDF bytes."""
    pdf = InvoicePdf(report)
    pdf.add_page()
    _fields(pdf)
    for group in report.groups:
        _group(pdf, group)
    if pdf.will_page_break(ROW_H * 2):
        pdf.add_page()
    pdf.set_font(FONT, "B", 10)
    label_width = TABLE_WIDTH - COLUMNS[-1][1]
    pdf.text_cell(label_width, "Total Tagihan", style="B", border="TB")
    pdf.text_cell(COLUMNS[-1][1], amount_text(report.total), align="R", style="B", border="TB")
    return bytes(pdf.output())
