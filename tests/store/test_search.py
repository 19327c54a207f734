"""Full-text search: found by words, kept in step with writes, and never confused by
what a user types."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.store import Store
from saydo.store.search import MARK_CLOSE, MARK_OPEN, terms

from . import samples


def _ids(store: Store, query: str, kind: str | None = None) -> list[str]:
    return [hit.record_id for hit in store.search(query, kind=kind)]


def test_finds_articles_and_statements_by_their_words(store: Store) -> None:
    article, extraction = samples.article(), samples.extraction()
    store.add(article, extraction)
    assert _ids(store, "military activity") == [article.id]
    # Stemmed: "reduces" finds "reduce", in the article and in the statement quoting it.
    statement = next(s for s in extraction.statements if "reduce" in s.content)
    assert set(_ids(store, "reduces")) == {article.id, statement.id}
    assert _ids(store, "reduces", kind="statement") == [statement.id]
    assert _ids(store, "military nowhere-such-word") == []
    speaker = statement.speaker
    assert speaker is not None
    assert statement.id in _ids(store, speaker.name.split()[0], kind="statement")


def test_hits_mark_the_match_and_count_all_pages(store: Store) -> None:
    store.add(samples.article(), samples.extraction())
    store.add(samples.article("f00d", title="Kyiv again"), samples.extraction("f00d", tag="b"))
    hits = store.search("Kyiv")
    assert {h.article_id for h in hits} == {"a1b2c3d4e5f60718", "f00d"}
    for hit in hits:
        assert f"{MARK_OPEN}Kyiv{MARK_CLOSE}" in hit.snippet
        assert ("Kyiv", True) in hit.segments
        assert "".join(text for text, _ in hit.segments) in hit.snippet.replace(
            MARK_OPEN, ""
        ).replace(MARK_CLOSE, "")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert store.search_count("Kyiv") == len(hits)
    first, second = store.search("Kyiv", limit=1), store.search("Kyiv", limit=1, offset=1)
    assert [first[0], second[0]] == hits


def test_index_follows_reprocess(store: Store) -> None:
    article = samples.article()
    store.add(article, samples.extraction())
    renamed = samples.extraction(tag="new")
    changed = replace(
        renamed,
        statements=tuple(
            replace(s, content=f"zebracrossing {s.content}") for s in renamed.statements
        ),
    )
    store.replace_extraction(changed)
    assert set(_ids(store, "zebracrossing")) == {s.id for s in changed.statements}
    old = {s.id for s in samples.extraction().statements}
    assert not old & set(_ids(store, "drastically"))
    assert store.search_count("drastically", kind="article") == 1


def test_deleting_an_article_leaves_nothing_to_find(store: Store) -> None:
    store.add(samples.article(), samples.extraction())
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles")
    assert store.search("Kyiv") == []
    assert store.search_count("drastically") == 0
    if store.engine.dialect.name == "sqlite":
        # The FTS5 index itself, not only its join, forgot the rows (via the triggers).
        with store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
            found = conn.exec_driver_sql(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'Kyiv'"
            )
            assert found.scalar() == 0


@pytest.mark.parametrize(
    "query", ['"', "AND(", "NEAR(a b)", "*", "a OR", "-x", "col:val", "'; DROP TABLE x;--", "%_"]
)
def test_search_syntax_is_just_text(store: Store, query: str) -> None:
    store.add(samples.article(), samples.extraction())
    assert isinstance(store.search(query), list)
    assert store.search_count(query) >= 0


def test_unknown_kind_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="article"):
        store.search("Kyiv", kind="pledge")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_is_a_query(store: Store, query: str) -> None:
    hits = store.search(query)
    assert store.search_count(query) == len(hits) or len(hits) == 20
    assert (not terms(query)) <= (hits == [])
