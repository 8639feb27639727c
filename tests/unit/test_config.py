"""The effective Streamlit configuration is hardened for a public, offline deployment."""

import os
from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def effective():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        yield config.get_option
    finally:
        os.chdir(cwd)
        config.get_config_options(force_reparse=True)


def test_no_telemetry_and_a_fixed_address(effective):
    assert effective("browser.gatherUsageStats") is False
    assert effective("server.address") == "127.0.0.1"


def test_xsrf_and_cors_protection_on(effective):
    assert effective("server.enableXsrfProtection") is True
    assert effective("server.enableCORS") is True


def test_errors_and_toolbar_hidden_from_viewers(effective):
    assert effective("client.showErrorDetails") == "none"
    assert effective("client.toolbarMode") in {"viewer", "minimal"}


def test_the_grids_own_csv_export_is_off(effective):
    # st.dataframe's built-in download does not neutralise formulas; the app's own downloads do.
    assert effective("client.disableDataExport") is True


def test_uploads_bounded_and_static_serving_for_offline_maps(effective):
    assert effective("server.maxUploadSize") <= 10
    assert effective("server.enableStaticServing") is True
    assert (ROOT / "static" / "topojson" / "world_110m.json").exists()
