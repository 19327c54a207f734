"""Ingest: read articles from files, folders and standard input.

:func:`read_sources` yields an :class:`~saydo.domain.Article` per article and an
:class:`~saydo.domain.IngestFailure` per input (or record) that could not be read; it
never raises on bad input. A failure's ``reason`` is :meth:`SaydoError.one_line`, so it
names the input, the cause and the fix; its ``code`` is the catalogued error code.

Formats, by extension or ``IngestOptions.format``:

* ``.txt`` – one article, with an optional ``NAME.meta.json`` sidecar;
* ``.html``/``.htm`` – the main text and metadata, found by trafilatura;
* ``.json`` – an object (one article) or an array of objects (``path#item=0``);
* ``.jsonl`` – an object per line (``path#line=3``);
* ``.csv`` – a header row, then an article per row (``path#row=12``).
"""

from __future__ import annotations

from saydo.ingest.dates import parse_date
from saydo.ingest.options import IngestOptions
from saydo.ingest.sources import read_sources

__all__ = ["IngestOptions", "parse_date", "read_sources"]
