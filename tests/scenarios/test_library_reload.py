"""A case saved by any process is seen at the next get_library() call, without a restart."""

import shutil
from pathlib import Path

import pytest

from gladi.settings import ROOT, get_settings
from scenarios.library import get_library


def test_a_new_case_file_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios" / "sops", root / "sops")
    (root / "cases" / "sop-001").mkdir(parents=True)
    source = ROOT / "scenarios" / "cases" / "sop-001" / "sop001-aging.yaml"
    shutil.copy(source, root / "cases" / "sop-001" / source.name)
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(root))
    get_settings.cache_clear()
    try:
        assert set(get_library().cases) == {"sop001-aging"}
        assert get_library() is get_library()  # unchanged files: the loaded library is reused
        text = source.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-copy")
        (root / "cases" / "sop-001" / "sop001-aging-copy.yaml").write_text(text, "utf-8")
        assert set(get_library().cases) == {"sop001-aging", "sop001-aging-copy"}
    finally:
        get_settings.cache_clear()
