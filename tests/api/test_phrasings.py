"""The trainers' phrasing loop over HTTP: a message the customer did not understand is listed
for trainers; added to a question's bank, new episodes understand it while an episode already
running keeps its bank; trainees never see the list; bad input is a clear 4xx."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.api.conftest import bearer

SOP = "sop-001"
ODD = "zorblax quimp frobnitz"  # nonsense: no other test's phrasing can be near it


def ask(client: TestClient, token: str, episode: str, question: str) -> dict:
    response = client.post(
        f"/api/episodes/{episode}/ask", json={"question": question}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    return response.json()


def waiting(client: TestClient, token: str) -> list[dict]:
    body = client.get(f"/api/phrasings/review?sop={SOP}", headers=bearer(token)).json()
    return [p for q in body["questions"] for p in q["pending"]] + body["unmatched"]


def test_a_phrasing_added_by_a_trainer_is_understood_by_new_episodes_only(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    trainee, trainer = tokens["trainee"], tokens["trainer"]
    before = start(trainee)
    missed = ask(client, trainee, before["id"], ODD)
    assert missed["question_ids"] == [] and missed["question_id"] is None
    assert missed["talk"] == "clarify"
    listed = [p for p in waiting(client, trainer) if p["text"] == ODD]
    assert listed and listed[0]["count"] >= 1 and listed[0]["outcome"] == "unmatched"

    made = client.post(
        "/api/phrasings",
        json={"sop": SOP, "question_id": "notification", "text": ODD},
        headers=bearer(trainer),
    )
    assert made.status_code == 201, made.text
    try:
        assert made.json()["resolved"] >= 1
        assert not [p for p in waiting(client, trainer) if p["text"] == ODD]
        after = start(trainee)
        understood = ask(client, trainee, after["id"], ODD)
        assert understood["question_ids"] == ["notification"]
        assert ask(client, trainee, before["id"], ODD)["question_ids"] == []
        trial = client.post(
            "/api/phrasings/try", json={"sop": SOP, "text": ODD}, headers=bearer(trainer)
        ).json()
        assert trial["question_ids"] == ["notification"]
        again = client.post(
            "/api/phrasings",
            json={"sop": SOP, "question_id": "payment", "text": ODD.upper()},
            headers=bearer(trainer),
        )
        assert again.status_code == 409 and "notification" in again.json()["message"]
    finally:
        removed = client.delete(f"/api/phrasings/{made.json()['id']}", headers=bearer(trainer))
        assert removed.status_code == 200
    assert ask(client, trainee, start(trainee)["id"], ODD)["question_ids"] == []


def test_a_waiting_message_can_be_dismissed(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    text = "glorp wibble splonk?"
    ask(client, tokens["trainee"], episode["id"], text)
    body = {"sop": SOP, "text": text}
    done = client.post("/api/phrasings/dismiss", json=body, headers=bearer(tokens["trainer"]))
    assert done.status_code == 200 and done.json()["resolved"] >= 1
    assert not [p for p in waiting(client, tokens["trainer"]) if p["text"] == text]
    twice = client.post("/api/phrasings/dismiss", json=body, headers=bearer(tokens["trainer"]))
    assert twice.status_code == 404 and twice.json()["field"] == "text"


def test_understood_messages_and_small_talk_are_not_listed(
    client: TestClient, start: Callable[..., dict], tokens: dict[str, str]
) -> None:
    episode = start(tokens["trainee"])
    for text in ("Selamat pagi pak", "Kapan tanggal pembayarannya pak?", "Terima kasih"):
        ask(client, tokens["trainee"], episode["id"], text)
    texts = {p["text"] for p in waiting(client, tokens["trainer"])}
    assert not texts & {"Selamat pagi pak", "Kapan tanggal pembayarannya pak?", "Terima kasih"}


def test_only_trainers_see_or_change_the_banks(client: TestClient, tokens: dict[str, str]) -> None:
    for role in ("trainee", "assessor"):
        headers = bearer(tokens[role])
        assert client.get(f"/api/phrasings/review?sop={SOP}", headers=headers).status_code == 403
        body = {"sop": SOP, "question_id": "payment", "text": "x"}
        assert client.post("/api/phrasings", json=body, headers=headers).status_code == 403


def test_bad_input_names_the_field(client: TestClient, tokens: dict[str, str]) -> None:
    headers = bearer(tokens["trainer"])
    cases = [
        ({"sop": "sop-009", "question_id": "payment", "text": "x y"}, 404, "sop"),
        ({"sop": SOP, "question_id": "no_such", "text": "x y"}, 404, "question_id"),
        ({"sop": SOP, "question_id": "payment", "text": "?!"}, 422, "text"),
        (
            {
                "sop": SOP,
                "question_id": "payment",
                "text": "Kapan tanggal pembayaran dan melalui channel apa Bapak/Ibu membayar?",
            },
            409,
            "text",
        ),
    ]
    for body, status, field in cases:
        response = client.post("/api/phrasings", json=body, headers=headers)
        assert response.status_code == status, (body, response.text)
        assert response.json()["field"] == field
    missing = client.delete("/api/phrasings/999999", headers=headers)
    assert missing.status_code == 404 and missing.json()["field"] == "phrasing_id"
