"""What a store holds, as comparable data: ids and labels of every record."""

from __future__ import annotations

from typing import Any

from saydo.store import Store


def snapshot(db: str) -> dict[str, Any]:
    with Store.open(db) as store:
        return {
            "articles": sorted(a.id for a in store.articles()),
            "statements": sorted(s.id for s in store.statements()),
            "events": sorted((e.id, e.type.value, e.modality.value) for e in store.events()),
            "pledges": sorted(p.id for p in store.pledges()),
            "verdicts": sorted(
                (v.pledge_id, v.label.value, len(v.evidence)) for v in store.verdicts()
            ),
        }
