"""bench/load.py's checks: what counts as a lost or foreign trace event."""

from sqlalchemy import Engine

from bench.load import Stats, verify
from gladi.episodes.trace import append_event
from tests.helpers import make_episode, make_user

LOOKUP = ("tool", '/dsc/subscribers/081234567890 {} {}')


def _stored_lookup(engine: Engine, episode: str) -> None:
    with engine.begin() as conn:
        append_event(conn, episode, "tool", tool="dsc", operation="dsc.profile",
                     params={"msisdn": "081234567890"})


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_a_call_answered_200_and_missing_from_the_trace_is_lost(empty_db: Engine) -> None:
    user, _ = make_user(empty_db)
    episode = make_episode(empty_db, user)
    stats = Stats()
    for _ in range(2):
        stats.tried[episode].append(LOOKUP[1])
        stats.sent[episode].append(LOOKUP)
    _stored_lookup(empty_db, episode)
    assert verify(_url(empty_db), stats)["lost"] == 1
    _stored_lookup(empty_db, episode)
    assert verify(_url(empty_db), stats) == {"lost": 0, "foreign": 0, "half_written_reports": 0}


def test_a_refused_or_unanswered_call_may_be_missing_but_not_stored_twice(
    empty_db: Engine,
) -> None:
    """A 401 (the tool's login got no answer when a worker died) is not lost; a stored event
    no call of this episode could have made is foreign."""
    user, _ = make_user(empty_db)
    episode = make_episode(empty_db, user)
    stats = Stats()
    stats.tried[episode].append(LOOKUP[1])
    stats.unacked[episode] += 1
    stats.not_ok[401] += 1
    assert verify(_url(empty_db), stats)["lost"] == 0
    _stored_lookup(empty_db, episode)
    assert verify(_url(empty_db), stats)["foreign"] == 0
    _stored_lookup(empty_db, episode)
    assert verify(_url(empty_db), stats)["foreign"] == 1
