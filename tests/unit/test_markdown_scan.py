"""No data text reaches a Streamlit parameter that renders Markdown unless it went through `md()`.

Streamlit renders Markdown (links, images, `:red[...]`, `$$...$$`) in st.markdown and in the
labels, captions, tabs, expanders, metrics and `help=` tooltips of most elements. A Markdown image in
a data cell would make the browser request another host. This scan walks views/ and components/ and
fails on any such argument that is not provably inert: a literal, a call to one of the escaping or
number-formatting helpers, or an f-string / concatenation built only from those.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted(p for folder in ("views", "components", "figures") for p in (ROOT / folder).rglob("*.py")),
    ROOT / "dashboard.py",
]
# Element methods whose first positional argument (label or body) is rendered as Markdown.
MARKDOWN_FIRST_ARG = {
    "markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success", "toast",
    "expander", "metric", "button", "download_button", "link_button", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "text_input", "number_input", "date_input", "slider", "select_slider",
    "popover", "status", "tabs", "write", "segmented_control", "pills",
}  # fmt: skip
# Keyword arguments rendered as Markdown wherever they appear.
MARKDOWN_KEYWORDS = {"help", "label", "body"}
# Helpers whose result is inert Markdown: escaping, link building, number and money formatting.
SAFE_CALLS = {"md", "md_link", "number", "money", "len", "nunique", "sum"}
# An f-string field with a numeric or date format spec ({x:,.0f}, {d:%Y-%m-%d}) cannot carry Markdown.
NUMERIC_SPEC = re.compile(r"[,%]|[.\d][dfeg]?$|[dfegn]$")


def _spec_is_numeric(spec: ast.expr | None) -> bool:
    if not isinstance(spec, ast.JoinedStr):
        return False
    text = "".join(v.value for v in spec.values if isinstance(v, ast.Constant))
    return bool(NUMERIC_SPEC.search(text))


def assignments(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """Every value assigned to each plain name in the file (`a = …`, `a, b = …, …`)."""
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name):
                found.setdefault(target.id, []).append(node.value)
            elif isinstance(target, ast.Tuple):
                values = node.value.elts if isinstance(node.value, ast.Tuple) else [None] * len(target.elts)
                for element, value in zip(target.elts, values, strict=False):
                    if isinstance(element, ast.Name):
                        found.setdefault(element.id, []).append(value)
    return found


def is_inert(node: ast.expr, names: dict[str, list[ast.expr]] | None = None, seen: frozenset = frozenset()) -> bool:
    """True when `node` can only produce text that Markdown shows literally.

    A name is inert when every value the file assigns to it is (a parameter, a loop variable
    or a name assigned anything else is not).
    """
    names = names or {}
    if isinstance(node, ast.Name) and node.id in names and node.id not in seen:
        values = names[node.id]
        return all(v is not None and is_inert(v, names, seen | {node.id}) for v in values)
    if isinstance(node, ast.Constant):
        return node.value is None or isinstance(node.value, str | int | float | bool)
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "join" and isinstance(func.value, ast.Constant):  # "sep".join(inert parts)
            return all(is_inert(a, names, seen) for a in node.args)
        return name in SAFE_CALLS
    if isinstance(node, ast.JoinedStr):
        return all(is_inert(v, names, seen) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        return _spec_is_numeric(node.format_spec) or is_inert(node.value, names, seen)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_inert(node.left, names, seen) and is_inert(node.right, names, seen)
    if isinstance(node, ast.IfExp):
        return is_inert(node.body, names, seen) and is_inert(node.orelse, names, seen)
    if isinstance(node, ast.List | ast.Tuple):
        return all(is_inert(e, names, seen) for e in node.elts)
    if isinstance(node, ast.ListComp | ast.GeneratorExp):
        return is_inert(node.elt, names, seen)
    return False


def markdown_arguments(tree: ast.Module):
    """(line, expression) for every argument that Streamlit renders as Markdown."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr in MARKDOWN_FIRST_ARG and node.args and not isinstance(node.args[0], ast.Starred):
            yield node.lineno, node.args[0]
        for keyword in node.keywords:
            if keyword.arg == "help" or (keyword.arg in MARKDOWN_KEYWORDS and node.func.attr in MARKDOWN_FIRST_ARG):
                yield node.lineno, keyword.value


def unescaped(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    names = assignments(tree)
    found = []
    for line, expr in markdown_arguments(tree):
        if is_inert(expr, names) or "markdown-safe:" in lines[line - 1]:
            continue
        found.append(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{line}: {ast.unparse(expr)}"
        )
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_parameters_get_only_escaped_text(path):
    assert unescaped(path) == []


def test_the_scan_finds_unescaped_data(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import streamlit as st\n"
        "from figures.text import md\n"
        "row = {}\n"
        "st.metric('x', 1, help=f'As stated: {row.as_stated}')\n"
        "st.caption(row.name)\n"
        "st.tabs([row.a, 'b'])\n"
        "with st.expander(f'{row.metric}: {n:,} claims'):\n    pass\n"
        "st.metric('ok', 1, help=f'As stated: {md(row.as_stated)}')\n"
        "st.caption(f'{n:,} rows as of {d:%Y-%m-%d}')\n"
    )
    assert [line.split(":")[1] for line in unescaped(bad)] == ["4", "5", "6", "7"]


def test_the_scan_follows_names_to_every_value_they_are_given(tmp_path):
    code = tmp_path / "names.py"
    code.write_text(
        "import streamlit as st\n"
        "from figures.text import md\n"
        "safe = md(row.name)\n"
        "raw = row.name\n"
        "mixed = md(row.a)\n"
        "mixed = row.b\n"
        "a, b = md(row.c), row.d\n"
        "st.caption(safe)\n"
        "st.caption(raw)\n"
        "st.caption(mixed)\n"
        "st.caption(a)\n"
        "st.caption(b)\n"
        "def f(param):\n    st.caption(param)\n"
    )
    assert [line.split(":")[1] for line in unescaped(code)] == ["9", "10", "12", "14"]
