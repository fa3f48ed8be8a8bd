"""The labelled clip: the label burned in from the first frame (by pixels), the IPTC XMP box, a C2PA
manifest found by c2pa's own reader with the right intent, a changed byte failing validation, and the
signing key kept like an API key (keyring or this session only, never in a file)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import numpy as np
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from healthviz_desktop.core.provenance.credentials import SESSION_ONLY, signing_credentials, trust_anchors
from healthviz_desktop.core.provenance.label import Overlay, first_frame, label_clip
from healthviz_desktop.core.provenance.signing import verify_clip
from healthviz_desktop.core.provenance.xmp import (
    TRAINED_ALGORITHMIC_MEDIA,
    XMP_UUID,
    digital_source_type,
    top_level_boxes,
)
from healthviz_desktop.core.render.clip import encode_frames, probe_clip


class MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


KeyringBackend._classes.discard(MemoryKeyring)  # type: ignore[attr-defined]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from healthviz_desktop.core import keys

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
    keys._SESSION.clear()


def make_clip(path: Path, width: int = 1280, height: int = 720, frames: int = 24) -> Path:
    """A real H.264 clip: a moving gradient (so every frame differs)."""
    ramp = np.linspace(0, 255, width // 2, dtype=np.float32)

    def frame(i: int) -> Any:
        row = ((ramp + i * 7) % 256).astype(np.uint8)
        image = np.empty((height // 2, width // 2, 3), np.uint8)
        image[..., 0], image[..., 1], image[..., 2] = row, row[::-1], 90
        return image

    encode_frames((frame(i) for i in range(frames)), path, width, height, total=frames)
    return path


@pytest.fixture(scope="module")
def source_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clip") / "source.mp4")


def test_the_label_is_in_the_first_frame_and_only_in_its_box(qapp: Any, source_clip: Path, tmp_path: Path) -> None:
    from healthviz_desktop.reporting.label_art import label_overlay

    overlay = label_overlay(1280, 720)
    assert overlay.x + overlay.rgba.shape[1] <= 1280 and overlay.y < 40  # top-right
    assert overlay.x > 1280 / 3
    plain, labelled = tmp_path / "plain.mp4", tmp_path / "labelled.mp4"
    assert label_clip(source_clip, plain, None) == label_clip(source_clip, labelled, overlay) == 24
    a, b = first_frame(plain).astype(int), first_frame(labelled).astype(int)
    h, w = overlay.rgba.shape[:2]
    box = (slice(overlay.y, overlay.y + h), slice(overlay.x, overlay.x + w))
    assert np.abs(a[box] - b[box]).mean() > 40  # the dark plate and white letters
    outside = np.abs(a[200:, :1000] - b[200:, :1000]).mean()
    assert outside < 1.0
    text_pixels = (b[box].min(axis=2) > 200).sum()  # white letters on the plate
    assert text_pixels > 500
    assert probe_clip(labelled).frames == 24


def test_the_label_fits_a_portrait_clip(qapp: Any, tmp_path: Path) -> None:
    from healthviz_desktop.reporting.label_art import label_overlay

    overlay = label_overlay(720, 1280)
    h, w = overlay.rgba.shape[:2]
    assert overlay.x >= 8 and overlay.x + w <= 720 - 8 and h < 120  # two lines, inside the frame
    clip = make_clip(tmp_path / "portrait.mp4", 720, 1280, 6)
    out = tmp_path / "out.mp4"
    label_clip(clip, out, overlay)
    assert np.abs(first_frame(clip)[overlay.y:overlay.y + h, overlay.x:overlay.x + w].astype(int)
                  - first_frame(out)[overlay.y:overlay.y + h, overlay.x:overlay.x + w]).mean() > 40


def test_an_overlay_outside_the_frame_changes_nothing(source_clip: Path, tmp_path: Path) -> None:
    rgba = np.full((20, 20, 4), 255, np.uint8)
    out = tmp_path / "out.mp4"
    label_clip(source_clip, out, Overlay(rgba, 5000, 5000))
    assert probe_clip(out).frames == 24


@pytest.fixture
def signed(qapp: Any, source_clip: Path, tmp_path: Path, memory_keyring: MemoryKeyring) -> tuple[Path, Path]:
    from healthviz_desktop.reporting.doctor_export import make_labelled_clip

    root = tmp_path / "data"
    root.mkdir()
    dest = tmp_path / "ai-illustration.mp4"
    verification, still, note = make_labelled_clip(source_clip, dest, root)
    assert verification.trusted and note == ""
    assert still.width() == 1280
    return dest, root


def test_c2pa_reader_finds_the_manifest_with_the_created_ai_intent(signed: tuple[Path, Path]) -> None:
    import c2pa

    clip, root = signed
    settings = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
                "trust": {"trust_anchors": trust_anchors(root).decode()}}
    with c2pa.Context.from_dict(settings) as context, c2pa.Reader(str(clip), context=context) as reader:
        assert reader.get_validation_state() == "Trusted"
        manifest = json.loads(reader.json())
    active = manifest["manifests"][manifest["active_manifest"]]
    actions = next(a for a in active["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    assert actions[0]["action"] == "c2pa.created"
    assert actions[0]["digitalSourceType"] == TRAINED_ALGORITHMIC_MEDIA
    assert active["claim_generator_info"][0]["name"] == "HealthViz Desktop"


def test_the_xmp_box_is_a_top_level_uuid_box(signed: tuple[Path, Path]) -> None:
    clip, _root = signed
    uuids = []
    with clip.open("rb") as f:
        for kind, offset, _size, header in top_level_boxes(clip):
            if kind == b"uuid":
                f.seek(offset + header)
                uuids.append(f.read(16))
    assert XMP_UUID in uuids
    assert digital_source_type(clip) == TRAINED_ALGORITHMIC_MEDIA


def test_one_changed_byte_fails_validation(signed: tuple[Path, Path], tmp_path: Path) -> None:
    clip, root = signed
    data = bytearray(clip.read_bytes())
    mdat = next(offset for kind, offset, _s, _h in top_level_boxes(clip) if kind == b"mdat")
    data[mdat + 4000] ^= 0x01
    tampered = tmp_path / "tampered.mp4"
    tampered.write_bytes(bytes(data))
    result = verify_clip(tampered, trust_anchors(root))
    assert result.found and result.state == "Invalid" and not result.trusted
    assert any("mismatch" in p for p in result.problems)
    assert verify_clip(clip, trust_anchors(root)).trusted  # the original still verifies


def test_another_installations_clip_is_not_trusted(signed: tuple[Path, Path], tmp_path: Path,
                                                   memory_keyring: MemoryKeyring) -> None:
    clip, _root = signed
    other = tmp_path / "other-data"
    other.mkdir()
    signing_credentials(other)
    result = verify_clip(clip, trust_anchors(other))
    assert result.found and not result.trusted and result.state == "Valid"


def test_the_signing_key_lives_in_the_keyring_only(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    root = tmp_path / "data"
    root.mkdir()
    first = signing_credentials(root)
    assert not first.session_only
    (name, secret), = [(k[1], v) for k, v in memory_keyring.items.items()]
    assert name.startswith("clip-signing-key-")
    again = signing_credentials(root)
    assert again.chain_pem == first.chain_pem and again.key_pem == first.key_pem  # made once, then kept
    assert_not_on_disk(root, secret, first.key_pem)
    assert sorted(p.name for p in (root / "provenance").iterdir()) == ["signer.pem", "trust-anchors.pem"]
    assert (root / "provenance").stat().st_mode & 0o777 == 0o700


def test_no_keyring_means_a_session_only_key_and_a_message(tmp_path: Path, no_keyring: None,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from healthviz_desktop.core import keys

    keys._SESSION.clear()  # session keys other tests left in this process are not this test's
    root = tmp_path / "data"
    root.mkdir()
    creds = signing_credentials(root)
    assert creds.session_only and creds.note == SESSION_ONLY
    assert signing_credentials(root).key_pem == creds.key_pem  # the same for the rest of the session
    (secret,) = keys._SESSION.values()
    assert_not_on_disk(root, secret, creds.key_pem)
    keys._SESSION.clear()  # a new session: a new chain; the old anchor is kept so old clips still verify
    fresh = signing_credentials(root)
    assert fresh.chain_pem != creds.chain_pem
    assert trust_anchors(root).count(b"BEGIN CERTIFICATE") == 2


def test_a_locked_keyring_is_said_and_nothing_is_written(tmp_path: Path) -> None:
    from keyring.errors import KeyringLocked

    from healthviz_desktop.core.keys import KeyringLocked as Locked

    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("locked")

    KeyringBackend._classes.discard(LockedKeyring)  # type: ignore[attr-defined]
    before = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        root = tmp_path / "data"
        root.mkdir()
        with pytest.raises(Locked, match="unlock your keyring"):
            signing_credentials(root)
        assert not (root / "provenance").exists()
    finally:
        keyring.set_keyring(before)


def assert_not_on_disk(root: Path, *secrets: str | bytes) -> None:
    needles = [s.encode() if isinstance(s, str) else s for s in secrets]
    needles += [b"PRIVATE KEY"]
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path


def test_verify_command(signed: tuple[Path, Path], cli: Callable[..., Any], data_dir: Path, tmp_path: Path) -> None:
    clip, root = signed
    shutil.copytree(root / "provenance", data_dir / "provenance")
    ok = cli("verify", str(clip))
    assert ok.code == 0 and "signed by HealthViz on this computer" in ok.out
    assert "trainedAlgorithmicMedia" in ok.out
    data = bytearray(clip.read_bytes())
    data[-2000] ^= 0x40
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(bytes(data))
    failed = cli("verify", "--json", str(bad))
    assert failed.code == 1 and json.loads(failed.out)["trusted"] is False
    none = cli("verify", str(make_clip(tmp_path / "plain.mp4", 320, 240, 2)))
    assert none.code == 1 and "No C2PA manifest" in none.out
