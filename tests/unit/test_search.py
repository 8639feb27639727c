"""The search index finds sites by name or town, organisations, countries and programmes."""

from atlas.search import TARGETS, find, search_index


def test_every_site_organisation_country_and_programme_is_indexed(mini):
    index = search_index(mini)
    counts = index.kind.value_counts()
    assert counts["site"] == len(mini.sites)
    assert counts["organisation"] == len(mini.organisations)
    assert counts["country"] == len(mini.countries)
    assert counts.get("programme", 0) == len(mini.programmes)
    assert set(index.kind) - {"programme"} <= set(TARGETS)


def test_a_site_is_found_by_its_town_and_words_in_any_order(mini):
    index = search_index(mini)
    site = mini.sites[mini.sites.city.notna()].iloc[0]
    by_town = find(index, site.city.upper())
    assert site.site_id in set(by_town.id)
    words = site["name"].split()
    if len(words) > 1:
        assert site.site_id in set(find(index, f"{words[-1]} {words[0]}").id)


def test_names_starting_with_the_text_come_first_and_empty_text_finds_nothing(mini):
    index = search_index(mini)
    assert find(index, "").empty and find(index, "   ").empty
    hits = find(index, "fr")
    assert hits.label.iloc[0].lower().startswith("fr")
    assert find(index, "no such thing anywhere").empty
