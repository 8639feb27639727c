"""Files that are not regular files, or lie outside the data directory, are refused with a clear message.

A FIFO must not hang the reader, a link to /dev/zero must not get past the size cap, and a link
to a file elsewhere must be refused without showing any of its contents.
"""

import json
import os
import threading

import pytest

import atlas.read
from atlas.__main__ import run as main
from atlas.load import validate
from tests.conftest import empty_dataset


def _validate_within(directory, seconds=10.0):
    """validate() in a thread; fails the test (instead of hanging it) if it does not return in time."""
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("problems", validate(directory)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "validate() hung"
    return [str(p) for p in result["problems"]]


def test_fifo_in_place_of_a_csv_is_refused_without_hanging(mini_copy):
    (mini_copy / "events.csv").unlink()
    os.mkfifo(mini_copy / "events.csv")
    problems = _validate_within(mini_copy)
    assert "events.csv::: file is a FIFO (named pipe), not a regular file; it is not read" in problems


def test_symlink_to_a_fifo_inside_the_directory_is_refused(mini_copy):
    os.mkfifo(mini_copy / "pipe")
    (mini_copy / "events.csv").unlink()
    (mini_copy / "events.csv").symlink_to(mini_copy / "pipe")
    assert any(p.startswith("events.csv::: file is a FIFO") for p in _validate_within(mini_copy))


def test_directory_in_place_of_a_csv_is_refused(mini_copy):
    (mini_copy / "events.csv").unlink()
    (mini_copy / "events.csv").mkdir()
    assert "events.csv::: file is a directory, not a regular file; it is not read" in _validate_within(mini_copy)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_refused(mini_copy):
    (mini_copy / "claims.csv").unlink()
    (mini_copy / "claims.csv").symlink_to("/dev/zero")
    problems = _validate_within(mini_copy)
    assert any(p.startswith("claims.csv::: file is a link to outside the data directory") for p in problems)


def test_character_device_is_refused_even_when_inside_the_directory(mini_copy, monkeypatch):
    """The type check runs on the resolved file, so a device never reaches the reader."""
    monkeypatch.setattr(atlas.read, "_inside", lambda directory, target: True)
    (mini_copy / "claims.csv").unlink()
    (mini_copy / "claims.csv").symlink_to("/dev/zero")
    problems = _validate_within(mini_copy)
    assert "claims.csv::: file is a character device, not a regular file; it is not read" in problems


def test_symlink_outside_the_directory_is_refused_and_not_shown(mini_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-HEADER,password\n1,2\n", encoding="utf-8")
    (mini_copy / "sources.csv").unlink()
    (mini_copy / "sources.csv").symlink_to(secret)
    problems = _validate_within(mini_copy)
    assert "sources.csv::: file is a link to outside the data directory; it is not read" in problems
    assert not any("TOP-SECRET" in p or "password" in p for p in problems)


def test_symlink_within_the_directory_is_read(mini_copy):
    (mini_copy / "events.csv").rename(mini_copy / "events-real.csv")
    (mini_copy / "events.csv").symlink_to("events-real.csv")
    problems = _validate_within(mini_copy)
    assert not any(p.startswith("events.csv:") for p in problems), problems


def test_dangling_symlink_is_reported_as_missing(mini_copy):
    (mini_copy / "events.csv").unlink()
    (mini_copy / "events.csv").symlink_to(mini_copy / "nowhere.csv")
    assert any(p.startswith("events.csv::: file is missing") for p in _validate_within(mini_copy))


def test_file_that_lies_about_its_size_is_read_only_up_to_the_cap(mini_copy, monkeypatch):
    """The size cap holds on the bytes read, not only on what stat() says (a file may grow)."""
    monkeypatch.setattr(atlas.read, "MAX_FILE_BYTES", 10)
    real = os.stat

    def lying_stat(path, *args, **kwargs):
        info = real(path, *args, **kwargs)
        return os.stat_result((*info[:6], 1, *info[7:10]))  # st_size = 1

    monkeypatch.setattr(atlas.read.os, "stat", lying_stat)
    read = []
    real_read = atlas.read._read_capped
    monkeypatch.setattr(atlas.read, "_read_capped", lambda path: read.append(len(real_read(path))) or b"x" * read[-1])
    problems = _validate_within(mini_copy)
    assert any(p.startswith("claims.csv::: file is larger than") for p in problems), problems
    assert read and max(read) == 11


def test_cli_validate_names_the_fifo_and_exits_1(mini_copy, capsys):
    (mini_copy / "events.csv").unlink()
    os.mkfifo(mini_copy / "events.csv")
    assert main(["validate", str(mini_copy)]) == 1
    assert "events.csv::: file is a FIFO" in capsys.readouterr().out


@pytest.mark.parametrize("error", [MemoryError(), OSError(28, "No space left on device", "out.zip"), ValueError("x")])
def test_cli_turns_any_failure_into_a_message(error, monkeypatch, capsys, tmp_path):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr("atlas.cli.load_dataset", fail)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: stats ") and "Traceback" not in err


@pytest.mark.parametrize("command", [["export", "--zip", "{out}/a.zip"], ["report", "{out}/a.html"]])
def test_cli_on_an_empty_dataset_says_there_is_nothing(command, tmp_path, capsys):
    directory = empty_dataset(tmp_path / "data")
    argv = [part.format(out=tmp_path) for part in command] + ["--data-dir", str(directory)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{directory}: valid but holds no claims; there is nothing to {command[0]}"
    assert not list(tmp_path.glob("a.*"))


def test_cli_stats_on_an_empty_dataset_reports_zero_and_no_date(tmp_path, capsys):
    assert main(["stats", "--json", "--data-dir", str(empty_dataset(tmp_path / "data"))]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["claims"] == 0 and figures["as_of"] is None
