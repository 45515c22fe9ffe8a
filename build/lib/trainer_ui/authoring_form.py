"""The authoring form's data: form values <-> case YAML, and problems per form field (pure).

The form covers the common parts of a case (id, SOP, title, difficulty, channel, kind, covers,
conditions, the persona's opening and temperament, a drill's goal); anything else lives only in
the YAML editor, and `to_yaml` keeps it when the form is applied to an existing text.
"""

from typing import Any

import yaml

FORM_KEYS = (
    "id",
    "sop",
    "title",
    "difficulty",
    "channel",
    "kind",
    "covers",
    "conditions",
    "opening",
    "temperament",
    "goal",
)
DIFFICULTIES = ("easy", "medium", "hard")
CHANNELS = ("voice", "chat", "email", "social")
KINDS = ("case", "drill")
TEMPERAMENTS = ("cooperative", "vague", "impatient")
FIELD_OF = {"opening": "persona.opening", "temperament": "persona.temperament_default"}

STARTER = """id: sop001-new-case
sop: sop-001
title: Judul kasus
difficulty: easy
channel: voice
covers: []
conditions: {}
persona:
  opening: Halo kak, nomor {msisdn} saya belum aktif padahal sudah bayar.
  temperament_default: cooperative
"""


def _load(text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def conditions_text(conditions: dict[str, Any] | None) -> str:
    """`fact: value` lines for the form's conditions box."""
    if not conditions:
        return ""
    return yaml.safe_dump(conditions, allow_unicode=True, sort_keys=False).strip()


def parse_conditions(text: str) -> dict[str, Any] | None:
    """The conditions box as a mapping (None when it is not `fact: value` lines)."""
    if not text.strip():
        return {}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def from_yaml(text: str) -> dict[str, Any]:
    """Form values from a case's YAML (missing parts get defaults)."""
    data = _load(text)
    persona: dict[str, Any] = data["persona"] if isinstance(data.get("persona"), dict) else {}
    return {
        "id": str(data.get("id", "")),
        "sop": str(data.get("sop", "")),
        "title": str(data.get("title", "")),
        "difficulty": str(data.get("difficulty", "easy")),
        "channel": str(data.get("channel", "voice")),
        "kind": str(data.get("kind", "case")),
        "covers": [str(c) for c in data.get("covers") or []],
        "conditions": conditions_text(data.get("conditions")),
        "opening": str(persona.get("opening", "")),
        "temperament": str(persona.get("temperament_default", "cooperative")),
        "goal": str(data.get("goal") or ""),
    }


def to_yaml(values: dict[str, Any], base: str = "") -> str:
    """The case YAML with the form's values applied on top of `base` (other keys kept)."""
    data = _load(base)
    data.update({k: values[k] for k in ("id", "sop", "title", "channel") if values.get(k)})
    difficulty = values.get("difficulty") or "easy"
    data["difficulty"] = int(difficulty) if str(difficulty).isdigit() else difficulty
    if values.get("kind") and values["kind"] != "case":
        data["kind"] = values["kind"]
    else:
        data.pop("kind", None)
    data["covers"] = list(values.get("covers") or [])
    conditions = parse_conditions(str(values.get("conditions") or ""))
    data["conditions"] = conditions if conditions is not None else values.get("conditions")
    persona: dict[str, Any] = data["persona"] if isinstance(data.get("persona"), dict) else {}
    persona["opening"] = values.get("opening") or ""
    persona["temperament_default"] = values.get("temperament") or "cooperative"
    data["persona"] = persona
    if values.get("goal"):
        data["goal"] = values["goal"]
    order = [
        k
        for k in (
            "id",
            "sop",
            "title",
            "difficulty",
            "channel",
            "kind",
            "covers",
            "conditions",
            "persona",
            "goal",
        )
        if k in data
    ]
    ordered = {k: data[k] for k in order} | {k: v for k, v in data.items() if k not in order}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=96)


def problems_for(problems: list[dict[str, Any]], form_key: str) -> list[dict[str, Any]]:
    """The problems that point at one form field (by field path prefix)."""
    path = FIELD_OF.get(form_key, form_key)
    return [
        p
        for p in problems
        if p.get("field") == path or str(p.get("field", "")).startswith((path + ".", path + "["))
    ]


def problem_line(problem: dict[str, Any]) -> str:
    """'line 4 · title: required field is missing'."""
    return (
        f"line {problem.get('line', '?')} · {problem.get('field') or '(top)'}: "
        f"{problem.get('message', '')}"
    )
