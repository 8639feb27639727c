"""Every table is drawn for people (labels, words, no "None") and has its own CSV download."""

import json
import re
from urllib.parse import parse_qsl

import pandas as pd
import pytest

from atlas import pages as registry
from components.tables import TABLE_DOWNLOAD_SUFFIX
from tests.app.conftest import PAGES, open_page

# Each page at its registry example (a profile shows its subject), the Overview with its detail open.
QUERIES = {p.file: dict(parse_qsl(p.example)) for p in registry.PAGES} | {"views/overview.py": {"detail": "1"}}
RAW_CODE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def _tables(view):
    at = open_page(view, QUERIES.get(view))
    assert not at.exception, [e.value for e in at.exception]
    return at, list(at.dataframe)


@pytest.mark.parametrize("view", PAGES)
def test_every_table_has_a_csv_download(view):
    at, tables = _tables(view)
    downloads = [b for b in at.get("download_button") if str(b.proto.id).endswith(TABLE_DOWNLOAD_SUFFIX)]
    assert len(downloads) == len(tables), f"{view}: {len(tables)} tables, {len(downloads)} table downloads"


def test_the_pages_with_tables_are_checked():
    counts = {view: len(_tables(view)[1]) for view in ["views/site.py", "views/country.py", "views/overview.py"]}
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.parametrize("view", PAGES)
def test_tables_show_labels_and_words_not_codes(view):
    _, tables = _tables(view)
    for table in tables:
        config = json.loads(table.proto.columns or "{}")
        frame = table.value
        for column in frame.columns:
            label = config.get(column, {}).get("label", column)
            assert "_" not in label and label.strip(), f"{view}: raw header {label!r}"
            cells = frame[column].dropna()
            text = cells[cells.map(lambda v: isinstance(v, str))].astype(str)
            assert not text.isin(["None", "nan", "NaN", "<NA>"]).any(), f"{view}: {column} shows None/nan"
            raw = text[text.str.match(RAW_CODE)]
            assert raw.empty, f"{view}: {label} shows codes {raw.unique()[:3].tolist()}"
        assert table.proto.placeholder == "", f"{view}: empty cells must stay empty"


def test_money_is_compact_and_numbers_are_grouped():
    _, tables = _tables("views/europe_map.py")
    table = tables[1]  # the full country table (the first is the ranking beside the map)
    config = json.loads(table.proto.columns)
    assert config["investment_eur"]["type_config"]["format"] == "€%.3g bn"
    assert config["gpu_count"]["type_config"]["format"] == "%,d"
    assert "iso3" not in table.value.columns
    shown = table.value.investment_eur.dropna()
    assert len(shown) and shown.max() < 1000, "money is shown in € billions"
    assert pd.api.types.is_numeric_dtype(shown), "money stays a number so it sorts"
