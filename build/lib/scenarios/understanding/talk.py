"""Conversation basics (greetings, "with whom am I speaking", thanks, hold, apology, empathy ...)
found in a clause, with the words they leave for the question matcher.

Patterns and replies are data (`data/talk.yaml`; its header documents the pattern syntax).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import yaml

from scenarios.understanding.lexicon import DATA, lexicon


@dataclass(frozen=True)
class Slot:
    """One word of a pattern: a set of words (None: any word), possibly optional."""

    options: frozenset[str] | None
    optional: bool


@dataclass(frozen=True)
class Pattern:
    """A talk pattern of one category."""

    category: str
    scope: str
    slots: tuple[Slot, ...]
    at_start: bool
    at_end: bool

    @property
    def needs(self) -> frozenset[str] | None:
        """Words of which a clause must hold one for the pattern to match (None: no test)."""
        for slot in self.slots:
            if not slot.optional and slot.options is not None:
                return slot.options
        return None


def parse_pattern(category: str, scope: str, text: str) -> Pattern:
    """A pattern from its text (`^ mohon? maaf|sorry * $`)."""
    spellings = lexicon().spellings
    parts = text.split()
    at_start = bool(parts) and parts[0] == "^"
    at_end = bool(parts) and parts[-1] == "$"
    parts = parts[1 if at_start else 0 : len(parts) - 1 if at_end else None]
    slots = []
    for part in parts:
        optional = part.endswith("?")
        core = part.rstrip("?")
        options = None
        if core != "*":
            words = set()
            for word in core.split("|"):
                spelled = spellings.get(word, (word,))
                words.add(spelled[0] if len(spelled) == 1 else word)
            options = frozenset(words)
        slots.append(Slot(options, optional))
    return Pattern(category, scope, tuple(slots), at_start, at_end)


@dataclass(frozen=True)
class TalkData:
    """Patterns (clause-wide ones first) and replies per category and temperament."""

    patterns: tuple[Pattern, ...]
    replies: dict[str, dict[str, tuple[str, ...]]]


@cache
def talk_data() -> TalkData:
    """The patterns and replies of data/talk.yaml."""
    with (DATA / "talk.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    clause, words = [], []
    for category, scopes in raw["categories"].items():
        clause += [parse_pattern(category, "clause", p) for p in scopes.get("clause", [])]
        words += [parse_pattern(category, "words", p) for p in scopes.get("words", [])]
    replies = {
        category: {temper: tuple(texts) for temper, texts in by_temper.items()}
        for category, by_temper in raw["replies"].items()
    }
    return TalkData(tuple(clause + words), replies)


def _match_at(slots: Sequence[Slot], words: Sequence[str], i: int) -> int | None:
    """The end of a match of `slots` starting at word i (longest first), or None."""
    if not slots:
        return i
    slot, rest = slots[0], slots[1:]
    if i < len(words) and (slot.options is None or words[i] in slot.options):
        end = _match_at(rest, words, i + 1)
        if end is not None:
            return end
    return _match_at(rest, words, i) if slot.optional else None


def find(pattern: Pattern, words: Sequence[str]) -> tuple[int, int] | None:
    """Where the pattern matches in the words (start, end), or None."""
    stop = lexicon().stopwords
    for i in range(len(words)):
        if pattern.at_start and any(w not in stop for w in words[:i]):
            break
        end = _match_at(pattern.slots, words, i)
        if end is None or end == i:
            continue
        if pattern.at_end and any(w not in stop for w in words[end:]):
            continue
        return i, end
    return None


def split_talk(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """(talk categories found, the words left for question matching) of one clause."""
    found: list[str] = []
    rest = list(words)
    present = set(rest)
    for pattern in talk_data().patterns:
        needs = pattern.needs
        if needs is not None and not needs & present:
            continue
        while rest and (span := find(pattern, rest)) is not None:
            if pattern.category not in found:
                found.append(pattern.category)
            if pattern.scope == "clause":
                return found, []
            rest = rest[: span[0]] + rest[span[1] :]
    return found, rest
