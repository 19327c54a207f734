"""The one write the API allows: ingest an article sent in the request body.

The text is written to a private temporary file with its metadata sidecar and goes
through :func:`saydo.runner.ingest`, exactly like a file given to ``saydo ingest``;
spaCy is imported there, lazily, never by the web modules themselves.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from saydo.domain import content_hash
from saydo.store import Store


class IngestRequest(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000, description="The article text.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None


def ingest_text(store: Store, request: IngestRequest) -> dict[str, Any]:
    from saydo.runner import ingest

    meta = {
        key: value
        for key, value in request.model_dump(mode="json", exclude={"text"}).items()
        if value is not None
    }
    with tempfile.TemporaryDirectory(prefix="saydo-api-") as folder:
        path = Path(folder) / "article.txt"
        path.write_text(request.text, encoding="utf-8")
        path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        report = ingest([path], store)
    article_id = content_hash(request.text)
    return {
        "read": report.read,
        "added": report.added,
        "already_stored": report.already_stored,
        "failures": [{"code": f.code, "reason": f.reason} for f in report.failures],
        "article_id": article_id if store.has_article(article_id) else None,
    }
