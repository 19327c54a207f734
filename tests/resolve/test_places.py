"""The gazetteer: its data, the forms news gives place names, ranking and precision."""

from __future__ import annotations

import pytest

from saydo.domain import Place, Precision, Provenance
from saydo.errors import ErrorCode, SaydoError
from saydo.geo import great_circle_km
from saydo.resolve.actors import default_actors
from saydo.resolve.geonames import GeoName
from saydo.resolve.places import (
    Gazetteer,
    Home,
    LazyGeoNames,
    default_gazetteer,
    outlet_homes,
    parse_lines,
)

UKRAINE_REGIONS = [
    "Cherkasy",
    "Chernihiv",
    "Chernivtsi",
    "Dnipropetrovsk",
    "Donetsk",
    "Ivano-Frankivsk",
    "Kharkiv",
    "Kherson",
    "Khmelnytskyi",
    "Kirovohrad",
    "Kyiv",
    "Luhansk",
    "Lviv",
    "Mykolaiv",
    "Odesa",
    "Poltava",
    "Rivne",
    "Sumy",
    "Ternopil",
    "Vinnytsia",
    "Volyn",
    "Zakarpattia",
    "Zaporizhzhia",
    "Zhytomyr",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


# -- the data ------------------------------------------------------------------------


def test_every_state_in_the_actor_dictionary_is_a_country_here(gazetteer: Gazetteer) -> None:
    countries = {e.country for e in gazetteer.entries() if e.kind == "country"}
    states = {a.country for a in default_actors().entries() if a.kind.value == "state"}
    assert states <= countries
    assert len(countries) >= 193


@pytest.mark.parametrize("region", UKRAINE_REGIONS)
def test_every_oblast_is_there_in_its_usual_forms(gazetteer: Gazetteer, region: str) -> None:
    forms = [f"{region} Oblast", f"{region} oblast", f"the {region} region", f"region of {region}"]
    ids = {gazetteer.resolve(form).gazetteer_id for form in forms}
    assert len(ids) == 1, ids
    place = gazetteer.resolve(f"{region} region")
    assert (place.kind, place.country, place.precision) == ("region", "UKR", Precision.REGION)


def test_ukrainian_towns_of_twenty_thousand_are_covered(gazetteer: Gazetteer) -> None:
    towns = [e for e in gazetteer.entries() if e.kind == "city" and e.country == "UKR"]
    assert len(towns) >= 150
    assert all(44.3 < e.lat < 52.4 and 22.1 < e.lon < 40.3 for e in towns)


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kyiv", 50.45, 30.52),
        ("Kharkiv", 49.99, 36.23),
        ("Odesa", 46.48, 30.73),
        ("Mariupol", 47.10, 37.55),
        ("Lviv", 49.84, 24.03),
        ("Chernihiv", 51.50, 31.29),
        ("Bucha", 50.55, 30.22),
        ("Moscow", 55.75, 37.62),
        ("Minsk", 53.90, 27.56),
        ("Istanbul", 41.01, 28.95),
        ("Geneva", 46.20, 6.15),
        ("Belgorod", 50.60, 36.59),
    ],
)
def test_city_coordinates_are_right(
    gazetteer: Gazetteer, name: str, lat: float, lon: float
) -> None:
    place = gazetteer.resolve(name)
    assert place.lat is not None
    assert place.lon is not None
    assert abs(place.lat - lat) <= 0.1
    assert abs(place.lon - lon) <= 0.1


def test_region_and_country_points_lie_inside_them(gazetteer: Gazetteer) -> None:
    donetsk = gazetteer.resolve("Donetsk Oblast")
    assert donetsk.lat is not None
    assert donetsk.lon is not None
    assert 47.0 < donetsk.lat < 49.3
    assert 36.5 < donetsk.lon < 39.0
    ukraine = gazetteer.resolve("Ukraine")
    assert ukraine.lat is not None
    assert ukraine.lon is not None
    assert 44.4 < ukraine.lat < 52.4
    assert 22.1 < ukraine.lon < 40.2


