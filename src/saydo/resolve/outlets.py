"""Official channels: outlets whose own voice is a party's.

A Kremlin press release that says "Russian forces destroyed a depot" is Russia's claim,
not a neutral report; a statement on president.gov.ua is Ukraine's account. Evidence in
the ledger is labelled by the side that reported it, so an event an article tells in its
own voice is credited to the outlet's actor when the outlet is a government site or
state media (``saydo/data/outlets.jsonl``), and stays the outlet's own, third-party
reporting otherwise.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from saydo.domain import Actor, ActorKind, Article
from saydo.errors import ErrorCode, SaydoError
from saydo.resolve.actors import ActorDictionary

PACKAGE_FILE = "outlets.jsonl"
# Media whose role says a state runs them speak for it; other media do not.
STATE_MEDIA_MARKERS = ("state", "defence ministry")


@lru_cache(maxsize=1)
def official_domains() -> dict[str, str]:
    """Domain → canonical actor name, from the package's table."""
    text = resources.files("saydo").joinpath("data", PACKAGE_FILE).read_text("utf-8")
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = json.loads(line)
            table[str(entry["domain"]).lower()] = str(entry["actor"])
        except (ValueError, KeyError, TypeError) as error:
            where = f"saydo/data/{PACKAGE_FILE}:{number}"
            raise SaydoError(ErrorCode.BAD_DICTIONARY, where, error) from error
    return table


def host_of(value: str | None) -> str | None:
    """The host of a URL or of a bare host name, lower-cased, without ``www.``."""
    if not value:
        return None
    text = value.strip().lower()
    if "://" in text:
        try:
            text = urlsplit(text).hostname or ""
        except ValueError:
            return None
    if not text or " " in text or "." not in text:
        return None
    return text.removeprefix("www.")


def _by_domain(host: str, actors: ActorDictionary) -> Actor | None:
    domains = official_domains()
    labels = host.split(".")
    # en.kremlin.ru and kremlin.ru are one channel: try each parent domain in turn.
    for start in range(len(labels) - 1):
        name = domains.get(".".join(labels[start:]))
        if name is not None:
            return actors.by_name(name)
    return None


def _speaks_for_a_state(actor: Actor) -> bool:
    if actor.kind is ActorKind.MEDIA:
        role = (actor.role or "").lower()
        return any(marker in role for marker in STATE_MEDIA_MARKERS)
    return actor.sector in {"GOV", "MIL"} and actor.kind is not ActorKind.PERSON


def outlet_actor(article: Article, actors: ActorDictionary) -> Actor | None:
    """The party an article's own voice speaks for, or None for independent outlets."""
    for value in (article.url, article.outlet):
        host = host_of(value)
        if host is not None:
            actor = _by_domain(host, actors)
            if actor is not None:
                return actor
    if article.outlet:
        actor = actors.by_name(article.outlet)
        if actor is not None and _speaks_for_a_state(actor):
            return actor
    return None
