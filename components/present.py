"""Presentation mode (`?present=1`): no sidebar or chrome, larger type, and a story bar that steps
through the saved views in `data/stories.csv`."""

from urllib.parse import parse_qs

import streamlit as st
import streamlit.components.v1 as components

from atlas import pages
from atlas.load import Dataset
from atlas.urlstate import ParamSpec, parse
from components.nav import PAGES
from figures.text import md

# Constant, reviewed CSS (see tests/unit/test_no_unsafe_html.py): hides the chrome and the page
# title (the story bar names the story), enlarges type, and keeps the compact story bar on top.
PRESENTATION_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.5rem; max-width: 96vw; }
[data-testid="stMainBlockContainer"] h1 { display: none; }
html { font-size: 19px; }
div:has(> .st-key-story_bar) { position: sticky; top: 0; z-index: 1000; }
.st-key-story_bar { background: var(--background-color, #fff); padding: 0.3rem 0.8rem 1.1rem 0.8rem !important; gap: 0.2rem; }
.st-key-story_bar [data-testid="stCaptionContainer"] { font-size: 1rem; }
iframe[title="components.present.keys"], .st-key-story_keys { height: 0; min-height: 0; border: 0; }
</style>"""
# Constant, reviewed script, run in the component's same-origin iframe. It steps through the
# stories with the arrow and page keys (a presenter's clicker sends PageUp/PageDown) by clicking
# the story bar's own buttons, and scrolls the story's subject (named by a hidden marker
# container `st-key-subject-<key>`) to just below the story bar. It makes no request.
PRESENTATION_JS = """<script>
(function () {
  const doc = window.parent.document;
  // A press that arrives while the story bar is still drawing is kept and clicked once its button is there.
  let pending = null;
  const click = (key) => {
    const b = doc.querySelector('.st-key-' + key + ' button');
    pending = b ? null : {key: key, at: Date.now()};  // a disabled button (first or last story) drops the press
    if (b && !b.disabled) b.click();
  };
  const retry = () => { if (pending && Date.now() - pending.at < 5000) click(pending.key); else pending = null; };
  // One listener on the app's document, replaced by each new frame (a removed frame's code no longer runs).
  const onKey = (e) => {
    const t = e.target;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); click('story_next'); }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); click('story_prev'); }
  };
  if (window.parent.atlasStoryKeys) doc.removeEventListener('keydown', window.parent.atlasStoryKeys);
  window.parent.atlasStoryKeys = onKey;
  doc.addEventListener('keydown', onKey);
  let done = '';
  let since = 0;
  const place = () => {
    const marker = doc.querySelector('[class*="st-key-subject-"]');
    if (!marker) return;
    const name = Array.from(marker.classList).find((c) => c.startsWith('st-key-subject-')).slice('st-key-subject-'.length);
    const stamp = name + '|' + window.parent.location.search;
    if (stamp !== done) { done = stamp; since = 0; }
    const target = doc.querySelector('.st-key-' + name);
    if (!target || target.getBoundingClientRect().height < 40) return;
    if (!since) since = Date.now();
    if (Date.now() - since > 8000) return;
    const bar = doc.querySelector('.st-key-story_bar');
    const offset = (bar ? bar.getBoundingClientRect().height : 0) + 72;  // room for the section heading
    target.scrollIntoView({block: 'start'});
    const scroller = doc.querySelector('[data-testid="stMain"]') || doc.scrollingElement;
    if (scroller) scroller.scrollBy(0, -offset);
  };
  setInterval(() => { if (pending) retry(); place(); }, 250);
})();
</script>"""
# The element each story is about, by page (and, where a page has more than one, by parameter).


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


def story_subject(page: str, query: dict[str, str]) -> str | None:
    """The key of the element a story is about (from the page registry), or None for the top of the page."""
    return pages.story_subject(page, query)


def story_bar(ds: Dataset, number: int) -> None:
    """Inject the presentation CSS and script; show the story, its caption and previous / next / exit in one row."""
    st.html(PRESENTATION_CSS)
    if ds.stories.empty:
        st.info("No stories are defined in stories.csv.")
        return
    stories = ds.stories.sort_values("story_id")
    story = stories.set_index("story_id").loc[number]
    total = len(stories)
    with st.container(border=True, key="story_bar"):
        text, prev_col, next_col, exit_col = st.columns([10, 1.3, 1.3, 1.2], vertical_alignment="center")
        text.markdown(f"**{number:d}/{total:d} · {md(story.title)}**")
        if prev_col.button("◀", disabled=number <= 1, key="story_prev", help="Previous story (← or Page Up)"):
            page, query = story_target(ds, number - 1)
            st.switch_page(page, query_params=query)
        if next_col.button("▶", disabled=number >= total, key="story_next", help="Next story (→ or Page Down)"):
            page, query = story_target(ds, number + 1)
            st.switch_page(page, query_params=query)
        if exit_col.button("✕", key="story_exit", help="Exit presentation"):
            page, query = story_target(ds, number)
            st.switch_page(page, query_params={k: v for k, v in query.items() if k not in {"present", "story"}})
        st.markdown(md(story.caption))
    query = {k: v[0] for k, v in parse_qs(story.query if isinstance(story.query, str) else "").items()}
    subject = story_subject(str(story.page), query)
    if subject:
        st.container(key=f"subject-{subject}", height=1, border=False)
    with st.container(key="story_keys"):
        components.html(PRESENTATION_JS, height=0)


def start_presentation_link() -> None:
    with st.sidebar:
        if st.button("Presentation mode", key="present_start", icon=":material/slideshow:", width="stretch"):
            st.switch_page(PAGES["overview"], query_params={"present": "1", "story": "1"})
