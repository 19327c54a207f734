"""Truce outcomes as the next days report them, and the end-to-end truce table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saydo.domain import Article, PloverType, VerdictLabel, content_hash
from saydo.evaluation.pledges import (
    TruceRow,
    format_truce_table,
    load_truce_table,
    score_truce_table,
)
from saydo.extract.article import extract_records
from saydo.nlp.pipeline import load_pipeline
from saydo.runner import extract_article
from saydo.told import told_as_failed

DATA = Path(__file__).parent / "data"
TABLE = DATA / "truce_outcomes.jsonl"


def events_of(text: str) -> list[tuple[PloverType, str | None, frozenset[str], bool]]:
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 10))
    extraction = extract_records(load_pipeline()(text), article)
    return [
        (e.type, e.mode, frozenset(p.name for p in e.places), told_as_failed(e))
        for e in extraction.events
        if not e.negated and e.modality.value in {"occurred", "claimed"}
    ]


@pytest.mark.parametrize(
    ("text", "wanted", "place"),
    [
        ("Soldiers would not let the buses through to Berdiansk.", PloverType.COERCE, "Berdiansk"),
        ("Gunmen opened fire on the evacuation convoy near Polohy.", PloverType.ASSAULT, "Polohy"),
        (
            "Fire was opened on a column of evacuees near Vasylivka.",
            PloverType.ASSAULT,
            "Vasylivka",
        ),
        (
            "The bus convoy got to Zaporizhzhia from Tokmak late at night.",
            PloverType.RETREAT,
            "Tokmak",
        ),
        ("The buses failed to reach Kherson on Monday.", PloverType.COERCE, "Kherson"),
    ],
)
def test_an_outcome_sentence_gives_an_event_with_its_place(
    text: str, wanted: PloverType, place: str
) -> None:
    found = [e for e in events_of(text) if e[0] is wanted and place in e[2]]
    assert found
    if wanted is PloverType.RETREAT:
        assert all(not failed for *_, failed in found)


def test_an_outcome_with_no_place_of_its_own_takes_the_one_just_named() -> None:
    text = "Buses were sent to Kupiansk in the morning. By noon the corridor had not opened."
    blocked = [e for e in events_of(text) if e[0] is PloverType.COERCE]
    assert blocked
    assert "Kupiansk" in blocked[0][2]


@pytest.mark.parametrize(
    "text",
    [
        "We hope the buses will reach Mariupol tomorrow.",
        "Ukraine called on Russia to stop blocking the corridor from Mariupol.",
        "Officials plan to evacuate 5,000 people from Sumy on Friday.",
    ],
)
def test_a_hoped_for_or_demanded_outcome_is_no_deed(text: str) -> None:
    mine = [e for e in events_of(text) if e[1] in {"evacuate", "block", "fire"}]
    assert not mine


def test_an_outcome_the_event_extractor_already_gives_is_not_doubled() -> None:
    text = "Some 4,000 people were evacuated from Sumy to Poltava on Tuesday."
    kept = [e for e in events_of(text) if e[0] is PloverType.RETREAT and "Sumy" in e[2]]
    assert len(kept) == 1


def test_the_truce_table_scorer_counts_a_row_only_when_its_verdict_is_reached() -> None:
    announced = "Russia announced a ceasefire in Sumy on Tuesday to let civilians leave."
    outcome = ("About 3,000 people were evacuated from Sumy on Tuesday.", date(2022, 3, 9))
    kept = TruceRow(announced, date(2022, 3, 7), (outcome,), expected=VerdictLabel.KEPT)
    broken = TruceRow(announced, date(2022, 3, 7), (outcome,), expected=VerdictLabel.CONTRADICTED)
    unknown = TruceRow(announced, date(2022, 3, 7), (), expected=None)
    result = score_truce_table([kept, broken, unknown], extract_article)
    assert (result.rows, result.known, result.pledged, result.reached) == (3, 2, 2, 1)
    assert "missed: expected contradicted" in format_truce_table(result)


# Floors of the team's own tables, as measured when rows were last added; they only rise.
# Each table holds rows the rules were later chosen on, so these guard against
# regressions; they say nothing of unseen text. The first holds rounds 2-19; the second,
# rounds 20-35, each first scored blind (before anyone fixing rules saw it) and then,
# but for rounds 32-35, developed on; the third, rounds 36-43, scored blind at 163/200
# and then developed on together with rounds 28-35; the fourth, rounds 44-51, scored
# blind at 159/200 and developed on in the session after. The fifth and sixth, rounds
# 52-59 and 60-67, were scored blind at 162/200 and 159/200 on the code of the session
# they were written in, and at 174/200 and 168/200 on its later code; no one fixing
# rules has looked at their rows. The seventh, rounds 68-75, was written late in that
# session and scored blind at 162/200 on its code of the time, then its rows without a
# pledge were looked at.
TABLE_FLOORS = [
    pytest.param(TABLE, 0.99, 0.95, id="rounds-2-19"),
    pytest.param(DATA / "truce_outcomes_2.jsonl", 0.95, 0.86, id="rounds-20-35"),
    pytest.param(DATA / "truce_outcomes_3.jsonl", 0.97, 0.91, id="rounds-36-43"),
    pytest.param(DATA / "truce_outcomes_4.jsonl", 0.97, 0.91, id="rounds-44-51"),
    pytest.param(DATA / "truce_outcomes_5.jsonl", 0.97, 0.87, id="rounds-52-59"),
    pytest.param(DATA / "truce_outcomes_6.jsonl", 0.95, 0.84, id="rounds-60-67"),
    pytest.param(DATA / "truce_outcomes_7.jsonl", 0.93, 0.84, id="rounds-68-75"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("table", "pledge_floor", "outcome_floor"), TABLE_FLOORS)
def test_the_team_truce_tables_run_end_to_end(
    table: Path, pledge_floor: float, outcome_floor: float
) -> None:
    rows = load_truce_table(table)
    assert len([r for r in rows if r.expected is not None]) >= 20
    result = score_truce_table(rows, extract_article)
    print(format_truce_table(result))
    assert result.known == len(result.details)
    assert 0 <= result.reached <= result.pledged <= result.known
    assert result.pledged / result.known >= pledge_floor
    assert result.share >= outcome_floor


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # no word of a corridor: people got out of a named town
        ("About 900 people travelled from Tokmak to Zaporizhzhia in their own cars.", "Tokmak"),
        ("Forty families were rescued from Irpin and brought to Kyiv.", "Irpin"),
        ("Around 500 people were moved out of Sloviansk by train.", "Sloviansk"),
        ("Volunteers carried 30 elderly residents out of Vorzel.", "Vorzel"),
        ("Hundreds of Lebedyn residents crossed to Poltava.", "Lebedyn"),
    ],
)
def test_people_got_out_of_a_town_is_an_evacuation(text: str, place: str) -> None:
    found = [e for e in events_of(text) if e[0] is PloverType.RETREAT and place in e[2]]
    assert found
    assert all(not failed for *_, failed in found)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Buses sent to Kupiansk were turned back at a checkpoint.", PloverType.COERCE),
        ("The evacuation route from Kupiansk came under mortar fire.", PloverType.ASSAULT),
    ],
)
def test_turned_back_or_under_fire_breaks_the_corridor(text: str, wanted: PloverType) -> None:
    assert [e for e in events_of(text) if e[0] is wanted and "Kupiansk" in e[2]]


@pytest.mark.parametrize(
    "text",
    [
        # soldiers and goods moving are no evacuation; nor is a plan
        "Russian soldiers travelled from Tokmak to Melitopol.",
        "Trucks of grain were moved out of Tokmak by train.",
        "About 900 people will travel from Tokmak to Zaporizhzhia.",
    ],
)
def test_other_movements_are_no_evacuation(text: str) -> None:
    assert not [e for e in events_of(text) if e[1] == "evacuate"]


def test_the_scorer_reports_each_group_of_rows_apart() -> None:
    announced = "Russia announced a ceasefire in Sumy on Tuesday to let civilians leave."
    outcome = ("About 3,000 people were evacuated from Sumy on Tuesday.", date(2022, 3, 9))
    old = TruceRow(announced, date(2022, 3, 7), (outcome,), VerdictLabel.KEPT, group="a")
    new = TruceRow(announced, date(2022, 3, 7), (outcome,), VerdictLabel.CONTRADICTED, group="b")
    groups = score_truce_table([old, new], extract_article).groups()
    assert groups["a"]["share"] == 1.0
    assert groups["b"]["share"] == 0.0
    assert groups["b"]["pledged"] == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the cars, not the soldiers, are turned back
        ("Russian soldiers turned back every car leaving Tokmak.", "Tokmak"),
        # the convoy went and came back with no one
        (
            "All 12 buses returned empty from Tokmak after soldiers refused to let people board.",
            "Tokmak",
        ),
        # no one able to leave: the subject of "able" does not leave
        ("No buses were able to leave Tokmak because troops closed the road.", "Tokmak"),
    ],
)
def test_convoys_turned_back_empty_or_unable_to_leave_are_blocked(text: str, place: str) -> None:
    blocked = [
        e
        for e in events_of(text)
        if place in e[2] and (e[0] is PloverType.COERCE or (e[1] == "evacuate" and e[3]))
    ]
    assert blocked
    assert not [e for e in events_of(text) if e[1] == "evacuate" and not e[3]]


def test_the_city_taken_out_of_is_the_one_whose_governor_tells_it() -> None:
    text = "Poltava's governor said that 2,000 people had been taken out of the city on Friday."
    found = [e for e in events_of(text) if e[0] is PloverType.RETREAT and e[1] == "evacuate"]
    assert found
    assert all("Poltava" in e[2] for e in found)


def test_a_convoy_held_up_is_blocked_not_kept() -> None:
    found = events_of(
        "Officials said the evacuation convoy had been held up at a Russian checkpoint "
        "outside Mariupol."
    )
    assert found
    assert all(t is not PloverType.RETREAT for t, *_ in found)
    assert any(t is PloverType.COERCE for t, *_ in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # vehicles got out: each carries people
        ("Around 600 private cars left Tokmak on Friday, officials said.", "Tokmak"),
        # reached, with the town they came from
        ("Some 700 residents of Tokmak reached Zaporizhzhia by evening.", "Tokmak"),
        # the second of two verbs shares the subject
        ("The buses drove out of Tokmak and reached Zaporizhzhia at noon.", "Tokmak"),
    ],
)
def test_vehicles_and_arrivals_from_a_town_are_an_evacuation(text: str, place: str) -> None:
    found = [e for e in events_of(text) if e[1] == "evacuate" and place in e[2]]
    assert found
    assert all(not failed for *_, failed in found)


def test_an_aid_team_that_had_to_turn_back_is_blocked() -> None:
    text = "A UN team heading for Tokmak on Friday had to turn back because of fighting."
    assert [e for e in events_of(text) if e[0] is PloverType.COERCE and "Tokmak" in e[2]]


def test_only_a_few_of_those_meant_to_leave_is_both_kept_and_blocked() -> None:
    partly = {e[0] for e in events_of("Only 80 of the 1,500 residents left Tokmak on Friday.")}
    wholly = {e[0] for e in events_of("About 1,500 residents left Tokmak on Friday.")}
    assert {PloverType.RETREAT, PloverType.COERCE} <= partly
    assert PloverType.COERCE not in wholly


def test_a_corridor_that_got_some_out_under_fire_is_disputed() -> None:
    # A monitor records both: people got out, and the truce was broken.
    announced = "Russia announced a ceasefire in Tokmak on Friday to let civilians leave."
    outcome = (
        "About 400 people left Tokmak on Friday, but the convoy came under mortar fire.",
        date(2022, 3, 12),
    )
    row = TruceRow(announced, date(2022, 3, 9), (outcome,), expected=VerdictLabel.DISPUTED)
    result = score_truce_table([row], extract_article)
    assert result.details[0]["got"] == ["disputed"]


RETREAT = PloverType.RETREAT


# Round 6: outcomes read by class. Each case is a synonym of its class the table does not
# use, in a town the table does not name, so that the class, not a phrasing, is tested.
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # (a) movement out: a subject that goes ...
        ("About 900 residents fled Tokmak on foot on Friday.", "Tokmak"),
        ("Some 300 civilians escaped from Tokmak on Friday.", "Tokmak"),
        # ... and an object taken out
        ("Volunteers ferried 120 Tokmak residents to Zaporizhzhia on Friday.", "Tokmak"),
        # full vehicles
        ("The buses sent to Tokmak came back with 400 passengers on Friday.", "Tokmak"),
    ],
)
def test_people_moved_out_of_a_town_are_an_evacuation(text: str, place: str) -> None:
    found = [e for e in events_of(text) if e[1] == "evacuate" and place in e[2]]
    assert found
    assert all(not failed for *_, failed in found)


@pytest.mark.parametrize(
    "text",
    [
        # (b) failure of the truce itself, by a phrasal verb and by a negated completion
        "The evacuation of Tokmak fell through on Friday.",
        "The promised departure from Tokmak did not materialise on Friday.",
        "The Tokmak corridor was aborted on Friday.",
        # (c) obstruction of people or vehicles
        "Russian soldiers denied passage to the evacuation convoy near Tokmak.",
        "A group of 40 evacuees was stopped outside Tokmak on Friday.",
        # (a) negated: an inability told in the past
        "No cars could get out of Tokmak on Friday because of the shelling.",
    ],
)
def test_a_failed_or_obstructed_truce_day_is_blocked(text: str) -> None:
    found = events_of(text)
    # the extractor's own RETREAT told as failed says the same as an outcome's COERCE
    blocked = [e for e in found if e[0] is PloverType.COERCE or (e[0] is RETREAT and e[3])]
    assert blocked
    assert any("Tokmak" in e[2] for e in blocked)
    assert not [e for e in found if e[0] is RETREAT and not e[3]]


@pytest.mark.parametrize(
    "text",
    [
        # (d) hostilities against the route and against the town
        "Russian troops mined the road out of Tokmak overnight, the governor said.",
        "Russian missiles pounded a residential district of Tokmak on Friday.",
    ],
)
def test_hostilities_on_the_route_or_town_are_fire(text: str) -> None:
    assert [e for e in events_of(text) if e[0] is PloverType.ASSAULT and "Tokmak" in e[2]]


@pytest.mark.parametrize(
    "text",
    [
        "Officials expected 2,000 people to flee Tokmak on Friday.",
        "The buses would come back with residents of Tokmak, officials hoped.",
        "Russian artillery may pound Tokmak again on Friday.",
    ],
)
def test_planned_or_expected_movements_and_strikes_are_no_outcome(text: str) -> None:
    mine = [e for e in events_of(text) if e[1] in {"evacuate", "block", "fire"}]
    assert not mine


@pytest.mark.parametrize(
    "text",
    [
        "The buses left Tokmak empty on Friday.",
        "The evacuation column was held at a checkpoint outside Tokmak for a day.",
    ],
)
def test_vehicles_leaving_empty_or_a_column_detained_are_blocked(text: str) -> None:
    blocked = [e for e in events_of(text) if e[0] is PloverType.COERCE and e[1] == "block"]
    assert any("Tokmak" in e[2] for e in blocked)


def test_a_truce_that_held_is_not_a_detained_column() -> None:
    found = events_of("The truce in Tokmak held on Friday and 300 people left the town.")
    assert not [e for e in found if e[0] is PloverType.COERCE]


@pytest.mark.parametrize(
    "text",
    [
        # a return is no way out: made to go back, or back empty
        "The aid convoy was stopped near Polohy and forced to go back.",
        "The Red Cross team bound for Polohy had to return to Zaporizhzhia.",
        "The buses went back from Polohy empty.",
        # none got out, told by the subject: "no one", "not one car"
        "No one was able to leave Polohy on Friday.",
        "Not one car got out of Polohy on Thursday.",
        "Not a single bus made it into Polohy on Thursday.",
        # the attempt or trip that is the evacuation failed
        "The second attempt to get civilians out of Polohy collapsed on Sunday.",
        "A Red Cross team on its way to Polohy abandoned the trip.",
        "The Red Cross team was unable to reach Polohy.",
        # vehicles held, or none let through
        "Hundreds of cars were stuck at the checkpoint outside Polohy.",
        "Soldiers at the checkpoint near Polohy let no one pass.",
        "The UN convoy could not enter Polohy on Tuesday because of heavy fighting.",
        "The evacuation from Polohy had to be called off on Monday.",
    ],
)
def test_a_way_out_not_taken_is_a_blocked_truce(text: str) -> None:
    found = [e for e in events_of(text) if "Polohy" in e[2]]
    # blocked: coerced, or an evacuation told as failed (which breaks a truce the same)
    assert [e for e in found if e[0] is PloverType.COERCE or (e[1] == "evacuate" and e[3])]
    assert not [e for e in found if e[1] == "evacuate" and not e[3]]


@pytest.mark.parametrize(
    "text",
    [
        "The buses came back from Polohy carrying 200 people.",
        "Dozens of families from Polohy reached safety in Zaporizhzhia.",
        "Some 400 residents managed to leave Polohy on Saturday.",
    ],
)
def test_people_brought_out_or_safe_keep_the_truce(text: str) -> None:
    assert [e for e in events_of(text) if e[1] == "evacuate" and "Polohy" in e[2] and not e[3]]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting flared again near Polohy on Tuesday.",
        "Shelling resumed in Polohy on Sunday morning.",
        "Russian troops were fighting inside Polohy despite the promised ceasefire.",
    ],
)
def test_hostilities_resumed_or_told_against_the_truce_break_it(text: str) -> None:
    assert [e for e in events_of(text) if e[0] is PloverType.ASSAULT and "Polohy" in e[2]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a town named as the owner of the part attacked, or as the subject attacked
        ("Russian troops stormed Polohy's outskirts on Monday.", PloverType.ASSAULT),
        ("Polohy came under heavy bombardment on Monday morning.", PloverType.ASSAULT),
        # a failure coordinated with a clause that "continued": no plan, a deed
        (
            "Negotiations continued in Polohy on Friday and the buses could not reach the village.",
            PloverType.COERCE,
        ),
    ],
)
def test_a_town_owning_the_part_attacked_and_coordinated_failures_are_read(
    text: str, wanted: PloverType
) -> None:
    assert [e for e in events_of(text) if e[0] is wanted and "Polohy" in e[2]]


def test_people_crossing_a_river_from_a_town_got_out_of_it() -> None:
    text = "Thousands of residents crossed the Dnipro from Polohy by ferry."
    assert [e for e in events_of(text) if e[1] == "evacuate" and "Polohy" in e[2]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Mortar shells landed near Polohy on Sunday.", PloverType.ASSAULT),
        ("No one used the corridor from Polohy on Tuesday.", PloverType.COERCE),
    ],
)
def test_munitions_landing_or_a_corridor_unused_break_the_truce(
    text: str, wanted: PloverType
) -> None:
    assert [e for e in events_of(text) if e[0] is wanted and "Polohy" in e[2]]


@pytest.mark.parametrize(
    "text",
    [
        "Cars queued near Polohy to leave the town.",
        "Hundreds of residents waited in Polohy to leave on the buses.",
    ],
)
def test_waiting_to_leave_is_no_getting_out(text: str) -> None:
    assert not [e for e in events_of(text) if e[1] == "evacuate" and not e[3]]


def test_only_a_few_of_those_meant_to_getting_out_is_kept_and_blocked() -> None:
    found = events_of("Only 300 of the 2,000 people registered were able to leave Polohy.")
    kinds = {(e[0], e[1]) for e in found if "Polohy" in e[2] and not e[3]}
    assert (PloverType.RETREAT, "evacuate") in kinds
    assert any(kind is PloverType.COERCE for kind, _ in kinds)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "The corridor was respected for only two hours before shelling resumed in Polohy.",
            PloverType.ASSAULT,
        ),
        ("The evacuation routes from Polohy were closed on Thursday.", PloverType.COERCE),
        ("People were still streaming out of Polohy on Sunday.", PloverType.RETREAT),
    ],
)
def test_more_ways_a_truces_day_is_told(text: str, wanted: PloverType) -> None:
    assert [e for e in events_of(text) if e[0] is wanted and "Polohy" in e[2] and not e[3]]


def test_each_side_blaming_the_other_leaves_the_truce_disputed() -> None:
    announced = (
        "The Russian Defence Ministry promised a quiet period on Tuesday for the evacuation "
        "of civilians from Polohy."
    )
    blamed = (
        "Ukraine said the civilians could not be evacuated from Polohy on Tuesday because "
        "Russian forces kept attacking, while Moscow said Ukrainian troops had used the pause "
        "to regroup.",
        date(2022, 5, 18),
    )
    one_sided = (
        "Russian forces kept attacking Polohy on Tuesday, Ukraine said.",
        date(2022, 5, 18),
    )
    rows = [
        TruceRow(announced, date(2022, 5, 16), (blamed,), VerdictLabel.DISPUTED, group="both"),
        TruceRow(
            announced, date(2022, 5, 16), (one_sided,), VerdictLabel.CONTRADICTED, group="one"
        ),
    ]
    groups = score_truce_table(rows, extract_article).groups()
    assert groups["both"]["share"] == 1.0
    assert groups["one"]["share"] == 1.0


def test_what_failed_and_goes_on_is_not_kept_but_others_getting_out_are() -> None:
    failing = events_of("The Polohy evacuation failed again as shelling continued.")
    assert not [e for e in failing if e[1] == "evacuate" and not e[3]]
    both = events_of(
        "Russian soldiers seized 11 buses near Polohy, but more than 500 people left Polohy "
        "in their own cars."
    )
    assert [e for e in both if e[1] == "evacuate" and not e[3]]
    assert [e for e in both if e[0] is PloverType.COERCE]


def deeds_of(text: str) -> list[tuple[PloverType, str | None, str | None, bool]]:
    """Each deed's type, the country of who did it, the side of who told it, and whether
    it is told as a failure."""
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 10))
    extraction = extract_records(load_pipeline()(text), article)
    return [
        (e.type, e.actor.country if e.actor else None, e.reporter_side, told_as_failed(e))
        for e in extraction.events
        if not e.negated and e.modality.value in {"occurred", "claimed"}
    ]


def test_a_rescue_operation_that_could_not_go_ahead_is_a_blocked_day() -> None:
    blocked = deeds_of(
        "The aid team waited in Orikhiv all day for the buses, but the operation could not "
        "go ahead."
    )
    assert [d for d in blocked if d[0] is PloverType.COERCE]
    troops = deeds_of("The military operation near Orikhiv could not go ahead in the rain.")
    assert not [d for d in troops if d[0] is PloverType.COERCE]


def test_a_failure_is_laid_on_whom_the_teller_blames_or_gives_as_its_cause() -> None:
    blamed = deeds_of(
        "Moscow-backed officials in Polohy said the buses had been waiting and blamed Kyiv "
        "for failing to organise the evacuation of Polohy."
    )
    assert ("UKR", "RUS") in {(d[1], d[2]) for d in blamed if d[0] is PloverType.COERCE}
    caused = deeds_of(
        "Kyrylenko said the Polohy corridor had been blocked because Russian troops had "
        "failed to hold their fire."
    )
    assert "RUS" in {d[1] for d in caused if d[0] is PloverType.COERCE}


def test_blame_laid_by_backed_officials_against_a_cause_given_is_disputed() -> None:
    announced = (
        "Vereshchuk announced an agreement on a corridor from Polohy to Zaporizhzhia from "
        "10:00 on Tuesday."
    )
    ours = (
        "Kyrylenko said the Polohy corridor had been blocked on Tuesday because Russian "
        "troops had failed to hold their fire.",
        date(2022, 5, 17),
    )
    theirs = (
        "Moscow-backed officials in Polohy said the buses had been waiting and blamed Kyiv "
        "for failing to organise the evacuation of Polohy.",
        date(2022, 5, 17),
    )
    rows = [TruceRow(announced, date(2022, 5, 16), (ours, theirs), VerdictLabel.DISPUTED)]
    assert score_truce_table(rows, extract_article).share == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The attempt to start evacuating civilians from Huliaipole failed again on Monday, "
        "the regional council said in a long statement about the week.",
        "Aid workers trying to reach Huliaipole were stopped overnight by soldiers in "
        "Polohy, the agency said, and the safe passage operation did not go ahead.",
        "Troops turned the residents away from the evacuation point near Huliaipole and told "
        "them to go home, an adviser said; nobody was taken to Dnipro.",
    ],
)
def test_a_long_report_of_an_operation_not_carried_out_reads_as_blocked(text: str) -> None:
    blocked = [e for e in events_of(text) if e[0] is PloverType.COERCE]
    assert blocked
    # where people were bound is no place of the failed operation
    assert all("Dnipro" not in e[2] for e in blocked)


def test_people_carried_out_read_as_getting_out_and_plans_do_not() -> None:
    left = events_of(
        "The first evacuation train left Kostiantynivka for Lviv on Thursday carrying about "
        "300 people, among them 40 children, the railway said."
    )
    assert [e for e in left if e[1] == "evacuate" and "Kostiantynivka" in e[2] and not e[3]]
    planned = events_of("Evacuation trains will leave Kostiantynivka for Lviv on Thursday.")
    assert not [e for e in planned if e[1] == "evacuate"]
    brought = events_of(
        "A group of 60 civilians brought out of the Kostiantynivka hospital, among them "
        "patients and nurses, arrived in Dnipro on Friday, the governor said."
    )
    arrived = [e for e in brought if e[1] == "evacuate"]
    assert arrived
    assert all("Dnipro" not in e[2] for e in arrived)


@pytest.mark.parametrize(
    "text",
    [
        "The moment that made the reporter stop filming as families tried to evacuate Irpin.",
        "If the occupiers shoot and disrupt the rescue of people again, they will answer for it.",
    ],
)
def test_a_failure_word_off_the_operation_or_in_a_condition_is_no_outcome(text: str) -> None:
    assert not [e for e in events_of(text) if e[0] is PloverType.COERCE]


def _settled(announced: str, day: date, reports: list[tuple[str, date]]) -> list[str]:
    row = TruceRow(announced, day, tuple(reports), expected=VerdictLabel.DISPUTED)
    return list(score_truce_table([row], extract_article).details[0]["got"])


def test_a_charge_by_the_pledger_against_a_breach_told_by_the_other_is_disputed() -> None:
    """Each side's account of the failure blames the other: word against word."""
    announced = (
        "Russia's defence ministry said its troops would hold fire around Lyman from 9 a.m. "
        "on Friday so that civilians could leave for Sloviansk."
    )
    theirs = (
        "Ukrainian officials said Russian artillery kept hitting the road out of Lyman on "
        "Friday and no one could get out."
    )
    ours = "Moscow's defence ministry blamed Ukrainian units for the failure of the evacuation."
    day = date(2022, 5, 19)
    both = [(theirs, date(2022, 5, 20)), (ours, date(2022, 5, 21))]
    assert _settled(announced, day, both) == ["disputed"]
    # with no counter-account, the breach stands
    assert _settled(announced, day, both[:1]) == ["contradicted"]


