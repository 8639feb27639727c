"""Rules that span rows or tables: keys, dates, claim semantics and coordinates.

Each check takes the validated raw string frames (by resource name) and returns problems.
"""

from collections.abc import Callable

import pandas as pd

from atlas import geo
from atlas.contract import Contract
from atlas.counting_rules import counting_errors, counting_warnings
from atlas.problems import Problem
from atlas.schema import shown, valid_dates

Frames = dict[str, pd.DataFrame]
Check = Callable[[Contract, Frames], list[Problem]]


def _present(series: pd.Series) -> list[tuple[object, str]]:
    """(row, value) of the present cells, as plain Python objects (fast on Arrow-backed strings)."""
    present = series.dropna()
    return list(zip(present.index.tolist(), present.to_numpy(dtype=object).tolist(), strict=True))


def _values(frames: Frames, resource: str, column: str) -> set[str]:
    frame = frames.get(resource)
    return set() if frame is None else set(frame[column].dropna().to_numpy(dtype=object).tolist())


def primary_keys(contract: Contract, frames: Frames) -> list[Problem]:
    """Composite primary keys are unique (single-column keys are checked per field)."""
    problems = []
    for res in contract.resources:
        frame = frames.get(res.name)
        if frame is None or len(res.primary_key) < 2:
            continue
        key = list(res.primary_key)
        for row in frame[frame.duplicated(key, keep="first")].index:
            problems.append(Problem(res.path, row, key[0], f"duplicate key ({', '.join(key)})"))
    return problems


def foreign_keys(contract: Contract, frames: Frames) -> list[Problem]:
    """Every declared foreign key, and the semicolon lists in events, point at existing rows."""
    problems = []
    for res in contract.resources:
        frame = frames.get(res.name)
        if frame is None:
            continue
        for fk in res.foreign_keys:
            if fk.resource not in frames:
                continue  # the target file is unreadable; that problem is reported on its own
            known = _values(frames, fk.resource, fk.target)
            for row, value in _present(frame[fk.column]):
                if value not in known:
                    problems.append(
                        Problem(res.path, row, fk.column, f"{shown(value)} is not a known {fk.resource}.{fk.target}")
                    )
        for f in res.fields:
            if f.list_of and f.list_of in frames:
                problems += _list_references(res.path, frame, f.name, contract.resource(f.list_of), frames)
    return problems


def _list_references(path: str, frame: pd.DataFrame, column: str, target, frames: Frames) -> list[Problem]:
    known = _values(frames, target.name, target.primary_key[0])
    problems = []
    for row, cell in _present(frame[column]):
        for item in (part.strip() for part in cell.split(";")):
            if item and item not in known:
                problems.append(Problem(path, row, column, f"{shown(item)} is not a known {target.name} id"))
    return problems


def claim_subjects(contract: Contract, frames: Frames) -> list[Problem]:
    """A claim's subject_id exists in the table its subject_type names."""
    claims = frames.get("claims")
    if claims is None:
        return []
    problems = []
    for subject_type, table in contract.subject_tables.items():
        if table not in frames:
            continue
        key = contract.resource(table).primary_key[0]
        known = _values(frames, table, key)
        rows = claims[claims.subject_type == subject_type]
        for row, value in _present(rows.subject_id):
            if value not in known:
                problems.append(
                    Problem(
                        "claims.csv", row, "subject_id", f"{shown(value)} is not a known {subject_type} ({table}.{key})"
                    )
                )
    return problems


def claim_metrics(contract: Contract, frames: Frames) -> list[Problem]:
    """Each metric has the value, unit, precision and vocabulary the contract's `x_metrics` gives it."""
    claims = frames.get("claims")
    if claims is None:
        return []
    accelerators = _values(frames, "accelerators", "accelerator_id") if "accelerators" in frames else None
    problems: list[Problem] = []
    for metric, spec in contract.metrics.items():
        part = claims[claims.metric == metric]
        if len(part):
            problems += [
                Problem("claims.csv", row, column, message)
                for row, column, message in _metric_rules(part, metric, spec, accelerators)
            ]
    return problems


