"""Identifier expressions (`customer.msisdn`, `world.dsc_status`, `facts.aging`) and templates.

An expression names one value of an instance; anything else in a `with`/`body` is a literal.
Templates are Indonesian texts with `{name}` placeholders filled from the instance's values.
"""

import re
import string
from collections.abc import Mapping
from typing import Any

EXPR_RE = re.compile(r"^(customer|world|facts)\.([a-z_][a-z0-9_]*)$")
ROOTS = ("customer", "world", "facts")


def is_expression(value: Any) -> bool:
    """Whether `value` is an expression rather than a literal."""
    return isinstance(value, str) and EXPR_RE.match(value) is not None


def split(expr: str) -> tuple[str, str]:
    """`customer.msisdn` -> ('customer', 'msisdn'); ValueError if not an expression."""
    match = EXPR_RE.match(expr)
    if match is None:
        raise ValueError(f"not an expression: {expr!r} (use customer.x, world.x or facts.x)")
    return match.group(1), match.group(2)


def resolve(expr: str, context: Mapping[str, Mapping[str, Any]]) -> Any:
    """The value an expression names (KeyError naming it if the instance lacks it)."""
    root, name = split(expr)
    values = context[root]
    if name not in values:
        raise KeyError(f"{expr}: the instance has no value {name!r}")
    return values[name]


def literal_or_value(value: Any, context: Mapping[str, Mapping[str, Any]]) -> Any:
    """Resolve `value` if it is an expression, else return it unchanged."""
    return resolve(value, context) if is_expression(value) else value


def placeholders(template: str) -> list[str]:
    """The `{name}` placeholders of a template; ValueError if the braces are malformed."""
    names = []
    for _, field, spec, conv in string.Formatter().parse(template):
        if field is None:
            continue
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", field) or spec or conv:
            raise ValueError(f"placeholder {{{field}}} must be a plain lower-case name")
        names.append(field)
    return names


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill a template's placeholders (KeyError naming a missing value)."""
    return template.format_map({k: "" if v is None else v for k, v in values.items()})
