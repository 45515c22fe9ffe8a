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
from scenarios.understanding.caller import is_caller
from scenarios.understanding.lexicon import lexicon
from scenarios.understanding.talk import split_talk

ACCEPT = 0.5
MARGIN = 0.08
CLARIFY = 0.3
PART_ACCEPT = 0.6
"""A part of a several-question message counts only with this score on its own."""
REVIEW = 0.6
"""Understood below this score: listed for trainers as a low-confidence match."""
ABSORBING = frozenset({"empathy", "apology", "thanks", "hold", "closing"})
"""Talk whose following statements belong to it ("saya paham, paketnya belum sampai")."""


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
    content: int = 0
    """How many words of the message were left for question matching (0: talk or noise)."""

    @property
    def review(self) -> str | None:
        """Why trainers should see this message (`unmatched`, `ambiguous`, `low`: understood
        with low confidence), or None."""
        if not self.content:
            return None
        if self.outcome == "answered":
            return "low" if self.score < REVIEW else None
        return self.outcome if self.outcome in ("unmatched", "ambiguous") else None


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Topics best first (ties by id, so the order never depends on dict order)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def decide(scores: dict[str, float]) -> tuple[str, float, tuple[str, ...]]:
    """(outcome, best score, topics: the one understood, or the two closest). A SOP question
    that scores best must lead the next SOP question (a caller detail close behind it does
    not make it unsure: "nama sesuai KTP?" is the name question, not the address)."""
    order = ranked(scores)
    if not order:
        return "unmatched", 0.0, ()
    best, value = order[0]
    rivals = [v for t, v in order[1:] if is_caller(best) or not is_caller(t)]
    second = rivals[0] if rivals else 0.0
    if value >= ACCEPT and value - second >= MARGIN:
        return "answered", value, (best,)
    outcome = "ambiguous" if value >= CLARIFY else "unmatched"
    return outcome, value, tuple(topic for topic, _ in order[:2])


def judge(bank: CompiledBank, words: Sequence[str]) -> tuple[str, float, tuple[str, ...]]:
    """`decide` on the bank's scores, where a topic must share a meaningful word with the
    message to be understood or offered: question words alone ("berapa umur anda?") match
    nothing."""
    outcome, value, topics = decide(bank.scores(words))
    light = lexicon().words("question_words")
    meaningful = [w for w in words if w not in light and not w.startswith("?")]

    def grounded(topic: str) -> bool:
        return any(topic in bank.word_topics.get(w, ()) for w in meaningful)

    if outcome in ("answered", "ambiguous") and not any(grounded(t) for t in topics):
        return "unmatched", value, topics
    return outcome, value, topics


def asks(clause: normalize.Clause) -> bool:
    """Whether a clause reads as a question or request (a question mark, or it opens with a
    question or request word)."""
    if clause.marked:
        return True
    lex = lexicon()
    cues = lex.words("cues")
    opening = [w for w in clause.words if w in cues or w not in lex.stopwords][:1]
    return bool(opening) and opening[0] in cues


def untagged(words: list[str]) -> list[str]:
    """The words without a closing yes/no tag ("... masuk ga kak" -> "... masuk kak"); kept
    when the tag is all there is ("yg ga bisa apa aja?")."""
    lex = lexicon()
    tags = lex.words("tags")
    content = [i for i, w in enumerate(words) if w not in lex.stopwords and w not in tags]
    if not content:
        return words
    last = content[-1]
    return words[: last + 1] + [w for w in words[last + 1 :] if w not in tags]


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
    conjunctions = lexicon().words("conjunctions")
    parts: list[list[str]] = []
    for clause in content:
        current: list[str] = []
        for word in clause:
            if word in conjunctions:
                parts.append(current)
                current = []
            else:
                current.append(word)
        parts.append(current)
    return [p for p in parts if p]


def several(
    bank: CompiledBank, content: Sequence[Sequence[str]], whole: str | None
) -> list[tuple[str, float]]:
    """Topics asked part by part, when a message asks more than one. A part of one word
    counts when that word belongs to one topic only, or not to the topic the whole message
    is closest to (else it is an item of a list: "telepon? sms? data?")."""
    found: dict[str, float] = {}
    list_words = lexicon().words("list_words")
    for part in parts_of(content):
        if part[0] in list_words:
            continue  # "..., atau Indomaret?" goes on a list, it asks nothing new
        words = normalize.matching(part)
        if len([w for w in words if not w.startswith("?")]) == 1:
            users = bank.word_topics.get(words[0], frozenset())
            if len(users) != 1 and whole in users:
                continue
        outcome, value, topics = judge(bank, words)
        if outcome == "answered" and value >= PART_ACCEPT and topics[0] not in found:
            found[topics[0]] = value
    return list(found.items())


def _daypart(clauses: Sequence[normalize.Clause]) -> str | None:
    for clause in clauses:
        for word in clause.words:
            if word in ("pagi", "siang", "sore", "malam"):
                return word
    return None


def understand(message: str, bank: CompiledBank) -> Understanding:
    """What the message asks, against one compiled bank."""
    clauses = normalize.clauses(message)
    typed = bank.exact.get(" ".join(normalize.flat([c.words for c in clauses])))
    if typed is not None:
        return Understanding(
            topics=(typed,), outcome="answered", score=1.0, candidates=(typed,), content=1
        )
    talk, found = content_of(clauses)
    content = [bank.correct(words) for words in found]
    words = normalize.matching(normalize.flat(content))
    daypart = _daypart(clauses) if "greeting" in talk else None
    if not words:
        outcome = "talk" if talk else "unmatched"
        return Understanding(talk=tuple(talk), outcome=outcome, daypart=daypart)
    outcome, value, topics = judge(bank, words)
    asked = several(bank, content, topics[0] if topics else None)
    if len(asked) >= 2:
        outcome, topics = "answered", tuple(topic for topic, _ in asked)
        value = min(score for _, score in asked)
    return Understanding(
        topics=topics if outcome == "answered" else (),
        talk=tuple(talk),
        outcome=outcome,
        score=round(value, 3),
        candidates=topics,
        daypart=daypart,
        content=len([w for w in words if not w.startswith("?")]),
    )
