"""``saydo eval polnear``: attribution against PolNeAR (brat standoff, news 2016).

A PolNeAR directory holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; each
attribution ``E`` links a Content, a Cue and (usually) a Source span, any of them possibly
discontinuous (``start end;start end``). A text annotated twice is scored against the
first annotation in name order, so every text counts once.

Tokens are the parse's tokens without punctuation and white space, so quote marks and a
trailing comma never decide a match. The metrics:

- **content exact**: a prediction matches a gold content when both cover the same set of
  tokens (one-to-one, maximum matching); precision over predictions, recall over gold.
- **content overlap**: Citron's overlap metric (BBC, ``citron/metrics.py``; the PARC 3.0
  figures Citron reports): overlapping tokens divided by predicted tokens (precision) and
  by gold tokens (recall), summed over the corpus. Tokens are counted once per document
  (the union of contents), so PolNeAR's nested attributions do not count a token twice.
- **cue**: a predicted cue matches a gold cue whose span it overlaps (one-to-one).
- **source accuracy**: attributions are paired one-to-one when their contents share at
  least half of the tokens of the shorter of the two; over the pairs whose gold has a
  Source, the share whose predicted speaker mention overlaps the gold Source span, or
  whose resolved speaker's name appears in the gold Source text (a pronoun resolved to
  the person the annotator chose to mark by name; a person by their surname alone).
  A gold attribution without a Source ("talks are expected to resume", "it seems") cannot
  be judged and is left out of the denominator, for every system alike; a prediction
  without a speaker paired with a gold that has a Source counts as wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saydo.errors import ErrorCode, SaydoError
from saydo.evaluation.matching import Score, fold, max_matching
from saydo.progress import ProgressLine

if TYPE_CHECKING:
    from spacy.tokens import Doc

Fragments = tuple[tuple[int, int], ...]
OVERLAP_PAIR = 0.5
_ENTITY_LINE = re.compile(r"^(T\d+)\t([\w-]+) ([\d ;]+)\t")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Fragments
    cue: Fragments
    source: Fragments
    source_text: str


@dataclass(frozen=True, slots=True)
class Predicted:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    speaker_name: str | None
    # True when the speaker resolved to a person: a person's surname names them.
    speaker_is_person: bool = False


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


@dataclass
class Tally:
    exact: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    cue: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    overlap: int = 0
    predicted_tokens: int = 0
    gold_tokens: int = 0
    source_right: int = 0
    source_paired: int = 0
    docs: int = 0

    def metrics(self) -> dict[str, float]:
        overlap = Score(self.overlap, self.predicted_tokens, self.gold_tokens, self.overlap)
        out: dict[str, float] = {}
        for name, score in (
            ("content_exact", self.exact),
            ("content_overlap", overlap),
            ("cue", self.cue),
        ):
            out[f"{name}_precision"] = round(score.precision, 4)
            out[f"{name}_recall"] = round(score.recall, 4)
            out[f"{name}_f1"] = round(score.f1, 4)
        out["source_acc"] = (
            round(self.source_right / self.source_paired, 4) if self.source_paired else 0.0
        )
        out["source_paired"] = float(self.source_paired)
        return out


def _fragments(raw: str) -> Fragments:
    pieces = []
    for piece in raw.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_annotations(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file; an attribution without content is skipped."""
    spans: dict[str, tuple[str, Fragments]] = {}
    links: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            # A span whose text holds a line break runs onto lines of its own: skip them.
            if re.match(r"T\d+\t", line):
                found = _ENTITY_LINE.match(line)
                if found is None:
                    raise ValueError("bad span")
                spans[found.group(1)] = (found.group(2), _fragments(found.group(3)))
            elif re.match(r"E\d+\t", line):
                arguments = line.split("\t")[1].split()
                links.append(dict(a.split(":", 1) for a in arguments))
        except ValueError as error:
            raise SaydoError(ErrorCode.BAD_GOLD, f"{path}:{number}", str(error)) from error
    gold: list[GoldAttribution] = []
    for link in links:
        parts = {role: spans[ref][1] for role, ref in link.items() if ref in spans}
        roles = {_role(role) for role in parts}
        if "Content" not in roles:
            continue
        by_role = {_role(role): frags for role, frags in parts.items()}
        source = by_role.get("Source", ())
        gold.append(
            GoldAttribution(
                by_role["Content"],
                by_role.get("Cue", ()),
                source,
                " ".join(text[s:e] for s, e in source),
            )
        )
    return tuple(gold)


