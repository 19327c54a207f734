"""The timeline picture of a pledge: deeds in its scope by day, by who reported them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display on a server or in CI

import matplotlib.pyplot as plt
from matplotlib.dates import DateFormatter, DayLocator
from matplotlib.ticker import MaxNLocator

SIDE_COLOURS = {"RUS": "#c0392b", "UKR": "#2471a3", "third-party": "#7f8c8d"}
OTHER_COLOUR = "#8e44ad"
EPOCH = date(1970, 1, 1)  # matplotlib's default date epoch


def date2num(day: date) -> float:
    return float((day - EPOCH).days)


def _day_axis(axes: Any, xs: list[float]) -> None:
    """Whole days on the x axis, with a day of margin either side; whole counts on y."""
    if xs:
        axes.set_xlim(min(xs) - 1.5, max(xs) + 1.5)
    axes.xaxis_date()
    axes.xaxis.set_major_locator(
        DayLocator(interval=max(1, int((max(xs, default=0) - min(xs, default=0)) // 10) or 1))
    )
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))


def plot_timeline(detail: dict[str, Any], out: Path) -> Path:
    """Stacked bars of deeds per day, one colour per reporting side, the pledge marked."""
    by_side: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for item in detail["timeline"]:
        by_side[item["reporter_side"]][date.fromisoformat(item["day"])] += item["count"]
    days = sorted({day for counts in by_side.values() for day in counts})
    x = [date2num(day) for day in days]
    figure, axes = plt.subplots(figsize=(9, 3.6))
    bottom = [0] * len(days)
    for side in sorted(by_side):
        heights = [by_side[side].get(day, 0) for day in days]
        colour = SIDE_COLOURS.get(side, OTHER_COLOUR)
        axes.bar(x, heights, bottom=bottom, label=f"reported by {side}", color=colour)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    if detail.get("made_on"):
        made = date2num(date.fromisoformat(detail["made_on"]))
        axes.axvline(made, color="black", linestyle="--", label="pledge made")
    axes.set_title(f"{detail['actor'] or '?'}: {detail['kind']} — {detail['verdict']}")
    axes.set_ylabel("deeds in scope")
    _day_axis(
        axes,
        x + ([date2num(date.fromisoformat(detail["made_on"]))] if detail.get("made_on") else []),
    )
    axes.legend(loc="upper left", fontsize="small")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(out, dpi=110)
    plt.close(figure)
    return out
