"""Turn domain errors and validation failures into one uniform JSON error body."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from gladi.errors import GladiError
from mocks.params import expected_for


class Problem(BaseModel):
    """One invalid field."""

    field: str
    message: str
    expected: str | None = None


class ErrorResponse(BaseModel):
    """The body of every 4xx answer: what was wrong (`message`) and where (`field`)."""

    model_config = ConfigDict(extra="allow")
    error: str
    message: str
    field: str | None = None
    expected: str | None = None
    errors: list[Problem] | None = None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in (
        (401, "Missing, wrong or expired token, or not logged in to the tool"),
        (403, "Wrong role, or someone else's episode"),
        (404, "Well-formed identifier that names nothing"),
        (409, "Conflicts with stored state"),
        (413, "The request body is over the size limit (GLADI_MAX_BODY_BYTES, 1 MiB)"),
        (422, "Malformed input: names the field and what was expected"),
    )
}
"""Documented on every route, so the OpenAPI document describes every error it can answer."""
THROTTLED_RESPONSE: dict[int | str, dict[str, Any]] = {
    429: {
        "model": ErrorResponse,
        "description": "Too many failed logins for the username or from the address; "
        "retry after the seconds in the Retry-After header",
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}},
    }
}


def _field_of(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _describe(err: dict[str, Any]) -> tuple[str, str | None]:
    ctx = err.get("ctx") or {}
    expected = expected_for(ctx.get("pattern")) or ctx.get("expected")
    got = err.get("input")
    shown = f", got {got!r}" if isinstance(got, str | int | float) and len(str(got)) < 80 else ""
    return f"{err.get('msg', 'invalid value')}{shown}", expected


async def gladi_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """A GladiError -> its status and body."""
    assert isinstance(exc, GladiError)
    return JSONResponse(exc.body(), status_code=exc.status, headers=getattr(exc, "headers", None))


async def validation_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """422 naming the first bad field and what it expected; all problems under `errors`."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        message, expected = _describe(err)
        problem = {"field": _field_of(tuple(err.get("loc", ()))), "message": message}
        if expected:
            problem["expected"] = str(expected)
        problems.append(problem)
    first = problems[0] if problems else {"field": "body", "message": "invalid request"}
    body = {
        "error": "invalid_input",
        "message": f"{first['field']}: {first['message']}",
        "field": first["field"],
        "errors": problems,
    }
    if "expected" in first:
        body["expected"] = first["expected"]
    return JSONResponse(body, status_code=422)


async def http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own 404/405 in the same shape."""
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return JSONResponse(
        {"error": code, "message": str(exc.detail)},
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


async def unexpected_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """Last resort: never a traceback to the client."""
    return JSONResponse(
        {"error": "internal_error", "message": f"unexpected {type(exc).__name__}"}, status_code=500
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler on `app`."""
    app.add_exception_handler(GladiError, gladi_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(Exception, unexpected_error_handler)
