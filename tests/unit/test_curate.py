"""`python -m atlas add …`: good rows round-trip and validate; bad input is refused and nothing changes."""

import json
from pathlib import Path

import pytest

from atlas import curate
from atlas.cli import main
from atlas.load import load_dataset, validate


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


NEW_SOURCE = [
    "--source-url",
    "https://example.com/cloud-doubles",
    "--source-title",
    "Munich Cloud doubles",
    "--source-publisher",
    "Example Corp",
    "--source-published-on",
    "2026-03-01",
    "--source-type",
    "primary",
    "--source-language",
    "en",
]


def test_a_good_claim_with_a_new_source_round_trips_and_validates(mini_copy, capsys):
    before = snapshot(mini_copy)
    code, out, err = run(
        capsys,
        *["add", "claim", "--data-dir", str(mini_copy), "--site", "deu-cloud", "--metric", "power_mw"],
        *["--value", "130", "--as-stated", "130 megawatts", *NEW_SOURCE],
    )
    assert code == 0, err
    assert "+cur-s001,Munich Cloud doubles,Example Corp,https://example.com/cloud-doubles,2026-03-01," in out
    assert "+cur-c001,site,deu-cloud,power_mw,130,,MW,,130 megawatts,2026-03-01,cur-s001,reported,,not_stated" in out
    assert validate(mini_copy) == []
    ds = load_dataset(mini_copy)
    claim = ds.claims.set_index("claim_id").loc["cur-c001"]
    assert (claim.value, claim.unit, claim.source_id, claim.claimed_on.strftime("%Y-%m-%d")) == (
        130,
        "MW",
        "cur-s001",
        "2026-03-01",
    )
    after = snapshot(mini_copy)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"claims.csv", "sources.csv"}
    for name in changed:  # appended, never re-serialised
        assert after[name].startswith(before[name])
    assert not [p for p in mini_copy.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_a_source_url_already_in_the_ledger_is_reused(mini_copy, capsys):
    code, out, _ = run(
        capsys,
        *["add", "claim", "--data-dir", str(mini_copy), "--site", "nor-campus", "--metric", "power_mw"],
        *["--value", "50", "--as-stated", "50 MW", "--source-url", "https://news.example.org/cluster-grows"],
    )
    assert code == 0
    assert "source s-news already has this URL; reusing it" in out
    claims = load_dataset(mini_copy).claims.set_index("claim_id")
    assert claims.loc["cur-c001", "source_id"] == "s-news"
    assert claims.loc["cur-c001", "claimed_on"].strftime("%Y-%m-%d") == "2026-02-01"  # the source's date
    assert len(load_dataset(mini_copy).sources) == 3


def test_a_power_claim_keeps_the_basis_given(mini_copy, capsys):
    code, _, err = run(
        capsys,
        *["add", "claim", "--data-dir", str(mini_copy), "--site", "nor-campus", "--metric", "power_mw"],
        *["--value", "50", "--as-stated", "50 MW of IT load", "--power-basis", "it_load"],
        *["--source-url", "https://news.example.org/cluster-grows"],
    )
    assert code == 0, err
    assert load_dataset(mini_copy).claims.set_index("claim_id").loc["cur-c001", "power_basis"] == "it_load"


def test_a_power_basis_on_another_metric_is_refused(mini_copy, capsys):
    before = snapshot(mini_copy)
    code, _, err = run(
        capsys,
        *["add", "claim", "--data-dir", str(mini_copy), "--site", "nor-campus", "--metric", "gpu_count"],
        *["--value", "50", "--as-stated", "50 GPUs", "--power-basis", "it_load"],
        *["--source-url", "https://news.example.org/cluster-grows"],
    )
    assert code != 0
    assert "power_basis" in err and "must be empty for metric gpu_count" in err
    assert snapshot(mini_copy) == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--site", "nowhere", "--metric", "power_mw", "--value", "5"], "'nowhere' is not a known site"),
        (
            ["--site", "deu-cloud", "--metric", "power_mw", "--value", "5", "--unit", "GW"],
            "'GW' is not a unit of power_mw",
        ),
        (
            ["--site", "deu-cloud", "--metric", "power_mw", "--value", "5", "--claimed-on", "2099-01-01"],
            "claims.claimed_on 2099-01-01 is in the future",
        ),
        (
            ["--site", "fra-cluster", "--metric", "gpu_count", "--value", "13800", "--claimed-on", "2026-02-01"],
            "the same claim is already in claims.csv as c02",
        ),
        (["--site", "deu-cloud", "--metric", "megawatts", "--value", "5"], "'megawatts' is not a metric"),
        (["--site", "deu-cloud", "--metric", "status", "--value-text", "finished"], "'finished' is not a status"),
        (["--site", "deu-cloud", "--metric", "power_mw", "--value", "5,000"], "'5,000' is not a number"),
    ],
)
def test_bad_claims_are_refused_and_leave_every_file_byte_identical(mini_copy, capsys, extra, message):
    before = snapshot(mini_copy)
    source = ["--source-id", "s-news"] if "--claimed-on" in extra else ["--source-id", "s-news", "--as-stated", "x"]
    argv = ["add", "claim", "--data-dir", str(mini_copy), *extra, *source]
    if "--as-stated" not in argv:
        argv += ["--as-stated", "x"]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "refused; nothing written" in err
    assert message in err
    assert snapshot(mini_copy) == before


