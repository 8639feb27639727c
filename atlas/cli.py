"""Command line: `python -m atlas validate [DATA_DIR]` and `python -m atlas stats [--json]`."""

import argparse
import json
import sys
from pathlib import Path

from atlas.load import load_dataset, validate
from atlas.paths import data_dir
from atlas.problems import DataError
from atlas.stats import stats


def _validate(args: argparse.Namespace) -> int:
    problems = validate(args.data_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(f"{args.data_dir}: valid")
    return 0


def _stats(args: argparse.Namespace) -> int:
    try:
        figures = stats(load_dataset(args.data_dir))
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        width = max(map(len, figures))
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m atlas", description="Sovereign AI Atlas data tools")
    commands = root.add_subparsers(dest="command", required=True)
    v = commands.add_parser("validate", help="check a data directory against data/datapackage.json")
    v.add_argument("data_dir", nargs="?", type=Path, default=data_dir())
    v.set_defaults(run=_validate)
    s = commands.add_parser("stats", help="print the dataset's counts and as-of date")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--data-dir", type=Path, default=data_dir())
    s.set_defaults(run=_stats)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
