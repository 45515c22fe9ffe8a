"""Routers with a shorter path through FastAPI per request; same answers, same OpenAPI.

FastAPI tries the included routers one after another and, in each, every route's regex; for
the route it picks it solves the dependency graph, validates the parameters and the returned
model. On a tool lookup that machinery cost more than the lookup itself. Two general
shortcuts:

- `PrefixRouter`: every route of a router lives under its prefix, so a request whose path does
  not contain the prefix is turned away with one string test instead of a regex per route.
- `ToolRoute` (the routes of a `ToolRouter`): a route whose only dependency is `ToolCtx` and
  whose other inputs are path and query parameters is served by a direct handler: the
  route's own parameter fields validated by FastAPI's own function (same values, same 422
  errors), the `X-Gladi-Episode` and `Authorization` headers read from the request, the
  returned model serialised by FastAPI's own function. Any other route (a body, another
  dependency, a header of its own) and any app with dependency overrides is served by
  FastAPI's handler as usual.
"""

import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_validation_alias, request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, serialize_response
from fastapi.utils import is_body_allowed_for_status_code
from starlette._utils import get_route_path
from starlette.routing import Match
from starlette.types import Scope

from mocks.context import context_for, tool_context

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
EPISODE_HEADER = "x-gladi-episode"
AUTHORIZATION_HEADER = "authorization"


class PrefixRouter(APIRouter):
    """An APIRouter that turns away, before trying its routes, a path not containing its prefix.

    Every route path of an APIRouter starts with the router's prefix, and an including router
    can only put more in front of it; so a path without the prefix matches none of them.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Match.NONE at once when the path cannot be under the prefix, else FastAPI's match."""
        prefix = self.prefix
        if prefix and "{" not in prefix:
            path = get_route_path(scope)
            if prefix + "/" not in path and not path.endswith(prefix):
                return Match.NONE, {}
        return super().matches(scope)


def _tool_context_parameter(dependant: Dependant) -> str | None:
    """The name of the ToolCtx parameter when only it and path/query parameters feed the
    endpoint (so the direct handler gives the same arguments), else None."""
    if len(dependant.dependencies) != 1:
        return None
    sub = dependant.dependencies[0]
    if sub.call is not tool_context or sub.dependencies or sub.name is None:
        return None
    specials = (
        dependant.request_param_name,
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
    )
    if dependant.header_params or dependant.cookie_params or dependant.body_params:
        return None
    if any(specials) or not inspect.iscoroutinefunction(dependant.call):
        return None
    return sub.name


class ToolRoute(APIRoute):
    """An APIRoute served by the direct handler when its inputs allow (see the module doc)."""

    def get_route_handler(self) -> Handler:
        """The direct handler, or FastAPI's when the route needs more than it does."""
        standard = super().get_route_handler()
        ctx_name = _tool_context_parameter(self.dependant)
        direct = (
            ctx_name is not None
            and self.body_field is None
            and self.response_field is not None
            and self.stream_item_field is None
            and not self.is_json_stream
            and isinstance(self.response_class, DefaultPlaceholder)
        )
        if not direct or ctx_name is None:
            return standard
        return self._direct_handler(ctx_name, standard)

    def _direct_handler(self, ctx_name: str, standard: Handler) -> Handler:
        endpoint = self.dependant.call
        assert endpoint is not None
        # A path parameter is always there (the route matched) and a single string: FastAPI's
        # request_params_to_args comes down to this same field.validate call for it.
        path_fields = [
            (param, get_validation_alias(param)) for param in self.dependant.path_params
        ]
        query_fields = self.dependant.query_params
        field = self.response_field
        status_code = self.status_code
        include, exclude = self.response_model_include, self.response_model_exclude
        by_alias = self.response_model_by_alias
        exclude_unset = self.response_model_exclude_unset
        exclude_defaults = self.response_model_exclude_defaults
        exclude_none = self.response_model_exclude_none

        async def handler(request: Request) -> Response:
            if getattr(request.scope.get("app"), "dependency_overrides", None):
                return await standard(request)
            headers = request.headers
            ctx = context_for(
                request, headers.get(EPISODE_HEADER), headers.get(AUTHORIZATION_HEADER)
            )
            path_params = request.path_params
            values: dict[str, Any] = {}
            errors: list[Any] = []
            for param, alias in path_fields:
                value, param_errors = param.validate(
                    path_params[alias], values, loc=("path", alias)
                )
                if param_errors:
                    errors += param_errors
                else:
                    values[param.name] = value
            if query_fields:
                query_values, query_errors = request_params_to_args(
                    query_fields, request.query_params
                )
                values.update(query_values)
                errors += query_errors
            if errors:
                raise RequestValidationError(errors, body=None)
            values[ctx_name] = ctx
            raw = await endpoint(**values)
            if isinstance(raw, Response):
                return raw
            content = await serialize_response(
                field=field,
                response_content=raw,
                include=include,
                exclude=exclude,
                by_alias=by_alias,
                exclude_unset=exclude_unset,
                exclude_defaults=exclude_defaults,
                exclude_none=exclude_none,
                dump_json=True,
            )
            response = Response(content, status_code or 200, media_type="application/json")
            if not is_body_allowed_for_status_code(response.status_code):
                response.body = b""
            return response

        return handler


class ToolRouter(PrefixRouter):
    """The router of a mock tool: a PrefixRouter whose routes are ToolRoutes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("route_class", ToolRoute)
        super().__init__(**kwargs)
