"""The background fake world: a deterministic generator of customers, services, bills and orders.

`seed_world(engine, seed, scale)` writes it; `seeds.builders` makes single rows with forced
facts (the scenario engine's case customers); `seeds.providers.TelecomProvider` is the Faker
provider of Telkom/Telkomsel identifier shapes. See seeds/README.md.
"""
