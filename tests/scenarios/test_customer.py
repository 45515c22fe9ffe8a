"""The simulated customer: matching questions in Indonesian and English, facts only when asked."""

import json

import pytest
from sqlalchemy import Engine

from scenarios import engine
from scenarios.library import Library
from tests.scenarios.helpers import make_instance

PARAPHRASES = {
    "payment": [
        "Kapan Bapak melakukan pembayaran?",
        "bayarnya lewat apa ya pak",
        "What date did you make the payment?",
        "How did you pay the bill?",
        "Pembayaran dilakukan tanggal berapa dan di mana?",
    ],
    "services": [
        "Yang tidak bisa dipakai apa saja?",
        "Which services are not working?",
        "Layanan mana yang bermasalah: telepon, sms atau internet?",
        "Can you still make calls or use data?",
    ],
    "notification": [
        "Sudah dapat SMS konfirmasi belum?",
        "Did you get any confirmation message?",
        "Did you get a notifcation of the payment?",
        "ada notifikasi pembayaran?",
    ],
    "prior_complaint": ["Sebelumnya pernah lapor?", "Have you complained about this before?"],
    "alt_contact": ["Do you have another number?", "Ada nomor lain yang bisa dihubungi?"],
    "location": ["Where are you now?", "Lokasi Bapak di mana?"],
}
UNKNOWN = ["Apa warna favorit Anda?", "berapa umur anda", "What is the weather like?", "???", ""]


@pytest.fixture
def customer(library: Library, mem_engine: Engine) -> dict:
    return make_instance(
        library, mem_engine, "sop001-unpaid-no-notification", persona="cooperative"
    ).customer


@pytest.mark.parametrize("question_id", sorted(PARAPHRASES))
def test_paraphrases_in_both_languages_match(customer: dict, question_id: str) -> None:
    for text in PARAPHRASES[question_id]:
        assert engine.answer(customer, text)[0] == question_id, text


def test_sop_texts_and_ids_match_exactly(library: Library, customer: dict) -> None:
    for question in library.sops["sop-001"].questions:
        assert engine.answer(customer, question.id)[0] == question.id
        assert engine.answer(customer, question.text)[0] == question.id
        assert engine.answer(customer, question.text_en)[0] == question.id


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_questions_get_an_in_character_clarification(customer: dict, text: str) -> None:
    question_id, reply = engine.answer(customer, text)
    assert question_id is None
    assert reply == customer["clarify"] and "maksud" in reply.lower()


def test_answers_reveal_the_instance_facts(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-notified")
    ids = instance.customer["summary"]["identifiers"]
    assert engine.answer(instance.customer, "msisdn")[1] == f"Nomor saya {ids['msisdn']}."
    assert engine.answer(instance.customer, "notification")[1].startswith("Sudah")
    reply = engine.answer(instance.customer, "payment")[1]
    assert instance.facts["payment_channel"] in reply


def test_persona_override_and_unknown_answers(library: Library, mem_engine: Engine) -> None:
    customer = make_instance(
        library, mem_engine, "sop001-unpaid-no-notification", persona="cooperative"
    ).customer
    assert "SMS dari Telkomsel sih belum ada" in engine.answer(customer, "notification")[1]


@pytest.mark.parametrize("temperament", ["cooperative", "vague", "impatient"])
def test_temperament_changes_wording_not_facts(
    library: Library, mem_engine: Engine, temperament: str
) -> None:
    customer = make_instance(
        library, mem_engine, "sop001-paid-blocked", persona=temperament
    ).customer
    reply = engine.answer(customer, "services")[1]
    assert "internet" in reply.lower()
    if temperament == "vague":
        assert any(h in reply for h in ("kurang yakin", "Kira-kira", "Sepertinya", "lupa"))
    if temperament == "impatient":
        assert any(h in reply for h in ("cepat", "buru-buru", "lama"))
    assert customer["temperament"] == temperament


def test_customer_state_is_json_and_self_contained(library: Library, mem_engine: Engine) -> None:
    customer = make_instance(library, mem_engine, "sop001-aging").customer
    restored = json.loads(json.dumps(customer))
    assert engine.answer(restored, "Kapan bayar?") == engine.answer(customer, "Kapan bayar?")
