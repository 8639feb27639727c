"""Hostile text and a dataset built from the mini fixture with that text in every free-text column."""

import csv
import shutil
from pathlib import Path

from atlas.contract import load_contract
from tests.conftest import MINI

CORPUS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![tracker](https://evil.example/pixel.png)",
    "&lt;b&gt;entities&lt;/b&gt; &amp; &#x3C;i&#x3E;",
    "\u202eevil right-to-left override",
    '=HYPERLINK("https://evil.example")',
]
BIG = "A" * 100_000


def free_text_columns() -> dict[str, list[str]]:
    """Per CSV file, the string columns with no enum, pattern, format or key role: where any text may go."""
    contract = load_contract()
    out = {}
    for r in contract.resources:
        keys = set(r.primary_key) | {fk.column for fk in r.foreign_keys} | {"value_text", "unit", "query", "subject_id"}
        cols = [
            f.name
            for f in r.fields
            if f.type == "string" and not (f.enum or f.pattern or f.format or f.list_of) and f.name not in keys
        ]
        if cols:
            out[r.path] = cols
    return out


def hostile_dataset(target: Path) -> Path:
    """A copy of `mini/` whose free-text cells are replaced by the corpus (cycling), one cell by 100 KB."""
    shutil.copytree(MINI, target, dirs_exist_ok=True)
    counter = 0
    for name, columns in free_text_columns().items():
        path = target / name
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
        for row in rows:
            for column in columns:
                if column in row:
                    row[column] = CORPUS[counter % len(CORPUS)]
                    counter += 1
        if name == "sites.csv":
            rows[-1]["description"] = BIG
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(reader.fieldnames or []))
            writer.writeheader()
            writer.writerows(rows)
    return target
