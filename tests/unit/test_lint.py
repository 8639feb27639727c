"""`atlas.lint` checks on small inline ledgers, and `python -m atlas lint` on the mini fixture."""

from atlas import lint
from atlas.cli import main
from tests.conftest import MINI
from tests.inline import claim, ledger


def found(ds, check) -> list[tuple[str, str]]:
    return [(f.where, f.message) for f in check(ds)]


def test_stale_sites_are_those_whose_newest_claim_is_over_six_months_before_the_as_of_date(mini):
    claims = [
        claim("c1", "fra-cluster", "status", text="announced", on="2025-01-10"),
        claim("c2", "deu-cloud", "status", text="announced", on="2026-01-05", source="s-mid"),
        claim("c3", "nor-campus", "status", text="announced", on="2026-06-20", source="s-new"),
    ]
    # as-of 2026-06-20: the cutoff is 2025-12-20; deu-cloud (2026-01-05) is recent enough.
    assert found(ledger(mini, claims), lint.stale_sites) == [
        ("sites.csv:fra-cluster", "newest claim 2025-01-10, before 2025-12-20")
    ]


def test_a_single_source_contradicted_by_every_other_source_is_flagged(mini):
    sources = [("s1", "2025-01-10", "primary"), ("s2", "2025-01-10", "secondary"), ("s3", "2025-01-10", "secondary")]
    agree = [
        claim("c1", "fra-cluster", "gpu_count", value="1000", unit="accelerators", source="s1"),
        claim("c2", "fra-cluster", "gpu_count", value="1000", unit="accelerators", source="s2"),
    ]
    odd = claim("c3", "fra-cluster", "gpu_count", value="5000", unit="accelerators", source="s3")
    result = found(ledger(mini, [*agree, odd], sources), lint.contradicted_claims)
    assert [where for where, _ in result] == ["claims.csv:c3"]
    assert "only s3 says" in result[0][1] and "2 other sources agree" in result[0][1]
    # Two sources against one is not "every other": with a third value nothing is flagged.
    third = claim("c4", "fra-cluster", "gpu_count", value="7000", unit="accelerators", source="s2")
    assert found(ledger(mini, [*agree, odd, third], sources), lint.contradicted_claims) == []


def test_the_same_figure_from_one_source_on_two_sites_is_flagged(mini):
    claims = [
        claim("c1", "fra-cluster", "power_mw", value="500", unit="MW"),
        claim("c2", "deu-cloud", "power_mw", value="500", unit="MW"),
        claim("c3", "nor-campus", "power_mw", value="500", unit="MW", source="s-mid"),
    ]
    assert found(ledger(mini, claims), lint.shared_figures) == [
        ("claims.csv:s-old", "power_mw 500 from s-old on 2 sites: deu-cloud, fra-cluster")
    ]


def test_cli_lint_groups_counts_and_exits_zero(capsys):
    assert main(["lint", "--data-dir", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert "Sites whose newest claim is more than 6 months before the as-of date: 1\n  sites.csv:deu-cloud:" in out
    assert "Compute figures with no stated precision: 1\n  claims.csv:c11:" in out
    assert out.rstrip().endswith(f"2 warning(s) in {MINI}")
