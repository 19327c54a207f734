"""Distances on the globe."""

from __future__ import annotations

import math

from saydo.domain import Place

EARTH_RADIUS_KM = 6371.0


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance; infinite when either place has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))
