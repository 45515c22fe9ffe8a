"""Support rows: outage notices, past interactions and past tickets."""

from collections.abc import Mapping
from datetime import datetime, timedelta
from random import Random
from typing import Any

from gladi.formats import wib_datetime
from seeds import ids, vocab
from seeds.builders.rows import Row, finish
from seeds.pools import Pools
from seeds.rand import ago, between, pick

SERVICE_LABELS = {
    "VOICE": "layanan panggilan suara", "SMS": "layanan SMS", "DATA": "layanan data/internet",
    "SEMUA": "seluruh layanan seluler", "INDIHOME": "layanan IndiHome",
}
CAUSES = (
    "pemeliharaan perangkat jaringan", "gangguan catu daya PLN", "kabel fiber optik terputus",
    "cuaca buruk", "perbaikan perangkat BTS",
)
NOTES: Mapping[str, tuple[str, ...]] = {
    "payment": (
        "Pelanggan menanyakan status pembayaran tagihan KartuHalo",
        "Pelanggan sudah membayar tagihan namun nomor belum bisa digunakan",
        "Pelanggan meminta informasi jumlah tagihan bulan ini",
    ),
    "recharge": (
        "Pelanggan isi ulang pulsa namun pulsa belum bertambah",
        "Pelanggan menanyakan sisa pulsa dan masa aktif",
        "Pelanggan menanyakan cara cek serial voucher",
    ),
    "ott": (
        "Pelanggan menanyakan tagihan INTERNET CONTENT pada tagihan IndiHome",
        "Pelanggan meminta berhenti berlangganan OTT",
    ),
    "gol": (
        "Pelanggan menanyakan status pesanan GraPARI Online",
        "Pelanggan menanyakan resi pengiriman kartu",
    ),
    "enterprise": (
        "PIC pelanggan menanyakan invoice layanan",
        "PIC pelanggan tidak dapat membayar tagihan jastel",
    ),
    "general": (
        "Pelanggan menanyakan promo paket internet",
        "Pelanggan mengeluhkan sinyal lemah di rumah",
        "Pelanggan meminta informasi lokasi GraPARI terdekat",
    ),
}
CATEGORIES = ("Informasi", "Keluhan", "Permintaan")


def build_outage(
    rng: Random, pools: Pools, *, area: str | None = None, service: str | None = None,
    active: bool | None = None, **overrides: Any,
) -> Row:
    """A mass outage notice with the standard answer agents read out (active now or past)."""
    area = area or pick(rng, pools.cities).name
    service = service or pick(rng, vocab.OUTAGE_SERVICES)
    active = rng.random() < 0.3 if active is None else active
    started = ago(rng, 1.5, 0.05) if active else ago(rng, 60, 3)
    end = started + timedelta(hours=between(rng, 6, 48) if active else between(rng, 2, 30))
    label = SERVICE_LABELS.get(service, "layanan")
    row = {
        "area": area, "service": service, "title": f"Gangguan {label} di {area}",
        "started_at": started, "expected_end": end,
        "standard_answer": (
            f"Mohon maaf atas ketidaknyamanan Bapak/Ibu. Saat ini sedang terjadi gangguan {label}"
            f" di wilayah {area} akibat {pick(rng, CAUSES)}. Tim teknis kami sedang melakukan "
            f"perbaikan dengan estimasi selesai {wib_datetime(end)} WIB. Mohon dicoba kembali "
            "secara berkala."
        ),
        "episode_id": None,
    }
    return finish("outage_notice", row, overrides)


def build_interaction(
    rng: Random, pools: Pools, *, number: str, topic: str = "general",
    at: datetime | None = None, **overrides: Any,
) -> Row:
    """A past contact about `number`; `topic` picks the note (payment, recharge, ott ...)."""
    row = {
        "number": number, "at": at or ago(rng, 120),
        "channel": pick(rng, vocab.INTERACTION_CHANNELS),
        "category": pick(rng, CATEGORIES), "note": pick(rng, NOTES[topic]), "episode_id": None,
    }
    return finish("interaction", row, overrides)


def _summary(kip: str) -> str:
    """The complaint in a few words, from the desk's KIP label (or the label given)."""
    from mocks.tickets.catalog import CATALOG

    return CATALOG.kip_label(kip).split("-")[-1].strip().capitalize()


def build_ticket(
    rng: Random, pools: Pools, *, number: str, kip: str, ticket_id: str | None = None,
    ticket_type: str = "IN", fields: Mapping[str, str] | None = None, **overrides: Any,
) -> Row:
    """A past ticket about `number` with its KIP; `ticket_type` NN = non numbering (IMES)."""
    ticket_id = ticket_id or ids.ticket_id(rng, ticket_type)
    created = ago(rng, 90, 1)
    row = {
        "ticket_id": ticket_id, "ticket_type": ticket_id[:2], "number": number,
        "created_at": created, "kip": kip, "escalation": vocab.ESCALATION_BY_KIP.get(kip),
        "status": pick(rng, ("Closed",) * 6 + ("In Progress", "Open")),
        "customer_class": None, "description": _summary(kip),
        "fields": dict(fields or {}), "episode_id": None,
    }
    return finish("ticket", row, overrides)
