"""Dependencies split: requirements.txt holds what the app needs to run (the Docker image installs
only it); requirements-dev.txt pins the test and lint tools, which the app never imports."""

import ast
import re

from tests.conftest import ROOT

TOOLS = {"pytest", "pytest-playwright", "playwright", "ruff", "hypothesis", "frictionless"}
APP_CODE = ["atlas", "components", "figures", "views", "dashboard.py"]


def pins(name: str) -> dict[str, str]:
    out = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("-r "):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+-]+)", line)
        assert match, f"{name}: {line!r} is not pinned as name==version"
        out[match[1].lower().replace("_", "-")] = match[2]
    return out


def test_runtime_requirements_hold_no_test_or_lint_tool():
    assert not TOOLS & set(pins("requirements.txt"))


def test_dev_requirements_pin_the_tools_and_repeat_no_runtime_pin():
    dev, runtime = pins("requirements-dev.txt"), pins("requirements.txt")
    assert set(dev) >= TOOLS
    assert not set(dev) & set(runtime)
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")


def test_docker_image_installs_only_the_runtime_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile
    assert "requirements-dev" not in dockerfile


def test_make_setup_installs_both_files():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-r requirements.txt -r requirements-dev.txt" in makefile


def test_app_code_imports_no_tool():
    files = [
        p for entry in APP_CODE for p in ([ROOT / entry] if entry.endswith(".py") else (ROOT / entry).rglob("*.py"))
    ]
    imported = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                imported.setdefault(name.split(".")[0], path.relative_to(ROOT))
    offenders = {name: str(where) for name, where in imported.items() if name in TOOLS}
    assert not offenders, f"the app imports test tools, which the Docker image lacks: {offenders}"


def test_the_installers_are_pinned_and_installed_first_everywhere():
    build = pins("requirements-build.txt")
    assert set(build) == {"pip", "setuptools"}
    assert int(build["setuptools"].split(".")[0]) >= 78  # 65.5.0, the venv default, has known advisories
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements-build.txt" in makefile and "--upgrade pip" not in makefile
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --no-cache-dir -r requirements-build.txt" in dockerfile


def test_the_base_image_is_a_current_patch_release():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    major, minor, patch = map(int, re.search(r"^FROM python:(\d+)\.(\d+)\.(\d+)-", dockerfile, re.M).groups())
    assert (major, minor) == (3, 11) and patch >= 16, "3.11.7 carried CVE-2024-6232, CVE-2024-8088, CVE-2025-4517"
