"""What the SOP and case models share: strictness, identifiers, SOP line references."""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

REF_PATTERN = r"^\d{3}:\d+$"

Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
"""A SOP line: `<source file prefix>:<line>`, e.g. `001:29`."""
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
"""A fact, lookup, question, rule or branch id: lower case, digits and underscores."""
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Condition = dict[str, Any]
"""A condition over facts (see scenarios.conditions); its meaning is checked after parsing."""
Scalar = bool | int | str


class Strict(BaseModel):
    """Unknown fields are errors, so a typo is reported instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
