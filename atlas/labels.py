"""Human labels for the vocabularies and table columns, shared by the app, the report and the docs.

Every vocabulary code in the contract (`data/datapackage.json`) has a label here; a unit test
checks that, so a new code cannot reach a table as a raw identifier.
"""

import re

from atlas import pages

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
STATUS_SHORT = {  # for narrow tiles; STATUS says it in full
    "bid": "Bid",
    "announced": "Announced",
    "selected": "Selected",
    "contracted": "Contracted",
    "under_construction": "Building",
    "operational": "Operational",
    "paused": "Paused",
    "withdrawn": "Withdrawn",
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
ORG_KIND = {
    "model_builder": "Model builder",
    "neocloud": "Neocloud",
    "telco": "Telecom operator",
    "hyperscaler": "Hyperscaler",
    "research_hpc": "Research / HPC centre",
    "government": "Government body",
    "industrial": "Industrial company",
    "chip_vendor": "Chip vendor",
    "investor": "Investor",
    "data_centre_operator": "Data-centre operator",
}
ROLE = {
    "operator": "Operator",
    "owner": "Owner",
    "investor": "Investor",
    "gpu_supplier": "GPU supplier",
    "anchor_tenant": "Anchor tenant",
    "partner": "Partner",
}
EVENT_KIND = {
    "announcement": "Announcement",
    "selection": "Selection",
    "funding": "Funding",
    "construction": "Construction",
    "launch": "Launch",
    "status_change": "Status change",
    "partnership": "Partnership",
    "policy": "Policy",
}
CLAIM_METRIC = {
    "gpu_count": "Accelerators",
    "h100e_count": "H100-equivalents (as stated)",
    "accelerator_model": "Accelerator model",
    "compute_exaflops": "Compute (EFLOPS)",
    "power_mw": "Power (MW)",
    "investment": "Investment",
    "status": "Status",
    "expected_online": "Expected online",
    "site_count": "Number of sites",
}
SUBJECT_TYPE = {
    "site": "Site",
    "organisation": "Organisation",
    "country": "Country",
    "programme": "Programme",
}
SOURCE_TYPE = {"primary": "Primary", "secondary": "Secondary"}
GDP_BASIS = {"reported_eur": "Reported in EUR", "converted_from_usd": "Converted from USD"}
COORDINATES_BASIS = {
    "source": "Stated by a source",
    "city_geonames": "Town centre (approximate)",
    "city_countrystatecity": "Town centre, second gazetteer (approximate)",
    "nearby_countrystatecity": "Nearest listed town, second gazetteer (approximate)",
    "country_centroid": "Country centre (approximate)",
}
PRECISION = {
    "FP4": "FP4",
    "FP8": "FP8",
    "FP16": "FP16",
    "BF16": "BF16",
    "FP64": "FP64",
    "unspecified": "Not specified",
}
POWER_BASIS = {
    "it_load": "IT load",
    "facility_power": "Facility power",
    "grid_connection": "Grid connection",
    "grid_connection_requested": "Grid connection requested",
    "not_stated": "Basis not stated",
}
CONFIDENCE = {"reported": "Reported", "estimated": "Estimated", "derived": "Derived", "low": "Low (contradicted)"}
RELATION = {
    "cluster_of": "Cluster of",
    "hosted_by": "Hosted by",
    "within_zone": "Within zone",
    "phase_of": "Phase of",
}
PAGE = pages.labels()

# The label of each contract vocabulary: (resource, field) -> codes -> words.
VOCABULARIES = {
    ("sources", "source_type"): SOURCE_TYPE,
    ("countries", "gdp_basis"): GDP_BASIS,
    ("organisations", "kind"): ORG_KIND,
    ("sites", "kind"): KIND,
    ("sites", "coordinates_basis"): COORDINATES_BASIS,
    ("roles", "role"): ROLE,
    ("claims", "subject_type"): SUBJECT_TYPE,
    ("claims", "metric"): CLAIM_METRIC,
    ("claims", "precision"): PRECISION,
    ("claims", "power_basis"): POWER_BASIS,
    ("claims", "confidence"): CONFIDENCE,
    ("events", "kind"): EVENT_KIND,
    ("site_parents", "relation"): RELATION,
    ("stories", "page"): PAGE,
}
# Vocabularies of text metrics (claims.x_metrics[metric].vocabulary).
METRIC_VOCABULARIES = {"status": STATUS}

# Which words a table column's codes become. A column named `kind` may hold site, organisation
# or event kinds: their codes do not overlap, so one merged mapping serves all three.
VALUE_LABELS = {
    "status": STATUS,
    "status_group": STATUS_GROUP,
    "stage": STATUS_GROUP,
    "kind": {**KIND, **ORG_KIND, **EVENT_KIND},
    "org_kind": ORG_KIND,
    "site_kind": KIND,
    "role": ROLE,
    "roles": ROLE,
    "metric": {**CLAIM_METRIC, **METRIC},
    "subject_type": SUBJECT_TYPE,
    "source_type": SOURCE_TYPE,
    "gdp_basis": GDP_BASIS,
    "coordinates_basis": COORDINATES_BASIS,
    "precision": PRECISION,
    "power_basis": POWER_BASIS,
    "confidence": CONFIDENCE,
    "relation": RELATION,
    "page": PAGE,
}

_SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def humanise_code(code: str) -> str:
    """A readable fallback for a code with no label: `data_centre_campus` -> `Data centre campus`."""
    text = str(code).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def label_value(column: str, code: object) -> object:
    """The word for `code` in `column`; lists (`a, b` or `a;b`) word by word; other values unchanged."""
    labels = VALUE_LABELS.get(column)
    if labels is None or not isinstance(code, str):
        return code
    if code in labels:
        return labels[code]
    for sep in (", ", ";"):
        if sep in code:
            return ", ".join(str(label_value(column, part.strip())) for part in code.split(sep))
    return humanise_code(code) if _SNAKE.match(code) else code
