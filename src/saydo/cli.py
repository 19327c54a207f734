"""The ``saydo`` command: a thin layer over plain functions.

Exit codes scripts can rely on: 0 success; 1 the command ran but some input failed
(listed on stderr); 2 bad usage; 3 a record asked for does not exist.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from saydo import __version__
from saydo.codec import to_dict
from saydo.domain import Article, Extraction, IngestFailure
from saydo.errors import SKIP_CODES, ErrorCode, SaydoError
from saydo.progress import ProgressLine
from saydo.settings import DEFAULT_DB, Settings

if TYPE_CHECKING:
    from saydo.runner import IngestReport
    from saydo.watch import PollReport

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
# Kept here rather than imported so that `saydo --help` does not load the exporters.
EXPORT_FORMATS = ("jsonl", "csv", "acled", "gdelt", "plover", "geojson", "parquet")


class DateParam(click.ParamType[date]):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2022-03-30", param, ctx)


class PartParam(click.ParamType[tuple[int, int]]):
    """``K/N``: the share of a corpus at positions K modulo N."""

    name = "K/N"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value
        k, _, n = str(value).partition("/")
        if not (k.isdigit() and n.isdigit()) or not 0 <= int(k) < int(n):
            self.fail(f"{value!r} is not K/N with 0 <= K < N, like 1/2", param, ctx)
        return int(k), int(n)


# The order a reader meets the commands in `saydo --help`: by what they are for.
SECTIONS = (
    ("Read news", ("ingest", "watch", "reprocess")),
    ("Read the ledger", ("ledger", "pledge", "show", "search", "duplicates", "errors")),
    ("Share", ("serve", "export")),
    ("Measure", ("eval",)),
)


class SectionedGroup(click.Group):
    """A group whose help lists its commands under headings, in a reading order."""

    def invoke(self, ctx: click.Context) -> Any:
        # A catalogued error is the user's to fix: one line with its cause and fix, no
        # traceback, whether saydo runs as a program or is invoked in-process.
        try:
            return super().invoke(ctx)
        except SaydoError as error:
            click.echo(f"error: {error.one_line()}", err=True)
            ctx.exit(EXIT_USAGE)

    def list_commands(self, ctx: click.Context) -> list[str]:
        ordered = [name for _, names in SECTIONS for name in names if name in self.commands]
        return ordered + sorted(set(self.commands) - set(ordered))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        width = formatter.width - 6 - max(len(name) for name in self.commands)
        listed: set[str] = set()
        for title, names in SECTIONS:
            rows = [
                (name, self.commands[name].get_short_help_str(width))
                for name in names
                if name in self.commands and not self.commands[name].hidden
            ]
            listed.update(names)
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        rest = [
            (n, c.get_short_help_str(width)) for n, c in self.commands.items() if n not in listed
        ]
        if rest:
            with formatter.section("Other commands"):
                formatter.write_dl(rest)


@click.group(
    cls=SectionedGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Exit codes: 0 done; 1 done, but some inputs failed (listed); 2 bad usage; "
    "3 no such record. `saydo COMMAND --help` explains each command.",
)
@click.version_option(__version__, prog_name="saydo")
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="SAYDO_DB",
    help="SQLite file or database URL.",
)
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """saydo: a ledger of what actors said and what they did.

    \b
    Typical session:
      saydo ingest articles/          read, parse, extract, store, link
      saydo ledger                    every pledge with its verdict
      saydo show ARTICLE_ID           everything extracted from one article
      saydo eval gold gold/*.json     accuracy against gold files
    """
    ctx.obj = Settings(db=db)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "html", "json", "jsonl", "csv"]),
    help="Force a reader.",
)
@click.option("--text-column", help="CSV/JSON field holding the article text.")
@click.option("--date-column", help="CSV/JSON field holding the publication date.")
@click.option("--title-column", help="CSV/JSON field holding the title.")
@click.option("--url-column", help="CSV/JSON field holding the URL.")
@click.option("--published", type=DateParam(), help="Publication date for single files.")
@click.option("--outlet", help="Outlet for single files.")
@click.option(
    "--workers", type=click.IntRange(min=1), help="Parse on a local Dask cluster of N workers."
)
@click.option("--all-languages", is_flag=True, help="Keep articles that are not in English.")
@click.option(
    "--fetch-timeout", type=float, default=20.0, show_default=True, help="Seconds per URL."
)
@click.option("--scheduler", help="Parse on an existing Dask cluster (tcp://HOST:PORT).")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Largest input file read, in bytes (default: 200 MiB); larger ones are listed.",
)
@click.option(
    "--max-article-chars",
    type=click.IntRange(min=1),
    help="Longest article kept, in characters (default: 1,000,000); longer ones are listed.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@click.pass_obj
def ingest(
    settings: Settings,
    paths: tuple[str, ...],
    fmt: str | None,
    text_column: str | None,
    date_column: str | None,
    title_column: str | None,
    url_column: str | None,
    published: date | None,
    outlet: str | None,
    workers: int | None,
    all_languages: bool,
    fetch_timeout: float,
    scheduler: str | None,
    encoding: str,
    max_bytes: int | None,
    max_article_chars: int | None,
    quiet: bool,
) -> None:
    """Read articles from files, directories, feeds or URLs into the store, then update
    the ledger. Wire copies are linked to their first-seen original."""
    from saydo.ingest import IngestOptions
    from saydo.runner import ingest as run_ingest
    from saydo.store import Store

    options = IngestOptions(
        format=fmt,
        text_column=text_column,
        date_column=date_column,
        title_column=title_column,
        url_column=url_column,
        published=published,
        outlet=outlet,
        encoding=encoding,
        max_file_bytes=max_bytes or settings.max_file_bytes,
        max_article_chars=max_article_chars or settings.max_article_chars,
        skip_non_english=not all_languages,
        fetch_timeout=fetch_timeout,
    )
    from saydo.cluster import open_client

    started = time.monotonic()
    with (
        ProgressLine("ingest", quiet=quiet) as progress,
        open_client(workers, scheduler) as client,
        Store.open(settings.db) as store,
    ):
        report = run_ingest(
            paths,
            store,
            options,
            settings,
            progress.advance,
            _failure_printer(progress),
            client=client,
        )
    _print_ingest_summary(report, time.monotonic() - started, settings.db)
    if report.failed:
        sys.exit(EXIT_PARTIAL)


def _print_ingest_summary(report: IngestReport, seconds: float, db: str) -> None:
    click.echo(
        f"{report.added} added, {report.already_stored} already stored, "
        f"{report.skipped} skipped, {report.failed} failed ({report.read} read; "
        f"{report.duplicates} wire copies linked) into {db} in {seconds:.1f} s",
        err=True,
    )
    for code, count in report.reasons().items():
        error = ErrorCode.by_code(code)
        label = error.label if error else code
        kind = "skipped" if code in SKIP_CODES else "failed"
        click.echo(f"  {kind}: {count} × {label} [{code}]", err=True)


@main.command()
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@click.pass_obj
def reprocess(settings: Settings, quiet: bool) -> None:
    """Re-run extraction on every stored article from the parse cache, and relink."""
    from saydo.runner import reprocess as run_reprocess
    from saydo.store import Store

    with Store.open(settings.db) as store:
        total = len(store.known_article_ids())
        with ProgressLine("reprocess", total, quiet=quiet) as progress:
            report = run_reprocess(store, settings, progress.advance)
    click.echo(
        f"{report.articles} reprocessed ({report.from_cache} from the parse cache, "
        f"{report.parsed} parsed), {len(report.failures)} failed",
        err=True,
    )
    if report.failures:
        sys.exit(EXIT_PARTIAL)


def _failure_printer(progress: ProgressLine | None = None) -> Callable[[IngestFailure], None]:
    """One line per failed input, above the progress line; skips are only counted."""

    def print_failure(failure: IngestFailure) -> None:
        if failure.code in SKIP_CODES:
            return
        if progress is not None:
            progress.clear()
        click.echo(f"error: {failure.reason}", err=True)

    return print_failure


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--verdict", type=click.Choice(["kept", "contradicted", "disputed", "pending"]))
@click.option("--actor", help="Country code or actor name of the pledging side.")
@click.option("--place", help="A place in the pledge's scope.")
@click.option("--since", type=DateParam(), help="Pledges made on or after this date.")
@click.option("--until", type=DateParam(), help="Pledges made on or before this date.")
@click.pass_obj
def ledger(
    settings: Settings,
    as_json: bool,
    verdict: str | None,
    actor: str | None,
    place: str | None,
    since: date | None,
    until: date | None,
) -> None:
    """Every pledge with its verdict and the evidence for it."""
    from saydo.ledger import LedgerFilter, ledger_rows
    from saydo.store import Store

    filters = LedgerFilter(actor, place, since, until, verdict)
    with Store.open(settings.db) as store:
        rows = ledger_rows(store, filters)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("The ledger is empty: ingest some articles first.")
        return
    for row in rows:
        _print_ledger_row(row)


@main.command()
@click.argument("pledge_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--plot", type=click.Path(dir_okay=False, path_type=Path), help="Write a PNG timeline."
)
@click.pass_obj
def pledge(settings: Settings, pledge_id: str, as_json: bool, plot: Path | None) -> None:
    """One pledge: its verdict, the evidence, the verdict's history and its timeline."""
    from saydo.ledger import pledge_detail
    from saydo.store import Store

    with Store.open(settings.db) as store:
        full = store.resolve_id(pledge_id)
        detail = pledge_detail(store, full) if full else None
    if detail is None:
        error = SaydoError(ErrorCode.UNKNOWN_RECORD, detail=pledge_id)
        click.echo(f"error: {error.one_line()}", err=True)
        sys.exit(EXIT_NOT_FOUND)
    if plot is not None:
        from saydo.plot import plot_timeline

        plot_timeline(detail, plot)
        click.echo(f"timeline written to {plot}", err=True)
    if as_json:
        click.echo(json.dumps(detail, indent=2, ensure_ascii=False))
        return
    _print_ledger_row(detail)
    click.echo("    history:")
    for change in detail["history"]:
        was = change.get("previous_label") or "new"
        click.echo(
            f"      {change['changed_at'][:16]}  {was} -> {change['label']} "
            f"(article {change.get('trigger_article_id') or '?'}): {change['reason']}"
        )
    click.echo("    timeline (day, type, reported by side, count):")
    for item in detail["timeline"]:
        click.echo(
            f"      {item['day']}  {item['type']:9} {item['reporter_side']:12} {item['count']}"
        )


def _print_ledger_row(row: dict[str, Any]) -> None:
    verdict = row["verdict"].upper()
    scope = ", ".join(row["scope_places"]) or "no place"
    click.echo(
        f"{row['made_on'] or '?':10}  {verdict:12}  {row['actor_country'] or '?':4} "
        f"{row['kind']:13} [{scope}]  {row['pledge_id']}"
    )
    click.echo(f"    said: {row['sentence']}")
    click.echo(f"    why:  {row['reason']}")
    for e in row["evidence"]:
        source = e["reported_by"] or "the outlet"
        click.echo(
            f"      {e['relation']:11} {e['event_date'] or '?':10} {e['event_type']:9} "
            f"{e['place'] or '-'}  (reported by {source}, side {e['reporter_side']})"
        )


@main.command()
@click.argument("record_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show(settings: Settings, record_id: str, as_json: bool) -> None:
    """Everything extracted from one article (an id or a unique prefix of one)."""
    from saydo.store import Store

    with Store.open(settings.db) as store:
        full = store.resolve_id(record_id)
        article = store.article(full) if full else None
        if article is None:
            error = SaydoError(ErrorCode.UNKNOWN_RECORD, detail=record_id)
            click.echo(f"error: {error.one_line()}", err=True)
            sys.exit(EXIT_NOT_FOUND)
        extraction = store.extraction(article.id)
    if as_json:
        payload = {"article": to_dict(article), "extraction": to_dict(extraction)}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(
        f"{article.id}  {article.published or '?'}  {article.outlet or ''}  "
        f"{article.title or article.source}"
    )
    click.echo(f"\nStatements ({len(extraction.statements)})")
    for s in extraction.statements:
        who = s.speaker.name if s.speaker else "?"
        click.echo(f"  [{s.kind.value:8}] {who}: {s.content}")
    click.echo(f"\nEvents ({len(extraction.events)})")
    for e in extraction.events:
        actor = (
            e.actor.country if e.actor and e.actor.country else (e.actor.name if e.actor else "?")
        )
        places = ", ".join(p.name for p in e.places) or "-"
        when = e.time.value if e.time else "-"
        source = e.reported_by.name if e.reported_by else "outlet"
        click.echo(
            f"  {e.type.value:9} {e.modality.value:12} {actor:5} {places:28} {when:12} "
            f"per {source}  «{e.trigger}»"
        )
    click.echo(f"\nPledges ({len(extraction.pledges)})")
    for p in extraction.pledges:
        click.echo(
            f"  {p.id} {p.kind.value} by {p.actor.name if p.actor else '?'}: "
            f"{p.event.provenance.sentence}"
        )


@main.command()
@click.argument("query")
@click.option("--kind", type=click.Choice(["article", "statement"]), help="Search only these.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def search(
    settings: Settings, query: str, kind: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """Full-text search over articles and statements; every word must match.

    Words are stemmed ("strikes" finds "strike"); quote marks and operators in QUERY are
    read as words.
    """
    from dataclasses import asdict

    from saydo.store import Store

    with Store.open(settings.db) as store:
        total = store.search_count(query, kind=kind)
        hits = store.search(query, kind=kind, limit=limit, offset=offset)
    if as_json:
        rows = [asdict(hit) for hit in hits]
        click.echo(json.dumps({"total": total, "hits": rows}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{total} match{'es' if total != 1 else ''}")
    for hit in hits:
        click.echo(
            f"{hit.kind:9}  {hit.record_id[:12]:12}  {hit.article_id[:12]:12}  "
            f"{hit.score:5.2f}  {hit.snippet}"
        )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="SAYDO_API_TOKEN", help="Token that write endpoints require.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, token: str | None) -> None:
    """Serve the web UI and the HTTP API (read-only unless a token is set)."""
    from saydo.web import serve as run_server

    click.echo(f"saydo UI at http://{host}:{port}/ledger (API /api/..., OpenAPI /openapi.json)")
    run_server(settings.db, host, port, token)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
)
@click.pass_obj
def export(settings: Settings, fmt: str, output: Path | None) -> None:
    """Export events, statements and the ledger: jsonl csv acled gdelt plover geojson parquet."""
    from saydo.export import ExportError
    from saydo.export import export as run_export
    from saydo.store import Store

    with Store.open(settings.db) as store, ProgressLine(f"export {fmt}", unit="records") as line:
        try:
            if output is not None:
                run_export(store, fmt, output, line.advance)
            elif fmt == "parquet":
                run_export(store, fmt, sys.stdout.buffer, line.advance)
            else:
                run_export(store, fmt, sys.stdout, line.advance)
        except ExportError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(EXIT_USAGE)


@main.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--interval", type=float, default=900.0, show_default=True, help="Seconds between polls."
)
@click.option(
    "--max-polls", type=click.IntRange(min=1), help="Stop after N polls (default: never)."
)
@click.pass_obj
def watch(settings: Settings, feeds_file: Path, interval: float, max_polls: int | None) -> None:
    """Poll the feed URLs listed in FEEDS_FILE and ingest what is new."""
    from saydo.runner import ingest_items
    from saydo.store import Store
    from saydo.watch import watch as run_watch

    with Store.open(settings.db) as store:
        report = run_watch(
            feeds_file,
            store,
            interval,
            lambda articles: ingest_items(articles, store, settings, on_failure=_failure_printer()),
            max_polls,
            on_round=_print_round,
        )
    click.echo(f"{report.new} new, {report.not_modified} unchanged, {report.errors} feed errors")


def _print_round(number: int, report: PollReport) -> None:
    stamp = time.strftime("%H:%M:%S")
    click.echo(
        f"{stamp} poll {number}: {report.new} new, {report.not_modified} unchanged, "
        f"{report.errors} feed errors",
        err=True,
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def duplicates(settings: Settings, as_json: bool) -> None:
    """Groups of near-duplicate articles (wire copies): each original with its copies."""
    from saydo.store import Store

    with Store.open(settings.db) as store:
        groups = store.duplicate_groups()
    if as_json:
        click.echo(json.dumps(groups, indent=2))
        return
    click.echo(f"{len(groups)} duplicate group(s)")
    for original, copies in groups.items():
        click.echo(f"  {original}: {', '.join(copies)}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def errors(settings: Settings, as_json: bool) -> None:
    """Inputs that could not be used, with the reason and when."""
    from saydo.store import Store

    with Store.open(settings.db) as store:
        failures = store.failures()
    if as_json:
        rows = [{**to_dict(f), "failed_at": when.isoformat()} for f, when in failures]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for failure, when in failures:
        click.echo(f"{when:%Y-%m-%d %H:%M}  {failure.code}  {failure.source}: {failure.reason}")
    click.echo(f"{len(failures)} failure(s)", err=True)


@main.group(name="eval")
def evaluate() -> None:
    """Score saydo against gold data."""


@evaluate.command(name="gold")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_gold(settings: Settings, files: tuple[Path, ...], as_json: bool) -> None:
    """Precision, recall and F1 per section against gold files (saydo's gold format)."""
    from saydo.evaluation.gold import evaluate_gold

    with ProgressLine("eval gold") as progress:
        result = evaluate_gold(files, _counted(progress, settings))
    metrics = result.metrics()
    if as_json:
        click.echo(json.dumps({"suite": "gold", "n": result.files, "metrics": metrics}, indent=2))
        return
    click.echo(f"gold files: {result.files}")
    for section in ("quotes", "events", "pledges"):
        click.echo(
            f"  {section:8} P {metrics[section + '_precision']:.3f}  "
            f"R {metrics[section + '_recall']:.3f}  "
            f"F1 {metrics[section + '_f1']:.3f}"
        )
    click.echo(
        f"  quotes content F1 {metrics['quotes_content_f1']:.3f}   "
        f"speaker accuracy {metrics['quotes_speaker_acc']:.3f}"
    )
    click.echo(f"  verdict accuracy {metrics['verdict_acc']:.3f}")


@evaluate.command(name="pledges")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--together", is_flag=True, help="Link the articles of all gold files with each other."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_pledges(
    settings: Settings, paths: tuple[Path, ...], together: bool, as_json: bool
) -> None:
    """Verdict accuracy and evidence recall against gold files (saydo's gold format)."""
    from saydo.evaluation.pledges import evaluate_pledges, format_report

    with ProgressLine("eval pledges") as progress:
        result = evaluate_pledges(paths, _counted(progress, settings), together=together)
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else format_report(result))


@evaluate.command(name="truces")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def eval_truces(settings: Settings, path: Path, as_json: bool) -> None:
    """Local ceasefires: does each announcement give a pledge, and its recorded outcome?

    PATH holds one announced truce a row, as JSON Lines or a JSON array (`announcement`,
    `date`, `outcomes` as [[text, date], ...], `expected`) or as CSV/TSV (columns
    announcement or statement, date, outcome or report, outcome_date, outcome_2 ...,
    expected, status or label). Dates ISO or "5 March 2022". Outcome labels: kept,
    contradicted, disputed, pending, or plain words for them (held, failed, violated
    ...); empty or "unknown" when the outcome is not known.
    """
    from saydo.evaluation.pledges import format_truce_table, load_truce_table, score_truce_table

    rows = load_truce_table(path)
    with ProgressLine("eval truces", unit="rows") as progress:
        result = score_truce_table(rows, _counted(progress, settings))
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else format_truce_table(result))


def _counted(progress: ProgressLine, settings: Settings) -> Callable[[Article], Extraction]:
    """extract_article, advancing a progress line once per article."""
    from saydo.runner import extract_article

    def extract(article: Article) -> Extraction:
        extraction = extract_article(article, settings)
        progress.advance()
        return extraction

    return extract


def _report(result: dict[str, Any], as_json: bool, text: str) -> None:
    click.echo(json.dumps(result, indent=2) if as_json else text)


@evaluate.command(name="events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gsr", "acled", "cameo"]),
    help="The gold's format (default: read from the file).",
)
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_events(path: Path, fmt: str | None, limit: int | None, as_json: bool) -> None:
    """Event coding against gold: PLOVER GSR JSON, ACLED CSV (notes + event_type), or
    CAMEO-coded sentences (CSV/TSV/JSON Lines with a CAMEO code column)."""
    from saydo.evaluation.event_formats import evaluate_events, format_events_report

    with ProgressLine("eval events", unit="records") as progress:
        result = evaluate_events(path, fmt=fmt, limit=limit, progress=progress)
    _report(result, as_json, format_events_report(result))


@evaluate.command(name="quotes")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Score only the first N articles.")
@click.option("--baseline", type=click.Choice(["textacy"]), help="Score a baseline beside saydo.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_quotes(directory: Path, limit: int | None, baseline: str | None, as_json: bool) -> None:
    """Statements against PolNeAR-format data (text/*.txt + brat attributions/*.ann)."""
    from saydo.evaluation.polnear import evaluate_polnear_systems, format_report

    systems = ("saydo", baseline) if baseline else ("saydo",)
    with ProgressLine("eval quotes (parse)", unit="texts") as progress:
        results = evaluate_polnear_systems(
            directory, limit=limit, systems=systems, progress=progress
        )
    if as_json:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, indent=2))
        return
    click.echo(format_report(results))


@evaluate.command(name="places")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Score only the first N articles.")
@click.option(
    "--baseline", type=click.Choice(["population"]), help="Score a baseline beside saydo."
)
@click.option(
    "--part",
    type=PartParam(),
    help="Score only articles at positions K mod N (K/N), e.g. 1/2 for a held-out half.",
)
@click.option(
    "--outlet-prior",
    is_flag=True,
    help="Also read each article in the light of its outlet's other articles "
    "(not yet used by ingest).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_places(
    path: Path,
    limit: int | None,
    baseline: str | None,
    part: tuple[int, int] | None,
    outlet_prior: bool,
    as_json: bool,
) -> None:
    """Toponym resolution on geoparsing corpora in LGL's XML format."""
    from saydo.evaluation.places import evaluate_places, format_report

    with ProgressLine("eval places") as progress:
        results = [
            evaluate_places(path, limit=limit, part=part, outlets=outlet_prior, progress=progress)
        ]
    if baseline:
        results.append(evaluate_places(path, baseline=baseline, limit=limit, part=part))
    if as_json:
        click.echo(json.dumps(results[0] if len(results) == 1 else results, indent=2))
        return
    click.echo(format_report(results))


@evaluate.command(name="times")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_times(directory: Path, limit: int | None, as_json: bool) -> None:
    """Temporal expressions on TimeML files, scored as TempEval-3 does."""
    from saydo.evaluation.times import evaluate_times, format_report

    with ProgressLine("eval times", unit="documents") as progress:
        result = evaluate_times(directory, limit=limit, progress=progress)
    _report(result, as_json, format_report([result]))


def run() -> None:  # pragma: no cover - console entry for `python -m saydo`
    try:
        main(standalone_mode=True)
    except SaydoError as error:
        click.echo(f"error: {error.one_line()}", err=True)
        sys.exit(2)
