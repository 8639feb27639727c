"""The full dataset package: every CSV (neutralised), the datapackage, a README and a GeoJSON of sites."""

import json
import zipfile
from pathlib import Path

import pandas as pd

from atlas.contract import Contract, load_contract
from atlas.export import csv_text
from atlas.load import Dataset, load_dataset
from atlas.metrics import site_table
from atlas.paths import DATAPACKAGE, DEFAULT_DATA_DIR
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


def sites_geojson(ds: Dataset) -> dict:
    """Sites as GeoJSON points with their resolved figures (unknown values are null)."""
    sites = site_table(ds)
    features = []
    for _, s in sites[sites.latitude.notna()].iterrows():
        props = {
            k: (None if pd.isna(s[k]) else (s[k].item() if hasattr(s[k], "item") else s[k])) for k in SITE_PROPERTIES
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(s.longitude), float(s.latitude)]},
                "properties": props,
            }
        )
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


def build_zip(out: Path, ds: Dataset | Path | str | None = None) -> Path:
    """Write the package ZIP of a loaded dataset (or of a directory, loaded and validated first).

    The CSVs keep the data's exact text, neutralised for spreadsheets.
    """
    ds = ds if isinstance(ds, Dataset) else load_dataset(Path(ds or DEFAULT_DATA_DIR))
    data_dir = ds.directory
    contract = load_contract()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for resource in contract.resources:
            frame, _ = read_raw(data_dir, resource)
            rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
            archive.writestr(resource.path, csv_text(rows, resource.columns).encode("utf-8-sig"))
        archive.writestr(DATAPACKAGE, json.dumps(contract.raw, indent=2, ensure_ascii=False))
        archive.writestr("README.md", readme(ds, contract))
        archive.writestr("sites.geojson", json.dumps(sites_geojson(ds), ensure_ascii=False))
    return Path(out)
