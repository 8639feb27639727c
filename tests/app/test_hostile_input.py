"""Hostile URL parameters and hostile data: notices name the parameter, text shows literally, nothing crashes."""

import logging
import re

import pytest

from atlas import pages as registry
from tests.app.conftest import PAGES, open_page
from tests.conftest import MINI, build_broken
from tests.hostile import hostile_dataset

VARIANTS = {
    "empty": "",
    "wrong type": "12345",
    "unknown option": "definitely-not-an-option",
    "10 KB": "x" * 10_240,
    "repeated": ["a", "b"],
    "unicode controls": "\u202e\u0000\u200b",
}
# Every page parameter in the registry; free text takes any value but the 10 KB one.
PAGE_PARAMS = {p.file: [q.name for q in p.params if q.kind != "text"] for p in registry.PAGES}
FILTER_PARAMS = ["country", "status", "kind", "org", "programme", "as_of", "present", "story"]
CASES = [(page, p) for page, params in PAGE_PARAMS.items() for p in params] + [
    ("views/europe_map.py", p) for p in FILTER_PARAMS
]


def plain(text: str) -> str:
    return text.replace("\\", "")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("view", "param"), CASES)
def test_hostile_parameter_gives_a_notice_and_the_default(view, param, variant, data_dir):
    data_dir(MINI)
    value = VARIANTS[variant]
    if variant == "wrong type" and param in {"present"}:
        value = "maybe"
    at = open_page(view, {param: value})
    assert not at.exception, [e.value for e in at.exception]
    notices = [plain(w.value) for w in at.warning]
    assert any(f"'{param}'" in n for n in notices), (param, variant, notices)


def test_unknown_parameter_is_named(data_dir):
    data_dir(MINI)
    at = open_page("views/europe_map.py", {"<script>": "1"})
    assert any("Unknown parameter" in plain(w.value) and "<script>" in plain(w.value) for w in at.warning)


def test_a_thousand_unknown_parameters_give_five_notices_that_say_how_many_more(data_dir):
    data_dir(MINI)
    at = open_page("views/overview.py", {f"p{i}": "1" for i in range(999)})
    assert not at.exception
    notices = [plain(w.value) for w in at.warning]
    assert len(notices) == 5, len(notices)
    assert notices[-1].startswith("… and 995 more problems")


@pytest.mark.parametrize("view", PAGES)
def test_hostile_data_renders_literally_on_every_page(view, data_dir, tmp_path):
    data_dir(hostile_dataset(tmp_path / "data"))
    query = {
        "views/site.py": {"site": "fra-cluster"},
        "views/country.py": {"country": "FRA"},
        "views/organisation.py": {"org": "nvidia"},
        "views/compare.py": {"compare": "FRA,DEU"},
    }.get(view, {})
    at = open_page(view, query)
    assert not at.exception, [e.value for e in at.exception]
    for element in [*at.markdown, *at.caption, *at.header, *at.subheader, *at.title]:
        text = element.value
        for raw in ("<script", "<img", "](javascript:", "![tracker]"):
            assert not re.search(r"(?<!\\)" + re.escape(raw), text), f"unescaped {raw!r} in {text[:120]!r}"
    for chart in at.get("plotly_chart"):
        spec = chart.proto.spec
        assert "<script" not in spec and "<img" not in spec


def test_hostile_data_in_an_enum_is_shown_literally_on_the_error_page(data_dir, mini_copy):
    sites = mini_copy / "sites.csv"
    sites.write_text(sites.read_text().replace(",data_centre_campus,", ",<script>alert(1)</script>,"))
    data_dir(mini_copy)
    at = open_page()
    assert at.title[0].value == "The data could not be loaded"
    problems = at.dataframe[0].value
    assert problems.problem.str.contains("<script>alert(1)</script>", regex=False).any()


@pytest.mark.parametrize("defect", ["missing_file", "bad_encoding", "empty_file", "truncated_row"])
def test_broken_directory_gives_an_error_page(defect, data_dir, tmp_path):
    data_dir(build_broken(defect, tmp_path))
    at = open_page("views/europe_map.py")
    assert not at.exception
    assert at.title[0].value == "The data could not be loaded"


def test_unreadable_file_gives_an_error_page(data_dir, mini_copy):
    (mini_copy / "events.csv").unlink()
    (mini_copy / "events.csv").mkdir()  # a directory where a file should be: unreadable even for root
    data_dir(mini_copy)
    at = open_page()
    problems = at.dataframe[0].value
    assert (problems.file == "events.csv").any() and problems.problem.str.contains(
        "is a directory, not a regular file"
    ).any()


def test_an_exception_in_a_view_gives_an_error_id_and_logs_the_traceback(data_dir, monkeypatch, caplog):
    import atlas.metrics

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    data_dir(MINI)
    monkeypatch.setattr(atlas.metrics, "kpis", broken)
    with caplog.at_level(logging.ERROR, logger="atlas"):
        at = open_page()
    assert not at.exception
    message = at.error[0].value
    assert "error id" in message and "secret internal detail" not in message
    error_id = message.split("error id ")[1][:8]
    assert any(error_id in r.getMessage() and "secret internal detail" in (r.exc_text or "") for r in caplog.records)
