"""Bad input: every case becomes one IngestFailure with its code, and reading goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from saydo.domain import Article, IngestFailure
from saydo.errors import ErrorCode
from saydo.ingest import IngestOptions, read_sources

Outcome = Article | IngestFailure
GOOD = "Russia said it would scale back operations near Kyiv.\n"


def read(*paths: str | Path, **options: object) -> list[Outcome]:
    return list(read_sources(paths, IngestOptions(**options)))  # type: ignore[arg-type]


def only_failure(outcomes: list[Outcome]) -> IngestFailure:
    assert len(outcomes) == 1, outcomes
    [failure] = outcomes
    assert isinstance(failure, IngestFailure), failure
    # The reason is the one line a user sees: it names the input, the code and the fix.
    assert failure.reason.startswith(f"{failure.source}: ")
    assert f"[{failure.code}]" in failure.reason
    assert "(fix: " in failure.reason
    return failure


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", ErrorCode.EMPTY_INPUT),
        ("blank.txt", b" \n\t\r\n  ", ErrorCode.EMPTY_INPUT),
        ("bom-only.txt", b"\xef\xbb\xbf\n", ErrorCode.EMPTY_INPUT),
        ("empty.csv", b"", ErrorCode.EMPTY_INPUT),
        ("empty.json", b"\n", ErrorCode.EMPTY_INPUT),
        ("empty.html", b"", ErrorCode.EMPTY_INPUT),
        ("nul.txt", b"text\x00more text", ErrorCode.BINARY_INPUT),
        ("controls.txt", bytes(range(1, 8)) * 4 + b"some text", ErrorCode.BINARY_INPUT),
        ("png.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrorCode.BINARY_INPUT),
        ("latin1.txt", "Kyiv café".encode("latin-1"), ErrorCode.BAD_ENCODING),
        ("utf16.txt", "Kyiv".encode("utf-16"), ErrorCode.BAD_ENCODING),
        ("story.docx", GOOD, ErrorCode.UNKNOWN_FORMAT),
        ("README", GOOD, ErrorCode.UNKNOWN_FORMAT),
        ("broken.json", '{"text": "unterminated', ErrorCode.MALFORMED),
        ("scalar.json", "42", ErrorCode.MALFORMED),
        ("empty-array.json", "[]", ErrorCode.EMPTY_INPUT),
        ("no-text.json", '{"title": "only a title"}', ErrorCode.NO_TEXT),
        ("blank-text.json", '{"text": "   "}', ErrorCode.NO_TEXT),
        ("number-text.json", '{"text": 12}', ErrorCode.MALFORMED),
        ("list-title.json", '{"text": "t", "title": ["a"]}', ErrorCode.MALFORMED),
        ("number-date.json", '{"text": "t", "date": 1648634400}', ErrorCode.BAD_DATE),
        ("bad-date.json", '{"text": "t", "published": "30/03/2022"}', ErrorCode.BAD_DATE),
        ("deep.json", "[" * 100_000 + "]" * 100_000, ErrorCode.MALFORMED),
        ("header-only.csv", "title,text\n", ErrorCode.EMPTY_INPUT),
        ("no-text-column.csv", "title,date\nA,2022-03-30\n", ErrorCode.MISSING_COLUMN),
    ],
)
def test_each_bad_input_is_one_failure(
    tmp_path: Path, name: str, data: bytes | str, error: ErrorCode
) -> None:
    path = write(tmp_path, name, data)
    failure = only_failure(read(path))
    assert (failure.source, failure.code) == (str(path), error.code)


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"Kyiv caf\xe9 and more")
    failure = only_failure(read(path))
    assert failure.code == ErrorCode.BAD_ENCODING.code
    assert "byte 0xe9 at offset 8" in failure.reason


def test_unknown_encoding_option(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", GOOD)
    failure = only_failure(read(path, encoding="no-such-codec"))
    assert failure.code == ErrorCode.BAD_ENCODING.code
    assert "no-such-codec" in failure.reason


def test_unknown_forced_format(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", GOOD)
    failure = only_failure(read(path, format="docx"))
    assert failure.code == ErrorCode.UNKNOWN_FORMAT.code
    assert "'docx'" in failure.reason


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    failure = only_failure(read(path))
    assert (failure.source, failure.code) == (str(path), ErrorCode.NOT_FOUND.code)


def test_file_over_the_byte_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 101)
    failure = only_failure(read(path, max_file_bytes=100))
    assert failure.code == ErrorCode.TOO_LARGE.code
    assert "101 bytes, limit 100" in failure.reason
    assert read(path, max_file_bytes=101)[0].source == str(path)


def test_article_over_the_character_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.jsonl", '{"text": "12345"}\n{"text": "123456"}\n')
    result = read(path, max_article_chars=5)
    assert isinstance(result[0], Article)
    failure = result[1]
    assert isinstance(failure, IngestFailure)
    assert (failure.source, failure.code) == (f"{path}#line=2", ErrorCode.ARTICLE_TOO_LONG.code)
    assert "6 characters, limit 5" in failure.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", GOOD)
    path.chmod(0)
    try:
        failure = only_failure(read(path))
    finally:
        path.chmod(0o600)
    assert failure.code == ErrorCode.UNREADABLE.code


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_read_error_is_unreadable() -> None:
    # Reading /proc/self/mem from offset 0 fails with EIO, even for root.
    failure = only_failure(read("/proc/self/mem", format="txt"))
    assert (failure.source, failure.code) == ("/proc/self/mem", ErrorCode.UNREADABLE.code)


# -- sidecars ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sidecar", "error"),
    [
        ('{"published": "the 30th"}', ErrorCode.BAD_DATE),
        ('{"published": "2022-03-30"', ErrorCode.MALFORMED),
        ('["2022-03-30"]', ErrorCode.MALFORMED),
        ('{"title": 7}', ErrorCode.MALFORMED),
        (b"\xff\xfe", ErrorCode.BAD_ENCODING),
        ("", ErrorCode.EMPTY_INPUT),
    ],
)
def test_a_bad_sidecar_fails_its_article_and_names_the_sidecar(
    tmp_path: Path, sidecar: str | bytes, error: ErrorCode
) -> None:
    path = write(tmp_path, "story.txt", GOOD)
    meta = write(tmp_path, "story.meta.json", sidecar)
    failure = only_failure(read(path))
    assert (failure.source, failure.code) == (str(meta), error.code)


# -- CSV column mapping --------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"text_column": "content"},
        {"date_column": "published"},
        {"title_column": "headline"},
        {"url_column": "link"},
        {"outlet_column": "site"},
    ],
)
def test_csv_named_column_missing_fails_the_file(tmp_path: Path, options: dict[str, str]) -> None:
    path = write(tmp_path, "a.csv", "title,date,body\nT,2022-03-30,Text.\n")
    failure = only_failure(read(path, **options))
    assert (failure.source, failure.code) == (str(path), ErrorCode.MISSING_COLUMN.code)
    assert repr(next(iter(options.values()))) in failure.reason


def test_json_named_text_field_missing_fails_the_record(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{"body": GOOD}, {"story": GOOD}]))
    result = read(path, text_column="story")
    assert [(o.source, getattr(o, "code", None)) for o in result] == [
        (f"{path}#item=0", ErrorCode.MISSING_COLUMN.code),
        (f"{path}#item=1", None),
    ]


def test_csv_unterminated_quote_fails_its_row(tmp_path: Path) -> None:
    # The quote swallows the rest of the file into one field: one field short.
    path = write(tmp_path, "a.csv", 'title,text\nA,ok\n"B,never closed\nC,lost\n')
    result = read(path)
    assert [(o.source, getattr(o, "code", None)) for o in result] == [
        (f"{path}#row=1", None),
        (f"{path}#row=2", ErrorCode.MALFORMED.code),
    ]


def test_nul_in_a_wide_encoding_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "text\x00more".encode("utf-16"))
    failure = only_failure(read(path, encoding="utf-16"))
    assert failure.code == ErrorCode.BINARY_INPUT.code
    assert [
        type(o) for o in read(write(tmp_path, "b.txt", "fine".encode("utf-16")), encoding="utf-16")
    ] == [Article]


# -- reading goes on -------------------------------------------------------------


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "1-good.txt", GOOD)
    write(tmp_path, "2-binary.txt", b"\x00\x01\x02")
    write(tmp_path, "3-broken.json", "{")
    write(tmp_path, "4-empty.csv", "")
    write(tmp_path, "5-good.json", json.dumps({"text": GOOD + "more"}))
    missing = tmp_path / "6-missing.txt"
    result = read(tmp_path, missing, tmp_path / "1-good.txt")
    assert [getattr(o, "code", "article") for o in result] == [
        "article",
        ErrorCode.BINARY_INPUT.code,
        ErrorCode.MALFORMED.code,
        ErrorCode.EMPTY_INPUT.code,
        "article",
        ErrorCode.NOT_FOUND.code,
        "article",
    ]


def test_unknown_formats_in_a_folder_are_passed_over(tmp_path: Path) -> None:
    # A folder is a collection: its README and PDFs are not articles that failed.
    # Named on its own, the same file is a failure.
    write(tmp_path, "README.md", "# Notes\n")
    write(tmp_path, "scan.pdf", b"%PDF-1.7")
    story = write(tmp_path, "story.txt", GOOD)
    assert [o.source for o in read(tmp_path)] == [str(story)]
    failure = only_failure(read(tmp_path / "README.md"))
    assert failure.code == ErrorCode.UNKNOWN_FORMAT.code
    # With --format, the user says every file is of that format.
    forced = read(tmp_path, format="txt")
    assert [o.source for o in forced] == [
        str(tmp_path / n) for n in ("README.md", "scan.pdf", "story.txt")
    ]


def test_symlink_loop_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [o.source for o in read(tmp_path)] == [str(tmp_path / "a.txt")]


def test_broken_symlink_is_not_found(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never.txt")
    failure = only_failure(read(link))
    assert failure.code == ErrorCode.NOT_FOUND.code