# -- forms of a name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Kyiv", "Kyiv", Precision.CITY),
        ("Kiev", "Kyiv", Precision.CITY),
        ("Odessa", "Odesa", Precision.CITY),
        ("Kharkov", "Kharkiv", Precision.CITY),
        ("Severodonetsk", "Sievierodonetsk", Precision.CITY),
        ("Artemivsk", "Bakhmut", Precision.CITY),
        ("the Donetsk region", "Donetsk Oblast", Precision.REGION),
        ("Donetsk Oblast", "Donetsk Oblast", Precision.REGION),
        ("southern Mykolaiv region", "Mykolaiv Oblast", Precision.REGION),
        ("the southern Mykolaiv region", "Mykolaiv Oblast", Precision.REGION),
        ("eastern Donetsk region", "Donetsk Oblast", Precision.REGION),
        ("the Kyiv region", "Kyiv Oblast", Precision.REGION),
        ("Kiev region", "Kyiv Oblast", Precision.REGION),
        ("Belgorod region", "Belgorod Oblast", Precision.REGION),
        ("Donbas", "Donbas", Precision.REGION),
        ("the Donbass region", "Donbas", Precision.REGION),
        ("Crimea", "Autonomous Republic of Crimea", Precision.REGION),
        ("the Crimean Peninsula", "Autonomous Republic of Crimea", Precision.REGION),
        ("Russian-occupied Kherson", "Kherson", Precision.CITY),
        ("the port city of Mariupol", "Mariupol", Precision.CITY),
        ("northern Syria", "Syria", Precision.COUNTRY),
        ("Belarus", "Belarus", Precision.COUNTRY),
        ("the UK", "United Kingdom", Precision.COUNTRY),
        ("central Ukraine", "central Ukraine", Precision.VAGUE),
        ("eastern Ukraine", "eastern Ukraine", Precision.VAGUE),
        ("areas around Kyiv", "Kyiv", Precision.VAGUE),
        ("the outskirts of Mariupol", "Mariupol", Precision.VAGUE),
        ("near Chernihiv", "Chernihiv", Precision.VAGUE),
        ("the Kharkiv area", "Kharkiv", Precision.VAGUE),
        ("Zaporizhzhia nuclear power plant", "Zaporizhzhia Nuclear Power Plant", Precision.EXACT),
        ("the Azovstal steel plant", "Azovstal", Precision.EXACT),
    ],
)
def test_resolve_handles_the_forms_news_uses(
    gazetteer: Gazetteer, text: str, name: str, precision: Precision
) -> None:
    place = gazetteer.resolve(text)
    assert (place.name, place.precision) == (name, precision)
    assert place.text == text
    assert place.resolved


def test_a_vague_place_keeps_its_anchors_coordinates(gazetteer: Gazetteer) -> None:
    around = gazetteer.resolve("areas around Chernihiv")
    city = gazetteer.resolve("Chernihiv")
    assert (around.lat, around.lon, around.gazetteer_id) == (city.lat, city.lon, city.gazetteer_id)


# -- ranking -----------------------------------------------------------------------------


def test_the_bigger_namesake_wins_without_a_focus(gazetteer: Gazetteer) -> None:
    names = gazetteer.candidates("Mykolaiv")
    assert len(names) >= 2  # the oblast centre and a town in Lviv Oblast
    place = gazetteer.resolve("Mykolaiv")
    assert (place.country, place.admin1) == ("UKR", "Mykolaiv Oblast")


@pytest.mark.parametrize(
    ("text", "focus", "country", "kind"),
    [
        ("Odessa", None, "UKR", "city"),
        ("Odessa", "UKR", "UKR", "city"),
        ("Odessa", "USA", "USA", "city"),
        ("Moscow", None, "RUS", "city"),
        ("Moscow", "USA", "USA", "city"),
        ("Georgia", None, "GEO", "country"),
        ("Georgia", "USA", "USA", "region"),
        ("Georgia", "UKR", "GEO", "country"),
    ],
)
def test_the_focus_country_ranks_first(
    gazetteer: Gazetteer, text: str, focus: str | None, country: str, kind: str
) -> None:
    place = gazetteer.resolve(text, focus_country=focus)
    assert (place.country, place.kind) == (country, kind)


