"""Typed text to matching words: chat abbreviations, repeated letters, -nya, phrases, stems,
English, typos and glued words (against a bank), and the lexicon file's own checks."""

import pytest

from scenarios.understanding import normalize
from scenarios.understanding.bank import compile_bank
from scenarios.understanding.lexicon import parse_lexicon


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("bayarnya tgl brp ya pak?", ["bayar", "nya", "kapan", "ya", "pak"]),
        ("isinya tgl 5 ya", ["isi", "nya", "tanggal", "5", "ya"]),
        ("yg ga bisa apa aja kak", ["yang", "tidak", "bisa", "apa", "saja", "kak"]),
        ("udh dpt sms blm", ["sudah", "dapat", "sms", "belum"]),
        ("kpn isi pulsanyaaa", ["kapan", "isi", "ulang", "pulsa", "nya"]),
        ("Top-Up nya gmn", ["isi", "ulang", "nya", "bagaimana"]),
        ("no hp", ["nomor", "hp"]),
        ("sy di dmn", ["saya", "di", "where"]),
    ],
)
def test_chat_indonesian_is_spelled_in_full(typed: str, words: list[str]) -> None:
    assert normalize.text_words(typed) == words


def test_clauses_keep_where_a_question_mark_closed_them() -> None:
    found = normalize.clauses("Baik pak, kapan bayarnya? Saya cek dulu.")
    assert [c.words for c in found] == [
        ["baik", "pak"],
        ["kapan", "bayar", "nya"],
        ["saya", "cek", "dulu"],
    ]
    assert [c.marked for c in found] == [False, True, False]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("pembayarannya", "bayar"),
        ("payment", "membayar"),
        ("tanggal", "jam"),
        ("pengiriman", "delivery"),
        ("keluhan", "melaporkan"),
        ("terpotong", "deducted"),
    ],
)
def test_affixes_languages_and_synonyms_meet(one: str, other: str) -> None:
    assert normalize.terms([one]) == normalize.terms([other]) != []


def test_stopwords_drop_and_the_question_form_is_a_word() -> None:
    assert normalize.terms(["apakah", "sudah", "bapak", "dapat"]) == ["terima"]
    assert normalize.matching(normalize.text_words("Kurir sudah antar paketnya?"))[-1] == "?yn"
    assert normalize.matching(normalize.text_words("Paketnya diantar kurir apa?"))[-1] == "?wh"


def test_the_bank_corrects_typos_and_splits_glued_words() -> None:
    bank = compile_bank({"payment": ["kapan pembayaran dilakukan"], "notice": ["notifikasi"]})
    assert bank.correct(["pembayran"]) == ["pembayaran"]
    assert bank.correct(["notifkasi"]) == ["notifikasi"]
    assert bank.correct(["kapanbayar"]) == ["kapan", "bayar"]
    assert bank.correct(["mobil", "xq"]) == ["mobil", "xq"]  # a real word, a short token


def test_the_lexicon_refuses_keys_yaml_reads_as_booleans() -> None:
    with pytest.raises(ValueError, match="quote"):
        parse_lexicon({"spellings": {False: "nomor"}})
