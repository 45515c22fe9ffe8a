"""What the SOP checks share: the SOP, its fact table, its materializer's names, the catalogs."""

import fnmatch
import re
from dataclasses import dataclass, field
from typing import Any

from gladi import catalog
from gladi import formats as f
from mocks.tickets.catalog import CATALOG
from scenarios import conditions, expressions
from scenarios.facts import fact_table, with_derived
from scenarios.materialize import Names
from scenarios.models.sop import FactDef, Sop

Loc = tuple[str | int, ...]
REGEX_NAMES = sorted(
    n for n in dir(f) if n.endswith("_RE") and isinstance(getattr(f, n), re.Pattern)
)


@dataclass
class SopCheck:
    """Collects (location, message) issues about one SOP."""

    sop: Sop
    names: Names | None
    issues: list[tuple[Loc, str]] = field(default_factory=list)

    @property
    def facts(self) -> dict[str, FactDef]:
        """The SOP's fact table (with implicit facts)."""
        return fact_table(self.sop)

    def add(self, loc: Loc, message: str) -> None:
        """Record one issue."""
        self.issues.append((loc, message))

    def condition(self, cond: Any, loc: Loc, must_hold_sometimes: bool = True) -> None:
        """Check a condition's facts and values, and that it can hold at all."""
        found = conditions.issues(cond, self.facts, loc)
        self.issues += found
        if found or not must_hold_sometimes or not cond:
            return
        try:
            ok = conditions.satisfiable(cond, self.facts, lambda v: with_derived(self.facts, v))
        except ValueError:
            return
        if not ok:
            self.add(loc, "this condition can never hold (contradictory)")

    def expression(self, value: Any, loc: Loc, literal_ok: bool = False) -> None:
        """Check that an expression names a value the instance will have."""
        if not expressions.is_expression(value):
            if not literal_ok:
                self.add(loc, f"{value!r} is not an expression (customer.x, world.x, facts.x)")
            return
        root, name = expressions.split(value)
        if root == "facts":
            if name not in self.facts:
                self.add(loc, f"unknown fact {name!r}")
            return
        if self.names is None:
            return
        known = self.names.customer if root == "customer" else self.names.world
        if name not in known:
            self.add(loc, f"the materializer offers no {root}.{name}; it has {sorted(known)}")


def operation_problem(name: str) -> str | None:
    """Why `name` is not a catalog operation (None if it is)."""
    if name in catalog.BY_NAME:
        return None
    return f"unknown operation {name!r}; see gladi/catalog.py"


def operations_matching(pattern: str) -> list[str]:
    """Catalog operations matching a name or glob (`ncx.*`)."""
    return [op.name for op in catalog.OPERATIONS if fnmatch.fnmatchcase(op.name, pattern)]


def kip_problem(code: str, sop_id: str) -> str | None:
    """Why `code` is not a KIP of this SOP in the ticket desk's catalog."""
    kip = next((k for k in CATALOG.kips if k.code == code), None)
    if kip is None:
        return f"unknown KIP {code!r}; see mocks/tickets/kip_catalog.yaml"
    if kip.sop != sop_id:
        return f"KIP {code!r} belongs to {kip.sop}, not {sop_id}"
    return None


def escalation_problem(code: str) -> str | None:
    """Why `code` is not an escalation target of the catalog."""
    codes = [e.code for e in CATALOG.escalations]
    return None if code in codes else f"unknown escalation {code!r}; one of {codes}"
