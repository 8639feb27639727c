"""What the totals mean, checked on the real data and on the mini fixture.

Countries add up to Europe for every metric and stage; no figure counts twice; a parent and
its children never both count; a total at an as-of date uses only the claims known then;
removing claims never raises a total; the CSV export holds the same numbers as `atlas totals`.
"""

import csv
import io
import shutil

import pandas as pd
import pytest

from atlas.counting import STAGES, TOTAL_METRICS, deduplicated, headline
from atlas.export import country_provenance, to_csv_bytes
from atlas.filters import Filters
from atlas.load import Dataset, load_dataset
from atlas.metrics import country_table, site_table
from atlas.paths import DEFAULT_DATA_DIR
from atlas.totals import totals
from tests.conftest import MINI

DATES = [None, pd.Timestamp("2025-07-01"), pd.Timestamp("2026-01-01")]


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(DEFAULT_DATA_DIR)


@pytest.fixture(scope="module", params=["real", "mini"])
def ds(request, real) -> Dataset:
    return real if request.param == "real" else load_dataset(MINI)


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def known(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def summed(values) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


@pytest.mark.parametrize("as_of", DATES)
def test_countries_add_up_to_europe_for_every_metric_and_stage(ds, as_of):
    figures = totals(ds, Filters(as_of=as_of))
    europe, countries = figures["europe"], figures["countries"].values()
    assert europe["sites"] == sum(c["sites"] for c in countries)
    for metric in TOTAL_METRICS:
        assert close(europe["totals"][metric], summed(c["totals"][metric] for c in countries)), metric
        for stage, row in europe["by_stage"].items():
            per_country = summed(c["by_stage"].get(stage, {}).get(metric) for c in countries)
            assert close(row[metric], per_country), (stage, metric)


@pytest.mark.parametrize("as_of", DATES)
def test_stages_add_up_to_the_counted_total(ds, as_of):
    figures = totals(ds, Filters(as_of=as_of))
    europe = figures["europe"]
    counted = [row for stage, row in europe["by_stage"].items() if stage in figures["counted_stages"]]
    for metric in TOTAL_METRICS:
        assert close(europe["totals"][metric], summed(row[metric] for row in counted)), metric
    assert sum(row["sites"] for row in europe["by_stage"].values()) == europe["sites"]


def test_every_site_is_in_exactly_one_stage_and_one_country(real):
    sites = site_table(real)
    assert sites.site_id.is_unique
    assert sites.stage.notna().all() and sites.country.notna().all()


def test_organisation_country_and_programme_figures_never_enter_site_totals(real):
    before = totals(real)["europe"]["totals"]
    claims = real.claims
    extra = claims[claims.subject_type != "site"].assign(value=claims.value * 1000)
    bigger = Dataset(real.directory, {**real.tables, "claims": pd.concat([claims, extra], ignore_index=True)})
    assert totals(bigger)["europe"]["totals"] == before


def test_a_parent_and_its_child_never_both_count(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "site_parents.csv").write_text(
        "site_id,parent_site_id,relation,source_id,note\ndeu-cloud,fra-cluster,cluster_of,s-press,test link\n",
        encoding="utf-8",
    )
    linked = load_dataset(data)
    alone = totals(load_dataset(MINI))["europe"]["totals"]
    both = totals(linked)["europe"]["totals"]
    # both sites state a chip count: the child's is dropped; only the child states investment: it stays
    assert both["gpu_count"] == alone["gpu_count"] - 10000
    assert both["investment_eur"] == alone["investment_eur"]


@pytest.mark.parametrize("as_of", DATES[1:])
def test_a_total_at_an_as_of_date_uses_only_claims_known_then(real, as_of):
    known = real.claims[real.claims.claimed_on <= as_of]
    cut = Dataset(real.directory, {**real.tables, "claims": known})
    assert totals(real, Filters(as_of=as_of)) == totals(cut, Filters(as_of=as_of))


def test_removing_a_site_never_raises_a_total(ds):
    """Claims resolve per subject, so removing a site's claims removes its row: no total may rise.

    Except for a parent: removing it lets its children's own figures count, which is the rule.
    """
    every_stage = (*STAGES,)
    sites = site_table(ds)
    before = headline(sites, every_stage)
    parents = set(sites.parent_site_id.dropna())
    for site_id in sites.site_id[~sites.site_id.isin(parents)]:
        after = headline(sites[sites.site_id != site_id], every_stage)
        for metric in TOTAL_METRICS:
            assert known(after[metric]) <= known(before[metric]) + 1e-6, (site_id, metric)


def test_removing_one_site_claims_removes_just_that_row(real):
    site_id = site_table(real).dropna(subset=["gpu_count"]).site_id.iloc[0]
    claims = real.claims[~((real.claims.subject_type == "site") & (real.claims.subject_id == site_id))]
    fewer = site_table(Dataset(real.directory, {**real.tables, "claims": claims}))
    full = site_table(real)
    pd.testing.assert_frame_equal(
        fewer.reset_index(drop=True), full[full.site_id != site_id].reset_index(drop=True), check_dtype=False
    )


def test_the_countries_csv_holds_the_numbers_of_atlas_totals(real):
    sites = site_table(real)
    table = country_table(real, sites)
    text = to_csv_bytes(country_provenance(table, sites, real.claims, real.sources, real.as_of)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    europe = totals(real)["europe"]["totals"]
    for metric in TOTAL_METRICS:
        from_csv = sum(float(r[metric]) for r in rows if r[metric] not in ("", None))
        assert close(from_csv, europe[metric]), metric


def test_deduplicated_figures_are_never_larger_than_the_site_figures(real):
    sites = site_table(real)
    clean = deduplicated(sites)
    for metric in TOTAL_METRICS:
        assert (clean[metric].fillna(0) <= sites[metric].fillna(0)).all()


@pytest.mark.parametrize("as_of", DATES)
def test_power_by_basis_adds_up_to_the_power_total(ds, as_of):
    figures = totals(ds, Filters(as_of=as_of))
    for block in [figures["europe"], *figures["countries"].values()]:
        assert close(block["totals"]["power_mw"], summed(block["power_mw_by_basis"].values()))


def test_every_power_claim_says_what_it_measures(real):
    power = real.claims[real.claims.metric == "power_mw"]
    assert power.power_basis.notna().all()
    assert real.claims[real.claims.metric != "power_mw"].power_basis.isna().all()
