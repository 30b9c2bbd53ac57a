"""A loopback chat-completions server that checks every request against OpenAI's own spec.

Each request to ``POST /v1/chat/completions`` is validated with jsonschema against
``CreateChatCompletionRequest`` from the vendored spec slice (``nullable`` rewritten to
``anyOf [..., null]`` first, since the spec uses it without ``type``); an invalid request
is recorded and answered 400 in OpenAI's error shape. Valid ones get the next scripted
:class:`Reply`: a ``CreateChatCompletionResponse``, or for ``stream: true`` server-sent
``chat.completion.chunk`` objects and ``[DONE]``. The last reply repeats when the script
runs out.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import uvicorn
from jsonschema import Draft202012Validator
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

SPEC = Path(__file__).resolve().parents[1] / "specs" / "openai" / "chat-completions-slice.json"


def _nullable_to_any_of(node: Any) -> Any:
    if isinstance(node, list):
        return [_nullable_to_any_of(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _nullable_to_any_of(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") is True:
        return {"anyOf": [out, {"type": "null"}]}
    return out


@cache
def _spec() -> dict[str, Any]:
    converted: dict[str, Any] = _nullable_to_any_of(json.loads(SPEC.read_text("utf-8")))
    return converted


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """A validator of one component schema of the spec, its ``$ref``s resolved in place."""
    root = {**_spec(), "$ref": f"#/components/schemas/{schema_name}"}
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root)


def request_errors(body: Any) -> list[str]:
    """Everything wrong with ``body`` as a ``CreateChatCompletionRequest``."""
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in validator("CreateChatCompletionRequest").iter_errors(body)
    ]


@dataclass
class Reply:
    """One scripted answer."""

    content: str | Callable[[dict[str, Any]], str] | None = None  # text, or built from the request
    status: int = 200
    hang_s: float = 0.0  # wait this long before answering (longer than the client waits)
    chunks: int = 8  # pieces of a streamed answer
    chunk_delay_s: float = 0.0  # pause between streamed pieces


@dataclass
class ChatServer:
    """The scripted server's state, shared between the test and the server thread."""

    script: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)  # valid request bodies
    headers: list[dict[str, str]] = field(default_factory=list)
    invalid: list[list[str]] = field(default_factory=list)  # errors of refused requests
    base_url: str = ""
    _served: int = 0
    _stopping: threading.Event = field(default_factory=threading.Event)

    def next_reply(self) -> Reply:
        if not self.script:
            raise AssertionError("the test gave the chat server no script")
        reply = self.script[min(self._served, len(self.script) - 1)]
        self._served += 1
        return reply

    async def pause(self, seconds: float) -> None:
        """Wait ``seconds``, or less when the server stops."""
        await asyncio.to_thread(self._stopping.wait, seconds)


def completion_body(model: str, content: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": content, "refusal": None},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


def chunk_line(ident: str, model: str, delta: dict[str, Any], finish: str | None) -> str:
    body = {
        "id": ident,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }
    return f"data: {json.dumps(body)}\n\n"


def _error(status: int, message: str, kind: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"message": message, "type": kind, "param": None, "code": None}},
        status_code=status,
    )


def create_app(state: ChatServer) -> Starlette:
    async def completions(request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            state.invalid.append(["(root): not JSON"])
            return _error(400, "We could not parse the JSON body of your request.", "invalid")
        errors = request_errors(body)
        if errors:
            state.invalid.append(errors)
            return _error(400, "; ".join(errors[:5]), "invalid_request_error")
        state.requests.append(body)
        state.headers.append(dict(request.headers))
        reply = state.next_reply()
        if reply.hang_s:
            await state.pause(reply.hang_s)
        if reply.status >= 400:
            return _error(reply.status, "The server had an error.", "server_error")
        content = reply.content(body) if callable(reply.content) else reply.content or ""
        model = str(body["model"])
        if not body.get("stream"):
            return JSONResponse(completion_body(model, content))

        async def events() -> AsyncIterator[str]:
            ident = f"chatcmpl-{uuid.uuid4().hex[:12]}"
            yield chunk_line(ident, model, {"role": "assistant", "content": ""}, None)
            size = max(1, -(-len(content) // max(1, reply.chunks)))
            for i in range(0, len(content), size):
                if reply.chunk_delay_s:
                    await state.pause(reply.chunk_delay_s)
                yield chunk_line(ident, model, {"content": content[i : i + size]}, None)
            yield chunk_line(ident, model, {}, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])


@dataclass
class _Running:
    server: uvicorn.Server
    thread: threading.Thread


def _start(state: ChatServer) -> _Running:
    config = uvicorn.Config(
        create_app(state), host="127.0.0.1", port=0, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)  # off the main thread it leaves signals alone
    thread = threading.Thread(target=server.run, name="fake-chat-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake chat server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    state.base_url = f"http://127.0.0.1:{port}/v1"
    return _Running(server, thread)


def serve() -> Iterator[ChatServer]:
    """Run a fresh server for one test (use as a generator fixture)."""
    state = ChatServer()
    running = _start(state)
    try:
        yield state
    finally:
        state._stopping.set()
        running.server.should_exit = True
        running.thread.join(timeout=10)
