"""The actor dictionary: loading, normalising lookups, surnames, typos, demonyms."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saydo.domain import ActorKind
from saydo.errors import ErrorCode, SaydoError
from saydo.resolve import actors as actors_module
from saydo.resolve.actors import (
    ActorDictionary,
    FuzzyKeys,
    _file_key,
    _reachable,
    default_actors,
    edit_distance,
    normalise,
    strip_titles,
)

UN_MEMBERS = 193


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_actors()


# -- the data ------------------------------------------------------------------------


def test_covers_several_hundred_actors_and_every_un_member(actors: ActorDictionary) -> None:
    entries = list(actors.entries())
    assert len(entries) >= 500
    states = [a for a in entries if a.kind is ActorKind.STATE]
    assert len(states) >= UN_MEMBERS
    assert len({a.country for a in states}) == len(states)


def test_every_parent_is_an_actor_of_its_own(actors: ActorDictionary) -> None:
    missing = {a.parent for a in actors.entries() if a.parent and not actors.by_name(a.parent)}
    assert not missing


def test_country_codes_are_iso3_or_igo_codes(actors: ActorDictionary) -> None:
    for actor in actors.entries():
        assert actor.country is not None, actor.name
        assert len(actor.country) == 3, actor.name
        assert actor.country.isupper(), actor.name


def test_sectors_come_from_the_catalogue(actors: ActorDictionary) -> None:
    allowed: set[str | None] = {"GOV", "MIL", "REB", "COP", "SPY", "LEG", "JUD", "OPP", "BUS"}
    allowed |= {"MED", "NGO", "IGO", "REL", "CVL", None}
    assert {a.sector for a in actors.entries()} <= allowed


def test_separatists_are_on_russias_side_in_ukraines_territory(actors: ActorDictionary) -> None:
    record = actors.record("Donetsk People's Republic")
    assert record is not None
    assert (record.actor.country, record.actor.sector, record.territory) == ("RUS", "REB", "UKR")


def test_a_person_resolves_to_a_side_through_the_body_they_speak_for(
    actors: ActorDictionary,
) -> None:
    konashenkov = actors.lookup("Konashenkov")
    assert konashenkov is not None
    assert konashenkov.parent == "Russian Defence Ministry"
    ministry = actors.by_name(konashenkov.parent)
    assert ministry is not None
    assert (ministry.country, ministry.sector) == ("RUS", "MIL")


# -- lookups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Kremlin", "Kremlin"),
        ("Kremlin's", "Kremlin"),
        ("Putin’s", "Vladimir Putin"),
        ("  vladimir   PUTIN ", "Vladimir Putin"),
        ("Mr Kuleba", "Dmytro Kuleba"),
        ("Maj. Gen. Igor Konashenkov", "Igor Konashenkov"),
        ("Russian Defence Ministry spokesman Maj. Gen. Igor Konashenkov", "Igor Konashenkov"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Prime Minister Boris Johnson", "Boris Johnson"),
        ("Secretary of State Antony Blinken", "Antony Blinken"),
        ("President Zelensky", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "Volodymyr Zelenskyy"),
        ("Vladimir Zelensky", "Volodymyr Zelenskyy"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("Mevlut Cavusoglu", "Mevlut Cavusoglu"),
        ("Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Lukashenka", "Alexander Lukashenko"),
        ("Moscow", "Kremlin"),
        ("Kiev", "Government of Ukraine"),
        ("Kyiv", "Government of Ukraine"),
        ("Washington", "United States"),
        ("Brussels", "European Union"),
        ("Downing Street", "Downing Street"),
        ("the White House", "White House"),
        ("the Pentagon", "Pentagon"),
        ("Nato", "NATO"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("Türkiye", "Turkey"),
        ("Ministry of Defence of Russia", "Russian Defence Ministry"),
        ("Russia's Defence Ministry", "Russian Defence Ministry"),
        ("British Ministry of Defence", "UK Ministry of Defence"),
        (
            "General Staff of the Armed Forces of Ukraine",
            "General Staff of the Armed Forces of Ukraine",
        ),
        ("Russian forces", "Russian Armed Forces"),
        ("Ukrainian troops", "Armed Forces of Ukraine"),
        ("DPR", "Donetsk People's Republic"),
        ("the UN nuclear watchdog", "IAEA"),
        ("Russians", "Russia"),
        ("TASS", "TASS"),
    ],
)
def test_lookup_normalises_and_finds(actors: ActorDictionary, text: str, name: str) -> None:
    actor = actors.lookup(text)
    assert actor is not None, text
    assert actor.name == name


@pytest.mark.parametrize("text", ["", "the", "Western", "Atlantis", "Kharkiv", "reporters"])
def test_lookup_returns_none_for_what_names_no_actor(actors: ActorDictionary, text: str) -> None:
    assert actors.lookup(text) is None


def test_a_unique_surname_finds_the_person(actors: ActorDictionary) -> None:
    johnson = actors.lookup("Johnson")
    assert johnson is not None
    assert johnson.name == "Boris Johnson"
    sullivan = actors.lookup("Mr Sullivan")
    assert sullivan is not None
    assert sullivan.name == "Jake Sullivan"


def test_a_given_name_that_does_not_fit_blocks_the_surname(actors: ActorDictionary) -> None:
    assert actors.lookup("Oleksandr Zelensky") is None
    assert actors.lookup("Mary Johnson") is None


def test_a_surname_shared_by_two_people_finds_neither_but_their_common_side(
    actors: ActorDictionary,
) -> None:
    # Ivan Fedorov (Melitopol's mayor) and Mykhailo Fedorov (digital minister): which one
    # speaks is not known, but both speak for Ukraine's government.
    fedorov = actors.lookup("Fedorov")
    assert fedorov is not None
    assert fedorov.name == "Fedorov"
    assert (fedorov.kind, fedorov.country, fedorov.sector) == (ActorKind.PERSON, "UKR", "GOV")
    assert fedorov.role is None
    assert fedorov.parent is None
    mayor = actors.lookup("Ivan Fedorov")
    assert mayor is not None
    assert mayor.name == "Ivan Fedorov"


def test_namesakes_of_different_sides_or_standing_give_no_side(tmp_path: Path) -> None:
    person = {"kind": "person", "sector": "GOV"}
    user = _write(
        tmp_path / "namesakes.jsonl",
        {**person, "name": "Anna Petrenko", "country": "UKR"},
        {**person, "name": "Oleg Petrenko", "country": "RUS"},
        {**person, "name": "Ivan Bondar", "country": "UKR"},
        {**person, "name": "Olha Bondar", "country": "UKR", "sector": "CVL"},
        {**person, "name": "Petro Savchuk", "country": "UKR"},
        {**person, "name": "Iryna Savchuk", "country": "UKR"},
    )
    actors = ActorDictionary.load([user])
    assert actors.lookup("Petrenko") is None
    assert actors.lookup("Bondar") is None
    savchuk = actors.lookup("Savchuk")
    assert savchuk is not None
    assert (savchuk.name, savchuk.country) == ("Savchuk", "UKR")


@pytest.mark.parametrize(
    ("typo", "name"),
    [
        ("Zeleskyy", "Volodymyr Zelenskyy"),  # a letter dropped
        ("Mr Zeleskyy", "Volodymyr Zelenskyy"),
        ("Stoltenbreg", "Jens Stoltenberg"),  # two letters swapped
        ("Konashenkv", "Igor Konashenkov"),  # long name: two edits allowed
        ("Konashnkv", "Igor Konashenkov"),
        ("Shoygu", "Sergei Shoigu"),
        ("Reznikof", "Oleksii Reznikov"),
        ("Igor Konashenkof", "Igor Konashenkov"),
    ],
)
def test_typos_in_person_names_resolve(actors: ActorDictionary, typo: str, name: str) -> None:
    actor = actors.lookup(typo)
    assert actor is not None, typo
    assert actor.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Putn",  # too short for any edit
        "Zelensk",  # as near to Zelensky as to Zelenska
        "Zlnsky",  # too many edits
        "Qelenskyy",  # the first letter is never a typo
    ],
)
def test_fuzzy_matching_refuses_what_is_unsure(actors: ActorDictionary, text: str) -> None:
    assert actors.lookup(text) is None


def test_lookup_person_ignores_bodies_and_can_skip_surnames(actors: ActorDictionary) -> None:
    assert actors.lookup_person("Kremlin") is None
    assert actors.lookup_person("Johnson", allow_surname=False) is None
    found = actors.lookup_person("Zeleskyy", allow_surname=False)
    assert found is not None
    assert found.name == "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Russia's", "RUS"),
        ("Ukrainian", "UKR"),
        ("Ukraine’s", "UKR"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("American", "USA"),
        ("Belarusian", "BLR"),
        ("Turkish", "TUR"),
        ("Chinese", "CHN"),
        ("Western", None),
        ("local", None),
        ("Kremlin", None),
    ],
)
def test_country_of_demonym(actors: ActorDictionary, word: str, country: str | None) -> None:
    assert actors.country_of_demonym(word) == country


def test_by_name_takes_the_canonical_name_only(actors: ActorDictionary) -> None:
    putin = actors.by_name("Vladimir Putin")
    assert putin is not None
    assert putin.kind is ActorKind.PERSON
    assert actors.by_name("Putin") is None


# -- helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Kremlin", "kremlin"),
        ("Russia’s", "russia"),
        ("Ukrainians'", "ukrainians"),
        ("“Erdoğan,”", "erdogan"),
        ("  Kyiv \n", "kyiv"),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


def test_strip_titles_keeps_a_bare_title() -> None:
    assert strip_titles(["maj.", "gen.", "igor", "konashenkov"]) == ["igor", "konashenkov"]
    assert strip_titles(["president"]) == ["president"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("zeleskyy", "zelenskyy", 1), ("ab", "ba", 1), ("kitten", "sitting", 3), ("abc", "abc", 0)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=5) == distance


def test_edit_distance_stops_past_the_limit() -> None:
    assert edit_distance("putin", "lavrov", limit=1) == 2


# -- patterns ---------------------------------------------------------------------------


def test_patterns_cover_names_metonyms_and_demonyms_but_not_descriptors(
    actors: ActorDictionary,
) -> None:
    patterns = actors.patterns()
    assert {p["label"] for p in patterns} <= {"PERSON", "ORG", "GPE", "NORP"}
    assert all(p["id"].startswith("actor:") for p in patterns)
    by_text = {(p["pattern"], p["label"], p["id"]) for p in patterns}
    assert ("Zelenskyy", "PERSON", "actor:Volodymyr Zelenskyy") in by_text
    assert ("Kremlin", "ORG", "actor:Kremlin") in by_text
    assert ("Moscow", "GPE", "actor:Kremlin") in by_text
    assert ("Russians", "NORP", "actor:Russia") in by_text
    assert ("Russia’s Defence Ministry", "ORG", "actor:Russian Defence Ministry") in by_text
    assert ("Erdogan", "PERSON", "actor:Recep Tayyip Erdogan") in by_text
    assert not any(p["pattern"] == "Russian troops" for p in patterns)


# -- loading ----------------------------------------------------------------------------


def _write(path: Path, *lines: object) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines),
        encoding="utf-8",
    )
    return path


def test_user_files_add_entries_and_win(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "mine.jsonl",
        "# local additions",
        {
            "name": "Dmitry Peskov",
            "kind": "person",
            "country": "RUS",
            "sector": "GOV",
            "role": "press secretary",
            "aliases": ["Peskov"],
        },
        {
            "name": "Moscow City Government",
            "kind": "organisation",
            "country": "RUS",
            "sector": "GOV",
            "metonyms": ["Moscow"],
        },
        {"name": "Ivan Testenko", "kind": "person", "country": "UKR", "aliases": ["Testenko"]},
    )
    actors = ActorDictionary.load([user])
    peskov = actors.by_name("Dmitry Peskov")
    assert peskov is not None
    assert peskov.role == "press secretary"
    moscow = actors.lookup("Moscow")
    assert moscow is not None
    assert moscow.name == "Moscow City Government"
    testenko = actors.lookup("Mr Testenko")
    assert testenko is not None
    assert testenko.country == "UKR"
    assert default_actors().lookup("Testenko") is None


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("{not json", "Expecting"),
        ('["a list"]', "JSON object"),
        ('{"name": "X", "kind": "wizard"}', "kind"),
        ('{"name": "", "kind": "person"}', "name"),
        ('{"name": "X", "kind": "person", "alias": ["Y"]}', "unknown field"),
        ('{"name": "X", "kind": "person", "aliases": "Y"}', "aliases"),
        ('{"name": "X", "kind": "person", "country": 7}', "country"),
    ],
)
def test_a_bad_line_is_reported_with_file_and_line(tmp_path: Path, bad: str, why: str) -> None:
    user = _write(tmp_path / "bad.jsonl", {"name": "Fine", "kind": "person"}, bad)
    with pytest.raises(SaydoError) as caught:
        ActorDictionary.load([user])
    assert caught.value.error is ErrorCode.BAD_DICTIONARY
    assert caught.value.source == f"{user}:2"
    assert why in str(caught.value)


def test_a_missing_user_file_is_a_catalogued_error(tmp_path: Path) -> None:
    with pytest.raises(SaydoError) as caught:
        ActorDictionary.load([tmp_path / "absent.jsonl"])
    assert caught.value.error is ErrorCode.NOT_FOUND


def test_the_default_dictionary_is_loaded_once() -> None:
    assert default_actors() is default_actors()


def test_the_red_cross_is_coded_as_an_intergovernmental_body(actors: ActorDictionary) -> None:
    # PLOVER codes the ICRC with the IGOs (UN, EU, NATO, OSCE), not with NGOs.
    for text in ("ICRC", "International Committee of the Red Cross", "the Red Cross"):
        actor = actors.lookup(text)
        assert actor is not None
        assert actor.country == "IGO"


# -- the fuzzy index -------------------------------------------------------------------

_KEY = st.text(alphabet="abk", min_size=1, max_size=12)


@given(keys=st.lists(_KEY, max_size=30), query=_KEY, limit=st.integers(0, 3))
def test_the_fuzzy_index_reaches_every_key_the_limit_allows(
    keys: list[str], query: str, limit: int
) -> None:
    filed: FuzzyKeys = defaultdict(list)
    for key in keys:
        _file_key(filed, key, key.upper(), derived=False)
    reached = sorted(key for key, _, _ in _reachable(filed, query, limit))
    wanted = sorted(k for k in keys if k[0] == query[0] and abs(len(k) - len(query)) <= limit)
    assert reached == wanted


def test_a_remembered_person_lookup_answers_as_a_fresh_one(actors: ActorDictionary) -> None:
    queries = ["Zeleskyy", "Konashnkv", "Zelensk", "Johnson", "Kremlin", "Putn"]
    first = [actors.lookup_person(q, allow_surname=s) for q in queries for s in (True, False)]
    again = [actors.lookup_person(q, allow_surname=s) for q in queries for s in (True, False)]
    fresh = ActorDictionary(actors.records())
    third = [fresh.lookup_person(q, allow_surname=s) for q in queries for s in (True, False)]
    assert first == again == third
    assert any(a is not None for a in first)
    assert any(a is None for a in first)


def test_the_lookup_memos_stay_bounded(
    actors: ActorDictionary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(actors_module, "LOOKUP_CACHE_SIZE", 3)
    fresh = ActorDictionary(actors.records())
    for n in range(10):
        fresh.lookup_person(f"Nobody{n}")
        fresh.lookup(f"Nobody{n}")
    for found in (fresh.lookup_person("Zeleskyy"), fresh.lookup("President Zeleskyy")):
        assert found is not None
        assert found.name == "Volodymyr Zelenskyy"
    assert len(fresh._person_cache) <= 3
    assert len(fresh._cache) <= 3


def _osa_by_table(a: str, b: str) -> int:
    """The textbook dynamic programme, as the reference for the fast one."""
    table = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


@given(st.text("abcdé", max_size=9), st.text("abcdé", max_size=9), st.integers(0, 4))
def test_edit_distance_is_the_alignment_distance_capped_at_limit_plus_one(
    a: str, b: str, limit: int
) -> None:
    assert edit_distance(a, b, limit) == min(_osa_by_table(a, b), limit + 1)
