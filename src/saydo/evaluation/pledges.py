"""``saydo eval pledges``: verdict accuracy and evidence recall against gold files.

Gold files are saydo's own format (``data/gold/README.md``). A predicted pledge pairs
with a gold pledge by the rules of ``eval gold``; over the pairs, a verdict is right when
its label equals the gold ``verdict``, and evidence recall is the share of the gold
``contradicted_by`` / ``kept_by`` events that the pledge's evidence holds. Linking is done
per article, as ``eval gold`` does, or across every article of the set (``together``),
so that an outcome told in one article can settle a pledge announced in another.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from saydo.domain import (
    Article,
    Event,
    Extraction,
    Pledge,
    PledgeKind,
    Verdict,
    VerdictLabel,
    content_hash,
)
from saydo.errors import ErrorCode, SaydoError
from saydo.evaluation.acled import parse_acled_date
from saydo.evaluation.event_formats import column_key, first_column, read_table
from saydo.evaluation.gold import (
    DEED_MODALITIES,
    GoldFile,
    PlaceIndex,
    SpeakerResolver,
    _event_fits,
    _pledge_fits,
    load_gold,
)
from saydo.evaluation.matching import Score, max_matching, score_groups
from saydo.extract.lexicon import SPEECH_ACT_TYPES
from saydo.link import link

Extract = Callable[[Article], Extraction]


@dataclass
class PledgeEval:
    files: int = 0
    pledges: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    matched: int = 0
    verdict_right: int = 0
    evidence_cited: int = 0  # gold events named as kept_by / contradicted_by of matched pledges
    evidence_found: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    details: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        return {
            "pledges_precision": round(self.pledges.precision, 4),
            "pledges_recall": round(self.pledges.recall, 4),
            "pledges_f1": round(self.pledges.f1, 4),
            "verdict_acc": _ratio(self.verdict_right, self.matched),
            "evidence_recall": _ratio(self.evidence_found, self.evidence_cited),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "suite": "pledges",
            "n": self.files,
            "metrics": self.metrics(),
            "counts": {
                "gold_pledges": self.pledges.required,
                "predicted": self.pledges.predicted,
                "matched": self.matched,
                "verdict_right": self.verdict_right,
                "evidence_cited": self.evidence_cited,
                "evidence_found": self.evidence_found,
            },
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            "details": self.details,
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def gold_paths(paths: Iterable[Path]) -> list[Path]:
    """Every gold file named, a directory standing for its ``*.gold.json`` files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.gold.json")))
        elif path.is_file():
            found.append(path)
        else:
            raise SaydoError(ErrorCode.BAD_GOLD, str(path), "no such file or directory")
    return found


def evaluate_pledges(paths: Iterable[Path], extract: Extract, together: bool = False) -> PledgeEval:
    """Score the pledges and verdicts ``extract`` leads to on every gold file."""
    golds = [load_gold(p) for p in gold_paths(paths)]
    extractions = [extract(g.article) for g in golds]
    result = PledgeEval(files=len(golds))
    if together:
        articles = {g.article.id: g.article for g in golds}
        pledges = [p for x in extractions for p in x.pledges]
        verdicts = link(pledges, [e for x in extractions for e in x.events], articles)
    for gold, extraction in zip(golds, extractions, strict=True):
        if not together:
            verdicts = link(extraction.pledges, extraction.events, {gold.article.id: gold.article})
        _score(gold, extraction, verdicts, result)
    return result


def _score(
    gold: GoldFile, extraction: Extraction, verdicts: list[Verdict], out: PledgeEval
) -> None:
    places = PlaceIndex(gold.section("places"))
    items = gold.section("pledges")
    pledges = list(extraction.pledges)
    matching = max_matching(pledges, items, lambda p, g: _pledge_fits(p, g, places))
    event_of = _gold_events(gold, list(extraction.events), places)
    by_pledge = {v.pledge_id: v for v in verdicts}
    by_pledge.update({m: v for v in verdicts for m in v.mentions})
    out.pledges += score_groups(matching, len(pledges), items)
    for p, g in matching.items():
        _score_pair(pledges[p], items[g], by_pledge.get(pledges[p].id), event_of, out)


