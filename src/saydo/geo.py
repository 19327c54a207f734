"""Distances on the globe."""

from __future__ import annotations

import math

from saydo.domain import Place

EARTH_MEAN_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_MEAN_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(a: Place, b: Place) -> float:
    """Distance between two places; infinite when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)