def _role(name: str) -> str:
    return name.rstrip("0123456789")  # brat numbers repeated roles: Content2


def load_polnear(directory: Path, limit: int | None = None) -> list[PolnearDoc]:
    """Every text of a PolNeAR split with its (first) annotation, in name order."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SaydoError(ErrorCode.BAD_GOLD, str(directory), "no text/ and attributions/")
    docs: list[PolnearDoc] = []
    for text_path in sorted(text_dir.glob("*.txt")):
        annotations = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(PolnearDoc(text_path.stem, text, read_annotations(annotations[0], text)))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _token_set(doc: Doc, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
    found: set[int] = set()
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        found.update(t.i for t in span if not (t.is_punct or t.is_space))
    return frozenset(found)


def _overlaps(a: tuple[int, int], fragments: Fragments) -> bool:
    return any(a[0] < end and start < a[1] for start, end in fragments)


def _pairs(p: frozenset[int], g: frozenset[int]) -> bool:
    shared = len(p & g)
    return shared > 0 and shared >= OVERLAP_PAIR * min(len(p), len(g))


def _shared_share(p: frozenset[int], g: frozenset[int]) -> float:
    """Tokens two contents share over the tokens of either (Jaccard)."""
    union = len(p | g)
    return len(p & g) / union if union else 0.0


def _source_right(predicted: Predicted, gold: GoldAttribution) -> bool:
    if predicted.source is not None and _overlaps(predicted.source, gold.source):
        return True
    name = fold(predicted.speaker_name or "")
    if not name:
        return False
    source = fold(gold.source_text)
    if name in source:
        return True
    # "Mike Pence" is the person the annotator marked as "Pence".
    surname = name.split()[-1]
    return predicted.speaker_is_person and surname in re.findall(r"[\w'-]+", source)


def score_document(
    doc: Doc, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted], tally: Tally
) -> None:
    """Add one document's counts to ``tally``."""
    gold_sets = [_token_set(doc, g.content) for g in gold]
    pred_sets = [_token_set(doc, [p.content]) for p in predicted]
    exact = max_matching(pred_sets, gold_sets, lambda p, g: bool(p) and p == g)
    tally.exact += Score(len(exact), len(predicted), len(gold), len(exact))
    with_cue = [p for p in predicted if p.cue is not None]
    gold_cues = [g for g in gold if g.cue]
    cues = max_matching(
        with_cue, gold_cues, lambda p, g: p.cue is not None and _overlaps(p.cue, g.cue)
    )
    tally.cue += Score(len(cues), len(with_cue), len(gold_cues), len(cues))
    union_pred = frozenset().union(*pred_sets) if pred_sets else frozenset()
    union_gold = frozenset().union(*gold_sets) if gold_sets else frozenset()
    tally.overlap += len(union_pred & union_gold)
    tally.predicted_tokens += len(union_pred)
    tally.gold_tokens += len(union_gold)
    paired = max_matching(pred_sets, gold_sets, _pairs, prefer=_shared_share)
    for p, g in paired.items():
        if gold[g].source:
            tally.source_paired += 1
            tally.source_right += _source_right(predicted[p], gold[g])
    tally.docs += 1


def saydo_predictions(doc: Doc, name: str) -> list[Predicted]:
    """saydo's statements on one parsed text, as spans."""
    from saydo.domain import ActorKind, Article, content_hash
    from saydo.extract.context import build_context
    from saydo.extract.mentions import Salience
    from saydo.extract.statements import extract_statements

    # Built directly, not through ingest: ingest normalises the text, and the gold's
    # offsets are into the text as it is.
    article = Article(id=content_hash(doc.text), text=doc.text, source=name)
    ctx = build_context(doc, article)
    found: list[Predicted] = []
    for attribution in extract_statements(doc, ctx, Salience()):
        cue = None
        if attribution.cue_token is not None:
            token = doc[attribution.cue_token]
            cue = (token.idx, token.idx + len(token.text))
        speaker = attribution.statement.speaker
        found.append(
            Predicted(
                (attribution.content_start, attribution.content_end),
                cue,
                attribution.speaker_span,
                speaker.name if speaker is not None else None,
                speaker is not None and speaker.kind is ActorKind.PERSON,
            )
        )
    return found


