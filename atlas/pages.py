"""The page registry: every view of the Atlas and its URL parameters, as plain data.

Navigation (`dashboard.py`), links (`components.nav`), story validation (`atlas.integrity`),
URL parsing (`components.page`), page labels, screenshots and tests all read this one table,
so adding a page is one entry here plus its file in `views/`.
"""

from dataclasses import dataclass
from importlib import import_module

import pandas as pd

from atlas.urlstate import ParamSpec


@dataclass(frozen=True)
class Param:
    """One URL parameter of a page.

    `kind` is a `urlstate` kind (list, choice, date, flag, id, text). Options are fixed
    (`options`), the codes of a vocabulary (`vocabulary`, "module.NAME" of a dict in `atlas`,
    read when the specs are built so this module imports nothing it would cycle with), or the
    values of a data column (`ids`, as (table, column)); a date's range runs from the first
    claim to today. `widget` is the session key of the widget that edits it, so a new URL can
    reset that widget.
    """

    name: str
    kind: str
    default: object = None
    options: tuple[str, ...] = ()
    ids: tuple[str, str] | None = None
    widget: str | None = None
    vocabulary: str | None = None

    def fixed_options(self) -> tuple[str, ...]:
        """The options that do not depend on the data."""
        if self.vocabulary is None:
            return self.options
        module, name = self.vocabulary.rsplit(".", 1)
        return (*self.options, *getattr(import_module(f"atlas.{module}"), name))


@dataclass(frozen=True)
class Page:
    """One view: its key (used in links and stories), navigation entry and parameters."""

    key: str
    title: str
    label: str
    icon: str
    section: str
    params: tuple[Param, ...] = ()
    example: str = ""  # a query string that shows the page with content (screenshots, tests)
    # What a presentation story on this page is about: (story parameter, element key) pairs, the
    # first whose parameter the story sets wins; parameter "" is the default; key None is the top.
    subjects: tuple[tuple[str, str | None], ...] = ()

    @property
    def file(self) -> str:
        return f"views/{self.key}.py" if self.key != "map" else "views/europe_map.py"

    @property
    def url_path(self) -> str:
        return "" if self.key == "overview" else self.key


def _choice(name: str, options, default: str, widget: str, vocabulary: str | None = None) -> Param:
    return Param(name, "choice", default, tuple(options), widget=widget, vocabulary=vocabulary)


