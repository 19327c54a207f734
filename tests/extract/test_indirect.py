"""Reported speech: what a cue reports, on real parses."""

from __future__ import annotations

from saydo.domain import Article, StatementKind, content_hash
from saydo.extract.attribution import Attribution
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience
from saydo.extract.statements import extract_statements
from saydo.nlp.pipeline import load_pipeline


def statements(text: str) -> list[Attribution]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return extract_statements(doc, build_context(doc, article), Salience())


def contents(text: str) -> dict[str, Attribution]:
    return {text[a.content_start : a.content_end]: a for a in statements(text)}


def test_what_is_expected_with_nobody_expecting_it_is_a_thought_without_a_speaker() -> None:
    text = "Talks are expected to resume in Istanbul on Friday."
    found = statements(text)
    assert len(found) == 1
    assert found[0].statement.kind is StatementKind.THOUGHT
    assert found[0].statement.speaker is None
    assert found[0].speaker_span is None
    content = text[found[0].content_start : found[0].content_end]
    assert content.startswith("Talks")
    assert content.endswith("on Friday")


def test_what_seems_so_is_a_thought_and_an_expletive_is_no_part_of_it() -> None:
    seemed = statements("The ceasefire seemed to be holding in the south of the country.")
    assert [a.statement.kind for a in seemed] == [StatementKind.THOUGHT]
    text = "It appears that the convoy never reached the city."
    found = contents(text)
    assert list(found) == ["that the convoy never reached the city"]


def test_an_agent_makes_an_expectation_somebodys_and_appearing_is_not_seeming() -> None:
    agent = "Talks are expected by diplomats to resume in Istanbul on Friday."
    assert not any(a.speaker_span is None for a in statements(agent))
    assert statements("The president appeared at the rally in Kyiv on Friday.") == []


def test_a_named_hope_is_a_thought_and_a_named_belief_is_reported_speech() -> None:
    hope = statements("The minister hopes the talks will bring a lasting ceasefire.")
    assert [a.statement.kind for a in hope] == [StatementKind.THOUGHT]
    assert hope[0].speaker_span is not None
    belief = statements("Western officials believe the army is regrouping near the border.")
    assert [a.statement.kind for a in belief] == [StatementKind.INDIRECT]


def test_a_cue_clause_between_commas_reports_what_follows_it() -> None:
    text = "The museum, the director said, would open to visitors next spring."
    found = contents(text)
    assert any(c.endswith("next spring") for c in found)
    assert not any("director" in c for c in found)


def test_a_second_that_clause_hung_on_the_cue_is_reported_too() -> None:
    text = (
        "The governor said the state needs more money for schools, "
        "but that he would not raise taxes this year."
    )
    found = contents(text)
    assert "the state needs more money for schools" in found
    assert "that he would not raise taxes this year" in found


def test_a_that_clause_the_parser_hung_on_a_noun_is_still_the_cues() -> None:
    text = (
        "The mayor said during a news conference on Friday that the city would rebuild the bridge."
    )
    assert "that the city would rebuild the bridge" in contents(text)


def test_what_a_cue_calls_its_object_is_part_of_the_content() -> None:
    text = "The senator called the new sanctions a serious mistake."
    assert "the new sanctions a serious mistake" in contents(text)


def test_reportedly_makes_a_clause_hearsay_with_no_source() -> None:
    text = "Russian troops reportedly withdrew from the airport overnight."
    found = statements(text)
    assert len(found) == 1
    assert found[0].statement.kind is StatementKind.INDIRECT
    assert found[0].speaker_span is None


def test_an_opening_poll_phrase_is_the_source_of_the_rest_of_the_sentence() -> None:
    text = "In a new poll, most voters want the talks to continue."
    found = [a for a in statements(text) if a.statement.cue == "In"]
    assert len(found) == 1
    assert text[found[0].content_start : found[0].content_end].startswith("most voters")
    assert found[0].speaker_span is not None
    assert "poll" in text[found[0].speaker_span[0] : found[0].speaker_span[1]]


def test_reported_content_keeps_its_that_as_annotators_mark_it() -> None:
    text = "Senator Maria Lopez pointed out that the budget had doubled since March."
    found = contents(text)
    assert "that the budget had doubled since March" in found
    assert found["that the budget had doubled since March"].statement.speaker_text is not None


def test_what_a_poll_shows_keeps_the_with_phrase_of_its_object() -> None:
    text = "A new state poll shows Senator Maria Lopez with an eight-point lead over her rival."
    assert any("with an eight-point lead" in content for content in contents(text))


def test_a_conclusion_that_is_its_owners_statement() -> None:
    text = "The commission's conclusion that the strikes were illegal was rejected by Moscow."
    found = contents(text)
    assert "that the strikes were illegal" in found
    assert found["that the strikes were illegal"].statement.speaker_text == "commission's"


