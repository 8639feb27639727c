"""What keeps the Atlas usable at 200,000 claims, checked on small data (bench/scale.py measures it)."""

import io
import os
import zipfile

import pandas as pd
import pytest

import atlas.load
import atlas.package
from atlas.details import claims_about, claims_table
from atlas.load import load_dataset
from atlas.package import zip_bytes
from atlas.problems import DataError
from atlas.schema import is_url


def test_is_url_rejects_spaces_and_controls_and_accepts_addresses():
    assert is_url("https://example.org/a?b=c#d")
    assert not is_url("https://exa mple.org") and not is_url("https://example.org/\x07") and not is_url("ftp://x.org")
    assert not is_url("https://example.org/\u00a0x")


def test_claims_about_equals_one_table_per_subject(mini):
    sites = mini.sites.iloc[::-1]  # any order: the result follows it
    for as_of in [None, pd.Timestamp("2025-06-30")]:
        got = claims_about(mini, ("country", "DEU", "Germany"), sites, as_of)
        parts = [claims_table(mini, "country", "DEU", as_of).assign(subject="Germany")]
        parts += [
            claims_table(mini, "site", s, as_of).assign(subject=n)
            for s, n in zip(sites.site_id, sites.name, strict=True)
        ]
        want = pd.concat(parts, ignore_index=True)
        want = want[["subject", *[c for c in want.columns if c != "subject"]]]
        assert len(got) > 0
        pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_zip_is_built_from_the_loaded_data_without_validating_again(mini_copy, monkeypatch):
    ds = load_dataset(mini_copy)

    def no_validation(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr(atlas.load, "read_and_check", no_validation)
    monkeypatch.setattr(atlas.package, "load_dataset", no_validation)
    with zipfile.ZipFile(io.BytesIO(zip_bytes(ds))) as archive:
        assert {"claims.csv", "sources.csv", "README.md", "sites.geojson"} <= set(archive.namelist())
        claims = archive.read("claims.csv").decode("utf-8-sig")
    assert claims.count("\n") == len(ds.claims) + 1


def test_zip_is_refused_when_a_file_changed_after_loading(mini_copy):
    ds = load_dataset(mini_copy)
    path = mini_copy / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="changed since they were loaded"):
        zip_bytes(ds)


def test_the_app_builds_the_zip_once_per_data_version(mini_copy, monkeypatch):
    from components import downloads

    downloads._cached_zip.clear()
    builds = []
    monkeypatch.setattr(downloads, "package_zip", lambda ds, sites: builds.append(ds.version) or b"zip")
    ds = load_dataset(mini_copy)
    assert downloads.zip_bytes(ds) is downloads.zip_bytes(ds)
    (mini_copy / "events.csv").write_text((mini_copy / "events.csv").read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(mini_copy / "events.csv", ns=(1, 1))
    downloads.zip_bytes(load_dataset(mini_copy))
    assert len(builds) == 2 and builds[0] != builds[1]


def test_network_draws_only_the_most_connected_sites():
    from atlas.network import most_connected

    edges = pd.DataFrame({"site_id": ["a", "a", "a", "b", "b", "c", "d"], "org_id": list("1234567")})
    assert set(most_connected(edges, 2).site_id) == {"a", "b"}
    assert most_connected(edges, 4) is edges


def test_tables_send_at_most_the_row_limit_and_say_so():
    from streamlit.testing.v1 import AppTest

    def page():
        import pandas as pd
        import streamlit as st

        from components.tables import capped

        st.dataframe(capped(pd.DataFrame({"n": range(5000)}), 1000))
        st.dataframe(capped(pd.DataFrame({"n": range(10)}), 1000))

    at = AppTest.from_function(page).run()
    assert [len(d.value) for d in at.dataframe] == [1000, 10]
    assert [c.value.replace("\\", "") for c in at.caption] == [
        "Showing the first 1,000 of 5,000 rows; the CSV download has all of them."
    ]


def test_report_lists_at_most_report_rows_sites_and_says_so(mini, monkeypatch):
    import figures.report
    from atlas.filters import Filters

    monkeypatch.setattr(figures.report, "REPORT_ROWS", 2)
    html = figures.report.build_html(mini, Filters())
    assert f"The first 2 of {len(mini.sites):,} sites; the dataset ZIP lists all of them." in html
    sites_section = html.split("<h2>Sites</h2>")[1].split("<h2>")[0]
    assert sites_section.count("<tr>") == 1 + 2  # header and two rows


def test_sessions_share_one_report_per_filter_state(mini_copy, monkeypatch):
    import figures.report
    from atlas.filters import Filters
    from components import downloads

    downloads._cached_report.clear()
    builds = []
    monkeypatch.setattr(figures.report, "build_html", lambda ds, f: builds.append(f) or "<html>")
    ds = load_dataset(mini_copy)
    first = downloads.report_bytes(ds, Filters())
    assert downloads.report_bytes(ds, Filters()) is first
    downloads.report_bytes(ds, Filters(countries=("DEU",)))
    assert len(builds) == 2


def test_long_option_lists_are_searched_not_sent_whole():
    from streamlit.testing.v1 import AppTest

    def page():
        import streamlit as st

        from components.pickers import pick_one

        options = [f"id{i}" for i in range(5000)]
        st.session_state["picked"] = pick_one("Site", options, lambda o: f"Site {o}", "pick", "Choose", "id42")

    at = AppTest.from_function(page).run()
    assert at.selectbox(key="pick").options == ["Site id42"] and at.session_state["picked"] == "id42"
    at.text_input(key="pick_search").input("id49").run()
    assert at.selectbox(key="pick").options[:3] == ["Site id42", "Site id49", "Site id490"]
    assert len(at.selectbox(key="pick").options) == 1 + 111  # id49, id490-499, id4900-4999
    at.text_input(key="pick_search").input("id").run()
    assert len(at.selectbox(key="pick").options) == 1000


def test_short_option_lists_are_a_plain_selectbox():
    from streamlit.testing.v1 import AppTest

    def page():
        from components.pickers import pick_one

        pick_one("Site", ["a", "b"], str.upper, "pick", "Choose")

    at = AppTest.from_function(page).run()
    assert at.selectbox(key="pick").options == ["A", "B"] and not at.text_input


def test_sites_geojson_matches_a_row_by_row_build_and_reuses_a_given_site_table(mini, monkeypatch):
    import json

    from atlas.metrics import site_table
    from atlas.package import SITE_PROPERTIES, sites_geojson

    sites = site_table(mini)
    want = []
    for _, s in sites[sites.latitude.notna()].iterrows():
        props = {
            k: (None if pd.isna(s[k]) else (s[k].item() if hasattr(s[k], "item") else s[k])) for k in SITE_PROPERTIES
        }
        want.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(s.longitude), float(s.latitude)]},
                "properties": props,
            }
        )
    assert json.dumps(sites_geojson(mini)) == json.dumps({"type": "FeatureCollection", "features": want})
    monkeypatch.setattr(atlas.package, "site_table", lambda *a: pytest.fail("resolved again"))
    assert len(sites_geojson(mini, sites)["features"]) == len(want) > 0
