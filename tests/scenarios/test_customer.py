"""The simulated customer: what it understands, what it says in each temperament, what the trace
records (the grader's contract), and that it remembers what it already said."""

import json

import pytest
from sqlalchemy import Engine

from scenarios import engine, persona
from scenarios.library import Library
from tests.scenarios.helpers import make_instance

UNKNOWN = ["Apa warna favorit Anda?", "berapa umur anda", "What is the weather like?", "???"]


@pytest.fixture
def customer(library: Library, mem_engine: Engine) -> dict:
    return make_instance(
        library, mem_engine, "sop001-unpaid-no-notification", persona="cooperative"
    ).customer


def asked(customer: dict, *messages: str) -> list[dict]:
    """The ask events of putting the messages in order (each sees the ones before)."""
    events: list[dict] = []
    for message in messages:
        detail = engine.reply(customer, message, events).detail()
        events.append({"kind": "ask", "params": {"question": message}, "detail": detail})
    return events


@pytest.mark.parametrize("sop_id", ["sop-000", "sop-001", "sop-002", "sop-003", "sop-004"])
def test_every_sop_question_is_understood_by_id_and_by_its_own_texts(
    library: Library, sop_id: str
) -> None:
    state = engine.probe_state(library.sops[sop_id])
    for question in library.sops[sop_id].questions:
        for text in (question.id, question.text, question.text_en):
            assert engine.reply(state, text).question_ids == (question.id,), text


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown_questions_get_an_in_character_clarification(customer: dict, text: str) -> None:
    reply = engine.reply(customer, text)
    assert reply.question_ids == () and reply.talk == "clarify"
    assert reply.text == persona.CLARIFY["cooperative"]
    assert engine.answer(customer, text) == (None, reply.text)


def test_the_trace_detail_holds_the_graders_contract(library: Library, mem_engine: Engine) -> None:
    instance = make_instance(library, mem_engine, "sop001-unpaid-notified")
    detail = engine.reply(
        instance.customer, "Bayarnya tgl brp? trus udh dpt sms notif blm?"
    ).detail()
    assert detail["question_id"] == "payment"
    assert detail["question_ids"] == ["payment", "notification"]
    assert detail["disclosed"] == ["payment_channel", "notification_received"]
    assert detail["talk"] is None and detail["answer"].startswith("Saya bayar tanggal")
    assert "Sudah, saya dapat SMS" in detail["answer"]
    greeting = engine.reply(instance.customer, "Selamat pagi pak").detail()
    assert greeting["question_ids"] == [] and greeting["question_id"] is None
    assert greeting["talk"] == "greeting" and greeting["disclosed"] == []


def test_a_dont_know_answer_discloses_nothing(customer: dict) -> None:
    state = json.loads(json.dumps(customer))
    state["questions"]["notification"]["answer"] = None  # a persona's does_not_know
    reply = engine.reply(state, "notification")
    assert reply.question_ids == ("notification",) and reply.disclosed == ()
    assert reply.text == persona.DONT_KNOW["cooperative"]
    events = asked(state, "notification", "Sudah dapat SMS notifikasi?")
    assert events[1]["detail"]["answer"] == persona.DONT_KNOW_AGAIN["cooperative"]


@pytest.mark.parametrize(
    "text",
    [
        "Dengan bapak siapa saya bicara?",
        "Terima kasih pak",
        "Mohon ditunggu sebentar",
        "Mohon maaf atas ketidaknyamanannya",
        "Saya paham pasti kesal, tagihannya sudah dibayar",
    ],
)
def test_small_talk_gets_a_natural_reply_and_is_no_sop_question(customer: dict, text: str) -> None:
    reply = engine.reply(customer, text)
    assert reply.question_ids == () and reply.talk not in (None, "clarify")
    assert "maksud" not in reply.text.lower()


def test_with_whom_am_i_speaking_gets_the_name(customer: dict) -> None:
    reply = engine.reply(customer, "Dengan bapak siapa saya bicara?")
    assert reply.talk == "identity" and customer["caller"]["name"] in reply.text


def test_the_answer_again_refers_back(customer: dict) -> None:
    events = asked(customer, "kapan bayarnya?", "Baik, saya cek dulu ya", "Tgl brp bayarnya pak?")
    first, again = events[0]["detail"]["answer"], events[2]["detail"]["answer"]
    assert events[2]["detail"]["question_ids"] == ["payment"]
    assert again.startswith(persona.REFER_BACK["cooperative"]) and first in again


