"""What an agent's message asks: SOP questions (one or several), caller details, or only talk.

The message is cut into clauses; conversation basics are taken out first (`talk`); what is left
is scored against the bank as a whole and part by part (so "kapan bayarnya dan layanan apa yang
tidak bisa?" is two questions). A topic is understood when its score clears `ACCEPT` and leads
the next topic by `MARGIN`; between `CLARIFY` and that, the customer asks which of the two
closest topics is meant; below, nothing is understood.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from scenarios.understanding import normalize
from scenarios.understanding.bank import CompiledBank
from scenarios.understanding.lexicon import lexicon
from scenarios.understanding.talk import split_talk

ACCEPT = 0.5
MARGIN = 0.08
CLARIFY = 0.3
PART_ACCEPT = 0.6
"""A part of a several-question message counts only with this score on its own."""
REVIEW = 0.6
"""Understood below this score: listed for trainers as a low-confidence match."""
CONJUNCTIONS = frozenset({"dan", "serta", "terus", "lalu", "kemudian", "and", "also", "then"})
ABSORBING = frozenset({"empathy", "apology", "thanks", "hold", "closing"})
"""Talk whose following statements belong to it ("saya paham, paketnya belum sampai")."""
CUES = frozenset(
    """boleh bisa mohon tolong minta apa apakah berapa kapan siapa mana bagaimana gimana ada
    adakah pernah sebutkan info what which when where who whom how did do does have has is are
    was were could can may please any kalau lalu terus dan""".split()
)
LIST_WORDS = frozenset({"atau", "or", "maupun", "ataupun"})
TAGS = frozenset({"tidak", "belum", "atau", "or", "not"})
"""A yes/no tag at a clause's end ("masuk ga kak?", "sudah atau belum?") asks nothing."""


@dataclass(frozen=True)
class Understanding:
    """The topics a message was understood as (SOP question ids and `caller:<detail>`)."""

    topics: tuple[str, ...] = ()
    talk: tuple[str, ...] = ()
    outcome: str = "unmatched"
    """answered | ambiguous | unmatched | talk"""
    score: float = 0.0
    candidates: tuple[str, ...] = ()
    daypart: str | None = None

    @property
    def low_confidence(self) -> bool:
        """Understood, but barely: trainers see it on the feedback page."""
        return self.outcome == "answered" and self.score < REVIEW


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Topics best first (ties by id, so the order never depends on dict order)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def decide(scores: dict[str, float]) -> tuple[str, float, tuple[str, ...]]:
    """(outcome, best score, topics: the one understood, or the two closest)."""
    order = ranked(scores)
    if not order:
        return "unmatched", 0.0, ()
    best, value = order[0]
    second = order[1][1] if len(order) > 1 else 0.0
    if value >= ACCEPT and value - second >= MARGIN:
        return "answered", value, (best,)
    return ("ambiguous" if value >= CLARIFY else "unmatched"), value, tuple(
        topic for topic, _ in order[:2]
    )


def asks(clause: normalize.Clause) -> bool:
    """Whether a clause reads as a question or request (a question mark, or it opens with a
    question or request word)."""
    if clause.marked:
        return True
    stop = lexicon().stopwords
    opening = [w for w in clause.words if w in CUES or w not in stop][:1]
    return bool(opening) and opening[0] in CUES


def untagged(words: list[str]) -> list[str]:
    """The words without a closing yes/no tag ("... masuk ga kak" -> "... masuk kak"); kept
    when the tag is all there is ("yg ga bisa apa aja?")."""
    stop = lexicon().stopwords
    content = [i for i, w in enumerate(words) if w not in stop and w not in TAGS]
    if not content:
        return words
    last = content[-1]
    return words[: last + 1] + [w for w in words[last + 1 :] if w not in TAGS]


def content_of(clauses: Sequence[normalize.Clause]) -> tuple[list[str], list[list[str]]]:
    """Talk categories, and the clauses left for question matching (a statement after an
    apology, empathy, thanks or hold line belongs to it unless it reads as a question)."""
    talk: list[str] = []
    content: list[list[str]] = []
    absorbing = False
    for clause in clauses:
        found, rest = split_talk(clause.words)
        talk += [c for c in found if c not in talk]
        if rest and absorbing and not asks(clause):
            continue
        if rest:
            content.append(untagged(rest))
            absorbing = False
        elif set(found) & ABSORBING:
            absorbing = True
    return talk, [c for c in content if c]


def parts_of(content: Sequence[Sequence[str]]) -> list[list[str]]:
    """The content cut at clause ends and at conjunctions (candidate separate questions)."""
    parts: list[list[str]] = []
    for clause in content:
        current: list[str] = []
        for word in clause:
            if word in CONJUNCTIONS:
                parts.append(current)
                current = []
            else:
                current.append(word)
        parts.append(current)
    return [p for p in parts if p]


def several(bank: CompiledBank, content: Sequence[Sequence[str]], whole: str | None) -> list[str]:
    """Topics asked part by part, when a message asks more than one. A part of one word
    counts when that word belongs to one topic only, or not to the topic the whole message
    is closest to (else it is an item of a list: "telepon? sms? data?")."""
    found: list[str] = []
    for part in parts_of(content):
        if part[0] in LIST_WORDS:
            continue  # "..., atau Indomaret?" goes on a list, it asks nothing new
        words = normalize.matching(part)
        if len([w for w in words if not w.startswith("?")]) == 1:
            users = bank.word_topics.get(words[0], frozenset())
            if len(users) != 1 and whole in users:
                continue
        outcome, value, topics = decide(bank.scores(words))
        if outcome == "answered" and value >= PART_ACCEPT and topics[0] not in found:
            found.append(topics[0])
    return found


def _daypart(clauses: Sequence[normalize.Clause]) -> str | None:
    for clause in clauses:
        for word in clause.words:
            if word in ("pagi", "siang", "sore", "malam"):
                return word
    return None


def understand(message: str, bank: CompiledBank) -> Understanding:
    """What the message asks, against one compiled bank."""
    clauses = normalize.clauses(message)
    talk, found = content_of(clauses)
    content = [bank.correct(words) for words in found]
    words = normalize.matching(normalize.flat(content))
    daypart = _daypart(clauses) if "greeting" in talk else None
    if not words:
        outcome = "talk" if talk else "unmatched"
        return Understanding(talk=tuple(talk), outcome=outcome, daypart=daypart)
    outcome, value, topics = decide(bank.scores(words))
    asked = several(bank, content, topics[0] if topics else None)
    if len(asked) >= 2:
        outcome, topics = "answered", tuple(asked)
    return Understanding(
        topics=topics if outcome == "answered" else (),
        talk=tuple(talk),
        outcome=outcome,
        score=round(value, 3),
        candidates=topics,
        daypart=daypart,
    )
