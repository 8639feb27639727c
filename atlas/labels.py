"""Human labels for the vocabularies, shared by the app, the report and the docs."""

STATUS = {
    "bid": "Bid (not selected)",
    "announced": "Announced plan",
    "selected": "Selected",
    "contracted": "Contracted",
    "under_construction": "Under construction",
    "operational": "Operational",
    "paused": "Paused",
    "withdrawn": "Withdrawn",
    "not_stated": "Status not stated",
}
STATUS_GROUP = {
    "bid": "Bid (not selected)",
    "announced": "Announced plan",
    "selected": "Selected",
    "contracted": "Contracted",
    "under_construction": "Under construction",
    "operational": "Operational",
    "paused_or_withdrawn": "Paused or withdrawn",
    "not_stated": "Status not stated",
}
KIND = {
    "ai_factory": "AI factory",
    "ai_gigafactory": "AI gigafactory",
    "industrial_ai_cloud": "Industrial AI cloud",
    "supercomputer": "Supercomputer",
    "data_centre_campus": "Data-centre campus",
    "ai_technology_centre": "AI technology centre",
}
METRIC = {
    "n_sites": "Sites",
    "gpu_count": "Accelerators",
    "h100e": "H100-equivalents",
    "power_mw": "Power (MW)",
    "investment_eur": "Investment (EUR)",
}
SCALE = {
    "absolute": "Absolute",
    "per_million": "Per million inhabitants",
    "per_bn_gdp": "Per € bn of GDP",
}
