"""saydo's HTTP API and web UI (FastAPI); never imports spaCy."""

from __future__ import annotations

from saydo.web.app import create_app, serve

__all__ = ["create_app", "serve"]
