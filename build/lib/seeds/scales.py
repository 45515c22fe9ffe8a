"""World sizes: `small` for tests, `default` (about a million rows), `large` (ten times that)."""

from dataclasses import dataclass


class UnknownScale(ValueError):
    """A scale name that is not one of SCALES."""


@dataclass(frozen=True)
class Scale:
    """How many top-level entities each domain gets (child rows follow from these)."""

    name: str
    account_managers: int
    accounts: int
    subscribers: int
    indihome_customers: int
    gol_orders: int
    outages: int
    pool_size: int
    periods: int = 6


SCALES: dict[str, Scale] = {
    "small": Scale("small", 8, 30, 160, 50, 70, 24, 1000),
    "default": Scale("default", 150, 2500, 42000, 6000, 12000, 300, 3000),
    "large": Scale("large", 1500, 25000, 420000, 60000, 120000, 3000, 6000),
}


def get_scale(name: str) -> Scale:
    """The scale called `name`, or UnknownScale naming the valid ones."""
    try:
        return SCALES[name]
    except KeyError:
        raise UnknownScale(
            f"unknown scale {name!r}: choose one of {', '.join(SCALES)}"
        ) from None
