"""Country geometry for Europe: loading the shipped GeoJSON and measuring how far points lie outside it."""

from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from atlas.paths import DEFAULT_DATA_DIR, GEOMETRY_FILE

# A site geocoded to its town may sit just off a generalised coastline (Oslo, Narvik, Sines).
COAST_TOLERANCE_KM = 15.0
KM_PER_DEGREE = 111.0


@cache
def countries_geometry(path: Path = DEFAULT_DATA_DIR / GEOMETRY_FILE) -> gpd.GeoDataFrame:
    """Europe's country polygons (EPSG:4326), indexed by ISO-3 code."""
    frame = gpd.read_file(path)
    return frame.set_index("iso3")


def distances_km(countries: pd.Series, lats: pd.Series, lons: pd.Series) -> pd.Series:
    """Approximate distance of each point from its country's polygon in km: 0 inside, NaN with no shape."""
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
