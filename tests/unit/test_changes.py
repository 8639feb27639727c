"""`atlas.changes` on small inline ledgers, and `python -m atlas changes`."""

import json

import pandas as pd
import pytest

from atlas.changes import changes, summary
from atlas.cli import main
from tests.inline import claim, ledger

BASE = [
    claim("c1", "fra-cluster", "status", text="announced"),
    claim("c2", "fra-cluster", "gpu_count", value="1000", unit="accelerators"),
    claim("c3", "deu-cloud", "power_mw", value="40", unit="MW"),
]


def by_change(frame: pd.DataFrame) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for row in frame.itertuples():
        values = (row.subject_id, row.metric, row.old_value, row.new_value)
        out.setdefault(row.change, []).append(tuple(None if pd.isna(v) else v for v in values))
    return out


def test_a_new_site_is_one_change_not_one_per_figure(mini):
    claims = [
        *BASE,
        claim("c4", "nor-campus", "status", text="announced", on="2026-06-20", source="s-new"),
        claim("c5", "nor-campus", "power_mw", value="50", unit="MW", on="2026-06-20", source="s-new"),
    ]
    found = changes(ledger(mini, claims), "2026-06-01", "2026-06-30")
    rows = found[found.change == "new_site"]
    assert list(rows.subject_id) == ["nor-campus"]
    assert rows.iloc[0].new_value == "announced" and rows.iloc[0].claim_id == "c4"
    assert rows.iloc[0].subject == "Narvik Campus"
    assert "nor-campus" not in set(found[found.change != "new_site"].subject_id.dropna())


def test_a_status_change_and_a_revised_figure_carry_both_claims_and_sources(mini):
    claims = [
        *BASE,
        claim("c4", "fra-cluster", "status", text="operational", on="2026-03-05", source="s-mid"),
        claim("c5", "fra-cluster", "gpu_count", value="1800", unit="accelerators", on="2026-03-05", source="s-mid"),
        claim("c6", "deu-cloud", "power_mw", value="40", unit="MW", on="2026-03-05", source="s-mid"),  # confirmed
    ]
    found = changes(ledger(mini, claims), "2026-03-01", "2026-03-31")
    assert by_change(found) == {
        "status_change": [("fra-cluster", "status", "announced", "operational")],
        "revised_figure": [("fra-cluster", "gpu_count", "1,000 accelerators", "1,800 accelerators")],
        "new_source": [(None, None, None, "P")],
    }
    revised = found[found.change == "revised_figure"].iloc[0]
    assert (revised.old_claim_id, revised.claim_id) == ("c2", "c5")
    assert (revised.old_source_id, revised.source_id) == ("s-old", "s-mid")
    assert revised.old_url == "https://example.com/s-old" and revised.url == "https://example.com/s-mid"
    assert "deu-cloud" not in set(found.subject_id.dropna()), "a figure confirmed unchanged is no change"
    assert summary(found) == {
        "new_site": 0,
        "status_change": 1,
        "revised_figure": 1,
        "new_figure": 0,
        "new_source": 1,
    }


def test_a_claim_added_later_but_dated_before_the_window_is_no_change(mini):
    # c4 was typed into the ledger after the window opened, but the statement is dated 2025.
    claims = [*BASE, claim("c4", "deu-cloud", "power_mw", value="60", unit="MW", on="2025-01-10", source="s-old")]
    found = changes(ledger(mini, claims), "2026-03-01", "2026-12-01")
    assert found[found.change != "new_source"].empty
    assert changes(ledger(mini, claims), "2025-01-01", "2025-12-31").change.tolist().count("new_site") == 2


def test_the_window_is_inclusive_and_a_new_figure_of_a_known_site_is_not_a_new_site(mini):
    claims = [*BASE, claim("c4", "deu-cloud", "investment", value="5", unit="EUR", on="2026-06-20", source="s-new")]
    found = changes(ledger(mini, claims), "2026-06-20", "2026-06-20")
    assert by_change(found)["new_figure"] == [("deu-cloud", "investment", None, "5 EUR")]
    assert changes(ledger(mini, claims), "2026-06-21", "2026-06-30").empty


def test_until_before_since_is_an_error(mini):
    with pytest.raises(ValueError, match="before --since"):
        changes(ledger(mini, BASE), "2026-06-01", "2026-05-01")


def test_cli_changes_text_and_json(capsys):
    from tests.conftest import MINI

    assert main(["changes", "--since", "2026-01-01", "--data-dir", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert "new site: 1, status change: 1, revised figure: 2" in out
    assert "Status change   Paris Cluster status: announced (c06) -> operational [c07]" in out
    assert main(["changes", "--since", "2026-01-01", "--json", "--data-dir", str(MINI)]) == 0
    data = json.loads(capsys.readouterr().out)
    revised = [c for c in data["changes"] if c["change"] == "revised_figure" and c["metric"] == "gpu_count"]
    assert revised[0]["old_value"] == "18,000 accelerators" and revised[0]["new_value"] == "13,800 accelerators"
    assert revised[0]["date"] == "2026-02-01" and revised[0]["old_date"] == "2025-06-11"


def test_cli_changes_rejects_a_bad_date(capsys):
    with pytest.raises(SystemExit):
        main(["changes", "--since", "June"])
    assert "'June' is not a date as YYYY-MM-DD" in capsys.readouterr().err
