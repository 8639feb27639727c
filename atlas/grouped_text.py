"""Text joined per group, in one pass over plain Python lists.

`groupby(...).agg(";".join)` calls Python once per group through pandas' slicing machinery:
at ×250 scale (80,000 groups) that was 2.3 s of the resolver's 3.5 s. A dict of lists does
the same work in about 1/30 of the time and gives the same result.
"""

from collections.abc import Sequence

import pandas as pd


def joined(values: pd.Series, keys: Sequence[pd.Series], sep: str, distinct_sorted: bool = False) -> pd.Series:
    """`values` joined with `sep` per distinct tuple of `keys`, in order of first appearance.

    Within a group the values keep their row order, or with `distinct_sorted` are deduplicated
    and sorted. Missing values are skipped. The index is the keys (a MultiIndex for several).
    """
    columns = [k.tolist() for k in keys]
    groups: dict[tuple, list[str]] = {}
    for key, value in zip(zip(*columns, strict=True), values.tolist(), strict=True):
        bucket = groups.setdefault(key, [])
        if not (value is None or value is pd.NA or (isinstance(value, float) and value != value)):
            bucket.append(str(value))
    texts = [sep.join(sorted(set(v)) if distinct_sorted else v) for v in groups.values()]
    names = [k.name for k in keys]
    if len(keys) == 1:
        index = pd.Index([k[0] for k in groups], name=names[0])
    else:
        index = pd.MultiIndex.from_arrays(
            [list(level) for level in zip(*groups, strict=True)] or [[]] * len(keys), names=names
        )
    return pd.Series(texts, index=index, dtype="object")
