"""``saydo eval plover``: score event coding on the PLOVER gold-standard records.

The PLOVER GSR (``PLOVER_GSR_CAMEO.json``, Open Event Data Alliance) is one JSON list of
records, each a sentence from the CAMEO manual coded with one event: ``event`` (its type),
``source`` and ``target`` (lists of actors, each with ``code`` — ISO 3166 alpha-3 or
``IGO``/``NGO`` — and perhaps a ``sector``), ``text`` and an inline ``textInfo.markup``.
A record whose ``event`` is ``DOCUMENT`` documents the file and is skipped.

The GSR predates the final sixteen PLOVER types: its legacy types map onto them
(``DEMAND`` → REQUEST, ``DISAPPROVE`` and ``INVESTIGATE`` → ACCUSE, ``FIGHT`` → ASSAULT),
and two of its country codes are not ISO (``JAP`` → JPN, ``ITL`` → ITA).

Which of saydo's events answers a record: the GSR codes the sentence's main event, so
saydo's event whose trigger sits highest in the dependency tree (fewest steps to the
root) is taken, the earliest on a tie. A record where saydo finds no event counts as
wrong on every metric it is scored on.

The picked event is read as PLOVER codes it (:func:`saydo.extract.coding.plover_type` and
``plover_participants``): a demanded act ("Russia said Sudan must return the helicopter")
is the demander's REQUEST of the one asked to act, so its source is the demander.

Metrics: ``type_acc`` and ``type_macro_f1`` over all scored records; ``actor_acc`` over
records with a gold source (right when the picked event's actor has one of the source
codes); ``recipient_acc`` likewise over records with a gold target.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saydo.domain import Actor, Article, Event, content_hash
from saydo.errors import ErrorCode, SaydoError
from saydo.progress import ProgressLine

NO_EVENT = "NONE"
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA"}
SKIPPED_TYPES = frozenset({"DOCUMENT"})


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    type: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True, slots=True)
class Prediction:
    type: str
    actor: str | None
    recipient: str | None


def gold_type(raw: str) -> str:
    upper = raw.strip().upper()
    return LEGACY_TYPES.get(upper, upper)


def gold_code(raw: str) -> str:
    """A GSR actor code as saydo writes countries: ISO alpha-3, IGO or NGO."""
    code = raw.strip().upper()[:3]
    return LEGACY_CODES.get(code, code)


def _codes(raw: object) -> frozenset[str]:
    """A GSR actor list; "" or a missing key means the record codes no such actor."""
    if not isinstance(raw, list):
        return frozenset()
    return frozenset(
        gold_code(str(a["code"])) for a in raw if isinstance(a, dict) and a.get("code")
    )


def load_records(path: Path, limit: int | None = None) -> list[GoldRecord]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), error) from error
    if not isinstance(data, list):
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), "not a JSON list of records")
    records: list[GoldRecord] = []
    for raw in data:
        if not isinstance(raw, dict) or not raw.get("text") or not raw.get("event"):
            continue
        if str(raw["event"]).upper() in SKIPPED_TYPES:
            continue
        records.append(
            GoldRecord(
                id=str(raw.get("id", len(records))),
                text=str(raw["text"]),
                type=gold_type(str(raw["event"])),
                sources=_codes(raw.get("source")),
                targets=_codes(raw.get("target")),
            )
        )
    return records[:limit] if limit is not None else records


def _side(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def predict(
    records: Sequence[GoldRecord], progress: ProgressLine | None = None
) -> list[Prediction]:
    """Run saydo on every record's text, parsed in one batch, and pick its main event."""
    from saydo.extract.article import extract_records
    from saydo.extract.coding import plover_participants, plover_type
    from saydo.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = [r.text for r in records]
    out: list[Prediction] = []
    if progress is not None:
        progress.start(len(records))
    for record, doc in zip(records, nlp.pipe(texts), strict=True):
        if progress is not None:
            progress.advance()
        article = Article(id=content_hash(record.text), text=record.text, source=record.id)
        extraction = extract_records(doc, article)
        event = main_event(extraction.events, [t.i for t in doc if t.head.i == t.i], doc)
        if event is None:
            out.append(Prediction(NO_EVENT, None, None))
        else:
            source, target = plover_participants(event)
            out.append(Prediction(plover_type(event).value, _side(source), _side(target)))
    return out


