"""TIMEX3 recognition and normalisation scored as TempEval-3 scores them.

Reads TimeML files (TimeBank's ``.tml``): the document creation time from
``<DCT><TIMEX3 functionInDocument="CREATION_TIME" value=...>``, and from ``<TEXT>`` the
raw text and the gold ``<TIMEX3>`` spans with their ``value``. The text, stripped of its
markup, is parsed with saydo's pipeline and tagged by :func:`find_times` with the
creation date as anchor.

Metrics (UzZaman et al. 2013, TempEval-3, task A):

* ``strict_*``: a system expression matches a gold one with exactly the same characters;
* ``relaxed_*``: it matches one it overlaps (each gold and system expression used once);
* ``value_*``: attribute scores for ``value`` — a relaxed match whose values are equal is
  correct; precision = correct / system expressions, recall = correct / gold ones. This
  equals TempEval-3's "value F1" (relaxed F1 times value accuracy over the matches).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from saydo.errors import ErrorCode, SaydoError
from saydo.extract.timex import FoundTime, find_times
from saydo.progress import ProgressLine


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    created: date
    times: tuple[GoldTime, ...]


_DATE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")


def read_timeml(path: Path) -> TimeMLDoc:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), exc) from exc
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    match = _DATE.match(dct.get("value", "") if dct is not None else "")
    if body is None or match is None:
        raise SaydoError(ErrorCode.BAD_GOLD, f"{path}: no TEXT or creation time")
    created = date(int(match[1]), int(match[2]), int(match[3]))
    parts: list[str] = []
    times: list[GoldTime] = []
    _walk(body, parts, times)
    return TimeMLDoc(path.name, "".join(parts), created, tuple(times))


def _walk(node: ET.Element, parts: list[str], times: list[GoldTime]) -> None:
    """The element's text in order, noting where each TIMEX3 starts and ends."""
    start = sum(map(len, parts))
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, times)
        parts.append(child.tail or "")
    if node.tag == "TIMEX3":
        end = start + len("".join(_inner(node)))
        times.append(GoldTime(start, end, node.get("value", "")))


def _inner(node: ET.Element) -> list[str]:
    out = [node.text or ""]
    for child in node:
        out.extend(_inner(child))
        out.append(child.tail or "")
    return out


def match_counts(gold: list[GoldTime], found: list[FoundTime]) -> dict[str, int]:
    strict = sum(any(f.start == g.start and f.end == g.end for f in found) for g in gold)
    used: set[int] = set()
    relaxed = value = 0
    for g in gold:
        for i, f in enumerate(found):
            if i not in used and f.start < g.end and g.start < f.end:
                used.add(i)
                relaxed += 1
                value += f.time.value == g.value
                break
    return {
        "gold": len(gold),
        "system": len(found),
        "strict": strict,
        "relaxed": relaxed,
        "value": value,
    }


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_times(
    directory: Path, limit: int | None = None, progress: ProgressLine | None = None
) -> dict[str, Any]:
    """TempEval-3 scores of saydo's tagger over the ``.tml`` files of a directory."""
    from saydo.nlp.pipeline import load_pipeline

    files = sorted(directory.glob("*.tml"))[:limit]
    if not files:
        raise SaydoError(ErrorCode.BAD_GOLD, f"{directory}: no .tml files")
    docs = [read_timeml(path) for path in files]
    if progress is not None:
        progress.start(len(docs))
    nlp = load_pipeline()
    totals = dict.fromkeys(("gold", "system", "strict", "relaxed", "value"), 0)
    for gold, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        counts = match_counts(list(gold.times), find_times(parsed, gold.created))
        for key, n in counts.items():
            totals[key] += n
        if progress is not None:
            progress.advance()
    metrics: dict[str, float] = {}
    for kind in ("strict", "relaxed", "value"):
        p, r, f = _f1(totals[kind], totals["system"], totals["gold"])
        metrics.update({f"{kind}_precision": p, f"{kind}_recall": r, f"{kind}_f1": f})
    return {
        "suite": "times",
        "n": totals["gold"],
        "documents": len(docs),
        "system": totals["system"],
        "metrics": metrics,
    }


def format_report(results: list[dict[str, Any]]) -> str:
    lines = []
    for result in results:
        m = result["metrics"]
        lines.append(
            f"TIMEX3 on {result['documents']} documents "
            f"({result['n']} gold, {result['system']} found)"
        )
        lines.append(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
        for kind in ("strict", "relaxed", "value"):
            lines.append(
                f"{kind:10}{m[kind + '_precision']:8.3f}{m[kind + '_recall']:8.3f}"
                f"{m[kind + '_f1']:8.3f}"
            )
    return "\n".join(lines)
