"""`atlas.grouped_text.joined` gives what pandas' per-group join gives, faster."""

import pandas as pd

from atlas.grouped_text import joined


def frame():
    return pd.DataFrame(
        {
            "a": ["x", "y", "x", "x", "z"],
            "b": ["1", "1", "1", "2", "1"],
            "v": ["c3", "c1", "c2", pd.NA, "c9"],
        }
    ).astype("string")


def test_one_key_keeps_row_order_and_first_appearance():
    f = frame()
    out = joined(f.v, [f.a], ";")
    assert out.index.tolist() == ["x", "y", "z"]
    assert out.tolist() == ["c3;c2", "c1", "c9"]


def test_several_keys_match_pandas_groupby_join():
    f = frame().dropna()
    expected = f.v.groupby([f.a, f.b], sort=False).agg(";".join)
    out = joined(f.v, [f.a, f.b], ";")
    assert out.to_dict() == expected.to_dict()
    assert out.index.names == ["a", "b"]


def test_distinct_sorted_and_missing_skipped():
    values = pd.Series(["b", "a", "b", None, "c"])
    keys = pd.Series(["k", "k", "k", "k", "m"], name="site_id")
    assert joined(values, [keys], "; ", distinct_sorted=True).to_dict() == {"k": "a; b", "m": "c"}


def test_empty_input_gives_an_empty_series():
    out = joined(pd.Series([], dtype="string"), [pd.Series([], dtype="string", name="k")], ";")
    assert out.empty


def test_empty_input_with_several_keys():
    empty = pd.Series([], dtype="string")
    out = joined(empty, [empty.rename("a"), empty.rename("b")], ";")
    assert out.empty and out.index.names == ["a", "b"]
