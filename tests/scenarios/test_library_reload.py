"""A case saved by any process is seen without a restart; unchanged files are not reloaded."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from gladi.settings import ROOT, get_settings
from scenarios.library import clear_cache, get_library

SOURCE = ROOT / "scenarios" / "cases" / "sop-001" / "sop001-aging.yaml"


@pytest.fixture
def small_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A library of the SOPs and one case; files are looked at on every call."""
    root = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios" / "sops", root / "sops")
    (root / "cases" / "sop-001").mkdir(parents=True)
    shutil.copy(SOURCE, root / "cases" / "sop-001" / SOURCE.name)
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(root))
    monkeypatch.setenv("GLADI_LIBRARY_CHECK_SECONDS", "0")
    get_settings.cache_clear()
    clear_cache()
    yield root
    get_settings.cache_clear()
    clear_cache()


def test_a_new_case_file_is_picked_up(small_library: Path) -> None:
    assert set(get_library().cases) == {"sop001-aging"}
    assert get_library() is get_library()  # unchanged files: the loaded library is reused
    text = SOURCE.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-copy")
    (small_library / "cases" / "sop-001" / "sop001-aging-copy.yaml").write_text(text, "utf-8")
    assert set(get_library().cases) == {"sop001-aging", "sop001-aging-copy"}


def test_a_changed_yml_file_is_picked_up(small_library: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-yml")
    path = small_library / "cases" / "sop-001" / "sop001-aging-yml.yml"
    path.write_text(text, "utf-8")
    assert get_library().cases["sop001-aging-yml"].difficulty != 3
    path.write_text(text.replace("difficulty: ", "difficulty: 3 #"), "utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks
    assert get_library().cases["sop001-aging-yml"].difficulty == 3


def test_files_are_looked_at_only_every_few_seconds(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLADI_LIBRARY_CHECK_SECONDS", "3600")
    get_settings.cache_clear()
    first = get_library()
    text = SOURCE.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-late")
    (small_library / "cases" / "sop-001" / "sop001-aging-late.yaml").write_text(text, "utf-8")
    assert get_library() is first  # not looked at again within the interval
    clear_cache()  # what a save through this worker does
    assert "sop001-aging-late" in get_library().cases
