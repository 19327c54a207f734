"""saydo: a ledger of what actors in wars and diplomacy said and what they did."""

__version__ = "0.1.0"
