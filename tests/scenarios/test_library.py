"""Loading and validating the library: the committed files, and a corpus of broken ones."""

import re
import shutil
from pathlib import Path

import pytest

from gladi.errors import NotFound
from scenarios import engine
from scenarios.library import Library, load_library, validate_files
from scenarios.problems import LibraryError
from tests.scenarios.conftest import BROKEN, SCENARIOS

BROKEN_FILES = sorted(BROKEN.rglob("*.yaml"))


def _expectation(path: Path) -> tuple[int, str, str]:
    match = re.match(r"# expect: (\d+) (\S+) \| (.+)", path.read_text().splitlines()[0])
    assert match, f"{path} lacks its '# expect: LINE FIELD | MESSAGE' header"
    field = "" if match[2] == "-" else match[2]
    return int(match[1]), field, match[3].strip()


def test_committed_library_loads_without_problems(library: Library) -> None:
    assert "sop-001" in library.sops
    assert len([c for c in library.cases.values() if c.sop == "sop-001"]) >= 10
    assert validate_files([SCENARIOS], root=SCENARIOS) == []


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: str(p.relative_to(BROKEN)))
def test_each_broken_file_is_rejected_with_file_line_and_field(path: Path) -> None:
    line, field, message = _expectation(path)
    problems = validate_files([path], root=SCENARIOS)
    assert problems, f"{path} was accepted"
    assert all(p.file.endswith(path.name) for p in problems)
    assert any(p.line == line and p.field == field and message in p.message for p in problems), (
        "\n".join(map(str, problems))
    )


def test_nothing_from_a_broken_file_is_loaded(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(SCENARIOS / "sops", root / "sops")
    shutil.copytree(SCENARIOS / "cases", root / "cases")
    shutil.copy(BROKEN / "impossible-branch.yaml", root / "cases" / "impossible-branch.yaml")
    loose = load_library(root, strict=False)
    assert "impossible-branch" not in loose.cases
    assert "sop001-paid-clear" in loose.cases
    with pytest.raises(LibraryError) as raised:
        load_library(root)
    assert any("impossible-branch" in p.file for p in raised.value.problems)
    assert "impossible-branch.yaml:7: covers[0]" in str(raised.value)


def test_cases_of_a_broken_sop_are_not_loaded(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(SCENARIOS / "cases", root / "cases")
    (root / "sops").mkdir()
    shutil.copy(BROKEN / "sop_contradiction" / "sop-001.yaml", root / "sops" / "sop-001.yaml")
    loose = load_library(root, strict=False)
    assert loose.sops == {} and loose.cases == {}
    assert any(p.field == "sop" for p in loose.problems)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("id: huge\n" + "# padding\n" * 30_000)
    problems = validate_files([path], root=SCENARIOS)
    assert len(problems) == 1 and problems[0].line == 1 and "256 KiB" in problems[0].message


def test_duplicate_case_ids_across_folders(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    shutil.copytree(SCENARIOS / "sops", root / "sops")
    shutil.copytree(SCENARIOS / "cases", root / "cases")
    twin = root / "cases" / "again"
    twin.mkdir()
    shutil.copy(root / "cases" / "sop-001" / "sop001-aging.yaml", twin / "sop001-aging.yaml")
    problems = load_library(root, strict=False).problems
    assert any("duplicate case id sop001-aging" in p.message for p in problems)


def test_unknown_case_is_not_found_naming_scenario(library: Library) -> None:
    with pytest.raises(NotFound) as raised:
        library.case("no-such-case")
    assert raised.value.field == "scenario"


def test_list_cases_shape(library: Library) -> None:
    listed = engine.list_cases(library)
    assert [c["id"] for c in listed] == sorted(library.cases)
    assert set(listed[0]) == {"id", "sop", "title", "difficulty", "channel", "kind"}
    assert {c["kind"] for c in listed} == {"case", "drill"}


def test_get_library_reads_the_configured_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from gladi.settings import get_settings

    shutil.copytree(SCENARIOS / "sops", tmp_path / "sops")
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(tmp_path))
    get_settings.cache_clear()
    engine.clear_cache()
    try:
        lib = engine.get_library()
        assert lib.cases == {} and "sop-001" in lib.sops
        assert engine.get_library() is lib
    finally:
        get_settings.cache_clear()
        engine.clear_cache()


def test_every_ref_points_at_a_line_of_the_sop(library: Library) -> None:
    sop = library.sops["sop-001"]
    lines = library.source_lines(sop)
    assert lines[28].startswith("1.1 Jika status HLR")
    assert sop.rule("paid_clear").ref == "001:29"


def test_a_case_named_like_a_sop_is_still_a_case(tmp_path: Path) -> None:
    text = (SCENARIOS / "cases" / "sop-001" / "sop001-aging.yaml").read_text()
    path = tmp_path / "sop-001-aging-copy.yaml"
    path.write_text(text.replace("id: sop001-aging", "id: sop-001-aging-copy"))
    assert validate_files([path], root=SCENARIOS) == []
