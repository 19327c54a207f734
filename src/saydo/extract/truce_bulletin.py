"""Who announces a way out, and where, when the sentence itself does not say.

Live blogs, local outlets and official channels write in bulletins: a dateline naming the
town ("Popasna."), a header naming the speaker ("Haidai on Telegram:", "Governor Vitaliy
Kim:"), then the news with no teller of its own ("buses will try to go in this morning").
Wire copy names the teller in one sentence and the corridor in the next ("Irpin is holding
out, mayor Oleksandr Markushyn said. Residents who want to leave can cross the river").
The speaker before the colon, or the teller just before, is the announcer; the dateline's
towns, or the towns of the announcer's title, are where the way out runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from saydo.domain import Place
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.places import PLACE_LABELS
from saydo.extract.truce_reading import coming_time
from saydo.extract.truce_titles import speakers_towns

# How far into a sentence a header's colon may stand: "Russian-installed Zaporizhzhia
# administration head Yevhen Balitsky:" is a header; a colon late in a sentence opens a list.
HEADER_WORDS = 12
# Marks that end a header: "Haidai:", "Sumy regional administration —".
HEADER_MARKS = frozenset({":", "—", "–"})
# Nouns a dateline may hold besides the towns it names: "Vasylivka checkpoint.".
DATELINE_NOUNS = frozenset(
    {"checkpoint", "crossing", "bridge", "station", "plant", "district", "region", "oblast"}
    | {"city", "town", "village", "community", "port"}
)
# Channels and messages a header names its speaker by: "Russian MoD statement:".
MESSAGE_NOUNS = frozenset({"statement", "post", "message", "update", "video", "address"})
# How many sentences back the teller of an earlier sentence still announces.
TELLER_REACH = 2
# How many sentences a bulletin's header speaks for: "Mayor Orlov: A corridor is open
# today. Buses depart at 10:00; the column will pass through Vasylivka."
BULLETIN_REACH = 4


def header_mark(token: Token) -> bool:
    """A colon or dash that ends a header, alone or glued to a bracket ("(Telegram):")."""
    return token.text in HEADER_MARKS or (token.is_punct and token.text[-1:] == ":")


def header_of(sentence: Span) -> Span | None:
    """The words before a bulletin's colon: in the sentence ("Haidai: buses will ...") or
    the sentence before, when the parser cut the header off ("Russian-installed Kherson
    administration:")."""
    doc = sentence.doc
    for token in sentence[:HEADER_WORDS]:
        if header_mark(token) and token.i > sentence.start:
            return doc[sentence.start : token.i]
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    last = [t for t in before if not t.is_space]
    if last and header_mark(last[-1]) and len(last) <= HEADER_WORDS:
        return doc[before.start : last[-1].i]
    return None


def header_teller(sentence: Span) -> Token | None:
    """The speaker a header names ("Governor Vitaliy Kim:", "Police units from Donetsk
    region:", "Haidai on Telegram:"); None for a header of towns ("Hirske and Zolote:")."""
    header = header_of(sentence)
    if header is None:
        return None
    dashes = [t for t in header if _dash(t)]
    if dashes and dashes[-1].i + 1 < header.end:
        # "UPDATE 11:05 - Vereshchuk:", "KYIV, 9 March - Oleksiy Kuleba:": the live
        # blog's stamp or the dateline comes first, the speaker after the dash
        header = header.doc[dashes[-1].i + 1 : header.end]
    told = _telling(header)
    if told is not None:
        return told
    if dateline(header) or _headline(header):
        return None
    inside = range(header.start, header.end)
    heads = [t for t in header if t.head.i not in inside or t.head.i == t.i]
    named = [t for t in heads if t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ not in PLACE_LABELS]
    # "Zaporizhzhia administration head Yevhen Balitsky:", "head" read as a verb: the name
    people = [t for t in header if t.ent_type_ in {"PERSON", "ORG"} and t.head.i != t.i + 1]
    head = next(iter(named or people[-1:]), None)
    if head is None:
        return None
    if head.lemma_.lower() in MESSAGE_NOUNS:
        # "Russian MoD statement (translated):": the body whose message it is; a bare
        # "Update:" names no one
        owner = [c for c in head.children if c.dep_ in {"compound", "poss"}]
        return owner[-1] if owner else None
    return head


def bulletin_teller(sentence: Span) -> Token | None:
    """The speaker of the bulletin a sentence belongs to: its own header's, else that of
    a header a few sentences before, when no sentence between names a teller of its own
    ("Mayor Orlov: A corridor is open today. Buses depart at 10:00.")."""
    own = header_teller(sentence)
    if own is not None:
        return own
    for before in _sentences_before(sentence, BULLETIN_REACH):
        if _cue_subject(before) is not None:
            return None  # a teller of its own ends the bulletin
        found = header_teller(before)
        if found is not None:
            return found
    return None


def bulletin_timetable(sentence: Span) -> bool:
    """A sentence under a header, told with a time of today or the coming days and no
    past: "Nikopol city council: ferry to Dnipro runs twice a day at 10:00"."""
    # "Haidai: Evacuation from Hirske today. Buses at 10:00 near the store": the lines
    # below a header are the bulletin's too
    if bulletin_teller(sentence) is None or any(t.tag_ == "VBD" for t in sentence):
        return False
    return coming_time(sentence) or any(e.label_ in {"TIME", "DATE"} for e in sentence.ents)


# Cues a bulletin's header ends in: "... informs:", "... reports:", "... writes:".
TELLING_VERBS = CUE_VERBS | frozenset({"inform", "report", "notify"})


def _telling(header: Span) -> Token | None:
    """ "Mariupol city council informs:", "Haidai writes:": a header that ends in its
    speaker's cue names the speaker as the cue's subject."""
    words = [t for t in header if not t.is_punct]
    if not words or words[-1].lemma_.lower() not in TELLING_VERBS:
        return None
    return next((c for c in words[-1].children if c.dep_ == "nsubj"), None)


def _headline(header: Span) -> bool:
    """ "UN to lead second convoy out of Mariupol:": a headline told before its story,
    not a speaker; a speaker's header has no tense of its own."""
    return any(t.tag_ in {"VBD", "VBZ", "MD", "TO"} for t in header)


def dateline_owner(owner: Token) -> Token | None:
    """ "Hirske and Zolote: Luhansk military administration announced an evacuation",
    the towns read as the subject: the first name after the dateline's colon is the
    announcer. None when the owner is no dateline's."""
    header = header_of(owner.sent)
    if header is None or not dateline(header) or not header.start <= owner.i < header.end:
        return None
    after = [c for c in owner.sent.noun_chunks if c.start > header.end]
    return after[0].root if after else None


def announcer_words(owner: Token) -> set[int]:
    """The words that name an announcer, up to a header's colon: what follows "Governor
    Kim:" is the news, though the parser may hang it on his name."""
    colon = next((t.i for t in owner.sent if header_mark(t) and t.i > owner.i), None)
    # "CORRIDORS TO OPEN FROM KHARKIV AND SUMY - Russia's Defence Ministry said": a
    # headline before a dash is no part of the announcer's name, however it is parsed
    dash = max((t.i for t in owner.sent if _dash(t) and t.i < owner.i), default=-1)
    return {t.i for t in owner.subtree if dash < t.i and (colon is None or t.i < colon)}


def _dash(token: Token) -> bool:
    """A dash between words: a colon or dash of a header, or a hyphen set apart by spaces."""
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
    return header_mark(token) or (token.text == "-" and spaced)


def dateline(words: Span) -> bool:
    """Words that only name towns: "Popasna.", "Vasylivka checkpoint.", "Hirske and Zolote"."""
    content = [t for t in words if not (t.is_punct or t.is_space)]
    if not content or not any(t.ent_type_ in PLACE_LABELS for t in content):
        return False
    return all(
        t.ent_type_ in PLACE_LABELS or t.lower_ in DATELINE_NOUNS or t.dep_ == "cc" for t in content
    )


def dateline_places(doc: Doc, ctx: ArticleContext) -> tuple[Place, ...]:
    """The towns of the article's dateline: a first sentence, or header, naming only towns."""
    first = next(iter(doc.sents), None)
    if first is None:
        return ()
    header = header_of(first)
    for words in (first, header):
        if words is not None and dateline(words):
            return _towns(words, ctx)
    return ()


def _towns(words: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The towns a dateline names, each resolved as the article's places are."""
    found: list[Place] = []
    for ent in words.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        provenance = ctx.provenance(words.doc, ent.start_char, ent.end_char)
        place = ctx.gazetteer.resolve(ent.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            found.append(place)
    return tuple(found)


def earlier_teller(sentence: Span) -> Token | None:
    """The teller of the sentences just before: "Irpin is holding out, mayor Oleksandr
    Markushyn said on Tuesday." announces what the next sentence tells."""
    for before in _sentences_before(sentence, TELLER_REACH):
        teller = _cue_subject(before)
        if teller is not None:
            return teller
    return None


def _sentences_before(sentence: Span, reach: int) -> Iterator[Span]:
    """Up to ``reach`` sentences before ``sentence``, nearest first."""
    doc = sentence.doc
    at = sentence.start
    for _ in range(reach):
        if at == 0:
            return
        before = doc[at - 1].sent
        yield before
        at = before.start


def _cue_subject(sentence: Span) -> Token | None:
    """The subject of a verb of saying in a sentence: "..., Kyrylenko said"."""
    for cue in sentence:
        if cue.pos_ == "VERB" and cue.lemma_.lower() in CUE_VERBS:
            subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in {"PROPN", "NOUN"}:
                return subject
    return None


def context_places(sentence: Span, owner: Token | None, ctx: ArticleContext) -> tuple[Place, ...]:
    """Where a way out runs that its sentence places nowhere: the dateline's towns, else
    the towns of its announcer's title ("Avdiivka military administration head Vitalii
    Barabash said ... An evacuation bus will leave at 09:00, he said")."""
    places = dateline_places(sentence.doc, ctx)
    if places:
        return places
    told = [owner.sent] if owner is not None else []
    told += _sentences_before(sentence, TELLER_REACH)
    for words in told:
        towns = speakers_towns(words, ctx, city_only=False)
        if towns:
            return towns
    # "Sloviansk is under fire, the mayor said. A bus will leave at noon": the town the
    # teller's own sentence is about
    return _towns(owner.sent, ctx) if owner is not None and owner.sent != sentence else ()
