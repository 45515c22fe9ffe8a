"""The simulated customer: its JSON-able state (built once per episode) and its answers.

The state holds the question bank (already tokenised) and every answer already rendered in the
persona's temperament, so answering needs nothing but the state and the question.
"""

import zlib
from collections.abc import Mapping
from typing import Any

from scenarios import expressions, textmatch
from scenarios.models.case import Case
from scenarios.models.sop import AnswerBy, QuestionDef, Sop

HEDGES = ("Hmm, sebentar ya... ", "Kalau tidak salah, ", "Aduh, saya agak lupa... tapi ")
HEDGE_TAILS = (" Tapi saya kurang yakin juga.", " Kira-kira begitu.", " Sepertinya sih begitu.")
RUSH = ("Aduh kak, ", "Sudah saya bilang, ", "Cepat ya kak, ")
RUSH_TAILS = (" Tolong cepat dibantu!", " Saya buru-buru ini.", " Kenapa lama sekali sih?")
CLARIFY = {
    "cooperative": "Maaf kak, maksudnya bagaimana ya? Bisa diulang pertanyaannya?",
    "vague": "Hmm... saya kurang paham, maksudnya apa ya?",
    "impatient": "Maksudnya apa sih kak? Langsung saja, tolong masalah saya dibereskan!",
}
DONT_KNOW = {
    "cooperative": "Maaf kak, untuk itu saya tidak tahu.",
    "vague": "Waduh, saya tidak ingat sama sekali...",
    "impatient": "Mana saya tahu, kak! Itu kan urusan Telkomsel.",
}


def _pick(options: tuple[str, ...], salt: str) -> str:
    return options[zlib.crc32(salt.encode()) % len(options)]


def in_temperament(text: str, temperament: str, salt: str) -> str:
    """The same content, worded cooperatively, vaguely (hedged) or impatiently (terse)."""
    if temperament == "vague":
        head = _pick(HEDGES, salt)
        return head + text[:1].lower() + text[1:] + _pick(HEDGE_TAILS, salt)
    if temperament == "impatient":
        return _pick(RUSH, salt) + text[:1].lower() + text[1:] + _pick(RUSH_TAILS, salt)
    return text


def _template(answer: str | AnswerBy, facts: Mapping[str, Any]) -> str:
    if isinstance(answer, str):
        return answer
    value = facts.get(answer.by)
    key = str(value).lower() if isinstance(value, bool) else str(value)
    return answer.values[key]


def _answer_text(
    question: QuestionDef, case: Case, facts: Mapping[str, Any], values: Mapping[str, Any]
) -> str | None:
    answer = case.persona.knows.get(question.id, question.answer)
    if answer is None or question.id in case.persona.does_not_know:
        return None
    return expressions.render(_template(answer, facts), values)


def opening(case: Case, values: Mapping[str, Any], temperament: str) -> str:
    """The customer's first words."""
    text = expressions.render(case.persona.opening, values)
    if temperament == "impatient":
        return text + " Saya sudah kesal, tolong segera diselesaikan!"
    if temperament == "vague":
        return "Halo... anu, " + text[:1].lower() + text[1:]
    return text


def build_customer(
    case: Case,
    sop: Sop,
    facts: Mapping[str, Any],
    values: Mapping[str, Any],
    temperament: str,
    summary: dict[str, Any],
) -> dict[str, Any]:
    """The persona state stored with the episode (JSON-able)."""
    answers: dict[str, str] = {}
    for question in sop.questions:
        text = _answer_text(question, case, facts, values)
        raw = DONT_KNOW[temperament] if text is None else text
        answers[question.id] = (
            raw if text is None else in_temperament(raw, temperament, question.id)
        )
    bank = [
        [q.id, [list(textmatch.tokens(p)) for p in (q.text, q.text_en, *q.keywords)]]
        for q in sop.questions
    ]
    return {
        "case": case.id,
        "sop": sop.id,
        "temperament": temperament,
        "answers": answers,
        "bank": bank,
        "clarify": CLARIFY[temperament],
        "summary": summary,
    }


def answer(customer: Mapping[str, Any], question: str) -> tuple[str | None, str]:
    """(question id or None, the customer's reply) to a question in Indonesian or English."""
    text = question.strip()
    answers = customer["answers"]
    if text in answers:
        return text, answers[text]
    bank = [(qid, [tuple(p) for p in phrases]) for qid, phrases in customer["bank"]]
    question_id, _ = textmatch.best_match(text, bank)
    if question_id is None:
        return None, customer["clarify"]
    return question_id, answers[question_id]