@pytest.mark.parametrize("temperament", ["cooperative", "vague", "impatient"])
def test_temperament_changes_wording_not_facts(
    library: Library, mem_engine: Engine, temperament: str
) -> None:
    customer = make_instance(
        library, mem_engine, "sop001-paid-blocked", persona=temperament
    ).customer
    reply = engine.reply(customer, "services").text
    assert "internet" in reply.lower()
    if temperament == "vague":
        assert any(h in reply for h in ("kurang yakin", "Kira-kira", "Sepertinya", "lupa"))
    if temperament == "impatient":
        assert any(h in reply for h in ("cepat", "buru-buru", "lama"))
    again = asked(customer, "services", "services")[1]["detail"]["answer"]
    assert any(again.startswith(h) for h in persona.REFER_BACK[temperament])
    assert customer["temperament"] == temperament


def test_an_unsure_customer_names_the_two_closest_topics(library: Library) -> None:
    sop = library.sops["sop-004"]
    reply = engine.reply(engine.probe_state(sop), "Kontak yang bisa dihubungi?")
    assert reply.question_ids == () and reply.talk == "clarify"
    assert reply.understood.outcome == "ambiguous"
    topics = [sop.question(q).topic for q in reply.understood.candidates]  # type: ignore[union-attr]
    assert len(topics) == 2 and all(t and t in reply.text for t in topics), reply.text


@pytest.mark.parametrize(
    ("case_id", "message", "detail", "field"),
    [
        ("sop003-no-ott", "Nomor kontak yang bisa dihubungi berapa pak?", "phone", "phone"),
        ("sop000-sid-active-single", "Alamat email Bapak apa?", "email", "email"),
        ("sop004-completed-halo", "Boleh tahu nama Ibu siapa?", "name", "name"),
        ("sop001-aging", "Alamat rumah Bapak di mana?", "address", "address"),
    ],
)
def test_the_caller_gives_what_a_form_needs_ungraded(
    library: Library, mem_engine: Engine, case_id: str, message: str, detail: str, field: str
) -> None:
    customer = make_instance(library, mem_engine, case_id, persona="cooperative").customer
    reply = engine.reply(customer, message)
    assert reply.question_ids == () and reply.talk == "caller_info"
    assert reply.caller == (detail,) and customer["caller"][field] in reply.text


@pytest.mark.parametrize("case_id", ["sop000-sid-active-single", "sop003-active-disney"])
def test_the_e_payment_asker_details_match_the_key(
    library: Library, mem_engine: Engine, case_id: str
) -> None:
    instance = make_instance(library, mem_engine, case_id)
    sent = next(s for s in instance.key["steps"] if s.get("operation") == "epayment.inquiry")
    params = sent["request"]["params"]
    caller = instance.customer["caller"]
    assert (caller["name"], caller["address"], caller["phone"]) == (
        params["nama_penanya"],
        params["alamat_penanya"],
        params["telepon_penanya"],
    )


def test_replies_are_deterministic_and_the_state_is_json(
    library: Library, mem_engine: Engine
) -> None:
    customer = make_instance(library, mem_engine, "sop001-aging", persona="vague").customer
    restored = json.loads(json.dumps(customer))
    messages = ["Kapan bayar?", "yg ga bisa apa aja kak?", "Kapan bayar?"]
    assert asked(restored, *messages) == asked(customer, *messages)


def test_added_phrasings_join_the_bank_of_new_states_only(customer: dict) -> None:
    phrase = "zorblax quimp frobnitz"
    assert engine.reply(customer, phrase).question_ids != ("payment",)
    grown = engine.with_phrasings(customer, {"payment": [phrase], "no_such_question": ["x"]})
    assert engine.reply(grown, phrase).question_ids == ("payment",)
    assert (
        grown["bank_digest"] != customer["bank_digest"] and "no_such_question" not in grown["bank"]
    )
    assert engine.reply(customer, phrase).question_ids != ("payment",)


def test_a_state_stored_before_phrasing_banks_still_answers(customer: dict) -> None:
    legacy = {
        "case": customer["case"],
        "sop": customer["sop"],
        "temperament": "cooperative",
        "answers": {"payment": "Saya bayar kemarin.", "services": "Internetnya mati."},
        "bank": [
            ["payment", [["kapan", "bayar"], ["payment", "date"]]],
            ["services", [["layan", "tidak", "bisa"]]],
        ],
        "clarify": "Maaf kak, maksudnya bagaimana ya?",
        "summary": customer["summary"],
    }
    reply = engine.reply(legacy, "kapan bayarnya?")
    assert reply.question_ids == ("payment",) and reply.text == "Saya bayar kemarin."
    assert engine.reply(legacy, "Apa warna kucing Anda?").talk == "clarify"
