"""Event coding on sentences written for these tests: type, actors, modality, numbers."""

from __future__ import annotations

import pytest

from saydo.domain import Article, Event, Modality, PloverType, content_hash
from saydo.extract.article import extract_records
from saydo.extract.coding import plover_participants, plover_type
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.quantities import parse_number
from saydo.nlp.pipeline import load_pipeline


def _events(text: str) -> list[Event]:
    article = Article(id=content_hash(text), text=text, source="test")
    return list(extract_records(load_pipeline()(text), article).events)


def _one(text: str, wanted: PloverType) -> Event:
    found = [e for e in _events(text) if plover_type(e) is wanted]
    assert found, [(e.type, e.modality, e.trigger) for e in _events(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("thousands", 2000),
        ("more than four million people", 4_000_000),
        ("dozens of civilians", 24),
        ("at least 1,200", 1200),
        ("two hundred and fifty", 250),
        ("three dozen", 36),
        ("a war", None),
    ],
)
def test_number_words_give_a_lower_bound(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_us_is_a_country_not_a_pronoun() -> None:
    event = _one("The US on Thursday rejected the proposal by Japan.", PloverType.REJECT)
    assert event.actor is not None
    assert event.actor.country == "USA"


def test_an_unknown_person_takes_the_side_of_their_title() -> None:
    event = _one(
        "Moldovan President Ion Popescu accused Romania of arming the rebels.",
        PloverType.ACCUSE,
    )
    assert event.actor is not None
    assert event.actor.country == "MDA"
    assert event.actor.sector == "GOV"
    assert event.recipient is not None
    assert event.recipient.country == "ROU"


def test_a_threatened_act_is_coded_threaten_with_the_act_kept() -> None:
    events = _events("Ghana threatened to expel the Togolese ambassador.")
    expel = [e for e in events if e.trigger == "expel"]
    assert expel
    assert expel[0].modality is Modality.THREATENED
    assert expel[0].type is PloverType.SANCTION
    assert plover_type(expel[0]) is PloverType.THREATEN
    assert expel[0].actor is not None
    assert expel[0].actor.country == "GHA"


def test_a_promise_of_help_is_an_agreement() -> None:
    event = _one("Norway is ready to send aid to Chile.", PloverType.AGREE)
    assert event.actor is not None
    assert event.actor.country == "NOR"


def test_a_demand_does_not_make_the_demander_act() -> None:
    events = _events("Peru demanded that Chile withdraw its troops from the border.")
    assert any(plover_type(e) is PloverType.REQUEST for e in events)
    retreats = [e for e in events if e.type is PloverType.RETREAT]
    assert all(e.actor is None or e.actor.country != "PER" for e in retreats)


def test_killed_counts_come_from_number_words() -> None:
    event = _one("Rebels killed dozens of villagers in Kenya on Monday.", PloverType.ASSAULT)
    killed = [q for q in event.quantities if q.kind == "killed"]
    assert killed
    assert killed[0].value == 24


def test_every_event_carries_its_cameo_root_and_quad_class() -> None:
    for event in _events("Egypt hosted talks with Sudan and Sudanese troops attacked a town."):
        assert event.cameo == cameo_code(event.type, event.mode)
        assert event.quad_class == quad_class(event.cameo)


def test_a_meeting_with_someone_makes_them_the_recipient() -> None:
    event = _one("Kenyan diplomats held a meeting with Tanzania on Friday.", PloverType.CONSULT)
    assert event.recipient is not None
    assert event.recipient.country == "TZA"


def test_a_demand_that_another_act_is_addressed_to_the_complement_subject() -> None:
    events = _events("Chile demanded that Bolivia release the fishermen.")
    demand = [e for e in events if e.trigger == "demanded"]
    assert demand
    assert demand[0].actor is not None
    assert demand[0].actor.country == "CHL"
    assert demand[0].recipient is not None
    assert demand[0].recipient.country == "BOL"


def test_a_must_said_of_another_is_a_demand() -> None:
    event = _one("Ghana said on Monday that Togo must withdraw its troops.", PloverType.REQUEST)
    assert event.modality is Modality.DEMANDED


def test_crowds_blocking_roads_protest_while_troops_blocking_them_coerce() -> None:
    crowd = _events("Angry farmers blocked roads in Chile on Monday.")
    assert any(e.trigger == "blocked" and plover_type(e) is PloverType.PROTEST for e in crowd)
    troops = _events("Peruvian troops blocked roads in Chile on Monday.")
    assert any(e.trigger == "blocked" and plover_type(e) is PloverType.COERCE for e in troops)


def test_a_hunger_strike_is_a_protest_not_an_attack() -> None:
    events = _events("Prisoners began a hunger strike in Bolivia to protest their detention.")
    strike = [e for e in events if e.trigger == "strike"]
    assert strike
    assert strike[0].type is PloverType.PROTEST
    assert strike[0].actor is not None
    assert strike[0].actor.country == "BOL"


def test_refusing_or_yielding_to_demands() -> None:
    refused = _one("Peru said it will not accept any more refugees.", PloverType.REJECT)
    assert refused.actor is not None
    assert refused.actor.country == "PER"
    _one("The Peruvian government accepted demands from striking miners.", PloverType.CONCEDE)


def test_a_declared_ceasefire_is_a_retreat() -> None:
    event = _one("The rebels declared a unilateral ceasefire in Sudan.", PloverType.RETREAT)
    assert event.mode == "ceasefire"


def test_a_leader_of_the_1990s_is_coded_by_country() -> None:
    event = _one("Yoweri Museveni agreed to release the prisoners.", PloverType.AGREE)
    assert event.actor is not None
    assert event.actor.country == "UGA"


# -- coding by verb classes and constructions (issue #4) ----------------------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The army lifted the siege of the port city on Monday.", PloverType.RETREAT),
        ("Chile cancelled a planned visit to Peru after the dispute.", PloverType.SANCTION),
        ("Kenya recalled its ambassador to Uganda on Friday.", PloverType.SANCTION),
        ("The UN agency cut food supplies to the refugee camps in Chad.", PloverType.SANCTION),
        ("Police detained three journalists on charges of espionage.", PloverType.ACCUSE),
        ("Greece lodged a formal protest with Turkey on Tuesday.", PloverType.ACCUSE),
        ("The opposition said it would boycott the vote.", PloverType.THREATEN),
        ("Mali will expel the French envoy unless Paris apologises.", PloverType.THREATEN),
        ("Armenia and Azerbaijan failed to reach an agreement on the border.", PloverType.REJECT),
        ("The junta declared a state of emergency in the capital.", PloverType.COERCE),
        ("Thousands of dockers stopped work on Monday over pay.", PloverType.PROTEST),
        ("Serbian and Kosovar negotiators returned to Brussels for talks.", PloverType.CONSULT),
        ("The government allowed the exiled leader to return home.", PloverType.CONCEDE),
        ("The court opened a hearing into the killings.", PloverType.ACCUSE),
        ("Rebels blew up a railway bridge near the border.", PloverType.COERCE),
        ("Khartoum forced the aid agency out of the country.", PloverType.SANCTION),
        ("Indian and Japanese ships held joint war games in the bay.", PloverType.COOPERATE),
        ("Police opened fire on the crowd in the square.", PloverType.ASSAULT),
    ],
)
def test_verb_classes_and_their_objects_decide_the_type(text: str, wanted: PloverType) -> None:
    _one(text, wanted)


