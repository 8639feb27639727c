"""The dataset conforms to Data Package / Table Schema: the official Frictionless validator accepts
`data/` and a freshly exported ZIP, and judges the broken fixtures as our own validator does.

Our validator has richer rules (cross-table meaning, coordinates, claims semantics); the tables
below say which fixtures each one catches, and where both catch one they must point at the same
file, row and field.
"""

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from frictionless import FrictionlessException, Package

from atlas.load import validate
from atlas.package import build_zip
from tests.conftest import BROKEN, ROOT, build_broken

DATA = ROOT / "data"
DESCRIPTOR = DATA / "datapackage.json"

# Fixtures whose defect Table Schema can express (types, required, unique, pattern, minimum,
# foreign keys, header, encoding): the official validator must catch them at our location.
BOTH_CATCH = {
    "bad_encoding",
    "bad_iso3",  # through the foreign key sites.country -> countries.iso3
    "duplicate_id",
    "empty_as_stated",
    "empty_file",
    "impossible_date",
    "malformed_url",  # through the pattern ^https?://\S+$ on format uri
    "missing_column",
    "missing_file",
    "negative_number",
    "not_a_number",
    "truncated_row",
    "unknown_column",
    "unknown_foreign_key",
}
# Defects only our validator can see: they need another table's dates, coordinates, the claims'
# metric rules or a list-valued reference, which Table Schema cannot state.
ONLY_OURS = {
    "accessed_before_published",
    "bad_list_reference",
    "claim_after_source",
    "coordinates_outside_country",
    "duplicate_claim",  # counting rules: the same figure and source twice, under two claim ids
    "duplicate_organisation",
    "h100e_as_chips",
    "parent_cycle",
    "missing_precision",
    "unknown_status",
    "unknown_subject",
    "wrong_unit",
}


def frictionless_problems(descriptor: Path) -> list[str]:
    """The official validator's findings on a descriptor or a zipped package, as `file:row:field: type: note`."""
    try:
        report = Package(str(descriptor)).validate()
    except FrictionlessException as exc:  # the descriptor itself is rejected before any row is read
        return [f"{descriptor.name}::: {e.type}: {e.note or e.message}" for e in exc.reasons or [exc.error]]
    problems = [f"{descriptor.name}::: {e.type}: {e.note or e.message}" for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            d = e.to_dict()
            row = d.get("rowNumber") or (1 if "label" in d else "")
            field = d.get("fieldName") or ",".join(d.get("fieldNames", [])) or d.get("label", "")
            problems.append(f"{Path(task.place).name}:{row}:{field}: {e.type}: {e.note or e.message}")
    return problems


def location(problem: str) -> tuple[str, str, str]:
    file, row, field, _ = problem.split(":", 3)
    return file, row, field


def agrees(ours: str, theirs: str) -> bool:
    """Same file; same row and field wherever both validators name one."""
    return all(a == b or not a or not b for a, b in zip(location(ours), location(theirs), strict=True))


@pytest.fixture(scope="module")
def exported_zip(tmp_path_factory) -> Path:
    """One freshly exported dataset ZIP (atlas export --zip) for the tests of this module."""
    return build_zip(tmp_path_factory.mktemp("export") / "atlas.zip")


def test_data_directory_conforms():
    problems = frictionless_problems(DESCRIPTOR)
    assert problems == [], "frictionless rejects data/:\n" + "\n".join(problems)


def test_exported_zip_conforms(exported_zip):
    problems = frictionless_problems(exported_zip)  # read as a zipped package
    assert problems == [], "frictionless rejects the exported ZIP:\n" + "\n".join(problems)


def test_exported_zip_states_its_own_line_ends(exported_zip):
    with zipfile.ZipFile(exported_zip) as z:
        descriptor = json.loads(z.read("datapackage.json"))
        for r in descriptor["resources"]:
            assert r["dialect"]["lineTerminator"] == "\r\n", r["name"]
            assert z.read(r["path"]).split(b"\n", 1)[0].endswith(b"\r"), r["path"]


def test_every_table_states_its_dialect_encoding_and_standard_properties():
    raw = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "created", "licenses", "sources", "contributors"):
        assert raw.get(key), f"datapackage.json: package property {key!r} is missing"
    for r in raw["resources"]:
        where = f"datapackage.json: resource {r['name']!r}"
        assert r.get("profile") == "tabular-data-resource", f"{where} is not marked a tabular-data-resource"
        assert r.get("encoding") == "utf-8", f"{where} states no encoding"
        assert r.get("dialect", {}).get("delimiter") == ",", f"{where} states no CSV dialect"
        first_line = (DATA / r["path"]).read_bytes().split(b"\n", 1)[0]
        assert not first_line.endswith(b"\r"), f"{where}: {r['path']} has CRLF line ends, the dialect says LF"
        for f in r["schema"]["fields"]:
            nonstandard = {"unit", "list_of"} & set(f) or (
                {f.get("format")} - {None, "default", "email", "uri", "binary", "uuid"}
            )
            assert not nonstandard, f"{where} field {f['name']!r}: use x_-prefixed names for {nonstandard}"


