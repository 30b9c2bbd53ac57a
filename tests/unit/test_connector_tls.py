"""TLS fails closed: a self-signed, expired or wrong-host certificate is REJECTED with a TLS
message and nothing is sent; a certificate from a CA given as the extra bundle works.
Served by a small TLS server on loopback; certificates are made in the test."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import ipaddress
import ssl
from pathlib import Path
from typing import Any

import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from console.connectors.delivery import Delivery, Outcome
from console.connectors.http import make_client, tls_context
from console.connectors.stripe import StripeRefunds
from console.domain.kinds import ActionKind
from tests.aio import run

REFUND = {
    "order_id": "ORD-1",
    "payment_id": "ch_1",
    "amount": {"amount": "1.00", "currency": "USD"},
    "reason": "late",
}
ANSWER = b'{"id": "re_1", "object": "refund", "status": "succeeded"}'


def _pem(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey, folder: Path) -> Path:
    path = folder / "server.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    return path


def _certificate(
    issuer_name: x509.Name,
    issuer_key: Any,
    *,
    days: tuple[int, int],
    self_signed: bool = False,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject if self_signed else issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=days[0]))
        .not_valid_after(now + dt.timedelta(days=days[1]))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    )
    return builder.sign(key if self_signed else issuer_key, hashes.SHA256()), key


def _ca_parts(ca: trustme.CA) -> tuple[x509.Name, Any]:
    cert = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
    key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), password=None)
    return cert.subject, key


async def _serve_and_send(server_pem: Path, extra_ca: Path | None) -> tuple[Delivery, int]:
    """Serve one HTTPS answer on loopback with ``server_pem``; send a refund to it."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(server_pem)
    requests = 0

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal requests
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            await reader.readexactly(length)
            requests += 1
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(ANSWER)}\r\nConnection: close\r\n\r\n".encode()
                + ANSWER
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass  # the client refused the handshake
        finally:
            writer.close()

    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: None)  # refused handshakes are expected
    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    try:
        async with make_client(extra_ca=extra_ca) as client:
            payments = StripeRefunds(base_url=f"https://127.0.0.1:{port}", client=client)
            delivery = await payments.send(ActionKind.REFUND, REFUND, "tls-key")
    finally:
        server.close()
        await server.wait_closed()
    return delivery, requests


def _ca_file(ca: trustme.CA, folder: Path) -> Path:
    path = folder / "extra-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


def test_a_certificate_from_the_extra_ca_is_trusted(tmp_path: Path) -> None:
    ca = trustme.CA()
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    pem = tmp_path / "server.pem"
    leaf.private_key_and_cert_chain_pem.write_to_path(str(pem))
    delivery, requests = run(_serve_and_send(pem, _ca_file(ca, tmp_path)))
    assert (delivery.outcome, delivery.remote_ref) == (Outcome.DELIVERED, "re_1"), delivery.error
    assert requests == 1


def _assert_refused(delivery: Delivery, requests: int, *why: str) -> None:
    assert delivery.outcome is Outcome.REJECTED
    assert delivery.error is not None
    assert delivery.error.startswith("TLS: the server's certificate could not be verified")
    assert any(w in delivery.error for w in why), delivery.error
    assert requests == 0  # nothing was sent


def test_a_ca_that_is_not_trusted_fails_closed(tmp_path: Path) -> None:
    leaf = trustme.CA().issue_cert("127.0.0.1")
    pem = tmp_path / "server.pem"
    leaf.private_key_and_cert_chain_pem.write_to_path(str(pem))
    delivery, requests = run(_serve_and_send(pem, None))
    _assert_refused(delivery, requests, "unable to get local issuer certificate")


def test_a_self_signed_certificate_fails_closed(tmp_path: Path) -> None:
    cert, key = _certificate(x509.Name([]), None, days=(-1, 30), self_signed=True)
    delivery, requests = run(_serve_and_send(_pem(cert, key, tmp_path), None))
    _assert_refused(delivery, requests, "self-signed", "self signed")


def test_an_expired_certificate_fails_closed_even_from_a_trusted_ca(tmp_path: Path) -> None:
    ca = trustme.CA()
    issuer, issuer_key = _ca_parts(ca)
    cert, key = _certificate(issuer, issuer_key, days=(-30, -1))
    delivery, requests = run(_serve_and_send(_pem(cert, key, tmp_path), _ca_file(ca, tmp_path)))
    _assert_refused(delivery, requests, "certificate has expired")


def test_a_certificate_for_another_host_fails_closed(tmp_path: Path) -> None:
    ca = trustme.CA()
    leaf = ca.issue_cert("payments.example.com")
    pem = tmp_path / "server.pem"
    leaf.private_key_and_cert_chain_pem.write_to_path(str(pem))
    delivery, requests = run(_serve_and_send(pem, _ca_file(ca, tmp_path)))
    _assert_refused(delivery, requests, "mismatch", "not valid for")


def test_verification_cannot_be_turned_off() -> None:
    assert "verify" not in inspect.signature(make_client).parameters
    context = tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname is True


def test_a_missing_ca_bundle_is_an_error_not_a_silent_default(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        tls_context(tmp_path / "nowhere.pem")
