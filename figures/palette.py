"""Colour-blind-safe colours (Okabe–Ito for categories, cividis for sequential scales).

Chosen to read on both the light and the dark theme: mid-luminance hues, no pure black or white.
"""

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
STATUS_COLOURS = {
    "bid": "#F0E442",
    "announced": "#56B4E9",
    "selected": "#999933",
    "contracted": "#0072B2",
    "under_construction": "#E69F00",
    "operational": "#009E73",
    "paused": "#CC79A7",
    "withdrawn": "#D55E00",
    "not_stated": "#999999",
}
# Stages (atlas.counting.STAGES): the statuses in the same colours, paused and withdrawn as one, in stage order.
STATUS_GROUP_COLOURS = {
    **{s: c for s, c in STATUS_COLOURS.items() if s not in ("paused", "withdrawn", "not_stated")},
    "paused_or_withdrawn": STATUS_COLOURS["paused"],
    "not_stated": STATUS_COLOURS["not_stated"],
}
KIND_COLOURS = {
    "ai_factory": "#0072B2",
    "ai_gigafactory": "#D55E00",
    "industrial_ai_cloud": "#CC79A7",
    "supercomputer": "#009E73",
    "data_centre_campus": "#E69F00",
    "ai_technology_centre": "#56B4E9",
}
SEQUENTIAL = "Cividis_r"  # light = little, dark = much; zero reads as "little", not as "missing"
NO_DATA = "rgba(150,150,150,0.25)"
BORDER = "rgba(128,128,128,0.6)"
