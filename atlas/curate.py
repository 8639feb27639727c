"""Adding rows to the ledger safely: assign ids, validate the whole dataset with them, write all or nothing.

`plan_*` functions turn a curator's fields into rows (a claim may bring a new source with it);
`commit()` validates the data directory as it would be with those rows appended and, only if
that adds no problem, writes every changed CSV through a temporary file and `os.replace`. If a
replace fails half-way, the files already replaced are put back, so the directory is never left
half-written. Existing bytes are kept: rows are appended, never re-serialised.
"""

import csv
import difflib
import io
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from atlas.contract import Contract, load_contract
from atlas.integrity import cross_table_problems
from atlas.load import read_and_check
from atlas.problems import Problem
from atlas.read import read_raw
from atlas.schema import field_problems

TABLE_IDS = {"claims": ("claim_id", "c"), "sources": ("source_id", "s"), "events": ("event_id", "e")}
DEFAULT_PREFIX = "cur"
DATE_FIELDS = {"claims": ("claimed_on",), "sources": ("published_on", "accessed_on"), "events": ("date",)}


class CurationError(Exception):
    """Input refused; carries every reason. Nothing has been written."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("; ".join(reasons))


@dataclass
class Plan:
    """Rows to append, by table name, plus what a curator should be told (e.g. a reused source)."""

    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, table: str, row: dict[str, str]) -> None:
        self.rows.setdefault(table, []).append(row)


@dataclass
class Ledger:
    """The raw string frames of a data directory, read once for planning."""

    directory: Path
    contract: Contract
    frames: dict
    problems: list[Problem]

    @classmethod
    def read(cls, directory: Path | str) -> "Ledger":
        contract = load_contract()
        frames, problems = read_and_check(Path(directory), contract)
        return cls(Path(directory), contract, frames, problems)

    def column(self, table: str, name: str) -> list[str]:
        frame = self.frames.get(table)
        return [] if frame is None else [v for v in frame[name].tolist() if isinstance(v, str)]


def _clean(fields: dict) -> dict[str, str]:
    """Field values as stripped text; empty and None dropped."""
    out = {}
    for key, value in fields.items():
        if value is None:
            continue
        text = str(value).strip()
        if text:
            out[key.replace("-", "_")] = text
    return out


def next_id(existing: list[str], prefix: str, letter: str) -> str:
    """The next free id `<prefix>-<letter>NNN` after the highest one with that stem."""
    stem = f"{prefix}-{letter}"
    numbers = [int(m[1]) for i in existing if (m := re.fullmatch(re.escape(stem) + r"(\d+)", i))]
    return f"{stem}{max(numbers, default=0) + 1:03d}"


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ('Móra la Nova' -> 'mora-la-nova')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _future_dates(table: str, row: dict[str, str], today: date) -> list[str]:
    reasons = []
    for name in DATE_FIELDS.get(table, ()):
        value = row.get(name)
        try:
            parsed = date.fromisoformat(value) if value else None
        except ValueError:
            continue  # the validator names the malformed date
        if parsed and parsed > today:
            reasons.append(f"{table}.{name} {value} is in the future (today is {today.isoformat()})")
    return reasons


SOURCE_COLUMNS = ["title", "publisher", "url", "published_on", "accessed_on", "source_type", "language"]


def plan_source(ledger: Ledger, fields: dict, today: date, prefix: str = DEFAULT_PREFIX) -> tuple[Plan, str]:
    """A new source, or the existing one with the same URL (then nothing is added)."""
    fields = _clean(fields)
    plan = Plan()
    row = {n: fields[n] for n in SOURCE_COLUMNS if n in fields}
    url = row.get("url")
    if not url:
        raise CurationError(["a source needs --url"])
    sources = ledger.frames.get("sources")
    if sources is not None:
        match = sources[sources.url == url]
        if len(match):
            source_id = match.source_id.iloc[0]
            plan.notes.append(f"source {source_id} already has this URL; reusing it")
            return plan, source_id
    row.setdefault("accessed_on", today.isoformat())
    source_id = fields.get("source_id") or next_id(ledger.column("sources", "source_id"), prefix, "s")
    plan.add("sources", {"source_id": source_id, **row})
    return plan, source_id


def _claim_source(ledger: Ledger, fields: dict[str, str], today: date, prefix: str) -> tuple[Plan, str]:
    if fields.get("source_id") and not fields.get("source_url"):
        return Plan(), fields["source_id"]
    if fields.get("source_url"):
        names = ["url", "title", "publisher", "published_on", "accessed_on", "language"]
        own = {n: fields[f"source_{n}"] for n in names if f"source_{n}" in fields}
        return plan_source(ledger, {**own, "source_type": fields.get("source_type")}, today, prefix)
    raise CurationError(["a claim needs --source-id (an existing source) or --source-url (new or reused by URL)"])


def _duplicate_claim(ledger: Ledger, row: dict[str, str]) -> list[str]:
    claims = ledger.frames.get("claims")
    if claims is None:
        return []
    same = claims
    for name in ("subject_type", "subject_id", "metric", "value", "value_text", "unit", "claimed_on", "source_id"):
        value = row.get(name)
        same = same[same[name].isna()] if value is None else same[same[name] == value]
    if len(same):
        return [f"the same claim is already in claims.csv as {same.claim_id.iloc[0]}"]
    return []


def _published_on(ledger: Ledger, plan: Plan, source_id: str) -> str | None:
    for row in plan.rows.get("sources", []):
        if row["source_id"] == source_id:
            return row.get("published_on")
    sources = ledger.frames.get("sources")
    if sources is None:
        return None
    match = sources.published_on[sources.source_id == source_id].dropna()
    return match.iloc[0] if len(match) else None


def plan_claim(ledger: Ledger, fields: dict, today: date, prefix: str = DEFAULT_PREFIX) -> Plan:
    """A claim (and its source when given by a new URL).

    Defaults: subject_type `site`, confidence `reported`, the metric's unit when it has only one,
    power basis `not_stated` for a metric that needs one, and claimed_on = the source's publication date.
    """
    fields = _clean(fields)
    if "site" in fields:
        fields.setdefault("subject_type", "site")
        fields.setdefault("subject_id", fields["site"])
    fields.setdefault("subject_type", "site")
    metric = fields.get("metric")
    spec = ledger.contract.metrics.get(metric or "")
    if spec is None:
        allowed = ", ".join(ledger.contract.metrics)
        raise CurationError([f"--metric {metric!r} is not a metric; allowed: {allowed}"])
    if "unit" not in fields and len(spec["units"]) == 1 and spec["units"][0]:
        fields["unit"] = spec["units"][0]
    fields.setdefault("confidence", "reported")
    if spec.get("requires_power_basis"):
        fields.setdefault("power_basis", "not_stated")
    plan, source_id = _claim_source(ledger, fields, today, prefix)
    claimed_on = fields.get("claimed_on") or _published_on(ledger, plan, source_id)
    names = ledger.contract.resource("claims").columns
    row = {**{n: fields[n] for n in names if n in fields}, "source_id": source_id}
    if claimed_on:
        row["claimed_on"] = claimed_on
    row["claim_id"] = fields.get("claim_id") or next_id(ledger.column("claims", "claim_id"), prefix, "c")
    reasons = _duplicate_claim(ledger, row)
    if reasons:
        raise CurationError(reasons)
    plan.add("claims", row)
    return plan


def plan_site(ledger: Ledger, fields: dict, today: date, prefix: str = DEFAULT_PREFIX) -> Plan:
    """A site; its id defaults to `<iso3>-<slug of the name>`."""
    fields = _clean(fields)
    if "lat" in fields:
        fields.setdefault("latitude", fields["lat"])
    if "lon" in fields:
        fields.setdefault("longitude", fields["lon"])
    name, country = fields.get("name"), fields.get("country")
    if not name or not country:
        raise CurationError(["a site needs --name and --country"])
    site_id = fields.get("site_id") or f"{country.lower()}-{slug(name)}"
    if site_id in ledger.column("sites", "site_id"):
        raise CurationError([f"site {site_id} already exists; give another --site-id"])
    sites = ledger.frames.get("sites")
    if sites is not None and len(sites[(sites.name == name) & (sites.country == country)]):
        raise CurationError([f"a site named {name!r} in {country} already exists"])
    if ("latitude" in fields) != ("longitude" in fields):
        raise CurationError(["give --lat and --lon together"])
    if "latitude" in fields:
        fields.setdefault("coordinates_basis", "source")
    names = ledger.contract.resource("sites").columns
    plan = Plan()
    plan.add("sites", {**{n: fields[n] for n in names if n in fields}, "site_id": site_id})
    return plan


def plan_event(ledger: Ledger, fields: dict, today: date, prefix: str = DEFAULT_PREFIX) -> Plan:
    """An event (and its source when given by URL); lists are `;`-separated ids."""
    fields = _clean(fields)
    plan, source_id = _claim_source(ledger, fields, today, prefix)
    names = ledger.contract.resource("events").columns
    row = {**{n: fields[n] for n in names if n in fields}, "source_id": source_id}
    row.setdefault("date", _published_on(ledger, plan, source_id) or "")
    row["event_id"] = fields.get("event_id") or next_id(ledger.column("events", "event_id"), prefix, "e")
    plan.add("events", row)
    return plan


def _append(text: str, header: list[str], rows: list[dict[str, str]]) -> str:
    """`text` with `rows` appended as CSV lines in the file's own line ending."""
    ending = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += ending
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=ending)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return text + buffer.getvalue()


