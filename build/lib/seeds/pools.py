"""Pools of Faker-made names, streets and companies, built once per run and picked by index.

Faker is slow per call and its output is pinned by version, so each run asks it for a few
thousand values up front; rows then pick from the pools with a seeded `random.Random`.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from faker import Faker

from seeds.providers import City, DeviceModel, Outlet, TelecomProvider

DEFAULT_SIZE = 3000


class Person(NamedTuple):
    """One person: full name, and `first.last` in ASCII for e-mail addresses."""

    name: str
    email_stem: str


@dataclass(frozen=True)
class Pools:
    """Everything rows pick from: Faker-made values plus the provider's reference tuples."""

    people: tuple[Person, ...]
    streets: tuple[str, ...]
    companies: tuple[str, ...]
    cities: tuple[City, ...]
    devices: tuple[DeviceModel, ...]
    outlets: tuple[Outlet, ...]
    email_domains: tuple[str, ...]
    witels: tuple[str, ...]
    am_segments: tuple[str, ...]


def _ascii(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", flat.lower())


def _people(fake: Faker, size: int) -> tuple[Person, ...]:
    people = []
    for _ in range(size):
        first, last = fake.first_name(), fake.last_name()
        people.append(Person(f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}"))
    return tuple(people)


def _companies(fake: Faker, size: int) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    sectors, suffixes = TelecomProvider.company_sectors, TelecomProvider.company_suffixes
    while len(seen) < size:
        words = [fake.random_element(sectors), fake.last_name()]
        if fake.random.random() < 0.5:
            words.append(fake.last_name())
        words.append(fake.random_element(suffixes))
        seen["PT " + " ".join(word for word in words if word)] = None
    return tuple(seen)


def _streets(fake: Faker, size: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fake.street_name() for _ in range(size)))


def build_pools(seed: int, size: int = DEFAULT_SIZE) -> Pools:
    """Pools for `seed`: `size` people, up to `size` streets, `size // 2` companies."""
    fake = Faker("id_ID")
    fake.add_provider(TelecomProvider)
    fake.seed_instance(seed)
    return Pools(
        people=_people(fake, size),
        streets=_streets(fake, size),
        companies=_companies(fake, size // 2),
        cities=TelecomProvider.cities,
        devices=TelecomProvider.device_models,
        outlets=TelecomProvider.grapari_outlets,
        email_domains=TelecomProvider.email_domains,
        witels=TelecomProvider.witels,
        am_segments=TelecomProvider.am_segments,
    )