# Claim columns that qualify one kind of figure: (the x_metrics flag that requires it, what is missing).
# Every other metric must leave the column empty.
QUALIFIERS = {
    "precision": ("requires_precision", "needs a precision (use 'unspecified' if the source gives none)"),
    "power_basis": (
        "requires_power_basis",
        "needs a power basis: it_load, facility_power, grid_connection, grid_connection_requested, "
        "or not_stated if the source does not say",
    ),
}


def _metric_rules(part: pd.DataFrame, metric: str, spec: dict, accelerators: set[str] | None):
    """(row, column, message) for every rule one metric's claims break; vectorised per rule."""
    has_value, has_text = part.value.notna(), part.value_text.notna()
    unit = part.unit.fillna("")
    numeric = spec["kind"] == "number"
    rules = [
        (
            ~has_value if numeric else ~has_text,
            "value" if numeric else "value_text",
            f"a {'number' if numeric else 'value'} is required for metric {metric}",
        ),
        (
            has_text if numeric else has_value,
            "value_text" if numeric else "value",
            f"must be empty for {'numeric' if numeric else 'text'} metric {metric}",
        ),
    ]
    for column, (flag, needs) in QUALIFIERS.items():
        required = bool(spec.get(flag))
        if column in part:
            value = part[column]
            rules.append(
                (
                    value.isna() if required else value.notna(),
                    column,
                    f"{metric} {needs}" if required else f"must be empty for metric {metric}",
                )
            )
    if "subject_types" in spec:
        rules.append(
            (
                ~part.subject_type.isin(spec["subject_types"]),
                "subject_type",
                f"{metric} applies only to {', '.join(spec['subject_types'])}",
            )
        )
    for mask, column, message in rules:
        yield from ((row, column, message) for row in part.index[mask.fillna(False).astype(bool)])
    allowed = ", ".join(u or "(empty)" for u in spec["units"])
    for row, value in unit[~unit.isin(spec["units"])].items():
        yield row, "unit", f"{shown(value)} is not a unit of {metric}; allowed: {allowed}"
    text = part.value_text.dropna()
    if "vocabulary" in spec:
        for row, value in text[~text.isin(spec["vocabulary"])].items():
            yield row, "value_text", f"{shown(value)} is not a {metric}; allowed: {', '.join(spec['vocabulary'])}"
    elif spec.get("vocabulary_resource") == "accelerators" and accelerators is not None:
        for row, value in text[~text.isin(accelerators)].items():
            yield row, "value_text", f"{shown(value)} is not a known accelerators.accelerator_id"
    elif "pattern" in spec:
        for row, value in text[~text.str.fullmatch(spec["pattern"])].items():
            yield row, "value_text", f"{shown(value)} is not a date as YYYY, YYYY-QN, YYYY-MM or YYYY-MM-DD"


def source_dates(contract: Contract, frames: Frames) -> list[Problem]:
    """A source is not accessed before it was published."""
    sources = frames.get("sources")
    if sources is None:
        return []
    published, accessed = _dates(sources.published_on), _dates(sources.accessed_on)
    bad = sources[accessed < published]
    return [
        Problem("sources.csv", row, "accessed_on", f"accessed {r.accessed_on} is before published {r.published_on}")
        for row, r in bad.iterrows()
    ]


def _dates(series: pd.Series) -> pd.Series:
    """Parsed dates where the text is a valid date, NaT elsewhere (already reported by the schema)."""
    return pd.to_datetime(series.where(valid_dates(series.fillna(""))), format="%Y-%m-%d", errors="coerce")


def claim_dates(contract: Contract, frames: Frames) -> list[Problem]:
    """A claim cites a dated source, and is not dated after that source's publication."""
    claims, sources = frames.get("claims"), frames.get("sources")
    if claims is None or sources is None:
        return []
    published = sources.drop_duplicates("source_id").set_index("source_id").published_on
    cited = claims.source_id.map(published)
    known = claims.source_id.isin(published.index)
    problems = [
        Problem("claims.csv", row, "source_id", f"source {sid} has no publication date; a claim needs a dated source")
        for row, sid in claims.source_id[known & cited.isna()].items()
    ]
    late = claims[_dates(claims.claimed_on) > _dates(cited.fillna(""))]
    problems += [
        Problem(
            "claims.csv",
            row,
            "claimed_on",
            f"{c.claimed_on} is after its source {c.source_id} was published ({published[c.source_id]})",
        )
        for row, c in late.iterrows()
    ]
    return problems


