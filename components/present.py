"""Presentation mode (`?present=1`): no sidebar or chrome, larger type, and a story bar that steps
through the saved views in `data/stories.csv`."""

from urllib.parse import parse_qs

import streamlit as st

from atlas.load import Dataset
from atlas.urlstate import ParamSpec, parse
from components.nav import PAGES
from components.text import md

# Constant, reviewed CSS (see tests/unit/test_no_unsafe_html.py): hides the chrome, enlarges type.
PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 96vw; }
html { font-size: 20px; }
</style>"""


def presentation_state(ds: Dataset) -> tuple[bool, int, list[str]]:
    """Whether presentation mode is on, the current story number, and notices for bad values."""
    n = max(len(ds.stories), 1)
    specs = [
        ParamSpec("present", "flag", default=False),
        ParamSpec("story", "choice", frozenset(str(i) for i in range(1, n + 1)), "1"),
    ]
    raw = {k: st.query_params.get_all(k) for k in ("present", "story") if k in st.query_params}
    values, notices = parse(raw, specs)
    return bool(values["present"]), int(values["story"]), notices


def story_target(ds: Dataset, number: int) -> tuple[str, dict[str, str]]:
    story = ds.stories.set_index("story_id").loc[number]
    query = {k: v[0] for k, v in parse_qs(story.query if isinstance(story.query, str) else "").items()}
    return PAGES[story.page], query | {"present": "1", "story": str(number)}


def story_bar(ds: Dataset, number: int) -> None:
    """Inject the presentation CSS and show the current story with previous / next / exit."""
    st.html(PRESENTATION_CSS)
    if ds.stories.empty:
        st.info("No stories are defined in stories.csv.")
        return
    stories = ds.stories.sort_values("story_id")
    story = stories.set_index("story_id").loc[number]
    total = len(stories)
    with st.container(border=True, key="story_bar"):
        st.markdown(f"**Story {number:d} of {total:d}: {md(story.title)}**")
        st.caption(md(story.caption))
        prev_col, next_col, exit_col = st.columns([1, 1, 4])
        if prev_col.button("◀ Previous", disabled=number <= 1, key="story_prev"):
            page, query = story_target(ds, number - 1)
            st.switch_page(page, query_params=query)
        if next_col.button("Next ▶", disabled=number >= total, key="story_next"):
            page, query = story_target(ds, number + 1)
            st.switch_page(page, query_params=query)
        if exit_col.button("Exit presentation", key="story_exit"):
            page, query = story_target(ds, number)
            st.switch_page(page, query_params={k: v for k, v in query.items() if k not in {"present", "story"}})


def start_presentation_link() -> None:
    with st.sidebar:
        if st.button("Presentation mode", key="present_start", icon=":material/slideshow:", width="stretch"):
            st.switch_page(PAGES["overview"], query_params={"present": "1", "story": "1"})
