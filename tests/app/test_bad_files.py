"""The app on data directories with files that are not files, or no data at all."""

import os

import pytest

from atlas.load import validate
from tests.app.conftest import PAGES, open_page
from tests.conftest import build_broken, empty_dataset


def test_fifo_in_place_of_a_csv_gives_the_error_page(data_dir, mini_copy):
    (mini_copy / "events.csv").unlink()
    os.mkfifo(mini_copy / "events.csv")
    data_dir(mini_copy)
    at = open_page("views/overview.py")
    assert not at.exception
    assert at.title[0].value == "The data could not be loaded"
    problems = at.dataframe[0].value
    assert list(problems.file) == ["events.csv"]
    assert "FIFO" in problems.problem[0]


def test_link_outside_the_directory_is_refused_and_its_contents_not_shown(data_dir, mini_copy, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("TOP-SECRET,hunter2\n", encoding="utf-8")
    (mini_copy / "sources.csv").unlink()
    (mini_copy / "sources.csv").symlink_to(secret)
    data_dir(mini_copy)
    at = open_page("views/overview.py")
    assert not at.exception
    shown = at.dataframe[0].value.to_string()
    assert "outside the data directory" in shown
    assert "TOP-SECRET" not in shown and "hunter2" not in shown


REFERENCE = ("countries.csv", "accelerators.csv", "fx_rates.csv", "sources.csv")


@pytest.mark.parametrize("keep", [(), REFERENCE], ids=["all-empty", "ledger-empty"])
@pytest.mark.parametrize("view", PAGES)
def test_empty_dataset_shows_no_data_on_every_page(view, keep, data_dir, tmp_path):
    directory = data_dir(empty_dataset(tmp_path / "data", keep))
    assert validate(directory) == []
    at = open_page(view)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == ["No data yet"]
    assert "holds no claims" in at.info[0].value


def test_a_broken_directory_is_validated_once_per_version_of_its_files(data_dir, tmp_path, monkeypatch):
    """Every rerun of the error page used to re-read and re-validate everything (6.7 s at ×100 scale)."""
    import components.data

    directory = data_dir(build_broken("truncated_row", tmp_path))
    assert open_page().title[0].value == "The data could not be loaded"
    calls = []
    real = components.data.load_dataset
    monkeypatch.setattr(components.data, "load_dataset", lambda d: calls.append(d) or real(d))
    at = open_page()
    assert at.title[0].value == "The data could not be loaded" and calls == []
    claims = directory / "claims.csv"
    claims.write_text(claims.read_text() + "\n")  # any change to a file is a new version: validate again
    at = open_page()
    assert at.title[0].value == "The data could not be loaded" and len(calls) == 1
