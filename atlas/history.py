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
    """Every expected-online claim per site with its period start, and whether it slipped from the one before."""
    expected = claims[(claims.subject_type == "site") & (claims.metric == "expected_online")].copy()
    expected = expected.sort_values(["subject_id", "claimed_on", "claim_id"])
    expected["expected_start"] = pd.to_datetime(expected.value_text.map(period_start).astype("object"))
    before = expected.groupby("subject_id").expected_start.shift()
    expected["slipped"] = expected.expected_start.gt(before) & before.notna()
    expected["slip_days"] = (expected.expected_start - before).dt.days.where(expected.slipped)
    return expected[
        [
            "subject_id",
            "claimed_on",
            "value_text",
            "expected_start",
            "slipped",
            "slip_days",
            "as_stated",
            "source_id",
            "claim_id",
        ]
    ].reset_index(drop=True)


def delays(history: pd.DataFrame, statuses: pd.Series, today: pd.Timestamp) -> pd.DataFrame:
    """Per site: first and latest expected online, total slip, and whether it is overdue.

    `history` is `expected_online_history(claims)`. Overdue: not operational and the latest
    expected period has started before `today`. `statuses` maps site_id to its resolved status.
    """
    if history.empty:
        return pd.DataFrame(
            columns=["subject_id", "first_expected", "latest_expected", "slip_days", "n_slips", "overdue"]
        )
    grouped = history.groupby("subject_id")
    out = pd.DataFrame(
        {
            "first_expected": grouped.value_text.first(),
            "latest_expected": grouped.value_text.last(),
            "first_start": grouped.expected_start.first(),
            "latest_start": grouped.expected_start.last(),
            "n_slips": grouped.slipped.sum().astype(int),
        }
    )
    out["slip_days"] = (out.latest_start - out.first_start).dt.days
    status = pd.Series(out.index.map(statuses), index=out.index)
    out["overdue"] = out.latest_start.lt(today) & status.ne("operational")
    return out.reset_index().drop(columns=["first_start", "latest_start"])
