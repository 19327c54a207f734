"""Toponym resolution scored on gold spans (the LGL / GeoVirus XML format).

Each ``<article>`` gives its ``<text>`` and ``<toponyms>``; each ``<toponym>`` its
character span (``<start>``, ``<end>``) and, when the annotators found one, a
``<gaztag geonameid=...>`` with ``<lat>``/``<lon>``. Toponyms without coordinates are not
scored. Every gold span is resolved with the article as context (the focus country and
the other toponyms, as :meth:`Gazetteer.resolve_all` reads them), so recognition is not
under test here, only resolution.

Metrics, as in Gritta et al. (2018, "What's missing in geographical parsing?", Language
Resources and Evaluation 52):

* ``acc_161``: the share of toponyms resolved within 161 km (100 miles) of the gold point;
* ``mean_km``: the mean great-circle error in km;
* ``auc``: the area under the curve of the sorted errors on a log scale, normalised to
  [0, 1] — ``trapz(ln(1 + sorted_errors_km), dx=1) / (ln(20039) * (n - 1))`` — where
  20,039 km (half the Earth's circumference) is the largest possible error. Lower is
  better; 0 is every toponym at its gold point. A toponym left unresolved is given that
  largest error, as in their scoring.

The ``population`` baseline picks, for each toponym, the candidate with the largest
population, with no context; a name with no candidate is unresolved for it too.
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saydo.domain import Place
from saydo.errors import ErrorCode, SaydoError
from saydo.geo import great_circle_km
from saydo.progress import ProgressLine
from saydo.resolve.places import (
    DocumentPlaces,
    Gazetteer,
    Home,
    default_gazetteer,
    outlet_homes,
)

MAX_ERROR_KM = 20039.0
BASELINES = ("population",)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]
    outlet: str | None = None  # the <domain> the article came from, when the corpus says


def read_articles(path: Path) -> Iterator[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), exc) from exc
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            if tag is None or tag.findtext("lat") is None or tag.findtext("lon") is None:
                continue
            toponyms.append(
                GoldToponym(
                    int(node.findtext("start") or 0),
                    int(node.findtext("end") or 0),
                    float(tag.findtext("lat") or 0),
                    float(tag.findtext("lon") or 0),
                )
            )
        outlet = (article.findtext("domain") or "").strip() or None
        yield GoldArticle(text, tuple(toponyms), outlet)


def _resolve_article(
    gazetteer: Gazetteer, article: GoldArticle, baseline: str | None, home: Home | None = None
) -> list[Place]:
    spans = [(t.start, t.end) for t in article.toponyms]
    if baseline is None:
        return gazetteer.resolve_all(article.text, spans, home=home)
    return [_by_population(gazetteer, article.text[a:b]) for a, b in spans]


def _document(gazetteer: Gazetteer, article: GoldArticle) -> DocumentPlaces:
    names = [article.text[t.start : t.end] for t in article.toponyms]
    following = [article.text[t.end :] for t in article.toponyms]
    return gazetteer.document(names, None, following)


def homes(gazetteer: Gazetteer, articles: list[GoldArticle]) -> list[Home | None]:
    """Each article's outlet home, from the outlet's other articles among these (their
    text only, never their gold); None for an article whose outlet is unknown."""
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for number, article in enumerate(articles):
        if article.outlet is not None:
            by_outlet[article.outlet].append(number)
    out: list[Home | None] = [None] * len(articles)
    for numbers in by_outlet.values():
        stories = [_document(gazetteer, articles[n]) for n in numbers]
        for number, home in zip(numbers, outlet_homes(stories), strict=True):
            out[number] = home
    return out


def _by_population(gazetteer: Gazetteer, name: str) -> Place:
    found = gazetteer.candidates(name)
    if not found:
        return gazetteer.resolve(name)  # unresolved, as the resolver reports it
    best = max(found, key=lambda e: e.population or 0)
    return Place(name, best.name, best.kind, best.country, best.admin1, best.lat, best.lon)


def error_km(place: Place, gold: GoldToponym) -> float:
    if place.lat is None or place.lon is None:
        return MAX_ERROR_KM
    return great_circle_km(place.lat, place.lon, gold.lat, gold.lon)


def auc(errors: list[float]) -> float:
    """Gritta et al.'s normalised area under the log-error curve (0 best, 1 worst)."""
    if len(errors) < 2:
        return math.log1p(errors[0]) / math.log(MAX_ERROR_KM) if errors else 0.0
    logs = [math.log1p(e) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


def metrics(errors: list[float]) -> dict[str, float]:
    n = len(errors)
    return {
        "acc_161": sum(e <= 161 for e in errors) / n if n else 0.0,
        "mean_km": sum(errors) / n if n else 0.0,
        "median_km": sorted(errors)[n // 2] if n else 0.0,
        "auc": auc(errors),
    }


def evaluate_places(
    path: Path,
    baseline: str | None = None,
    limit: int | None = None,
    part: tuple[int, int] | None = None,
    outlets: bool = False,
    progress: ProgressLine | None = None,
) -> dict[str, Any]:
    """Resolution errors over a corpus's gold toponyms; ``limit`` caps the articles read.

    ``part`` = (k, n) scores only the articles whose position in the file is k modulo n:
    (0, 2) the even-numbered half, kept for error analysis, and (1, 2) the other half,
    which shows whether what was learnt on the first holds. With ``outlets``, each
    article is also read in the light of the other articles of its outlet in the same
    selection (see :func:`homes`), so the halves never see each other. It is off by
    default because ingest does not use it yet: the default measures what saydo does.
    """
    if baseline is not None and baseline not in BASELINES:
        raise SaydoError(ErrorCode.BAD_GOLD, f"unknown baseline {baseline!r}")
    if part is not None and not 0 <= part[0] < part[1]:
        raise SaydoError(ErrorCode.BAD_GOLD, f"no part {part[0]} of {part[1]}")
    gazetteer = default_gazetteer()
    errors: list[float] = []
    unresolved = 0
    articles = _select(path, limit, part)
    found_homes = homes(gazetteer, articles) if outlets and baseline is None else []
    if progress is not None:
        progress.start(len(articles))
    for number, article in enumerate(articles):
        if progress is not None:
            progress.advance()
        home = found_homes[number] if found_homes else None
        places = _resolve_article(gazetteer, article, baseline, home)
        for place, gold in zip(places, article.toponyms, strict=True):
            errors.append(error_km(place, gold))
            unresolved += not place.resolved
    result = metrics(errors)
    result["unresolved"] = unresolved
    return {
        "suite": "places",
        "resolver": baseline or "saydo",
        "corpus": path.name,
        "part": f"{part[0]}/{part[1]}" if part else "all",
        "outlet_prior": bool(found_homes),
        "n": len(errors),
        "metrics": result,
    }


def _select(path: Path, limit: int | None, part: tuple[int, int] | None) -> list[GoldArticle]:
    out = []
    for number, article in enumerate(read_articles(path)):
        if limit is not None and number >= limit:
            break
        if part is None or number % part[1] == part[0]:
            out.append(article)
    return out


def format_report(results: list[dict[str, Any]]) -> str:
    """One column per resolver, one row per metric."""
    if not results:
        return "no results"
    names = [str(r["resolver"]) for r in results]
    keys = list(results[0]["metrics"])
    width = max(12, *(len(n) + 2 for n in names))
    lines = [
        f"toponym resolution on {results[0]['corpus']}{_part(results[0])} (n={results[0]['n']})",
        "metric".ljust(12) + "".join(n.rjust(width) for n in names),
    ]
    for key in keys:
        cells = "".join(_cell(r["metrics"][key]).rjust(width) for r in results)
        lines.append(key.ljust(12) + cells)
    return "\n".join(lines)


def _part(result: dict[str, Any]) -> str:
    part = result.get("part", "all")
    return "" if part == "all" else f", articles {part} (position modulo count)"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.0f}"
    return str(value)
