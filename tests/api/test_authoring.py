"""Authoring over HTTP: one trainer's save cannot break the library, hostile YAML is refused
without being expanded, and broken files are reported to trainers while the rest serves."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gladi.settings import ROOT, get_settings
from scenarios import yamlsrc
from scenarios.library import clear_cache
from tests.api.conftest import bearer

AGING = ROOT / "scenarios" / "cases" / "sop-001" / "sop001-aging.yaml"
OUTAGE_002 = ROOT / "scenarios" / "cases" / "sop-002" / "sop002-outage.yaml"


@pytest.fixture
def library(app_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the library for the app under test."""
    root = tmp_path / "scenarios"
    for part in ("sops", "cases"):
        shutil.copytree(ROOT / "scenarios" / part, root / part)
    monkeypatch.setenv("GLADI_SCENARIOS_DIR", str(root))
    get_settings.cache_clear()
    clear_cache()
    yield root
    clear_cache()


def alias_bomb(levels: int = 10) -> str:
    """The 'billion laughs': each level a list of nine aliases of the level before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _save(client: TestClient, token: str, text: str, overwrite: bool = False):
    body = {"yaml": text, "overwrite": overwrite}
    return client.post("/api/authoring/save", json=body, headers=bearer(token))


def test_a_case_id_of_another_sop_is_409_and_the_library_keeps_serving(
    library: Path, client: TestClient, tokens: dict[str, str], start
) -> None:
    trainer = tokens["trainer"]
    clash = OUTAGE_002.read_text(encoding="utf-8").replace("sop002-outage", "sop001-aging")
    refused = _save(client, trainer, clash, overwrite=True)
    assert refused.status_code == 409 and refused.json()["field"] == "id"
    assert refused.json()["other"] == "scenarios/cases/sop-001/sop001-aging.yaml"
    assert "sop001-aging" in refused.json()["message"]
    assert not (library / "cases" / "sop-002" / "sop001-aging.yaml").exists()
    assert client.get("/api/scenarios", headers=bearer(trainer)).status_code == 200
    assert client.get("/api/scenarios/coverage", headers=bearer(trainer)).status_code == 200
    assert start(tokens["trainee"], "sop001-aging")["id"]


def test_save_then_overwrite_only_when_asked(
    library: Path, client: TestClient, tokens: dict[str, str]
) -> None:
    trainer = tokens["trainer"]
    text = AGING.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-two")
    first = _save(client, trainer, text)
    assert first.status_code == 201 and first.json()["overwritten"] is False
    again = _save(client, trainer, text)
    assert again.status_code == 409 and again.json()["field"] == "overwrite"
    replaced = _save(client, trainer, text, overwrite=True)
    assert replaced.status_code == 201 and replaced.json()["overwritten"] is True
    listed = client.get("/api/scenarios", headers=bearer(trainer)).json()
    assert "sop001-aging-two" in {c["id"] for c in listed}
    assert not list(library.rglob("*.saving"))


def test_a_ten_level_alias_bomb_is_refused_without_being_expanded(
    library: Path, client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    original = yamlsrc._build

    def spy(*args, **kwargs):
        built.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(yamlsrc, "_build", spy)
    bomb = alias_bomb(10)
    assert len(bomb) < 500
    saved = _save(client, tokens["trainer"], bomb)
    assert saved.status_code == 422 and "aliases" in saved.json()["message"]
    checked = client.post(
        "/api/authoring/validate", json={"yaml": bomb}, headers=bearer(tokens["trainer"])
    ).json()
    assert checked["valid"] is False and "aliases" in checked["problems"][0]["message"]
    assert built == []  # refused while composing: nothing was walked, nothing expanded
    smaller = alias_bomb(5)  # few enough aliases, but 59,049 nodes once expanded
    expanded = _save(client, tokens["trainer"], smaller)
    assert expanded.status_code == 422 and "expand" in expanded.json()["message"]
    assert built == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: sop001-x\ntitle: \x07bell\n", 2, "non-printable"),
        ("id: " + "[" * 600 + "]" * 600 + "\n", 1, "nested deeper"),
        ("a: &a [*a]\n", 1, "refers to the node"),
    ],
)
def test_hostile_yaml_is_422_with_its_line(
    library: Path, client: TestClient, tokens: dict[str, str], text: str, line: int, words: str
) -> None:
    for route in ("save", "preview"):
        response = client.post(
            f"/api/authoring/{route}", json={"yaml": text}, headers=bearer(tokens["trainer"])
        )
        assert response.status_code == 422, response.text
        body = response.json()
        assert words in body["message"] and body["problems"][0]["line"] == line


def test_nul_in_a_draft_is_422_on_the_yaml_field(
    library: Path, client: TestClient, tokens: dict[str, str]
) -> None:
    text = "id: sop001-x\ntitle: a\x00b\n"
    response = _save(client, tokens["trainer"], text)
    assert response.status_code == 422 and response.json()["field"] == "yaml"


def test_broken_files_are_reported_to_trainers_and_other_cases_start(
    library: Path, client: TestClient, tokens: dict[str, str], start
) -> None:
    (library / "cases" / "sop-001" / "half-written.yaml").write_text("id: [oops\n", "utf-8")
    (library / "cases" / "sop-001" / "gone.yml").symlink_to(library / "nowhere.yaml")
    clear_cache()
    listed = client.get("/api/scenarios/problems", headers=bearer(tokens["trainer"]))
    assert listed.status_code == 200
    problems = {p["file"]: p for p in listed.json()["problems"]}
    broken = problems["scenarios/cases/sop-001/half-written.yaml"]
    assert broken["line"] >= 1 and "YAML" in broken["message"]
    assert "scenarios/cases/sop-001/gone.yml" in problems
    coverage = client.get("/api/scenarios/coverage", headers=bearer(tokens["trainer"])).json()
    assert coverage["problems"] == 2
    trainee = client.get("/api/scenarios/problems", headers=bearer(tokens["trainee"]))
    assert trainee.status_code == 403
    assert start(tokens["trainee"], "sop001-aging")["id"]


def test_a_yml_case_can_be_read_back_for_editing(
    library: Path, client: TestClient, tokens: dict[str, str]
) -> None:
    text = AGING.read_text(encoding="utf-8").replace("sop001-aging", "sop001-aging-yml")
    (library / "cases" / "sop-001" / "sop001-aging-yml.yml").write_text(text, "utf-8")
    clear_cache()
    read = client.get("/api/authoring/cases/sop001-aging-yml", headers=bearer(tokens["trainer"]))
    assert read.status_code == 200 and read.json()["path"].endswith("sop001-aging-yml.yml")
    saved = _save(client, tokens["trainer"], text, overwrite=True)
    assert saved.status_code == 201 and saved.json()["path"].endswith(".yml")  # no twin .yaml
    assert not (library / "cases" / "sop-001" / "sop001-aging-yml.yaml").exists()
