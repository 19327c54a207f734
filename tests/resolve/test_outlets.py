"""Which outlets speak for a party: official sites and state media, by domain or name."""

from __future__ import annotations

from saydo.domain import Article, content_hash
from saydo.resolve.actors import default_actors
from saydo.resolve.outlets import host_of, official_domains, outlet_actor


def article(url: str | None = None, outlet: str | None = None) -> Article:
    return Article(content_hash("x"), "x", "test", url=url, outlet=outlet)


def test_every_official_domain_names_an_actor_of_the_dictionary() -> None:
    actors = default_actors()
    missing = [name for name in official_domains().values() if actors.by_name(name) is None]
    assert missing == []


def test_hosts_come_from_urls_and_bare_names() -> None:
    assert host_of("http://en.kremlin.ru/events/president/news/68069") == "en.kremlin.ru"
    assert host_of("www.president.gov.ua") == "president.gov.ua"
    assert host_of("ITV News") is None
    assert host_of("http://[::1") is None


def test_subdomains_of_an_official_site_speak_for_its_party() -> None:
    actors = default_actors()
    kremlin = outlet_actor(article(url="http://en.kremlin.ru/events/president/news/1"), actors)
    assert kremlin is not None
    assert kremlin.country == "RUS"
    kyiv = outlet_actor(article(url="https://www.president.gov.ua/en/news/x"), actors)
    assert kyiv is not None
    assert kyiv.country == "UKR"


def test_state_media_by_name_speak_for_their_state_and_others_do_not() -> None:
    actors = default_actors()
    tass = outlet_actor(article(outlet="TASS"), actors)
    assert tass is not None
    assert tass.country == "RUS"
    assert outlet_actor(article(outlet="ITV News"), actors) is None
    assert outlet_actor(article(url="https://edition.cnn.com/2022/03/30/x"), actors) is None
    # A look-alike domain is not the official one.
    assert outlet_actor(article(url="https://kremlin.ru.example.com/x"), actors) is None