def attributed(text: str, cue: str) -> tuple[str, str]:
    """The content and the speaker's mention of the one statement ``cue`` makes."""
    found = [a for a in statements(text) if a.statement.cue == cue]
    assert len(found) == 1, [a.statement.cue for a in statements(text)]
    span = found[0].speaker_span
    assert span is not None, "the statement names no speaker"
    return text[found[0].content_start : found[0].content_end], text[span[0] : span[1]]


def test_an_as_clause_of_a_cue_reports_the_clause_it_modifies() -> None:
    text = "As the envoy noted, the ceasefire has failed to stop the shelling of the port."
    content, speaker = attributed(text, "noted")
    assert content == "the ceasefire has failed to stop the shelling of the port"
    assert "envoy" in speaker


def test_a_passive_as_clause_is_spoken_by_its_agent() -> None:
    text = "As reported by the Kyiv Independent, the bridge was closed to traffic on Monday."
    content, speaker = attributed(text, "reported")
    assert content == "the bridge was closed to traffic on Monday"
    assert "Kyiv Independent" in speaker


def test_an_as_clause_with_an_object_is_a_time_and_a_demand_reports_nothing() -> None:
    signed = "As he signed the bill, protesters gathered outside the parliament building."
    assert statements(signed) == []
    demanded = "The talks collapsed last week, as the opposition had demanded, after two days."
    assert not any(a.statement.cue == "demanded" for a in statements(demanded))


def test_an_opening_to_phrase_names_whose_view_the_sentence_is() -> None:
    text = "To the foreign minister, the talks were a waste of everybody's time."
    content, speaker = attributed(text, "To")
    assert content == "the talks were a waste of everybody's time"
    assert "foreign minister" in speaker
    assert statements("To that end, the army moved two brigades to the northern border.") == []


def test_an_attitude_adjective_attributes_its_clause_to_the_subject() -> None:
    text = "The general is confident that the offensive will succeed before the winter."
    content, speaker = attributed(text, "confident")
    assert content == "that the offensive will succeed before the winter"
    assert "general" in speaker


def test_portraying_and_remembering_are_cues_with_their_object_or_clause() -> None:
    portrayed = "The senator portrayed the treaty as a betrayal of the allies."
    content, speaker = attributed(portrayed, "portrayed")
    assert content == "the treaty as a betrayal of the allies"
    assert "senator" in speaker
    remembered = "The minister remembered that the border had been quiet for years."
    content, speaker = attributed(remembered, "remembered")
    assert content == "that the border had been quiet for years"
    assert "minister" in speaker


def test_being_seen_as_something_is_a_thought_without_a_source() -> None:
    text = "The envoy is widely seen as a hardliner on the question of sanctions."
    found = [a for a in statements(text) if a.statement.cue == "seen"]
    assert [a.statement.kind for a in found] == [StatementKind.THOUGHT]
    assert found[0].speaker_span is None
    assert text[found[0].content_start : found[0].content_end].endswith("of sanctions")


def test_according_to_inside_a_relative_clause_reports_that_clause_only() -> None:
    text = "The rebels, who control half of the city according to the monitors, refused to talk."
    content, speaker = attributed(text, "according")
    assert content == "who control half of the city"
    assert "monitors" in speaker


def test_a_trailing_reports_clause_reports_what_comes_before_it() -> None:
    text = "The bridge was destroyed overnight by a missile, the agency reports."
    content, speaker = attributed(text, "reports")
    assert content == "The bridge was destroyed overnight by a missile"
    assert "agency" in speaker


def test_a_clause_run_on_after_what_was_said_is_said_too() -> None:
    text = "He said the time for talks is over, and the army has to act now."
    content, speaker = attributed(text, "said")
    assert content == "the time for talks is over, and the army has to act now"
    assert speaker == "He"


def test_what_somebody_seeks_to_do_is_their_thought() -> None:
    text = "The president sought to reassure the allies about the new pipeline."
    content, speaker = attributed(text, "sought")
    assert content == "to reassure the allies about the new pipeline"
    assert "president" in speaker


def test_a_fear_that_is_its_owners_thought() -> None:
    text = "The minister's fear that the talks would collapse proved right in the end."
    content, speaker = attributed(text, "fear")
    assert content == "that the talks would collapse"
    assert "minister" in speaker


def test_calling_two_sides_something_is_what_was_said_of_them() -> None:
    text = 'The mayor called both the governor and the general "reckless" on Monday.'
    content, speaker = attributed(text, "called")
    assert content.startswith("both the governor and the general")
    assert "reckless" in content
    assert speaker.endswith("mayor")


