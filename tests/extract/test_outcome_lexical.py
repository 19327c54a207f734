"""The word-class reading of a truce's day: who got out, what stopped them, what fired."""

from __future__ import annotations

import pytest

from saydo.extract.outcome_lexical import lexical_readings
from saydo.extract.outcome_words import Outcome
from saydo.nlp.pipeline import load_pipeline


def outcomes_of(text: str) -> set[Outcome]:
    doc = load_pipeline()(text)
    return {reading.outcome for sent in doc.sents for reading in lexical_readings(sent)}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # getting out, told as done, with people or vehicles named
        ("About 900 residents left Polohy in private cars on Sunday, officials said.", "kept"),
        ("Only 40 people were able to leave Lysychansk.", "kept"),
        ("The shelling stopped and 2,000 people crossed to Zaporizhzhia.", "kept"),
        # a negated or failed way out, and the verbs of stopping
        ("Not a single bus managed to leave Volnovakha.", "blocked"),
        ("No one could get out of Popasna on Friday.", "blocked"),
        ("The corridor from Huliaipole was closed after an hour, the mayor said.", "blocked"),
        ("The convoy was turned back at a checkpoint near Vasylivka.", "blocked"),
        ("The buses did not get into Izium on Tuesday.", "blocked"),
        ("Hundreds of people queued at the checkpoint but were not allowed to cross.", "blocked"),
        ("The humanitarian convoy was forced to turn around near Vasylivka.", "blocked"),
        ("Shelling forced the evacuation to be postponed.", "blocked"),
        ("Around 60 buses set off from Berdiansk but were stopped at a checkpoint.", "blocked"),
        ("Volunteers said they were turned away at the last checkpoint.", "blocked"),
        ("The buses remained in Zaporizhzhia all day, the governor said.", "blocked"),
        # the truce itself going ahead or not
        ("The ceasefire largely held, with 4,000 leaving Enerhodar.", "kept"),
        ("No evacuation took place in Izium.", "blocked"),
        # the truce observed or not, as its sides tell it
        ("The ceasefire around Enerhodar was largely observed, the ministry said.", "kept"),
        ("The truce was not respected, Ukrainian officials said.", "fired"),
        # a vessel through a maritime corridor is what that corridor is for
        ("The Razoni sailed out of Odesa through the corridor.", "kept"),
        # hostilities told as going on, where the truce is named
        ("Shelling continued along the evacuation route all morning.", "fired"),
        ("Russia said Ukrainian forces violated the ceasefire near Kharkiv.", "fired"),
    ],
)
def test_word_classes_read_the_day(text: str, wanted: str) -> None:
    assert outcomes_of(text) == {Outcome(wanted)}


@pytest.mark.parametrize(
    "text",
    [
        # plans, hopes, forecasts, conditions, questions and instructions are no deed
        "Officials hope the buses will reach Mariupol tomorrow.",
        "Residents are expected to leave Izium on Friday.",
        # a denial is no deed
        "The Kremlin denied that its forces were storming the plant during the truce.",
        "Buses will not be able to reach Izium.",
        "If the shelling stops, people will leave Izium.",
        "Did anyone get out of Rubizhne?",
        "People waiting at the station were told to go home.",
        # who the people are is not what the day did
        "Residents who had fled Bucha earlier described the fighting.",
        # goods are not people, and the train they go by is no evacuee
        "Trucks of grain were moved out of Tokmak by train.",
        # a blow blocked, crews held now: no people or vehicles of a truce's day stopped
        "We have blocked the very first blow, as people here know.",
        "Their crews are still being held hostage in the port.",
        # a sentence of neither a truce nor people moving tells nothing of one
        "The ministry published its weekly budget figures.",
    ],
)
def test_guards_leave_no_outcome(text: str) -> None:
    assert outcomes_of(text) == set()


def test_a_sentence_both_got_out_and_was_stopped() -> None:
    """A clause is read on its own: each of two outcomes is told."""
    text = "Russian troops blocked the buses at Tokmak, but 600 residents reached Orikhiv."
    assert outcomes_of(text) == {Outcome.BLOCKED, Outcome.KEPT}