# -- unresolved --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Qwzxland", "Kyiv and Chernihiv", "", "the front", "front"])
def test_an_unknown_place_is_kept_unresolved(gazetteer: Gazetteer, text: str) -> None:
    place = gazetteer.resolve(text)
    assert place is not None
    assert (place.text, place.name, place.kind) == (text, text, "area")
    assert place.precision is Precision.UNRESOLVED
    assert not place.resolved
    assert place.gazetteer_id is None
    assert not gazetteer.is_place(text)


def test_provenance_is_carried(gazetteer: Gazetteer) -> None:
    provenance = Provenance("a1", 10, 14, "Kyiv was shelled.")
    assert gazetteer.resolve("Kyiv", provenance=provenance).provenance == provenance
    assert gazetteer.resolve("Atlantis", provenance=provenance).provenance == provenance


def test_is_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_place("Mariupol")
    assert gazetteer.is_place("the Luhansk region")
    assert not gazetteer.is_place("Kremlin")


# -- patterns and loading ------------------------------------------------------------------


def test_patterns_label_places_by_kind(gazetteer: Gazetteer) -> None:
    patterns = {(p["pattern"], p["label"], p["id"]) for p in gazetteer.patterns()}
    assert ("Kyiv", "GPE", "place:703448") in patterns
    assert ("Kiev", "GPE", "place:703448") in patterns
    assert ("Mykolaiv region", "GPE", "place:ua-region-mykolaiv-oblast") in patterns
    assert ("central Ukraine", "LOC", "place:ua-area-central") in patterns
    assert ("Azovstal", "FAC", "place:ua-site-azovstal") in patterns
    assert not any(p[0].startswith("region of") for p in patterns)


def test_a_bad_line_names_its_source_and_line() -> None:
    lines = [
        '{"id": "x", "name": "X", "kind": "city", "lat": 1, "lon": 2}',
        '{"id": "y", "name": "Y", "kind": "city", "lat": 91, "lon": 2}',
    ]
    with pytest.raises(SaydoError) as caught:
        list(parse_lines(lines, "places.jsonl"))
    assert caught.value.error is ErrorCode.BAD_DICTIONARY
    assert caught.value.source == "places.jsonl:2"


def test_the_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


# -- GeoNames behind the curated table -----------------------------------------------------


def test_an_alternate_name_finds_the_city_not_a_namesake_village(gazetteer: Gazetteer) -> None:
    # GeoNames has a village named exactly "Nikolayev"; the city is Mykolaiv by that name too.
    city = gazetteer.resolve("Mykolaiv")
    assert gazetteer.resolve("Nikolayev").gazetteer_id == city.gazetteer_id
    assert city.country == "UKR"


@pytest.mark.parametrize(
    ("text", "state"),
    [("Gainesville, Fla.", "FL"), ("Gainesville, Ga.", "GA"), ("Gainesville, Texas", "TX")],
)
def test_the_state_written_after_a_town_decides_which(
    gazetteer: Gazetteer, text: str, state: str
) -> None:
    (place,) = gazetteer.resolve_all(text, [(0, len("Gainesville"))])
    assert (place.country, place.admin1) == ("USA", state)


