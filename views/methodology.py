"""Methodology: how claims are resolved and figures normalised, with definitions and limitations."""

import streamlit as st

from atlas.contract import load_contract
from atlas.labels import KIND, STATUS
from components.page import Context, run
from components.text import md

PAGE = "methodology"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Methodology")
    st.markdown(
        """
    ### Claims, not numbers
    Every figure in the Atlas is a **claim**: a value as a source stated it, on a date, with the wording kept
    (*as stated*) and a confidence (*reported*, *estimated* when the source hedges, *derived* when we computed it,
    *low* when a single source is contradicted by every other source on the same figure).
    Several claims per site and metric are normal. Conflicting claims are kept side by side and never averaged.

    ### Which claim is shown (the resolution rule)
    1. Only claims made on or before the **as-of date** count (the sidebar's *As of*; empty means the latest data).
    2. The **latest claim wins**: projects get resized, paused and moved, and the newest statement is the best guess of the present.
    3. On the same date a **primary** source (the organisation itself, an EU body, a government) beats a secondary one;
       then *reported* beats *estimated* beats *derived* beats *low*; then the lowest claim id, so the result is deterministic.

    A metric is **in conflict** when its claims disagree: for numbers, more than one distinct value (with unit and precision);
    for status and dates, two different values on the same day. Changes over time are history, shown on the site's claims.

    ### Normalisation (all derived)
    - **H100-equivalents** = accelerator count × (the chip's dense BF16 TFLOPS ÷ the H100's dense BF16 TFLOPS), from the
      accelerators table. A site without a count, or with a chip lacking a sourced BF16 figure (GH200, RTX PRO 6000), has no H100e.
    - **Exaflops** are compared only at one stated precision (FP4, FP8 or BF16, dense). A headline that states no precision is flagged.
    - **Currencies** are converted to EUR with the rates in `fx_rates.csv` (ECB reference rates of one stated day, from a
      secondary copy); a currency without a rate gives no EUR figure.
    - **Per capita and per GDP**: country totals ÷ population in millions, or ÷ GDP in € billions, from `countries.csv` with
      each figure's year and source. Some GDP figures are US-dollar values converted at the same USD rate (`gdp_basis`).
    - **Unknown is empty, never 0.** A country with no sites shows 0 sites; a country whose sites report no power shows no power.
    """
    )
    st.markdown("### Statuses")
    st.table(
        {
            "status": list(STATUS.values())[:-1],
            "meaning": [
                "Publicly announced or proposed (includes EuroHPC selections and gigafactory bids)",
                "A contract, offtake or procurement is signed",
                "Construction or installation is under way",
                "In service",
                "Work stopped or put on hold",
                "Cancelled, or the bid withdrawn",
            ],
        }
    )
    st.markdown("### Site kinds")
    st.table({"kind": list(KIND.values())})
    st.markdown("### Data dictionary")
    for resource in load_contract().resources:
        with st.expander(md(f"{resource.path}: {resource.description}")):
            st.table(
                {
                    "column": [f.name for f in resource.fields],
                    "type": [f.type for f in resource.fields],
                    "unit": [f.unit or "" for f in resource.fields],
                    "description": [f.description for f in resource.fields],
                }
            )
    st.markdown(
        """
    ### Known limitations
    - Figures are announcements. Many sources are secondary news reports; primary pages were often not retrievable offline.
    - Coordinates are the town's GeoNames point, or the country's centre when no town was named (marked *approximate*).
    - Country GDP and population come from several sources and years; see `countries.csv` and `data/README.md`.
    """
    )
    return {}


run(PAGE, render=render)
