"""A Faker provider for Telkom/Telkomsel data: identifier shapes and id_ID reference tuples.

Use it as `fake = Faker("id_ID"); fake.add_provider(TelecomProvider); fake.seed_instance(n)`.
The tuples are plain class attributes so the pools and builders read them without Faker.
"""

from datetime import datetime
from typing import NamedTuple

from faker.providers import BaseProvider

from gladi.formats import MSISDN_PREFIXES, WORLD_NOW
from seeds import ids


class City(NamedTuple):
    """A city or kabupaten: Telkom regional (1-7) and fixed-line area code."""

    name: str
    province: str
    regional: int
    area_code: str


class DeviceModel(NamedTuple):
    """A phone model and the 8-digit type allocation code (TAC) its IMEIs start with."""

    name: str
    tac: str


class Outlet(NamedTuple):
    """A GraPARI outlet whose FOS ships GraPARI Online orders, and its contact number."""

    name: str
    phone: str


def _city(name: str, province: str, regional: int, area: str) -> City:
    return City(name, province, regional, area)


class TelecomProvider(BaseProvider):
    """Telecom identifiers (MSISDN, SID, AO, NPWP, serials ...) and Indonesian telecom data."""

    msisdn_prefixes = MSISDN_PREFIXES
    cities: tuple[City, ...] = (
        _city("Medan", "Sumatera Utara", 1, "061"),
        _city("Kabupaten Deli Serdang", "Sumatera Utara", 1, "061"),
        _city("Pematangsiantar", "Sumatera Utara", 1, "0622"),
        _city("Banda Aceh", "Aceh", 1, "0651"),
        _city("Padang", "Sumatera Barat", 1, "0751"),
        _city("Pekanbaru", "Riau", 1, "0761"),
        _city("Batam", "Kepulauan Riau", 1, "0778"),
        _city("Jambi", "Jambi", 1, "0741"),
        _city("Palembang", "Sumatera Selatan", 1, "0711"),
        _city("Bengkulu", "Bengkulu", 1, "0736"),
        _city("Bandar Lampung", "Lampung", 1, "0721"),
        _city("Kabupaten Lampung Selatan", "Lampung", 1, "0727"),
        _city("Jakarta Selatan", "DKI Jakarta", 2, "021"),
        _city("Jakarta Pusat", "DKI Jakarta", 2, "021"),
        _city("Jakarta Barat", "DKI Jakarta", 2, "021"),
        _city("Jakarta Utara", "DKI Jakarta", 2, "021"),
        _city("Jakarta Timur", "DKI Jakarta", 2, "021"),
        _city("Kota Tangerang", "Banten", 2, "021"),
        _city("Kabupaten Tangerang", "Banten", 2, "021"),
        _city("Tangerang Selatan", "Banten", 2, "021"),
        _city("Serang", "Banten", 2, "0254"),
        _city("Cilegon", "Banten", 2, "0254"),
        _city("Kota Bekasi", "Jawa Barat", 2, "021"),
        _city("Kabupaten Bekasi", "Jawa Barat", 2, "021"),
        _city("Depok", "Jawa Barat", 2, "021"),
        _city("Kota Bogor", "Jawa Barat", 2, "0251"),
        _city("Kabupaten Bogor", "Jawa Barat", 2, "021"),
        _city("Bandung", "Jawa Barat", 3, "022"),
        _city("Kabupaten Bandung", "Jawa Barat", 3, "022"),
        _city("Cimahi", "Jawa Barat", 3, "022"),
        _city("Karawang", "Jawa Barat", 3, "0267"),
        _city("Purwakarta", "Jawa Barat", 3, "0264"),
        _city("Cirebon", "Jawa Barat", 3, "0231"),
        _city("Tasikmalaya", "Jawa Barat", 3, "0265"),
        _city("Sukabumi", "Jawa Barat", 3, "0266"),
        _city("Kabupaten Garut", "Jawa Barat", 3, "0262"),
        _city("Semarang", "Jawa Tengah", 4, "024"),
        _city("Surakarta", "Jawa Tengah", 4, "0271"),
        _city("Magelang", "Jawa Tengah", 4, "0293"),
        _city("Tegal", "Jawa Tengah", 4, "0283"),
        _city("Pekalongan", "Jawa Tengah", 4, "0285"),
        _city("Kabupaten Banyumas", "Jawa Tengah", 4, "0281"),
        _city("Kabupaten Kudus", "Jawa Tengah", 4, "0291"),
        _city("Yogyakarta", "DI Yogyakarta", 4, "0274"),
        _city("Kabupaten Sleman", "DI Yogyakarta", 4, "0274"),
        _city("Kabupaten Bantul", "DI Yogyakarta", 4, "0274"),
        _city("Surabaya", "Jawa Timur", 5, "031"),
        _city("Kabupaten Sidoarjo", "Jawa Timur", 5, "031"),
        _city("Malang", "Jawa Timur", 5, "0341"),
        _city("Kediri", "Jawa Timur", 5, "0354"),
        _city("Madiun", "Jawa Timur", 5, "0351"),
        _city("Kabupaten Jember", "Jawa Timur", 5, "0331"),
        _city("Denpasar", "Bali", 5, "0361"),
        _city("Kabupaten Badung", "Bali", 5, "0361"),
        _city("Mataram", "Nusa Tenggara Barat", 5, "0370"),
        _city("Kupang", "Nusa Tenggara Timur", 5, "0380"),
        _city("Balikpapan", "Kalimantan Timur", 6, "0542"),
        _city("Samarinda", "Kalimantan Timur", 6, "0541"),
        _city("Tarakan", "Kalimantan Utara", 6, "0551"),
        _city("Banjarmasin", "Kalimantan Selatan", 6, "0511"),
        _city("Pontianak", "Kalimantan Barat", 6, "0561"),
        _city("Palangka Raya", "Kalimantan Tengah", 6, "0536"),
        _city("Makassar", "Sulawesi Selatan", 7, "0411"),
        _city("Kabupaten Gowa", "Sulawesi Selatan", 7, "0411"),
        _city("Manado", "Sulawesi Utara", 7, "0431"),
        _city("Gorontalo", "Gorontalo", 7, "0435"),
        _city("Palu", "Sulawesi Tengah", 7, "0451"),
        _city("Kendari", "Sulawesi Tenggara", 7, "0401"),
        _city("Ambon", "Maluku", 7, "0911"),
        _city("Jayapura", "Papua", 7, "0967"),
        _city("Sorong", "Papua Barat Daya", 7, "0951"),
    )
    device_models: tuple[DeviceModel, ...] = tuple(
        DeviceModel(name, tac)
        for name, tac in (
            ("Samsung Galaxy A15", "35260815"), ("Samsung Galaxy A25 5G", "35077331"),
            ("Samsung Galaxy A35 5G", "35331282"), ("Samsung Galaxy A55 5G", "35498716"),
            ("Samsung Galaxy S24", "35054417"), ("Samsung Galaxy A05s", "35971560"),
            ("OPPO A18", "86931206"), ("OPPO A58", "86120375"), ("OPPO Reno11 F 5G", "86408821"),
            ("vivo Y17s", "86727044"), ("vivo Y100", "86850152"), ("vivo V30", "86273390"),
            ("Xiaomi Redmi 13C", "86601478"), ("Xiaomi Redmi Note 13", "86233917"),
            ("POCO X6 5G", "86984052"), ("realme C55", "86365728"), ("realme Note 50", "86140396"),
            ("Infinix Hot 40i", "35621847"), ("Infinix Smart 8", "35714063"),
            ("iPhone 11", "35391110"), ("iPhone 13", "35467212"), ("iPhone 15", "35855331"),
            ("Nokia 105 4G", "35229971"), ("itel A70", "35118840"),
        )
    )
    grapari_outlets: tuple[Outlet, ...] = (
        Outlet("GraPARI Semanggi", "08111200188"),
        Outlet("GraPARI Thamrin", "08111200277"),
        Outlet("GraPARI Kelapa Gading", "08111200366"),
        Outlet("GraPARI Puri Indah", "08111200455"),
        Outlet("GraPARI BSD City", "08111200544"),
        Outlet("GraPARI Bekasi", "08111200633"),
        Outlet("GraPARI Bogor Pajajaran", "08111200722"),
        Outlet("GraPARI Bandung Supratman", "08111300188"),
        Outlet("GraPARI Semarang Pandanaran", "08111400188"),
        Outlet("GraPARI Yogyakarta Sudirman", "08111400277"),
        Outlet("GraPARI Surabaya Kusuma Bangsa", "08111500188"),
        Outlet("GraPARI Malang", "08111500277"),
        Outlet("GraPARI Denpasar Renon", "08111500366"),
        Outlet("GraPARI Medan Diponegoro", "08111100188"),
        Outlet("GraPARI Palembang", "08111100277"),
        Outlet("GraPARI Pekanbaru", "08111100366"),
        Outlet("GraPARI Balikpapan", "08111600188"),
        Outlet("GraPARI Banjarmasin", "08111600277"),
        Outlet("GraPARI Makassar Pettarani", "08111700188"),
        Outlet("GraPARI Manado", "08111700277"),
    )
    email_domains = ("gmail.com",) * 6 + ("yahoo.co.id", "yahoo.com", "hotmail.com", "outlook.com")
    company_sectors = (
        "", "", "", "Bank", "BPR", "Asuransi", "Sinar", "Mitra", "Karya", "Graha", "Teknologi",
        "Logistik", "Energi", "Solusi", "Prima", "Indo", "Multi", "Mega", "Agro", "Kimia",
    )
    company_suffixes = ("", "", "", "Tbk", "(Persero) Tbk", "Nusantara", "Indonesia", "Sejahtera")
    witels = (
        "WITEL JAKARTA SELATAN", "WITEL JAKARTA PUSAT", "WITEL JAKARTA BARAT",
        "WITEL JAKARTA UTARA", "WITEL JAKARTA TIMUR", "WITEL TANGERANG", "WITEL BEKASI",
        "WITEL BOGOR", "WITEL BANDUNG",
        "WITEL SEMARANG", "WITEL YOGYAKARTA", "WITEL SURABAYA UTARA", "WITEL MALANG",
        "WITEL DENPASAR", "WITEL MEDAN", "WITEL PALEMBANG", "WITEL BALIKPAPAN", "WITEL MAKASSAR",
    )
    am_segments = (
        "Enterprise Service", "Government Service", "Business Service", "State-Owned Enterprise",
    )

    def msisdn(self) -> str:
        """A Telkomsel MSISDN in local form (`0812...`)."""
        return ids.msisdn(self.generator.random)

    def sid(self) -> str:
        """An enterprise service ID (`835221950` or `300107201-003092947`)."""
        return ids.sid(self.generator.random)

    def ao(self) -> str:
        """An NCXtools activation order (`1-` + 9 digits)."""
        return ids.ao(self.generator.random)

    def account_number(self) -> str:
        """A 7-digit enterprise billing account number."""
        return ids.account_number(self.generator.random)

    def invoice_number(self) -> str:
        """A 6-7 digit TOS invoice number."""
        return ids.invoice_number(self.generator.random)

    def npwp(self) -> str:
        """An NPWP as stored (`021163795092.000`)."""
        return ids.npwp(self.generator.random)

    def cidnas(self) -> str:
        """An 8-digit CIDNAS customer ID."""
        return ids.cidnas(self.generator.random)

    def voucher_serial(self) -> str:
        """A 25-digit voucher serial number starting `02`."""
        return ids.voucher_serial(self.generator.random)

    def mytelkomsel_trx_id(self, moment: datetime = WORLD_NOW) -> str:
        """A MyTelkomsel (fintech) transaction id (`MYT` + 17 digits)."""
        return ids.mytelkomsel_trx_id(self.generator.random, moment)

    def indihome_number(self) -> str:
        """A 12-digit IndiHome number."""
        return ids.indihome_number(self.generator.random)

    def pots_phone(self, area_code: str = "021") -> str:
        """A fixed-line (POTS) phone number (`02122693043`)."""
        return ids.pots_phone(self.generator.random, area_code)

    def group_id(self) -> str:
        """An IndiHome GroupID (`34008951763 (TSI)`)."""
        return ids.group_id(self.generator.random)

    def partner_ref_no(self, start: datetime = WORLD_NOW, indihome: str = "121517209330") -> str:
        """A UPoint partner ref_no (`disact-20220102092122-121517209330`)."""
        return ids.partner_ref_no(start, indihome)

    def upoint_trx_id(self) -> str:
        """A Telkom UPoint trx_id (`stbupoint` + hex)."""
        return ids.upoint_trx_id(self.generator.random)

    def gol_order_id(self, moment: datetime = WORLD_NOW) -> str:
        """A GraPARI Online order id (`GOL` + 12 digits)."""
        return ids.gol_order_id(self.generator.random, moment)

    def ticket_id(self, kind: str = "IN") -> str:
        """A ticket id (`IN` or `NN` + 9 digits)."""
        return ids.ticket_id(self.generator.random, kind)

    def resi(self, courier: str = "JNE") -> str:
        """A courier tracking number (resi)."""
        return ids.resi(self.generator.random, courier)

    def imei(self) -> str:
        """A 15-digit IMEI of a real phone model's TAC."""
        return ids.imei(self.generator.random, self.random_element(self.device_models).tac)

    def telkom_city(self) -> City:
        """A city or kabupaten with its Telkom regional and area code."""
        return self.random_element(self.cities)

    def device_model(self) -> DeviceModel:
        """A phone model sold in Indonesia."""
        return self.random_element(self.device_models)

    def grapari_outlet(self) -> Outlet:
        """A GraPARI outlet."""
        return self.random_element(self.grapari_outlets)
