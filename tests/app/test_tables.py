"""Every table is drawn for people (labels, words, no "None") and has its own CSV download."""

import json
import re

import pandas as pd
import pytest

from components.tables import TABLE_DOWNLOAD_SUFFIX
from tests.app.conftest import PAGES, open_page

QUERIES = {
    "views/country.py": {"country": "FRA"},
    "views/site.py": {"site": "fra-mistral-compute"},
    "views/organisation.py": {"org": "nscale"},
    "views/overview.py": {"detail": "1"},
}
RAW_CODE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def _tables(page):
    at = open_page(page, QUERIES.get(page))
    assert not at.exception, [e.value for e in at.exception]
    return at, list(at.dataframe)


@pytest.mark.parametrize("page", PAGES)
def test_every_table_has_a_csv_download(page):
    at, tables = _tables(page)
    downloads = [b for b in at.get("download_button") if str(b.proto.id).endswith(TABLE_DOWNLOAD_SUFFIX)]
    assert len(downloads) == len(tables), f"{page}: {len(tables)} tables, {len(downloads)} table downloads"


def test_the_pages_with_tables_are_checked():
    counts = {page: len(_tables(page)[1]) for page in ["views/site.py", "views/country.py", "views/overview.py"]}
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.parametrize("page", PAGES)
def test_tables_show_labels_and_words_not_codes(page):
    _, tables = _tables(page)
    for table in tables:
        config = json.loads(table.proto.columns or "{}")
        frame = table.value
        for column in frame.columns:
            label = config.get(column, {}).get("label", column)
            assert "_" not in label and label.strip(), f"{page}: raw header {label!r}"
            cells = frame[column].dropna()
            text = cells[cells.map(lambda v: isinstance(v, str))].astype(str)
            assert not text.isin(["None", "nan", "NaN", "<NA>"]).any(), f"{page}: {column} shows None/nan"
            raw = text[text.str.match(RAW_CODE)]
            assert raw.empty, f"{page}: {label} shows codes {raw.unique()[:3].tolist()}"
        assert table.proto.placeholder == "", f"{page}: empty cells must stay empty"


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
