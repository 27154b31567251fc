"""One read connection for all the reads of a window action.

Each new ``sqlite3`` connection parses the schema again — with the change log's
triggers, about 2 ms — so an action that reads a dozen times (a reload after an edit,
an Ångra) shares one: ``Database.read`` nests. The connection holds no snapshot
between the reads, so each sees what was committed just before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def shared_read(
    method: Callable[Concatenate[Any, P], R],
) -> Callable[Concatenate[Any, P], R]:
    """Run the method inside one ``self.store.file.read()``."""

    @wraps(method)
    def inside(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.store.file.read():
            return method(self, *args, **kwargs)

    return inside
