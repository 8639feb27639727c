"""Validation rules that protect the counting model: nothing stored twice, units of account kept apart.

`ERRORS` are rules with one right answer (an exact duplicate, a figure "equivalent to N H100"
stored as chips, a site that is its own ancestor): the data does not load until they are fixed.
`WARNINGS` are judgement calls (a compute figure with no precision, a site figure equal to its
organisation's from the same source): `atlas validate` prints them and the data still loads.
Each check takes the raw string frames by resource name, like `atlas.integrity`.
"""

import re

import pandas as pd

from atlas.contract import Contract
from atlas.problems import Problem
from atlas.schema import shown

Frames = dict[str, pd.DataFrame]
CLAIM_KEY = ["subject_type", "subject_id", "metric", "value", "value_text", "unit", "precision", "source_id"]
EQUIVALENT = re.compile(
    r"(?:equival|équival|äquival)\w*\W+(?:[\w’']+\W+){0,8}?H100"  # "the equivalent of 288,000 ... H100"
    r"|H100\W+(?:GPU\W+)?(?:equival|équival|äquival)"  # "100,000 H100 GPU equivalents"
    r"|\bH100e\b",
    re.IGNORECASE,
)  # "20,000 GPUs or equivalent AI accelerators" names chips, not H100-equivalents
BID_PROGRAMMES = {"eu-ai-gigafactories"}


def _normalised(text: pd.Series) -> pd.Series:
    return text.fillna("").str.casefold().str.replace(r"[^\w]+", " ", regex=True).str.strip()


def _repeats(frame: pd.DataFrame, key: list[str], path: str, column: str, what: str) -> list[Problem]:
    """One problem per row that repeats an earlier row on `key`, naming the earlier row."""
    keyed = frame[key].fillna("")
    first = keyed.drop_duplicates(keep="first")
    first_row = {tuple(v): row for row, v in zip(first.index, first.itertuples(index=False), strict=True)}
    problems = []
    for row in keyed[keyed.duplicated(keep="first")].index:
        earlier = first_row[tuple(keyed.loc[row])]
        problems.append(Problem(path, row, column, f"repeats {what} on row {earlier}; keep one"))
    return problems


def duplicate_claims(contract: Contract, frames: Frames) -> list[Problem]:
    """The same figure for the same subject from the same source is one claim, not two."""
    claims = frames.get("claims")
    return [] if claims is None else _repeats(claims, CLAIM_KEY, "claims.csv", "claim_id", "the same claim")


def duplicate_events(contract: Contract, frames: Frames) -> list[Problem]:
    """The same event (same date and title) is recorded once."""
    events = frames.get("events")
    if events is None:
        return []
    frame = events.assign(_title=_normalised(events.title))
    return _repeats(frame, ["date", "_title"], "events.csv", "title", "the same event (date and title)")


def events_of_one_source_on_one_day(contract: Contract, frames: Frames) -> list[Problem]:
    """Warning: two events from one source, on one day, about the same sites may be one event."""
    events = frames.get("events")
    if events is None:
        return []
    named = events[events.sites.notna()]
    return _repeats(
        named, ["date", "source_id", "sites"], "events.csv", "title", "the date, source and sites of the event"
    )


def duplicate_organisations(contract: Contract, frames: Frames) -> list[Problem]:
    """Two organisation ids with the same name are one organisation stored twice."""
    orgs = frames.get("organisations")
    if orgs is None:
        return []
    frame = orgs.assign(_name=_normalised(orgs.name))
    return _repeats(frame, ["_name"], "organisations.csv", "name", "the name of another organisation")


def chips_stated_as_equivalents(contract: Contract, frames: Frames) -> list[Problem]:
    """A figure the source states in H100-equivalents is not a number of chips."""
    claims = frames.get("claims")
    if claims is None:
        return []
    suspect = claims[(claims.metric == "gpu_count") & claims.as_stated.fillna("").str.contains(EQUIVALENT)]
    return [
        Problem(
            "claims.csv",
            row,
            "metric",
            f"stated as an equivalent ({shown(text)}): record it as h100e_count in unit H100e, not gpu_count",
        )
        for row, text in suspect.as_stated.items()
    ]


def parent_cycles(contract: Contract, frames: Frames) -> list[Problem]:
    """A site is never its own parent or ancestor (a missing parent is a foreign-key error)."""
    links = frames.get("site_parents")
    if links is None or links.empty:
        return []
    parent = dict(zip(links.site_id, links.parent_site_id, strict=True))
    problems = []
    for row, site in links.site_id.items():
        seen, current = {site}, parent.get(site)
        while current is not None and current not in seen:
            seen.add(current)
            current = parent.get(current)
        if current is not None:
            problems.append(Problem("site_parents.csv", row, "parent_site_id", f"{shown(site)} is its own ancestor"))
    return problems


def compute_without_precision(contract: Contract, frames: Frames) -> list[Problem]:
    """Warning: a site's exaflops figure with no stated precision cannot be compared or added."""
    claims = frames.get("claims")
    if claims is None:
        return []
    rows = claims[
        (claims.metric == "compute_exaflops") & (claims.subject_type == "site") & (claims.precision == "unspecified")
    ]
    return [
        Problem("claims.csv", row, "precision", "compute figure with precision 'unspecified': it is never summed")
        for row in rows.index
    ]


def site_figure_equal_to_its_organisation(contract: Contract, frames: Frames) -> list[Problem]:
    """Warning: a site figure equal to an organisation's from the same source may be one figure stored twice."""
    claims, roles = frames.get("claims"), frames.get("roles")
    if claims is None or roles is None:
        return []
    key = ["metric", "value", "unit", "source_id"]
    site = claims[claims.subject_type == "site"].reset_index(names="row")
    org = claims[claims.subject_type == "organisation"].rename(columns={"subject_id": "org_id"})
    pairs = site.merge(org[[*key, "org_id", "claim_id"]], on=key, suffixes=("", "_org"))
    pairs = pairs[pairs.value.fillna("") != ""].merge(
        roles[["site_id", "org_id"]], left_on=["subject_id", "org_id"], right_on=["site_id", "org_id"]
    )
    return [
        Problem(
            "claims.csv",
            r.row,
            "subject_id",
            f"same {r.metric} and source as organisation claim {r.claim_id_org} ({r.org_id}): "
            "keep the figure at the level the source states",
        )
        for r in pairs.drop_duplicates("row").itertuples()
    ]


def bids_recorded_as_announced(contract: Contract, frames: Frames) -> list[Problem]:
    """Warning: a site of a competitive call with status 'announced' is probably a bid."""
    claims, sites = frames.get("claims"), frames.get("sites")
    if claims is None or sites is None:
        return []
    programme = claims.subject_id.map(dict(zip(sites.site_id, sites.programme, strict=True)))
    rows = claims[(claims.metric == "status") & (claims.value_text == "announced") & programme.isin(BID_PROGRAMMES)]
    return [
        Problem("claims.csv", row, "value_text", "a gigafactory-call site 'announced': is it a bid (not selected)?")
        for row in rows.index
    ]


ERRORS = (duplicate_claims, duplicate_events, duplicate_organisations, chips_stated_as_equivalents, parent_cycles)
WARNINGS = (
    events_of_one_source_on_one_day,
    compute_without_precision,
    site_figure_equal_to_its_organisation,
    bids_recorded_as_announced,
)


def counting_errors(contract: Contract, frames: Frames) -> list[Problem]:
    return [p for check in ERRORS for p in check(contract, frames)]


def counting_warnings(contract: Contract, frames: Frames) -> list[Problem]:
    return [p for check in WARNINGS for p in check(contract, frames)]
