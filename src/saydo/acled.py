"""ACLED's event types for saydo's PLOVER events: one mapping, shared by the ACLED export
and the ACLED evaluation, so that what saydo writes is what saydo is scored on.

ACLED codes what happened, so intentions, threats and denials have no ACLED counterpart,
and neither do PLOVER types whose acts ACLED does not record (CONSULT, ACCUSE, ...).
"""

from __future__ import annotations

from saydo.domain import Event, Modality

# PLOVER type (and mode) to ACLED's event type and sub-event type.
ACLED_TYPES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "artillery"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", None): ("Battles", "Armed clash"),
    ("ASSAULT", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("COERCE", "seize"): ("Strategic developments", "Looting/property destruction"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("COERCE", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("COERCE", None): ("Strategic developments", "Other"),
    ("MOBILIZE", None): ("Strategic developments", "Headquarters or base established"),
    ("RETREAT", "withdraw"): ("Strategic developments", "Non-violent transfer of territory"),
    ("AGREE", None): ("Strategic developments", "Agreement"),
    ("PROTEST", None): ("Protests", "Peaceful protest"),
}

# ACLED's "Violence against civilians" is direct violence by armed actors on unarmed people;
# shelling and air strikes that hit civilians stay "Explosions/Remote violence".
_ON_CIVILIANS = ("Violence against civilians", "Attack")
_REMOTE_MODES = frozenset({"aerial", "artillery", "explosives"})
CIVILIAN_SECTOR = "CVL"

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# What saydo can say in ACLED's terms at all: a gold row outside these is not saydo's miss.
EXPRESSIBLE_EVENT_TYPES = frozenset(kind for kind, _ in (*ACLED_TYPES.values(), _ON_CIVILIANS))
EXPRESSIBLE_SUB_TYPES = frozenset((*ACLED_TYPES.values(), _ON_CIVILIANS))

_CODED_MODALITIES = frozenset({Modality.OCCURRED, Modality.CLAIMED})


def acled_type(event: Event) -> tuple[str, str] | None:
    """ACLED's (event type, sub-event type) for a PLOVER event, or None when it has none."""
    if _direct_attack_on_civilians(event):
        return _ON_CIVILIANS
    return ACLED_TYPES.get((event.type.value, event.mode)) or ACLED_TYPES.get(
        (event.type.value, None)
    )


def acled_coded(event: Event) -> tuple[str, str] | None:
    """The ACLED type of an event ACLED would record: one that happened, not denied."""
    if event.negated or event.modality not in _CODED_MODALITIES:
        return None
    return acled_type(event)


def _direct_attack_on_civilians(event: Event) -> bool:
    recipient = event.recipient
    return (
        event.type.value == "ASSAULT"
        and event.mode not in _REMOTE_MODES
        and recipient is not None
        and recipient.sector == CIVILIAN_SECTOR
    )
