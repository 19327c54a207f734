"""The CLI end to end on real files: a real SQLite file, the real model, no mocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saydo.cli import EXIT_NOT_FOUND, EXIT_PARTIAL, main


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory, defining_article: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "saydo.db"
    code, _, err = run(db, "ingest", "-q", str(defining_article))
    assert code == 0, err
    return db


def test_defining_article_gives_a_contradicted_pledge_and_a_pending_offer(ledger_db: Path) -> None:
    code, out, _ = run(ledger_db, "ledger", "--json")
    assert code == 0
    rows = json.loads(out)
    by_side = {(r["actor_country"], r["verdict"]) for r in rows}
    assert ("RUS", "contradicted") in by_side
    assert ("UKR", "pending") in by_side
    [pledge] = [r for r in rows if r["actor_country"] == "RUS"]
    assert pledge["made_on"] == "2022-03-29"
    assert {"Kyiv", "Chernihiv"} <= set(pledge["scope_places"])
    strikes = [e for e in pledge["evidence"] if e["reported_by"] == "local officials"]
    assert strikes, pledge["evidence"]
    assert strikes[0]["reporter_side"] == "UKR"
    assert "Chernihiv" in strikes[0]["place"]
    assert strikes[0]["relation"] == "contradicts"


def test_reingesting_is_a_no_op(ledger_db: Path, defining_article: Path) -> None:
    code, _, err = run(ledger_db, "ingest", "-q", str(defining_article))
    assert code == 0
    assert "0 added, 1 already stored" in err


def test_show_prints_the_records_of_one_article(ledger_db: Path) -> None:
    code, out, _ = run(ledger_db, "ledger", "--json")
    article_id = json.loads(out)[0]["article_id"]
    code, out, _ = run(ledger_db, "show", article_id[:8], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["article"]["outlet"] == "ITV News"
    speakers = {s["speaker"]["name"] for s in shown["extraction"]["statements"] if s["speaker"]}
    assert "Volodymyr Zelenskyy" in speakers


def test_show_of_an_unknown_id_exits_with_not_found(ledger_db: Path) -> None:
    code, _, err = run(ledger_db, "show", "no-such-id")
    assert code == EXIT_NOT_FOUND
    assert "no-such-id" in err


def test_bad_inputs_each_get_one_line_and_cost_no_other_record(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inbox / "empty.txt").write_text("")
    (inbox / "latin1.txt").write_bytes("Les forces russes ont frappé Kharkiv.".encode("latin-1"))
    (inbox / "baddate.txt").write_text(
        "Russian forces shelled Kharkiv overnight, officials said.\n"
    )
    (inbox / "baddate.meta.json").write_text(json.dumps({"published": "the 31st of Smarch"}))
    good = "Ukrainian officials said Russian forces shelled Kharkiv overnight.\n"
    (inbox / "good.txt").write_text(good)
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("not an article")
    db = tmp_path / "s.db"
    code, _, err = run(db, "ingest", "-q", str(inbox), str(unknown))
    assert code == EXIT_PARTIAL
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    for name in ("binary.txt", "empty.txt", "latin1.txt", "baddate.meta.json", "notes.xyz"):
        assert sum(name in line for line in error_lines) == 1, (name, error_lines)
    assert "1 added" in err
    code, out, _ = run(db, "errors", "--json")
    assert len(json.loads(out)) == 5


def test_ingest_ends_with_skips_and_failures_counted_by_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "polski.txt").write_text(
        "Rosyjskie wojska ostrzelały w nocy Charków, poinformowali miejscowi urzędnicy. "
        "Mieszkańcy schronili się w piwnicach i na stacjach metra.\n"
    )
    (inbox / "empty.txt").write_text("")
    (inbox / "good.txt").write_text("Ukrainian officials said Russian forces shelled Kharkiv.\n")
    monkeypatch.setenv("SAYDO_PROGRESS", "1")
    code, _, err = run(tmp_path / "s.db", "ingest", str(inbox))
    assert code == EXIT_PARTIAL  # the empty file failed; the Polish one was only skipped
    assert "1 added" in err
    assert "1 skipped" in err
    assert "1 failed" in err
    assert "skipped: 1 × not English [E017]" in err
    assert "failed: 1 × the input is empty [E001]" in err
    assert not any(line.startswith("error:") and "polski" in line for line in err.splitlines())
    assert "ingest 3 articles" in err  # the progress line, with its rate
    assert "/s" in err


def test_the_fixes_that_errors_name_are_options_of_ingest(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(
        "Ukrainian officials said Russian forces shelled Kharkiv, café.\n".encode("latin-1")
    )
    db = tmp_path / "s.db"
    code, _, err = run(db, "ingest", "-q", str(latin1))
    assert code == EXIT_PARTIAL
    assert "--encoding" in err
    code, _, err = run(db, "ingest", "-q", "--encoding", "latin-1", str(latin1))
    assert code == 0
    assert "1 added" in err
    big = tmp_path / "big.txt"
    big.write_text("Russian forces shelled Kharkiv overnight, officials said.\n" * 20)
    code, _, err = run(db, "ingest", "-q", "--max-bytes", "100", str(big))
    assert code == EXIT_PARTIAL
    assert "[E007]" in err
    assert "--max-bytes" in err
    code, _, err = run(db, "ingest", "-q", "--max-article-chars", "50", str(big))
    assert code == EXIT_PARTIAL
    assert "[E015]" in err


def test_pledge_page_with_timeline_picture(ledger_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(ledger_db, "ledger", "--json", "--actor", "RUS", "--verdict", "contradicted")
    assert code == 0
    [row] = json.loads(out)
    picture = tmp_path / "timeline.png"
    code, out, _ = run(ledger_db, "pledge", row["pledge_id"][:10], "--json", "--plot", str(picture))
    assert code == 0
    detail = json.loads(out)
    assert detail["history"][0]["label"] == "contradicted"
    assert any(item["reporter_side"] == "UKR" for item in detail["timeline"])
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ledger_filters_narrow_the_rows(ledger_db: Path) -> None:
    _, everything, _ = run(ledger_db, "ledger", "--json")
    _, kyiv, _ = run(ledger_db, "ledger", "--json", "--place", "Kyiv")
    _, later, _ = run(ledger_db, "ledger", "--json", "--since", "2022-04-01")
    assert len(json.loads(everything)) == 2
    assert [r["actor_country"] for r in json.loads(kyiv)] == ["RUS"]
    assert json.loads(later) == []


def test_export_formats_match_the_exporter_and_write_files(ledger_db: Path, tmp_path: Path) -> None:
    from saydo.cli import EXPORT_FORMATS
    from saydo.export import FORMATS

    assert EXPORT_FORMATS == FORMATS
    out = tmp_path / "events.geojson"
    code, _, err = run(ledger_db, "export", "geojson", "-o", str(out))
    assert code == 0, err
    collection = json.loads(out.read_text())
    assert collection["type"] == "FeatureCollection"
    assert any(f["geometry"] for f in collection["features"])


def test_eval_pledges_scores_verdicts_and_evidence(shared_data: Path, tmp_path: Path) -> None:
    code, out, err = run(
        tmp_path / "unused.db", "eval", "pledges", str(shared_data / "gold"), "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["suite"] == "pledges"
    assert result["counts"]["gold_pledges"] >= 2
    assert set(result["metrics"]) >= {"verdict_acc", "evidence_recall", "pledges_f1"}
    assert 0.0 <= result["metrics"]["evidence_recall"] <= 1.0


def test_search_finds_words_in_articles_and_statements(ledger_db: Path) -> None:
    code, out, err = run(ledger_db, "search", "Chernihiv", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["total"] >= 1
    assert {hit["kind"] for hit in found["hits"]} <= {"article", "statement"}
    assert all("«" in hit["snippet"] for hit in found["hits"])
    code, out, _ = run(ledger_db, "search", "Chernihiv", "--kind", "statement")
    assert code == 0
    assert out.splitlines()[0].endswith(("match", "matches"))
    # Operators and stray quote marks are words, never a syntax error.
    code, out, _ = run(ledger_db, "search", 'AND( "Kyiv NEAR', "--json")
    assert code == 0
    assert json.loads(out)["total"] >= 0
    code, out, _ = run(ledger_db, "search", "zzzqqqxxx")
    assert code == 0
    assert out.startswith("0 matches")


def test_help_lists_every_command_once_under_a_heading(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path / "unused.db", "--help")
    assert code == 0
    for heading in ("Read news:", "Read the ledger:", "Share:", "Measure:", "Exit codes"):
        assert heading in out
    listed = [
        line.split()[0]
        for line in out.splitlines()
        if line.startswith("  ") and line[2:3].isalpha()
    ]
    for name in main.commands:
        assert listed.count(name) == 1, (name, listed)


def test_eval_truces_scores_a_table_of_announcements(tmp_path: Path) -> None:
    table = Path(__file__).parent / "extract" / "data" / "truce_outcomes.jsonl"
    code, out, err = run(tmp_path / "unused.db", "eval", "truces", str(table), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["known"] <= result["rows"]
    assert 0 <= result["reached"] <= result["pledged"] <= result["known"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"announcement": 3}\n')
    code, _, err = run(tmp_path / "unused.db", "eval", "truces", str(bad))
    assert code != 0
    assert "bad.jsonl:1" in err
