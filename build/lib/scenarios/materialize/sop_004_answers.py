"""SOP 004: the customer's answers to the state-dependent questions, worded per instance.

Each answer gives the question's fact when the question belongs to the case (e.g. whether the
parcel arrived, for a Delivery Incident) and otherwise what this customer would truthfully say
about their order (no card to activate before delivery, nothing paid while in verification).
"""

from typing import Any

from scenarios.materialize.base import Build

ANSWER_NAMES = (
    "ans_activation",
    "ans_card_activation",
    "ans_parcel",
    "ans_grapari",
    "ans_failure",
    "ans_package",
    "ans_payment",
    "ans_pin",
)
NOT_SENT = ("Pending Verification", "Pending Payment", "Pending Perso", "Delivery Init")
HAS_CARD = ("Completed", "Activation In Progress", "Activation Incident")
NO_ORDER = ("photo_upload", "kelurahan_missing", "order_id_not_found")


def _has_card(b: Build) -> bool:
    facts = b.facts
    if facts["complaint"] in NO_ORDER:
        return False
    if facts["order_status"] == "Delivery Incident":
        return bool(facts["parcel_received"])
    return facts["order_status"] in HAS_CARD


def _parcel(b: Build) -> str:
    facts = b.facts
    if facts["complaint"] in NO_ORDER:
        return "Belum ada pesanan yang dikirim ke saya, kak."
    status = facts["order_status"]
    if status == "Delivery Incident":
        if facts["parcel_received"]:
            return "Sudah, kartunya sudah saya terima dari kurir, tapi belum bisa diaktifkan."
        return "Belum, sampai sekarang paketnya belum sampai ke alamat saya."
    if status in NOT_SENT or status == "Cancelled SLA":
        return "Belum, pesanannya saja belum dikirim."
    if status == "Delivery In Progress":
        return "Belum, sampai sekarang paketnya belum sampai ke alamat saya."
    return "Sudah, kartunya sudah saya terima."


def _activation(b: Build, v: dict[str, Any]) -> str:
    if not _has_card(b):
        return "Kartunya saja belum saya terima, jadi belum ada yang bisa saya aktifkan."
    waiting = b.facts["order_status"] == "Completed" and b.facts["complaint"] == "order_status"
    if b.facts["activation_steps_done"] and not waiting:
        return (
            f"Sudah, saya sudah {v['activation_step']} tanggal {v['status_date']} jam "
            f"{v['status_clock']}, tapi sampai sekarang belum aktif."
        )
    return f"Belum, saya belum {v['activation_step']}. Memangnya harus begitu?"


def _card_activation(b: Build) -> str:
    if not _has_card(b):
        return "Kartunya belum saya terima, kak."
    if b.facts["order_type"] != "Ganti Kartu":
        return "Belum, saya tidak tahu soal link itu."
    if b.facts["card_activation_trouble"]:
        return "Sudah saya coba di tsel.me/aktifkankartu, tapi gagal terus, muncul tulisan gagal."
    return "Belum, saya belum tahu harus diaktifkan lewat mana."


def _grapari(b: Build, v: dict[str, Any]) -> str:
    if b.facts["complaint"] != "psb_web_submit":
        return "Belum, saya belum menghubungi GraPARI."
    if b.facts["grapari_contacted"]:
        return (
            f"Sudah, saya sudah telepon {v['fos_grapari']}, katanya mereka tidak bisa klik "
            "aktivasi order saya."
        )
    return f"Belum bisa, nomor {v['fos_grapari']} saya telepon berkali-kali tidak diangkat."


def _payment(b: Build, v: dict[str, Any], payment_status: str) -> str:
    facts = b.facts
    method, amount = v["payment_method"], v["payment_amount"]
    if facts["complaint"] == "payment_error":
        if payment_status == "Paid":
            return f"Sudah, saya sudah bayar {amount} lewat {method} dan berhasil, saldo terpotong."
        if facts["balance_deducted"]:
            return f"Sudah, saldo {method} saya sudah terpotong {amount}, tapi katanya gagal."
        return f"Tidak, saldo {method} saya masih utuh, cuma muncul tulisan pembayaran gagal."
    if facts["complaint"] in NO_ORDER:
        return "Belum ada yang saya bayar, kak."
    if facts["order_status"] == "Pending Verification":
        return "Belum, di aplikasinya belum bisa bayar."
    if payment_status != "Paid":
        return "Belum, saya belum bayar."
    return f"Sudah, pembayarannya lewat {method} sebesar {amount} lancar."


def _pin(b: Build, v: dict[str, Any]) -> str:
    if b.facts["complaint"] == "kelurahan_missing" and not b.facts["pin_correct"]:
        return "Hmm, PIN-nya tadi saya taruh asal saja, sepertinya tidak di rumah saya."
    return f"Sudah pas kok, PIN-nya tepat di rumah saya di {v['location']}."


def answers(b: Build, v: dict[str, Any], payment_status: str) -> dict[str, str]:
    """Every `ans_*` say value; `v` holds the instance's other world, say and customer values."""
    failure = v["failure_text"]
    package = f"Paket {v['package']}. {v['package_issue']}".strip()
    return {
        "ans_activation": _activation(b, v),
        "ans_card_activation": _card_activation(b),
        "ans_parcel": _parcel(b),
        "ans_grapari": _grapari(b, v),
        "ans_failure": f'Muncul tulisan "{failure}".' if v["failure_key"] != "pesan" else failure,
        "ans_package": package,
        "ans_payment": _payment(b, v, payment_status),
        "ans_pin": _pin(b, v),
    }
