"""The batch-read index deduplicates exactly as asking the store one query at a time."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.dedup import MemoryIndex, find_duplicate, find_duplicate_signed, signature
from saydo.dedup_index import PendingSignatures
from saydo.domain import Article, content_hash
from saydo.store import Store

TEXT = (
    "the ministry said forces would open a corridor from the city to the south on monday "
    "while shelling continued near the plant and buses waited at the checkpoint for hours"
)
WORDS = TEXT.split(" ")

# A story is a few dozen words; a copy of one is it with a few words changed, so
# texts near, at and far from the duplicate threshold all occur.
stories = st.lists(st.sampled_from(WORDS), min_size=14, max_size=40)
edits = st.lists(st.tuples(st.integers(0, 39), st.sampled_from(WORDS)), max_size=6)


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    originals = [" ".join(draw(stories)) for _ in range(draw(st.integers(1, 5)))]
    texts = list(originals)
    for _ in range(draw(st.integers(0, 12))):
        words = draw(st.sampled_from(originals)).split()
        for position, word in draw(edits):
            words[position % len(words)] = word
        texts.append(" ".join(words))
    return list(dict.fromkeys(draw(st.permutations(texts))))


def article(text: str) -> Article:
    return Article(id=content_hash(text), text=text, source="test")


def batched(store: Store, articles: list[Article], size: int) -> list[str | None]:
    """Deduplicate as an ingest does: prefetch a batch, decide in order, write it."""
    index = PendingSignatures(store)
    found: list[str | None] = []
    for start in range(0, len(articles), size):
        batch = articles[start : start + size]
        signed = [(a.id, signature(a.text)) for a in batch]
        index.prefetch(signed)
        found.extend(find_duplicate_signed(index, aid, sig) for aid, sig in signed)
        with store.batch() as writes:
            index.flush(writes)
        index.clear()
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=corpora(), size=st.integers(1, 6), stored=st.integers(0, 4))
def test_batched_index_answers_as_one_query_at_a_time(
    texts: list[str], size: int, stored: int
) -> None:
    articles = [article(t) for t in texts]
    reference = MemoryIndex()
    wanted = [find_duplicate(reference, a) for a in articles]
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(str(Path(folder) / "saydo.db")) as store,
    ):
        # Some articles were deduplicated by an earlier run, straight in the store.
        before = [find_duplicate(store, a) for a in articles[:stored]]
        after = batched(store, articles[stored:], size)
        assert before + after == wanted
        assert store.duplicate_groups() == reference.groups()


def test_a_copy_in_the_same_batch_and_in_a_later_one_points_at_the_first(
    tmp_path: Path,
) -> None:
    story = TEXT
    copy = story.replace("monday", "tuesday")
    later = story.replace("hours", "days")
    other = " ".join(reversed(WORDS))
    articles = [article(t) for t in (story, other, copy, later)]
    with Store.open(str(tmp_path / "saydo.db")) as store:
        found = batched(store, articles, size=3)
    assert found == [None, None, articles[0].id, articles[0].id]
