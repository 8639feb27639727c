"""Where the data lives: `data/` beside the package, or `ATLAS_DATA_DIR` when set."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DATAPACKAGE = "datapackage.json"
GEOMETRY_FILE = Path("geo") / "europe_countries.geojson"


def data_dir() -> Path:
    """The data directory the app should read, honouring `ATLAS_DATA_DIR`."""
    override = os.environ.get("ATLAS_DATA_DIR", "").strip()
    return Path(override) if override else DEFAULT_DATA_DIR