def test_the_pledger_saying_its_truce_held_against_a_breach_is_disputed() -> None:
    announced = "Russia declared a ceasefire around Popasna on Monday to let civilians leave."
    held = (
        "Russia's ministry said the ceasefire around Popasna had been observed and 120 people "
        "were taken to Russian-held territory."
    )
    broken = "Ukrainian officials in Popasna said Russian forces shelled the town all day."
    day = date(2022, 5, 1)
    reports = [(held, date(2022, 5, 2)), (broken, date(2022, 5, 2))]
    assert _settled(announced, day, reports) == ["disputed"]


def test_a_governors_region_is_who_speaks_not_where_the_day_was() -> None:
    text = (
        "Kharkiv governor Oleh Syniehubov said Russian forces kept shelling the evacuation "
        "route near the plant."
    )
    fired = [e for e in events_of(text) if e[0] is PloverType.ASSAULT]
    assert fired
    assert all("Kharkiv" not in e[2] for e in fired)


def test_a_plea_to_the_reader_tells_no_deed() -> None:
    text = "Please do not leave the column and keep your headlights on."
    assert not [e for e in events_of(text) if e[0] in {PloverType.RETREAT, PloverType.COERCE}]


def test_the_wounded_carried_out_are_no_attack() -> None:
    text = "Ambulances with wounded from Bucha reached hospitals in Kyiv by evening."
    assert not [e for e in events_of(text) if e[0] is PloverType.ASSAULT]


def test_a_tellers_own_region_is_not_where_the_deed_was_when_a_town_is_named() -> None:
    text = (
        "The Donetsk military administration said the road into Marinka came under "
        "artillery fire and the buses turned back."
    )
    hostile = [e for e in events_of(text) if e[0] in {PloverType.ASSAULT, PloverType.COERCE}]
    assert hostile
    assert all(places == {"Marinka"} for _, _, places, _ in hostile)