def main_event(events: Iterable[Event], roots: Sequence[int], doc: Any) -> Event | None:
    """The event whose trigger is closest to its sentence's root; the earliest on a tie."""
    best: tuple[int, int] | None = None
    chosen: Event | None = None
    for event in events:
        span = doc.char_span(event.provenance.start, event.provenance.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        token = span.root
        key = (_depth(token), event.provenance.start)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


def _depth(token: Any) -> int:
    return sum(1 for _ in token.ancestors)


def score(records: Sequence[GoldRecord], predictions: Sequence[Prediction]) -> dict[str, Any]:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    actor_right = actor_n = recipient_right = recipient_n = 0
    for gold, pred in zip(records, predictions, strict=True):
        confusion[gold.type][pred.type] += 1
        if gold.sources:
            actor_n += 1
            actor_right += pred.actor in gold.sources
        if gold.targets:
            recipient_n += 1
            recipient_right += pred.recipient in gold.targets
    n = len(records)
    right = sum(confusion[t][t] for t in confusion)
    metrics = {
        "type_acc": _ratio(right, n),
        "type_macro_f1": round(macro_f1(confusion), 4),
        "actor_acc": _ratio(actor_right, actor_n),
        "recipient_acc": _ratio(recipient_right, recipient_n),
        "actor_n": actor_n,
        "recipient_n": recipient_n,
        "no_event": sum(row[NO_EVENT] for row in confusion.values()),
    }
    return {
        "suite": "plover",
        "n": n,
        "metrics": metrics,
        "confusion": {g: dict(row) for g, row in sorted(confusion.items())},
    }


def _ratio(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0


def macro_f1(confusion: dict[str, Counter[str]]) -> float:
    """Mean F1 over the gold types (a predicted type absent from the gold scores nothing)."""
    if not confusion:
        return 0.0
    predicted: Counter[str] = Counter()
    for row in confusion.values():
        predicted.update(row)
    total = 0.0
    for label, row in confusion.items():
        tp = row[label]
        precision = tp / predicted[label] if predicted[label] else 0.0
        recall = tp / sum(row.values())
        total += 2 * precision * recall / (precision + recall) if tp else 0.0
    return total / len(confusion)


def evaluate_plover(
    path: Path, limit: int | None = None, progress: ProgressLine | None = None
) -> dict[str, Any]:
    """Score saydo's event coding against the PLOVER GSR file at ``path``."""
    records = load_records(path, limit)
    return score(records, predict(records, progress))


def format_report(result: dict[str, Any]) -> str:
    metrics = result["metrics"]
    lines = [f"PLOVER GSR: {result['n']} records"]
    for key in ("type_acc", "type_macro_f1", "actor_acc", "recipient_acc"):
        lines.append(f"  {key:<14} {metrics[key]:.4f}")
    lines.append(
        f"  actor scored on {metrics['actor_n']}, recipient on {metrics['recipient_n']}, "
        f"no event on {metrics['no_event']}"
    )
    lines.extend(["", "confusion (rows gold, columns predicted):"])
    lines.extend(confusion_table(result["confusion"]))
    return "\n".join(lines)


def confusion_table(confusion: dict[str, dict[str, int]]) -> list[str]:
    """Lines of a gold-by-predicted table of counts, columns abbreviated to four letters."""
    columns = sorted({p for row in confusion.values() for p in row} | set(confusion))
    abbrev = {c: c[:4] for c in columns}
    width = max((len(g) for g in confusion), default=4)
    header = " " * width + " " + " ".join(f"{abbrev[c]:>4}" for c in columns)
    rows = [header]
    for gold in sorted(confusion):
        cells = " ".join(f"{confusion[gold].get(c, 0) or '.':>4}" for c in columns)
        rows.append(f"{gold:<{width}} {cells}")
    return rows
