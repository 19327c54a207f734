"""The spaCy pipeline saydo runs: the English model plus saydo's own components."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import saydo
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
    nlp.add_pipe("saydo_headers_v1", after="parser")
    add_saydo_entities(nlp)
    return nlp


@lru_cache(maxsize=1)
def entity_layer_fingerprint() -> str:
    """What the entity layer's output depends on: its code, the resolvers' code and the
    dictionaries. A cached parse made under the same fingerprint has the entities a
    refresh would give it, so reprocessing need not run the layer again."""
    import hashlib

    root = Path(saydo.__file__).parent
    digest = hashlib.sha256(saydo.__version__.encode("utf-8"))
    folders = (root / "nlp", root / "resolve", root / "data")
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if path.suffix in {".py", ".jsonl", ".json", ".csv", ".txt"}:
            digest.update(str(path.relative_to(root)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def refresh_entities(nlp: Language, doc: Doc) -> Doc:
    """Re-apply saydo's entity layer to a cached parse, so that a changed dictionary
    takes effect on reprocessing without parsing again."""
    return nlp.get_pipe(ENTITY_PIPE)(doc)
