"""Search through HTTP: the API, the page and its JSON twin, with paging."""

from __future__ import annotations

from urllib.parse import quote

from .conftest import Server
from .webclient import request


def _json(server: Server, path: str) -> dict[str, object]:
    reply = request(server.url + path)
    assert reply.status == 200, reply.text[:300]
    body = reply.json()
    assert isinstance(body, dict)
    return body


def test_search_ranks_marks_and_pages(server: Server) -> None:
    whole = _json(server, "/api/search?q=Chernihiv&limit=500")
    articles = whole["articles"]
    assert isinstance(articles, list)
    assert articles
    assert whole["articles_total"] == len(articles)
    for hit in articles:
        assert any(matched and text.casefold() == "chernihiv" for text, matched in hit["segments"])
        assert "«" in hit["snippet"]
    scores = [hit["score"] for hit in articles]
    assert scores == sorted(scores, reverse=True)
    first = _json(server, "/api/search?q=Chernihiv&limit=1&kind=article")
    assert first["statements"] == []
    assert first["kind"] == "article"
    assert first["articles"] == articles[:1]
    if len(articles) > 1:
        assert isinstance(first["next"], str)
        second = request(first["next"]).json()
        assert second["articles"] == articles[1:2]


def test_statements_are_found_by_speaker_and_words(server: Server) -> None:
    statements = _json(server, "/api/statements?limit=500")["items"]
    assert isinstance(statements, list)
    quote_ = next(s for s in statements if len(s["content"].split()) >= 3)
    # whole words only: a word cut at a length limit ("thou" of "thousands") is no word
    # of the statement
    words = " ".join([w for w in quote_["content"].split() if w.isalpha()][:12])
    found = _json(server, "/api/search?kind=statement&limit=500&q=" + quote(words))
    assert quote_["id"] in {s["id"] for s in found["statements"]}  # type: ignore[union-attr]


def test_query_syntax_is_text_and_bad_kinds_are_refused(server: Server) -> None:
    for q in ['"', "AND(", "NEAR(", "*", "a OR"]:
        reply = request(server.url + "/api/search?q=" + quote(q))
        assert reply.status == 200, (q, reply.text[:200])
    reply = request(server.url + "/api/search?q=Kyiv&kind=pledge")
    assert reply.status == 422
    assert reply.json()["error"]["code"] == "invalid_parameter"


def test_search_page_marks_matches_and_has_a_twin(server: Server) -> None:
    page = request(server.url + "/search?q=Chernihiv")
    assert page.status == 200
    assert "<mark>Chernihiv</mark>" in page.text
    twin = _json(server, "/search.json?q=Chernihiv")
    assert twin["articles"] == _json(server, "/api/search?q=Chernihiv")["articles"]
    hostile = request(server.url + "/search?q=" + quote("<script>"))
    assert "<script>window" not in hostile.text
