"""Distances on the globe: one formula for the gazetteer, the scorers and the ledger."""

from __future__ import annotations

import math

import pytest

from saydo.domain import Place
from saydo.geo import distance_km, great_circle_km


def test_distances_are_great_circle_km() -> None:
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert great_circle_km(50.45, 30.52, 50.45, 30.52) == 0
    assert great_circle_km(90, 0, -90, 0) == pytest.approx(20015, abs=30)


def test_a_place_without_coordinates_is_infinitely_far() -> None:
    kyiv = Place("Kyiv", "Kyiv", "city", "UKR", lat=50.45, lon=30.52)
    nowhere = Place("the front", "the front", "area")
    assert distance_km(kyiv, nowhere) == math.inf
    assert distance_km(kyiv, kyiv) == 0
