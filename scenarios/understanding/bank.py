"""A phrasing bank compiled for scoring: TF-IDF over words and character n-grams, k-NN.

Every phrasing of every topic (a SOP question, or a caller detail such as the e-mail) becomes a
vector of its words and of their character 3-grams (so `notifikasi` and `notifkasi` still
share most features), weighted by how few topics use a feature. A query scores each topic by its
best cosine with one of the topic's phrasings. Words the bank does not know are first corrected:
a glued pair is split (`kapanbayar`), a typo is mapped to the closest bank word.
"""

import hashlib
import json
import math
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from scenarios.understanding import normalize
from scenarios.understanding.lexicon import is_indonesian_word, lexicon

CHAR_WEIGHT = 0.35
"""Share of a word's weight carried by its character n-grams (the rest by the word itself)."""
UNKNOWN_WEIGHT = 0.5
"""Weight of a query feature no phrasing has (it dilutes the score, but less than a known one)."""
TYPO_CUTOFF = 80.0
SHORT_TYPO_CUTOFF = 88.0
"""A four-letter typo must be closer (`krir` -> `kurir`)."""
LONGEST_WORD = 24
"""Longer tokens (pasted ids, noise) are left as they are, not split or corrected."""
FORM_WEIGHT = 0.5
"""Weight of the question's form (`?yn` yes/no, `?wh` what/which/when) beside a word's 1."""


def features(words: Sequence[str]) -> dict[str, float]:
    """Word and character 3-gram features of matching words (term frequencies)."""
    out: dict[str, float] = defaultdict(float)
    for word in words:
        if word.startswith("?"):
            out["w:" + word] += FORM_WEIGHT
            continue
        out["w:" + word] += 1.0 - CHAR_WEIGHT
        padded = f"<{word}>"
        grams = [padded[i : i + 3] for i in range(len(padded) - 2)] or [padded]
        for gram in grams:
            out["c:" + gram] += CHAR_WEIGHT / len(grams)
    return dict(out)


@dataclass
class CompiledBank:
    """Topics, their phrasings as unit vectors, and the inverted index over features."""

    topics: list[str]
    owner: list[int] = field(default_factory=list)
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    surface: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()
    exact: dict[str, str] = field(default_factory=dict)
    """A phrasing in standard words -> its topic (a message typed as a phrasing is that topic)."""
    word_topics: dict[str, frozenset[str]] = field(default_factory=dict)
    """The topics whose phrasings use each matching word."""
    _surface_list: list[str] = field(default_factory=list)

    def correct(self, words: Sequence[str]) -> list[str]:
        """Standard words with unknown ones split (glued) or mapped to the closest bank word."""
        out: list[str] = []
        for word in words:
            out.extend(self._corrected(word))
        return out

    def _known(self, word: str) -> bool:
        lex = lexicon()
        if word in self.surface or word in lex.stopwords or word in lex.spellings:
            return True
        if word in lex.synonyms:
            return True
        found = normalize.term(word, lex)
        return found is not None and found in self.vocabulary

    def _corrected(self, word: str) -> list[str]:
        if not 4 <= len(word) <= LONGEST_WORD or word.isdigit() or self._known(word):
            return [word]
        if is_indonesian_word(word):
            return [word]
        splits = [
            (min(i, len(word) - i), word[:i], word[i:])
            for i in range(2, len(word) - 1)
            if self._known(word[:i]) and self._known(word[i:])
        ]
        if splits:
            _, left, right = max(splits)
            return [*normalize.words_of(left), *normalize.words_of(right)]
        if self._surface_list:
            cutoff = TYPO_CUTOFF if len(word) >= 5 else SHORT_TYPO_CUTOFF
            found = process.extractOne(
                word, self._surface_list, scorer=fuzz.ratio, score_cutoff=cutoff
            )
            if found is not None:
                return [found[0]]
        return [word]

    def vector(self, words: Sequence[str]) -> dict[str, float]:
        """The query's unit vector over this bank's features."""
        unknown = max(self.idf.values(), default=1.0) * UNKNOWN_WEIGHT
        raw = {f: tf * self.idf.get(f, unknown) for f, tf in features(words).items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {f: v / norm for f, v in raw.items()}

    def scores(self, words: Sequence[str]) -> dict[str, float]:
        """Each topic's best cosine with the matching words `words` (0 when nothing shared)."""
        dots: dict[int, float] = defaultdict(float)
        for feature, weight in self.vector(words).items():
            for index, value in self.postings.get(feature, ()):
                dots[index] += weight * value
        best: dict[str, float] = {}
        for index, dot in dots.items():
            topic = self.topics[self.owner[index]]
            if dot > best.get(topic, 0.0):
                best[topic] = dot
        return best


def compile_bank(bank: Mapping[str, Sequence[str]]) -> CompiledBank:
    """Compile topic -> phrasings (texts) into a scorer."""
    topics = list(bank)
    phrasings: list[tuple[int, dict[str, float]]] = []
    topic_features: dict[str, set[int]] = defaultdict(set)
    surface: set[str] = set()
    vocabulary: set[str] = set()
    exact: dict[str, str] = {}
    for index, topic in enumerate(topics):
        for text in bank[topic]:
            words = normalize.text_words(text)
            exact.setdefault(" ".join(words), topic)
            surface.update(w for w in words if len(w) >= 4 and not w.isdigit())
            matched = normalize.matching(words)
            vocabulary.update(matched)
            feats = features(matched)
            if not feats:
                continue
            phrasings.append((index, feats))
            for feature in feats:
                topic_features[feature].add(index)
    count = len(topics)
    idf = {f: math.log((1 + count) / (1 + len(t))) + 1.0 for f, t in topic_features.items()}
    compiled = CompiledBank(topics=topics, idf=idf, exact=exact)
    compiled.surface = frozenset(surface)
    compiled.vocabulary = frozenset(vocabulary)
    compiled.word_topics = {
        f[2:]: frozenset(topics[i] for i in t)
        for f, t in topic_features.items()
        if f.startswith("w:")
    }
    compiled._surface_list = sorted(surface)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for position, (index, feats) in enumerate(phrasings):
        weighted = {f: tf * idf[f] for f, tf in feats.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        compiled.owner.append(index)
        for feature, value in weighted.items():
            postings[feature].append((position, value / norm))
    compiled.postings = dict(postings)
    return compiled


def digest(bank: Mapping[str, Sequence[str]]) -> str:
    """A short content hash of a bank (topic -> phrasings), its identity in the cache."""
    text = json.dumps({k: list(v) for k, v in bank.items()}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


_CACHE: OrderedDict[str, CompiledBank] = OrderedDict()
_CACHE_SIZE = 64
_LOCK = threading.Lock()


def compiled(bank: Mapping[str, Sequence[str]], key: str | None = None) -> CompiledBank:
    """The compiled form of a bank, built once per process for each distinct content (`key`:
    the bank's digest when the caller already has it)."""
    key = key or digest(bank)
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    made = compile_bank(bank)
    with _LOCK:
        _CACHE[key] = made
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return made
