"""Errors in each vendor's own shape.

Payments speak Stripe's ``{"error": {"type", "code", "message", "param"}}``; tickets speak
Zendesk's ``{"error": "...", "description": "..."}``; the other systems and the sandbox's
own endpoints use the Stripe-like shape.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

_ZENDESK_TITLES = {
    400: "InvalidValue",
    404: "RecordNotFound",
    409: "Conflict",
    422: "RecordInvalid",
    500: "InternalError",
    503: "ServiceUnavailable",
}


class ApiError(Exception):
    """An error response. Raised inside a transaction, it rolls the work back."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        param: str | None = None,
        type_: str = "invalid_request_error",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.param, self.type, self.headers = param, type_, headers or {}


def not_found(what: str, ident: str, param: str = "id") -> ApiError:
    return ApiError(404, "resource_missing", f"No such {what}: '{ident}'", param=param)


def error_body(system: str | None, error: ApiError) -> dict[str, Any]:
    if system == "tickets":
        return {
            "error": _ZENDESK_TITLES.get(error.status, "Error"),
            "description": error.message,
            "details": {"code": error.code, **({"param": error.param} if error.param else {})},
        }
    return {
        "error": {
            "type": error.type,
            "code": error.code,
            "message": error.message,
            "param": error.param,
        }
    }


def error_response(system: str | None, error: ApiError) -> JSONResponse:
    return JSONResponse(error_body(system, error), error.status, headers=error.headers)


def invalid(message: str, param: str | None = None, code: str = "parameter_invalid") -> ApiError:
    """A 400 for a request whose parameters cannot be used."""
    return ApiError(400, code, message, param=param)
