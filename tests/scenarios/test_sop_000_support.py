"""SOP 000 test support: its library alone (other SOPs' files cannot break these tests)."""

import copy
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from scenarios import engine
from scenarios.instantiate import Instance
from scenarios.library import Library, load_library
from scenarios.replay import replay_events
from tests.scenarios.conftest import SCENARIOS

SOP = "sop-000"


def sop000_library(root: Path) -> Library:
    """A library holding only SOP 000 and its cases, copied under `root`."""
    (root / "sops").mkdir(parents=True, exist_ok=True)
    shutil.copytree(SCENARIOS / "sops" / "source", root / "sops" / "source", dirs_exist_ok=True)
    shutil.copy(SCENARIOS / "sops" / f"{SOP}.yaml", root / "sops" / f"{SOP}.yaml")
    shutil.copytree(SCENARIOS / "cases" / SOP, root / "cases" / SOP, dirs_exist_ok=True)
    return load_library(root)


def case_ids(kind: str | None = None) -> list[str]:
    """Ids of SOP 000's case files (of one kind if given), read from the repository."""
    import yaml

    found = []
    for path in sorted((SCENARIOS / "cases" / SOP).glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        if kind is None or data.get("kind", "case") == kind:
            found.append(path.stem)
    return found


def make(
    lib: Library, db: Engine, case_id: str, seed: int = 0, episode_id: str = "ep-000", **kw: Any
) -> Instance:
    """Instantiate a case without writing it."""
    with db.connect() as conn:
        return engine.instantiate(conn, lib, case_id, seed, episode_id, kw.get("persona"))


def perfect(instance: Instance) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The events of replaying the key and the key's submission (copies, free to tweak)."""
    return replay_events(instance.key, instance.customer), copy.deepcopy(instance.key["submit"])


def without(events: list[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    """The events minus the tool calls of the operations and the questions (ids) named."""
    return [
        e
        for e in events
        if e.get("operation") not in names
        and (e.get("detail") or {}).get("question_id") not in names
    ]


def call_of(events: list[dict[str, Any]], operation: str) -> dict[str, Any]:
    """The first call of an operation (to tweak its parameters or status)."""
    return next(e for e in events if e.get("operation") == operation)


def item(report: dict[str, Any], item_id: str) -> dict[str, Any]:
    """The report item with this id."""
    return next(i for i in report["items"] if i["id"] == item_id)
