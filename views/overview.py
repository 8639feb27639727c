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


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Europe's sovereign-AI buildout")
    caption_filters(ctx)

    totals = kpis(ctx.sites, ctx.stages)
    orgs = ctx.ds.roles[ctx.ds.roles.site_id.isin(ctx.sites.site_id)].org_id.nunique()
    label = ctx.as_of_label
    scope = scope_words(ctx.stages)
    row1 = st.columns(4)
    row1[0].metric(
        "Sites",
        f"{totals['sites']:,}",
        help=f"Facilities and projects with at least one claim, {md(label)}, every stage.",
    )
    row1[1].metric("Countries", f"{totals['countries']:,}", help=f"Countries with at least one site, {md(label)}.")
    row1[2].metric("Organisations", f"{orgs:,}", help="Organisations with a role at the sites shown.")
    row1[3].metric(
        "Bids not selected",
        f"{totals['bids']:,}",
        help="Applications to a competitive call (EU AI gigafactories) that no one has selected: not in the totals below.",
    )
    row2 = st.columns(4)
    row2[0].metric(
        "Accelerators (chips)",
        number(totals["gpu_count"]),
        help=f"Physical accelerators at {md(scope)}, {md(label)}; each figure once; sites without a count add nothing.",
    )
    row2[1].metric(
        "H100-equivalents",
        number(totals["h100e"]),
        help=md(H100E_HELP),
    )
    row2[2].metric(
        "Power", number(totals["power_mw"], "MW"), help=f"Resolved power claims at {md(scope)}, {md(label)}."
    )
    row2[3].metric(
        "Investment (EUR)",
        money(totals["investment_eur"]),
        help=f"Resolved site investment claims at {md(scope)}, converted to EUR at the stated rates; national and company-wide pledges are not added.",
    )
    st.caption(md(left_out_sentence(totals, label, scope)))

    st.subheader("Where the buildout stands, by commitment stage")
    st.caption("Every stage, bids included (paler); each figure counted once.")
    splits = {title: status_split(ctx.sites, metric) for metric, title in SPLITS.items()}
    svg = cached_result("overview_split_svg", str(ctx.ds.directory), ctx.key, lambda: to_svg(stage_split_spec(splits)))
    st.image(svg, width="stretch")
    with st.expander("The figures behind the bars"):
        for title, split in splits.items():
            st.markdown(f"**{md(title)}:** {md(stage_figures(split))}")

    st.subheader("Headline check: “more than 3,000 exaflops” (GTC Paris, June 2025)")
    programme_link(ctx.filters, GTC_PROGRAMME, "What the GTC Paris announcement named: its sites, partners and claims")
    controls = st.columns(2)
    precision = (
        controls[0].segmented_control(
            "Compare at precision", ["FP4", "FP8"], key="ov_precision", default=ctx.params.get("precision") or "FP4"
        )
        or "FP4"
    )
    scope = (
        controls[1].segmented_control(
            "Sites counted",
            ["blackwell", "programme"],
            format_func={"blackwell": "Every Blackwell site", "programme": "GTC Paris partner sites only"}.get,
            key="ov_scope",
            default=ctx.params.get("scope") or "blackwell",
        )
        or "blackwell"
    )
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
        st.markdown(
            md(
                f"Headline as stated: “{h.as_stated}”, {h.claimed_on:%Y-%m-%d}, {h.publisher}; precision stated: {h.precision}."
            )
        )
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