def test_a_region_written_after_a_city_keeps_it_there(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Mariupol, Donetsk region, on Monday."
    (place,) = gazetteer.resolve_all(text, [(13, 21)])
    assert place.country == "UKR"
    assert place.lat is not None
    assert abs(place.lat - 47.1) < 0.3


def test_places_named_together_pull_each_other_into_one_state(gazetteer: Gazetteer) -> None:
    text = "Deputies from Huntsville, Palestine and Anderson County met in Crockett."
    names = ["Huntsville", "Palestine", "Anderson County", "Crockett"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    places = gazetteer.resolve_all(text, spans)
    assert {(p.country, p.admin1) for p in places} == {("USA", "TX")}


def test_without_context_population_and_kind_decide(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Huntsville").admin1 == "AL"  # the biggest Huntsville
    assert gazetteer.resolve("Palestine").kind == "country"


@pytest.mark.parametrize(("text", "name"), [("W.Va.", "West Virginia"), ("Calif.", "California")])
def test_a_state_abbreviation_is_its_state(gazetteer: Gazetteer, text: str, name: str) -> None:
    place = gazetteer.resolve(text)
    assert (place.name, place.kind, place.country) == (name, "region", "USA")


def test_a_demonym_standing_for_a_place_is_its_country(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Georgian")
    assert (place.kind, place.country) == ("country", "GEO")


def test_us_counties_and_parishes_are_regions_of_their_state(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Rapides Parish")
    assert (place.kind, place.country, place.admin1) == ("region", "USA", "LA")
    assert place.precision is Precision.REGION


def test_the_world_is_covered_down_to_small_towns(gazetteer: Gazetteer) -> None:
    for town in ["Pineville", "Chillicothe", "Tskhinvali", "Kramatorsk", "Timbuktu"]:
        assert gazetteer.resolve(town).resolved, town


# -- regions of the world, their points, and names written other ways -------------------


def test_first_level_regions_outside_ukraine_have_points_inside_them(
    gazetteer: Gazetteer,
) -> None:
    # Rough boxes around each region: a point outside one is a wrong middle.
    boxes = {
        "Ontario": ("CAN", 41.6, 57.0, -95.2, -74.3),
        "Punjab": ("PAK", 27.7, 34.1, 69.3, 75.4),
        "Bavaria": ("DEU", 47.2, 50.6, 8.9, 13.9),
        "Queensland": ("AUS", -29.2, -9.1, 137.9, 153.6),
    }
    for name, (country, south, north, west, east) in boxes.items():
        place = gazetteer.resolve(name)
        assert (place.kind, place.country) == ("region", country), name
        assert place.lat is not None
        assert place.lon is not None
        assert south <= place.lat <= north, name
        assert west <= place.lon <= east, name


def test_a_county_lies_where_its_towns_are(gazetteer: Gazetteer) -> None:
    text = "Paris police and Lamar County deputies searched the lake."
    spans = [(0, 5), (text.index("Lamar"), text.index("Lamar") + len("Lamar County"))]
    paris, county = gazetteer.resolve_all(text, spans)
    assert (county.country, county.admin1) == ("USA", "TX")
    assert great_circle_km(*_point(paris), *_point(county)) < 60


def _point(place: Place) -> tuple[float, float]:
    assert place.lat is not None
    assert place.lon is not None
    return place.lat, place.lon


def test_a_county_named_without_county_is_found(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Gwinnett")
    assert (place.kind, place.country, place.admin1) == ("region", "USA", "GA")


@pytest.mark.parametrize(
    ("text", "name"),
    [("Minnesotans", "Minnesota"), ("South Ossetian", "South Ossetia"), ("Ohioans", "Ohio")],
)
def test_a_demonym_of_a_region_names_it(gazetteer: Gazetteer, text: str, name: str) -> None:
    assert gazetteer.resolve(text).name == name


def test_a_county_abbreviated_co_is_a_county(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Platte Co.")
    assert (place.name, place.kind, place.country) == ("Platte County", "region", "USA")


def test_an_abbreviated_state_beats_a_namesake_with_that_alternate_name(
    gazetteer: Gazetteer,
) -> None:
    text = "Deputies in Fla. said the storm hit Tampa."
    (place,) = gazetteer.resolve_all(text, [(12, 16)])
    assert (place.name, place.country) == ("Florida", "USA")


def test_a_town_and_its_county_named_together_land_together(gazetteer: Gazetteer) -> None:
    # Paris, France is far bigger; a county seat named with its county is not it.
    text = "Paris police and Henry County deputies searched the lake."
    spans = [(0, 5), (17, 29)]
    paris, county = gazetteer.resolve_all(text, spans)
    assert paris.country == county.country == "USA"
    assert paris.admin1 == county.admin1


def test_the_country_most_places_lie_in_decides_a_bare_country_name(
    gazetteer: Gazetteer,
) -> None:
    towns = "Tyler, Longview, Kilgore, Marshall and Palestine"
    names = ["Tyler", "Longview", "Kilgore", "Marshall", "Palestine"]
    spans = [(towns.index(n), towns.index(n) + len(n)) for n in names]
    places = gazetteer.resolve_all(towns, spans)
    assert {(p.country, p.admin1) for p in places} == {("USA", "TX")}
    # Alone, the name is the country.
    assert gazetteer.resolve("Palestine").kind == "country"


def test_a_bare_name_of_a_city_and_its_oblast_is_the_city(gazetteer: Gazetteer) -> None:
    for name in ["Odessa", "Kharkiv", "Zaporizhzhia"]:
        assert gazetteer.resolve(name).kind == "city", name


# -- round 2: memoised lookups, abbreviations, outlet homes, local features ----------------


class _CountingGeoNames(LazyGeoNames):
    """The real GeoNames table, counting how often it is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def lookup(self, key: str) -> list[GeoName]:
        self.calls += 1
        return super().lookup(key)


def test_geonames_is_asked_once_per_name() -> None:
    counting = _CountingGeoNames()
    gazetteer = Gazetteer.load(counting)
    first = gazetteer.resolve("Springfield")
    asked = counting.calls
    second = gazetteer.resolve("Springfield")
    gazetteer.resolve_all("Springfield and Springfield", [(0, 11), (16, 27)])
    assert asked >= 1
    assert counting.calls == asked
    assert first == second


def test_an_abbreviated_generic_word_finds_the_spelt_out_towns(gazetteer: Gazetteer) -> None:
    short = {e.id for e in gazetteer.candidates("Mt. Pleasant")}
    long = {e.id for e in gazetteer.candidates("Mount Pleasant")}
    assert long <= short
    place = gazetteer.resolve_all("Mt. Pleasant, Iowa", [(0, 12)])[0]
    assert (place.country, place.admin1) == ("USA", "IA")


def test_a_state_attached_is_the_state_not_a_county_of_its_name(gazetteer: Gazetteer) -> None:
    text = "Mount Pleasant, Iowa"
    place = gazetteer.resolve_all(text, [(0, 14)])[0]
    assert place.admin1 == "IA"


def _ohio_outlet(gazetteer: Gazetteer, story: list[str]) -> Home:
    others = [["Zanesville", "Ohio"], ["Columbus", "Ohio", "Licking County"], ["Lancaster"]]
    stories = [gazetteer.document(story), *(gazetteer.document(s) for s in others)]
    return outlet_homes(stories)[0]


def test_an_outlets_other_stories_decide_a_bare_town(gazetteer: Gazetteer) -> None:
    text = "Newark police said a man was arrested."
    alone = gazetteer.resolve_all(text, [(0, 6)])[0]
    home = _ohio_outlet(gazetteer, ["Newark"])
    at_home = gazetteer.resolve_all(text, [(0, 6)], home=home)[0]
    assert (at_home.country, at_home.admin1) == ("USA", "OH")
    assert alone.admin1 != at_home.admin1  # without the outlet, the bigger Newark


def test_an_outlet_home_leaves_each_story_out(gazetteer: Gazetteer) -> None:
    ohio = gazetteer.document(["Columbus", "Ohio"])
    texas = gazetteer.document(["Austin", "Texas"])
    homes = outlet_homes([ohio, texas])
    assert homes[0].stories == homes[1].stories == 1
    assert max(homes[0].admin1s, key=homes[0].admin1s.__getitem__) == "USA:TX"
    assert max(homes[1].admin1s, key=homes[1].admin1s.__getitem__) == "USA:OH"
    (alone,) = outlet_homes([ohio])
    assert alone.stories == 0
    assert not alone.admin1s


def test_an_explicit_place_still_beats_the_outlet_home(gazetteer: Gazetteer) -> None:
    text = "Newark, N.J., police said a man was arrested."
    home = _ohio_outlet(gazetteer, ["Newark"])
    place = gazetteer.resolve_all(text, [(0, 6)], home=home)[0]
    assert place.admin1 == "NJ"


def test_an_unlisted_river_lies_where_the_story_is(gazetteer: Gazetteer) -> None:
    text = "Crews searched the Naugatuck River near Waterbury and Naugatuck, Connecticut."
    spans = [(19, 34), (40, 49), (54, 63), (65, 76)]
    river, waterbury, *_ = gazetteer.resolve_all(text, spans)
    assert river.precision is Precision.VAGUE
    assert river.gazetteer_id is None
    assert river.lat is not None
    assert river.lon is not None
    assert waterbury.lat is not None
    assert waterbury.lon is not None
    assert great_circle_km(river.lat, river.lon, waterbury.lat, waterbury.lon) < 100


@pytest.mark.parametrize("text", ["Naugatuck River", "Qwzxland"])
def test_a_feature_or_a_bare_unknown_without_context_stays_unresolved(
    gazetteer: Gazetteer, text: str
) -> None:
    assert not gazetteer.resolve(text).resolved


def test_an_unknown_bare_name_is_not_placed_by_its_neighbours(gazetteer: Gazetteer) -> None:
    text = "Qwzxland is near Waterbury, Connecticut."
    unknown = gazetteer.resolve_all(text, [(0, 8), (17, 26), (28, 39)])[0]
    assert not unknown.resolved


def test_a_world_region_is_not_outvoted_by_a_namesake_suburb(gazetteer: Gazetteer) -> None:
    text = "Officials in Houston and Dallas, Texas, spoke about the Middle East."
    spans = [(13, 20), (25, 31), (33, 38), (56, 67)]
    place = gazetteer.resolve_all(text, spans)[3]
    assert (place.kind, place.country) == ("area", None)


# -- war news: holidays, what the text says a place is, GeoNames towns -------------------


@pytest.mark.parametrize("text", ["Easter", "Christmas", "Orthodox Easter", "Ramadan"])
def test_a_holiday_is_never_a_place(gazetteer: Gazetteer, text: str) -> None:
    # "Easter" would otherwise be read as the demonym of a place called "East".
    assert not gazetteer.resolve(text).resolved
    assert not gazetteer.is_place(text)


def test_the_kind_the_text_gives_narrows_the_candidates(gazetteer: Gazetteer) -> None:
    # "New York" is the city and the state: "the New York and Ohio regions" mean states.
    kinds = {e.kind for e in gazetteer.candidates("New York")}
    assert {"city", "region"} <= kinds
    region = gazetteer.resolve("New York", "USA", kinds=frozenset({"region"}))
    city = gazetteer.resolve("New York", "USA", kinds=frozenset({"city"}))
    assert (region.kind, city.kind) == ("region", "city")
    assert region.gazetteer_id != city.gazetteer_id


def test_a_kind_no_candidate_has_leaves_the_usual_reading(gazetteer: Gazetteer) -> None:
    usual = gazetteer.resolve("Mariupol", "UKR")
    narrowed = gazetteer.resolve("Mariupol", "UKR", kinds=frozenset({"region"}))
    assert narrowed.gazetteer_id == usual.gazetteer_id


def test_populated_places_cover_small_towns_the_curated_table_lacks(
    gazetteer: Gazetteer,
) -> None:
    towns = gazetteer.populated_places({"UA": 1000})
    assert len(towns) > 1000
    assert {t.country for t in towns} == {"UKR"}
    assert all(t.population is not None and t.population >= 1000 for t in towns)
    assert all(not gazetteer.candidates(t.name)[0].id.isdigit() for t in towns[:50])
    names = [t.name for t in towns]
    assert len(names) == len(set(names))
