"""Advice as a move: what the agent told the customer (`submission.advice`, plus what the
chosen resolution advises by itself), graded against what the SOP asks for in this case.

Advice the SOP requires here is a scored item; advice that does not apply costs points (a
forbidden one is a forbidden move, see forbidden.py). Notes stay free text and are never graded.
"""

from collections.abc import Mapping
from typing import Any

from scenarios.grading.item import item

Key = Mapping[str, Any]
DEFAULTS = {"advice": 5, "wrong_advice": 3}


def given(grading: Key, submission: Mapping[str, Any]) -> dict[str, str]:
    """Advice code -> how it was given (`advice`, or `resolution:<code>` when implied)."""
    part = grading.get("advice") or {}
    found: dict[str, str] = {}
    raw = submission.get("advice") or []
    for code in raw if isinstance(raw, list) else []:
        found.setdefault(str(code), "advice")
    resolution = str(submission.get("resolution") or "")
    for code in (part.get("by_resolution") or {}).get(resolution, []):
        found.setdefault(code, f"resolution:{resolution}")
    return found


def _label(part: Key, code: str, lang: str) -> str:
    known = (part.get("known") or {}).get(code)
    return f"“{known[lang]}”" if known else repr(code)


def advice_items(
    grading: Key, submission: Mapping[str, Any], forbidden_codes: set[str]
) -> list[dict[str, Any]]:
    """One item per required advice, and one per advice given that does not apply."""
    part = grading.get("advice") or {}
    weights = grading["weights"]
    told = given(grading, submission)
    items = []
    for code in part.get("required") or []:
        ok = code in told
        ref = ((part.get("known") or {}).get(code) or {}).get("ref")
        en = ("Advised: " if ok else "Not advised: ") + _label(part, code, "en")
        idn = ("Sudah disampaikan: " if ok else "Belum disampaikan: ") + _label(part, code, "id")
        items.append(
            item(
                f"advice:{code}",
                "advice",
                "ok" if ok else "missed",
                ref=ref,
                en=en,
                idn=idn,
                evidence={"given_as": told.get(code)},
                weight=weights.get("advice", 5),
            )
        )
    required = set(part.get("required") or [])
    for code, how in told.items():
        if code in required or code in forbidden_codes or how != "advice":
            continue
        ref = ((part.get("known") or {}).get(code) or {}).get("ref")
        items.append(
            item(
                f"advice_extra:{code}",
                "advice",
                "extra",
                ref=ref,
                en=f"Advice that does not apply to this case: {_label(part, code, 'en')}.",
                idn=f"Saran yang tidak sesuai untuk kasus ini: {_label(part, code, 'id')}.",
                evidence={"advice": code},
                earned=-weights.get("wrong_advice", 3),
            )
        )
    return items
