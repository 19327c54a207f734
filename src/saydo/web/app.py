"""The HTTP API and the web UI, from one app factory.

Read-only by default: the only write, ``POST /api/ingest``, needs the token given to
:func:`create_app` (or ``SAYDO_API_TOKEN``), and is refused when there is none. Every
page has a JSON twin at the same address with ``.json``; every error, API or page,
comes as one shape (see :mod:`saydo.web.errors`). Article text is untrusted: the
templates autoescape everything, and queries bind every value.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from saydo import __version__
from saydo.codec import to_dict
from saydo.domain import Event, Statement
from saydo.errors import ErrorCode, SaydoError
from saydo.store import Store, schema
from saydo.store.scope import BBox
from saydo.store.search import KINDS
from saydo.web import queries, views
from saydo.web.errors import WebError, body, code_for
from saydo.web.ingest import IngestRequest, ingest_text
from saydo.web.queries import Filters, Page, Result

HERE = Path(__file__).resolve().parent
TOKEN_ENV = "SAYDO_API_TOKEN"
VERDICTS = ("kept", "contradicted", "disputed", "pending", queries.NO_VERDICT)


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its name: article text is hostile
    )
    env.globals["version"] = __version__
    return env


# -- query parameters --------------------------------------------------------------------


def _bbox(text: str | None) -> BBox | None:
    if not text:
        return None
    try:
        west, south, east, north = (float(x) for x in text.split(","))
    except ValueError as exc:
        raise WebError(422, "invalid_bbox", "bbox is west,south,east,north in degrees") from exc
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise WebError(422, "invalid_bbox", "bbox is out of range or inverted")
    return BBox(west, south, east, north)


def filters(
    actor: Annotated[str | None, Query(description="Actor name or side code")] = None,
    side: Annotated[str | None, Query(description="Side (ISO 3166 alpha-3)")] = None,
    event_type: Annotated[str | None, Query(alias="type", description="PLOVER event type")] = None,
    place: Annotated[str | None, Query(description="Place name")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    date_from: Annotated[date | None, Query()] = None,
    date_to: Annotated[date | None, Query()] = None,
    verdict: Annotated[str | None, Query(description=f"One of {', '.join(VERDICTS)}")] = None,
    reporting_side: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Filters:
    if verdict and verdict not in VERDICTS:
        raise WebError(422, "invalid_verdict", f"verdict is one of {', '.join(VERDICTS)}")
    if date_from and date_to and date_from > date_to:
        raise WebError(422, "invalid_date_range", "date_from is after date_to")
    return Filters(
        actor=actor or None,
        side=side or None,
        event_type=event_type or None,
        place=place or None,
        bbox=_bbox(bbox),
        date_from=date_from,
        date_to=date_to,
        verdict=verdict or None,
        reporting_side=reporting_side or None,
        q=q or None,
    )


def paging(
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page:
    return Page(limit, offset)


FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[Page, Depends(paging)]


def _listing(
    request: Request, page: Page, total: int, items: list[Any], more: bool = False
) -> dict[str, Any]:
    """A page of a list; ``more`` says there are more than ``total`` rows (counts stop
    at queries.COUNT_CAP)."""
    following = page.offset + page.limit
    nxt = (
        str(request.url.include_query_params(offset=following, limit=page.limit))
        if following < total or more
        else None
    )
    return {
        "items": items,
        "total": total,
        "total_capped": more,
        "limit": page.limit,
        "offset": page.offset,
        "next": nxt,
    }


def _records(request: Request, page: Page, result: Result[Any]) -> dict[str, Any]:
    return _listing(request, page, result.total, [to_dict(r) for r in result.items], result.more)


# -- the app ---------------------------------------------------------------------------------


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The API and UI over the saydo database ``db`` (a SQLite path or a URL)."""
    store = Store.open(db)
    write_token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    env = _templates()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="saydo",
        version=__version__,
        description="What each actor said, what each actor did, and where the two part ways.",
    )
    app.state.store = store
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_errors(app, env)
    _api_routes(app, store, write_token)
    _page_routes(app, store, env)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def _install_errors(app: FastAPI, env: jinja2.Environment) -> None:
    def answer(request: Request, status: int, code: str, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse(body(status, code, message), status_code=status)
        page = env.get_template("error.html").render(
            title=f"Error {status}", status=status, code=code, message=message
        )
        return HTMLResponse(page, status_code=status)

    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return answer(request, exc.status, exc.code, exc.message)

    async def saydo_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SaydoError)
        if exc.error is ErrorCode.UNKNOWN_RECORD:
            return answer(request, 404, "not_found", exc.reason)
        return answer(request, 400, "bad_request", exc.reason)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return answer(request, exc.status_code, code_for(exc.status_code), str(exc.detail))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        parts = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        ]
        return answer(request, 422, "invalid_parameter", "; ".join(parts))

    async def crash(request: Request, exc: Exception) -> Response:
        return answer(request, 500, "internal_error", f"internal error ({type(exc).__name__})")

    app.add_exception_handler(WebError, web_error)
    app.add_exception_handler(SaydoError, saydo_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crash)


