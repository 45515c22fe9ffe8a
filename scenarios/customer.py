"""The simulated customer: its JSON-able state (built once per episode) and its replies.

The state holds the SOP's phrasing bank as it was when the episode started (YAML plus the
phrasings trainers added), every answer already rendered, the caller's details, and what each
answer reveals; `reply` needs nothing but the state, the message and the episode's earlier ask
events (to say "tadi sudah saya sebutkan"), so any worker gives the same reply.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from scenarios import expressions
from scenarios.customer_reply import Reply, reply
from scenarios.models.case import Case
from scenarios.models.sop import AnswerBy, QuestionDef, Sop
from scenarios.understanding.bank import digest
from scenarios.understanding.caller import caller_values

STATE_VERSION = 2

__all__ = [
    "Reply",
    "answer",
    "build_customer",
    "caller_values",
    "opening",
    "probe_state",
    "question_bank",
    "reply",
    "with_phrasings",
]


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


def question_bank(sop: Sop) -> dict[str, list[str]]:
    """The SOP's phrasing bank: question id -> its text, English text, keywords, phrasings."""
    return {
        q.id: list(dict.fromkeys([q.text, q.text_en, *q.keywords, *q.phrasings]))
        for q in sop.questions
    }


def build_customer(
    case: Case,
    sop: Sop,
    facts: Mapping[str, Any],
    values: Mapping[str, Any],
    temperament: str,
    summary: dict[str, Any],
) -> dict[str, Any]:
    """The persona state stored with the episode (JSON-able)."""
    questions = {
        q.id: {
            "answer": _answer_text(q, case, facts, values),
            "reveals": list(q.reveals),
            "topic": q.topic or q.text,
        }
        for q in sop.questions
    }
    bank = question_bank(sop)
    return {
        "version": STATE_VERSION,
        "case": case.id,
        "sop": sop.id,
        "temperament": temperament,
        "questions": questions,
        "bank": bank,
        "bank_digest": digest(bank),
        "caller": caller_values(values),
        "summary": summary,
    }


def with_phrasings(customer: Mapping[str, Any], added: Mapping[str, Sequence[str]]) -> dict:
    """The state with more phrasings in its bank (trainers' additions, by question id);
    phrasings of questions the SOP does not have are ignored."""
    bank = {qid: list(texts) for qid, texts in customer["bank"].items()}
    for question_id, texts in added.items():
        if question_id in bank:
            bank[question_id] = list(dict.fromkeys([*bank[question_id], *texts]))
    return {**customer, "bank": bank, "bank_digest": digest(bank)}


def probe_state(sop: Sop, added: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """A customer of the SOP whose answers are the question ids: to see what the bank
    understands (trainers trying a phrasing, the corpus test, bench/customer.py)."""
    questions = {
        q.id: {"answer": q.id, "reveals": list(q.reveals), "topic": q.topic or q.text}
        for q in sop.questions
    }
    bank = question_bank(sop)
    state = {
        "version": STATE_VERSION,
        "case": None,
        "sop": sop.id,
        "temperament": "cooperative",
        "questions": questions,
        "bank": bank,
        "bank_digest": digest(bank),
        "caller": {"name": "Pelanggan", "address": "-", "phone": "-", "email": "-"},
        "summary": {},
    }
    return with_phrasings(state, added or {})


def answer(customer: Mapping[str, Any], question: str) -> tuple[str | None, str]:
    """(first SOP question id understood or None, the customer's reply): the short form of
    `reply` for a question asked with no history."""
    result = reply(customer, question)
    return (result.question_ids[0] if result.question_ids else None), result.text
