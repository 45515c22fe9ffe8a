"""The proof of issue 13: the customer understands a corpus of phrasings written as agents type
them (corpus/*.yaml, at least 20 per distinct SOP question of all five SOPs, none taken from the
banks): >= 97% right, none answered as another question, no small talk taken as a question.
`python -m bench.customer` prints the same figures per SOP with the confusion pairs."""

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.customer import CORPUS, TARGET_RIGHT, evaluate, samples, totals
from scenarios.library import Library, validate_files
from tests.scenarios.conftest import SCENARIOS

MIN_PER_QUESTION = 20


@pytest.fixture(scope="module")
def result(library: Library) -> dict[str, Any]:
    return evaluate(library.sops)


def test_sop_questions_are_understood_right_and_never_wrong(result: dict[str, Any]) -> None:
    total = totals(result, ("question", "multi"))
    wrong = [m for m in result["misses"] if m["verdict"] == "wrong" and m["kind"] != "talk"]
    assert total.wrong == 0, wrong
    assert total.right / (total.right + total.none) >= TARGET_RIGHT, total


def test_small_talk_and_caller_details_are_never_a_sop_question(result: dict[str, Any]) -> None:
    total = totals(result, ("talk", "caller"))
    taken = [m for m in result["misses"] if m["kind"] in ("talk", "caller")]
    assert total.wrong == 0, taken
    assert total.right / (total.right + total.none) >= TARGET_RIGHT, taken


def test_every_sop_question_has_its_own_twenty_phrasings(library: Library) -> None:
    per_question: Counter = Counter()
    for sample in samples(library.sops):
        if sample.kind == "question":
            per_question[(sample.sop, sample.expect[0])] += 1
    for sop in library.sops.values():
        for question in sop.questions:
            assert per_question[(sop.id, question.id)] >= MIN_PER_QUESTION, (sop.id, question.id)


def _literal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def test_the_corpus_is_not_the_bank(library: Library) -> None:
    """No corpus line is a bank phrasing (SOP text, keyword, phrasing) typed again."""
    bank = {
        _literal(text)
        for sop in library.sops.values()
        for q in sop.questions
        for text in (q.text, q.text_en, *q.keywords, *q.phrasings)
    }
    copied = [s.text for s in samples(library.sops) if _literal(s.text) in bank]
    assert copied == []


def test_the_corpus_mixes_the_ways_agents_type() -> None:
    """Chat abbreviations and English in every SOP's file; no line twice in one file (a line
    may recur in another file: the same words mean another thing in another SOP)."""
    for path in sorted(CORPUS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.safe_load(text)
        lines = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]
        repeated = [line for line, n in Counter(lines).items() if n > 1 and ":" not in line]
        assert repeated == [], path.name
        if path.name.startswith("sop-"):
            lowered = text.lower()
            assert any(f" {a} " in lowered or f" {a}?" in lowered for a in ("brp", "yg", "udh"))
            assert any(w in lowered for w in ("what", "which", "when", "did", "have you"))


def test_a_phrasing_in_two_questions_banks_is_a_problem(tmp_path: Path) -> None:
    sops = tmp_path / "sops"
    shutil.copytree(SCENARIOS / "sops" / "source", sops / "source")
    text = (SCENARIOS / "sops" / "sop-001.yaml").read_text(encoding="utf-8")
    doubled = text.replace(
        "      - Tanggal berapa Bapak/Ibu melakukan pembayaran tagihan?\n",
        "      - Tanggal berapa Bapak/Ibu melakukan pembayaran tagihan?\n      - Notifikasi\n",
        1,
    )
    assert doubled != text
    (sops / "sop-001.yaml").write_text(doubled, encoding="utf-8")
    problems = validate_files([sops / "sop-001.yaml"], root=tmp_path)
    assert [p.field for p in problems] == ["questions[2].keywords[0]"], problems
    assert "also in the bank" in problems[0].message