def _gold_events(gold: GoldFile, events: list[Event], places: PlaceIndex) -> dict[str, str]:
    """{predicted event id: the gold event id it matches}, as ``eval gold`` pairs them."""
    resolver = SpeakerResolver(gold.section("actors"), gold.article.outlet)
    deeds = [e for e in events if e.type not in SPEECH_ACT_TYPES and e.modality in DEED_MODALITIES]
    items = gold.section("events")
    matching = max_matching(deeds, items, lambda e, g: _event_fits(e, g, resolver, places))
    return {
        deeds[e].id: str(items[g].get("same_as") or items[g].get("id")) for e, g in matching.items()
    }


def _score_pair(
    pledge: Pledge,
    item: dict[str, Any],
    verdict: Verdict | None,
    event_of: dict[str, str],
    out: PledgeEval,
) -> None:
    label = verdict.label.value if verdict else "none"
    wanted = str(item.get("verdict", ""))
    cited = {str(e) for e in [*item.get("contradicted_by", []), *item.get("kept_by", [])]}
    found = {event_of.get(e.event_id) for e in verdict.evidence} if verdict else set()
    out.matched += 1
    out.verdict_right += int(label == wanted)
    out.evidence_cited += len(cited)
    out.evidence_found += len(cited & found)
    out.confusion[(wanted, label)] += 1
    out.details.append(
        {
            "gold": item.get("id"),
            "pledge": pledge.id,
            "kind": pledge.kind.value,
            "verdict": label,
            "gold_verdict": wanted,
            "evidence_found": sorted(cited & {f for f in found if f}),
            "evidence_missed": sorted(cited - found),
        }
    )


def format_report(result: PledgeEval) -> str:
    m = result.metrics()
    lines = [
        f"pledges on {result.files} gold file(s): {result.pledges.required} gold, "
        f"{result.pledges.predicted} predicted, {result.matched} matched",
        f"  pledges   P {m['pledges_precision']:.3f}  R {m['pledges_recall']:.3f}  "
        f"F1 {m['pledges_f1']:.3f}",
        f"  verdict accuracy {m['verdict_acc']:.3f} ({result.verdict_right}/{result.matched})",
        f"  evidence recall  {m['evidence_recall']:.3f} "
        f"({result.evidence_found}/{result.evidence_cited})",
    ]
    for (wanted, got), n in sorted(result.confusion.items()):
        lines.append(f"    gold {wanted:12} -> {got:12} {n}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class TruceRow:
    """An announced local truce, the reports of its day, and the outcome on record."""

    announcement: str
    announced_on: date
    outcomes: tuple[tuple[str, date], ...]
    expected: VerdictLabel | None  # None: the outcome is not known
    # Which batch of the table the row came in ("round 3"), so that rows written after a
    # change are scored apart from those the change was made against.
    group: str = ""


@dataclass
class TruceTableScore:
    rows: int = 0
    known: int = 0  # rows whose outcome is known
    pledged: int = 0  # known rows whose announcement gave a ceasefire pledge
    reached: int = 0  # known rows whose every ceasefire pledge got the recorded verdict
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return _ratio(self.reached, self.known)

    def groups(self) -> dict[str, dict[str, float]]:
        """Known rows, pledges found, outcomes reached and their share, by row group."""
        out: dict[str, dict[str, float]] = {}
        for detail in self.details:
            counts = out.setdefault(detail["group"], {"known": 0, "pledged": 0, "reached": 0})
            counts["known"] += 1
            counts["pledged"] += int(detail["pledged"])
            counts["reached"] += int(detail["got"] == [detail["expected"]])
        for counts in out.values():
            counts["share"] = _ratio(int(counts["reached"]), int(counts["known"]))
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "suite": "truce-table",
            "rows": self.rows,
            "known": self.known,
            "pledged": self.pledged,
            "reached": self.reached,
            "share": self.share,
            "groups": self.groups(),
            "details": self.details,
        }


