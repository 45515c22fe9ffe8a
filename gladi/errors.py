"""Domain errors: raised by queries and services, turned into uniform JSON by the app.

Every error names what was wrong (`message`) and where (`field`), and optionally what was
expected, so a user or a script can correct the input without reading a traceback.
"""

from typing import Any


class GladiError(Exception):
    """Base of every error a user can cause; `status` is the HTTP status it maps to."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        expected: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.expected = expected
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """The JSON body every error response carries."""
        body: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.field is not None:
            body["field"] = self.field
        if self.expected is not None:
            body["expected"] = self.expected
        body.update(self.extra)
        return body


class BadInput(GladiError, ValueError):
    """A value has the wrong shape (an AO in the SID box, letters in an MSISDN ...)."""

    status = 422
    code = "invalid_input"


class NotFound(GladiError, LookupError):
    """A well-formed identifier that names nothing in the world."""

    status = 404
    code = "not_found"


class Unauthorized(GladiError):
    """No token, a wrong token or an expired one (or a wrong tool login)."""

    status = 401
    code = "unauthorized"


class Forbidden(GladiError):
    """A right token with the wrong role, or someone else's episode."""

    status = 403
    code = "forbidden"


class Conflict(GladiError):
    """The request clashes with stored state (submitting twice, a taken username)."""

    status = 409
    code = "conflict"


class DeadlinePassed(Conflict):
    """An exam attempt after its exam's deadline: nothing more can be done in it."""

    code = "deadline_passed"


class TooLarge(GladiError):
    """A request body over the configured size limit."""

    status = 413
    code = "payload_too_large"


class TooManyRequests(GladiError):
    """Too many failed logins for a username or from an address; `retry_after` in seconds."""

    status = 429
    code = "too_many_requests"

    def __init__(self, message: str, *, retry_after: int, field: str | None = None) -> None:
        super().__init__(message, field=field, extra={"retry_after": retry_after})
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        """Retry-After, as RFC 9110 says a 429 may carry."""
        return {"Retry-After": str(self.retry_after)}
