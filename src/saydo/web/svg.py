"""Timelines and maps drawn as SVG on the server: no script, no tile server, no CDN.

The map draws the country boundaries shipped in ``static/countries.geojson`` (Natural
Earth 1:110m, public domain) in plate carrée: x is longitude, y is minus latitude, so
that one world path serves every map and the viewBox alone does the zooming.
Every text that came from an article goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

# Span of the smallest map, in degrees, so one city is shown with its surroundings.
_MIN_SPAN = 8.0
_WIDTH, _HEIGHT = 720, 160


@dataclass(frozen=True, slots=True)
class Mark:
    """A dot on the timeline or the map."""

    label: str
    kind: str  # a CSS class: pledge, contradicts, fulfils, before, after
    when: date | None = None
    lat: float | None = None
    lon: float | None = None
    href: str | None = None


@functools.cache
def _world_path() -> str:
    data: dict[str, Any] = json.loads(
        resources.files("saydo.web").joinpath("static/countries.geojson").read_text("utf-8")
    )
    parts: list[str] = []
    for feature in data["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                points = " ".join(f"{lon:g},{-lat:g}" for lon, lat in ring)
                parts.append(f"M{points}Z")
    return "".join(parts)


def _link(mark: Mark, inner: str) -> str:
    if mark.href is None:
        return inner
    return f'<a href="{escape(mark.href)}">{inner}</a>'


def map_svg(marks: list[Mark]) -> Markup:
    """A map of the marks that have coordinates, framed around them."""
    located = [m for m in marks if m.lat is not None and m.lon is not None]
    west, south, east, north = _frame(located)
    size = max(east - west, north - south) / 90
    dots = "".join(
        _link(
            m,
            f'<circle class="dot {escape(m.kind)}" cx="{m.lon:g}" cy="{-(m.lat or 0):g}" '
            f'r="{size * 1.2:g}"><title>{escape(m.label)}</title></circle>',
        )
        for m in located
    )
    return Markup(
        f'<svg class="map" role="img" aria-label="map of {len(located)} places" '
        f'viewBox="{west:g} {-north:g} {east - west:g} {north - south:g}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        f'<rect class="sea" x="{west:g}" y="{-north:g}" width="{east - west:g}" '
        f'height="{north - south:g}"/>'
        f'<path class="land" fill-rule="evenodd" vector-effect="non-scaling-stroke" '
        f'd="{_world_path()}"/>{dots}</svg>'
    )


def _frame(located: list[Mark]) -> tuple[float, float, float, float]:
    if not located:
        return -180.0, -60.0, 180.0, 85.0
    lons = [m.lon for m in located if m.lon is not None]
    lats = [m.lat for m in located if m.lat is not None]
    mid_lon, mid_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    span = max(max(lons) - min(lons), max(lats) - min(lats)) * 1.3
    half = max(span, _MIN_SPAN) / 2
    return mid_lon - half, mid_lat - half, mid_lon + half, mid_lat + half


def timeline_svg(marks: list[Mark]) -> Markup:
    """Dated marks on a line of days; undated marks are left out (and listed elsewhere)."""
    dated = sorted((m for m in marks if m.when is not None), key=lambda m: m.when or date.min)
    if not dated:
        return Markup('<p class="empty">No dated events to draw.</p>')
    first, last = dated[0].when or date.min, dated[-1].when or date.min
    days = max((last - first).days, 1)
    left, right, axis = 40, _WIDTH - 40, _HEIGHT - 40

    def x(when: date) -> float:
        return left + (right - left) * (when - first).days / days

    items: list[str] = [f'<line class="axis" x1="{left}" y1="{axis}" x2="{right}" y2="{axis}"/>']
    for label_day in sorted({first, last}):
        items.append(
            f'<text class="tick" x="{x(label_day):.1f}" y="{axis + 20}" '
            f'text-anchor="middle">{label_day.isoformat()}</text>'
        )
    stack: dict[date, int] = {}
    for mark in dated:
        when = mark.when or first
        level = stack.get(when, 0)
        stack[when] = level + 1
        cx, cy = x(when), axis - 14 - 16 * (level % 7)
        shape = (
            f'<rect class="dot {escape(mark.kind)}" x="{cx - 6:.1f}" y="{cy - 6:.1f}" '
            f'width="12" height="12">'
            if mark.kind == "pledge"
            else f'<circle class="dot {escape(mark.kind)}" cx="{cx:.1f}" cy="{cy:.1f}" r="6">'
        )
        closing = "</rect>" if mark.kind == "pledge" else "</circle>"
        title = f"<title>{when.isoformat()}: {escape(mark.label)}</title>"
        items.append(_link(mark, f"{shape}{title}{closing}"))
    return Markup(
        f'<svg class="timeline" role="img" aria-label="timeline of {len(dated)} events" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(items)
        + "</svg>"
    )
