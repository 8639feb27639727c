"""Every vocabulary code in the contract has a human label, and tables show words, not codes."""

import pandas as pd
import pytest

from atlas.contract import load_contract
from atlas.display import claim_value, column_for, compact_money, prepare
from atlas.labels import METRIC_VOCABULARIES, VOCABULARIES, label_value


def _contract_vocabularies():
    contract = load_contract()
    for resource in contract.resources:
        for field in resource.fields:
            if field.enum:
                yield (resource.name, field.name), field.enum
    for metric, spec in contract.metrics.items():
        if spec.get("vocabulary"):
            yield ("metric", metric), tuple(spec["vocabulary"])


@pytest.mark.parametrize(("where", "codes"), list(_contract_vocabularies()), ids=lambda v: str(v))
def test_every_contract_vocabulary_code_has_a_label(where, codes):
    labels = METRIC_VOCABULARIES.get(where[1]) if where[0] == "metric" else VOCABULARIES.get(where)
    assert labels is not None, f"no label table for the vocabulary of {where}"
    missing = [c for c in codes if c not in labels]
    assert not missing, f"{where}: codes without a label: {missing}"
    assert all(labels[c].strip() and "_" not in labels[c] for c in codes)


def test_the_check_covers_the_vocabularies_we_know():
    found = {where for where, _ in _contract_vocabularies()}
    assert {("sites", "kind"), ("roles", "role"), ("claims", "metric"), ("metric", "status")} <= found


def test_codes_become_words_and_lists_word_by_word():
    assert label_value("kind", "data_centre_campus") == "Data-centre campus"
    assert label_value("roles", "anchor_tenant, operator") == "Anchor tenant, Operator"
    assert label_value("status", "some_new_code") == "Some new code"
    assert label_value("title", "keep_as_is") == "keep_as_is"


def test_compact_money():
    assert compact_money(16_600_000_000) == "€16.6 bn"
    assert compact_money(350_000_000) == "€350 m"
    assert compact_money(2_100_000_000, "SEK") == "SEK 2.1 bn"
    assert compact_money(None) == ""


def test_claim_values_carry_their_unit():
    assert claim_value(16.6e9, "EUR", None) == "€16.6 bn"
    assert claim_value(10000.0, "accelerators", None) == "10,000 accelerators"
    assert claim_value(float("nan"), None, "under_construction", "status") == "Under construction"
    assert claim_value(None, None, None) == ""


def test_labels_take_units_and_help_from_the_contract():
    assert column_for("latitude").label == "Latitude (degree)"
    assert column_for("power_mw").label == "Power (MW)"
    assert "megawatts" in column_for("power_mw").help
    assert column_for("gpu_count_per_million").label == "Accelerators per million inhabitants"
    assert column_for("investment_eur_per_bn_gdp").label == "Investment per € bn of GDP"


def test_prepare_shows_people_a_table_and_keeps_row_order():
    frame = pd.DataFrame(
        {
            "site_id": ["a", "b"],
            "name": ["Alpha", "Beta"],
            "country": ["FRA", "XXX"],
            "kind": ["ai_factory", None],
            "h100e": [10475.3931, None],
            "investment_eur": [16.6e9, None],
            "last_claimed_on": ["2025-06-11", None],
        },
        index=[7, 3],
    )
    shown, specs = prepare(frame, labels={"name": "Site"}, names={"FRA": "France"})
    assert "site_id" not in shown.columns
    assert list(shown.index) == [7, 3]
    assert shown.country.tolist() == ["France", "XXX"]
    assert shown.kind.iloc[0] == "AI factory" and pd.isna(shown.kind.iloc[1])
    assert shown.h100e.iloc[0] == 10475 and pd.isna(shown.h100e.iloc[1])
    assert shown.investment_eur.iloc[0] == pytest.approx(16.6)
    assert shown.last_claimed_on.iloc[0] == pd.Timestamp("2025-06-11")
    assert specs["name"].label == "Site" and specs["investment_eur"].kind == "money"
    assert all("_" not in spec.label for spec in specs.values())


def test_prepare_merges_a_claim_value_with_its_unit():
    claims = pd.DataFrame(
        {
            "metric": ["investment", "status"],
            "value": [2e9, None],
            "unit": ["EUR", None],
            "value_text": [None, "operational"],
        }
    )
    shown, _ = prepare(claims)
    assert list(shown.columns) == ["metric", "value"]
    assert shown.value.tolist() == ["€2 bn", "Operational"]
    assert shown.metric.tolist() == ["Investment", "Status"]


def test_countries_outside_the_dataset_are_named_too():
    from atlas.display import country_names

    names = {"FRA": "France"}
    assert country_names("FRA", names) == "France"
    assert country_names("USA; JPN", names) == "United States, Japan"
    assert country_names("XKX", names) == "Kosovo"
    assert country_names("ZZZ", names) == "ZZZ"  # unknown codes stay as they are, never dropped


def test_coverage_lists_countries_by_name():
    import pandas as pd

    from atlas.coverage import FIELDS, coverage_by_country

    sites = pd.DataFrame(
        {"country": ["DEU", "AUT"], "n_conflicts": [0, 1], "last_claimed_on": pd.to_datetime(["2026-01-01"] * 2)}
    )
    for field in FIELDS:
        sites[field] = [1, None]
    countries = pd.DataFrame({"iso3": ["DEU", "AUT", "CHE"], "name": ["Germany", "Austria", "Switzerland"]})
    table = coverage_by_country(sites, countries, pd.Timestamp("2026-06-01"))
    assert list(table.name) == ["Austria", "Germany", "Switzerland"]
