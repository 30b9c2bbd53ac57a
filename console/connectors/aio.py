"""An httpx transport over aiohttp: the connectors keep httpx's API, the bytes go through
aiohttp's C-accelerated HTTP/1.1 client.

Why: httpx's own pool and parser cost about a millisecond of CPU per request, which caps
a write-back drain near 800 actions/s on one core (PERF_NOTES: aiohttp reaches several
thousand). Only the transport changes; TLS uses the same verified context (the OS trust
store), nothing is read from the environment, redirects are never followed.

aiohttp's errors become the httpx errors that say *when* things went wrong, which is what
the write-back's classification rests on: nothing sent (``ConnectError``,
``ConnectTimeout``) may simply be retried; after sending (``ReadTimeout``,
``RemoteProtocolError``, ``ReadError``) the outcome is unknown.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

import aiohttp
import httpx

__all__ = ["AiohttpTransport"]

# Headers aiohttp sets itself from the body it sends or has already undone (decompressed).
_DROP_REQUEST = frozenset({"content-length", "transfer-encoding", "connection"})
_DROP_RESPONSE = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def _mapped(exc: BaseException) -> BaseException:
    """The httpx error for an aiohttp one (the original kept as its cause)."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return httpx.ConnectError(text)  # a TLS failure: classify finds the ssl cause
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(text)
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(text)
    if isinstance(exc, aiohttp.SocketTimeoutError | aiohttp.ServerTimeoutError | TimeoutError):
        return httpx.ReadTimeout(text)
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(text)
    if isinstance(exc, aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError(text)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.InvalidURL(text)
    if isinstance(exc, aiohttp.ClientOSError | OSError):
        return httpx.ReadError(text)  # a reset after the request left: outcome unknown
    return httpx.TransportError(text)


class AiohttpTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        ssl_context: ssl.SSLContext,
        *,
        max_connections: int,
        connect_timeout_s: float,
        read_timeout_s: float,
    ) -> None:
        self._ssl = ssl_context
        self._limit = max_connections
        self._connect = connect_timeout_s
        self._read = read_timeout_s
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=self._ssl, limit=self._limit),
                trust_env=False,
                auto_decompress=True,
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._open()
        body = await request.aread()
        timeouts: dict[str, Any] = request.extensions.get("timeout", {})
        timeout = aiohttp.ClientTimeout(
            total=None,
            sock_connect=timeouts.get("connect", self._connect),
            sock_read=timeouts.get("read", self._read),
        )
        headers = [
            (name, value)
            for name, value in request.headers.multi_items()
            if name.lower() not in _DROP_REQUEST
        ]
        try:
            async with session.request(
                request.method,
                str(request.url),
                headers=headers,
                data=body or None,
                allow_redirects=False,
                timeout=timeout,
                skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"),
            ) as reply:
                content = await reply.read()
                answer = [
                    (name.decode("latin-1"), value.decode("latin-1"))
                    for name, value in reply.raw_headers
                    if name.decode("latin-1").lower() not in _DROP_RESPONSE
                ]
                status = reply.status
        except asyncio.CancelledError:
            raise
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            # A TLS failure keeps the ssl module's own error as the cause: it says why.
            cause = exc.__cause__ if isinstance(exc, aiohttp.ClientSSLError) else None
            raise _mapped(exc) from (cause or exc)
        return httpx.Response(
            status,
            headers=answer,
            content=content,
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
