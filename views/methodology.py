"""Methodology: how claims are resolved and figures normalised, with definitions and limitations."""

import streamlit as st

from atlas.contract import load_contract
from atlas.labels import KIND, STATUS
from components.page import Context, run
from figures.text import md

PAGE = "methodology"


METHOD = """
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
    - **H100-equivalents** (a unit of account, not chips) = accelerator count × (the chip's dense BF16 TFLOPS ÷ the H100's),
      from the accelerators table. When a site has no count and model but a source states its compute "as the equivalent of
      N H100", that stated figure is used. A chip without a sourced BF16 figure gives no H100e; the Coverage page lists them.
    - **Exaflops** are compared only at one stated precision (FP4, FP8 or BF16, dense). A headline that states no precision is flagged.
    - **Currencies** are converted to EUR with the rates in `fx_rates.csv` (ECB reference rates of one stated day, from a
      secondary copy); a currency without a rate gives no EUR figure.
    - **Per capita and per GDP**: country totals ÷ population in millions, or ÷ GDP in € billions, from `countries.csv` with
      each figure's year and source. Some GDP figures are US-dollar values converted at the same USD rate (`gdp_basis`).
    - **Unknown is empty, never 0.** A country with no sites shows 0 sites; a country whose sites report no power shows no power.

    ### What a total counts (the counting model)
    - **One level per figure.** Totals add **site** figures only. A national pledge, a company-wide investment or a programme
      aggregate is shown as its own claim and never added to site sums.
    - **Parents and children.** A site that is part of another (a cluster inside a campus, an AI Factory hosted by a
      supercomputer centre) adds a figure only when its parent has none for that metric, so the two never both count.
    - **Commitment stage.** Each site's resolved status gives its stage: *bid* (an application in a competitive call that no
      one has selected, or a government's plan to apply) → *announced* (a promoter's plan) → *selected* → *contracted* → *under construction* → *operational*;
      *paused or withdrawn* apart. Headline totals add announced to operational and say what they left out; bids and
      paused or withdrawn sites are shown beside them, labelled. Picking statuses in the sidebar replaces that scope.
    - **Units never mix.** Chips, H100-equivalents, MW, EUR at the stated rates, and compute at one named precision are
      separate totals. A figure stated in H100-equivalents is never counted as chips.
    - **Power says what it measures.** Each power claim records its basis: IT load (what the computers draw), facility
      power (the whole site, cooling included, or on-site generation), a grid connection secured, or connections only
      requested; most sources do not say. These are not the same quantity, so every power total says how many MW of
      each it adds. A country's "grid connections requested" figure is a country claim and never enters site totals.
    - **Dates carry their precision.** "2026" means by 31 December 2026, "2026-Q2" by 30 June. A later, more precise date
      inside the earlier period is a refinement, not a slip. *Overdue* and *slipped* are judged at the as-of date; an
      operational, paused or withdrawn site is never overdue.
    - **Events** appear on a site's, organisation's or country's timeline only when they name it; the programme, status
      and kind filters narrow events the same way they narrow sites.
    - The same numbers are available from the command line: `python -m atlas totals --json --query "country=FRA"`.
    """

LIMITATIONS = """
    ### Known limitations
    - Figures are announcements. Many sources are secondary news reports; primary pages were often not retrievable offline.
    - Coordinates are the town's GeoNames point, or the country's centre when no town was named (marked *approximate*).
    - Country GDP and population come from several sources and years; see `countries.csv` and `data/README.md`.
    """

STATUS_MEANINGS = [
    "An application or expression of interest in a competitive call (EU AI gigafactories), not selected",
    "A plan made public by its promoter, outside a competitive call",
    "Chosen in a competitive call (EuroHPC AI Factories and Antennas); no contract reported yet",
    "A contract, offtake or procurement is signed",
    "Construction or installation is under way",
    "In service",
    "Work stopped or put on hold",
    "Cancelled, or the bid withdrawn",
]


def _vocabularies() -> None:
    st.markdown("### Statuses")
    st.table({"status": list(STATUS.values())[:-1], "meaning": STATUS_MEANINGS})
    st.markdown("### Site kinds")
    st.table({"kind": list(KIND.values())})


def _data_dictionary() -> None:
    """Every table and column of the contract: type, unit, description."""
    st.markdown("### Data dictionary")
    for resource in load_contract().resources:
        with st.expander(md(f"{resource.path}: {resource.description}")):
            fields = resource.fields
            st.table(
                {
                    "column": [f.name for f in fields],
                    "type": [f.type for f in fields],
                    "unit": [f.unit or "" for f in fields],
                    "description": [f.description for f in fields],
                }
            )


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Methodology")
    st.markdown(METHOD)
    _vocabularies()
    _data_dictionary()
    st.markdown(LIMITATIONS)
    return {}


run(PAGE, render=render)
