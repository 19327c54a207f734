from __future__ import annotations

import pytest

from saydo.acled import EXPRESSIBLE_SUB_TYPES, acled_coded, acled_type
from saydo.domain import Actor, ActorKind, Event, Modality, PloverType, Provenance

TROOPS = Actor("Russian forces", ActorKind.GROUP, country="RUS", sector="MIL")
VILLAGERS = Actor("villagers", ActorKind.GROUP, country="UKR", sector="CVL")
SOLDIERS = Actor("Ukrainian troops", ActorKind.GROUP, country="UKR", sector="MIL")


def event(kind: PloverType, mode: str | None, recipient: Actor | None, **extra: object) -> Event:
    return Event(
        id="e1",
        type=kind,
        trigger="t",
        provenance=Provenance("a1", 0, 1, "s"),
        mode=mode,
        actor=TROOPS,
        recipient=recipient,
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("kind", "mode", "recipient", "expected"),
    [
        (PloverType.ASSAULT, None, VILLAGERS, ("Violence against civilians", "Attack")),
        (PloverType.ASSAULT, None, SOLDIERS, ("Battles", "Armed clash")),
        (
            PloverType.ASSAULT,
            "artillery",
            VILLAGERS,
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            PloverType.COERCE,
            "abduct",
            VILLAGERS,
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (PloverType.CONSULT, None, SOLDIERS, None),
    ],
)
def test_acled_types_follow_who_was_hit_and_how(
    kind: PloverType, mode: str | None, recipient: Actor, expected: tuple[str, str] | None
) -> None:
    assert acled_type(event(kind, mode, recipient)) == expected
    assert expected is None or expected in EXPRESSIBLE_SUB_TYPES


def test_threats_and_denied_acts_are_not_coded() -> None:
    assert acled_coded(event(PloverType.ASSAULT, None, VILLAGERS)) is not None
    assert acled_coded(event(PloverType.ASSAULT, None, VILLAGERS, negated=True)) is None
    threat = event(PloverType.ASSAULT, None, VILLAGERS, modality=Modality.INTENDED)
    assert acled_coded(threat) is None
