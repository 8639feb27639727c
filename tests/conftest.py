"""Shared fixtures: the mini dataset, and a helper that overlays a broken fixture on it."""

import shutil
from pathlib import Path

import pytest

from atlas.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
BROKEN = FIXTURES / "broken"


def build_broken(name: str, target: Path) -> Path:
    """Copy `mini/` to `target` and apply the broken fixture `name` to it."""
    shutil.copytree(MINI, target, dirs_exist_ok=True)
    for item in (BROKEN / name).iterdir():
        if item.name == "REMOVE":
            for file in item.read_text().split():
                (target / file).unlink()
        elif item.suffix == ".csv":
            shutil.copy(item, target / item.name)
    return target


@pytest.fixture(scope="session")
def mini():
    return load_dataset(MINI)


@pytest.fixture
def mini_copy(tmp_path):
    """A writable copy of the mini dataset."""
    return Path(shutil.copytree(MINI, tmp_path / "data"))


def empty_dataset(target: Path, keep: tuple[str, ...] = ()) -> Path:
    """A copy of `mini/` with every CSV cut to its header row (except those in `keep`): valid, but no data."""
    shutil.copytree(MINI, target, dirs_exist_ok=True)
    for path in target.glob("*.csv"):
        if path.name not in keep:
            header = path.read_text(encoding="utf-8").splitlines()[0]
            path.write_text(header + "\n", encoding="utf-8")
    return target
