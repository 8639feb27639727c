"""Generate a synthetic dataset N times larger than data/ (valid under the same contract).

Every site, organisation, source, claim, role and event is copied N−1 more times with suffixed
ids (sources get a URL fragment so URLs stay unique); countries, accelerators, rates,
programmes and stories are shared. Coordinates are kept, so sites stay inside their countries.

Usage: python bench/synthetic.py OUT_DIR [--factor 100]
"""

import argparse
import shutil
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def suffixed(value: str, k: int) -> str:
    return value if k == 0 or not value else f"{value}-x{k}"


def relist(cell: str, k: int) -> str:
    return ";".join(suffixed(v, k) for v in cell.split(";") if v) if cell else cell


def copies(frame: pd.DataFrame, factor: int, transform) -> pd.DataFrame:
    return pd.concat([transform(frame.copy(), k) for k in range(factor)], ignore_index=True)


def generate(out: Path, factor: int) -> None:
    shutil.copytree(DATA, out, dirs_exist_ok=True)

    def sites(f, k):
        f["site_id"] = f.site_id.map(lambda v: suffixed(v, k))
        return f

    def orgs(f, k):
        f["org_id"] = f.org_id.map(lambda v: suffixed(v, k))
        f["name"] = f.name if k == 0 else f.name + f" (copy {k})"  # the validator refuses a repeated name
        return f

    def sources(f, k):
        f["source_id"] = f.source_id.map(lambda v: suffixed(v, k))
        f["url"] = f.url if k == 0 else f.url + f"#x{k}"
        return f

    def roles(f, k):
        for c in ("site_id", "org_id", "source_id"):
            f[c] = f[c].map(lambda v: suffixed(v, k))
        return f

    def claims(f, k):
        f["claim_id"] = f.claim_id.map(lambda v: suffixed(v, k))
        f["source_id"] = f.source_id.map(lambda v: suffixed(v, k))
        local = f.subject_type.isin(["site", "organisation"])
        f.loc[local, "subject_id"] = f.loc[local, "subject_id"].map(lambda v: suffixed(v, k))
        return f

    def events(f, k):
        f["event_id"] = f.event_id.map(lambda v: suffixed(v, k))
        f["title"] = f.title if k == 0 else f.title + f" (copy {k})"  # the validator refuses a repeated (date, title)
        f["source_id"] = f.source_id.map(lambda v: suffixed(v, k))
        f["sites"] = f.sites.map(lambda v: relist(v, k))
        f["organisations"] = f.organisations.map(lambda v: relist(v, k))
        return f

    for name, transform in {
        "sites.csv": sites,
        "organisations.csv": orgs,
        "sources.csv": sources,
        "roles.csv": roles,
        "claims.csv": claims,
        "events.csv": events,
    }.items():
        copies(read(name), factor, transform).to_csv(out / name, index=False, lineterminator="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args()
    generate(args.out, args.factor)
    print(f"wrote a ×{args.factor} dataset to {args.out}")


if __name__ == "__main__":
    main()
