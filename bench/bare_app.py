"""The ceiling for bench/lookups.py: a bare Starlette route, stdlib sqlite3 and orjson.

Same lookup as `GET /dsc/subscribers/{msisdn}` (the background subscriber with that MSISDN,
through the same index) on the same database file, answered as the row's columns in JSON; no
validation, no formatting, no ORM. Run it with uvicorn (`bench.bare_app:app`) and
BENCH_DB=<path to the SQLite file>.
"""

import os
import sqlite3

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SQL = "SELECT * FROM subscriber WHERE msisdn = ? AND episode_id IS NULL"


def _connect(path: str) -> tuple[sqlite3.Connection, list[str]]:
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    columns = [c[0] for c in conn.execute(SQL + " LIMIT 0", ("",)).description]
    return conn, columns


_conn, _columns = _connect(os.environ.get("BENCH_DB", "var/bench/lookups.db"))


async def subscriber(request: Request) -> Response:
    """One subscriber by MSISDN, or 404."""
    row = _conn.execute(SQL, (request.path_params["msisdn"],)).fetchone()
    if row is None:
        return Response(b'{"error":"not_found"}', 404, media_type="application/json")
    return Response(
        orjson.dumps(dict(zip(_columns, row, strict=True))), media_type="application/json"
    )


app = Starlette(routes=[Route("/dsc/subscribers/{msisdn}", subscriber)])
