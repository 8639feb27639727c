"""`python -m atlas`: the composition root, the one place where the core meets the figure builders."""

import sys

from atlas.cli import main


def run(argv: list[str] | None = None) -> int:
    """The CLI with the HTML report writer from `figures/` plugged in."""
    from figures.report import write_report

    return main(argv, report_writer=write_report)


if __name__ == "__main__":
    sys.exit(run())