PAGES: tuple[Page, ...] = (
    Page(
        "overview",
        "Overview",
        "Overview",
        ":material/dashboard:",
        "Atlas",
        (
            _choice("precision", ("FP4", "FP8"), "FP4", "ov_precision"),
            _choice("scope", ("blackwell", "programme"), "blackwell", "ov_scope"),
            Param("detail", "flag", False, widget="ov_detail"),
        ),
        subjects=(("precision", "reconciliation"), ("", None)),
    ),
    Page(
        "map",
        "Europe map",
        "Europe map",
        ":material/map:",
        "Atlas",
        (
            _choice("metric", (), "gpu_count", "map_metric", "labels.METRIC"),
            _choice("scale", (), "absolute", "map_scale", "labels.SCALE"),
            _choice("colour", ("status", "kind"), "status", "map_colour"),
        ),
        subjects=(("", "europe_map"),),
    ),
    Page(
        "timeline",
        "Timeline",
        "Timeline",
        ":material/timeline:",
        "Atlas",
        (_choice("capacity", ("gpu_count", "h100e", "power_mw"), "power_mw", "tl_capacity"),),
        subjects=(("", "table_tl_slips"),),
    ),
    Page(
        "network",
        "Partner network",
        "Partner network",
        ":material/hub:",
        "Atlas",
        (
            _choice("role", ("all",), "all", "net_role", "labels.ROLE"),
            _choice("view", ("partners", "graph"), "partners", "net_view"),
        ),
        example="country=FRA",
        subjects=(("", "network"),),
    ),
    Page(
        "compare",
        "Compare countries",
        "Compare countries",
        ":material/compare_arrows:",
        "Atlas",
        (Param("compare", "list", (), ids=("countries", "iso3"), widget="cmp_countries"),),
        example="compare=FRA,DEU,GBR,ITA,ESP",
    ),
    Page(
        "country",
        "Country",
        "Country profile",
        ":material/flag:",
        "Profiles",
        (Param("iso3", "id", ids=("countries", "iso3"), widget="country_pick"),),
        example="iso3=FRA",
    ),
    Page(
        "organisation",
        "Organisation",
        "Organisation profile",
        ":material/corporate_fare:",
        "Profiles",
        (Param("org_id", "id", ids=("organisations", "org_id"), widget="org_pick"),),
        example="org_id=nscale",
    ),
    Page(
        "site",
        "Site",
        "Site profile",
        ":material/location_on:",
        "Profiles",
        (Param("site", "id", ids=("sites", "site_id"), widget="site_pick"),),
        example="site=fra-mistral-compute",
    ),
    Page(
        "programme",
        "Programme",
        "Programme profile",
        ":material/campaign:",
        "Profiles",
        (Param("programme_id", "id", ids=("programmes", "programme_id"), widget="programme_pick"),),
        example="programme_id=nvidia-gtc-paris-2025",
    ),
    Page(
        "sites",
        "Sites explorer",
        "Sites explorer",
        ":material/table_view:",
        "Profiles",
        (
            Param("q", "text", "", widget="sites_q"),
            Param("stage", "list", (), widget="sites_stage", vocabulary="counting.STAGES"),
            _choice("sort", (), "updated", "sites_sort", "explorer.SORTS"),
        ),
    ),
    Page(
        "changes",
        "What changed",
        "What changed",
        ":material/update:",
        "Evidence",
        (Param("since", "date", widget="chg_since"), Param("until", "date", widget="chg_until")),
        subjects=(("", "table_dl_changes"),),
    ),
    Page("sources", "Sources", "Sources", ":material/link:", "Evidence"),
    Page("coverage", "Coverage", "Coverage", ":material/fact_check:", "Evidence", subjects=(("", "coverage_heatmap"),)),
    Page("methodology", "Methodology", "Methodology", ":material/straighten:", "Evidence"),
)

BY_KEY = {p.key: p for p in PAGES}
SECTIONS = tuple(dict.fromkeys(p.section for p in PAGES))


def page(key: str) -> Page:
    return BY_KEY[key]


def files() -> dict[str, str]:
    """Page key -> the view file that draws it."""
    return {p.key: p.file for p in PAGES}


def labels() -> dict[str, str]:
    """Page key -> the words a reader sees for it (story lists, links)."""
    return {p.key: p.label for p in PAGES}


def story_subject(key: str, query: dict[str, str]) -> str | None:
    """The key of the element a story on page `key` with `query` is about, or None for the top of the page."""
    subjects = BY_KEY[key].subjects
    for param, element in subjects:
        if param and param in query:
            return element
    return dict(subjects).get("")


def param_names(key: str) -> tuple[str, ...]:
    return tuple(p.name for p in BY_KEY[key].params)


def widgets(key: str) -> dict[str, str]:
    """Page parameter -> the key of the widget that edits it."""
    return {p.name: p.widget for p in BY_KEY[key].params if p.widget}


def specs(key: str, tables: dict[str, pd.DataFrame], today: pd.Timestamp | None = None) -> list[ParamSpec]:
    """The page's parameters as `urlstate` specs, with id options read from `tables`."""
    out = []
    for p in BY_KEY[key].params:
        options = p.fixed_options()
        if p.ids is not None:
            table, column = p.ids
            options = tuple(tables[table][column].dropna()) if table in tables else ()
        if p.kind == "date":
            claims = tables.get("claims")
            first = claims.claimed_on.min() if claims is not None and len(claims) else None
            last = today if today is not None else pd.Timestamp.today().normalize()
            out.append(ParamSpec(p.name, "date", default=p.default, min_date=first, max_date=last))
        else:
            out.append(ParamSpec(p.name, p.kind, frozenset(options), p.default))
    return out
