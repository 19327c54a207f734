"""One line of progress on stderr: a count, a bar when the total is known, a rate.

Long commands report through this so that a reader always sees how far a run is and
how fast it goes. It draws only on a terminal (or when ``SAYDO_PROGRESS=1`` asks for it,
as in logs and tests), and redraws at most a few times a second so that it costs
nothing next to the work it counts.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import TextIO

BAR_WIDTH = 24
REDRAW_SECONDS = 0.2


def _wanted(stream: TextIO) -> bool:
    forced = os.environ.get("SAYDO_PROGRESS")
    if forced is not None:
        return forced not in ("", "0")
    return stream.isatty()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressLine:
    """Counts items as they are done and draws ``label [####    ] 40/100 12.3/s``."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        unit: str = "articles",
        quiet: bool = False,
        stream: TextIO | None = None,
    ) -> None:
        self.label = label
        self.total = total
        self.unit = unit
        self.count = 0
        self.stream = stream if stream is not None else sys.stderr
        self.show = not quiet and _wanted(self.stream)
        self.started = time.monotonic()
        self._drawn_at = 0.0

    def start(self, total: int | None) -> None:
        """Set the total once a command knows it (after listing its inputs)."""
        self.total = total
        self.started = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.show and now - self._drawn_at >= REDRAW_SECONDS:
            self._drawn_at = now
            self._draw(now)

    def rate(self) -> float:
        return self.count / max(time.monotonic() - self.started, 1e-6)

    def render(self, now: float | None = None) -> str:
        elapsed = (now if now is not None else time.monotonic()) - self.started
        rate = self.count / max(elapsed, 1e-6)
        parts = [self.label]
        if self.total:
            done = min(self.count / self.total, 1.0)
            filled = round(done * BAR_WIDTH)
            parts.append(f"[{'#' * filled}{' ' * (BAR_WIDTH - filled)}]")
            parts.append(f"{self.count}/{self.total} {self.unit}")
        else:
            parts.append(f"{self.count} {self.unit}")
        parts.append(f"{rate:.1f}/s")
        if self.total and rate > 0 and self.count < self.total:
            parts.append(f"ETA {_duration((self.total - self.count) / rate)}")
        else:
            parts.append(_duration(elapsed))
        return " ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.render(now) + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the line so that a message can be printed; the next advance redraws it."""
        if self.show:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn_at = 0.0

    def close(self) -> None:
        if self.show:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
            self.show = False

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