def test_a_claim_without_a_source_is_refused(mini_copy, capsys):
    before = snapshot(mini_copy)
    code, _, err = run(
        capsys,
        "add",
        "claim",
        "--data-dir",
        str(mini_copy),
        "--site",
        "deu-cloud",
        "--metric",
        "power_mw",
        "--value",
        "5",
    )
    assert code == 1 and "--source-id" in err
    assert snapshot(mini_copy) == before


def test_a_site_then_a_claim_from_a_toml_file(mini_copy, capsys, tmp_path):
    code, out, err = run(
        capsys,
        *["add", "site", "--data-dir", str(mini_copy), "--name", "Móra la Nova Campus", "--kind", "ai_gigafactory"],
        *["--country", "FRA", "--city", "Lyon", "--lat", "45.764", "--lon", "4.8357", "--description", "A test."],
    )
    assert code == 0, err
    assert "+fra-mora-la-nova-campus,Móra la Nova Campus,ai_gigafactory,FRA,Lyon,45.764,4.8357,source,," in out
    spec = tmp_path / "claim.toml"
    spec.write_text(
        'site = "fra-mora-la-nova-campus"\nmetric = "status"\nvalue_text = "announced"\n'
        'as_stated = "plans"\nsource_id = "s-news"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "add", "claim", "--data-dir", str(mini_copy), "--from", str(spec))
    assert code == 0, err
    sites = load_dataset(mini_copy).sites.set_index("site_id")
    assert sites.loc["fra-mora-la-nova-campus", "coordinates_basis"] == "source"
    assert validate(mini_copy) == []


def test_a_duplicate_site_and_an_unknown_input_field_are_refused(mini_copy, capsys, tmp_path):
    before = snapshot(mini_copy)
    code, _, err = run(
        capsys,
        *["add", "site", "--data-dir", str(mini_copy), "--name", "Paris Cluster", "--kind", "ai_factory"],
        *["--country", "FRA", "--description", "Again."],
    )
    assert code == 1 and "a site named 'Paris Cluster' in FRA already exists" in err
    spec = tmp_path / "event.json"
    spec.write_text(json.dumps({"title": "x", "colour": "red"}), encoding="utf-8")
    code, _, err = run(capsys, "add", "event", "--data-dir", str(mini_copy), "--from", str(spec))
    assert code == 1 and "unknown field(s) colour" in err
    spec.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "add", "event", "--data-dir", str(mini_copy), "--from", str(spec))
    assert code == 1 and "not valid JSON" in err
    assert snapshot(mini_copy) == before


def test_an_event_gets_the_next_id_and_its_source_date(mini_copy, capsys):
    code, _, err = run(
        capsys,
        *["add", "event", "--data-dir", str(mini_copy), "--title", "Cloud doubles", "--kind", "announcement"],
        *["--countries", "DEU", "--sites", "deu-cloud", "--prefix", "t1", *NEW_SOURCE],
    )
    assert code == 0, err
    events = load_dataset(mini_copy).events.set_index("event_id")
    assert events.loc["t1-e001", "date"].strftime("%Y-%m-%d") == "2026-03-01"
    assert events.loc["t1-e001", "source_id"] == "t1-s001"


def test_add_source_twice_writes_once(mini_copy, capsys):
    argv = ["add", "source", "--data-dir", str(mini_copy), "--url", "https://example.com/a", "--title", "A"]
    argv += ["--publisher", "P", "--published-on", "2026-01-05", "--source-type", "secondary", "--language", "de"]
    assert run(capsys, *argv)[0] == 0
    once = snapshot(mini_copy)
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "nothing to write" in out
    assert snapshot(mini_copy) == once


def test_dry_run_writes_nothing(mini_copy, capsys):
    before = snapshot(mini_copy)
    code, out, _ = run(
        capsys,
        *["add", "claim", "--data-dir", str(mini_copy), "--site", "deu-cloud", "--metric", "power_mw", "--value", "9"],
        *["--as-stated", "9 MW", "--source-id", "s-news", "--dry-run"],
    )
    assert code == 0 and "would write claims.csv" in out
    assert snapshot(mini_copy) == before


def test_a_failed_replace_rolls_back_the_files_already_replaced(mini_copy, monkeypatch):
    ledger = curate.Ledger.read(mini_copy)
    before = snapshot(mini_copy)
    texts = {name: (before[name].decode(), before[name].decode() + "x\n") for name in ("sources.csv", "claims.csv")}
    real_replace = curate.os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(curate.os, "replace", flaky)
    with pytest.raises(OSError):
        curate.write_all(ledger.directory, texts)
    assert snapshot(mini_copy) == before


def test_next_id_and_slug():
    assert curate.next_id(["cur-c001", "cur-c009", "d2-c050"], "cur", "c") == "cur-c010"
    assert curate.next_id([], "d3", "s") == "d3-s001"
    assert curate.slug("Móra la Nova AI (Spain)") == "mora-la-nova-ai-spain"


def test_a_missing_data_directory_is_refused_with_a_message(tmp_path, capsys):
    code, _, err = run(
        capsys,
        *["add", "claim", "--data-dir", str(tmp_path / "nowhere"), "--site", "x", "--metric", "power_mw"],
        *["--value", "1", "--as-stated", "1 MW", "--source-id", "s"],
    )
    assert code == 1
    assert "claims.csv in" in err and "cannot be read; run atlas validate and fix it first" in err
    assert not (tmp_path / "nowhere").exists()
