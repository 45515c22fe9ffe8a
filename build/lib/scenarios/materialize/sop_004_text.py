"""SOP 004 values for expressions (`world.*`) and the persona's answers (`say`), per instance."""

from datetime import timedelta
from typing import Any

from gladi import formats as f
from mocks.dsc.gol import lanjut_available
from scenarios.materialize import sop_004_times as t
from scenarios.materialize.base import Build, Built
from scenarios.materialize.sop_004_answers import ANSWER_NAMES, answers
from seeds import ids
from seeds.rand import between

WORLD_NAMES = (
    "order_status",
    "order_type",
    "package",
    "delivery_type",
    "courier",
    "resi",
    "resi_text",
    "resi_terms",
    "fos_grapari",
    "grapari_phone",
    "payment_method",
    "ordered_at",
    "order_date",
    "status_at",
    "today",
    "search_from",
    "search_to",
    "sla_deadline",
    "picked_up",
    "lanjut_available",
    "dsc_note",
    "dsc_note_key",
    "failure_text",
    "failure_key",
    "proof_terms",
    "proof_text",
    "error_capture",
    "prior_ticket_id",
    "outage_title",
)
SAY_NAMES = (
    "order_date",
    "order_clock",
    "delivery_label",
    "activation_step",
    "status_date",
    "status_clock",
    "received_date",
    "package_issue",
    "payment_amount",
    "prior_ticket_id",
    *ANSWER_NAMES,
)
SEARCH_DAYS = 14
"""004:99: the order search range is 14 days from the order date."""
PRICES = {"Ganti Kartu": 25_000, "Perdana Prabayar": 55_000, "Halo PSB": 100_000}
STEPS = {
    "Halo PSB": "menelepon nomor GraPARI yang ada di resi pengiriman",
    "Perdana Prabayar": "registrasi mandiri lewat SMS ke 4444",
    "Ganti Kartu": "mengaktifkan kartunya",
}
ISSUES = {
    "benefit_missing": "Pesanannya sudah selesai, tapi benefit paketnya belum masuk sama sekali.",
    "bonus_mismatch": "Bonus kuotanya tidak sesuai, yang masuk lebih kecil, sebagian kuota lokal.",
}
CHANNEL_LABELS = {
    "voice": "telepon",
    "chat": "live chat",
    "email": "email",
    "social": "media sosial",
}
NO_RESI = "belum ada|tidak ada|-"


def upcc_note(b: Build, package: str) -> str:
    """Keterangan UPCC the order (and the number's DSC-UPCC) shows."""
    complaint, status = b.facts["complaint"], b.facts["order_status"]
    if complaint == "benefit_missing":
        return f"{package} | Belum ada paket aktif"
    if complaint == "bonus_mismatch":
        until = (f.to_wib(b.sim_now) + timedelta(days=between(b.rng, 20, 29))).strftime("%d-%m-%Y")
        main, local = between(b.rng, 3, 9), between(b.rng, 2, 5)
        return f"{package} aktif | kuota utama {main}GB, kuota lokal {local}GB | s.d. {until}"
    if status == "Completed" or complaint in ("number_unusable", "psb_activation_failed"):
        return f"{package} aktif"
    if status == "Activation Incident":
        return f"{package} gagal diaktifkan"
    return "Belum ada paket aktif"


def prior_kip(b: Build) -> str:
    """The KIP of an earlier ticket on the same GOL complaint."""
    if b.facts["complaint"] == "psb_activation_failed":
        return "k11-aktivasi-psb-gagal"
    if b.facts["order_status"] == "Activation Incident":
        return "k84-activation-incident"
    return "k84-delivery-incident"


def missing_order_id(b: Build, ordered: Any) -> str:
    """The order ID a customer holds that DSC does not know (none for ordering problems)."""
    if b.facts["complaint"] != "order_id_not_found":
        return ""
    return b.claims.unique(
        ids.gol_order_id(b.rng, ordered),
        lambda rng: ids.gol_order_id(rng, ordered),
        b.claims.taken_in("gol_order", "order_id"),
    )


