"""Actor coding and PLOVER's view of an event: who is the source, who the target."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span, Token

from saydo.domain import (
    Actor,
    ActorKind,
    Article,
    Event,
    Modality,
    PloverType,
    Provenance,
    content_hash,
)
from saydo.extract.coding import (
    GROUP_NOUNS,
    entities_over,
    ethnic_group_country,
    group_actor,
    located_country,
    phrase_country,
    plover_participants,
    plover_type,
)
from saydo.extract.context import ArticleContext, build_context
from saydo.nlp.pipeline import load_pipeline


def _state(code: str) -> Actor:
    return Actor(code, ActorKind.STATE, country=code)


def _event(
    modality: Modality,
    actor: Actor | None,
    reporter: Actor | None,
    plover: PloverType = PloverType.RETREAT,
) -> Event:
    provenance = Provenance("a", 0, 1, "x", "test")
    return Event("e", plover, "x", provenance, actor=actor, modality=modality, reported_by=reporter)


def test_a_demanded_act_is_the_demanders_request_of_the_doer() -> None:
    event = _event(Modality.DEMANDED, _state("SDN"), _state("RUS"))
    source, target = plover_participants(event)
    assert plover_type(event) is PloverType.REQUEST
    assert source is not None
    assert source.country == "RUS"
    assert target is not None
    assert target.country == "SDN"


@pytest.mark.parametrize("modality", [Modality.OCCURRED, Modality.CLAIMED, Modality.INTENDED])
def test_other_events_keep_their_own_actor(modality: Modality) -> None:
    event = _event(modality, _state("SDN"), _state("RUS"))
    assert plover_participants(event) == (event.actor, event.recipient)


def test_ones_own_demand_on_oneself_keeps_the_actor() -> None:
    russia = _state("RUS")
    event = _event(Modality.DEMANDED, russia, russia)
    assert plover_participants(event) == (russia, None)


def _parse(text: str) -> tuple[Doc, ArticleContext]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return doc, build_context(doc, article)


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_a_people_lives_where_the_phrase_places_it() -> None:
    doc, ctx = _parse("Ethnic Russians in Moldova staged a rally on Sunday.")
    assert ethnic_group_country(_word(doc, "Russians"), ctx) == "MDA"


def test_a_people_with_a_country_adjective_is_of_that_country() -> None:
    doc, ctx = _parse("Bosnian Croats boycotted the session.")
    assert ethnic_group_country(_word(doc, "Croats"), ctx) == "BIH"


def test_a_plain_group_is_no_people() -> None:
    doc, ctx = _parse("Angry farmers in France blocked the roads.")
    assert ethnic_group_country(_word(doc, "farmers"), ctx) is None
    assert located_country(_word(doc, "farmers"), ctx) == "FRA"


def test_a_stance_towards_a_country_is_not_its_side() -> None:
    doc, ctx = _parse("The pro-Iranian militia fired rockets.")
    assert phrase_country(_word(doc, "militia"), ctx) != "IRN"


def test_a_leader_of_forces_gives_them_its_side() -> None:
    doc, ctx = _parse("Nigerian-led forces entered the town.")
    assert phrase_country(_word(doc, "forces"), ctx) == "NGA"


def test_entities_over_gives_what_doc_ents_holds_at_every_token() -> None:
    doc = load_pipeline()(
        "Russian Defence Ministry spokesman Igor Konashenkov said on Tuesday that forces "
        "of the Donetsk People's Republic had entered Mariupol. The United Nations and "
        "the Red Cross asked Moscow and Kyiv for a corridor from the city to Zaporizhzhia."
    )
    assert len(doc.ents) >= 5

    def key(ent: Span) -> tuple[int, int, str, str, str]:
        return (ent.start, ent.end, ent.label_, ent.ent_id_, ent.kb_id_)

    for token in doc:
        wanted = [key(e) for e in doc.ents if e.start <= token.i < e.end]
        assert [key(e) for e in entities_over(doc, [token.i])] == wanted
    every = [key(e) for e in entities_over(doc, range(len(doc)))]
    assert every == [key(e) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "noun", "country", "sector"),
    [
        ("Congolese rebels seized the airport.", "rebels", "COD", "REB"),
        ("Pro-Russian separatists seized the airport.", "separatists", "RUS", "REB"),
        ("Insurgents in Yemen seized the airport.", "Insurgents", "YEM", "REB"),
        ("Turkish police detained the editor.", "police", "TUR", "COP"),
        ("Chilean students marched through the capital.", "students", "CHL", "EDU"),
        ("The gunmen fled before dawn.", "gunmen", None, "UAF"),
    ],
)
def test_a_group_noun_makes_a_group_of_its_side(
    text: str, noun: str, country: str | None, sector: str
) -> None:
    doc, ctx = _parse(text)
    group = group_actor(None, _word(doc, noun), ctx)
    assert group is not None
    assert group.kind in {ActorKind.GROUP, ActorKind.ARMED_GROUP}
    assert (group.country, group.sector) == (country, sector)
    assert group.sector == GROUP_NOUNS[_word(doc, noun).lemma_.lower()]


def test_a_stance_against_a_country_gives_a_group_no_side() -> None:
    doc, ctx = _parse("Anti-Russian protesters gathered at the embassy.")
    group = group_actor(None, _word(doc, "protesters"), ctx)
    assert group is not None
    assert group.country != "RUS"


def test_a_named_group_keeps_its_own_coding() -> None:
    doc, ctx = _parse("Hezbollah militants fired rockets.")
    named = ctx.actors.lookup("Hezbollah")
    assert named is not None
    assert named.kind is not ActorKind.STATE
    assert group_actor(named, _word(doc, "militants"), ctx) is None


def test_a_head_that_names_no_group_is_left_alone() -> None:
    doc, ctx = _parse("The Russian government fired the governor.")
    assert group_actor(None, _word(doc, "government"), ctx) is None
