"""Storage for saydo's ledger (SQLAlchemy Core; SQLite or PostgreSQL)."""

from saydo.store.store import Store

__all__ = ["Store"]