def load_truce_table(path: Path) -> list[TruceRow]:
    """A table of announced truces, one a row, as JSON Lines, a JSON array, or CSV/TSV.

    JSON rows hold ``announcement``, ``date``, ``outcomes`` (``[text, date]`` pairs)
    and ``expected``; a JSON row without an ``outcomes`` list is read as a table row.
    A table row names the announcement (``announcement``, ``text`` or ``statement``),
    its date (``date``, ``announcement_date`` or ``announced``), one or more outcome
    reports (``outcome``, ``outcome_2`` ... or ``report``, ``report_2`` ..., each with an
    optional ``outcome_date``, ``outcome_2_date`` ...; undated reports take the
    announcement's date) and the outcome's label (``expected``, ``outcome_label``,
    ``verdict``, ``status`` or ``label``; else an outcome cell that is only a label
    word, "failed"). Dates may be ISO or as news writes
    them ("5 March 2022"). Labels may be saydo's (kept, contradicted, disputed, pending)
    or plain words for them (held, failed, violated, contested ...); an empty or
    "unknown" label means not known.
    """
    tabular = path.suffix.lower() in {".csv", ".tsv"}
    items = list(enumerate(read_table(path), 2)) if tabular else _json_items(path)
    rows: list[TruceRow] = []
    for number, item in items:
        try:
            rows.append(_truce_row(_as_json_row(item)))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise SaydoError(ErrorCode.BAD_GOLD, f"{path}:{number}", str(error)) from error
    return rows


def _as_json_row(item: Any) -> dict[str, Any]:
    if isinstance(item, dict) and isinstance(item.get("outcomes"), list):
        return item
    if not isinstance(item, dict):
        raise TypeError(f"a row is an object, not {type(item).__name__}")
    return _csv_item({column_key(k): "" if v is None else str(v) for k, v in item.items()})


def _json_items(path: Path) -> list[tuple[int, Any]]:
    """A JSON array's items or JSON Lines' objects, each with its number."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), str(error)) from error
    if text.lstrip().startswith("["):
        try:
            array = json.loads(text)
        except ValueError as error:
            raise SaydoError(ErrorCode.BAD_GOLD, str(path), str(error)) from error
        return list(enumerate(array, 1))
    items: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append((number, json.loads(line)))
            except ValueError as error:
                raise SaydoError(ErrorCode.BAD_GOLD, f"{path}:{number}", str(error)) from error
    return items


_ANNOUNCEMENT_COLUMNS = ("announcement", "text", "statement", "announcement_text")
_DATE_COLUMNS = ("date", "announcement_date", "announced", "announced_on", "date_announced")
_LABEL_COLUMNS = ("expected", "outcome_label", "verdict", "status", "label")
_OUTCOME_COLUMN = re.compile(r"(?:outcomes?|reports?)(?:_(\d+))?$")


def _csv_item(row: dict[str, str]) -> dict[str, Any]:
    """A table row (keys as :func:`read_table` gives them) in the JSON rows' shape."""
    cells = {name: value.strip() for name, value in row.items()}
    announcement = first_column(cells, _ANNOUNCEMENT_COLUMNS)
    if announcement is None:
        raise KeyError("no announcement (column announcement, text or statement)")
    announced = first_column(cells, _DATE_COLUMNS)
    if announced is None:
        raise KeyError("no date (column date or announcement_date)")
    expected = first_column(cells, _LABEL_COLUMNS)
    outcomes = []
    for name in sorted(cells, key=lambda n: (len(n), n)):
        if not _OUTCOME_COLUMN.match(name) or not cells[name]:
            continue
        if expected is None and cells[name].lower() in _LABELS:
            expected = cells[name]  # "outcome: failed" is the label, not a report
            continue
        outcomes.append([cells[name], cells.get(f"{name}_date") or announced])
    return {
        "announcement": announcement,
        "date": announced,
        "outcomes": outcomes,
        "expected": expected,
        "group": cells.get("group", ""),
    }


