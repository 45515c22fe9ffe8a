"""The customer's reply to one message: understood SOP questions answered (and recorded), caller
details given, conversation basics answered, or a request to clarify; in the persona's
temperament, referring back to what it already said in this episode.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from scenarios.persona import (
    clarify,
    clarify_between,
    dont_know,
    in_temperament,
    referred_back,
    talk_reply,
)
from scenarios.understanding.bank import CompiledBank, compiled, digest
from scenarios.understanding.caller import (
    PREFIX,
    caller_bank,
    caller_values,
    detail,
    is_caller,
)
from scenarios.understanding.understand import Understanding, understand

Event = Mapping[str, Any]


@dataclass(frozen=True)
class Reply:
    """What the customer says, and what the exchange establishes."""

    text: str
    question_ids: tuple[str, ...] = ()
    disclosed: tuple[str, ...] = ()
    talk: str | None = None
    talks: tuple[str, ...] = ()
    caller: tuple[str, ...] = ()
    understood: Understanding = field(default_factory=Understanding)

    def detail(self) -> dict[str, Any]:
        """The `detail` of the episode's `ask` trace event (the grader's contract)."""
        return {
            "question_id": self.question_ids[0] if self.question_ids else None,
            "question_ids": list(self.question_ids),
            "answer": self.text,
            "disclosed": list(self.disclosed),
            "talk": self.talk,
            "talks": list(self.talks),
            "caller": list(self.caller),
            "understood": {
                "outcome": self.understood.outcome,
                "score": self.understood.score,
                "candidates": list(self.understood.candidates),
            },
        }


def current_state(customer: Mapping[str, Any]) -> Mapping[str, Any]:
    """The state in its current form (a state stored before phrasing banks is converted: its
    answers are already worded, its bank tokenised)."""
    if customer.get("version") == 2:
        return customer
    answers = customer.get("answers") or {}
    bank = {qid: [" ".join(words) for words in phrases] for qid, phrases in customer["bank"]}
    identifiers = (customer.get("summary") or {}).get("identifiers") or {}
    return {
        **customer,
        "version": 2,
        "worded": True,
        "questions": {q: {"answer": a, "reveals": [], "topic": q} for q, a in answers.items()},
        "bank": bank,
        "bank_digest": digest(bank),
        "caller": caller_values(identifiers),
    }


@cache
def _caller_digest() -> str:
    return digest(caller_bank(()))


def episode_bank(state: Mapping[str, Any]) -> CompiledBank:
    """The compiled bank of an episode: its SOP questions and the caller details left to it."""
    extra = caller_bank(state["questions"])
    bank = {**state["bank"], **extra}
    return compiled(bank, f"{state['bank_digest']}:{_caller_digest()}:{','.join(extra)}")


def _memory(history: Sequence[Event]) -> tuple[set[str], set[str], int]:
    """(SOP questions answered before, caller details given before, requests to clarify so
    far) from the episode's earlier ask events (events recorded before `question_ids` existed
    carry only `question_id`)."""
    asked: set[str] = set()
    callers: set[str] = set()
    clarified = 0
    for event in history:
        info = event.get("detail") or {}
        ids = info.get("question_ids")
        if ids is None:
            ids = [info["question_id"]] if info.get("question_id") else []
        asked.update(str(i) for i in ids)
        callers.update(info.get("caller") or ())
        clarified += info.get("talk") == "clarify"
    return asked, callers, clarified


def _answers(
    state: Mapping[str, Any],
    sop_ids: Sequence[str],
    caller_ids: Sequence[str],
    history: Sequence[Event],
    salt: str,
) -> str:
    temperament = state["temperament"]
    asked, callers, _ = _memory(history)
    fresh: list[str] = []
    again: list[str] = []
    unknown: list[str] = []
    for qid in sop_ids:
        text = state["questions"][qid]["answer"]
        if text is None:
            unknown.append(dont_know(temperament, qid in asked))
        else:
            (again if qid in asked else fresh).append(text)
    for name in caller_ids:
        value = state["caller"].get(name)
        if not value:
            unknown.append(dont_know(temperament, name in callers))
        else:
            (again if name in callers else fresh).append(detail(name).reply.format(value=value))
    out = []
    if fresh:
        joined = " ".join(fresh)
        out.append(joined if state.get("worded") else in_temperament(joined, temperament, salt))
    if again:
        out.append(referred_back(" ".join(again), temperament, salt))
    out += list(dict.fromkeys(unknown))
    return " ".join(out)


def _understood(state: Mapping[str, Any], message: str) -> Understanding:
    if message in state["questions"]:
        return Understanding(
            topics=(message,), outcome="answered", score=1.0, candidates=(message,)
        )
    return understand(message, episode_bank(state))


def _topic(state: Mapping[str, Any], topic: str) -> str:
    if is_caller(topic):
        return detail(topic[len(PREFIX) :]).topic
    return str(state["questions"][topic]["topic"])


def reply(customer: Mapping[str, Any], message: str, history: Sequence[Event] = ()) -> Reply:
    """The customer's reply to `message`, given the episode's earlier `ask` events."""
    state = current_state(customer)
    text = message.strip()
    understood = _understood(state, text)
    temperament = state["temperament"]
    salt = f"{len(history)}:{text}"
    name = state["caller"].get("name") or "saya"
    talks = understood.talk
    sop_ids = tuple(t for t in understood.topics if not is_caller(t))
    caller_ids = tuple(t[len(PREFIX) :] for t in understood.topics if is_caller(t))
    pieces: list[str] = []
    lead = next((c for c in ("identity", "greeting") if c in talks), None)
    if understood.outcome == "talk":
        pieces.append(talk_reply(lead or talks[0], temperament, salt, name, understood.daypart))
    elif lead:
        pieces.append(talk_reply(lead, temperament, salt, name, understood.daypart))
    if understood.outcome == "answered":
        pieces.append(_answers(state, sop_ids, caller_ids, history, salt))
    elif understood.outcome == "ambiguous":
        topics = [_topic(state, t) for t in understood.candidates[:2]]
        pieces.append(clarify_between(*topics, temperament=temperament))
    elif understood.outcome == "unmatched":
        pieces.append(clarify(temperament, _memory(history)[2] > 0))
    disclosed = [
        fact
        for qid in sop_ids
        if state["questions"][qid]["answer"] is not None
        for fact in state["questions"][qid]["reveals"]
    ]
    if sop_ids:
        talk = talks[0] if talks else None
    elif caller_ids:
        talk = "caller_info"
    elif understood.outcome == "talk":
        talk = lead or talks[0]
    else:
        talk = "clarify"
    return Reply(
        text=" ".join(pieces),
        question_ids=sop_ids,
        disclosed=tuple(dict.fromkeys(disclosed)),
        talk=talk,
        talks=talks,
        caller=caller_ids,
        understood=understood,
    )