def textacy_predictions(doc: Doc, name: str) -> list[Predicted]:
    """textacy's direct-quotation triples on the same parse (the baseline)."""
    from textacy.extract.triples import direct_quotations

    found: list[Predicted] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []  # textacy gives up on a text with an odd number of quote marks
    for speaker, cue, content in triples:
        source = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
        cue_span = (cue[0].idx, cue[-1].idx + len(cue[-1].text)) if cue else None
        name_text = " ".join(t.text for t in speaker) if speaker else None
        found.append(Predicted((content.start_char, content.end_char), cue_span, source, name_text))
    return found


Predictor = Callable[["Doc", str], list[Predicted]]
PREDICTORS: dict[str, Predictor] = {"saydo": saydo_predictions, "textacy": textacy_predictions}


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def score_parsed(
    docs: Sequence[PolnearDoc], parsed: Sequence[Doc], baseline: str = "saydo"
) -> dict[str, Any]:
    """Score one system on texts already parsed (``parsed[i]`` is ``docs[i]``)."""
    predict = PREDICTORS[baseline]
    tally = Tally()
    for item, doc in zip(docs, parsed, strict=True):
        score_document(doc, item.gold, predict(doc, item.name), tally)
    return {"suite": "polnear", "system": baseline, "n": tally.docs, "metrics": tally.metrics()}


def parse_polnear(
    docs: Sequence[PolnearDoc], model: str | None = None, progress: ProgressLine | None = None
) -> list[Doc]:
    from saydo.nlp.pipeline import load_pipeline
    from saydo.settings import Settings

    nlp = load_pipeline(model or Settings().model)
    if progress is not None:
        progress.start(len(docs))
    parsed = []
    for doc in nlp.pipe((d.text for d in docs), batch_size=32):
        parsed.append(doc)
        if progress is not None:
            progress.advance()
    return parsed


def evaluate_polnear(
    directory: Path, limit: int | None = None, baseline: str = "saydo"
) -> dict[str, Any]:
    """Score saydo (or ``baseline="textacy"``) on a PolNeAR split directory."""
    if baseline not in PREDICTORS:
        raise SaydoError(ErrorCode.BAD_GOLD, baseline, f"no system {baseline!r}")
    if baseline == "textacy" and not textacy_available():
        raise SaydoError(ErrorCode.BAD_GOLD, baseline, "textacy is not installed")
    docs = load_polnear(directory, limit)
    return score_parsed(docs, parse_polnear(docs), baseline)


def evaluate_polnear_systems(
    directory: Path,
    limit: int | None = None,
    systems: Sequence[str] = ("saydo", "textacy"),
    progress: ProgressLine | None = None,
) -> list[dict[str, Any]]:
    """Several systems on one parse of the split; absent optional baselines are skipped."""
    docs = load_polnear(directory, limit)
    parsed = parse_polnear(docs, progress=progress)
    wanted = [s for s in systems if s != "textacy" or textacy_available()]
    return [score_parsed(docs, parsed, system) for system in wanted]


REPORT_ROWS = (
    ("content exact", "content_exact"),
    ("content overlap", "content_overlap"),
    ("cue", "cue"),
)


def format_report(result: dict[str, Any] | Sequence[dict[str, Any]]) -> str:
    """A table for humans: one column per system, P/R/F1 per span, source accuracy."""
    results = [result] if isinstance(result, dict) else list(result)
    names = [str(r.get("system", "saydo")) for r in results]
    lines = [
        f"PolNeAR attribution, {results[0]['n']} texts",
        f"{'':<24}" + "".join(f"{n:>10}" for n in names),
    ]
    for label, key in REPORT_ROWS:
        for part in ("precision", "recall", "f1"):
            values = "".join(f"{r['metrics'][f'{key}_{part}']:>10.3f}" for r in results)
            lines.append(f"{label + ' ' + part:<24}{values}")
    values = "".join(f"{r['metrics']['source_acc']:>10.3f}" for r in results)
    lines.append(f"{'source accuracy':<24}{values}")
    return "\n".join(lines)