def test_a_cue_clause_between_commas_reports_what_follows_when_the_comma_is_not_its() -> None:
    text = "After all, she argued, the army got a lot of money from the government."
    found = contents(text)
    assert "the army got a lot of money from the government" in found
    assert found["the army got a lot of money from the government"].statement.cue == "argued"


def test_seeing_something_as_something_is_a_view_of_the_subject() -> None:
    text = "The general sees the treaty as a betrayal of the allies."
    content, speaker = attributed(text, "sees")
    assert content == "the treaty as a betrayal of the allies"
    assert "general" in speaker


def test_a_passive_blame_with_an_agent_is_the_agents_and_says_what_for() -> None:
    text = "The minister has been criticized by some of his rivals for failing to visit the front."
    content, speaker = attributed(text, "criticized")
    assert content == "for failing to visit the front"
    assert "rivals" in speaker


def test_answering_or_meaning_something_takes_the_object_of_to() -> None:
    text = "The minister has not responded to the accusations of the opposition."
    content, speaker = attributed(text, "responded")
    assert content == "the accusations of the opposition"
    assert "minister" in speaker


def test_asking_whether_reports_the_question() -> None:
    text = "The reporter asked the senator if he would run for governor next year."
    content, speaker = attributed(text, "asked")
    assert content == "if he would run for governor next year"
    assert "reporter" in speaker


def test_calling_it_something_keeps_the_pronoun_and_what_it_is_called() -> None:
    text = "Others call it the nerd prom of the capital."
    content, speaker = attributed(text, "call")
    assert content == "it the nerd prom of the capital"
    assert speaker == "Others"


def test_a_decision_to_act_is_its_owners_and_so_is_what_was_decided() -> None:
    text = "Her decision to close the embassy angered the allies."
    content, speaker = attributed(text, "decision")
    assert content == "to close the embassy"
    assert speaker == "Her"


def test_a_cue_sentence_ending_in_a_colon_goes_on_into_the_next_paragraph() -> None:
    text = (
        "The two governors called for an immediate halt to the fighting:\n\n"
        "No more shelling of the port and no more raids on the villages.\n"
    )
    found = contents(text)
    listed = "No more shelling of the port and no more raids on the villages"
    assert listed in found
    assert found[listed].statement.cue == "called"
    span = found[listed].speaker_span
    assert span is not None
    assert "governors" in text[span[0] : span[1]]


def test_an_argument_that_is_stated_with_be_is_its_owners() -> None:
    text = "The minister's argument is that the deal is already dead."
    content, speaker = attributed(text, "argument")
    assert content == "that the deal is already dead"
    assert "minister" in speaker


def test_what_a_survey_found_between_commas_is_the_surveys() -> None:
    text = "Most of the displaced families, the survey found, want to return home by spring."
    found = contents(text)
    assert "want to return home by spring" in found
    span = found["want to return home by spring"].speaker_span
    assert span is not None
    assert "survey" in text[span[0] : span[1]]


def test_an_inverted_cue_after_a_comma_reports_all_that_comes_before() -> None:
    text = (
        "The promise to rebuild the port appeals to older voters who wish for a return "
        "to an era when trade was booming, said Alan Miller, a demographer at the university."
    )
    content, speaker = attributed(text, "said")
    assert content.startswith("The promise to rebuild the port")
    assert content.endswith("when trade was booming")
    assert "Alan Miller" in speaker


def test_verbal_attacks_and_musings_are_cues_of_their_subject() -> None:
    lambasted = "The opposition leader lambasted the new tax on fuel imports."
    content, speaker = attributed(lambasted, "lambasted")
    assert content == "the new tax on fuel imports"
    assert "opposition leader" in speaker
    mused = "The ambassador mused that the summit might never take place."
    content, speaker = attributed(mused, "mused")
    assert content == "that the summit might never take place"
    assert "ambassador" in speaker


def test_an_according_to_phrase_closing_a_clause_is_no_part_of_what_was_said() -> None:
    text = "The minister said the convoy had reached the city, according to a government official."
    content, speaker = attributed(text, "said")
    assert content == "the convoy had reached the city"
    assert "minister" in speaker


def test_what_a_cue_was_on_is_when_or_how_it_spoke_not_what_it_said() -> None:
    text = "The spokesman spoke on condition of anonymity."
    assert not any("condition" in c for c in contents(text))


def test_the_words_after_a_cue_are_not_what_it_said_when_they_are_whom_it_told() -> None:
    text = "The governor would have to tell Shoigu, who would have to tell the president."
    assert not any(c.startswith("Shoigu") for c in contents(text))


def test_a_preposition_right_after_a_cue_verb_gives_it_another_sense() -> None:
    text = "The shelling added to the pressure that has built on the negotiators."
    assert not any("pressure" in c for c in contents(text))
