"""The time of an event's clause (saydo.extract.times), with the real model."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from saydo.extract.times import TIME_LABELS, time_entities
from saydo.nlp.pipeline import load_pipeline
from saydo.resolve.times import normalise_time

TEXT = (
    "Russian forces struck areas around Kyiv overnight, officials said on Wednesday. "
    "On Tuesday, Russia said it would reduce military activity near Chernihiv. "
    "Talks resume in Istanbul next week. Ukraine offered talks over 15 years on Crimea."
)
LABELS = ("DATE", "TIME", "GPE", "ORG")


@lru_cache(maxsize=1)
def _parsed() -> Doc:
    return load_pipeline()(TEXT)


def _as_tuples(spans: list[Span] | tuple[Span, ...]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def _span_ents(span: Span) -> list[tuple[int, int, str]]:
    return _as_tuples([e for e in span.ents if e.label_ in TIME_LABELS])


def test_the_model_entities_of_each_sentence_match_span_ents() -> None:
    doc = _parsed()
    sentences = list(doc.sents)
    assert len(sentences) == 4
    assert any(time_entities(s) for s in sentences)
    for sentence in sentences:
        assert _as_tuples(time_entities(sentence)) == _span_ents(sentence)


def test_an_entity_running_across_a_sentence_end_belongs_to_neither() -> None:
    doc = load_pipeline()(TEXT)
    first, second = list(doc.sents)[:2]
    doc.ents = [Span(doc, first.end - 3, second.start + 2, label="DATE")]
    first, second = list(doc.sents)[:2]
    assert time_entities(first) == []
    assert time_entities(second) == []
    assert _span_ents(first) == []
    assert _span_ents(second) == []


@st.composite
def _entities(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    """Non-overlapping entities anywhere in the parsed text, any label."""
    size = len(_parsed())
    cuts = sorted(draw(st.sets(st.integers(0, size), min_size=0, max_size=16)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(a, b, draw(st.sampled_from(LABELS))) for a, b in pairs if a < b]


@settings(max_examples=60, deadline=None)
@given(_entities(), st.integers(0, 200), st.integers(0, 40))
def test_any_entities_in_any_span_read_as_span_ents(
    entities: list[tuple[int, int, str]], first: int, length: int
) -> None:
    doc = Doc(_parsed().vocab).from_bytes(_parsed().to_bytes())
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in entities]
    start = min(first, len(doc))
    span = doc[start : min(start + length, len(doc))]
    assert _as_tuples(time_entities(span)) == _span_ents(span)
    for sentence in doc.sents:
        assert _as_tuples(time_entities(sentence)) == _span_ents(sentence)


def test_the_entities_found_read_as_times_of_the_article() -> None:
    anchor = date(2022, 3, 30)
    values = {
        e.text: (t.value if (t := normalise_time(e.text, anchor, "past")) else None)
        for s in _parsed().sents
        for e in time_entities(s)
    }
    assert values.get("Tuesday") == "2022-03-29"
    assert values.get("Wednesday") == "2022-03-30"


def test_background_told_as_such_ends_before_the_article_day() -> None:
    from saydo.domain import Article, content_hash
    from saydo.extract.article import extract_records

    text = "Chilean ministers have earlier accused Peru of shelling farms near the frontier."
    article = Article(id=content_hash(text), text=text, source="test", published=date(2022, 5, 9))
    events = extract_records(load_pipeline()(text), article).events
    shelling = [e for e in events if e.trigger == "shelling"]
    assert shelling
    time = shelling[0].time
    assert time is not None
    assert time.end is not None
    assert time.end < date(2022, 5, 9)
