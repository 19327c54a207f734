"""The spaCy pipeline saydo runs: the English model plus saydo's own components."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from saydo.nlp import components  # noqa: F401  (registers the factories)
from saydo.nlp.entities import COMPONENT as ENTITY_PIPE
from saydo.nlp.entities import add_saydo_entities
from saydo.settings import Settings


@lru_cache(maxsize=2)
def load_pipeline(model: str = Settings().model) -> Language:
    """The model package by name (never a download), with saydo's components added."""
    package = importlib.import_module(model)
    nlp: Language = package.load()
    nlp.add_pipe("saydo_paragraphs_v1", before="parser")
    add_saydo_entities(nlp)
    return nlp


def refresh_entities(nlp: Language, doc: Doc) -> Doc:
    """Re-apply saydo's entity layer to a cached parse, so that a changed dictionary
    takes effect on reprocessing without parsing again."""
    return nlp.get_pipe(ENTITY_PIPE)(doc)
