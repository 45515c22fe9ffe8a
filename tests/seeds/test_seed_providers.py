"""The Faker provider and the identifier functions produce the shapes gladi.formats defines."""

import re
from datetime import datetime
from random import Random

import pytest
from faker import Faker

from gladi import formats
from seeds import ids
from seeds.providers import TelecomProvider

DRAWS = 300


@pytest.fixture
def fake() -> Faker:
    faker = Faker("id_ID")
    faker.add_provider(TelecomProvider)
    faker.seed_instance(5)
    return faker


@pytest.mark.parametrize(("method", "pattern"), [
    ("msisdn", formats.MSISDN_RE),
    ("sid", formats.SID_RE),
    ("ao", formats.AO_RE),
    ("account_number", formats.ACCOUNT_RE),
    ("invoice_number", formats.INVOICE_RE),
    ("npwp", formats.NPWP_RE),
    ("voucher_serial", formats.VOUCHER_SERIAL_RE),
    ("mytelkomsel_trx_id", formats.MYTSEL_TRX_RE),
    ("indihome_number", formats.INDIHOME_RE),
    ("pots_phone", formats.POTS_RE),
    ("gol_order_id", formats.GOL_ORDER_RE),
    ("ticket_id", formats.TICKET_RE),
    ("cidnas", re.compile(r"^\d{8}$")),
    ("group_id", re.compile(r"^\d{11} \(TSI\)$")),
    ("upoint_trx_id", re.compile(r"^stbupoint[0-9a-f]{32}$")),
    ("partner_ref_no", re.compile(r"^disact-\d{14}-1\d{11}$")),
])
def test_every_identifier_matches_its_format(
    fake: Faker, method: str, pattern: re.Pattern[str]
) -> None:
    values = [getattr(fake, method)() for _ in range(DRAWS)]
    assert [v for v in values if not pattern.match(v)] == []


def test_sids_come_in_both_shapes(fake: Faker) -> None:
    sids = [fake.sid() for _ in range(DRAWS)]
    assert any("-" in sid for sid in sids)
    assert any(sid.isdigit() for sid in sids)


def test_msisdns_use_every_telkomsel_prefix(fake: Faker) -> None:
    prefixes = {fake.msisdn()[:4] for _ in range(2000)}
    assert prefixes == set(formats.MSISDN_PREFIXES)


def test_imei_has_fifteen_digits_a_real_tac_and_a_valid_luhn_digit(fake: Faker) -> None:
    tacs = {model.tac for model in TelecomProvider.device_models}
    for _ in range(DRAWS):
        imei = fake.imei()
        assert re.fullmatch(r"\d{15}", imei)
        assert imei[:8] in tacs
        assert ids.luhn_digit(imei[:14]) == imei[14]


def test_luhn_digit_of_a_known_imei() -> None:
    assert ids.luhn_digit("49015420323751") == "8"  # the textbook example 490154203237518


@pytest.mark.parametrize("courier", list(ids.RESI_FORMATS))
def test_resi_has_a_courier_specific_shape(fake: Faker, courier: str) -> None:
    values = {fake.resi(courier) for _ in range(50)}
    assert len(values) == 50
    assert all(re.fullmatch(r"[A-Z0-9-]{12,20}", value) for value in values)


def test_partner_ref_no_is_the_sop_sample_for_the_sop_inputs() -> None:
    moment = datetime(2022, 1, 2, 9, 21, 22, tzinfo=formats.WIB)
    assert ids.partner_ref_no(moment, "121517209330") == "disact-20220102092122-121517209330"


def test_pots_number_keeps_the_area_code_and_eleven_digits() -> None:
    rng = Random(3)
    for area in ("021", "0274", "0911"):
        value = ids.pots_phone(rng, area)
        assert value.startswith(area) and len(value) == 11 and formats.POTS_RE.match(value)


def test_same_seed_same_values_other_seed_other_values() -> None:
    def draw(seed: int) -> list[str]:
        faker = Faker("id_ID")
        faker.add_provider(TelecomProvider)
        faker.seed_instance(seed)
        return [faker.msisdn() for _ in range(20)] + [faker.sid() for _ in range(20)]

    assert draw(1) == draw(1)
    assert draw(1) != draw(2)


def test_cities_carry_a_telkom_regional_and_area_code() -> None:
    for city in TelecomProvider.cities:
        assert 1 <= city.regional <= 7
        assert re.fullmatch(r"0\d{2,3}", city.area_code)
    assert len({city.name for city in TelecomProvider.cities}) == len(TelecomProvider.cities)
