"""`gladi scenario ...` and `gladi grade`."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from gladi.cli.main import app
from gladi.settings import get_settings
from scenarios import engine
from scenarios.library import Library
from tests.scenarios.conftest import BROKEN, SCENARIOS
from tests.scenarios.helpers import make_instance, perfect

runner = CliRunner()


@pytest.fixture(autouse=True)
def settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The repository's library and a database URL with no world behind it."""
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(SCENARIOS))
    monkeypatch.setenv("GLADI_DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_validate_ok_and_broken() -> None:
    ok = runner.invoke(app, ["scenario", "validate", str(SCENARIOS)])
    assert ok.exit_code == 0 and "no problems" in ok.output
    bad = runner.invoke(
        app,
        [
            "scenario",
            "validate",
            str(BROKEN / "wrong-type.yaml"),
            str(BROKEN / "sop_contradiction"),
        ],
    )
    assert bad.exit_code == 1
    assert "wrong-type.yaml:8: conditions.payment_posted: expected true or false" in bad.output
    assert "sop-001.yaml:13: decision[0].when: this condition can never hold" in bad.output


def test_list_and_coverage() -> None:
    listed = runner.invoke(app, ["scenario", "list", "--json"])
    assert listed.exit_code == 0
    assert "sop001-paid-clear" in {c["id"] for c in json.loads(listed.output)}
    assert "sop001-aging" in runner.invoke(app, ["scenario", "list"]).output
    table = runner.invoke(app, ["scenario", "coverage", "--json"])
    assert table.exit_code == 0 and json.loads(table.output)["sop-001"]["aging"]


def test_coverage_fails_on_an_uncovered_branch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copytree(SCENARIOS / "sops", tmp_path / "lib" / "sops")
    shutil.copytree(SCENARIOS / "cases", tmp_path / "lib" / "cases")
    (tmp_path / "lib" / "cases" / "sop-001" / "sop001-aging.yaml").unlink()
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(tmp_path / "lib"))
    get_settings.cache_clear()
    result = runner.invoke(app, ["scenario", "coverage"])
    assert result.exit_code == 1 and "sop-001/aging" in result.output


def test_broken_library_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copytree(SCENARIOS / "sops", tmp_path / "lib" / "sops")
    (tmp_path / "lib" / "cases").mkdir()
    shutil.copy(BROKEN / "unknown-field.yaml", tmp_path / "lib" / "cases")
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(tmp_path / "lib"))
    get_settings.cache_clear()
    result = runner.invoke(app, ["scenario", "list"])
    assert result.exit_code == 1 and "unknown-field.yaml:7: colour: unknown field" in result.output


def test_schema_writes_the_committed_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scenario", "schema", "--output", str(tmp_path)])
    assert result.exit_code == 0
    for name in ("case.schema.json", "sop.schema.json"):
        assert (tmp_path / name).read_text() == (SCENARIOS / "schema" / name).read_text()


def test_preview_without_a_world() -> None:
    result = runner.invoke(
        app, ["scenario", "preview", "sop001-hum-block", "--seed", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["key"]["expected"]["escalation"] == "Billco"
    assert shown["customer"]["summary"]["identifiers"]["msisdn"]
    again = json.loads(
        runner.invoke(
            app, ["scenario", "preview", "sop001-hum-block", "--seed", "3", "--json"]
        ).output
    )
    assert again == shown
    text = runner.invoke(app, ["scenario", "preview", "sop001-unpaid-notified"])
    assert "ticket: KIP k44-belum-ledger" in text.output and "[001:13]" in text.output
    missing = runner.invoke(app, ["scenario", "preview", "nope"])
    assert missing.exit_code == 2 and "no scenario 'nope'" in missing.output


def _trace(library: Library, db: Engine, tmp_path: Path, tamper: bool = False) -> Path:
    instance = make_instance(library, db, "sop001-paid-blocked")
    events, submit = perfect(instance)
    report = engine.grade(events, submit, instance.key)
    if tamper:
        report["score"] = 99
    path = tmp_path / "trace.json"
    path.write_text(
        json.dumps({"events": events, "submission": submit, "key": instance.key, "report": report})
    )
    return path


def test_grade_reproduces_a_stored_report(
    library: Library, mem_engine: Engine, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["grade", str(_trace(library, mem_engine, tmp_path))])
    assert result.exit_code == 0, result.output
    assert "score 100 PASSED" in result.output and "stored report: identical" in result.output
    as_json = runner.invoke(app, ["grade", str(tmp_path / "trace.json"), "--json"])
    assert json.loads(as_json.stdout)["score"] == 100


def test_grade_notices_a_different_report(
    library: Library, mem_engine: Engine, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["grade", str(_trace(library, mem_engine, tmp_path, True))])
    assert result.exit_code == 1 and "stored report: DIFFERENT" in result.output


def test_grade_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    assert runner.invoke(app, ["grade", str(path)]).exit_code == 2
    path.write_text(json.dumps({"events": []}))
    result = runner.invoke(app, ["grade", str(path)])
    assert result.exit_code == 2 and "missing 'key'" in result.output
