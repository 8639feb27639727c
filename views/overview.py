"""Overview: headline KPIs with the stage split, and the reconciliation of the GTC Paris headline.

The first view needs no chart library in the browser: tiles are native, the stage split is a
server-drawn SVG, and the interactive headline chart and its tables are one toggle further
(issue 14: the plotly chunk alone is 4.7 MB).
"""

import streamlit as st

from atlas.labels import STATUS_GROUP
from atlas.metrics import kpis, status_split
from atlas.reconcile import GTC_PROGRAMME, reconcile
from components.data import cached_result
from components.images import image_config
from components.nav import programme_link
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.charts import CHART_CONFIG, reconciliation_chart
from figures.scope import H100E_HELP, left_out_sentence, scope_words
from figures.svg import stage_split_spec, to_svg
from figures.text import md, money, number

PAGE = "overview"
SPLITS = {"gpu_count": "Accelerators (chips)", "h100e": "H100-equivalents", "power_mw": "Power (MW)"}


def _tiles(ctx: Context) -> None:
    """Two rows of KPI tiles (counts, then the four totals) and what the totals leave out."""
    totals = kpis(ctx.sites, ctx.stages)
    orgs = ctx.ds.roles[ctx.ds.roles.site_id.isin(ctx.sites.site_id)].org_id.nunique()
    as_of_words, scope_text = md(ctx.as_of_label), md(scope_words(ctx.stages))
    row1 = st.columns(4)
    row1[0].metric(
        "Sites",
        f"{totals['sites']:,}",
        help=f"Facilities and projects with at least one claim, {as_of_words}, every stage.",
    )
    row1[1].metric("Countries", f"{totals['countries']:,}", help=f"Countries with at least one site, {as_of_words}.")
    row1[2].metric("Organisations", f"{orgs:,}", help="Organisations with a role at the sites shown.")
    bids_help = (
        "Applications to a competitive call (EU AI gigafactories) that no one has selected: not in the totals below."
    )
    row1[3].metric("Bids not selected", f"{totals['bids']:,}", help=bids_help)
    row2 = st.columns(4)
    chips_help = (
        f"Physical accelerators at {scope_text}, {as_of_words}; each figure once; sites without a count add nothing."
    )
    row2[0].metric("Accelerators (chips)", number(totals["gpu_count"]), help=chips_help)
    row2[1].metric("H100-equivalents", number(totals["h100e"]), help=md(H100E_HELP))
    row2[2].metric(
        "Power", number(totals["power_mw"], "MW"), help=f"Resolved power claims at {scope_text}, {as_of_words}."
    )
    money_help = (
        f"Resolved site investment claims at {scope_text}, converted to EUR at the stated rates; "
        "national and company-wide pledges are not added."
    )
    row2[3].metric("Investment (EUR)", money(totals["investment_eur"]), help=money_help)
    st.caption(md(left_out_sentence(totals, ctx.as_of_label, scope_words(ctx.stages))))


def _stage_split(ctx: Context) -> None:
    """The server-drawn SVG of every stage (no chart library in the first view), its figures as text."""
    st.subheader("Where the buildout stands, by commitment stage")
    st.caption("Every stage, bids included (paler); each figure counted once.")
    splits = {title: status_split(ctx.sites, metric) for metric, title in SPLITS.items()}
    svg = cached_result("overview_split_svg", str(ctx.ds.directory), ctx.key, lambda: to_svg(stage_split_spec(splits)))
    st.image(svg, width="stretch")
    with st.expander("The figures behind the bars"):
        for title, split in splits.items():
            st.markdown(f"**{md(title)}:** {md(stage_figures(split))}")


def _headline_controls(ctx: Context) -> tuple[str, str]:
    controls = st.columns(2)
    default_precision = ctx.params.get("precision") or "FP4"
    precision = controls[0].segmented_control(
        "Compare at precision", ["FP4", "FP8"], key="ov_precision", default=default_precision
    )
    scope = controls[1].segmented_control(
        "Sites counted",
        ["blackwell", "programme"],
        format_func={"blackwell": "Every Blackwell site", "programme": "GTC Paris partner sites only"}.get,
        key="ov_scope",
        default=ctx.params.get("scope") or "blackwell",
    )
    return precision or "FP4", scope or "blackwell"


