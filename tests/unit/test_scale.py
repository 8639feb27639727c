"""What keeps the Atlas usable at 200,000 claims, checked on small data (bench/scale.py measures it)."""

import pandas as pd

from atlas.schema import is_url
from components.details import claims_about, claims_table


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
