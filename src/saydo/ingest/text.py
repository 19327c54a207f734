"""From the bytes of an input to the text the rest of saydo indexes into.

Downstream records carry character offsets into ``Article.text``, so the only changes
made here are the ones that make the same article read the same on every platform:
a leading byte-order mark goes and line endings become ``\\n``. Nothing else is
trimmed, folded or re-encoded.
"""

from __future__ import annotations

import codecs

from saydo.errors import ErrorCode, SaydoError

# Bytes that do not occur in text: C0 controls other than tab, newlines, vertical
# tab, form feed and carriage return, and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)
# Above this share of control bytes an input is binary, even without NULs; text
# with a stray escape or two stays well below it.
_CONTROL_RATIO = 0.05
BOM = "\ufeff"


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """The normalised text of an input, or a :class:`SaydoError` saying why not."""
    if not data:
        raise SaydoError(ErrorCode.EMPTY_INPUT, source)
    codec = _codec_name(encoding, source)
    wide = codec.startswith(("utf-16", "utf-32"))
    if not wide:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Without this, a Word export in UTF-16 would be called binary for its NULs.
            detail = "a UTF-16 or UTF-32 byte-order mark at offset 0"
            raise SaydoError(ErrorCode.BAD_ENCODING, source, detail)
        # Checked before decoding, so that a PNG is called binary, not bad UTF-8.
        _reject_binary_bytes(data, source)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SaydoError(ErrorCode.BAD_ENCODING, source, _where(exc, codec)) from exc
    if wide:
        # Wide encodings are full of NUL bytes by design: check the characters instead.
        _reject_binary_text(text, source)
    text = normalise(text)
    if not text.strip():
        raise SaydoError(ErrorCode.EMPTY_INPUT, source)
    return text


def normalise(text: str) -> str:
    """Drop a leading BOM and make every line end with ``\\n``."""
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _codec_name(encoding: str, source: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise SaydoError(ErrorCode.BAD_ENCODING, source, f"unknown encoding {encoding!r}") from exc


def _reject_binary_bytes(data: bytes, source: str) -> None:
    # translate deletes in C; a Python loop over 200 MB would not do.
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    _judge(data.find(b"\x00"), controls, len(data), source)


def _reject_binary_text(text: str, source: str) -> None:
    controls = len(text) - len(text.translate(_CONTROL_CHARS))
    _judge(text.find("\x00"), controls, len(text), source)


def _judge(nul: int, controls: int, length: int, source: str) -> None:
    if nul >= 0:
        raise SaydoError(ErrorCode.BINARY_INPUT, source, f"NUL at offset {nul}")
    if length and controls / length > _CONTROL_RATIO:
        share = f"{controls} of {length} are control characters"
        raise SaydoError(ErrorCode.BINARY_INPUT, source, share)


def _where(exc: UnicodeDecodeError, codec: str) -> str:
    bad = exc.object[exc.start : exc.start + 1].hex()
    prefix = "" if codec == "utf-8" else f"{codec}: "
    return f"{prefix}byte 0x{bad} at offset {exc.start}"
