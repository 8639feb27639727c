"""Timeline: announcements over time, cumulative capacity by expected-online quarter, and slips."""

import streamlit as st

from atlas.evolution import ledgers_over_time, totals_over_time
from atlas.history import slipped_sites
from atlas.resolve import claims_as_of
from atlas.timeline import capacity_by_quarter, capacity_left_out, events_in_scope, events_per_month
from components.data import cached_result
from components.images import image_config
from components.page import Context, caption_filters, run
from components.tables import event_table, show_table
from figures.charts import CHART_CONFIG, capacity_chart, events_chart, totals_over_time_chart
from figures.scope import scope_words
from figures.text import md, number

PAGE = "timeline"
UNITS = {"gpu_count": "accelerators", "h100e": "H100-equivalents", "power_mw": "MW"}


def totals_over_time_section(ctx: Context, metric: str) -> None:
    """Totals as the ledger knew them at each month end, by stage, in the unit picked above."""
    st.subheader("How the totals grew, as known at each month end")
    data = f"{ctx.ds.version}|{ctx.as_of:%Y-%m-%d}"
    ledgers = cached_result(
        "ledgers_over_time", str(ctx.ds.directory), data, lambda: ledgers_over_time(ctx.ds, ctx.as_of)
    )
    frame = cached_result(
        "totals_over_time",
        str(ctx.ds.directory),
        f"{data}|{ctx.key}",
        lambda: totals_over_time(ctx.ds, ctx.filters, ledgers),
    )
    everything = st.toggle("Include bids and paused or withdrawn sites", key="tl_all_stages")
    shown = frame if everything else frame[frame.stage.isin(ctx.stages)]
    st.caption(
        md(
            f"Each point rebuilds the totals from the claims known on that day. It adds {scope_words(ctx.stages)}"
            + (", and here also bids (paler) and paused or withdrawn sites" if everything else "")
            + "; each figure once, so the last point equals the Overview's total. A drop means a later claim revised a figure down or a site changed stage."
        )
    )
    if shown.empty:
        st.info("No site figure is known in this scope.")
        return
    st.plotly_chart(
        totals_over_time_chart(shown, metric, UNITS[metric]),
        config=image_config(CHART_CONFIG),
        key="tl_totals_over_time",
    )


def capacity_caption(left: dict, unit: str, stages: tuple[str, ...]) -> str:
    """What the capacity chart counts and what it could not place, with figures."""
    words = (
        f"Counts like the totals: {scope_words(stages)}, each figure once. "
        f"{left['placed_sites']:,} site(s) with {unit} and an expected-online date are placed."
    )
    if left["undated_sites"]:
        words += (
            f" Not placed, no date stated: {left['undated_sites']:,} site(s), {number(left['undated_total'])} {unit}."
        )
    if left["outside_sites"]:
        words += f" Outside the scope: {left['outside_sites']:,} site(s), {number(left['outside_total'])} {unit}."
    return words


def _capacity(ctx: Context) -> str:
    """The capacity chart by expected-online quarter, in the unit picked; returns the unit."""
    st.subheader("Capacity by expected online quarter")
    picked = st.segmented_control(
        "Capacity in",
        list(UNITS),
        format_func=UNITS.get,
        default=ctx.params.get("capacity") or "power_mw",
        key="tl_capacity",
    )
    capacity = picked or "power_mw"
    table = capacity_by_quarter(ctx.sites, capacity, ctx.stages)
    st.caption(md(capacity_caption(capacity_left_out(ctx.sites, capacity, ctx.stages), UNITS[capacity], ctx.stages)))
    if not table.empty:
        chart = capacity_chart(table, UNITS[capacity])
        st.plotly_chart(chart, config=image_config(CHART_CONFIG), key="tl_capacity_chart")
    return capacity


def _slips(ctx: Context) -> None:
    st.subheader("Slips and overdue sites")
    slipped = slipped_sites(claims_as_of(ctx.ds.claims, ctx.filters.as_of), ctx.sites, ctx.as_of)
    st.caption(
        md(
            f"Judged {ctx.as_of_label}. A period counts to its end: “2026” means by 31 December 2026, so a later "
            "“2026-06” is a refinement, not a slip. Operational, paused and withdrawn sites are not listed."
        )
    )
    if slipped.empty:
        st.caption("No recorded slip.")
    else:
        show_table(slipped, "tl_slips", "atlas-slips.csv", labels={"name": "Site"})


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Timeline")
    caption_filters(ctx)
    st.subheader("Announcements and changes over time")
    events = events_in_scope(ctx.ds.events, ctx.sites, ctx.filters)
    if events.empty:
        st.info("No dated event matches the filters.")
    else:
        st.plotly_chart(events_chart(events_per_month(events)), config=image_config(CHART_CONFIG), key="tl_events")
    capacity = _capacity(ctx)
    totals_over_time_section(ctx, capacity)
    _slips(ctx)
    st.subheader("Event log")
    event_table(events, ctx.ds.sources, "tl_event_log", "atlas-events.csv", ctx.as_of)
    return {"capacity": capacity if capacity != "power_mw" else ""}


run(PAGE, render=render)
