"""What a message asks: talk patterns, several questions in one message, statements after an
apology, yes/no tags, and topics that share only a question word."""

import pytest

from scenarios.understanding.bank import compile_bank
from scenarios.understanding.talk import parse_pattern, split_talk
from scenarios.understanding.understand import understand

BANK = compile_bank(
    {
        "payment": ["kapan bayar", "tanggal pembayaran", "bayar lewat apa", "when did you pay"],
        "services": ["layanan apa yang tidak bisa", "telepon sms internet tidak bisa"],
        "notification": ["sudah dapat sms notifikasi pembayaran", "notifikasi berhasil"],
        "msisdn": ["nomor hp berapa", "nomor yang bermasalah"],
        "caller:email": ["alamat email", "email nya apa"],
    }
)


@pytest.mark.parametrize(
    ("pattern", "words", "span"),
    [
        ("mohon? maaf atas", ["maaf", "atas", "x"], (0, 2)),
        ("mohon? maaf atas", ["mohon", "maaf", "atas"], (0, 3)),
        ("dengan * siapa", ["dengan", "ibu", "siapa"], (0, 3)),
        ("^ sorry $", ["ya", "sorry", "kak"], (1, 2)),
        ("^ sorry $", ["sorry", "bayar"], None),
    ],
)
def test_talk_pattern_syntax(pattern: str, words: list[str], span: tuple | None) -> None:
    from scenarios.understanding.talk import find

    assert find(parse_pattern("x", "words", pattern), words) == span


def test_words_talk_leaves_the_question_and_clause_talk_takes_the_clause() -> None:
    assert split_talk(["selamat", "pagi", "kapan", "bayar"]) == (["greeting"], ["kapan", "bayar"])
    assert split_talk(["saya", "paham", "pulsa", "belum", "masuk"]) == (["empathy"], [])


def test_two_questions_in_one_message_are_both_understood() -> None:
    found = understand("Kapan bayarnya dan layanan apa yang tidak bisa?", BANK)
    assert found.topics == ("payment", "services")
    listed = understand("Yang tidak bisa telepon, sms, atau internet?", BANK)
    assert listed.topics == ("services",)


def test_a_statement_after_empathy_is_not_a_question() -> None:
    assert understand("Saya paham pak, sms notifikasi belum masuk", BANK).topics == ()
    assert understand("Saya paham pak, kapan bayarnya?", BANK).topics == ("payment",)


def test_a_yes_no_tag_is_not_the_services_question() -> None:
    assert understand("sms notifikasi pembayaran masuk ga kak?", BANK).topics == ("notification",)


def test_a_question_word_alone_understands_nothing() -> None:
    found = understand("berapa umur anda?", BANK)
    assert found.topics == () and found.outcome == "unmatched" and found.review == "unmatched"


def test_a_caller_detail_close_behind_does_not_unsettle_a_sop_question() -> None:
    assert understand("nomor hp nya berapa?", BANK).topics == ("msisdn",)
    assert understand("email nya apa kak?", BANK).topics == ("caller:email",)
