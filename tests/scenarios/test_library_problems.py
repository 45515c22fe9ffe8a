"""One bad file cannot break the library: it is left out and reported (file, line, field) while
every other case keeps serving, and the broken library is not reloaded on every call."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from gladi.settings import get_settings
from scenarios.library import clear_cache, get_library
from tests.scenarios.conftest import BROKEN, SCENARIOS

AGING = SCENARIOS / "cases" / "sop-001" / "sop001-aging.yaml"
OUTAGE_002 = SCENARIOS / "cases" / "sop-002" / "sop002-outage.yaml"


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the library with a syntax error, a case id used under two SOPs, a dangling
    link, a folder named like a case file, a non-UTF-8 file and a valid stray `.yml` case."""
    root = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS / "sops", root / "sops")
    shutil.copytree(SCENARIOS / "cases", root / "cases")
    cases = root / "cases"
    shutil.copy(BROKEN / "bad-yaml.yaml", cases / "sop-001" / "bad-yaml.yaml")
    clash = OUTAGE_002.read_text(encoding="utf-8").replace("sop002-outage", "sop001-aging")
    (cases / "sop-002" / "sop001-aging.yaml").write_text(clash, "utf-8")
    (cases / "sop-001" / "gone.yaml").symlink_to(root / "nowhere.yaml")
    (cases / "sop-001" / "folder.yaml").mkdir()
    (cases / "sop-001" / "latin1.yaml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    stray = AGING.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-yml")
    (cases / "sop-001" / "sop001-aging-yml.yml").write_text(stray, "utf-8")
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(root))
    get_settings.cache_clear()
    clear_cache()
    yield root
    get_settings.cache_clear()
    clear_cache()


def test_broken_files_are_left_out_and_listed_while_the_rest_serves(damaged: Path) -> None:
    library = get_library()
    committed = {p.stem for p in (SCENARIOS / "cases").rglob("*.yaml")}
    assert committed <= set(library.cases)  # every good case still there
    assert "sop001-aging-yml" in library.cases  # .yml is read like .yaml
    assert library.cases["sop001-aging"].sop == "sop-001"  # the first file keeps the id
    by_file = {Path(p.file).name: p for p in library.problems}
    assert set(by_file) == {
        "bad-yaml.yaml",
        "sop001-aging.yaml",
        "gone.yaml",
        "folder.yaml",
        "latin1.yaml",
    }
    assert "not valid YAML" in by_file["bad-yaml.yaml"].message
    assert by_file["bad-yaml.yaml"].line > 1
    clash = by_file["sop001-aging.yaml"]
    assert "sop-002" in clash.file and clash.field == "id" and "sop-001" in clash.message
    assert "cannot read" in by_file["gone.yaml"].message
    assert "UTF-8" in by_file["latin1.yaml"].message


def test_a_broken_library_is_not_reloaded_on_every_call(damaged: Path) -> None:
    assert get_library() is get_library()
