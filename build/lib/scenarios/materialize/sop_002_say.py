"""SOP 002 texts: how the customer names the channel, the serial, the proof and what appeared,
and how a perfect ticket writes the channel, the time and the proof (with the terms it must hold).
"""

from datetime import datetime

from babel.dates import format_date

from gladi import formats as f

MKIOS, MODERN, BANK = "mkios", "modern_channel", "bank"
MYTSEL, APP = "fintech_mytelkomsel", "fintech_app"
GROUPS = (MKIOS, MODERN, BANK, MYTSEL, APP)
MODERN_CHANNELS = ("Alfamart", "Indomaret", "PT Pos Indonesia", "Pegadaian")
KIND_LABEL = {
    MKIOS: "Non Fintech",
    MODERN: "Non Fintech (Modern Channel)",
    BANK: "Non Fintech (Bank, mobile banking)",
    MYTSEL: "Fintech di aplikasi MyTelkomsel",
    APP: "Aplikasi eCommerce/Fintech",
}
CHANNEL_TERMS = {
    "Mkios": "mkios|m kios",
    "PT Pos Indonesia": "pos indonesia|kantor pos|pt pos",
}
FAILURE = {
    MKIOS: "Penjualnya bilang transaksinya sukses, tapi saya tidak dapat SMS penambahan pulsa.",
    MODERN: "Struk dari kasir tertulis transaksi berhasil, tapi tidak ada SMS pulsa masuk.",
    BANK: "Di mobile banking muncul transaksi berhasil dan saldo terpotong, tapi pulsa tetap.",
    MYTSEL: "Di MyTelkomsel muncul pembayaran berhasil, saldo {name} terpotong, pulsa belum masuk.",
    APP: "Di aplikasi {name} pesanannya berhasil dan saldo terpotong, tapi pulsa belum masuk.",
}
PROOF = {
    MKIOS: "Penjualnya cuma kirim SMS konfirmasi transaksi, itu masih saya simpan.",
    MODERN: "Ada, struk dari kasirnya masih saya simpan.",
    BANK: "Ada, bukti transaksi di mobile banking, dan mutasi rekeningnya bisa saya cetak.",
    MYTSEL: "Ada, screenshot riwayat pembayaran dan potongan saldo {name} sudah saya simpan.",
    APP: "Ada, screenshot pesanan dan potongan saldonya di aplikasi {name} sudah saya simpan.",
}


def group_of(channel: str, kind: str) -> str:
    """The SOP's channel group of an Indira channel name and its kind (vocab.CHANNEL_KINDS)."""
    if kind != "non_fintech":
        return MYTSEL if kind == MYTSEL else APP
    if channel == "Mkios":
        return MKIOS
    return BANK if channel.startswith("Bank ") else MODERN


def spoken_name(channel: str) -> str:
    """How the customer names the channel: `GoPay (MyTelkomsel)` -> `GoPay`, `Mkios` -> `MKios`."""
    return "MKios" if channel == "Mkios" else channel.removesuffix(" (MyTelkomsel)")


def channel_terms(channel: str, group: str) -> list[str]:
    """What the ticket's channel field must name (alternatives split by `|`)."""
    name = spoken_name(channel)
    term = CHANNEL_TERMS.get(channel, name.removeprefix("Bank ").lower())
    return [term, "mytelkomsel|mytsel|my telkomsel"] if group == MYTSEL else [term]


def channel_label(channel: str, group: str) -> str:
    """The channel as a perfect ticket writes it: `Non Fintech (Modern Channel) - Alfamart`."""
    return f"{KIND_LABEL[group]} - {spoken_name(channel)}"


def failure_notice(group: str, channel: str) -> str:
    """What the customer saw when the credit did not arrive."""
    return FAILURE[group].format(name=spoken_name(channel))


def proof_answer(group: str, channel: str, serial_given: str) -> str:
    """The customer's answer about a capture of the receipt."""
    if serial_given == "none" and group in (MKIOS, MODERN, BANK):
        return "Buktinya sudah tidak ada kak, sudah hilang."
    return PROOF[group].format(name=spoken_name(channel))


