"""Arguments of `python -m atlas add claim|source|site|event`, and reading a TOML/JSON input file.

Each flag maps to a column (dashes become underscores). `--from FILE` supplies the same fields
as keys of a TOML or JSON object; flags given on the command line win over the file.
"""

import argparse
import json
import tomllib
from pathlib import Path

from atlas.curate import DEFAULT_PREFIX, CurationError
from atlas.paths import data_dir

SOURCE_FLAGS = {
    "--source-id": "an existing sources.source_id",
    "--source-url": "the source's URL: reused if already in sources.csv, else a new source from the --source-* flags",
    "--source-title": "new source: title",
    "--source-publisher": "new source: publisher",
    "--source-published-on": "new source: publication date YYYY-MM-DD",
    "--source-accessed-on": "new source: date you read it (default today)",
    "--source-type": "new source: primary or secondary",
    "--source-language": "new source: two-letter language code",
}
FLAGS = {
    "claim": {
        "--claim-id": "id (default: next <prefix>-cNNN)",
        "--site": "shorthand for --subject-type site --subject-id SITE",
        "--subject-type": "site (default), organisation, country or programme",
        "--subject-id": "the subject's id",
        "--metric": "gpu_count, power_mw, investment, status, …",
        "--value": "number, for numeric metrics (no thousands separators)",
        "--value-text": "text value, for status, accelerator_model, expected_online",
        "--unit": "default: the metric's only unit",
        "--precision": "FP4, FP8, … (compute_exaflops only)",
        "--power-basis": "power_mw only: it_load, facility_power, grid_connection, grid_connection_requested "
        "(default not_stated)",
        "--as-stated": "the source's own words",
        "--claimed-on": "date of the statement (default: the source's publication date)",
        "--confidence": "reported (default), estimated or derived",
        "--note": "curator's note",
        **SOURCE_FLAGS,
    },
    "source": {
        "--source-id": "id (default: next <prefix>-sNNN)",
        "--url": "URL (an existing URL is reused, nothing written)",
        "--title": "title",
        "--publisher": "publisher",
        "--published-on": "publication date YYYY-MM-DD",
        "--accessed-on": "date you read it (default today)",
        "--source-type": "primary or secondary",
        "--language": "two-letter language code",
    },
    "site": {
        "--site-id": "id (default: <iso3>-<slug of the name>)",
        "--name": "name",
        "--kind": "ai_factory, ai_gigafactory, industrial_ai_cloud, supercomputer, data_centre_campus, …",
        "--country": "ISO-3 code",
        "--city": "town",
        "--lat": "latitude",
        "--lon": "longitude",
        "--coordinates-basis": "how the point was found: see datapackage.json (default source when --lat/--lon given)",
        "--programme": "programme id",
        "--description": "one sentence",
    },
    "event": {
        "--event-id": "id (default: next <prefix>-eNNN)",
        "--date": "date YYYY-MM-DD (default: the source's publication date)",
        "--title": "title",
        "--kind": "announcement, selection, funding, construction, launch, status_change, partnership, policy",
        "--countries": "ISO-3 codes separated by ;",
        "--organisations": "organisation ids separated by ;",
        "--sites": "site ids separated by ;",
        **SOURCE_FLAGS,
    },
}


def add_parsers(commands, run) -> None:
    """The `add` command and its four kinds."""
    add = commands.add_parser("add", help="add a claim, source, site or event (validated; all files or none)")
    kinds = add.add_subparsers(dest="add_kind", required=True)
    for kind, flags in FLAGS.items():
        p = kinds.add_parser(kind, help=f"add one {kind}")
        for flag, help_text in flags.items():
            p.add_argument(flag, help=help_text)
        p.add_argument("--from", dest="from_file", type=Path, help="TOML or JSON file with the same fields")
        p.add_argument("--prefix", default=DEFAULT_PREFIX, help=f"id prefix (default {DEFAULT_PREFIX})")
        p.add_argument("--dry-run", action="store_true", help="validate and print the diff; write nothing")
        p.add_argument("--data-dir", type=Path, default=data_dir())
        p.set_defaults(run=run, field_names=[f[2:].replace("-", "_") for f in flags])


def read_input(path: Path) -> dict:
    """Fields from a TOML or JSON object file; refused with a clear message if unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CurationError([f"{path}: cannot be read ({exc.strerror or exc})"]) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CurationError(
            [f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'} ({exc})"]
        ) from None
    if not isinstance(data, dict):
        raise CurationError([f"{path}: expected an object of field names and values"])
    nested = [k for k, v in data.items() if isinstance(v, dict | list)]
    if nested:
        raise CurationError([f"{path}: field {nested[0]!r} must be a single value"])
    return {str(k).replace("-", "_"): v for k, v in data.items()}


def fields_of(args: argparse.Namespace) -> dict:
    """The file's fields overlaid with the flags given; unknown file keys are refused."""
    fields = read_input(args.from_file) if args.from_file else {}
    unknown = sorted(set(fields) - set(args.field_names))
    if unknown:
        allowed = ", ".join(args.field_names)
        raise CurationError([f"{args.from_file}: unknown field(s) {', '.join(unknown)}; allowed: {allowed}"])
    flags = {name: getattr(args, name) for name in args.field_names if getattr(args, name) is not None}
    return {**fields, **flags}