def test_what_a_speaker_says_another_must_do_is_their_demand() -> None:
    event = _one(
        "Germany said on Monday that Belarus must free the detained activists.", PloverType.REQUEST
    )
    source, target = plover_participants(event)
    assert event.modality is Modality.DEMANDED
    assert source is not None
    assert source.country == "DEU"
    assert target is not None
    assert target.country == "BLR"


def test_any_verb_under_must_in_reported_speech_is_a_demand() -> None:
    event = _one("Japan declared that China must lower its tariffs.", PloverType.REQUEST)
    source, target = plover_participants(event)
    assert source is not None
    assert source.country == "JPN"
    assert target is not None
    assert target.country == "CHN"


@pytest.mark.parametrize(
    ("text", "wanted", "country"),
    [
        # The announcer of a nominal act does it.
        ("Spain announced a suspension of flights to Algeria.", PloverType.SANCTION, "ESP"),
        # A pronoun owner is the subject of the verb that carries the noun.
        ("Turkey mounted its offensive against the Kurdish militia.", PloverType.ASSAULT, "TUR"),
        # The subject of "engaged in" did the act.
        ("Ethiopian troops were engaged in the shelling of the town.", PloverType.ASSAULT, "ETH"),
        # An adjectival passive's subject holds the attitude.
        ("Poland is opposed to the pipeline deal.", PloverType.REJECT, "POL"),
        # Only the state where it happens arrests.
        ("A French aid worker was arrested in Iran last week.", PloverType.COERCE, "IRN"),
        # "-led" forces are the leader's; a "pro-" modifier is a stance, not a side.
        ("Saudi-led forces bombed the port.", PloverType.ASSAULT, "SAU"),
    ],
)
def test_the_actor_is_found_through_the_construction(
    text: str, wanted: PloverType, country: str
) -> None:
    event = _one(text, wanted)
    assert event.actor is not None
    assert event.actor.country == country


