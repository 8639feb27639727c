"""The sidebar search box: a large index is searched on the server, a small one in the browser."""

from tests.app.conftest import open_page
from tests.conftest import MINI


def test_a_large_index_is_searched_on_the_server_not_sent_whole(data_dir, monkeypatch):
    """At ×250 scale the search box sent 84,000 labels with every page (8-10 MB per page view)."""
    import components.search

    data_dir(MINI)
    monkeypatch.setattr(components.search, "SEARCH_LIMIT", 3)
    at = open_page()
    assert not [s for s in at.selectbox if s.key == components.search.KEY], "no options before typing"
    box = next(t for t in at.text_input if t.key == f"{components.search.KEY}_text")
    box.input("cluster").run()
    (matches,) = [s for s in at.selectbox if s.key == components.search.KEY]
    assert 0 < len(matches.options) <= components.search.MATCHES
    assert all("cluster" in o.lower() for o in matches.options)
