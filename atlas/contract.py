"""The data contract: `data/datapackage.json`, read once and shared by validation, loading, docs and exports."""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from atlas.paths import DATAPACKAGE, DEFAULT_DATA_DIR

PANDAS_DTYPES = {
    "string": "string",
    "number": "Float64",
    "integer": "Int64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}


@dataclass(frozen=True)
class Field:
    """One column: its type, unit, constraints and description.

    `unit` is the field's `x_unit` and `format` its standard `format` or, for formats Table Schema
    does not define (`iso3`), its `x_format`: extensions carry an `x_` prefix so that the official
    Frictionless validator accepts the package.
    """

    name: str
    type: str
    description: str
    unit: str | None = None
    format: str | None = None
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    list_of: str | None = None

    @property
    def dtype(self) -> str:
        return PANDAS_DTYPES[self.type]


@dataclass(frozen=True)
class ForeignKey:
    column: str
    resource: str
    target: str


@dataclass(frozen=True)
class Resource:
    """One table of the package."""

    name: str
    path: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    extras: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Contract:
    """The whole datapackage."""

    name: str
    title: str
    version: str
    resources: tuple[Resource, ...]
    raw: dict[str, Any] = field(hash=False, compare=False, repr=False)

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    @property
    def metrics(self) -> dict[str, dict[str, Any]]:
        return self.resource("claims").extras["x_metrics"]

    @property
    def subject_tables(self) -> dict[str, str]:
        return self.resource("claims").extras["x_subjects"]


def _field(spec: dict[str, Any]) -> Field:
    c = spec.get("constraints", {})
    enum = c.get("enum")
    return Field(
        name=spec["name"],
        type=spec["type"],
        description=spec.get("description", ""),
        unit=spec.get("x_unit"),
        format=spec.get("format", spec.get("x_format")),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        enum=tuple(enum) if enum else None,
        pattern=c.get("pattern"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
        list_of=spec.get("x_list_of"),
    )


def _resource(spec: dict[str, Any]) -> Resource:
    schema = spec["schema"]
    fks = tuple(
        ForeignKey(fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
        for fk in schema.get("foreignKeys", [])
    )
    extras = {k: v for k, v in spec.items() if k.startswith("x_")}
    return Resource(
        name=spec["name"],
        path=spec["path"],
        description=spec.get("description", ""),
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=tuple(schema.get("primaryKey", [])),
        foreign_keys=fks,
        extras=extras,
    )


def parse_contract(raw: dict[str, Any]) -> Contract:
    return Contract(
        name=raw["name"],
        title=raw.get("title", raw["name"]),
        version=raw.get("version", ""),
        resources=tuple(_resource(r) for r in raw["resources"]),
        raw=raw,
    )


@cache
def load_contract(path: Path = DEFAULT_DATA_DIR / DATAPACKAGE) -> Contract:
    """The project's contract. Always the shipped one: a data directory cannot redefine its own rules."""
    return parse_contract(json.loads(Path(path).read_text(encoding="utf-8")))
