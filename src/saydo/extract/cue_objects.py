"""Whether the object of a cue verb with a common literal sense is something said, held or
found: "offered advice" reports, "offered a job" does not; "raised concerns" reports,
"raised money" does not; "the poll found a tight race" reports, "found a job" does not.

A verb such as "offer", "raise" or "find" is an attribution cue only when
what it governs is propositional: a noun of speech, thought, attitude or information, a
quote, a wh-word, a noun or object with a clause of its own ("evidence that ...", "found
prices rising"), or, for verbs of evidence, anything a source of findings (a poll, a
study, a record) finds."""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.quotes import QUOTE_CHARS

# Cue verbs whose literal sense (giving, lifting, locating) is at least as common in news
# as their attributing one. Not "show" and "see": PolNeAR marks what somebody shows or sees
# as attributed even when it is a thing ("saw the ad", "showed a clip"), and gating them
# lost more of its content than it saved on both halves of its train split.
LITERAL_SENSE_CUES = frozenset({"offer", "raise", "find"})

# Verbs of evidence: what a poll, a study or a record finds is its finding, whatever noun
# names it ("the survey found broad support", "the audit found gaps").
EVIDENCE_CUES = frozenset({"find"})

# Nouns of speech, thought, attitude or information: general English, not a data set's.
PROPOSITION_NOUNS = frozenset(
    # Saying and answering.
    {"claim", "allegation", "accusation", "charge", "statement", "remark", "comment"}
    | {"message", "word", "words", "answer", "response", "reply", "retort", "rebuttal"}
    | {"explanation", "account", "story", "version", "description", "testimony"}
    | {"argument", "case", "point", "defense", "defence", "justification", "excuse"}
    | {"rationale", "reason", "apology", "condolence", "condolences", "prayer", "prayers"}
    | {"thanks", "congratulations", "tribute", "praise", "blessing", "greeting"}
    | {"address", "speech", "remarks", "lecture", "sermon", "specifics", "particulars"}
    # Advising, proposing, asking, promising.
    | {"advice", "tip", "guidance", "recommendation", "suggestion", "proposal", "plan"}
    | {"idea", "solution", "alternative", "option", "request", "demand", "call", "appeal"}
    | {"plea", "question", "query", "promise", "pledge", "assurance", "guarantee", "vow"}
    | {"commitment", "offer", "warning", "threat", "ultimatum", "invitation"}
    # Thinking and judging.
    | {"view", "opinion", "thought", "thoughts", "belief", "notion", "theory", "position"}
    | {"stance", "perspective", "outlook", "vision", "assessment", "evaluation"}
    | {"analysis", "judgment", "judgement", "verdict", "conclusion", "insight", "critique"}
    | {"estimate", "forecast", "prediction", "projection", "guess", "hunch", "sense"}
    | {"impression", "expectation", "assumption", "hypothesis"}
    # Feeling about something and standing for or against it.
    | {"concern", "fear", "worry", "doubt", "suspicion", "skepticism", "scepticism"}
    | {"alarm", "hope", "confidence", "interest", "support", "opposition", "criticism"}
    | {"objection", "complaint", "protest", "disapproval", "approval", "endorsement"}
    | {"sympathy", "solidarity", "regret", "remorse", "frustration", "anger", "outrage"}
    | {"dismay", "disappointment", "displeasure", "gratitude", "appreciation", "respect"}
    | {"willingness", "reluctance", "determination", "resolve", "desire", "intention"}
    | {"enthusiasm", "openness", "readiness", "eagerness", "unease"}
    # Information and its signs.
    | {"evidence", "proof", "information", "news", "detail", "details", "fact", "facts"}
    | {"finding", "findings", "result", "results", "data", "report", "sign", "signs"}
    | {"signal", "indication", "hint", "clue", "possibility", "prospect", "likelihood"}
    | {"risk", "danger", "need", "issue", "problem", "awareness", "truth", "lie", "lies"}
)

# Sources of findings: what they find is reported as theirs.
EVIDENCE_SOURCES = frozenset(
    {"poll", "survey", "study", "report", "data", "analysis", "research", "review"}
    | {"investigation", "audit", "record", "records", "document", "documents", "email"}
    | {"emails", "memo", "letter", "test", "result", "results", "count", "tally"}
    | {"estimate", "census", "experiment", "evidence", "statistic", "statistics"}
    | {"figure", "figures", "number", "numbers", "index", "model", "probe", "inquiry"}
    | {"researcher", "investigator", "analyst", "pollster", "scientist", "economist"}
    | {"auditor", "inspector", "panel", "commission", "committee", "jury", "court"}
    | {"paper", "article", "book", "assessment", "evaluation", "inspection", "search"}
)

WH_WORDS = frozenset({"what", "whether", "how", "why", "who", "whom", "which", "where", "when"})
CLAUSE_MARKS = frozenset({"that", "whether", "if"})
# A noun's own clause ("evidence that ...", "the question of whether ...").
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
TOPIC_PREPS = frozenset({"of", "about", "on", "over", "as", "regarding"})
# What a verb says of its object after it: "found him guilty", "saw prices rising".
PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})


def needs_proposition(lemma: str) -> bool:
    """Whether a cue verb attributes only when what it governs is propositional."""
    return lemma in LITERAL_SENSE_CUES


def governs_proposition(cue: Token, obj: Token, subject: Token | None) -> bool:
    """Whether ``obj``, the object of ``cue``, is something said, held or found."""
    if subject is not None and cue.lemma_.lower() in EVIDENCE_CUES and _is_source(subject):
        return True
    return (
        obj.lemma_.lower() in PROPOSITION_NOUNS
        or obj.lower_ in PROPOSITION_NOUNS
        or obj.lower_ in WH_WORDS
        or _opens_quote(obj)
        or _has_clause(obj)
        or _predicated(cue, obj)
    )


def _is_source(subject: Token) -> bool:
    return subject.lemma_.lower() in EVIDENCE_SOURCES or subject.lower_ in EVIDENCE_SOURCES


def _opens_quote(obj: Token) -> bool:
    first = obj.left_edge
    return first.text[:1] in QUOTE_CHARS or (
        first.i > 0 and first.doc[first.i - 1].text[:1] in QUOTE_CHARS
    )


def _has_clause(obj: Token) -> bool:
    """ "evidence that ...", "prices rising", "questions about whether ..."."""
    for child in obj.children:
        if child.dep_ in NOUN_CLAUSE_DEPS and _is_proposition_clause(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in TOPIC_PREPS
            and any(g.dep_ == "pcomp" or g.lower_ in WH_WORDS for g in child.children)
        ):
            return True
    return False


def _is_proposition_clause(clause: Token) -> bool:
    """ "evidence that ...", "prices rising"; not "a way to reopen" nor "the photo taken in
    May", which only say what the thing is for or what was done to it."""
    if clause.pos_ not in {"VERB", "AUX"}:
        return False
    return clause.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in clause.children
    )


def _predicated(cue: Token, obj: Token) -> bool:
    """ "found him guilty", "sees the treaty as a betrayal": a view of the object."""
    return any(
        (c.dep_ in PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ == "as")) and c.i > obj.i
        for c in cue.children
    )
