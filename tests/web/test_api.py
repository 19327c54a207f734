"""Every API endpoint over HTTP, against the live server on the examples' store."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from openapi_spec_validator import validate

from .conftest import HOSTILE_TITLE, TOKEN, Server
from .webclient import Reply, request


def get(server: Server, path: str) -> Reply:
    return request(server.url + path)


def ok(server: Server, path: str) -> Any:
    reply = get(server, path)
    assert reply.status == 200, (path, reply.text[:300])
    assert reply.headers["content-type"].startswith("application/json")
    return reply.json()


def assert_error(reply: Reply, status: int, code: str) -> None:
    assert reply.status == status
    body = reply.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def test_openapi_document_validates(server: Server) -> None:
    spec = ok(server, "/openapi.json")
    validate(spec)
    for path in ("/api/pledges", "/api/events", "/api/ingest", "/api/search"):
        assert path in spec["paths"]


@pytest.mark.parametrize(
    "path", ["/api/articles", "/api/statements", "/api/events", "/api/pledges", "/api/actors"]
)
def test_lists_page_with_next_links(server: Server, path: str) -> None:
    whole = ok(server, f"{path}?limit=500")
    assert whole["total"] == len(whole["items"]) > 0
    first = ok(server, f"{path}?limit=1")
    assert first["total"] == whole["total"]
    assert len(first["items"]) == 1
    if whole["total"] > 1:
        second = request(first["next"]).json()
        assert second["offset"] == 1
        assert second["items"][0] == whole["items"][1]
    last = ok(server, f"{path}?limit=1&offset={whole['total'] - 1}")
    assert last["next"] is None


def test_each_record_by_id(server: Server) -> None:
    article = ok(server, "/api/articles?limit=1")["items"][0]
    assert ok(server, f"/api/articles/{article['id']}")["article"]["id"] == article["id"]
    statement = ok(server, "/api/statements?limit=1")["items"][0]
    assert ok(server, f"/api/statements/{statement['id']}") == statement
    event = ok(server, "/api/events?limit=1")["items"][0]
    assert ok(server, f"/api/events/{event['id']}") == event
    pledge = ok(server, "/api/pledges?limit=1")["items"][0]
    full = ok(server, f"/api/pledges/{pledge['id']}")
    assert full["pledge"]["id"] == pledge["id"]
    assert full["ledger"]["verdict"] == pledge["verdict"]


def test_event_filters_narrow_and_agree(server: Server) -> None:
    events = ok(server, "/api/events?limit=500")["items"]
    assault = ok(server, "/api/events?type=ASSAULT&limit=500")
    assert assault["total"] == sum(e["type"] == "ASSAULT" for e in events) > 0
    sides = {e["actor"]["country"] for e in events if e["actor"] and e["actor"]["country"]}
    for side in sides:
        got = ok(server, f"/api/events?side={side}&limit=500")["items"]
        assert got
        assert all(e["actor"]["country"] == side for e in got)
    reporters = ok(server, "/api/events?reporting_side=UKR&limit=500")["items"]
    assert all(e["reported_by"]["country"] == "UKR" for e in reporters)
    dated = [e for e in events if e["time"] and e["time"]["start"]]
    day = dated[0]["time"]["start"]
    same_day = ok(server, f"/api/events?date_from={day}&date_to={day}&limit=500")["items"]
    assert same_day
    assert all(e["time"]["start"] == day for e in same_day)


def test_place_filters_by_name_and_box(server: Server) -> None:
    places = ok(server, "/api/places?limit=500")["items"]
    located = [p for p in places if p["lat"] is not None]
    place = located[0]
    by_name = ok(server, f"/api/events?place={quote(place['name'])}&limit=500")
    assert by_name["total"] >= place["events"] > 0
    box = f"{place['lon'] - 0.01},{place['lat'] - 0.01},{place['lon'] + 0.01},{place['lat'] + 0.01}"
    boxed = ok(server, f"/api/events?bbox={box}&limit=500")["items"]
    assert boxed
    for event in boxed:
        assert abs(event["places"][0]["lat"] - place["lat"]) < 0.02 or any(
            abs((p["lat"] or 999) - place["lat"]) < 0.02 for p in event["places"]
        )
    assert_error(get(server, "/api/events?bbox=10,10"), 422, "invalid_bbox")
    assert_error(get(server, "/api/events?bbox=30,60,20,50"), 422, "invalid_bbox")


def test_pledge_filters(server: Server) -> None:
    pledges = ok(server, "/api/pledges?limit=500")["items"]
    assert pledges
    for verdict in {p["verdict"] for p in pledges}:
        got = ok(server, f"/api/pledges?verdict={verdict}")["items"]
        assert got
        assert all(p["verdict"] == verdict for p in got)
    side = pledges[0]["side"]
    assert all(p["side"] == side for p in ok(server, f"/api/pledges?actor={side}")["items"])
    for p in ok(server, "/api/pledges?reporting_side=UKR")["items"]:
        assert "UKR" in p["sides"]
    assert_error(get(server, "/api/pledges?verdict=broken"), 422, "invalid_verdict")


def test_actors_and_statements_by_actor(server: Server) -> None:
    actors = ok(server, "/api/actors?limit=500")["items"]
    speaker = next(a for a in actors if a["statements"] > 0)
    said = ok(server, f"/api/statements?actor={quote(speaker['name'])}&limit=500")
    assert said["total"] >= 1
    page = ok(server, f"/api/actors/{quote(speaker['name'])}")
    assert page["statements_total"] == said["total"]


def test_search_finds_text_and_escapes_nothing_away(server: Server) -> None:
    found = ok(server, "/api/search?q=" + quote("<script>"))
    assert [a["title"] for a in found["articles"]] == [HOSTILE_TITLE]
    percent = ok(server, "/api/search?q=" + quote("%"))
    assert percent["articles_total"] == 0  # % is matched literally, not as a wildcard
    assert_error(get(server, "/api/search"), 422, "invalid_parameter")


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/pledges/pl_nope", 404, "not_found"),
        ("/api/articles/nope", 404, "not_found"),
        ("/api/events/nope", 404, "not_found"),
        ("/api/statements/nope", 404, "not_found"),
        ("/api/actors/Nobody%20At%20All", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
        ("/api/events?limit=0", 422, "invalid_parameter"),
        ("/api/events?limit=100000", 422, "invalid_parameter"),
        ("/api/events?date_from=yesterday", 422, "invalid_parameter"),
        ("/api/events?date_from=2022-04-02&date_to=2022-04-01", 422, "invalid_date_range"),
    ],
)
def test_errors_have_one_shape(server: Server, path: str, status: int, code: str) -> None:
    assert_error(get(server, path), status, code)


def test_wrong_method_is_an_error_too(server: Server) -> None:
    assert_error(request(server.url + "/api/events", method="DELETE"), 405, "method_not_allowed")


def test_ingest_needs_the_token(server: Server) -> None:
    body = {"text": "Russian forces shelled Kharkiv on Sunday, Ukrainian officials said."}
    url = server.url + "/api/ingest"
    assert_error(request(url, "POST", body), 401, "unauthorized")
    assert_error(request(url, "POST", body, {"Authorization": "Bearer wrong"}), 401, "unauthorized")
    assert_error(
        request(url, "POST", {"title": "no text"}, {"Authorization": f"Bearer {TOKEN}"}),
        422,
        "invalid_parameter",
    )
    before = ok(server, "/api/articles")["total"]
    reply = request(url, "POST", body, {"Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 200, reply.text
    result = reply.json()
    assert result["added"] == 1
    assert ok(server, "/api/articles")["total"] == before + 1
    assert ok(server, f"/api/articles/{result['article_id']}")["article"]["text"].startswith(
        "Russian forces shelled Kharkiv"
    )
    again = request(url, "POST", body, {"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["added"] == 0
    assert again["already_stored"] == 1


@pytest.mark.filterwarnings("ignore:Using .httpx. with .starlette.testclient")
def test_writes_are_refused_without_a_configured_token(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from saydo.web import create_app

    monkeypatch.delenv("SAYDO_API_TOKEN", raising=False)
    client = TestClient(create_app(web_db, token=None))
    reply = client.post("/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert reply.status_code == 403
    assert reply.json()["error"]["code"] == "writes_disabled"


def test_web_and_export_never_import_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, saydo.web, saydo.export; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
