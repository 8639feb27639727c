"""Command line: `python -m atlas validate|stats|export|report|add|lint|changes`; see `python -m atlas --help`."""

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from atlas.load import Dataset, load_dataset, validate_with_warnings
from atlas.paths import data_dir
from atlas.problems import DataError, printable
from atlas.stats import stats


def _validate(args: argparse.Namespace) -> int:
    problems, warnings = validate_with_warnings(args.data_dir, warn=not args.no_warnings)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem)
    if problems:
        print(printable(f"{len(problems)} problem(s) in {args.data_dir}"), file=sys.stderr)
        return 1
    print(printable(f"{args.data_dir}: valid"))
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


def _load_with_data(args: argparse.Namespace) -> Dataset | None:
    """The dataset for a command that needs claims, or None after printing why it cannot run."""
    try:
        ds = load_dataset(args.data_dir)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None
    if ds.is_empty:
        print(
            printable(f"{args.data_dir}: valid but holds no claims; there is nothing to {args.command}"),
            file=sys.stderr,
        )
        return None
    return ds


def _totals(args: argparse.Namespace) -> int:
    from atlas.totals import totals
    from atlas.urlstate import filters_from_query

    ds = _load_with_data(args)
    if ds is None:
        return 1
    filters, notices = filters_from_query(ds, args.query)
    for notice in notices:
        print(printable(f"notice: {notice}"), file=sys.stderr)
    figures = totals(ds, filters)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(f"as of {figures['as_of']}; totals add stages: {', '.join(figures['counted_stages'])}")
    metrics = list(figures["units"])
    print(f"{'stage':<22}{'sites':>7}" + "".join(f"{m:>18}" for m in metrics))
    for stage, row in figures["europe"]["by_stage"].items():
        print(f"{stage:<22}{row['sites']:>7}" + _cells(row, metrics))
    print(
        f"{'TOTAL (counted stages)':<22}{figures['europe']['counted_sites']:>7}"
        + _cells(figures["europe"]["totals"], metrics)
    )
    return 0


def _cells(row: dict, metrics: list[str]) -> str:
    return "".join(f"{'' if row[m] is None else f'{row[m]:,.0f}':>18}" for m in metrics)


def _export(args: argparse.Namespace) -> int:
    from atlas.package import build_zip

    ds = _load_with_data(args)
    if ds is None:
        return 1
    path = build_zip(args.zip, ds)
    print(printable(f"wrote {path} ({path.stat().st_size:,} bytes)"))
    return 0


def _report(args: argparse.Namespace) -> int:
    # The report is drawn by figures/ (the layer above the core); `python -m atlas` hands its writer in.
    write_report = args.report_writer
    if write_report is None:
        print("error: report needs a report writer: run it as `python -m atlas report`", file=sys.stderr)
        return 2
    ds = _load_with_data(args)
    if ds is None:
        return 1
    result = write_report(ds, args.out, args.query)
    for notice in result.notices:
        print(printable(f"notice: {notice}"), file=sys.stderr)
    print(printable(f"wrote {result.path} ({result.bytes:,} bytes in {result.seconds:.2f} s)"))
    return 0