def _headline(ctx: Context) -> dict:
    """The GTC Paris headline against the itemised sites; returns the section's URL parameters."""
    st.subheader("Headline check: “more than 3,000 exaflops” (GTC Paris, June 2025)")
    programme_link(ctx.filters, GTC_PROGRAMME, "What the GTC Paris announcement named: its sites, partners and claims")
    precision, scope = _headline_controls(ctx)
    rec = cached_result(
        "reconcile",
        str(ctx.ds.directory),
        f"{ctx.key}|{precision}|{scope}",
        lambda: reconcile(ctx.ds, ctx.sites, precision=precision, scope=scope, as_of=ctx.filters.as_of),
    )
    detail = False
    if rec.headline is None:
        st.info("No headline compute claim is known at this as-of date.")
    else:
        h = rec.headline
        cols = st.columns(3)
        cols[0].metric("Headline", number(h.value, "EFLOPS"), help=f"As stated: {md(h.as_stated)}")
        cols[1].metric(f"Itemised sites (dense {md(precision)})", number(rec.itemised_total, "EFLOPS", 1))
        cols[2].metric("Share accounted for", f"{rec.share:.0%}" if rec.share is not None else "n/a")
        stated = f"Headline as stated: “{h.as_stated}”, {h.claimed_on:%Y-%m-%d}, {h.publisher}; precision stated: {h.precision}."
        st.markdown(md(stated))
        st.link_button("Source of the headline ↗", str(h.url))
        detail = st.toggle(
            "Show the itemised chart and tables",
            value=bool(ctx.params.get("detail")) or ctx.presenting,
            key="ov_detail",
            help="The interactive chart of every itemised site, and the tables of what was counted and left out.",
        )
        if detail:
            headline_detail(rec, float(h.value), precision)
    return {
        "precision": precision if precision != "FP4" else "",
        "scope": scope if scope != "blackwell" else "",
        "detail": "1" if detail else "",
    }


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Europe's sovereign-AI buildout")
    caption_filters(ctx)
    _tiles(ctx)
    _stage_split(ctx)
    return _headline(ctx)


def stage_figures(split) -> str:
    """Each stage's total and how many of its sites report the figure, as one line of plain text."""
    return "; ".join(
        f"{STATUS_GROUP.get(r.status_group, r.status_group)} {number(r.total)} "
        f"({r.sites_reporting} of {r.sites} sites report it)"
        for r in split.itertuples()
    )


def headline_detail(rec, headline: float, precision: str) -> None:
    """The interactive reconciliation chart, the method, and the itemised and not-comparable tables."""
    st.plotly_chart(reconciliation_chart(headline, rec.items), config=image_config(CHART_CONFIG), key="reconciliation")
    with st.expander("Method, and what is missing or not comparable", expanded=True):
        st.markdown(
            md(
                f"Each site counts with a reported exaflops figure at {precision} where one exists; otherwise its resolved "
                f"accelerator count × the chip's dense {precision} TFLOPS (accelerators table), a derived figure. "
                "The headline states no precision: NVIDIA's Blackwell aggregates are usually quoted at FP4, often with "
                "sparsity. If the headline counts sparse FP4, the itemised share shown here would halve. The headline dates from "
                "June 2025; itemised claims may be later, and the as-of filter applies to both."
            )
        )
        show_table(rec.items, "ov_itemised", "atlas-headline-itemised.csv", labels={"name": "Site"})
        if len(rec.not_comparable):
            st.markdown("**Not comparable (left out, not guessed):**")
            show_table(
                rec.not_comparable, "ov_not_comparable", "atlas-headline-not-comparable.csv", labels={"name": "Site"}
            )


run(PAGE, render=render)