def subject_terms(msisdn: str) -> str:
    """The e-mail subject `Bukti <MSISDN>` (002:76), in local or 62 form."""
    return f"bukti {msisdn}|bukti 62{msisdn[1:]}"


def proof(group: str, channel: str, msisdn: str) -> tuple[list[str], str]:
    """(terms the ticket's proof field must hold, what a perfect ticket writes).

    Bank: receipt and savings-book print-out to cs@telkomsel.com, subject `Bukti <MSISDN>`
    (002:76, 002:87). Fintech and apps: the capture of the deduction, same subject (002:89).
    Mkios and modern channel: the purchase receipt (002:22).
    """
    name = spoken_name(channel)
    if group == BANK:
        terms = ["cs@telkomsel.com", subject_terms(msisdn), "struk", "buku tabungan|mutasi"]
        label = (
            f"Struk transaksi {name} dan print out buku tabungan/mutasi rekening dikirim ke "
            f"cs@telkomsel.com dengan subject Bukti {msisdn}"
        )
        return terms, label
    if group in (MYTSEL, APP):
        label = (
            f"Capture bukti pemotongan saldo {name} dikirim ke cs@telkomsel.com dengan subject "
            f"Bukti {msisdn}"
        )
        return [subject_terms(msisdn)], label
    return ["struk|sms|bukti"], f"Capture struk/bukti pembelian dari {name}"


WHERE = {
    MKIOS: "SMS dari konternya",
    MODERN: "struknya",
    BANK: "bukti transaksi mobile banking",
    APP: "aplikasi {name}",
}
LOST = {
    MKIOS: "Waduh, SMS dari konternya sudah terhapus, saya tidak punya serialnya.",
    MODERN: "Waduh, struknya sudah saya buang dan SMS-nya terhapus, saya tidak punya serialnya.",
    BANK: "Bukti transaksinya tidak saya simpan, jadi serialnya saya tidak punya.",
    APP: "Di aplikasi {name} tidak ada nomor serial sama sekali, cuma tulisan berhasil.",
}


def serial_answer(group: str, channel: str, serial_given: str, said: str) -> str:
    """The customer's answer about the serial (or the MyTelkomsel transaction id)."""
    name = spoken_name(channel)
    if group == MYTSEL:
        return f"Nomor ID transaksinya {said}, saya lihat di riwayat transaksi MyTelkomsel."
    where = WHERE[group].format(name=name)
    if serial_given == "valid":
        return f"Di {where} tertulis serial number {said}."
    if serial_given == "malformed" and group == APP:
        return f"Di {where} cuma ada nomor pesanan {said}, serial lain tidak ada."
    if serial_given == "malformed":
        return f"Di {where} tertulis SN {said}."
    return LOST[group].format(name=name)


def incident(moment: datetime) -> tuple[list[str], str]:
    """(date and minute terms an incident-time field must hold, what a perfect ticket writes)."""
    wib = f.to_wib(moment)
    d, m, y = wib.day, wib.month, wib.year
    long = f.long_date(wib).lower()
    short = format_date(wib.date(), "d MMM yyyy", locale=f.LOCALE).lower()
    # Alternatives are matched as substrings of the normalised field, so an unpadded day or hour
    # below 10 would also match 1x/2x; episodes put the recharge at 10:00 or later, day >= 10.
    dates = [f"{y} {m:02d} {d:02d}", f"{d:02d} {m:02d} {y}", f"{d} {m} {y}", long, short]
    clock = f"{wib.hour:02d} {wib.minute:02d}|{wib.hour} {wib.minute:02d}"
    day = format_date(wib.date(), "EEEE", locale=f.LOCALE)
    label = f"{day}, {f.long_date(wib)} pukul {wib:%H:%M} WIB"
    return ["|".join(dict.fromkeys(dates)), clock], label
