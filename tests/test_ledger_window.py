"""The Istanbul pledge held against both presidents' offices' statements of the days around it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saydo.domain import Article
from saydo.ingest import IngestOptions, read_sources
from saydo.ledger import LedgerFilter, ledger_rows, pledge_row
from saydo.runner import ingest_items
from saydo.store import Store

WINDOW = (date(2022, 3, 25), date(2022, 4, 5))


def _press_releases_in_window(shared_data: Path) -> list[Article]:
    options = IngestOptions(
        text_column="body", date_column="date", title_column="headline", url_column="link"
    )
    folder = shared_data / "corpora" / "press-releases"
    return [
        item
        for item in read_sources(sorted(folder.glob("*.csv")), options)
        if isinstance(item, Article)
        and item.published is not None
        and WINDOW[0] <= item.published <= WINDOW[1]
    ]


@pytest.mark.slow
def test_istanbul_pledge_carries_evidence_from_several_documents_and_sides(
    shared_data: Path, defining_article: Path, tmp_path: Path
) -> None:
    releases = _press_releases_in_window(shared_data)
    outlets = {a.outlet for a in releases}
    assert {"kremlin.ru", "president.gov.ua"} <= {o.removeprefix("en.") for o in outlets if o}
    defining = list(read_sources([defining_article], IngestOptions()))
    with Store.open(str(tmp_path / "window.db")) as store:
        report = ingest_items([*defining, *releases], store)
        assert report.failed == 0
        rows = ledger_rows(store)
    istanbul = [
        r
        for r in rows
        if r["actor_country"] == "RUS" and {"Kyiv", "Chernihiv"} <= set(r["scope_places"])
    ]
    assert len(istanbul) == 1, [(r["actor_country"], r["scope_places"]) for r in rows]
    [pledge] = istanbul
    assert pledge["verdict"] in {"contradicted", "disputed"}
    evidence = pledge["evidence"]
    documents = {e["provenance"]["article_id"] for e in evidence}
    assert len(documents) >= 3  # the ITV article and the presidents' statements after it
    assert all(e["reporter_side"] for e in evidence)
    sides = {e["reporter_side"] for e in evidence}
    assert "UKR" in sides
    assert len(sides) >= 2
    # What the President of Ukraine's office says in its own voice is Ukraine's account.
    official = [e for e in evidence if e["reported_by"] == "Office of the President of Ukraine"]
    assert official
    assert {e["reporter_side"] for e in official} == {"UKR"}


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _every_pledge_filtered(store: Store, filters: LedgerFilter) -> list[dict[str, object]]:
    """The ledger read the long way: every pledge and verdict, filtered in Python."""
    verdicts = {v.pledge_id: v for v in store.verdicts()}
    mentions = {m for v in verdicts.values() for m in v.mentions}
    rows = []
    for pledge in store.pledges():
        verdict = verdicts.get(pledge.id)
        label = verdict.label.value if verdict else "pending"
        if pledge.id not in mentions and filters.admits(pledge, label):
            rows.append(pledge_row(pledge, verdict))
    return sorted(rows, key=lambda r: (str(r["made_on"] or ""), str(r["pledge_id"])))


def test_ledger_filtered_in_sql_reads_like_every_pledge_filtered(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "ex.db")) as store:
        ingest_items(read_sources([EXAMPLES], IngestOptions()), store)
        everything = ledger_rows(store)
        assert everything == _every_pledge_filtered(store, LedgerFilter())
        assert any(r["mentions"] for r in everything)  # mentions are folded, not listed
        first = everything[0]
        place = first["scope_places"][0] if first["scope_places"] else None
        cases = [
            LedgerFilter(actor=str(first["actor_country"]).lower()),
            LedgerFilter(actor=str(first["actor"]).upper()),
            LedgerFilter(place=place.upper() if place else "Kyiv"),
            LedgerFilter(verdict=str(first["verdict"])),
            LedgerFilter(verdict="pending"),
            LedgerFilter(since=date(2022, 3, 29), until=date(2022, 3, 31)),
            LedgerFilter(actor="Ωmega", place="Kyïv"),
        ]
        for filters in cases:
            assert ledger_rows(store, filters) == _every_pledge_filtered(store, filters), filters
        assert ledger_rows(store, cases[0])
        assert ledger_rows(store, cases[3])