def _add(args: argparse.Namespace) -> int:
    from atlas import curate
    from atlas.curate_cli import fields_of

    try:
        fields = fields_of(args)
        ledger = curate.Ledger.read(args.data_dir)
        today = date.today()
        if args.add_kind == "source":
            plan, _ = curate.plan_source(ledger, fields, today, args.prefix)
        else:
            plan = curate.PLANNERS[args.add_kind](ledger, fields, today, args.prefix)
        result = curate.commit(ledger, plan, today, dry_run=args.dry_run)
    except curate.CurationError as exc:
        print(f"refused; nothing written to {args.data_dir}:", file=sys.stderr)
        for reason in exc.reasons:
            print(f"  {reason}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"note: {note}")
    if not result.texts:
        print("nothing to write")
        return 0
    print(result.diff, end="")
    verb = "would write" if args.dry_run else "wrote"
    print(f"{verb} {', '.join(result.texts)} in {args.data_dir}; the dataset validates")
    return 0


def _lint(args: argparse.Namespace) -> int:
    from atlas.lint import CHECKS, lint

    try:
        warnings = lint(load_dataset(args.data_dir))
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    for check, title in CHECKS.items():
        found = [w for w in warnings if w.check == check]
        print(f"{title}: {len(found)}")
        for warning in found:
            print(f"  {warning}")
    print(f"{len(warnings)} warning(s) in {args.data_dir}")
    return 0


def _changes(args: argparse.Namespace) -> int:
    from atlas.changes import KINDS, changes, summary, to_records

    try:
        ds = load_dataset(args.data_dir)
        frame = changes(ds, args.since, args.until)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"since": args.since, "until": args.until, "changes": to_records(frame)}, indent=2))
        return 0
    counts = summary(frame)
    print(", ".join(f"{KINDS[k].lower()}: {n}" for k, n in counts.items()))
    for row in to_records(frame):
        what = " ".join(str(row[k]) for k in ("subject", "metric") if row[k])
        old = f"{row['old_value']} ({row['old_claim_id']}) -> " if row["old_value"] else ""
        cited = row["claim_id"] or row["source_id"]
        print(f"{row['date']}  {KINDS[row['change']]:<15} {what}: {old}{row['new_value']} [{cited}]")
    return 0


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m atlas", description="Sovereign AI Atlas data tools")
    commands = root.add_subparsers(dest="command", required=True)
    v = commands.add_parser("validate", help="check a data directory against data/datapackage.json")
    v.add_argument("data_dir", nargs="?", type=Path, default=data_dir())
    v.add_argument("--no-warnings", action="store_true", help="print errors only, not judgement-call warnings")
    v.set_defaults(run=_validate)
    s = commands.add_parser("stats", help="print the dataset's counts and as-of date")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--data-dir", type=Path, default=data_dir())
    s.set_defaults(run=_stats)
    t = commands.add_parser("totals", help="print Europe and per-country totals by stage (the dashboard's numbers)")
    t.add_argument("--json", action="store_true", help="print JSON (schema in README.md)")
    t.add_argument("--query", default="", help='filters as a query string, e.g. "country=FRA&as_of=2025-07-01"')
    t.add_argument("--data-dir", type=Path, default=data_dir())
    t.set_defaults(run=_totals)
    e = commands.add_parser("export", help="write the full dataset package (CSVs, datapackage, README, sites GeoJSON)")
    e.add_argument("--zip", type=Path, required=True, help="output ZIP path")
    e.add_argument("--data-dir", type=Path, default=data_dir())
    e.set_defaults(run=_export)
    r = commands.add_parser("report", help="write a self-contained HTML report")
    r.add_argument("out", type=Path, help="output HTML path")
    r.add_argument("--query", default="", help='filters as a query string, e.g. "country=FRA&status=operational"')
    r.add_argument("--data-dir", type=Path, default=data_dir())
    r.set_defaults(run=_report)
    from atlas.curate_cli import add_parsers

    add_parsers(commands, _add)
    li = commands.add_parser("lint", help="curation warnings (stale sites, contradicted claims, …); exit 0")
    li.add_argument("--data-dir", type=Path, default=data_dir())
    li.set_defaults(run=_lint)
    c = commands.add_parser("changes", help="what changed between two dates (claimed_on / published_on)")
    c.add_argument("--since", type=_iso_date, required=True, help="first day, YYYY-MM-DD")
    c.add_argument("--until", type=_iso_date, help="last day (default: the data's as-of date)")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.add_argument("--data-dir", type=Path, default=data_dir())
    c.set_defaults(run=_changes)
    return root


def main(argv: list[str] | None = None, report_writer=None) -> int:
    """Run one command; any failure ends in a one-line message and a non-zero exit, never a traceback.

    `report_writer` (figures.report.write_report) is passed in by `atlas/__main__.py`, so the core
    never imports the layer that draws figures.
    """
    args = parser().parse_args(argv)
    args.report_writer = report_writer
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print(f"error: {args.command} ran out of memory", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            printable(f"error: {args.command} failed: {exc.strerror or exc} ({exc.filename or 'no file'})"),
            file=sys.stderr,
        )
        return 2
    except Exception as exc:  # the last resort: a message, not a traceback
        print(printable(f"error: {args.command} failed: {type(exc).__name__}: {exc}"), file=sys.stderr)
        return 2
