"""No HTML from data: raw-HTML APIs may only receive module-level constant strings on the allow-list."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted(p for folder in ("views", "components", "figures", "atlas") for p in (ROOT / folder).rglob("*.py")),
    ROOT / "dashboard.py",
]
# Reviewed constants that may be passed to raw-HTML APIs: (file, constant name).
ALLOW_LIST = {("components/present.py", "PRESENTATION_CSS"), ("components/present.py", "PRESENTATION_JS")}


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    return {
        t.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def raw_html_calls(path: Path):
    """Calls to st.html, components.html, or anything with unsafe_allow_html=True."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        unsafe = any(
            k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
            for k in node.keywords
        )
        if name.endswith(("st.html", "components.html", "v1.html")) or unsafe:
            yield node, tree


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_raw_html_only_from_allow_listed_constants(path):
    relative = str(path.relative_to(ROOT))
    for call, tree in raw_html_calls(path):
        arg = call.args[0] if call.args else None
        assert isinstance(arg, ast.Name), f"{relative}:{call.lineno}: raw HTML from an expression"
        assert (relative, arg.id) in ALLOW_LIST, f"{relative}:{call.lineno}: {arg.id} is not on the allow-list"
        value = _constants(tree).get(arg.id)
        assert isinstance(value, ast.Constant) and isinstance(value.value, str), (
            f"{relative}:{call.lineno}: {arg.id} is not a constant string"
        )


def test_the_scanner_finds_raw_html(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import streamlit as st\nname = input()\nst.markdown(name, unsafe_allow_html=True)\nst.html(f'<b>{name}</b>')\n"
    )
    assert len(list(raw_html_calls(bad))) == 2
    assert list(raw_html_calls(ROOT / "components" / "present.py")), "the allow-listed call is seen"
