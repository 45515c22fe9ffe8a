"""From typed text to the words matching compares: chat Indonesian, typos, English, mixed.

`clauses(text)` splits a message where the writer paused (`?`, `.`, `,` ...) and spells every
word in standard form (lower case, letters and digits apart, `haloooo` -> `halo`, abbreviations
and multi-word phrases from the lexicon). `terms(words)` drops stopwords, stems (Sastrawi, then a
light English suffix strip) and maps synonyms, so `pembayarannya`, `bayar` and `payment` meet.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from scenarios.understanding.lexicon import KEPT_NUMBERS, Lexicon, lexicon, stem

NUMBER = "#"
_PAUSE = re.compile(r"[?!.;:,\n\"]+|\s-\s|/\s|\s/")
_TOKEN = re.compile(r"[a-z]+|\d+")
_RUN = re.compile(r"([a-z])\1{2,}")
_ENGLISH_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def words_of(text: str, lex: Lexicon | None = None) -> list[str]:
    """The words of one stretch of text in standard spelling (phrases joined, abbreviations
    expanded, repeated letters collapsed)."""
    lex = lex or lexicon()
    plain = unicodedata.normalize("NFKC", text).lower()
    raw = [_RUN.sub(r"\1", w) for w in _TOKEN.findall(plain)]
    spelled: list[str] = []
    for word in raw:
        found = lex.spellings.get(word)
        if found is None and word.endswith("nya") and len(word) >= 6:
            found = (*lex.spellings.get(word[:-3], (word[:-3],)), "nya")
        spelled.extend(found or (word,))
    return _join_phrases(spelled, lex)


def _join_phrases(words: list[str], lex: Lexicon) -> list[str]:
    out: list[str] = []
    i = 0
    longest = lex.longest_phrase
    while i < len(words):
        for size in range(min(longest, len(words) - i), 1, -1):
            found = lex.phrases.get(tuple(words[i : i + size]))
            if found is not None:
                out.extend(found)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


class Clause(NamedTuple):
    """A stretch of the message between pauses, in standard words; `marked`: a question mark
    closes it."""

    words: list[str]
    marked: bool


def clauses(text: str) -> list[Clause]:
    """The message cut where the writer paused (empty parts dropped)."""
    lex = lexicon()
    found: list[Clause] = []
    pieces = _PAUSE.split(text)
    marks = _PAUSE.findall(text)
    for index, piece in enumerate(pieces):
        words = words_of(piece, lex)
        if words:
            marked = index < len(marks) and "?" in marks[index]
            found.append(Clause(words, marked))
    return found


def english_stem(word: str) -> str:
    """A light English suffix strip (`services` -> `servic`, `paid` stays)."""
    if len(word) < 5 or word.endswith(("ss", "us", "is")):
        return word
    for suffix, replacement in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def term(word: str, lex: Lexicon | None = None) -> str | None:
    """The matching form of one standard word, or None for a stopword."""
    lex = lex or lexicon()
    if word in lex.stopwords or (len(word) < 2 and not word.isdigit()):
        return None
    if word.isdigit():
        return word if word in KEPT_NUMBERS else NUMBER
    if word in lex.synonyms:
        return lex.synonyms[word]
    root = stem(word)
    if root in lex.synonyms:
        return lex.synonyms[root]
    if root != word:
        return root
    english = english_stem(word)
    return lex.synonyms.get(english, english)


def terms(words: Iterable[str]) -> list[str]:
    """Matching forms of words, stopwords dropped, first occurrence kept."""
    lex = lexicon()
    found = (term(w, lex) for w in words)
    return list(dict.fromkeys(t for t in found if t))


def form(words: Sequence[str]) -> str | None:
    """The question's form as a matching word: `?yn` for a yes/no question ("sudah diterima?",
    "did it arrive?"), `?wh` for one asking what, which, when ("kurir apa?"), else None."""
    lex = lexicon()
    fillers = lex.words("opening_fillers")
    opening = next((w for w in words if w not in fillers), None)
    if opening in lex.words("yes_no_openers"):
        return "?yn"
    if any(w in lex.words("wh") for w in words):
        return "?wh"
    if any(w in lex.words("yes_no_marks") for w in words):
        return "?yn"
    return None


def matching(words: Sequence[str]) -> list[str]:
    """Matching forms of words plus the question's form (what the bank compares)."""
    found = terms(words)
    shape = form(words)
    return [*found, shape] if found and shape else found


def text_words(text: str) -> list[str]:
    """The standard words of a whole text, its pauses ignored (a bank phrasing)."""
    return [w for clause in clauses(text) for w in clause.words]


def flat(parts: Sequence[Sequence[str]]) -> list[str]:
    """Word lists joined into one."""
    return [w for part in parts for w in part]
