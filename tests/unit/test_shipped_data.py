"""The shipped dataset validates, meets the curation minimums, and every column is in the contract."""

import csv
import json

from atlas.cli import main
from atlas.contract import load_contract
from atlas.load import load_dataset, validate
from atlas.paths import DEFAULT_DATA_DIR
from atlas.stats import stats


def test_shipped_data_is_valid():
    assert [str(p) for p in validate(DEFAULT_DATA_DIR)] == []


def test_every_csv_column_is_described_in_the_datapackage():
    contract = load_contract()
    described = {r.path: r.columns for r in contract.resources}
    on_disk = sorted(p.name for p in DEFAULT_DATA_DIR.glob("*.csv"))
    assert on_disk == sorted(described), "a CSV without a resource, or a resource without its CSV"
    for name, columns in described.items():
        with open(DEFAULT_DATA_DIR / name, encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == columns, name
        for field in contract.resource(name.removesuffix(".csv")).fields:
            assert field.description, f"{name}:{field.name} has no description"


def test_curation_minimums():
    figures = stats(load_dataset(DEFAULT_DATA_DIR))
    assert figures["sites"] >= 80
    assert figures["countries_with_records"] >= 30
    assert figures["organisations"] >= 60
    assert figures["claims"] >= 250
    assert figures["sources"] >= 100
    assert figures["conflicting_metric_groups"] > 0


def test_every_claim_has_a_dated_source_with_url():
    ds = load_dataset(DEFAULT_DATA_DIR)
    cited = ds.claims.merge(ds.sources, on="source_id", how="left")
    assert cited.url.notna().all()
    assert cited.published_on.notna().all()


def test_gtc_headline_is_recorded_as_stated():
    ds = load_dataset(DEFAULT_DATA_DIR)
    headline = ds.claims[(ds.claims.subject_id == "nvidia-gtc-paris-2025") & (ds.claims.metric == "compute_exaflops")]
    assert (headline.value == 3000).any()
    assert headline.as_stated.str.contains("3,000 exaflops").any()


def test_stats_json(capsys):
    assert main(["stats", "--json", "--data-dir", str(DEFAULT_DATA_DIR)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["as_of"] == load_dataset(DEFAULT_DATA_DIR).as_of.strftime("%Y-%m-%d")