def test_a_people_is_coded_by_where_it_lives() -> None:
    event = _one("Ethnic Hungarians in Romania demanded autonomy.", PloverType.REQUEST)
    assert event.actor is not None
    assert event.actor.country == "ROU"


def test_a_pronoun_in_an_announcement_is_the_announcer() -> None:
    event = _one(
        "The Kenyan Union of Nurses announced that it has called off its strike.",
        PloverType.CONCEDE,
    )
    assert event.actor is not None
    assert event.actor.country == "KEN"


def test_a_kind_of_group_named_by_an_act_is_no_event() -> None:
    kinds = [
        e.trigger for e in _events("Two aid groups working in Sudan said the roads were open.")
    ]
    assert "aid" not in kinds


def test_ones_own_side_under_must_is_a_resolve_not_a_demand() -> None:
    events = _events("The Polish president said that the state must protect its borders.")
    assert not [e for e in events if e.modality is Modality.DEMANDED], events


def test_rebels_saying_the_government_must_act_demand_it() -> None:
    event = _one(
        "Sudanese rebels said that the Sudanese government must release the prisoners.",
        PloverType.REQUEST,
    )
    assert event.modality is Modality.DEMANDED


@pytest.mark.parametrize(
    "text",
    [
        "Forty injured villagers were flown to a hospital in Odesa on Friday.",
        "Engineers began repairing the damaged dam near Nova Kakhovka.",
        "The murdered journalist's colleagues marched through Belgrade.",
    ],
)
def test_a_participle_before_a_noun_describes_it_and_is_no_attack(text: str) -> None:
    assert not [e for e in _events(text) if e.type is PloverType.ASSAULT]


def test_a_participle_with_its_own_agent_is_still_a_deed() -> None:
    text = "Two shops destroyed by Serbian shelling on Monday were rebuilt."
    assert [e for e in _events(text) if e.type is PloverType.ASSAULT]


@pytest.mark.parametrize(
    "text",
    [
        "No trucks were able to leave Berdyansk on Sunday.",
        "The refugees were unable to leave the besieged town of Kobani.",
        "None of the convoys managed to leave Aleppo.",
        "The rebel battalions were not able to withdraw from Mykolaiv.",
        "Government troops failed to withdraw from Goma.",
    ],
)
def test_a_denied_ability_is_a_negated_retreat(text: str) -> None:
    retreats = [e for e in _events(text) if e.type is PloverType.RETREAT]
    assert retreats, [(e.type, e.trigger) for e in _events(text)]
    assert all(e.negated for e in retreats)


def test_an_ability_used_is_a_retreat_that_happened() -> None:
    retreats = [
        e
        for e in _events("Three trucks were able to leave Berdyansk on Sunday.")
        if e.type is PloverType.RETREAT
    ]
    assert retreats
    assert not any(e.negated for e in retreats)


def test_a_negated_death_toll_does_not_swallow_the_attack() -> None:
    events = _events("Nobody was killed in the rocket attack on Kramatorsk, officials said.")
    assaults = [e for e in events if e.type is PloverType.ASSAULT]
    assert any(e.negated for e in assaults)
    assert any(not e.negated for e in assaults)


