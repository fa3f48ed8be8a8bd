"""C2PA Content Credentials for exported clips (c2pa-python), signed and read back with no network.

Signing: intent "created", digital source type trainedAlgorithmicMedia, no timestamp server, no
thumbnail, with this installation's chain (credentials.py). Reading: remote manifests and OCSP are off,
and the only trust anchors are the CAs this installation made, so "trusted" means "signed by HealthViz
on this computer". Any other C2PA viewer calls the signer untrusted until that CA is added as an
anchor (docs/provenance.md says how).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from healthviz_desktop.core.provenance.credentials import SigningCredentials
from healthviz_desktop.core.provenance.label import NotAClip
from healthviz_desktop.core.provenance.xmp import TRAINED_ALGORITHMIC_MEDIA, digital_source_type

__all__ = ["NotAClip", "SigningUnavailable", "Verification", "sign_clip", "verify_clip"]

_OFFLINE = {"remote_manifest_fetch": False, "ocsp_fetch": False}


class SigningUnavailable(Exception):
    """The clip could not be signed (a message the person can act on)."""


@dataclass(frozen=True)
class Verification:
    found: bool  # a C2PA manifest is in the file
    state: str  # "Trusted", "Valid" (untrusted signer), "Invalid", or "" when none was found
    action: str = ""  # the first action of the active manifest ("c2pa.created")
    source_type: str = ""  # its digitalSourceType
    generator: str = ""
    signer: str = ""  # the signing certificate's issuer and name
    signed_at: str = ""
    xmp_source_type: str = ""  # IPTC DigitalSourceType from the XMP box
    problems: list[str] = field(default_factory=list)  # validation failures, code: explanation

    @property
    def trusted(self) -> bool:
        return self.state == "Trusted" and not self.problems

    @property
    def ai_generated(self) -> bool:
        return self.source_type == TRAINED_ALGORITHMIC_MEDIA

    def as_dict(self) -> dict[str, Any]:
        return {"manifest": self.found, "state": self.state, "trusted": self.trusted, "action": self.action,
                "digital_source_type": self.source_type, "claim_generator": self.generator,
                "signer": self.signer, "signed_at": self.signed_at, "xmp_digital_source_type": self.xmp_source_type,
                "problems": self.problems}


def sign_clip(src: Path, dest: Path, credentials: SigningCredentials, *, title: str, version: str) -> None:
    """Write ``src`` to ``dest`` with a C2PA manifest embedded (``dest`` removed if signing fails)."""
    import c2pa

    manifest = {"claim_generator_info": [{"name": "HealthViz Desktop", "version": version}],
                "title": title, "format": "video/mp4", "assertions": []}
    settings = {"verify": {**_OFFLINE, "verify_after_sign": True},
                "trust": {"trust_anchors": credentials.anchor_pem.decode("ascii")},
                "builder": {"thumbnail": {"enabled": False},
                            "claim_generator_info": {"name": "HealthViz Desktop", "version": version}}}
    try:
        info = c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, credentials.chain_pem, credentials.key_pem, None)
        with c2pa.Context.from_dict(settings) as context, c2pa.Signer.from_info(info) as signer, \
                c2pa.Builder(manifest, context=context) as builder:
            builder.set_intent(c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
            with src.open("rb") as source, dest.open("w+b") as target:
                builder.sign(signer, "video/mp4", source, target)
    except c2pa.C2paError as exc:
        dest.unlink(missing_ok=True)
        raise SigningUnavailable(f"The clip could not be signed ({_short(exc)}).") from None
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def verify_clip(path: Path, anchors_pem: bytes) -> Verification:
    """Read and validate the clip's manifest against ``anchors_pem`` (no network)."""
    import c2pa

    if not path.is_file():
        raise NotAClip(f"There is no file {path}.")
    xmp = digital_source_type(path) or ""
    settings: dict[str, Any] = {"verify": {**_OFFLINE, "verify_trust": bool(anchors_pem)}}
    if anchors_pem:
        settings["trust"] = {"trust_anchors": anchors_pem.decode("ascii")}
    try:
        with c2pa.Context.from_dict(settings) as context:
            reader = c2pa.Reader.try_create(str(path), context=context)
            if reader is None:
                return Verification(False, "", xmp_source_type=xmp)
            with reader:
                state = reader.get_validation_state() or ""
                results = reader.get_validation_results() or {}
                active = reader.get_active_manifest() or {}
    except c2pa.C2paError as exc:
        return Verification(False, "Invalid", xmp_source_type=xmp, problems=[_short(exc)])
    action = _first_action(active)
    info = active.get("signature_info") or {}
    generator = ", ".join(f"{g.get('name', '')} {g.get('version', '')}".strip()
                          for g in active.get("claim_generator_info") or [])
    failures = (results.get("activeManifest") or {}).get("failure") or []
    return Verification(
        True, state, action=str(action.get("action", "")), source_type=str(action.get("digitalSourceType", "")),
        generator=generator, signer=" / ".join(str(info[k]) for k in ("issuer", "common_name") if info.get(k)),
        signed_at=str(info.get("time", "")), xmp_source_type=xmp,
        problems=[f"{f.get('code')}: {f.get('explanation', '')}" for f in failures])


def _first_action(manifest: dict[str, Any]) -> dict[str, Any]:
    for assertion in manifest.get("assertions") or []:
        if str(assertion.get("label", "")).startswith("c2pa.actions"):
            actions = (assertion.get("data") or {}).get("actions") or []
            if actions:
                return dict(actions[0])
    return {}


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 200 else text[:200] + "…"


def manifest_json(path: Path) -> str:
    """The whole manifest store as JSON (for `healthviz verify --json`), or "{}" when there is none."""
    import c2pa

    with c2pa.Context.from_dict({"verify": {**_OFFLINE, "verify_trust": False}}) as context:
        reader = c2pa.Reader.try_create(str(path), context=context)
        if reader is None:
            return "{}"
        with reader:
            return json.dumps(json.loads(reader.json()), indent=2)
