"""``saydo eval gold``: score the pipeline against gold files in saydo's own format.

The format and its matching rules are documented beside the gold files
(``data/gold/README.md``): one JSON file per article with actors, places, quotes, events
and pledges. Everything here reads the format, never the sentences of a particular file.

The quotes section scores speech: direct, partial and indirect quotes, as the gold
README defines them. Statements of the thought kind (what a source believes, expects,
wants, or what seems so: "Talks are expected to resume") are kept in the ledger and
scored against PolNeAR, which annotates them, but they are not quotes: they are left
out of this section, neither right nor wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from saydo.domain import (
    Actor,
    Article,
    Event,
    Extraction,
    Modality,
    Place,
    Pledge,
    Statement,
    StatementKind,
    Verdict,
)
from saydo.errors import ErrorCode, SaydoError
from saydo.evaluation.matching import Score, fold, max_matching, score_groups
from saydo.extract.lexicon import SPEECH_ACT_TYPES
from saydo.geo import distance_km
from saydo.ingest import IngestOptions, read_sources
from saydo.link import link

GoldItem = dict[str, Any]
DEED_MODALITIES = frozenset({Modality.OCCURRED, Modality.CLAIMED})
MATCH_KM = 161.0
QUOTE_KINDS = frozenset({StatementKind.DIRECT, StatementKind.PARTIAL, StatementKind.INDIRECT})


@dataclass
class GoldFile:
    path: Path
    data: dict[str, Any]
    article: Article

    def section(self, name: str) -> list[GoldItem]:
        items = self.data.get(name, [])
        if not isinstance(items, list):
            raise SaydoError(ErrorCode.BAD_GOLD, str(self.path), f"'{name}' is not a list")
        return items


@dataclass
class GoldResult:
    quotes: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    quotes_content: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    events: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    pledges: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    speaker_right: int = 0
    speaker_paired: int = 0
    verdict_right: int = 0
    verdict_matched: int = 0
    files: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, score in (
            ("quotes", self.quotes),
            ("events", self.events),
            ("pledges", self.pledges),
        ):
            out[f"{name}_precision"] = round(score.precision, 4)
            out[f"{name}_recall"] = round(score.recall, 4)
            out[f"{name}_f1"] = round(score.f1, 4)
        out["quotes_content_precision"] = round(self.quotes_content.precision, 4)
        out["quotes_content_recall"] = round(self.quotes_content.recall, 4)
        out["quotes_content_f1"] = round(self.quotes_content.f1, 4)
        out["quotes_speaker_acc"] = _ratio(self.speaker_right, self.speaker_paired)
        out["verdict_acc"] = _ratio(self.verdict_right, self.verdict_matched)
        return out


def _ratio(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0


def load_gold(path: Path) -> GoldFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), error) from error
    if not isinstance(data, dict) or "article" not in data:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), "no 'article' key")
    article_path = _article_path(path, str(data["article"]))
    articles = [a for a in read_sources([article_path], IngestOptions()) if isinstance(a, Article)]
    if not articles:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), f"cannot read {article_path}")
    article = articles[0]
    if article.published is None and data.get("published"):
        article = replace(article, published=date.fromisoformat(str(data["published"])))
    return GoldFile(path, data, article)


def _article_path(gold_path: Path, relative: str) -> Path:
    for base in (gold_path.parent.parent, gold_path.parent):
        candidate = base / relative
        if candidate.exists():
            return candidate
    raise SaydoError(ErrorCode.BAD_GOLD, str(gold_path), f"article {relative} not found")


def evaluate_gold(paths: Iterable[Path], extract: Any) -> GoldResult:
    """Score ``extract(article) -> Extraction`` on every gold file."""
    result = GoldResult()
    for path in paths:
        gold = load_gold(path)
        extraction: Extraction = extract(gold.article)
        verdicts = link(extraction.pledges, extraction.events, {gold.article.id: gold.article})
        _score_file(gold, extraction, verdicts, result)
        result.files += 1
    return result


def _score_file(
    gold: GoldFile, extraction: Extraction, verdicts: list[Verdict], result: GoldResult
) -> None:
    resolver = SpeakerResolver(gold.section("actors"), gold.article.outlet)
    places = PlaceIndex(gold.section("places"))
    _score_quotes(gold, quotes_of(extraction.statements), resolver, result)
    events = [
        e
        for e in extraction.events
        if e.type not in SPEECH_ACT_TYPES and e.modality in DEED_MODALITIES
    ]
    event_match = _score_events(gold, events, resolver, places, result)
    _score_pledges(gold, list(extraction.pledges), verdicts, events, event_match, places, result)


def quotes_of(statements: Iterable[Statement]) -> list[Statement]:
    """The statements the quotes section scores: speech, not thoughts."""
    return [s for s in statements if s.kind in QUOTE_KINDS]


class SpeakerResolver:
    """Does a predicted actor resolve to a gold source name?"""

    def __init__(self, actors: Sequence[GoldItem], outlet: str | None) -> None:
        self.names: dict[str, set[str]] = {}
        for actor in actors:
            name = fold(str(actor.get("name", "")))
            self.names[name] = {name, *(fold(a) for a in actor.get("aliases", []))}
        self.outlet = outlet

    def same(self, actor: Actor | None, gold_name: str) -> bool:
        wanted = fold(gold_name)
        accepted = self.names.get(wanted, {wanted})
        if actor is None:
            return self.outlet is not None and fold(self.outlet) in accepted
        candidates = {fold(actor.name), *(fold(a) for a in actor.aliases)}
        if actor.parent:
            candidates.add(fold(actor.parent))
        candidates |= {c.removeprefix("the ") for c in candidates}
        return bool(candidates & accepted)


class PlaceIndex:
    def __init__(self, places: Sequence[GoldItem]) -> None:
        self.by_text = {fold(str(p.get("text", ""))): p for p in places}

    def overlaps(self, predicted: Sequence[Place], gold_texts: Sequence[str]) -> bool:
        for text in gold_texts:
            gold = self.by_text.get(fold(text))
            for place in predicted:
                if _place_matches(place, text, gold):
                    return True
        return False


def _place_matches(place: Place, text: str, gold: GoldItem | None) -> bool:
    folded = fold(text)
    if folded in {fold(place.text), fold(place.name)} or fold(place.text) in folded:
        return True
    if gold is None:
        return False
    if fold(str(gold.get("name", ""))) == fold(place.name):
        return True
    if "lat" in gold and "lon" in gold:
        target = Place(text, text, "city", lat=float(gold["lat"]), lon=float(gold["lon"]))
        return distance_km(place, target) <= MATCH_KM
    return False


def _score_quotes(
    gold: GoldFile, statements: list[Statement], resolver: SpeakerResolver, result: GoldResult
) -> None:
    items = gold.section("quotes")

    def content(s: Statement, q: GoldItem) -> bool:
        return fold(str(q.get("contains", ""))) in fold(s.content)

    def right(s: Statement, q: GoldItem) -> bool:
        return content(s, q) and resolver.same(s.speaker, str(q.get("speaker", "")))

    by_content = max_matching(statements, items, content)
    by_speaker = max_matching(statements, items, right)
    result.quotes_content += score_groups(by_content, len(statements), items)
    result.quotes += score_groups(by_speaker, len(statements), items)
    result.speaker_paired += len(by_content)
    result.speaker_right += sum(1 for s, q in by_content.items() if right(statements[s], items[q]))
    for s, q in by_content.items():
        statement = statements[s]
        result.details.append(
            {
                "section": "quotes",
                "gold": items[q].get("id"),
                "speaker": statement.speaker.name if statement.speaker else None,
                "right": right(statement, items[q]),
            }
        )


def _event_fits(
    event: Event, item: GoldItem, resolver: SpeakerResolver, places: PlaceIndex
) -> bool:
    if fold(str(item.get("evidence", ""))) not in fold(event.provenance.sentence):
        return False
    if str(item.get("type", "")) != event.type.value:
        return False
    if item.get("actor") and (event.actor is None or event.actor.country != item["actor"]):
        return False
    if item.get("places") and not places.overlaps(event.places, [str(p) for p in item["places"]]):
        return False
    return not (
        item.get("reported_by") and not resolver.same(event.reported_by, str(item["reported_by"]))
    )


def _score_events(
    gold: GoldFile,
    events: list[Event],
    resolver: SpeakerResolver,
    places: PlaceIndex,
    result: GoldResult,
) -> dict[str, str]:
    items = gold.section("events")
    matching = max_matching(events, items, lambda e, g: _event_fits(e, g, resolver, places))
    result.events += score_groups(matching, len(events), items)
    return {
        events[e].id: str(items[g].get("same_as") or items[g].get("id"))
        for e, g in matching.items()
    }


def _pledge_fits(pledge: Pledge, item: GoldItem, places: PlaceIndex) -> bool:
    if pledge.actor is None or pledge.actor.country != item.get("actor"):
        return False
    if item.get("type") and pledge.event.type.value != item["type"]:
        return False
    sentence = fold(pledge.event.provenance.sentence)
    evidence = [str(item.get("evidence", "")), *map(str, item.get("same_as_evidence", []))]
    if any(e and fold(e) in sentence for e in evidence):
        return True
    if not item.get("evidence"):
        return places.overlaps(pledge.scope_places, [str(p) for p in item.get("scope_places", [])])
    return False


def _score_pledges(
    gold: GoldFile,
    pledges: list[Pledge],
    verdicts: list[Verdict],
    events: list[Event],
    event_match: Mapping[str, str],
    places: PlaceIndex,
    result: GoldResult,
) -> None:
    items = gold.section("pledges")
    matching = max_matching(pledges, items, lambda p, g: _pledge_fits(p, g, places))
    result.pledges += score_groups(matching, len(pledges), items)
    by_pledge = {v.pledge_id: v for v in verdicts}
    by_pledge.update({mention: v for v in verdicts for mention in v.mentions})
    for p, g in matching.items():
        verdict = by_pledge.get(pledges[p].id)
        item = items[g]
        right = verdict is not None and verdict.label.value == item.get("verdict")
        cited = [str(e) for e in item.get("contradicted_by", []) + item.get("kept_by", [])]
        if right and cited and verdict is not None:
            found = {event_match.get(e.event_id) for e in verdict.evidence}
            right = bool(found & set(cited))
        result.verdict_matched += 1
        result.verdict_right += int(right)
        result.details.append(
            {
                "section": "pledges",
                "gold": item.get("id"),
                "verdict": verdict.label.value if verdict else None,
                "right": right,
            }
        )
