"""Which language an article is in: the one it declares, checked against its text.

Feeds declare a language per channel, not per item, and some declare it wrongly (a
YouTube channel set to en-US that posts in Polish), so a declared language stands
unless the detector is sure of another on a text long enough to judge. The detector
is langdetect with a fixed seed (its answers are otherwise random between runs),
restricted to the languages the news this tool reads comes in, which also makes it
several times faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import langdetect
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

ENGLISH = "en"
# Enough languages that a non-English text is not forced onto English for want of
# a better match; the European ones most of this news is written in, and others
# common in world news feeds.
_PROFILES = (
    "en", "pl", "uk", "ru", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no",
    "fi", "cs", "ro", "hu", "tr", "ar", "fa", "he", "zh-cn", "ja", "ko", "id",
)  # fmt: skip
# Fewer letters than this, and the detector guesses: a headline of names and numbers
# reads as anything.
_MIN_LETTERS = 40
# Nor a text of a few words repeated, which the detector pins on anything.
_MIN_WORDS = 8
# How sure the detector must be to overrule a declared language, or to name one.
_SURE = 0.95
# Detection reads the opening; the rest of an article is in the same language.
_SAMPLE_CHARS = 600
# Words common in English and rare in the other languages detected, so that a text
# full of them is English without running the detector (4 ms an article).
_ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "to", "that", "was", "with", "for", "said", "has", "have", "from",
        "this", "were", "are", "which", "would", "will", "not", "by", "its", "their", "been",
    }
)  # fmt: skip
_ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
# BCP 47-ish: a primary subtag, then optional subtags (en-US, en_GB, zh-Hant-TW).
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    probability: float


def primary_language(value: str | None) -> str | None:
    """The primary subtag of a language tag (``en-US`` → ``en``), None if not a tag."""
    if value is None:
        return None
    match = _TAG.fullmatch(value.strip())
    return match.group(1).lower() if match else None


def article_language(text: str, declared: str | None) -> str | None:
    """The language of an article: the declared one unless the text surely says
    otherwise; the detected one when none is declared and detection is sure."""
    stated = primary_language(declared)
    if stated in (ENGLISH, None) and _plainly_english(text[:_SAMPLE_CHARS], stated):
        return ENGLISH
    guess = detect(text)
    if guess is None or guess.probability < _SURE:
        return stated
    return guess.language


def detect(text: str) -> Guess | None:
    """The detector's best guess for a text, None when there is too little to judge."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    if len(set(sample.casefold().split())) < _MIN_WORDS:
        return None
    detector = _factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    code = str(best.lang).split("-")[0]  # zh-cn → zh, as primary_language gives
    return Guess(code, float(best.prob))


def _plainly_english(sample: str, stated: str | None) -> bool:
    """English beyond doubt, by cheap tests the detector would only confirm."""
    if not all(ch.isascii() for ch in sample if ch.isalpha()):
        return False  # diacritics or another script: let the detector judge
    if stated == ENGLISH:
        return True  # declared English and no diacritics: most of the feeds
    words = _WORD.findall(sample.casefold())
    common = sum(word in _ENGLISH_WORDS for word in words)
    return len(words) >= _MIN_WORDS and common >= _ENGLISH_SHARE * len(words)


@cache
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.seed = 0
    profiles = Path(langdetect.__file__).parent / "profiles"
    texts = [(profiles / name).read_text(encoding="utf-8") for name in _PROFILES]
    factory.load_json_profile(texts)
    return factory