# Plain words a table may use for each verdict.
_LABEL_WORDS = {
    VerdictLabel.KEPT: ("kept", "held", "worked", "success", "successful", "fulfilled"),
    VerdictLabel.CONTRADICTED: (
        "contradicted",
        "failed",
        "failure",
        "violated",
        "broken",
        "collapsed",
        "breached",
    ),
    VerdictLabel.DISPUTED: ("disputed", "contested", "mixed"),
    VerdictLabel.PENDING: ("pending",),
}
_LABELS = {word: label for label, words in _LABEL_WORDS.items() for word in words}
_UNKNOWN = {"", "unknown", "n/a", "na", "none", "null"}


def _label(value: Any) -> VerdictLabel | None:
    word = str(value or "").strip().lower()
    if word in _UNKNOWN:
        return None
    if word not in _LABELS:
        raise ValueError(f"unknown outcome label {value!r}")
    return _LABELS[word]


def _day(value: Any) -> date:
    """An ISO date, or one as news and ACLED write it ("5 March 2022")."""
    text = str(value).strip()
    found = parse_acled_date(text)
    if found is None:
        raise ValueError(f"bad date {text!r}")
    return found


def _truce_row(item: dict[str, Any]) -> TruceRow:
    return TruceRow(
        announcement=str(item["announcement"]),
        announced_on=_day(item["date"]),
        outcomes=tuple((str(text), _day(day)) for text, day in item["outcomes"]),
        expected=_label(item.get("expected")),
        group=str(item.get("group", "")),
    )


def score_truce_table(rows: Iterable[TruceRow], extract: Extract) -> TruceTableScore:
    """Each row's announcement and outcome reports extracted and linked together: does
    the announcement give a ceasefire pledge, and does it reach the recorded verdict?"""
    result = TruceTableScore()
    for row in rows:
        result.rows += 1
        pledges, verdicts = _settle(row, extract)
        labels = sorted({v.label.value for v in verdicts})
        if row.expected is None:
            continue
        result.known += 1
        result.pledged += int(bool(pledges))
        reached = bool(verdicts) and labels == [row.expected.value]
        result.reached += int(reached)
        result.details.append(
            {
                "announcement": row.announcement,
                "expected": row.expected.value,
                "got": labels,
                "pledged": bool(pledges),
                "group": row.group,
            }
        )
    return result


def _truce_pledges(pledges: Iterable[Pledge]) -> list[Pledge]:
    """The announcement's ceasefire pledges; failing those, its pledges to scale down
    fighting in named places ("reduce military activity around X"), which are local
    truces too. Both kinds at once would count the one announcement twice."""
    found = list(pledges)
    for kind in (PledgeKind.CEASEFIRE, PledgeKind.DE_ESCALATION):
        chosen = [p for p in found if p.kind is kind]
        if chosen:
            return chosen
    return []


def _settle(row: TruceRow, extract: Extract) -> tuple[list[Pledge], list[Verdict]]:
    said = _article(row.announcement, row.announced_on)
    reports = [_article(text, day) for text, day in row.outcomes]
    extractions = [extract(a) for a in [said, *reports]]
    pledges = _truce_pledges(extractions[0].pledges)
    events = [e for x in extractions for e in x.events]
    articles = {a.id: a for a in [said, *reports]}
    return pledges, link(pledges, events, articles)


def _article(text: str, published: date) -> Article:
    return Article(content_hash(text), text, "truce-table", published=published)


def format_truce_table(result: TruceTableScore) -> str:
    lines = [
        f"truce table: {result.rows} row(s), {result.known} with a known outcome",
        f"  pledge found    {result.pledged}/{result.known}",
        f"  outcome reached {result.reached}/{result.known} ({result.share:.3f})",
    ]
    groups = result.groups()
    if len(groups) > 1:
        lines += [
            f"    {name or '(no group)'}: pledge {c['pledged']:.0f}/{c['known']:.0f}, "
            f"outcome {c['reached']:.0f}/{c['known']:.0f} ({c['share']:.3f})"
            for name, c in sorted(groups.items())
        ]
    lines += [
        f"    missed: expected {d['expected']}, got {','.join(d['got']) or 'no pledge'}: "
        f"{d['announcement'][:70]}"
        for d in result.details
        if d["got"] != [d["expected"]]
    ]
    return "\n".join(lines)
