"""Numbers as news writes them: "12", "1,200", "four million", "dozens", "thousands".

``parse_number`` reads the lower bound a phrase gives: "more than four million" is at
least 4,000,000; a vague plural ("dozens", "hundreds", "thousands") is read as twice its
unit, the smallest count the plural allows.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plurals that name a count without giving it; the lower bound is two of the unit.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
}
# Words that can be part of a number phrase.
NUMBER_HINTS = frozenset(UNITS) | frozenset(SCALES) | frozenset(VAGUE) | {"and"}
_TOKEN = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?")


def parse_number(text: str) -> int | None:
    """The number in a phrase, or None when it holds none."""
    total: float = 0
    current: float = 0
    seen = False
    for word in _TOKEN.findall(text.lower().replace("-", " ")):
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        elif word in VAGUE:
            current = current * VAGUE[word] if current else VAGUE[word]
        else:
            if seen and word != "and":
                break
            continue
        seen = True
    if not seen:
        return None
    return int(total + current)
