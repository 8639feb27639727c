"""The page registry is the one list of pages: every view file, the story vocabulary and the URL specs agree with it."""

import ast
from pathlib import Path

import pandas as pd
import pytest

from atlas import pages
from atlas.contract import load_contract

ROOT = Path(__file__).resolve().parents[2]


def test_every_view_file_is_registered_and_every_entry_has_a_file():
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "views").glob("*.py")}
    assert on_disk == set(pages.files().values())


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.key)
def test_each_view_names_its_own_registry_key(page):
    tree = ast.parse((ROOT / page.file).read_text())
    assigned = {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    assert assigned.get("PAGE") == page.key


def test_the_story_page_vocabulary_is_the_registry():
    field = next(f for f in load_contract().resource("stories").fields if f.name == "page")
    assert set(field.enum) == set(pages.BY_KEY)


def test_keys_url_paths_and_widget_keys_are_unique():
    assert len({p.key for p in pages.PAGES}) == len(pages.PAGES)
    assert len({p.url_path for p in pages.PAGES}) == len(pages.PAGES)
    widgets = [q.widget for p in pages.PAGES for q in p.params if q.widget]
    assert len(widgets) == len(set(widgets))


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.key)
def test_every_default_is_one_of_its_options(page, mini):
    for spec in pages.specs(page.key, mini.tables):
        if spec.kind == "choice":
            assert spec.default in spec.options, (page.key, spec.name)
        if spec.kind == "list":
            assert set(spec.default) <= spec.options, (page.key, spec.name)


def test_vocabulary_options_are_read_from_the_named_dict():
    role = next(s for s in pages.specs("network", {}) if s.name == "role")
    assert {"all", "operator", "gpu_supplier"} <= role.options
    metric = next(s for s in pages.specs("map", {}) if s.name == "metric")
    assert "h100e" in metric.options


def test_id_options_come_from_the_data():
    tables = {"sites": pd.DataFrame({"site_id": ["a", "b", None]})}
    (site,) = pages.specs("site", tables)
    assert site.kind == "id" and site.options == frozenset({"a", "b"})
    (missing,) = pages.specs("site", {})
    assert missing.options == frozenset()


def test_date_parameters_run_from_the_first_claim_to_today():
    claims = pd.DataFrame({"claimed_on": pd.to_datetime(["2025-03-01", "2024-01-05"])})
    today = pd.Timestamp("2026-12-03")
    since, until = pages.specs("changes", {"claims": claims}, today=today)
    assert (since.min_date, since.max_date) == (pd.Timestamp("2024-01-05"), today)
    assert until.kind == "date"


def test_story_validation_reads_the_registry_parameters():
    from atlas.integrity import story_queries

    contract = load_contract()
    stories = pd.DataFrame({"page": ["programme", "programme"], "query": ["programme_id=x", "metric=gpu_count"]})
    frames = {"stories": stories, "programmes": pd.DataFrame({"programme_id": ["x"]})}
    problems = story_queries(contract, frames)
    assert [p.message for p in problems] == ["parameter 'metric' is not used by page programme"]
