"""Each broken fixture is caught with a message naming the exact file, row and column."""

import pytest

from atlas.cli import main
from atlas.load import validate
from tests.conftest import BROKEN, build_broken

# The defect each fixture plants, and where the validator must point.
LOCATIONS = {
    "accessed_before_published": "sources.csv:3:accessed_on:",
    "bad_encoding": "sources.csv:3::",
    "bad_iso3": "sites.csv:4:country:",
    "bad_list_reference": "events.csv:2:organisations:",
    "claim_after_source": "claims.csv:9:claimed_on:",
    "coordinates_outside_country": "sites.csv:2:latitude:",
    "duplicate_claim": "claims.csv:17:claim_id:",
    "duplicate_id": "sources.csv:3:source_id:",
    "duplicate_organisation": "organisations.csv:5:name:",
    "empty_as_stated": "claims.csv:5:as_stated:",
    "empty_file": "organisations.csv:::",
    "h100e_as_chips": "claims.csv:9:metric:",
    "impossible_date": "claims.csv:5:claimed_on:",
    "malformed_url": "sources.csv:3:url:",
    "missing_column": "roles.csv:1:source_id:",
    "missing_file": "claims.csv:::",
    "missing_precision": "claims.csv:12:precision:",
    "negative_number": "claims.csv:5:value:",
    "not_a_number": "claims.csv:9:value:",
    "parent_cycle": "site_parents.csv:2:parent_site_id:",
    "truncated_row": "sites.csv:3::",
    "unknown_column": "programmes.csv:1:budget:",
    "unknown_foreign_key": "roles.csv:3:org_id:",
    "unknown_status": "claims.csv:8:value_text:",
    "unknown_subject": "claims.csv:14:subject_id:",
    "wrong_unit": "claims.csv:6:unit:",
}


def test_every_fixture_has_an_expected_location():
    assert sorted(LOCATIONS) == sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
    assert len(LOCATIONS) >= 12


@pytest.mark.parametrize("name", sorted(LOCATIONS))
def test_fixture_is_caught_at_its_location(name, tmp_path):
    problems = [str(p) for p in validate(build_broken(name, tmp_path))]
    assert any(p.startswith(LOCATIONS[name]) for p in problems), problems


@pytest.mark.parametrize("name", sorted(LOCATIONS))
def test_fixture_output_matches_golden(name, tmp_path):
    problems = "".join(f"{p}\n" for p in validate(build_broken(name, tmp_path)))
    assert problems == (BROKEN / name / "expected.txt").read_text(encoding="utf-8")


def test_cli_exits_non_zero_and_prints_locations(tmp_path, capsys):
    directory = build_broken("bad_iso3", tmp_path)
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "sites.csv:4:country: 'NOX' is not an ISO 3166-1 alpha-3 country code" in out
