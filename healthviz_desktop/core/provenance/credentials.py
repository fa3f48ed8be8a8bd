"""The certificate chain that signs exported clips: made once per installation, on this computer.

C2PA validators refuse a self-signed leaf certificate, so the app makes a small local CA and has it sign
one leaf ("HealthViz clip signer"). The CA's private key signs that leaf and is then thrown away: nobody,
this app included, can issue another certificate under this anchor. The leaf's private key is kept the
way API keys are (core/keys.py): in the OS keyring only, under a name tied to the certificate; with no
keyring it lives in this process's memory for this session only, never in a file. Certificates are
public and live in ``<data>/provenance/``: ``signer.pem`` (leaf, then CA) and ``trust-anchors.pem``,
every CA this installation ever made, so clips signed in an earlier session still verify.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from healthviz_desktop.core.keys import KeyStore, NoKeyring

SIGNER_FILE = "signer.pem"
ANCHORS_FILE = "trust-anchors.pem"
ORGANISATION = "HealthViz Desktop (made on this computer)"
VALID_YEARS = 10
SESSION_ONLY = ("No system keyring is available, so the key that signs clips is kept for this session only "
                "(never in a file). Clips signed now still verify with `healthviz verify` on this computer, but "
                "the next session makes a new signing certificate. Install and start GNOME Keyring or KDE Wallet "
                "to keep one.")


@dataclass(frozen=True)
class SigningCredentials:
    chain_pem: bytes  # the leaf, then the CA that signed it
    key_pem: bytes  # the leaf's private key (PKCS#8), in memory only
    anchor_pem: bytes  # the CA certificate: the trust anchor
    session_only: bool  # no keyring: the key goes away with this process
    note: str = ""  # what to tell the person (empty when all is well)


def provenance_dir(root: Path) -> Path:
    from healthviz_desktop.core.paths import make_private_dir

    return make_private_dir(root / "provenance")


def trust_anchors(root: Path) -> bytes:
    """Every CA certificate this installation made (PEM); empty when it never signed a clip."""
    path = root / "provenance" / ANCHORS_FILE
    return path.read_bytes() if path.exists() else b""


def signing_credentials(root: Path, store: KeyStore | None = None) -> SigningCredentials:
    """This installation's signer: the one kept, or a new chain made now. Raises KeyStoreError when the
    keyring is locked (unlock it, as for API keys); with no keyring, a session-only signer and a note."""
    store = store or KeyStore()
    chain_path = root / "provenance" / SIGNER_FILE
    if chain_path.exists():
        chain = chain_path.read_bytes()
        key_text = store.get(_key_name(chain))
        if key_text and _key_matches(chain, key_text):
            session = store.status(_key_name(chain)).state == "session"
            return SigningCredentials(chain, _key_pem(key_text), _ca_pem(chain), session, SESSION_ONLY * session)
    chain, key_text, anchor = _new_chain()
    name = _key_name(chain)
    session = False
    try:
        store.set(name, key_text)
    except NoKeyring:
        store.set_session(name, key_text)
        session = True
    folder = provenance_dir(root)
    _append(folder / ANCHORS_FILE, anchor)
    _replace(folder / SIGNER_FILE, chain)
    return SigningCredentials(chain, _key_pem(key_text), anchor, session, SESSION_ONLY if session else "")


def _new_chain() -> tuple[bytes, str, bytes]:
    """(leaf + CA PEM, the leaf key as base64 DER, the CA PEM). ES256 (P-256), as C2PA signers use."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.now(UTC)
    start, end = now - timedelta(minutes=10), now + timedelta(days=365 * VALID_YEARS)
    stamp = f"{now:%Y-%m-%d}"

    def name(common: str) -> Any:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = name(f"HealthViz local CA {stamp}")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(start).not_valid_after(end)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(_key_usage(cert_sign=True), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(name("HealthViz clip signer")).issuer_name(ca_name)
            .public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(cert_sign=False), critical=True)
            # C2PA accepts these purposes for claim signing (its default EKU list)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    der = leaf_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    del ca_key  # never stored: see the module docstring
    return leaf.public_bytes(pem) + ca.public_bytes(pem), base64.b64encode(der).decode("ascii"), ca.public_bytes(pem)


def _key_usage(*, cert_sign: bool) -> Any:
    from cryptography import x509

    return x509.KeyUsage(digital_signature=not cert_sign, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=cert_sign, crl_sign=cert_sign,
                         encipher_only=False, decipher_only=False)


def _certs(chain: bytes) -> list[Any]:
    from cryptography import x509

    return x509.load_pem_x509_certificates(chain)


def _key_name(chain: bytes) -> str:
    """The keyring entry of the leaf's key: named after the certificate, so two data folders (or an old
    and a new chain) never pick up each other's key."""
    from cryptography.hazmat.primitives import serialization

    der = _certs(chain)[0].public_bytes(serialization.Encoding.DER)
    return f"clip-signing-key-{hashlib.sha256(der).hexdigest()[:16]}"


def _ca_pem(chain: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(_certs(chain)[-1].public_bytes(serialization.Encoding.PEM))


def _key_pem(key_text: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_der_private_key(base64.b64decode(key_text), password=None)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _key_matches(chain: bytes, key_text: str) -> bool:
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_der_private_key(base64.b64decode(key_text), password=None)
    except (ValueError, TypeError):
        return False
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(key.public_key().public_bytes(*spki) == _certs(chain)[0].public_key().public_bytes(*spki))


def _append(path: Path, data: bytes) -> None:
    from healthviz_desktop.core.atomic import write_atomic

    write_atomic(path, (path.read_bytes() if path.exists() else b"") + data)


def _replace(path: Path, data: bytes) -> None:
    from healthviz_desktop.core.atomic import write_atomic

    write_atomic(path, data)