# -- the API ---------------------------------------------------------------------------------


def _api_routes(app: FastAPI, store: Store, write_token: str | None) -> None:
    engine = store.engine

    @app.get("/api/articles", tags=["articles"])
    def list_articles(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        result = queries.articles(engine, f, page)
        return _records(request, page, result)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        return views.article(store, article_id).data

    @app.get("/api/statements", tags=["statements"])
    def list_statements(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        return _records(request, page, queries.statements(engine, f, page))

    @app.get("/api/statements/{statement_id}", tags=["statements"])
    def get_statement(statement_id: str) -> dict[str, Any]:
        found = queries.record_by_id(engine, schema.statements, Statement, statement_id)
        if found is None:
            raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=statement_id)
        return to_dict(found)

    @app.get("/api/events", tags=["events"])
    def list_events(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        return _records(request, page, queries.events(engine, f, page))

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        found = queries.record_by_id(engine, schema.events, Event, event_id)
        if found is None:
            raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=event_id)
        return to_dict(found)

    @app.get("/api/pledges", tags=["pledges"])
    def list_pledges(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        result = queries.pledges(engine, f, page)
        items = [
            {
                **views.ledger_row(r),
                "pledge": to_dict(r.pledge),
                "verdict_record": to_dict(r.verdict) if r.verdict else None,
            }
            for r in result.items
        ]
        return _listing(request, page, result.total, items, result.more)

    @app.get("/api/pledges/{pledge_id}", tags=["pledges"])
    def get_pledge(pledge_id: str) -> dict[str, Any]:
        return views.pledge(store, pledge_id).data

    @app.get("/api/actors", tags=["actors"])
    def list_actors(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        return _records(request, page, queries.actors(engine, f, page))

    @app.get("/api/actors/{name}", tags=["actors"])
    def get_actor(name: str, page: PageDep) -> dict[str, Any]:
        return views.actor(engine, name, page).data

    @app.get("/api/places", tags=["places"])
    def list_places(request: Request, f: FiltersDep, page: PageDep) -> dict[str, Any]:
        return _records(request, page, queries.places(engine, f, page))

    @app.get("/api/search", tags=["search"])
    def api_search(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find")],
        page: PageDep,
        kind: Annotated[str | None, Query(description=f"One of {', '.join(KINDS)}")] = None,
    ) -> dict[str, Any]:
        return _search_view(request, store, q, page, _kind(kind)).data

    @app.post("/api/ingest", tags=["write"], status_code=200)
    def api_ingest(
        request_body: IngestRequest,
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        _check_token(write_token, authorization)
        return ingest_text(store, request_body)


def _kind(text: str | None) -> str | None:
    if not text:
        return None
    if text not in KINDS:
        raise WebError(422, "invalid_parameter", f"kind is one of {', '.join(KINDS)}")
    return text


def _search_view(
    request: Request, store: Store, q: str, page: Page, kind: str | None
) -> views.View:
    """The search view with paging links; a next page while either list goes on."""
    view = views.search(store, q, page, kind)
    longest = max(view.data["articles_total"], view.data["statements_total"])
    view.data.update(_listing(request, page, longest, []))
    del view.data["items"], view.data["total"]
    return view


def _check_token(expected: str | None, authorization: str | None) -> None:
    if expected is None:
        raise WebError(403, "writes_disabled", f"no write token is configured (set {TOKEN_ENV})")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise WebError(401, "unauthorized", "a valid 'Authorization: Bearer TOKEN' is required")


# -- pages and their JSON twins ---------------------------------------------------------


def _page_routes(app: FastAPI, store: Store, env: jinja2.Environment) -> None:
    engine = store.engine

    def twin(
        path: str, template: str, make: Callable[..., views.View], title: Callable[..., str]
    ) -> None:
        """Register ``path`` as an HTML page and ``path.json`` as its JSON twin."""

        async def as_json(request: Request) -> Response:
            view = await _call(make, request)
            return JSONResponse(view.data)

        async def as_html(request: Request) -> Response:
            view = await _call(make, request)
            page = env.get_template(template).render(
                title=title(view.data),
                data=view.data,
                counts=views.record_count(engine),
                query=dict(request.query_params),
                json_url=_json_url(request),
                **view.extras,
            )
            return HTMLResponse(page)

        # The .json route first: a path parameter would swallow the suffix otherwise.
        app.add_api_route(f"{path}.json", as_json, methods=["GET"], include_in_schema=False)
        app.add_api_route(path, as_html, methods=["GET"], include_in_schema=False)

    def ledger(request: Request) -> views.View:
        f, page = _filters_from(request)
        view = views.ledger(engine, f, page)
        more = view.data["total_capped"]
        view.data.update(_listing(request, page, view.data["total"], [], more))
        del view.data["items"]
        return view

    def search(request: Request) -> views.View:
        q = request.query_params.get("q", "").strip()
        _, page = _filters_from(request)
        if not q:
            return views.View({"q": "", "articles": [], "statements": []})
        if len(q) > 200:
            raise WebError(422, "invalid_parameter", "q is at most 200 characters")
        return _search_view(request, store, q, page, _kind(request.query_params.get("kind")))

    def articles(request: Request) -> views.View:
        f, page = _filters_from(request)
        result = queries.articles(engine, f, page)
        listing = _listing(
            request,
            page,
            result.total,
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "outlet": a.outlet,
                    "published": a.published.isoformat() if a.published else None,
                }
                for a in result.items
            ],
            result.more,
        )
        return views.View(listing)

    def actors(request: Request) -> views.View:
        f, page = _filters_from(request)
        return views.View(_records(request, page, queries.actors(engine, f, page)))

    twin("/ledger", "ledger.html", ledger, lambda d: "Ledger")
    twin("/search", "search.html", search, lambda d: f"Search: {d['q']}" if d["q"] else "Search")
    twin("/articles", "articles.html", articles, lambda d: "Articles")
    twin("/actors", "actors.html", actors, lambda d: "Actors")
    twin(
        "/pledges/{pledge_id}",
        "pledge.html",
        lambda r: views.pledge(store, r.path_params["pledge_id"]),
        lambda d: f"Pledge {d['pledge']['id']}",
    )
    twin(
        "/articles/{article_id}",
        "article.html",
        lambda r: views.article(store, r.path_params["article_id"]),
        lambda d: d["article"]["title"] or d["article"]["id"],
    )
    twin(
        "/actors/{name}",
        "actor.html",
        lambda r: views.actor(engine, r.path_params["name"], _filters_from(r)[1]),
        lambda d: d["name"],
    )

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ledger")


async def _call(make: Callable[[Request], views.View], request: Request) -> views.View:
    from starlette.concurrency import run_in_threadpool

    # Views query the database synchronously: keep them off the event loop.
    return await run_in_threadpool(make, request)


def _filters_from(request: Request) -> tuple[Filters, Page]:
    """The same filters and paging as the API's, read from a page's query string."""
    params = request.query_params
    try:
        page = Page(
            min(max(int(params.get("limit", 50)), 1), queries.MAX_LIMIT),
            max(int(params.get("offset", 0)), 0),
        )
        f = filters(
            actor=params.get("actor"),
            side=params.get("side"),
            event_type=params.get("type"),
            place=params.get("place"),
            bbox=params.get("bbox"),
            date_from=_date(params.get("date_from")),
            date_to=_date(params.get("date_to")),
            verdict=params.get("verdict"),
            reporting_side=params.get("reporting_side"),
            q=params.get("q"),
        )
    except ValueError as exc:
        raise WebError(422, "invalid_parameter", str(exc)) from exc
    return f, page


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date like 2022-03-30") from exc


def _json_url(request: Request) -> str:
    query = request.url.query
    return request.url.path + ".json" + (f"?{query}" if query else "")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the API and UI until interrupted; the CLI prints the URL before calling this."""
    import uvicorn

    uvicorn.run(create_app(db, token), host=host, port=port, log_level="info")
