"""The GeoNames table kept on disk answers exactly as the table built in memory."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from saydo.resolve.geonames import GeoName, GeoNames, StoredGeoNames, _store

_COUNTRIES = ("UA", "RU", "US", "FR")

places = st.lists(
    st.builds(
        GeoName,
        geonameid=st.integers(-200_000, 10_000_000),
        name=st.text(min_size=1, max_size=12),
        kind=st.sampled_from(["city", "region"]),
        country=st.sampled_from(_COUNTRIES),
        admin1=st.sampled_from(["", "07", "LA"]),
        lat=st.floats(-90, 90),
        lon=st.floats(-180, 180),
        population=st.integers(0, 3_000_000),
        level=st.integers(0, 2),
    ),
    max_size=30,
)


@st.composite
def tables(draw: st.DrawFn) -> GeoNames:
    rows = draw(places)
    keys = draw(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=10, unique=True))
    index: dict[str, list[int]] = {}
    for key in keys:
        owners = draw(st.sets(st.integers(0, len(rows) - 1))) if rows else set()
        if owners:
            index[key] = sorted(owners)
    return GeoNames(rows, index)


@settings(max_examples=40, deadline=None)
@given(table=tables(), minimum=st.dictionaries(st.sampled_from(_COUNTRIES), st.integers(0, 10**6)))
def test_a_stored_table_answers_as_the_built_one(
    tmp_path_factory: object, table: GeoNames, minimum: dict[str, int]
) -> None:
    folder = tmp_path_factory.mktemp("geonames")  # type: ignore[attr-defined]
    path = Path(folder) / "table.sqlite"
    assert _store(path, table)
    stored = StoredGeoNames(path)
    assert len(stored) == len(table)
    for key in [*table._index, "no such name"]:
        assert stored.lookup(key) == table.lookup(key)
    assert stored.populated(minimum) == table.populated(minimum)


def _kyiv() -> GeoNames:
    return GeoNames(
        [GeoName(1, "Kyiv", "city", "UA", "12", 50.45, 30.52, 2_900_000)], {"kyiv": [0]}
    )


def test_a_table_that_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    table = GeoNames(
        [GeoName(1, "Kyiv", "city", "UA", "12", 50.45, 30.52, 2_900_000)], {"kyiv": [0]}
    )
    assert not _store(blocker / "table.sqlite", table)
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_forked_process_asks_through_its_own_connection(tmp_path: Path) -> None:
    table = GeoNames(
        [GeoName(1, "Kyiv", "city", "UA", "12", 50.45, 30.52, 2_900_000)], {"kyiv": [0]}
    )
    path = tmp_path / "table.sqlite"
    assert _store(path, table)
    stored = StoredGeoNames(path)
    assert stored.lookup("kyiv") == table.lookup("kyiv")
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        ok = stored.lookup("kyiv") == table.lookup("kyiv") and stored._connection is not None
        os.write(writer, b"1" if ok else b"0")
        os._exit(0)
    os.close(writer)
    answer = os.read(reader, 1)
    os.waitpid(child, 0)
    assert answer == b"1"


def test_region_codes_name_the_regions_of_the_curated_towns_they_hold() -> None:
    """Each GeoNames region code of Ukraine is named as the curated gazetteer names the
    region of every curated town whose GeoNames twin carries that code."""
    import json
    from collections import defaultdict
    from importlib import resources

    from saydo.resolve.actors import normalise
    from saydo.resolve.geonames import default_geonames
    from saydo.resolve.places import _admin1_names

    names = _admin1_names()
    seen: dict[str, set[str]] = defaultdict(set)
    text = resources.files("saydo").joinpath("data", "places.jsonl").read_text("utf-8")
    for line in text.splitlines():
        town = json.loads(line)
        if town["country"] != "UKR" or town["kind"] != "city" or not town.get("admin1"):
            continue
        for twin in default_geonames().lookup(normalise(town["name"])):
            near = abs(twin.lat - town["lat"]) < 0.2 and abs(twin.lon - town["lon"]) < 0.2
            if twin.country == "UA" and near and twin.admin1:
                seen[twin.admin1].add(town["admin1"])
    assert len(seen) >= 25
    for code, regions in seen.items():
        assert regions == {names[("UKR", code)]}, code
