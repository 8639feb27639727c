"""The full dataset package: every CSV (neutralised), the datapackage, a README and a GeoJSON of sites."""

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from atlas.contract import Contract, load_contract
from atlas.export import csv_text
from atlas.load import Dataset, data_version, load_dataset
from atlas.metrics import site_table
from atlas.paths import DATAPACKAGE, DEFAULT_DATA_DIR
from atlas.problems import DataError, Problem
from atlas.read import read_raw

SITE_PROPERTIES = [
    "site_id",
    "name",
    "kind",
    "country",
    "city",
    "programme",
    "status",
    "gpu_count",
    "accelerator_model",
    "h100e",
    "power_mw",
    "investment_eur",
    "expected_online",
    "n_claims",
    "n_sources",
    "coordinates_basis",
]


def _plain(value: object) -> object:
    """A JSON-ready scalar: None for unknown values, Python numbers for numpy ones."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def sites_geojson(ds: Dataset, sites: pd.DataFrame | None = None) -> dict:
    """Sites as GeoJSON points with their resolved figures (unknown values are null).

    `sites` is the site table at the data's as-of date when the caller has it already (the app
    caches it); otherwise it is computed, which resolves the whole ledger.
    """
    sites = site_table(ds) if sites is None else sites
    located = sites[sites.latitude.notna()]
    columns = {k: [_plain(v) for v in located[k].astype(object)] for k in SITE_PROPERTIES}
    lons, lats = located.longitude.astype(float).tolist(), located.latitude.astype(float).tolist()
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {k: columns[k][i] for k in SITE_PROPERTIES},
        }
        for i, (lon, lat) in enumerate(zip(lons, lats, strict=True))
    ]
    return {"type": "FeatureCollection", "features": features}


def readme(ds: Dataset, contract: Contract) -> str:
    """What the package is, its as-of date, method, citation, licence and data dictionary."""
    as_of = f"{ds.as_of:%Y-%m-%d}"
    lines = [
        f"# {contract.title}",
        "",
        f"Data as of {as_of} (the latest date on which a claim in the ledger was made). Package version {contract.version}.",
        "",
        "## What it is",
        "A claims ledger: every figure is a claim, with the source's wording (`as_stated`), the date it was made",
        "(`claimed_on`), its source (`source_id` → `sources.csv`, with URL, publisher and date) and a confidence.",
        "Conflicting claims are kept side by side. `sites.geojson` holds each site's resolved figures.",
        "",
        "## Method",
        "The resolved value of a metric is its latest claim; on the same date a primary source beats a secondary one,",
        "then reported beats estimated beats derived. H100-equivalents and EUR amounts are derived (see the Atlas's",
        "Methodology page). Unknown values are empty, never 0.",
        "",
        "## Safety of the CSV files",
        "Text cells that would start with = + - @ or a tab/CR/LF are prefixed with an apostrophe so that spreadsheet",
        "software cannot run them as formulas. Numbers are unchanged. Files are UTF-8 with a byte-order mark.",
        "",
        "## Citation",
        f"Sovereign AI Atlas: claims ledger of Europe's AI infrastructure buildout, data as of {as_of}.",
        "Figures remain the claims of their sources; cite the source URL for any single figure.",
        "",
        "## Licence",
        "Curated tables: CC BY 4.0. Reference data keep their own licences (see the Atlas's data/README.md).",
        "",
        "## Data dictionary",
    ]
    for r in contract.resources:
        lines += ["", f"### {r.path}", r.description, "", "| column | type | unit | description |", "|---|---|---|---|"]
        lines += [f"| {f.name} | {f.type} | {f.unit or ''} | {f.description} |" for f in r.fields]
    return "\n".join(lines) + "\n"


def zip_descriptor(raw: dict) -> dict:
    """The contract as it describes the ZIP's CSVs, which `csv_text` writes with CRLF line ends.

    (They also start with a byte-order mark, which UTF-8 readers skip, so `encoding` stays utf-8.)
    """
    resources = [
        {**r, "dialect": {**r["dialect"], "lineTerminator": "\r\n"}} if "dialect" in r else r for r in raw["resources"]
    ]
    return {**raw, "resources": resources}


def _unchanged(ds: Dataset, contract: Contract) -> None:
    if ds.version and data_version(ds.directory, contract) != ds.version:
        message = "the data files changed since they were loaded and validated, so an export would not match what is shown; restart the app to load and validate them again"
        raise DataError([Problem("(data directory)", None, None, message)])


def zip_bytes(ds: Dataset, sites: pd.DataFrame | None = None) -> bytes:
    """The package ZIP of a loaded, validated dataset, without validating it again.

    The CSVs keep the files' exact text (parsed, not re-checked), neutralised for spreadsheets;
    if a file changed since the dataset was loaded, the export is refused rather than shipping
    text that was never validated.
    """
    contract = load_contract()
    _unchanged(ds, contract)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for resource in contract.resources:
            frame, problems = read_raw(ds.directory, resource)
            if frame is None:
                raise DataError(problems)
            rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
            archive.writestr(resource.path, csv_text(rows, resource.columns).encode("utf-8-sig"))
            del frame, rows
        archive.writestr(DATAPACKAGE, json.dumps(zip_descriptor(contract.raw), indent=2, ensure_ascii=False))
        archive.writestr("README.md", readme(ds, contract))
        archive.writestr("sites.geojson", json.dumps(sites_geojson(ds, sites), ensure_ascii=False))
    _unchanged(ds, contract)
    return buffer.getvalue()


def build_zip(out: Path, ds: Dataset | Path | str | None = None) -> Path:
    """Write the package ZIP of a loaded dataset (or of a directory, loaded and validated first)."""
    ds = ds if isinstance(ds, Dataset) else load_dataset(Path(ds or DEFAULT_DATA_DIR))
    Path(out).write_bytes(zip_bytes(ds))
    return Path(out)