def test_a_clause_after_a_speech_verb_misread_as_a_noun_phrase_keeps_its_deed() -> None:
    text = "The ministry said the military bombed supply depots in three provinces."
    assert [e for e in _events(text) if e.type is PloverType.ASSAULT]


def test_cutting_an_economic_measure_is_no_retreat() -> None:
    events = _events("The cabinet in Chile decided to cut back diesel taxes.")
    assert not [e for e in events if e.type is PloverType.RETREAT]
    pulled = _events("Peru will cut back its troops on the border.")
    assert any(e.type is PloverType.RETREAT for e in pulled)


def test_an_abstract_subject_threatens_no_one() -> None:
    events = _events("The shortage of grain from Chile will hit poor countries, an envoy said.")
    assert not [e for e in events if e.type is PloverType.ASSAULT]


def test_a_treaty_that_gives_is_no_aid_pledge() -> None:
    events = _events("Peru hopes to sign an accord which will give it strong partners.")
    assert not [e for e in events if e.type is PloverType.AID]


def test_a_gerund_naming_a_team_is_no_talks() -> None:
    events = _events("Head of the Peruvian negotiating team Luis Soto said the vote was fair.")
    assert not [e for e in events if e.type is PloverType.CONSULT]


def test_they_in_a_persons_quote_is_the_other_side() -> None:
    text = (
        "Chilean troops attacked Lima on Monday. "
        '"They plan to completely destroy Arequipa," Peruvian President Luis Soto said.'
    )
    threats = [e for e in _events(text) if e.trigger == "destroy"]
    assert threats
    assert threats[0].actor is not None
    assert threats[0].actor.country == "CHL"


def test_talks_with_many_foreign_leaders_are_not_with_the_enemy() -> None:
    text = (
        "Chilean troops attacked Lima on Monday. "
        "Peru holds negotiations with several foreign leaders, Luis Soto said."
    )
    talks = [e for e in _events(text) if e.type is PloverType.CONSULT]
    assert talks
    assert all(e.recipient is None or e.recipient.country != "CHL" for e in talks)


def _dated(text: str) -> list[Event]:
    from datetime import date

    article = Article(id=content_hash(text), text=text, source="test", published=date(2023, 6, 9))
    return list(extract_records(load_pipeline()(text), article).events)


def _place_names(event: Event) -> set[str]:
    return {p.name for p in event.places}


def test_a_deed_in_a_clause_of_sequence_takes_the_place_it_hangs_from() -> None:
    text = (
        "A grain silo in the Peruvian city of Tacna burned on Friday after what the "
        "mayor said was a rocket attack by Chilean troops."
    )
    attacks = [e for e in _events(text) if e.trigger == "attack"]
    assert attacks
    assert "Tacna" in _place_names(attacks[0])
    own = _events("A silo in the Peruvian city of Tacna burned after Chilean troops shelled Arica.")
    shelled = [e for e in own if e.trigger == "shelled"]
    assert shelled
    assert "Tacna" not in _place_names(shelled[0])


def test_a_deed_told_in_an_accusation_is_not_dated_to_its_day() -> None:
    events = _dated("Peru accused Chile on Wednesday of shelling farms near Tacna.")
    accused = [e for e in events if e.trigger == "accused"]
    shelling = [e for e in events if e.trigger == "shelling"]
    assert accused
    assert shelling
    said = accused[0].time
    assert said is not None
    assert said.start is not None
    done = shelling[0].time  # by that day, not on it: the ledger would date it to the day
    assert done is not None
    assert (done.precision, done.start, done.end) == ("vague", None, said.start)


def test_a_deed_to_come_takes_no_end_from_the_day_it_was_told() -> None:
    events = _dated("Peru said on Wednesday that Chile would shell farms near Tacna.")
    shell = [e for e in events if e.trigger == "shell"]
    assert shell
    assert shell[0].time is None


