"""A picker for long option lists: beyond PICK_LIMIT options a name search narrows them first.

At 36,000 sites a plain selectbox sent 1.7 MB of options with every page view.
"""

from collections.abc import Callable

import streamlit as st

from figures.text import md

PICK_LIMIT = 1000


def pick_one(
    label: str,
    options: list[str],
    name_of: Callable[[str], str],
    key: str,
    placeholder: str,
    requested: str | None = None,
) -> str | None:
    """A selectbox over `options`; over a search's first PICK_LIMIT matches when there are more options."""
    shown = options
    if len(options) > PICK_LIMIT:
        text = st.text_input(
            md(f"Find by name ({len(options):,} in all)"), key=f"{key}_search", placeholder="part of a name"
        )
        needle = text.strip().lower()
        matches = [o for o in options if needle and needle in name_of(o).lower()]
        shown = list(dict.fromkeys([*([requested] if requested in options else []), *matches]))[:PICK_LIMIT]
        if len(matches) > PICK_LIMIT:
            st.caption(md(f"{len(matches):,} match; the first {PICK_LIMIT:,} are listed: type more of the name."))
        elif needle and not matches:
            st.caption(md("No name matches."))
    return st.selectbox(
        md(label),
        shown,
        index=shown.index(requested) if requested in shown else None,
        format_func=name_of,
        key=key,
        placeholder=placeholder,
    )
