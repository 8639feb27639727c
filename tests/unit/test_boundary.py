"""The layers: atlas/ (core) <- figures/ (figure builders) <- components/ (widgets) <- views/.

Ruff's banned imports (atlas/ruff.toml, figures/ruff.toml, components/ruff.toml) stop a wrong
import at lint time; these tests check the same rule by reading the code, and that the CLI and
the report really run without Streamlit loaded.
"""

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BANNED = {
    "atlas": {"streamlit", "components", "figures", "views"},
    "figures": {"streamlit", "components", "views"},
    "components": {"views"},
}
ALLOWED = {ROOT / "atlas" / "__main__.py"}  # the composition root plugs figures.report into the CLI


def imported_roots(path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("layer", BANNED)
def test_no_layer_imports_a_layer_above_it(layer):
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & BANNED[layer])
        for path in (ROOT / layer).rglob("*.py")
        if path not in ALLOWED
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_cli_and_the_report_run_without_streamlit():
    code = (
        "import sys; from atlas.__main__ import run; import figures.report, figures.svg; "
        "assert 'streamlit' not in sys.modules, sorted(m for m in sys.modules if m.startswith('streamlit'))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
