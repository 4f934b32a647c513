"""Dependencies run one way: each app imports only the apps it stands on, so it can be read, tested and changed
knowing only what is below it (docs/architecture.md). Imports are read from the source, those inside functions
included: a deferred import is still a dependency."""

import ast
from pathlib import Path

from django.conf import settings

#: Our apps from the bottom up, as settings.INSTALLED_APPS lists them.
LAYERS = ["taskworker", "cms", "workflows", "events", "demo"]


def _imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved, at any depth of the code."""
    package = ".".join(path.relative_to(settings.BASE_DIR).with_suffix("").parts[:-1])
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            imported.add(".".join([*base, *([node.module] if node.module else [])]))
    return imported


def _app_imports() -> dict[str, set[tuple[str, str]]]:
    """{app: {(module, imported app)}} for every import of another of our apps, migrations left out."""
    found = {app: set() for app in LAYERS}
    for app in LAYERS:
        for path in sorted((settings.BASE_DIR / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(settings.BASE_DIR).with_suffix("").parts)
            for imported in _imported_modules(path):
                other = imported.split(".")[0]
                if other in LAYERS and other != app:
                    found[app].add((module, other))
    return found


def test_the_apps_are_installed_from_the_bottom_up():
    ours = [app for app in settings.INSTALLED_APPS if app in LAYERS]
    assert ours == LAYERS


def test_no_app_imports_an_app_above_it():
    upward = [
        f"{module} imports {other}"
        for app, imports in _app_imports().items()
        for module, other in sorted(imports)
        if LAYERS.index(other) > LAYERS.index(app)
    ]
    assert upward == []


def test_the_check_sees_the_imports_it_guards():
    """The walk finds real imports (a check that finds nothing would pass for any code)."""
    imports = _app_imports()
    assert ("events.models", "workflows") in imports["events"]
    assert ("demo.loader", "cms") in imports["demo"]
