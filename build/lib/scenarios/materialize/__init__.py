"""Materializers: per-SOP product code turning a case's facts into world rows.

A SOP `sop-00N` is materialized by the module `scenarios.materialize.sop_00N`, which defines
`NAMES` (the values it offers to expressions and templates), `materialize(build) -> Built` and
`observe(built) -> facts` (the lookup-established facts read back from the rows it made).
"""

import importlib
from types import ModuleType

from scenarios.materialize.base import Build, Built, Claims, Names, pools

__all__ = ["Build", "Built", "Claims", "Names", "module_for", "pools"]


def module_for(sop_id: str) -> ModuleType | None:
    """The materializer module of a SOP, or None if there is none (yet)."""
    name = f"scenarios.materialize.{sop_id.replace('-', '_')}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise
    for attr in ("NAMES", "materialize", "observe"):
        if not hasattr(module, attr):
            raise TypeError(f"{name} lacks {attr}")
    return module