def test_they_striking_the_speakers_side_is_not_the_speaker() -> None:
    text = "The Peruvian mayor of Tacna said they were shelling the city."
    shelling = [e for e in _events(text) if e.trigger == "shelling"]
    assert shelling
    assert shelling[0].actor is None or shelling[0].actor.country != "PER"
    own = _events("Peruvian commanders said they had shelled the town.")
    shelled = [e for e in own if e.trigger == "shelled"]
    assert shelled
    assert shelled[0].actor is not None
    assert shelled[0].actor.country == "PER"


def test_a_group_announcing_that_they_will_attack_is_not_the_other_side() -> None:
    text = "Chilean rebels announced that they are ready to attack Tacna."
    attacks = [e for e in _events(text) if e.trigger == "attack"]
    assert attacks
    assert attacks[0].actor is None or attacks[0].actor.country == "CHL"


def _actor_of(text: str, wanted: PloverType) -> tuple[str | None, str | None, str]:
    actor = _one(text, wanted).actor
    assert actor is not None
    return actor.country, actor.sector, actor.kind.value


def test_a_bare_rebel_group_acts_without_a_side() -> None:
    assert _actor_of("The rebels ambushed a convoy.", PloverType.ASSAULT) == (
        None,
        "REB",
        "armed_group",
    )


def test_insurgents_take_the_side_of_where_they_strike() -> None:
    country, sector, _ = _actor_of(
        "Militants ambushed a police patrol near Kandahar.", PloverType.ASSAULT
    )
    assert (country, sector) == ("AFG", "REB")


def test_a_nationality_makes_rebels_a_group_not_the_state() -> None:
    assert _actor_of("Sudanese rebels shelled the garrison.", PloverType.ASSAULT) == (
        "SDN",
        "REB",
        "armed_group",
    )


def test_separatists_backed_by_a_country_are_its_side() -> None:
    country, sector, _ = _actor_of(
        "Pro-Russian separatists shelled the village overnight.", PloverType.ASSAULT
    )
    assert (country, sector) == ("RUS", "REB")


def test_police_with_a_nationality_are_that_countrys_police() -> None:
    country, sector, kind = _actor_of("Kenyan police arrested six activists.", PloverType.COERCE)
    assert (country, sector, kind) == ("KEN", "COP", "group")


@pytest.mark.parametrize(
    ("text", "actor", "teller"),
    [
        ("Russian troops shelled a school in Sumy on Monday, the ministry said.", "RUS", "UKR"),
        ("Ukrainian artillery shelled a market in Donetsk, officials said.", "UKR", "RUS"),
    ],
)
def test_an_unnamed_ministry_telling_of_an_attack_speaks_for_the_side_attacked(
    text: str, actor: str, teller: str
) -> None:
    attack = _one(text, PloverType.ASSAULT)
    assert attack.actor is not None
    assert attack.actor.country == actor
    assert attack.reported_by is not None
    assert attack.reported_by.country == teller
    assert attack.modality is Modality.OCCURRED
    assert not attack.self_reported


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops shelled a school in Sumy, the UN said.",
        "Western officials said Russian troops had shelled a school in Sumy.",
    ],
)
def test_a_voice_outside_the_war_gives_no_side(text: str) -> None:
    attack = _one(text, PloverType.ASSAULT)
    assert attack.reported_by is None or attack.reported_by.country != "UKR"


def test_what_a_side_refused_is_told_by_whoever_reports_the_refusal() -> None:
    text = (
        "Konashenkov said Kyiv had refused to open the route and that its troops had "
        "shelled the buses near Bezimenne."
    )
    shelled = _one(text, PloverType.ASSAULT)
    assert shelled.reported_by is not None
    assert shelled.reported_by.name == "Igor Konashenkov"


def test_an_occupying_sides_installed_officials_speak_for_it() -> None:
    text = "Russian-installed officials in Enerhodar said Ukrainian shelling hit the road."
    shelled = _one(text, PloverType.ASSAULT)
    assert shelled.reported_by is not None
    assert shelled.reported_by.country == "RUS"


def test_a_plea_to_the_reader_is_asked_not_done() -> None:
    [left] = [
        e for e in _events("Please do not leave the city before noon.") if e.trigger == "leave"
    ]
    assert left.modality is Modality.DEMANDED