def _header(text: str) -> list[str]:
    return [h.strip() for h in next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))]


@dataclass
class Result:
    texts: dict[str, tuple[str, str]]  # path -> (old, new)
    notes: list[str]

    @property
    def diff(self) -> str:
        parts = []
        for path, (old, new) in self.texts.items():
            parts += difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), path, path, n=0)
        return "".join(p if p.endswith("\n") else p + "\n" for p in parts)


def _new_texts(ledger: Ledger, plan: Plan) -> dict[str, tuple[str, str]]:
    unreadable = [ledger.contract.resource(t).path for t in plan.rows if t not in ledger.frames]
    if unreadable:
        reasons = [
            f"{path} in {ledger.directory} cannot be read; run atlas validate and fix it first" for path in unreadable
        ]
        raise CurationError(reasons)
    texts = {}
    for table, rows in plan.rows.items():
        path = ledger.contract.resource(table).path
        old = (ledger.directory / path).read_bytes().decode("utf-8")
        texts[path] = (old, _append(old, _header(old), rows))
    return texts


def check(ledger: Ledger, plan: Plan, today: date) -> Result:
    """The texts as they would be written, after validating the whole dataset with them.

    Raises `CurationError` with every problem the new rows introduce; problems already in the
    data before are not blamed on the new rows (they are reported by `atlas validate`).
    """
    future = [r for table, rows in plan.rows.items() for row in rows for r in _future_dates(table, row, today)]
    texts = _new_texts(ledger, plan)
    frames, after = dict(ledger.frames), []
    with tempfile.TemporaryDirectory(prefix="atlas-add-") as tmp:
        for resource in ledger.contract.resources:
            if resource.path not in texts:
                continue  # unchanged: its field problems, if any, are in ledger.problems already
            (Path(tmp) / resource.path).write_text(texts[resource.path][1], encoding="utf-8", newline="")
            frame, found = read_raw(Path(tmp), resource)
            after += found
            if frame is not None:
                after += field_problems(frame, resource)
                frames[resource.name] = frame
    after += cross_table_problems(ledger.contract, frames)
    new = sorted(set(after) - set(ledger.problems))
    if future or new:
        raise CurationError(future + [str(p) for p in new])
    return Result(texts, plan.notes)


def write_all(directory: Path, texts: dict[str, tuple[str, str]]) -> None:
    """Write every file or none: temp files first, then `os.replace`, rolling back on failure."""
    temps: dict[str, str] = {}
    try:
        for path, (_, new) in texts.items():
            fd, temp = tempfile.mkstemp(prefix=f".{path}.", dir=directory)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(new)
                handle.flush()
                os.fsync(handle.fileno())
            temps[path] = temp
        done: list[str] = []
        try:
            for path, temp in temps.items():
                os.replace(temp, directory / path)
                done.append(path)
        except OSError:
            for path in done:
                (directory / path).write_text(texts[path][0], encoding="utf-8", newline="")
            raise
    finally:
        for temp in temps.values():
            if os.path.exists(temp):
                os.unlink(temp)


def commit(ledger: Ledger, plan: Plan, today: date, dry_run: bool = False) -> Result:
    """Validate `plan` against the whole dataset and write it (unless `dry_run`)."""
    result = check(ledger, plan, today)
    if result.texts and not dry_run:
        write_all(ledger.directory, result.texts)
    return result


PLANNERS = {"claim": plan_claim, "site": plan_site, "event": plan_event}
