"""World rows -> DSC screen records: raw values plus the dashboard's Indonesian labels."""

from functools import lru_cache

from sqlalchemy import RowMapping

from gladi import formats as f
from mocks.dsc.models import CallDetailRow, FaPaymentRow, HlrRow, Profile, RechargeRow

Row = RowMapping
# Babel formatting costs more than the lookup itself; amounts and dates repeat a lot.
_rupiah = lru_cache(maxsize=8192, typed=True)(f.rupiah)
_long_date = lru_cache(maxsize=8192, typed=True)(f.long_date)
POSTPAID_BRANDS = frozenset({"KartuHalo"})


def yes_no(value: bool, yes: str, no: str) -> str:
    """One of two screen texts."""
    return yes if value else no


def profile(row: Row) -> Profile:
    """Profil MSISDN as the customer dashboard shows it."""
    prepaid = row["brand"] not in POSTPAID_BRANDS
    aging = f"{row['aging_days']} hari" if row["aging_days"] else "-"
    display = {
        "MSISDN": row["msisdn"],
        "Nama Pelanggan": row["name"],
        "Jenis Kartu": row["brand"],
        "Tipe Layanan": yes_no(prepaid, "Prabayar", "Pascabayar"),
        "Kelas Pelanggan": row["customer_class"],
        "Status": row["dsc_status"],
        "Aging": aging,
        "Sisa Pulsa": _rupiah(row["balance"]) if prepaid else "-",
        "Tanggal Aktivasi": _long_date(row["activation_date"]),
        "Lokasi": row["location"],
        "CP Lain": row["alt_contact"],
    }
    return Profile(
        msisdn=row["msisdn"],
        name=row["name"],
        brand=row["brand"],
        prepaid=prepaid,
        customer_class=row["customer_class"],
        dsc_status=row["dsc_status"],
        aging_days=row["aging_days"],
        balance=row["balance"],
        activation_date=row["activation_date"],
        location=row["location"],
        alt_contact=row["alt_contact"],
        display=display,
    )


def fa_row(row: Row) -> FaPaymentRow:
    """One FA payment: when, where, how much, and whether the ledger has it.

    Whether the customer got a payment notification is not here: SOP 001 asks the customer
    (001:22).
    """
    display = {
        "Tanggal Bayar": f.wib_datetime(row["paid_at"]),
        "Channel Pembayaran": row["channel"],
        "Jumlah": _rupiah(row["amount"]),
        "No. Referensi": row["reference"],
        "Status Ledger": yes_no(
            row["posted_to_ledger"], "Sudah masuk ledger", "Belum masuk ledger"
        ),
    }
    return FaPaymentRow(
        paid_at=f.to_wib(row["paid_at"]),
        channel=row["channel"],
        amount=row["amount"],
        reference=row["reference"],
        posted_to_ledger=row["posted_to_ledger"],
        display=display,
    )


def hlr_row(row: Row) -> HlrRow:
    """One HLR service line."""
    display = {
        "Layanan": row["service"],
        "Status": row["state"],
        "Keterangan Blokir": row["block_reason"] or "-",
        "Update Terakhir": f.wib_datetime(row["updated_at"]),
    }
    return HlrRow(
        service=row["service"],
        state=row["state"],
        block_reason=row["block_reason"],
        updated_at=f.to_wib(row["updated_at"]),
        display=display,
    )


def recharge_row(row: Row) -> RechargeRow:
    """One recharge: time, nominal, channel, serial or transaction id, status."""
    display = {
        "Waktu": f.wib_datetime(row["recharged_at"]),
        "Nominal": _rupiah(row["nominal"]),
        "Channel": row["channel"],
        "Serial / ID Transaksi": row["serial"] or row["transaction_id"] or "-",
        "Status": row["indira_status"],
    }
    return RechargeRow(
        recharged_at=f.to_wib(row["recharged_at"]),
        nominal=row["nominal"],
        channel=row["channel"],
        serial=row["serial"],
        transaction_id=row["transaction_id"],
        status=row["indira_status"],
        display=display,
    )


def call_detail_row(row: Row) -> CallDetailRow:
    """One usage line of Panggilan Detail."""
    display = {
        "Waktu": f.wib_datetime(row["at"]),
        "Jenis": row["kind"],
        "Tujuan": row["destination"],
        "Durasi/Volume": row["quantity"],
        "Biaya": _rupiah(row["charge"]),
        "Sisa Pulsa": _rupiah(row["balance_after"]),
    }
    return CallDetailRow(
        at=f.to_wib(row["at"]),
        kind=row["kind"],
        destination=row["destination"],
        quantity=row["quantity"],
        charge=row["charge"],
        balance_after=row["balance_after"],
        display=display,
    )
