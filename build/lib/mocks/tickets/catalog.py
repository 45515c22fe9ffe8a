"""The KIP catalog (kip_catalog.yaml), loaded once and validated at import.

A broken catalog stops the app at startup with the file and the field that is wrong, instead of
failing later on the first ticket.
"""

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

CATALOG_PATH = Path(__file__).with_name("kip_catalog.yaml")
REF = r"^\d{3}:\d+$"
TICKET_TYPES = {"IN": "Numbering", "NN": "Non Numbering"}


class CatalogError(RuntimeError):
    """The catalog file cannot be read or does not validate."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldDef(_Strict):
    """A ticket field: the desk's label and the SOP line that asks for it."""

    label: str = Field(min_length=1)
    ref: str = Field(pattern=REF)


class KipDef(_Strict):
    """A complaint category: code, desk label, SOP, ticket type and mandatory fields."""

    code: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str = Field(min_length=1)
    sop: str = Field(pattern=r"^sop-\d{3}$")
    ref: str = Field(pattern=REF)
    ticket_type: Literal["IN", "NN"]
    fields: list[str] = Field(min_length=1)


class EscalationDef(_Strict):
    """A team a ticket can be escalated to."""

    code: str = Field(min_length=1)
    ref: str = Field(pattern=REF)


class KipCatalog(_Strict):
    """The whole catalog; cross-references are checked after the fields."""

    fields: dict[str, FieldDef]
    kips: list[KipDef] = Field(min_length=1)
    escalations: list[EscalationDef]
    classes: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_check(self) -> "KipCatalog":
        codes = [k.code for k in self.kips]
        if len(set(codes)) != len(codes):
            raise ValueError(
                f"kips: duplicate codes {sorted({c for c in codes if codes.count(c) > 1})}"
            )
        for kip in self.kips:
            unknown = [f for f in kip.fields if f not in self.fields]
            if unknown:
                raise ValueError(f"kips.{kip.code}.fields: unknown field ids {unknown}")
            if len(set(kip.fields)) != len(kip.fields):
                raise ValueError(f"kips.{kip.code}.fields: a field is listed twice")
        esc = [e.code for e in self.escalations]
        if len(set(esc)) != len(esc):
            raise ValueError("escalations: duplicate codes")
        return self

    def kip(self, code_or_label: str) -> KipDef | None:
        """The KIP with this code, or with exactly this label (case-insensitive)."""
        wanted = " ".join(code_or_label.split()).lower()
        for kip in self.kips:
            if wanted in (kip.code, " ".join(kip.label.split()).lower()):
                return kip
        return None

    def kip_label(self, code: str) -> str:
        """The desk label of a KIP code (the code itself if it is not in the catalog)."""
        kip = self.kip(code)
        return kip.label if kip else code

    def field_label(self, field_id: str) -> str:
        """The desk label of a field id (the id itself if it is not in the catalog)."""
        known = self.fields.get(field_id)
        return known.label if known else field_id


def load_catalog(path: Path = CATALOG_PATH) -> KipCatalog:
    """Read and validate the catalog; CatalogError names the file and the failing field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path}: cannot read the KIP catalog: {exc}") from exc
    try:
        return KipCatalog.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise CatalogError(f"{path}: invalid KIP catalog: {problems}") from exc


CATALOG = load_catalog()
"""The catalog the desk serves (loaded when the app imports the ticket desk)."""
