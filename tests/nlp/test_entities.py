"""The entity-correcting component on the real model, with no mocks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from saydo.nlp.entities import COMPONENT, FACTORY, SaydoEntities, add_saydo_entities
from saydo.settings import MODEL_PACKAGE


def _load_model() -> Language:
    return spacy.load(MODEL_PACKAGE)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = _load_model()
    add_saydo_entities(pipeline)
    return pipeline


@pytest.fixture(scope="module")
def article(nlp: Language, defining_article: Path) -> Doc:
    return nlp(defining_article.read_text(encoding="utf-8"))


def _ents(doc: Doc, text: str) -> list[Span]:
    return [e for e in doc.ents if e.text == text or e.text == f"the {text}"]


def _only(doc: Doc, text: str) -> Iterator[Span]:
    found = _ents(doc, text)
    assert found, f"{text!r} is not an entity: {[e.text for e in doc.ents]}"
    yield from found


# -- the defining article ----------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zelenskyy", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("Zeleskyy", "Volodymyr Zelenskyy"),  # the reporter's typo
        ("Putin", "Vladimir Putin"),
        ("Igor Konashenkov", "Igor Konashenkov"),
        ("Boris Johnson", "Boris Johnson"),
    ],
)
def test_people_are_persons_with_actor_ids(article: Doc, text: str, name: str) -> None:
    for ent in _only(article, text):
        assert (ent.label_, ent.ent_id_) == ("PERSON", f"actor:{name}")


@pytest.mark.shared
@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Kyiv", "703448"),
        ("Chernihiv", "710735"),
        ("Mariupol", "701822"),
        ("Istanbul", "745044"),
        ("Belarus", "country-blr"),
    ],
)
def test_places_are_gpe_with_place_ids(article: Doc, text: str, place_id: str) -> None:
    for ent in _only(article, text):
        assert (ent.label_, ent.ent_id_) == ("GPE", f"place:{place_id}")


@pytest.mark.shared
@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Mykolaiv region", "ua-region-mykolaiv-oblast"),
        ("Donetsk region", "ua-region-donetsk-oblast"),
        ("Donbas", "ua-region-donbas"),
        ("Donbas region", "ua-region-donbas"),
        ("Crimean Peninsula", "ua-region-autonomous-republic-of-crimea"),
        ("central Ukraine", "ua-area-central"),
    ],
)
def test_regions_and_areas_are_places(article: Doc, text: str, place_id: str) -> None:
    for ent in _only(article, text):
        assert ent.label_ in {"GPE", "LOC"}
        assert ent.ent_id_ == f"place:{place_id}"


@pytest.mark.shared
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russian Defence Ministry", "Russian Defence Ministry"),
        ("British Ministry of Defence", "UK Ministry of Defence"),
        ("Kremlin", "Kremlin"),
        ("NATO", "NATO"),
    ],
)
def test_bodies_are_orgs_with_actor_ids(article: Doc, text: str, name: str) -> None:
    for ent in _only(article, text):
        assert (ent.label_, ent.ent_id_) == ("ORG", f"actor:{name}")


@pytest.mark.shared
def test_the_models_errors_are_gone(article: Doc) -> None:
    labels = {(e.text, e.label_) for e in article.ents}
    assert ("Kyiv", "PERSON") not in labels
    assert ("Mariupol", "ORG") not in labels
    assert ("Volodymyr Zelenskyy", "ORG") not in labels
    assert ("Zeleskyy", "ORG") not in labels
    assert not any(e.text == "Kyiv and Chernihiv" for e in article.ents)
    assert {e.label_ for e in _ents(article, "Ukrainian")} == {"NORP"}


@pytest.mark.shared
def test_moscow_is_a_place_that_also_names_the_kremlin(article: Doc) -> None:
    for ent in _only(article, "Moscow"):
        assert (ent.label_, ent.ent_id_, ent.kb_id_) == ("GPE", "place:524901", "actor:Kremlin")


@pytest.mark.shared
def test_the_models_other_entities_are_kept(article: Doc) -> None:
    labels = {(e.text, e.label_) for e in article.ents}
    assert ("Rohit Kachroo", "PERSON") in labels
    assert ("Tuesday", "DATE") in labels
    assert ("Western", "NORP") in labels


@pytest.mark.shared
def test_ids_survive_docbin(nlp: Language, article: Doc) -> None:
    data = DocBin(docs=[article]).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    before = [(e.text, e.label_, e.ent_id_, e.kb_id_) for e in article.ents]
    after = [(e.text, e.label_, e.ent_id_, e.kb_id_) for e in restored.ents]
    assert after == before


# -- sentences the component has never seen --------------------------------------------

SENTENCES = [
    (
        "Mr Kuleba told reporters in Kiev that Russian troops had shelled Odessa and the "
        "Kharkiv region overnight.",
        [
            ("Kuleba", "PERSON", "actor:Dmytro Kuleba"),
            ("Kiev", "GPE", "place:703448"),
            ("Russian", "NORP", "actor:Russia"),
            ("Odessa", "GPE", "place:698740"),
            ("Kharkiv region", "GPE", "place:ua-region-kharkiv-oblast"),
        ],
    ),
    (
        "Kremlin spokesman Dmitry Peskov said the talks in Antalya had not produced a "
        "breakthrough.",
        [
            ("Kremlin", "ORG", "actor:Kremlin"),
            ("Dmitry Peskov", "PERSON", "actor:Dmitry Peskov"),
            ("Antalya", "GPE", "place:323777"),
        ],
    ),
    (
        "The Pentagon said it saw no withdrawal from around Kyiv, and Lloyd Austin met "
        "Ben Wallace in Brussels.",
        [
            ("Pentagon", "ORG", "actor:Pentagon"),
            ("Lloyd Austin", "PERSON", "actor:Lloyd Austin"),
            ("Ben Wallace", "PERSON", "actor:Ben Wallace"),
            ("Brussels", "GPE", "place:2800866"),
        ],
    ),
    (
        "Russian President Vladimir Putin spoke with Turkish President Recep Tayyip Erdoğan.",
        [
            ("Vladimir Putin", "PERSON", "actor:Vladimir Putin"),
            ("Turkish", "NORP", "actor:Turkey"),
            ("Recep Tayyip Erdoğan", "PERSON", "actor:Recep Tayyip Erdogan"),
        ],
    ),
    (
        "Ukraine's Defence Minister Oleksii Reznikov said Severodonetsk and Lysychansk were "
        "under heavy fire.",
        [
            ("Oleksii Reznikov", "PERSON", "actor:Oleksii Reznikov"),
            ("Severodonetsk", "GPE", "place:691999"),
            ("Lysychansk", "GPE", "place:702972"),
        ],
    ),
    (
        "Shelling hit Enerhodar and the Zaporizhzhia nuclear power plant, the IAEA said.",
        [
            ("Enerhodar", "GPE", "place:709276"),
            ("Zaporizhzhia nuclear power plant", "FAC", "place:ua-site-znpp"),
            ("IAEA", "ORG", "actor:IAEA"),
        ],
    ),
    (
        "President Zelenskiy thanked Stoltenberg and Ursula von der Leyen.",
        [
            ("Zelenskiy", "PERSON", "actor:Volodymyr Zelenskyy"),
            ("Stoltenberg", "PERSON", "actor:Jens Stoltenberg"),
            ("Ursula von der Leyen", "PERSON", "actor:Ursula von der Leyen"),
        ],
    ),
    (
        "Kharkov and Kiev were shelled, the Russian Ministry of Defence said.",
        [
            ("Kharkov", "GPE", "place:706483"),
            ("Kiev", "GPE", "place:703448"),
            ("Russian Ministry of Defence", "ORG", "actor:Russian Defence Ministry"),
        ],
    ),
    (
        "Mr Shoygu met the commander of the Black Sea Fleet in Sevastopol.",
        [
            ("Shoygu", "PERSON", "actor:Sergei Shoigu"),
            ("Black Sea Fleet", "ORG", "actor:Black Sea Fleet"),
            ("Sevastopol", "GPE", "place:694423"),
        ],
    ),
    (
        "Mr Reznikof said the weapons had reached Lviv, western Ukraine.",
        [
            ("Reznikof", "PERSON", "actor:Oleksii Reznikov"),
            ("Lviv", "GPE", "place:702550"),
            ("western Ukraine", "LOC", "place:ua-area-west"),
        ],
    ),
    (
        "The Donetsk People's Republic leader Denis Pushilin claimed Volnovakha.",
        [
            ("Denis Pushilin", "PERSON", "actor:Denis Pushilin"),
            ("Volnovakha", "GPE", "place:689198"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_other_names_places_and_spellings(
    nlp: Language, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = nlp(sentence)
    for text, label, ident in expected:
        found = _ents(doc, text)
        assert found, f"{text!r} not in {[(e.text, e.label_) for e in doc.ents]}"
        assert {(e.label_, e.ent_id_) for e in found} == {(label, ident)}


def test_lower_case_words_and_pronouns_are_not_names(nlp: Language) -> None:
    doc = nlp("Tell us what the male soldiers were reading, said a man from nice old Bath.")
    assert not any(e.text.lower() in {"us", "male", "reading", "nice"} for e in doc.ents)


def test_a_longer_name_holding_a_place_is_kept(nlp: Language) -> None:
    doc = nlp("He studied at Moscow State University before the war.")
    assert not any(e.text == "Moscow" for e in doc.ents)


# -- the component as a spaCy component --------------------------------------------------


def test_it_sits_after_ner_once(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("ner") + 1
    add_saydo_entities(nlp)
    assert nlp.pipe_names.count(COMPONENT) == 1
    assert isinstance(nlp.get_pipe(COMPONENT), SaydoEntities)


def test_its_requires_and_assigns_are_declared() -> None:
    meta = Language.get_factory_meta(FACTORY)
    assert meta.requires == ["doc.ents"]
    assert {"doc.ents", "token.ent_iob", "token.ent_type"} <= set(meta.assigns)


def test_extra_actor_files_add_names(tmp_path: Path) -> None:
    extra = tmp_path / "local.jsonl"
    entry = {"name": "Ivan Testenko", "kind": "person", "country": "UKR", "aliases": ["Testenko"]}
    extra.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    blank = spacy.blank("en")
    add_saydo_entities(blank, [extra])
    doc = blank("Testenko said Kherson was quiet.")
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Testenko", "PERSON", "actor:Ivan Testenko") in found
    assert ("Kherson", "GPE", "place:706448") in found
