"""Near-duplicates: an edited copy of a story points at its first-seen copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from saydo.dedup import MemoryIndex, find_duplicate, signature, similarity
from saydo.domain import Article, content_hash
from saydo.ingest import read_sources
from saydo.store import Store

STORY = (
    "Russia's deputy defence minister Alexander Fomin said on Tuesday that Moscow would "
    "drastically reduce military activity near Kyiv and Chernihiv to build mutual trust "
    "for further negotiations, after talks between the two delegations in Istanbul. "
    "Ukraine's negotiators proposed a neutral status in exchange for security guarantees "
    "from a group of countries, and said a meeting of the two presidents was possible."
)
# The same wire story, as another outlet ran it: a word changed, a clause added.
EDITED = STORY.replace("said on Tuesday", "announced on Tuesday").replace(
    "was possible.", "was possible, officials told reporters."
)
OTHER = (
    "The United Nations said more than four million people had fled Ukraine since the "
    "invasion began, most of them women and children, and that Poland had taken in over "
    "two million refugees, with Romania and Moldova receiving hundreds of thousands more."
)


def article(text: str, source: str = "test") -> Article:
    return Article(id=content_hash(text), text=text, source=source)


def test_signature_is_stable_and_short_texts_have_none() -> None:
    first, again = signature(STORY), signature(STORY)
    assert first is not None
    assert first == again
    assert signature("Kyiv shelled overnight") is None
    edited, other = signature(EDITED), signature(OTHER)
    assert edited is not None
    assert other is not None
    assert similarity(first.minhash, edited.minhash) > 0.75
    assert similarity(first.minhash, other.minhash) < 0.2


def test_edited_copy_points_at_the_first_seen() -> None:
    index = MemoryIndex()
    original, copy, unrelated = article(STORY), article(EDITED), article(OTHER)
    assert find_duplicate(index, original) is None
    assert find_duplicate(index, unrelated) is None
    assert find_duplicate(index, copy) == original.id
    # A third copy still points at the first, not at the copy it resembles most.
    third = article(EDITED + " Reuters contributed.")
    assert find_duplicate(index, third) == original.id
    # Asking again gives the same answer, and does not add a second signature.
    assert find_duplicate(index, copy) == original.id
    assert index.groups() == {original.id: [copy.id, third.id]}


def test_duplicates_are_found_across_runs_in_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "saydo.db")
    original, copy = article(STORY), article(EDITED)
    with Store.open(db) as store:
        assert find_duplicate(store, original) is None
    with Store.open(db) as store:
        assert find_duplicate(store, copy) == original.id
        assert find_duplicate(store, article(OTHER)) is None
        assert store.duplicate_groups() == {original.id: [copy.id]}


@pytest.mark.shared
def test_feeds_hold_a_known_duplicate_pair_and_few_groups(shared_data: Path) -> None:
    # BBC's own site feed republishes items of its news feed with " - BBC News" added
    # to the headline: a pair of copies that are the same story, edited.
    day = shared_data / "feeds" / "04" / "2022-04-24"
    news = [a for a in read_sources([day]) if isinstance(a, Article)]
    site = [a for a in news if "www.bbc.co.uk_entries" in a.source]
    feed = [a for a in news if "feeds.bbci.co.uknewsrss" in a.source]
    assert site
    assert feed
    titles = {a.title: a for a in feed}
    pairs = [
        (titles[a.title.removesuffix(" - BBC News")], a)
        for a in site
        if a.title and a.title.removesuffix(" - BBC News") in titles
    ]
    assert pairs, "the site feed repeats a news-feed item"
    index = MemoryIndex()
    for original, copy in pairs:
        assert original.id != copy.id  # not the same text: an exact match would be easy
        assert find_duplicate(index, original) is None
        assert find_duplicate(index, copy) == original.id


@pytest.mark.shared
def test_duplicate_groups_over_both_months(shared_data: Path) -> None:
    index = MemoryIndex()
    seen: set[str] = set()
    articles = 0
    for item in read_sources([shared_data / "feeds"]):
        if isinstance(item, Article) and item.id not in seen:
            seen.add(item.id)
            articles += 1
            find_duplicate(index, item)
    groups = index.groups()
    copies = sum(len(members) for members in groups.values())
    sizes = Counter(len(members) + 1 for members in groups.values())
    print(
        f"\n{articles} distinct articles: {len(groups)} duplicate groups, {copies} copies, {sizes}"
    )
    assert groups
    # Feeds are mostly distinct stories: a flood of groups means false matches.
    assert copies < 0.05 * articles
