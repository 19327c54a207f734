"""Announced local truces, on sentences written by the team."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from saydo.domain import Article, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.link import link
from saydo.nlp.pipeline import load_pipeline


def extract(text: str, published: date) -> tuple[Article, list[Any]]:
    article = Article(content_hash(text), text, "test", published=published)
    extraction = extract_records(load_pipeline()(text), article)
    return article, [*extraction.pledges, *extraction.events]


def test_an_announced_corridor_is_a_truce_pledge_with_its_route_and_window() -> None:
    text = (
        "Russia's Defence Ministry announced a ceasefire from 9 a.m. on Saturday to let "
        "civilians leave Volnovakha and Sumy along agreed routes.\n"
    )
    _, records = extract(text, date(2022, 3, 7))
    [truce] = [r for r in records if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert truce.actor is not None
    assert truce.actor.country == "RUS"
    assert {"Volnovakha", "Sumy"} <= {p.name for p in truce.scope_places}
    assert truce.made_on == date(2022, 3, 5)
    assert truce.window_end is not None
    assert truce.window_end >= truce.made_on


def test_shelling_in_scope_during_the_truce_breaks_it_whoever_fires() -> None:
    announced = "Russia announced a ceasefire in Volnovakha on Saturday to allow an evacuation."
    broken = "Shelling hit Volnovakha on Saturday afternoon, local officials said."
    first, said = extract(announced, date(2022, 3, 5))
    second, done = extract(broken, date(2022, 3, 6))
    truces = [r for r in said if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert truces
    events = [r for r in [*said, *done] if not hasattr(r, "kind")]
    [verdict] = link(truces, events, {first.id: first, second.id: second})
    assert verdict.label.value == "contradicted"


def truces_in(text: str, published: date) -> list[Any]:
    _, records = extract(text, published)
    return [r for r in records if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]


@pytest.mark.parametrize(
    ("text", "side", "places"),
    [
        # a "regime of silence" declared, starting at an hour
        (
            "The Russian military declared a regime of silence around Kharkiv starting at "
            "9 a.m. on Tuesday.",
            "RUS",
            {"Kharkiv"},
        ),
        # a silence regime the side says it will observe
        ("Moscow said it would observe a silence regime in Sumy on Wednesday.", "RUS", {"Sumy"}),
        # agreeing to open a corridor: the subject of the governing verb announces it
        (
            "Russian forces agreed to open a humanitarian corridor from Irpin to Kyiv on Thursday.",
            "RUS",
            {"Irpin", "Kyiv"},
        ),
        # agreed on / agreed to a truce
        (
            "Ukraine's deputy prime minister said Russia had agreed to a local ceasefire along "
            "the route from Mariupol to Zaporizhzhia.",
            "RUS",
            {"Mariupol", "Zaporizhzhia"},
        ),
        # the corridor is the subject; whoever says so announces it
        (
            "A humanitarian corridor will open from Mariupol to Zaporizhzhia on Saturday, "
            "Deputy Prime Minister Iryna Vereshchuk said.",
            "UKR",
            {"Mariupol", "Zaporizhzhia"},
        ),
        (
            "Vereshchuk said three humanitarian corridors had been agreed for Wednesday, "
            "including one from Berdiansk.",
            "UKR",
            {"Berdiansk"},
        ),
        # evacuation routes offered
        (
            "Kyiv offered to set up evacuation routes from Izium to Lozova on Friday.",
            "UKR",
            {"Izium"},
        ),
        # a pause
        (
            "The Ukrainian government announced a humanitarian pause in Bucha and Hostomel "
            "for Sunday.",
            "UKR",
            {"Bucha", "Hostomel"},
        ),
        # halting fire
        (
            "The Russian Defence Ministry said it would halt fire in Chernihiv on Friday to let "
            "residents out.",
            "RUS",
            {"Chernihiv"},
        ),
        # a headline
        ("Russia announces ceasefire to let civilians leave Mariupol", "RUS", {"Mariupol"}),
    ],
)
def test_every_phrasing_of_an_announced_truce_gives_a_pledge(
    text: str, side: str, places: set[str]
) -> None:
    published = date(2022, 3, 10)
    [truce] = truces_in(text, published)
    assert truce.actor is not None
    assert truce.actor.country == side
    assert places <= {p.name for p in truce.scope_places}
    assert all(p.kind != "country" for p in truce.scope_places)
    assert truce.made_on is not None
    assert truce.window_end is not None
    assert truce.made_on <= truce.window_end <= truce.made_on + timedelta(days=7)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey's president urged both sides to agree a ceasefire as soon as possible.",
        "Promised corridor out of Kherson falters as buses stall and aid team turns back",
    ],
)
def test_a_demanded_or_failing_truce_is_no_announcement(text: str) -> None:
    assert not truces_in(text, date(2022, 3, 10))


ANNOUNCED = (
    "Russia's Defence Ministry announced a ceasefire in Sumy from 10 a.m. on Tuesday "
    "to let civilians leave toward Poltava."
)


@pytest.mark.parametrize(
    ("outcome", "verdict"),
    [
        (
            "About 5,000 civilians were evacuated from Sumy through the corridor on Tuesday, "
            "the regional governor said.",
            "kept",
        ),
        (
            "Russian forces shelled the evacuation route near Sumy on Tuesday, Ukrainian "
            "officials said.",
            "contradicted",
        ),
        (
            "The evacuation from Sumy was halted on Tuesday because of shelling, the governor "
            "said.",
            "contradicted",
        ),
        (
            "An airstrike hit Sumy during the ceasefire on Tuesday, killing 21 people.",
            "contradicted",
        ),
        (
            "Some 3,000 people were evacuated from Sumy on Tuesday, but shelling hit the city "
            "later that day, officials said.",
            "disputed",
        ),
        # fire only within earshot of a way out that worked
        (
            "About 2,000 people left Sumy for Poltava on Tuesday, although explosions were "
            "heard near the route, the governor said.",
            "kept",
        ),
        # people leaving told only as the time of an attack
        (
            "Mortar shells landed on the road out of Sumy on Tuesday as families were "
            "leaving, killing two, officials said.",
            "contradicted",
        ),
        ("The evacuation from Sumy was interrupted on Tuesday, the governor said.", "contradicted"),
    ],
)
def test_the_outcome_reported_next_day_settles_the_truce(outcome: str, verdict: str) -> None:
    first, said = extract(ANNOUNCED, date(2022, 3, 8))
    second, done = extract(outcome, date(2022, 3, 9))
    truces = [r for r in said if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert len(truces) == 1
    events = [r for r in [*said, *done] if not hasattr(r, "kind")]
    [result] = link(truces, events, {first.id: first, second.id: second})
    assert result.label.value == verdict
    assert all(e.source_article == second.id for e in result.evidence)


def truces_of(text: str, published: date, url: str | None = None) -> list[Any]:
    article = Article(content_hash(text), text, "test", published=published, url=url)
    extraction = extract_records(load_pipeline()(text), article)
    return [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]


@pytest.mark.parametrize(
    ("text", "side", "place"),
    [
        (
            '"We have agreed on a corridor out of Polohy for Friday," Vereshchuk said.',
            "UKR",
            "Polohy",
        ),
        ('"Our units will hold fire around Okhtyrka today," Konashenkov said.', "RUS", "Okhtyrka"),
        (
            '"Today, four corridors will work, one of them from Kupiansk," Zelenskyy said.',
            "UKR",
            "Kupiansk",
        ),
    ],
)
def test_a_quoted_first_person_announcement_binds_the_speakers_side(
    text: str, side: str, place: str
) -> None:
    [truce] = truces_of(text, date(2022, 3, 10))
    assert truce.actor is not None
    assert truce.actor.country == side
    assert place in {p.name for p in truce.scope_places}


def test_an_official_release_announces_what_it_says_in_its_own_voice() -> None:
    text = "Six humanitarian corridors will be opened on Saturday, including one from Tokmak."
    [truce] = truces_of(text, date(2022, 3, 10), url="https://www.president.gov.ua/en/news/x")
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert not truces_of(text, date(2022, 3, 10))  # a third party's paper names no announcer


def test_a_truce_the_parties_agreed_binds_both_sides() -> None:
    text = (
        '"The parties agreed on a pause in Trostianets," Russian negotiator Vladimir Medinsky said.'
    )
    sides = {p.actor.country for p in truces_of(text, date(2022, 3, 10)) if p.actor}
    assert sides == {"RUS", "UKR"}


def test_a_weekday_truce_is_the_nearest_such_day_to_the_article() -> None:
    # Wednesday's paper: the announced Thursday is tomorrow, not six days ago.
    [truce] = truces_of("Moscow announced a truce in Izium on Thursday.", date(2022, 3, 9))
    assert truce.made_on == date(2022, 3, 10)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # announcers named by their part in the war, not their name
        (
            "The occupation forces promised a pause in hostilities near Bucha on Friday.",
            {"RUS"},
        ),
        (
            "A corridor out of Vorzel will open on Friday, the regional military "
            "administration announced.",
            {"UKR"},
        ),
        # a regime of ceasefire in force, said by a government
        (
            "Ukraine's government said a ceasefire regime would be in force on the road from "
            "Polohy to Zaporizhzhia on Friday.",
            {"UKR"},
        ),
        # agreed with nobody named, or by both sides as a third party tells it: both bound
        ("It was agreed to start the silence regime in Lebedyn on Friday.", {"UKR", "RUS"}),
        (
            "Both sides agreed to a local truce around Tokmak on Friday, the Red Cross said.",
            {"UKR", "RUS"},
        ),
        # a truce told as verbs
        (
            "The occupiers promised to let residents leave Oleshky on Friday.",
            {"RUS"},
        ),
        (
            "The Kremlin said Russian forces would stop firing on Vasylivka on Friday.",
            {"RUS"},
        ),
    ],
)
def test_the_announcing_side_is_read_from_descriptors_and_agreements(
    text: str, sides: set[str]
) -> None:
    truces = truces_in(text, date(2022, 3, 9))
    assert {t.actor.country for t in truces if t.actor is not None} == sides
    assert all(t.scope_places for t in truces)


@pytest.mark.parametrize(
    "text",
    [
        '"We hope that the shelling will stop and the ceasefire will be observed," she said.',
        "He said it is important for the corridors from Sumy to be opened at once.",
        "Our people on the ground are working hard to organise corridors from Irpin.",
        "Russia is doing everything possible to organise safe corridors from Irpin.",
        "She repeated her call on the Red Cross to ensure real corridors from Irpin.",
        "Because it is very difficult to open the corridors, the evacuation is slow.",
        "The two leaders discussed a new transport corridor to the Black Sea ports.",
    ],
)
def test_hopes_needs_efforts_and_trade_corridors_are_no_truce(text: str) -> None:
    assert not truces_in(text, date(2022, 3, 9))


def test_a_placeless_truce_takes_the_towns_the_next_sentences_list() -> None:
    text = (
        "Russia said on Wednesday it had set up three corridors. From Sumy, from Lebedyn and "
        "from Trostianets. The war goes on."
    )
    [truce] = truces_in(text, date(2022, 3, 9))
    assert {"Sumy", "Lebedyn", "Trostianets"} <= {p.name for p in truce.scope_places}


def test_a_placeless_truce_takes_no_town_from_an_unrelated_next_sentence() -> None:
    text = "Russia said on Wednesday it had set up three corridors. Shelling hit Kharkiv."
    [truce] = truces_in(text, date(2022, 3, 9))
    assert not truce.scope_places


def test_a_rejected_proposal_of_a_truce_is_none() -> None:
    assert not truces_in(
        "Russia rejected the proposal to establish a truce in Sumy.", date(2022, 3, 9)
    )


def test_a_truce_as_the_condition_of_an_announced_move_binds_whoever_announces_it() -> None:
    text = (
        "Donetsk governor Pavlo Kyrylenko announced that evacuation buses would leave "
        "Kramatorsk for Dnipro on Tuesday under a local ceasefire."
    )
    [truce] = truces_in(text, date(2022, 4, 10))
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert "Kramatorsk" in {p.name for p in truce.scope_places}


def test_a_spokesman_announces_for_the_occupying_body_he_speaks_for() -> None:
    text = (
        "A spokesman for the occupation authorities in Tokmak said cars could leave the "
        "town for Zaporizhzhia on Friday under a truce."
    )
    sides = {t.actor.country for t in truces_in(text, date(2022, 4, 10)) if t.actor}
    assert sides == {"RUS"}


def test_a_stated_span_of_days_runs_from_its_first_to_its_last_day() -> None:
    # 2022-03-24 is a Thursday: the coming Saturday to the Monday after it.
    text = "Ukraine confirmed that a corridor from Melitopol would operate from Saturday to Monday."
    [truce] = truces_in(text, date(2022, 3, 24))
    assert truce.made_on == date(2022, 3, 26)
    assert truce.window_end is not None
    assert truce.window_end >= date(2022, 3, 28)


def test_route_towns_the_tagger_misses_are_still_the_scope() -> None:
    text = "Moscow pledged an evacuation corridor from Melitopol to Zaporizhzhia starting Friday."
    [truce] = truces_in(text, date(2022, 3, 28))
    assert {p.kind for p in truce.scope_places} != {"country"}
    assert truce.scope_places


def test_newly_counted_corridors_do_not_borrow_an_earlier_truces_towns() -> None:
    first = "Vereshchuk said a humanitarian corridor from Sumy would open on Tuesday. "
    counted = first + '"We are preparing six more corridors," Vereshchuk said.'
    retold = first + '"The corridor has been agreed," Vereshchuk said.'
    [_, new] = truces_in(counted, date(2022, 3, 7))
    [_, same] = truces_in(retold, date(2022, 3, 7))
    assert "Sumy" not in {p.name for p in new.scope_places}
    assert "Sumy" in {p.name for p in same.scope_places}


def test_a_truce_someone_must_agree_is_no_pledge() -> None:
    assert not truces_in(
        "The Russian president must personally commit to a ceasefire.", date(2022, 5, 4)
    )


def test_a_person_the_dictionary_does_not_know_speaks_for_the_body_his_title_names() -> None:
    text = (
        "Oleg Kostenko, a spokesman for Russia's Defence Ministry, said a corridor from "
        "Balakliia to Kharkiv would be opened on Friday."
    )
    sides = {t.actor.country for t in truces_in(text, date(2022, 3, 9)) if t.actor}
    assert sides == {"RUS"}


@pytest.mark.parametrize(
    "text",
    [
        # agreed with the other side: both are bound
        "Ukraine's reintegration minister said a corridor from Tokmak to Zaporizhzhia had "
        "been agreed with the Russian side for Friday.",
        # begun with the consent of both, told by a third party; the consenting capitals
        # are no places of the truce
        "The Red Cross said an evacuation operation for civilians in Tokmak would start on "
        "Friday with the consent of Moscow and Kyiv.",
    ],
)
def test_a_truce_settled_with_the_other_side_binds_both(text: str) -> None:
    truces = truces_in(text, date(2022, 3, 9))
    assert {t.actor.country for t in truces if t.actor} == {"RUS", "UKR"}
    for truce in truces:
        names = {p.name for p in truce.scope_places}
        assert "Tokmak" in names
        assert not names & {"Moscow", "Kyiv"}


def test_a_passage_operation_that_will_begin_is_announced() -> None:
    text = "Russia said a safe passage operation for civilians in Tokmak would begin on Friday."
    [truce] = truces_in(text, date(2022, 3, 9))
    assert truce.actor is not None
    assert truce.actor.country == "RUS"
    assert "Tokmak" in {p.name for p in truce.scope_places}


def test_agreeing_to_let_vehicles_take_people_out_is_a_corridor() -> None:
    text = "Russia agreed to let buses carry residents from Tokmak to Zaporizhzhia on Friday."
    [truce] = truces_in(text, date(2022, 3, 9))
    assert "Tokmak" in {p.name for p in truce.scope_places}
    assert not truces_in("Russia agreed to let buses carry grain to Tokmak.", date(2022, 3, 9))


# Round 6: announcements read by class, on phrasings and towns the truce table does not use.
@pytest.mark.parametrize(
    ("text", "places"),
    [
        # calm told as what there will be, the announcer after the quote
        (
            '"There will be quiet on the road out of Tokmak from 8 a.m. on Friday," '
            "Ukraine's deputy prime minister said.",
            {"Tokmak"},
        ),
        # a promise not to fire
        (
            "The Russian side promised not to shell the road from Tokmak to Zaporizhzhia on "
            "Friday, Ukrainian officials said.",
            {"Tokmak", "Zaporizhzhia"},
        ),
        # people allowed or able to leave, announced
        (
            "Ukrainian officials announced that residents would be able to leave "
            "Tokmak for Zaporizhzhia on Friday.",
            {"Tokmak"},
        ),
        # a third party brokered it
        (
            "The ICRC said it had negotiated a four-hour pause in Tokmak on Friday.",
            {"Tokmak"},
        ),
        # a halt to strikes
        ("Moscow said it would halt airstrikes on Tokmak on Friday.", {"Tokmak"}),
    ],
)
def test_each_class_of_announcement_gives_a_truce_pledge(text: str, places: set[str]) -> None:
    found = truces_in(text, date(2022, 3, 16))
    assert found
    assert all(t.actor is not None and t.actor.country in {"UKR", "RUS"} for t in found)
    assert places <= {p.name for t in found for p in t.scope_places}


@pytest.mark.parametrize(
    "text",
    [
        # said, with no permission or promise: a forecast, not a corridor
        "Officials said residents would leave Tokmak on Friday if the fighting stopped.",
        # the calm is hoped for
        "We hope there will be silence in Tokmak on Friday, the governor said.",
        # a refusal to stop striking
        "Moscow said it would not halt airstrikes on Tokmak.",
    ],
)
def test_forecasts_hopes_and_refusals_are_no_announcement(text: str) -> None:
    assert not truces_in(text, date(2022, 3, 16))


def test_an_unattributed_corridor_is_announced_by_the_next_sentence_speaker() -> None:
    text = (
        "A humanitarian corridor will open from Tokmak to Zaporizhzhia on Friday. Buses "
        "will leave Zaporizhzhia at dawn, Deputy Prime Minister Iryna Vereshchuk said."
    )
    [truce] = truces_in(text, date(2022, 4, 7))
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert "Tokmak" in {p.name for p in truce.scope_places}
    # A next sentence that says something else is no attribution.
    unsaid = "A humanitarian corridor will open from Tokmak on Friday. Shelling went on."
    assert not truces_in(unsaid, date(2022, 4, 7))


def test_calm_told_after_we_have_an_agreement_binds_both_sides() -> None:
    text = (
        '"We have an agreement. There will be silence in Orikhiv from 9 a.m. on Friday," '
        "the head of the regional military administration said."
    )
    truces = truces_in(text, date(2022, 4, 7))
    assert {t.actor.country for t in truces if t.actor is not None} == {"UKR", "RUS"}
    assert all("Orikhiv" in {p.name for p in t.scope_places} for t in truces)


@pytest.mark.parametrize("installer", ["Russian-installed", "Kremlin-installed"])
def test_authorities_installed_by_the_occupier_announce_for_it(installer: str) -> None:
    text = (
        f"{installer} authorities in Melitopol said residents would be allowed to leave "
        "for Zaporizhzhia on Friday."
    )
    [truce] = truces_in(text, date(2022, 4, 7))
    assert truce.actor is not None
    assert truce.actor.country == "RUS"
    # the town the authorities run is where their corridor starts
    assert {"Melitopol", "Zaporizhzhia"} <= {p.name for p in truce.scope_places}


def test_an_agreement_reached_for_a_quiet_period_is_a_truce_in_the_mayors_town() -> None:
    text = (
        "The mayor of Bucha said an agreement had been reached for a quiet period on "
        "Friday to bring out the wounded."
    )
    [truce] = truces_in(text, date(2022, 3, 9))
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert "Bucha" in {p.name for p in truce.scope_places}


def test_a_route_agreed_with_the_other_side_is_a_corridor_whoever_it_is_for() -> None:
    agreed = (
        "Vereshchuk said a route for pedestrians from Hostomel to Kyiv had been agreed with "
        "the Russian side for Friday."
    )
    truces = truces_in(agreed, date(2022, 3, 9))
    assert "RUS" in {t.actor.country for t in truces if t.actor is not None}
    assert not truces_in(
        "Vereshchuk said the route from Hostomel to Kyiv was damaged.", date(2022, 3, 9)
    )


@pytest.mark.parametrize(
    ("text", "side", "place"),
    [
        # vehicles of an evacuation set to go, told by a regional authority
        (
            "Evacuation trains will depart from Kramatorsk on Tuesday, the Donetsk governor said.",
            "UKR",
            "Kramatorsk",
        ),
        # a plan told in the passive: "are expected to"
        (
            "Buses are expected to leave Kherson for Mykolaiv on Friday, the regional "
            "administration said.",
            "UKR",
            "Kherson",
        ),
        # a scheduled attempt to get people out
        (
            "Another attempt would be made on Monday to bring residents out of Rubizhne, "
            "Ukrainian officials said.",
            "UKR",
            "Rubizhne",
        ),
        # the side holding the road agrees to let vehicles in
        (
            "The mayor of Irpin said Russian troops had agreed to let a column of buses into "
            "the town on Saturday.",
            "RUS",
            "Irpin",
        ),
        # an agreement reached to evacuate, no noun of a truce
        (
            "Officials in Kyiv said an agreement had been reached with the Russian side to "
            "evacuate residents of Bucha on Sunday.",
            "UKR",
            "Bucha",
        ),
        # people taken out, told in the passive
        (
            "Civilians will be evacuated from Rubizhne on Friday, the regional military "
            "administration said.",
            "UKR",
            "Rubizhne",
        ),
        # "are to": a move scheduled
        (
            "Buses are to leave Zaporizhzhia for Berdiansk on Friday to collect people, "
            "Vereshchuk said.",
            "UKR",
            "Berdiansk",
        ),
        # people who will be able to board buses
        (
            "Mariupol residents will be able to board buses at the drama theatre at 10 a.m. on "
            "Friday, the city council said.",
            "UKR",
            "Mariupol",
        ),
        # a third party leading the convoy out: the truce binds the sides that hold fire
        (
            "The Red Cross said it would escort a convoy of buses out of Mariupol on Friday.",
            "RUS",
            "Mariupol",
        ),
    ],
)
def test_an_evacuation_told_as_a_move_to_come_is_a_truce_pledge(
    text: str, side: str, place: str
) -> None:
    truces = truces_in(text, date(2022, 3, 10))
    assert truces
    assert side in {t.actor.country for t in truces if t.actor is not None}
    assert all(place in {p.name for p in t.scope_places} for t in truces)


@pytest.mark.parametrize(
    "text",
    [
        "We hope that buses will be able to reach Popasna on Sunday, the governor said.",
        "Buses will not run from Sievierodonetsk on Sunday because of shelling, the governor said.",
        "Thousands of people fled Kharkiv on Monday.",
        "Residents were evacuated from Rubizhne on Friday, the regional administration said.",
        "Ukraine tried to agree a ceasefire around Mariupol.",
        "Russia said it would not strike Kyiv.",
        "Russia will not strike Kyiv, the Kremlin said.",
        # a way out halted is a failure, not an announcement
        "Ukrainian authorities halted evacuations from the besieged city of Mariupol.",
        "Russian forces did not promise not to fire on the road from Mariupol on Sunday.",
        # the tagger reads "hoped" as "hop": a hope all the same
        "Ukrainian officials said they hoped a corridor from Mariupol would open on Friday.",
        "Ukrainian officials said they expected buses to leave Mariupol on Friday.",
    ],
)
def test_a_move_hoped_for_refused_or_done_is_no_truce(text: str) -> None:
    assert not truces_in(text, date(2022, 3, 10))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Nova Kakhovka mayor Ivan Petrov said a corridor would open on Monday.", "Nova Kakhovka"),
        (
            "Izium mayor Valeriy Marchenko said a ceasefire had been arranged for Tuesday so "
            "residents could get out.",
            "Izium",
        ),
        # the town's own council: its town is in scope beside the route's end
        (
            "Mariupol city council said a column of private cars would be allowed to leave "
            "along the route to Berdiansk.",
            "Mariupol",
        ),
        ("The mayor said the evacuation of Irpin would resume on Monday.", "Irpin"),
        # a regional title's town, when the truce names no town of its own
        ("Sumy regional governor said a third humanitarian corridor would operate.", "Sumy"),
    ],
)
def test_a_local_title_gives_the_announcers_side_and_town(text: str, place: str) -> None:
    [truce] = truces_in(text, date(2022, 3, 10))
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert place in {p.name for p in truce.scope_places}


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire took effect in Volnovakha at 9 a.m., the regional governor said.",
        "Ukrainian officials said a humanitarian corridor out of Mariupol would be attempted "
        "again on Wednesday.",
        "Ukraine's military said it would not fire on the route from Kherson to Mykolaiv "
        "during the evacuation.",
        '"Today we will continue the evacuation of women and children from Azovstal," '
        "Vereshchuk said.",
        "A safe passage operation is under way to bring civilians out of Sumy, a UN "
        "spokesperson said.",
        # restraint told in its own clause, or ordered of one's troops
        "Ukrainian forces will not shell the road out of Nova Kakhovka during the "
        "evacuation, the army said.",
        "Russian troops have been told not to fire on civilian cars on the Mariupol-Berdiansk "
        "road on Sunday, the Russian defence ministry said.",
        # a plan told in the passive
        "A humanitarian corridor out of Irpin is expected to open on Saturday morning, "
        "Ukrainian officials said.",
        # a move told in the guarantee the other side gave
        "Moscow has given guarantees that buses will be able to pass through Russian "
        "checkpoints to Enerhodar on Wednesday, Ukraine's deputy prime minister said.",
    ],
)
def test_a_truce_begun_attempted_continued_or_promised_as_restraint_is_pledged(
    text: str,
) -> None:
    assert truces_in(text, date(2022, 3, 10))


def test_a_truce_told_from_a_time_with_no_end_runs_the_default_window() -> None:
    text = (
        "Cars will be let through the checkpoint at Vasylivka from Sunday morning, the "
        "Zaporizhzhia regional administration said."
    )
    [truce] = truces_in(text, date(2022, 4, 24))
    assert truce.made_on == date(2022, 4, 24)
    assert truce.window_end is not None
    assert truce.window_end - truce.made_on > timedelta(days=2)


@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        # a restraint told by what is halted, and the town it is for
        (
            "Russia said it would halt military action around Kharkiv from 10 a.m. to let "
            "civilians leave.",
            "Kharkiv",
            None,
        ),
        # the region in the teller's title is no town of the truce
        (
            "A corridor from Balakliia will open at noon on Tuesday, Kharkiv governor Oleh "
            "Synehubov said.",
            "Balakliia",
            "Kharkiv",
        ),
    ],
)
def test_a_truces_towns_are_its_own_not_its_tellers_region(
    text: str, place: str, not_place: str | None
) -> None:
    truces = truces_in(text, date(2022, 3, 7))
    assert truces
    names = {p.name for t in truces for p in t.scope_places}
    assert place in names
    assert not_place is None or not_place not in names


def test_a_move_told_on_someones_word_is_theirs() -> None:
    text = "According to Ukrainian officials, civilians will be able to leave Irpin on Saturday."
    [truce] = truces_in(text, date(2022, 3, 10))
    assert truce.actor is not None
    assert truce.actor.country == "UKR"
    assert {p.name for p in truce.scope_places} == {"Irpin"}


def test_a_placeless_corridor_takes_the_towns_of_the_move_told_next() -> None:
    text = (
        "The corridor will be open from 10:00 to 18:00, the Russian Defence Ministry said. "
        "Civilians from Kharkiv will be taken to Belgorod."
    )
    [truce] = truces_in(text, date(2022, 3, 10))
    assert "Kharkiv" in {p.name for p in truce.scope_places}


def sides_of(truces: list[Any]) -> set[str]:
    return {t.actor.country for t in truces if t.actor is not None}


@pytest.mark.parametrize(
    ("text", "sides", "place"),
    [
        # the truce noun hung on the passive's auxiliary by the parser, agreed with the enemy
        (
            "The mayor said a route from Vasylivka to Orikhiv was one of four roads agreed "
            "with the Russian side for Tuesday.",
            {"UKR", "RUS"},
            "Vasylivka",
        ),
        # the next stage of an evacuation, told as beginning
        (
            "The second phase of the evacuation from Rubizhne will start on Sunday morning, "
            "the Luhansk governor Serhiy Haidai said.",
            {"UKR"},
            "Rubizhne",
        ),
        # a scheduled attempt to open a corridor announces it
        (
            "Governor Pavlo Kyrylenko said another attempt to open a safe corridor out of "
            "Avdiivka would be made on Tuesday.",
            {"UKR"},
            "Avdiivka",
        ),
        # vehicles of an evacuation agreed on stand for its corridor
        (
            "A column of buses from Polohy to Zaporizhzhia has been agreed for Sunday, "
            "Oleksandr Starukh said.",
            {"UKR"},
            "Polohy",
        ),
        # leave given for people to move is a corridor granted by whoever gives it
        (
            "The Russian military has given permission for a convoy of Kherson residents to "
            "travel to Mykolaiv on Tuesday, local officials said.",
            {"RUS"},
            "Kherson",
        ),
        # a move along a corridor agreed with the other side binds both
        (
            "Patients from the hospital in Bucha will be taken to Kyiv on Monday along a "
            "route agreed with Russian forces, Ukrainian officials said.",
            {"UKR", "RUS"},
            "Bucha",
        ),
        # a go-between's scheduled attempt binds the two sides, not the go-between
        (
            "The Red Cross said its convoy would make a new attempt on Tuesday to enter "
            "Berdiansk and ensure the safe passage of residents.",
            {"UKR", "RUS"},
            "Berdiansk",
        ),
    ],
)
def test_evacuations_told_as_plans_attempts_or_leave_given_are_pledged(
    text: str, sides: set[str], place: str
) -> None:
    truces = truces_in(text, date(2022, 4, 3))
    assert sides_of(truces) == sides
    assert all(place in {p.name for p in t.scope_places} for t in truces)


@pytest.mark.parametrize(
    "text",
    [
        # efforts towards a corridor, not one announced
        "Diplomats said an attempt to agree a corridor out of Mariupol had failed.",
        "Permission for the convoy to leave Mariupol was not given, officials said.",
        "Kyiv said it had made every effort to open a corridor from Sumy.",
    ],
)
def test_attempts_made_or_leave_refused_announce_no_truce(text: str) -> None:
    assert not truces_in(text, date(2022, 4, 3))


def test_the_announcer_of_a_russian_control_centre_corridor_is_known() -> None:
    text = (
        "Colonel General Mikhail Mizintsev said a humanitarian corridor from Kharkiv to "
        "Belgorod would open at 10:00 Moscow time on Friday."
    )
    [truce] = truces_in(text, date(2022, 3, 10))
    assert truce.actor is not None
    assert truce.actor.country == "RUS"


def test_an_operation_going_on_with_both_sides_binds_both() -> None:
    found = truces_in(
        "A safe passage operation is under way at the hospital in Vuhledar, carried out in "
        "coordination with the Russian and Ukrainian sides, a UN spokesman said.",
        date(2022, 5, 1),
    )
    assert {p.actor.country for p in found} == {"RUS", "UKR"}
    assert "Vuhledar" in {p.name for p in found[0].scope_places}


def test_an_operator_running_evacuation_trains_pledges_them_but_not_other_trains() -> None:
    [run] = truces_in(
        "Ukraine's state railway will run extra evacuation trains from Kostiantynivka on Saturday.",
        date(2022, 5, 1),
    )
    assert "Kostiantynivka" in {p.name for p in run.scope_places}
    freight = "Ukraine's state railway will run extra freight trains to Odesa."
    assert not truces_in(freight, date(2022, 5, 1))


def test_a_river_bank_is_no_place_and_a_towns_head_speaks_for_it() -> None:
    [moved] = truces_in(
        "Nova Kakhovka's Russian-installed head said on Monday that residents of the villages "
        "on the west bank of the Dnipro would be moved across the river in organised groups.",
        date(2022, 10, 17),
    )
    names = {p.name for p in moved.scope_places}
    assert not names & {"West Bank", "Dnipro"}
    assert any("Nova Kakhovka" in name for name in names)


def test_a_region_named_as_the_owner_of_the_villages_scopes_the_truce() -> None:
    [corridor] = truces_in(
        "A humanitarian corridor will open on Tuesday for residents of the Zaporizhzhia "
        "region's frontline villages, Ukraine's deputy prime minister said.",
        date(2022, 8, 1),
    )
    assert [p.kind for p in corridor.scope_places] == ["region"]


def test_an_evacuation_operation_under_way_is_a_truce_and_military_ones_are_not() -> None:
    found = truces_in(
        "An evacuation operation is under way in Lysychansk in coordination with the Russian "
        "and Ukrainian sides, the Red Cross said.",
        date(2022, 5, 20),
    )
    assert {p.actor.country for p in found} == {"RUS", "UKR"}
    assert not truces_in(
        "A military operation is under way near Lysychansk, the Russian army said.",
        date(2022, 5, 20),
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the operator of the evacuation, a go-between: both sides are bound
        (
            "The Red Cross is preparing to evacuate civilians from Lysychansk on Sunday, a "
            "spokesman said.",
            {"RUS", "UKR"},
        ),
        (
            "The UN said it was organising a convoy to take civilians out of Lysychansk on Friday.",
            {"RUS", "UKR"},
        ),
        # evacuation vehicles announced, an evacuation ordered for all
        (
            "Authorities in Kramatorsk announced a free evacuation train to Lviv for Thursday.",
            {"UKR"},
        ),
        (
            "A mandatory evacuation has been ordered for residents of Vuhledar, Ukraine's deputy "
            "prime minister said.",
            {"UKR"},
        ),
    ],
)
def test_evacuations_announced_by_their_operators_or_vehicles_are_truces(
    text: str, sides: set[str]
) -> None:
    assert {p.actor.country for p in truces_in(text, date(2022, 5, 20))} == sides


def test_an_evacuation_train_attacked_or_waited_for_is_no_truce() -> None:
    for text in (
        "Russian missiles hit an evacuation train in Kramatorsk on Friday.",
        "Thousands waited for evacuation trains at the station in Kramatorsk on Friday.",
    ):
        assert not truces_in(text, date(2022, 4, 8))


@pytest.mark.parametrize(
    ("text", "side", "places"),
    [
        # the closing cue hung on the last clause as its conjunct
        (
            "A train will leave Kramatorsk station at 09:00 on Monday for Dnipro, and "
            "residents of Druzhkivka will be brought to the station by minibus, governor "
            "Pavlo Kyrylenko wrote on Telegram.",
            "UKR",
            {"Kramatorsk", "Druzhkivka"},
        ),
        # a headline's infinitive of going, hung on the vehicle
        (
            "Convoy from Vilkhivka and Tsyrkuny to Kharkiv to move from 11:00, governor Oleh "
            "Syniehubov wrote.",
            "UKR",
            {"Vilkhivka", "Kharkiv"},
        ),
        # "hopes", lemmatised as "hop"
        (
            "Ukraine hopes to send buses into Izium on Saturday to take out civilians, "
            "Deputy Prime Minister Iryna Vereshchuk said.",
            "UKR",
            {"Izium"},
        ),
        # the body of a bulletin the parser hung on its header
        (
            "Zaporizhzhia governor Oleksandr Starukh: an evacuation bus from Huliaipole to "
            "Zaporizhzhia is scheduled for Monday, if the route is quiet.",
            "UKR",
            {"Huliaipole"},
        ),
        # a closing cue hung on the square the buses leave from
        (
            "Evacuation buses will leave Siversk every morning at 8 a.m. from the market "
            "square, the head of the town's military administration Oleksii Vorobiov said, "
            "as fighting drew closer to the town.",
            "UKR",
            {"Siversk"},
        ),
        # the vehicles' errand parsed as the clause's subject
        (
            "Buses to take residents of Orikhiv to Zaporizhzhia will wait at the school at "
            "11:00 on Sunday, the city military administration said.",
            "UKR",
            {"Orikhiv"},
        ),
        # a live blog's stamp before the speaker; vehicles that take the people named
        (
            "UPDATE 10:15 - Vereshchuk: women and children from Berdiansk should gather by "
            "13:00 at the bus station; buses will take them to Zaporizhzhia.",
            "UKR",
            {"Berdiansk"},
        ),
        # an operation told as begun is under way
        (
            "The ICRC said a safe-passage operation for civilians sheltering in the Azot "
            "plant in Sievierodonetsk had begun, in coordination with Kyiv and Moscow.",
            None,
            {"Sievierodonetsk"},
        ),
        # an evacuation told as begun, with go-betweens escorting it
        (
            "The evacuation of civilians from Rubizhne has begun. Red Cross teams are "
            "escorting the column towards Kreminna, the UN said.",
            None,
            {"Rubizhne"},
        ),
        # the cue before its teller, after a comma
        (
            "A humanitarian corridor from Okhtyrka to Poltava will work today from 09:00, "
            "informs head of the regional military administration Dmytro Zhyvytskyi.",
            "UKR",
            {"Okhtyrka"},
        ),
        # vehicles that will be at a place at a time
        (
            "Tomorrow at 9:00 the buses will be near the central square in Siversk, Donetsk "
            "governor Pavlo Kyrylenko wrote on Telegram.",
            "UKR",
            {"Siversk"},
        ),
        # a truce "due to" start
        (
            "Mariupol city council: a ceasefire and evacuation are due to start at 10:00 from "
            "the drama theatre.",
            "UKR",
            {"Mariupol"},
        ),
        # an operation with go-betweens told as begun, in the past
        (
            "A safe-passage operation for civilians at the Azot plant, coordinated by the "
            "United Nations, began on Sunday, the UN said.",
            None,
            {"Azot"},
        ),
        # a route of towns joined by dashes, read by the tagger as one organisation
        (
            "Kyiv regional administration: a green corridor runs today along the route "
            "Borodianka - Makariv - Kyiv from 09:00 to 18:00.",
            "UKR",
            {"Borodianka", "Makariv"},
        ),
    ],
)
def test_a_truce_told_by_a_trailing_cue_a_headline_or_a_header_gives_a_pledge(
    text: str, side: str | None, places: set[str]
) -> None:
    found = truces_in(text, date(2022, 4, 8))
    assert found
    countries = {t.actor.country for t in found if t.actor is not None}
    # a go-between's operation binds both warring sides
    assert countries == ({side} if side is not None else {"UKR", "RUS"})
    assert places <= {p.name for t in found for p in t.scope_places}


def test_a_town_councils_truce_holds_in_its_town_and_where_people_go() -> None:
    text = (
        "The Kherson city council said a pause had been agreed for 10:00 to 15:00 and "
        "residents would be taken to Mykolaiv by bus from collection points in the city."
    )
    [truce] = truces_in(text, date(2022, 4, 8))
    assert {"Kherson", "Mykolaiv"} <= {p.name for p in truce.scope_places}


def test_a_move_told_after_a_truce_widens_its_scope_and_makes_no_truce_of_its_own() -> None:
    text = (
        "The Bakhmut city military administration announced an evacuation bus for Tuesday. "
        "The bus will collect people at 09:00 near the market and take them to Kramatorsk, "
        "the administration head said."
    )
    found = truces_in(text, date(2022, 8, 1))
    assert found
    assert all({"Bakhmut", "Kramatorsk"} <= {p.name for p in t.scope_places} for t in found)
    assert len({t.event.provenance.sentence for t in found}) == 1


def test_a_deadline_ends_the_window_that_starts_with_the_announcement() -> None:
    text = (
        "Free evacuation trains will run from Kherson to Khmelnytskyi, the regional "
        "administration said, urging residents to register before winter."
    )
    published = date(2022, 11, 21)
    [truce] = truces_in(text, published)
    assert truce.made_on == published
    assert truce.window_end is not None
    assert truce.window_end > date(2022, 11, 30)


def test_days_listed_after_a_date_are_the_truces_days() -> None:
    text = (
        "Russia's Defence Ministry said its forces would hold fire around the Azot plant "
        "from 08:00 to 20:00 on June 16, 17 and 18."
    )
    [truce] = truces_in(text, date(2022, 6, 15))
    assert truce.window_end is not None
    assert truce.window_end >= date(2022, 6, 18)


BUSES = (
    "Governor Oleksandr Starukh said evacuation buses would leave Huliaipole for "
    "Zaporizhzhia on Thursday morning."
)


@pytest.mark.parametrize(
    ("outcome", "verdict"),
    [
        # the war going on in town, with no word of the evacuation's day
        (
            "Russian artillery hit Huliaipole overnight, damaging a school, officials said.",
            "pending",
        ),
        # the same fire, told as what stopped the departure
        (
            "Russian troops shelled Huliaipole on Thursday morning and the departure was "
            "cancelled, the governor said.",
            "contradicted",
        ),
        (
            "The buses left Huliaipole without the passengers on Thursday, Starukh said.",
            "contradicted",
        ),
        (
            "Starukh said on Thursday that evacuating people from Huliaipole had become "
            "impossible.",
            "contradicted",
        ),
        (
            "For safety reasons the departure from Huliaipole is moved, Starukh said on Thursday.",
            "contradicted",
        ),
        (
            "Some 400 people had been taken out of the district by bus on Thursday, Starukh said.",
            "kept",
        ),
    ],
)
def test_an_evacuation_by_bus_is_settled_by_what_befell_its_day(outcome: str, verdict: str) -> None:
    assert verdicts_of(BUSES, date(2022, 8, 10), (outcome, date(2022, 8, 11))) == {verdict}


def verdicts_of(announced: str, on: date, *reports: tuple[str, date]) -> set[str]:
    """The verdicts of the truces ``announced`` gives, linked with the deeds of all."""
    first, said = extract(announced, on)
    truces = [r for r in said if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert truces
    told = [extract(text, day) for text, day in reports]
    events = [r for r in [*said, *(r for _, rs in told for r in rs)] if not hasattr(r, "kind")]
    articles = {a.id: a for a in [first, *(a for a, _ in told)]}
    return {v.label.value for v in link(truces, events, articles)}


def test_the_pledger_holding_that_its_truce_was_observed_disputes_the_charge() -> None:
    announced = (
        "The Russian Defence Ministry said it was opening a humanitarian corridor from "
        "Sumy towards Belgorod and that its troops would hold fire along the route."
    )
    charged = "Russian forces shelled Sumy heavily throughout the day, the governor said."
    answered = (
        "Russian officials insisted the ceasefire along the route had been observed and "
        "said Ukrainian units were keeping residents from leaving."
    )
    reports = ((charged, date(2022, 3, 24)), (answered, date(2022, 3, 25)))
    assert verdicts_of(announced, date(2022, 3, 24), *reports) == {"disputed"}
