"""SOP 000 test support: its library alone (other SOPs' files cannot break these tests)."""

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from scenarios.instantiate import Instance
from scenarios.library import Library, load_library
from tests.scenarios.conftest import SCENARIOS
from tests.scenarios.helpers import make_instance

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
    lib: Library,
    db: Engine,
    case_id: str,
    seed: int = 0,
    episode_id: str = "ep-000",
    persona: str | None = None,
) -> Instance:
    """`make_instance` with this file's defaults (seed 0)."""
    return make_instance(lib, db, case_id, seed, persona, episode_id)
