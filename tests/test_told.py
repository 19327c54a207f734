"""How a report's words tell a deed, read around its trigger on records built by hand."""

from __future__ import annotations

import pytest

from saydo.domain import Event, Modality, PloverType, Provenance
from saydo.told import (
    told_as_circumstance,
    told_as_elsewhere,
    told_as_failed,
    told_as_undone,
)


def told(sentence: str, trigger: str, plover: PloverType = PloverType.RETREAT) -> Event:
    at = sentence.index(trigger)
    return Event(
        id="ev1",
        type=plover,
        trigger=trigger,
        provenance=Provenance("a1", at, at + len(trigger), sentence),
        modality=Modality.OCCURRED,
    )


@pytest.mark.parametrize(
    ("sentence", "trigger", "failed"),
    [
        ("The buses left Hirske without the passengers.", "left", True),
        ("The buses left Hirske without incidents.", "left", False),
        ("For safety reasons the departure is moved.", "moved", True),
        ("About 300 residents were moved to Dnipro.", "moved", False),
        ("The evacuation was interrupted by shelling.", "evacuation", True),
        ("People were left stranded on the road to Zaporizhzhia.", "left", True),
    ],
)
def test_a_way_out_told_as_not_had(sentence: str, trigger: str, failed: bool) -> None:
    assert told_as_failed(told(sentence, trigger)) is failed


@pytest.mark.parametrize(
    ("sentence", "undone"),
    [
        ("Officials insisted the ceasefire had been observed all day.", False),
        ("Officials insisted that the ceasefire be observed all day.", True),
    ],
)
def test_insisting_on_what_was_done_is_no_demand(sentence: str, undone: bool) -> None:
    assert told_as_undone(told(sentence, "observed")) is undone


def test_people_leaving_told_as_the_time_of_an_attack_are_its_circumstance() -> None:
    sentence = "Shells landed near the bridge as families were leaving Irpin."
    assert told_as_circumstance(told(sentence, "leaving"))
    assert not told_as_circumstance(told("Families were leaving Irpin all day.", "leaving"))


def test_fire_heard_near_the_route_is_beside_the_way_out() -> None:
    sentence = "Some 900 people left, although shelling was heard near the route."
    assert told_as_elsewhere(told(sentence, "shelling", PloverType.ASSAULT))
    sentence = "Some 900 people left despite shelling."
    assert not told_as_elsewhere(told(sentence, "shelling", PloverType.ASSAULT))
