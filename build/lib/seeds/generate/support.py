"""Outage notices: every service at least once, some of them going on at WORLD_NOW."""

from typing import Any

from seeds import vocab
from seeds.builders.support import build_outage
from seeds.generate.context import Context
from seeds.rand import coverage_slots, pick


def generate_support(ctx: Context) -> None:
    """Outage notices over the shared city pool (the areas subscribers live in)."""
    rng = ctx.rng("support")
    plans: dict[int, dict[str, Any]] = coverage_slots(rng, ctx.scale.outages, [
        {"service": service, "active": active}
        for service in vocab.OUTAGE_SERVICES for active in (True, False)
    ])
    for index in range(ctx.scale.outages):
        plan = plans.get(index, {})
        area = pick(rng, ctx.pools.cities).name
        ctx.sink.add("outage_notice", build_outage(rng, ctx.pools, area=area, **plan))
