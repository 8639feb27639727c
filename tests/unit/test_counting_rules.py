"""Warnings of the counting rules: judgement calls that do not stop loading."""

import shutil

from atlas.load import load_dataset, validate, warnings
from tests.conftest import MINI


def copy(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    return data


def test_the_mini_fixture_has_no_warning():
    assert warnings(MINI) == []


def test_a_site_compute_figure_without_precision_is_a_warning_not_an_error(tmp_path):
    data = copy(tmp_path)
    with open(data / "claims.csv", "a", encoding="utf-8") as fh:
        fh.write(
            "c16,site,fra-cluster,compute_exaflops,5,,EFLOPS,unspecified,5 exaflops,2025-06-11,s-press,reported,,\n"
        )
    assert validate(data) == []
    assert [str(w) for w in warnings(data)] == [
        "claims.csv:17:precision: compute figure with precision 'unspecified': it is never summed"
    ]
    load_dataset(data)  # still loads


def test_a_site_figure_equal_to_its_organisations_from_one_source_is_flagged(tmp_path):
    data = copy(tmp_path)
    with open(data / "roles.csv", encoding="utf-8") as fh:
        assert "deu-cloud,telco-de" in fh.read()
    with open(data / "claims.csv", "a", encoding="utf-8") as fh:
        fh.write("c16,organisation,telco-de,investment,1000000000,,EUR,,€1 billion,2025-06-11,s-press,reported,,\n")
    found = [str(w) for w in warnings(data)]
    assert found == [
        "claims.csv:10:subject_id: same investment and source as organisation claim c16 (telco-de): "
        "keep the figure at the level the source states"
    ]


def test_equivalents_are_told_from_chips_by_their_wording():
    from atlas.counting_rules import EQUIVALENT

    for text in [
        "l’équivalent de 288 000 GPU actuels NVIDIA H100",
        "at least 100,000 H100 GPU equivalents",
        "50,000 H100e",
    ]:
        assert EQUIVALENT.search(text), text
    for text in ["roughly 20,000 GPUs or equivalent AI accelerators", "18,000 Grace Blackwell systems"]:
        assert not EQUIVALENT.search(text), text


def test_a_power_claim_must_say_what_it_measures_and_other_claims_must_not(tmp_path):
    data = copy(tmp_path)
    with open(data / "claims.csv", "a", encoding="utf-8") as fh:
        fh.write("c16,site,fra-cluster,power_mw,5,,MW,,5 MW,2025-06-11,s-press,reported,,\n")
        fh.write("c17,site,fra-cluster,gpu_count,5,,accelerators,,5 GPUs,2025-06-11,s-press,reported,,it_load\n")
    found = [str(p) for p in validate(data)]
    assert found[0].startswith("claims.csv:17:power_basis: power_mw needs a power basis: it_load, facility_power")
    assert found[1] == "claims.csv:18:power_basis: must be empty for metric gpu_count"
    assert len(found) == 2