def _failure(b: Build) -> tuple[str, str]:
    """(what the customer sees, the part a ticket must carry)."""
    if b.facts["complaint"] == "psb_activation_failed":
        code = f"PSB-{between(b.rng, 400, 499)}"
        return f"Aktivasi PSB gagal, kode error {code}", code
    if b.facts["order_status"] == "Activation Incident":
        code = f"ACT-{between(b.rng, 500, 599)}"
        if not b.facts["number_queryable"]:
            return f"Nomor tidak dapat diproses ({code})", code
        return f"Aktivasi paket gagal ({code})", code
    return "Tidak ada pesan error apa-apa, kak.", "pesan"


def _notes(b: Build, order: dict[str, Any], customer_order_id: str) -> tuple[str, str]:
    complaint = b.facts["complaint"]
    if complaint == "order_id_not_found":
        return f"Order ID {customer_order_id} tidak ditemukan di DSC", "tidak ditemukan"
    if complaint in ("photo_upload", "kelurahan_missing"):
        return "Belum ada order", "belum ada order"
    return order["upcc_note"], order["upcc_note"]


def fill(b: Build, built: Built, order: dict[str, Any]) -> None:
    """Every world and say value of the instance (the order may be one the customer only meant)."""
    ordered, status_at = order["ordered_at"], order["status_at"]
    day, today = t.wib_day(ordered), t.wib_day(b.sim_now)
    resi = order["resi"]
    failure_text, failure_key = _failure(b)
    note, note_key = _notes(b, order, built.customer["order_id"])
    voice = b.facts["channel"] == "voice"
    built.world.update(
        order_status=order["status"],
        order_type=order["order_type"],
        package=order["package"],
        delivery_type=order["delivery_type"],
        courier=order["courier"],
        resi=resi or "",
        resi_text=resi or "Belum ada resi",
        resi_terms=[resi] if resi else [NO_RESI],
        fos_grapari=order["fos_grapari"],
        grapari_phone=order["grapari_phone"],
        payment_method=order["payment_method"],
        ordered_at=f.to_wib(ordered).isoformat(),
        order_date=day.isoformat(),
        status_at=f.to_wib(status_at).isoformat(),
        today=today.isoformat(),
        search_from=day.isoformat(),
        search_to=min(day + timedelta(days=SEARCH_DAYS - 1), today).isoformat(),
        sla_deadline=f.to_wib(t.sla_deadline(ordered, order["delivery_type"])).isoformat(),
        picked_up=bool(order["picked_up"]),
        lanjut_available=lanjut_available(order["status"], order["picked_up"]),
        dsc_note=note,
        dsc_note_key=note_key,
        failure_text=failure_text,
        failure_key=failure_key,
        proof_terms=["email"] if voice else ["capture|bukti|lampir|screenshot"],
        proof_text="Pelanggan diarahkan kirim bukti bayar ke email cs@telkomsel.com"
        if voice
        else "Capture bukti bayar dari pelanggan terlampir",
        error_capture=f"Capture error dari pelanggan via {CHANNEL_LABELS[b.facts['channel']]}",
    )
    received = max(ordered + timedelta(days=1), b.sim_now - timedelta(days=1))
    built.say.update(
        order_date=f.long_date(ordered),
        order_clock=f.to_wib(ordered).strftime("%H.%M"),
        delivery_label=order["delivery_type"].lower(),
        activation_step=STEPS[order["order_type"]],
        status_date=f.long_date(status_at),
        status_clock=f.to_wib(status_at).strftime("%H.%M"),
        received_date=f.long_date(received),
        package_issue=ISSUES.get(b.facts["complaint"], ""),
        payment_amount=f.rupiah(PRICES[order["order_type"]]),
    )
    values = {**built.customer, **built.world, **built.say}
    built.say.update(answers(b, values, order["payment_status"]))


def found_by_email(b: Build, built: Built) -> bool:
    """Whether an order of the customer's e-mail lies in the key's 14-day search range."""
    start, end = built.world["search_from"], built.world["search_to"]
    return any(
        r["email"] == built.customer["email"]
        and start <= t.wib_day(r["ordered_at"]).isoformat() <= end
        for r in built.rows.get("gol_order", [])
    )
