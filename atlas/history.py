"""Status histories, expected-online slips and delays, computed from the dated claims."""

import re

import pandas as pd

QUARTER_START = {"1": 1, "2": 4, "3": 7, "4": 10}


def period_start(text: str | None) -> pd.Timestamp | None:
    """First day of an expected-online period: YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD."""
    if text is None or pd.isna(text):
        return None
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        return pd.Timestamp(int(m[1]), QUARTER_START[m[2]], 1)
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text):
        return pd.Timestamp(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    return None


def period_end(text: str | None) -> pd.Timestamp | None:
    """Last day of an expected-online period: "2026" means by 31 December 2026, "2026-Q2" by 30 June."""
    start = period_start(text)
    if start is None:
        return None
    if re.fullmatch(r"\d{4}", text):
        return pd.Timestamp(start.year, 12, 31)
    if re.fullmatch(r"\d{4}-Q[1-4]", text):
        return start + pd.offsets.QuarterEnd(0)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return start + pd.offsets.MonthEnd(0)
    return start


def quarter_label(date: pd.Timestamp | None) -> str | None:
    return None if date is None or pd.isna(date) else f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def status_history(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per change of status for each site, oldest first (repeats of the same status dropped)."""
    status = claims[(claims.subject_type == "site") & (claims.metric == "status")]
    status = status.sort_values(["subject_id", "claimed_on", "claim_id"])
    previous = status.groupby("subject_id").value_text.shift()
    changes = status[status.value_text != previous.fillna("")]
    return (
        changes[["subject_id", "claimed_on", "value_text", "as_stated", "source_id", "claim_id"]]
        .rename(columns={"value_text": "status"})
        .reset_index(drop=True)
    )


def expected_online_history(claims: pd.DataFrame) -> pd.DataFrame:
    """Every expected-online claim per site with its period, and whether it slipped from the one before.

    A date slips when the end of its period moves later ("2026-Q2" → "2026-Q4": 184 days). A
    refinement inside the earlier period ("2026" → "2026-06") is not a slip: the promise was
    "by the end of 2026", and it still holds.
    """
    expected = claims[(claims.subject_type == "site") & (claims.metric == "expected_online")].copy()
    expected = expected.sort_values(["subject_id", "claimed_on", "claim_id"])
    expected["expected_start"] = pd.to_datetime(expected.value_text.map(period_start).astype("object"))
    expected["expected_end"] = pd.to_datetime(expected.value_text.map(period_end).astype("object"))
    before = expected.groupby("subject_id").expected_end.shift()
    expected["slipped"] = expected.expected_end.gt(before) & before.notna()
    expected["slip_days"] = (expected.expected_end - before).dt.days.where(expected.slipped)
    return expected[
        [
            "subject_id",
            "claimed_on",
            "value_text",
            "expected_start",
            "expected_end",
            "slipped",
            "slip_days",
            "as_stated",
            "source_id",
            "claim_id",
        ]
    ].reset_index(drop=True)


DONE = frozenset({"operational", "paused", "withdrawn"})


def delays(history: pd.DataFrame, statuses: pd.Series, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per site: first and latest expected online, total slip, and whether it is overdue at `as_of`.

    `history` is `expected_online_history` of the claims known at `as_of`; `statuses` maps
    site_id to its status resolved at `as_of`. Overdue: the latest period has ended before
    `as_of` and the site is not operational (nor paused or withdrawn, which are their own
    story). The slip is the sum of the moves of the period's end; an operational site's slips
    are its history, kept here and flagged by `done`.
    """
    columns = ["subject_id", "first_expected", "latest_expected", "slip_days", "n_slips", "overdue", "done"]
    if history.empty:
        return pd.DataFrame(columns=columns)
    grouped = history.groupby("subject_id")
    out = pd.DataFrame(
        {
            "first_expected": grouped.value_text.first(),
            "latest_expected": grouped.value_text.last(),
            "latest_end": grouped.expected_end.last(),
            "n_slips": grouped.slipped.sum().astype(int),
            "slip_days": grouped.slip_days.sum(min_count=1).fillna(0).astype(int),
        }
    )
    status = pd.Series(out.index.map(statuses), index=out.index)
    out["done"] = status.isin(DONE)
    out["overdue"] = out.latest_end.lt(pd.Timestamp(as_of)) & ~out.done
    return out.reset_index()[columns]


SLIP_COLUMNS = [
    "site_id",
    "name",
    "country",
    "status",
    "first_expected",
    "latest_expected",
    "slip_days",
    "n_slips",
    "overdue",
]


def slipped_sites(claims: pd.DataFrame, sites: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Sites of `sites` whose expected-online date slipped or is overdue at `as_of`, not yet done, worst first.

    `claims` are the claims known at `as_of`; a site that reached operational, paused or withdrawn
    is done and not listed.
    """
    own = claims[claims.subject_id.isin(sites.site_id)]
    late = delays(expected_online_history(own), sites.set_index("site_id").status, as_of)
    late = late.merge(sites[["site_id", "name", "country", "status"]], left_on="subject_id", right_on="site_id")
    slipped = late[((late.n_slips > 0) | late.overdue) & ~late.done.astype(bool)]
    return slipped[SLIP_COLUMNS].sort_values("slip_days", ascending=False).reset_index(drop=True)