def site_coordinates(contract: Contract, frames: Frames) -> list[Problem]:
    """Coordinates come in pairs and lie inside (or just off the coast of) the declared country."""
    sites = frames.get("sites")
    if sites is None:
        return []
    lat = pd.to_numeric(sites.latitude, errors="coerce")
    lon = pd.to_numeric(sites.longitude, errors="coerce")
    problems = [
        Problem(
            "sites.csv",
            row,
            "longitude" if pd.isna(sites.at[row, "longitude"]) else "latitude",
            "latitude and longitude must be given together",
        )
        for row in sites.index[sites.latitude.isna() != sites.longitude.isna()]
    ]
    located = sites[lat.notna() & lon.notna() & sites.country.notna()]
    distances = geo.distances_km(located.country, lat[located.index], lon[located.index])
    for row, distance in distances[distances > geo.COAST_TOLERANCE_KM].items():
        site = sites.loc[row]
        problems.append(
            Problem(
                "sites.csv",
                row,
                "latitude",
                f"({site.latitude}, {site.longitude}) is {distance:.0f} km outside {site.country}",
            )
        )
    return problems


def country_denominators(contract: Contract, frames: Frames) -> list[Problem]:
    """Population and GDP come with their year and source."""
    countries = frames.get("countries")
    if countries is None:
        return []
    problems = []
    for value, companions in {
        "population": ("population_year", "population_source_id"),
        "gdp_eur": ("gdp_year", "gdp_source_id"),
    }.items():
        for column in companions:
            missing = countries[countries[value].notna() & countries[column].isna()]
            problems += [
                Problem("countries.csv", row, column, f"required when {value} is given") for row in missing.index
            ]
    return problems


def story_queries(contract: Contract, frames: Frames) -> list[Problem]:
    """Each story's query string uses only its page's parameters and the shared filters, with valid values."""
    from urllib.parse import parse_qs

    from atlas import pages, urlstate

    stories = frames.get("stories")
    if stories is None or "stories" not in {r.name for r in contract.resources}:
        return []
    allowed = {page.key: pages.param_names(page.key) for page in pages.PAGES}
    tables = {
        "country": ("countries", "iso3"),
        "org": ("organisations", "org_id"),
        "programme": ("programmes", "programme_id"),
        "site": ("sites", "site_id"),
        "compare": ("countries", "iso3"),
    }
    # A parameter whose table is unreadable is not checked: that file's own problem is reported.
    known = {name: _values(frames, table, key) for name, (table, key) in tables.items() if table in frames}
    problems = []
    for row, story in stories.iterrows():
        query = "" if pd.isna(story.query) else story.query
        params = parse_qs(query, keep_blank_values=True)
        for name, values in params.items():
            if name not in (*urlstate.FILTER_PARAMS, *allowed.get(story.page, [])):
                problems.append(
                    Problem("stories.csv", row, "query", f"parameter {shown(name)} is not used by page {story.page}")
                )
            elif name in known:
                bad = [v for value in values for v in value.split(",") if v not in known[name]]
                problems += [Problem("stories.csv", row, "query", f"{shown(b)} is not a known {name}") for b in bad]
    return problems


def site_towns(contract: Contract, frames: Frames) -> list[Problem]:
    """Warning: a site placed more than 25 km from its named town, per a second gazetteer (atlas.towns)."""
    from atlas.towns import far_sites

    sites = frames.get("sites")
    if sites is None:
        return []
    return [Problem("sites.csv", int(r.row), "latitude", r.message) for r in far_sites(sites).itertuples()]


CHECKS: tuple[Check, ...] = (
    primary_keys,
    foreign_keys,
    claim_subjects,
    claim_metrics,
    source_dates,
    claim_dates,
    site_coordinates,
    country_denominators,
    story_queries,
)


# Warnings: printed by `atlas validate` but never make the data invalid.
WARNINGS: tuple[Check, ...] = (site_towns, counting_warnings)


def cross_table_problems(contract: Contract, frames: Frames) -> list[Problem]:
    return [p for check in (*CHECKS, counting_errors) for p in check(contract, frames)]


def warnings(contract: Contract, frames: Frames) -> list[Problem]:
    return [p for check in WARNINGS for p in check(contract, frames)]
