"""One error shape for every error the web layer answers.

``{"error": {"status": 404, "code": "not_found", "message": "..."}}``: the code names
the condition, so that clients can branch on it without parsing the message.
"""

from __future__ import annotations

from typing import Any

# HTTP status to the condition's name, for errors raised by the framework itself.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
}


class WebError(Exception):
    """An error to answer with: its status, its condition's name and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def code_for(status: int) -> str:
    return CODES.get(status, "bad_request" if status < 500 else "internal_error")
