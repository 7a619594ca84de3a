"""Imports run one way between the project's packages (docs/architecture.md).

Every ``.py`` file of the project packages is parsed (no import runs): imports at module level
and inside functions both count, relative imports are resolved. Checked per package:

- it is on no import circle with another package;
- it imports only the packages its layer allows (``ALLOWED``);
- no function imports a project module, except the few places in ``FUNCTION_IMPORTS_ALLOWED``
  (an import inside a function is how circles hide).
"""

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = (
    "treatments",
    "home",
    "consultations",
    "search",
    "seo",
    "webhooks",
    "portability",
    "demo",
    "accounts",
    "products",
    "photos",
)
PACKAGES = ("cms", "api", "clinic", *DOMAINS, "core")
EVERYTHING = frozenset(PACKAGES)

# Which project packages each package may import (besides itself).
ALLOWED = {
    "cms": EVERYTHING,
    "api": frozenset({"clinic", *DOMAINS, "core"}),
    "clinic": frozenset({"core"}),
    **{domain: frozenset({"clinic", *DOMAINS, "core"}) for domain in DOMAINS},
    "core": frozenset(),
}

# Imports inside functions that must stay there, as (file, function): why, for each.
FUNCTION_IMPORTS_ALLOWED = {
    # App configs connect signal handlers once every model is loaded; their modules import
    # models, which cannot be imported while the app registry is being filled.
    ("core/apps.py", "ready"),
    ("webhooks/apps.py", "ready"),
    ("seo/apps.py", "ready"),
    ("treatments/apps.py", "ready"),
    ("clinic/apps.py", "ready"),
    # Django registers system checks when their module is imported, from ready() as its docs show.
    ("consultations/apps.py", "ready"),
}


def project_files(package):
    folder = ROOT / package
    return sorted(folder.rglob("*.py"))


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node, path):
    """The absolute module names an import statement names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        base = node.module
    else:
        package = module_name(path).split(".")
        if path.name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    if node.module:
        return [base]
    # ``from . import x``: x is a module (or a name) of the package.
    return [f"{base}.{alias.name}" for alias in node.names]


class _Imports(ast.NodeVisitor):
    """Collects ``(target module, enclosing function or None, line)`` for a file's imports."""

    def __init__(self, path):
        self.path = path
        self.function = None
        self.found = []

    def _visit_function(self, node):
        outer, self.function = self.function, self.function or node.name
        self.generic_visit(node)
        self.function = outer

    visit_FunctionDef = visit_AsyncFunctionDef = _visit_function

    def visit_Import(self, node):
        self.found += [(target, self.function, node.lineno) for target in _resolve(node, self.path)]

    visit_ImportFrom = visit_Import


@cache
def imports_of(package):
    """Every import of a project package by ``package``: (file, function, line, target)."""
    found = []
    for path in project_files(package):
        visitor = _Imports(path)
        visitor.visit(ast.parse(path.read_text(), str(path)))
        relative = path.relative_to(ROOT).as_posix()
        for target, function, line in visitor.found:
            if target.split(".")[0] in EVERYTHING:
                found.append((relative, function, line, target))
    return found


@cache
def package_graph():
    return {
        package: frozenset(target.split(".")[0] for *_, target in imports_of(package)) - {package}
        for package in PACKAGES
    }


def circle_through(package):
    """A shortest import circle from ``package`` back to itself, or None."""
    graph = package_graph()
    paths = {package: [package]}
    queue = [package]
    while queue:
        current = queue.pop(0)
        for target in sorted(graph[current]):
            if target == package:
                return [*paths[current], package]
            if target not in paths:
                paths[target] = [*paths[current], target]
                queue.append(target)
    return None


def assert_none(violations):
    """Fail naming every violation."""
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle(package):
    circle = circle_through(package)
    assert_none([" -> ".join(circle)] if circle else [])


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_follow_the_layers(package):
    upward = [
        f"{file}: imports {target}"
        for file, _function, _line, target in imports_of(package)
        if target.split(".")[0] not in ALLOWED[package] | {package}
    ]
    assert_none(upward)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_project_import_inside_a_function(package):
    hidden = [
        f"{file}: {function}() imports {target}"
        for file, function, _line, target in imports_of(package)
        if function is not None and (file, function) not in FUNCTION_IMPORTS_ALLOWED
    ]
    assert_none(hidden)


def test_every_package_is_checked():
    on_disk = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench", "node_modules"}
    assert on_disk <= EVERYTHING
