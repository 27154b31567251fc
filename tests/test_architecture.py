"""The layers below the GUI stay free of Qt, the domain free of the database, the importers
and reports free of the store, and no modules import each other in a circle."""

import ast
from pathlib import Path

import pytest

from tests.import_graph import circles, import_graph, sources_under

APP = Path(__file__).resolve().parent.parent / "app"
NON_GUI_LAYERS = [
    d for d in ("core", "store", "operations", "reports", "importers") if (APP / d).is_dir()
]
QT = {"PySide6", "shiboken6"}
NOT_IN_CORE = {"sqlalchemy", "alembic", "app.store", "app.ui", "app.reports", "db"}
# The importers and the reports are fed plain data by app/operations: they never see the
# store, the window or the use cases that call them.
NOT_IN_FED_LAYERS = {"app.store", "app.ui", "app.operations"}


def imported_modules(source: str) -> set[str]:
    """Every module an ``import`` or ``from ... import`` in ``source`` names (absolute only)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def matches(module: str, forbidden: set[str]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in forbidden)


def files_in(layer: str) -> list[Path]:
    return sorted((APP / layer).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(APP.parent).as_posix()


def test_the_checker_sees_imports_wherever_they_are():
    source = (
        "import os\n"
        "from PySide6.QtCore import Qt\n"
        "def f():\n"
        "    import shiboken6\n"
        "    from sqlalchemy.orm import Session\n"
        "if True:\n"
        "    import app.store.models as m\n"
        "from . import sibling\n"
    )
    found = imported_modules(source)

    assert {"os", "PySide6.QtCore", "shiboken6", "sqlalchemy.orm", "app.store.models"} <= found
    assert [m for m in sorted(found) if matches(m, QT)] == ["PySide6.QtCore", "shiboken6"]
    assert matches("sqlalchemy.orm", NOT_IN_CORE)
    assert not matches("sqlalchemy_utils", NOT_IN_CORE)
    assert not matches("app.storehouse", NOT_IN_CORE)


def test_the_layers_have_files():
    assert {"core", "store"} <= set(NON_GUI_LAYERS)
    assert len(files_in("core")) >= 5
    assert len(files_in("store")) >= 5


@pytest.mark.parametrize("path", [p for layer in NON_GUI_LAYERS for p in files_in(layer)], ids=rel)
def test_no_qt_below_the_gui(path):
    qt_imports = sorted(
        m for m in imported_modules(path.read_text(encoding="utf-8")) if matches(m, QT)
    )

    assert qt_imports == [], f"{rel(path)} imports {qt_imports}"


@pytest.mark.parametrize("path", files_in("core"), ids=rel)
def test_core_does_not_know_the_database(path):
    wrong = sorted(
        m for m in imported_modules(path.read_text(encoding="utf-8")) if matches(m, NOT_IN_CORE)
    )

    assert wrong == [], f"{rel(path)} imports {wrong}"


def test_combo_boxes_are_searched_by_value_not_by_identity():
    """QComboBox.findData compares a Python object by identity: a tuple built anew is never
    found, and the caller silently picked the first kommun. Every lookup goes through
    app/ui/combo_data.py, which compares values."""
    offenders = [
        rel(path)
        for path in files_in("ui")
        if path.name != "combo_data.py" and ".findData(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


MAX_LINES = 400
# Data tables, not code: may be longer.
LONG_DATA = {"app/demo/gavleborg_data.py", "app/demo/gavleborg_texts.py"}


@pytest.mark.parametrize("path", sorted(APP.rglob("*.py")), ids=rel)
def test_no_module_is_over_400_lines(path: Path) -> None:
    if rel(path) in LONG_DATA:
        pytest.skip("allowed to be longer")
    lines = len(path.read_text(encoding="utf-8").splitlines())

    assert lines <= MAX_LINES, f"{rel(path)} has {lines} lines; split it by what its parts do"


def test_the_allowed_long_modules_exist() -> None:
    """An entry for a file that is gone or renamed would allow nothing: remove it."""
    missing = sorted(p for p in LONG_DATA if not (APP.parent / p).is_file())

    assert missing == []


@pytest.mark.parametrize("path", files_in("importers") + files_in("reports"), ids=rel)
def test_importers_and_reports_are_fed_plain_data(path):
    found = imported_modules(path.read_text(encoding="utf-8"))
    wrong = sorted(m for m in found if matches(m, NOT_IN_FED_LAYERS))

    assert wrong == [], f"{rel(path)} imports {wrong}"


def test_the_operations_layer_has_the_shared_use_cases():
    names = {p.name for p in files_in("operations")}

    assert {"__init__.py", "imports.py", "backups.py"} <= names


def test_the_circle_finder_sees_imports_wherever_they_are():
    sources = {
        "app": "",
        "app.a": "from app import b\n",  # b is a module: an edge to app.b
        "app.b": "def f():\n    from app.c import thing\n",
        "app.c": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import app.a.inner\n",
        "app.d": "from . import e\n",
        "app.e": "from app.d import something\n",
        "app.f": "import app.a\n",  # into the circle, not part of it
    }
    graph = import_graph(sources, packages={"app"})

    assert graph["app.a"] == {"app.b"}
    assert graph["app.c"] == {"app.a"}  # app.a.inner is not a module: the nearest one
    assert graph["app.d"] == {"app.e"}
    assert circles(graph) == [["app.a", "app.b", "app.c", "app.a"], ["app.d", "app.e", "app.d"]]
    assert circles(import_graph({"app.a": "import app.b\n", "app.b": "import os\n"})) == []


def test_no_modules_import_each_other_in_a_circle():
    sources = sources_under(APP)
    packages = {
        module_name
        for module_name in sources
        if (APP.parent / module_name.replace(".", "/")).is_dir()
    }
    found = circles(import_graph(sources, packages))

    assert len(sources) > 100  # the whole of app/ was read
    named = [" → ".join(c) for c in found]
    assert named == [], "modules that import each other: " + "; ".join(named)
