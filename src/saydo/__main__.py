"""``python -m saydo``: the same as the ``saydo`` command."""

from saydo.cli import run

run()