def test_problems_name_table_row_and_field(tmp_path):
    problems = frictionless_problems(build_broken("not_a_number", tmp_path) / _descriptor_into(tmp_path))
    assert problems == ['claims.csv:9:value: type-error: type is "number/default"']


def _descriptor_into(directory: Path) -> str:
    shutil.copy(DESCRIPTOR, directory / DESCRIPTOR.name)
    return DESCRIPTOR.name


def test_fixture_lists_cover_every_fixture():
    assert sorted(BOTH_CATCH | ONLY_OURS) == sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
    assert not BOTH_CATCH & ONLY_OURS


@pytest.mark.parametrize("name", sorted(BOTH_CATCH | ONLY_OURS))
def test_validators_agree_on_broken_fixture(name, tmp_path):
    directory = build_broken(name, tmp_path)
    ours = [str(p) for p in validate(directory)]
    theirs = frictionless_problems(directory / _descriptor_into(directory))
    assert ours, f"{name}: our validator misses it"
    if name in ONLY_OURS:
        assert theirs == [], f"{name}: frictionless now catches it too; move it to BOTH_CATCH: {theirs}"
        return
    assert theirs, f"{name}: frictionless misses it"
    first = ours[0]
    assert any(agrees(first, t) for t in theirs), f"{name}: we say {first!r}, frictionless says {theirs}"


def _readme_snippets() -> list[str]:
    """The Python blocks of the README's 'Use the data in your own tools' section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use the data in your own tools", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def _claim_rows(directory: Path) -> int:
    with open(directory / "claims.csv", encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def test_readme_shows_two_line_snippets():
    snippets = _readme_snippets()
    assert len(snippets) == 2, snippets
    assert all(len([line for line in s.splitlines() if line.strip()]) == 2 for s in snippets), snippets


@pytest.mark.parametrize("where", ["data", "zip"])
@pytest.mark.parametrize("index", [0, 1], ids=["frictionless", "pandas"])
def test_readme_snippet_loads_the_claims(where, index, exported_zip, tmp_path, monkeypatch):
    directory = DATA
    if where == "zip":
        with zipfile.ZipFile(exported_zip) as z:
            z.extractall(tmp_path / "atlas")
        directory = tmp_path / "atlas"
    monkeypatch.chdir(directory.parent)
    code = _readme_snippets()[index].replace('"data/', f'"{directory.name}/')
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - the README's own snippet, run as a reader would
    claims = namespace["claims"]
    assert len(claims) == _claim_rows(directory)
    assert str(claims["claimed_on"].dtype).startswith("datetime64")
    assert claims["claimed_on"].notna().all()
