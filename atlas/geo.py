"""Country geometry for Europe: loading the shipped GeoJSON and locating points in it."""

from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point

from atlas.paths import DEFAULT_DATA_DIR, GEOMETRY_FILE

# A site geocoded to its town may sit just off a generalised coastline (Oslo, Narvik, Sines).
COAST_TOLERANCE_KM = 15.0
KM_PER_DEGREE = 111.0


@cache
def countries_geometry(path: Path = DEFAULT_DATA_DIR / GEOMETRY_FILE) -> gpd.GeoDataFrame:
    """Europe's country polygons (EPSG:4326), indexed by ISO-3 code."""
    frame = gpd.read_file(path)
    return frame.set_index("iso3")


def distance_to_country_km(iso3: str, lat: float, lon: float) -> float | None:
    """Approximate distance from a point to a country's polygon: 0 inside, None when there is no shape."""
    shapes = countries_geometry()
    if iso3 not in shapes.index:
        return None
    shape = shapes.geometry.loc[iso3]
    point = Point(lon, lat)
    if shape.covers(point):
        return 0.0
    return shape.distance(point) * KM_PER_DEGREE


def distances_km(countries: pd.Series, lats: pd.Series, lons: pd.Series) -> pd.Series:
    """Vectorised `distance_to_country_km` for many points (NaN where the country has no shape)."""
    shapes = countries_geometry().geometry
    known = countries.isin(shapes.index)
    out = pd.Series(np.nan, index=countries.index)
    if not known.any():
        return out
    polygons = shapes.loc[countries[known]].to_numpy()
    points = shapely.points(lons[known].to_numpy(dtype=float), lats[known].to_numpy(dtype=float))
    inside = shapely.covers(polygons, points)
    distance = np.where(inside, 0.0, shapely.distance(polygons, points) * KM_PER_DEGREE)
    out.loc[known] = distance
    return out


def point_in_country(iso3: str, lat: float, lon: float, tolerance_km: float = COAST_TOLERANCE_KM) -> bool | None:
    """Whether the point lies in (or within `tolerance_km` of) the country; None when the country has no shape."""
    distance = distance_to_country_km(iso3, lat, lon)
    return None if distance is None else distance <= tolerance_km
