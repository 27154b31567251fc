"""The import graph of the app/ package, read from the source (no module is imported).

Every ``import`` and ``from ... import`` counts, wherever it is: at the top, inside a
function, under ``if TYPE_CHECKING:``. ``from app.x import y`` is an edge to ``app.x.y``
when y is a module, else to ``app.x``; relative imports are resolved against the package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

Graph = dict[str, set[str]]


def module_name(path: Path, root: Path) -> str:
    """``app/store/models.py`` → ``app.store.models``; a package's ``__init__`` → the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources_under(package: Path) -> dict[str, str]:
    """Module name → source of every .py file under ``package`` (a folder in its root)."""
    root = package.parent
    return {
        module_name(p, root): p.read_text(encoding="utf-8") for p in sorted(package.rglob("*.py"))
    }


def packages_under(package: Path) -> set[str]:
    """The names of ``package`` and of every package inside it."""
    return {module_name(p, package.parent) for p in package.rglob("__init__.py")}


def _known(name: str, modules: Iterable[str]) -> str | None:
    """``name`` or the nearest enclosing module that is one of ``modules``."""
    known = set(modules)
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(sources: Mapping[str, str], packages: Iterable[str] = ()) -> Graph:
    """Module → the modules (among ``sources``) it imports. ``packages`` names the modules
    that are packages (an ``__init__``), for relative imports inside them."""
    is_package = set(packages)
    graph: Graph = {}
    for module, source in sources.items():
        here = module if module in is_package else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                found.update(t for a in node.names if (t := _known(a.name, sources)) is not None)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    target = full if full in sources else _known(base, sources)
                    if target is not None:
                        found.add(target)
        found.discard(module)
        graph[module] = found
    return graph


def circles(graph: Graph) -> list[list[str]]:
    """Every group of modules that import each other, directly or round about (the
    strongly connected components of more than one module), each as one circle through
    them: ``[a, b, c, a]``. Sorted, so a failure reads the same every time."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(_circle_through(graph, g) for g in groups)


def _circle_through(graph: Graph, group: set[str]) -> list[str]:
    """A shortest way from the group's first module back to itself within the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"no circle through {sorted(group)}")
