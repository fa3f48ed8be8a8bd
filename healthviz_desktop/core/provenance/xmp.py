"""The machine-readable "AI-generated" mark in an MP4: IPTC DigitalSourceType as XMP in a top-level uuid
box, the place Adobe's XMP specification (part 3) gives XMP in ISO base media files.

The box is appended after the last top-level box, so no offset inside the file moves. It is written
before the clip is signed, so the C2PA hash covers it: removing or editing the mark breaks the signature.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
LABEL_TEXT = "AI-generated illustration — not a medical image"


def xmp_packet(description: str = LABEL_TEXT, source_type: str = TRAINED_ALGORITHMIC_MEDIA,
               tool: str = "HealthViz Desktop") -> bytes:
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f'   <Iptc4xmpExt:DigitalSourceType>{escape(source_type)}</Iptc4xmpExt:DigitalSourceType>\n'
        f'   <xmp:CreatorTool>{escape(tool)}</xmp:CreatorTool>\n'
        '   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f'{escape(description)}</rdf:li></rdf:Alt></dc:description>\n'
        '  </rdf:Description>\n'
        ' </rdf:RDF>\n'
        '</x:xmpmeta>\n'
        '<?xpacket end="w"?>')
    return body.encode("utf-8")


def top_level_boxes(path: Path) -> Iterator[tuple[bytes, int, int, int]]:
    """(type, offset, size, header size) of each top-level box; stops at anything malformed."""
    end = path.stat().st_size
    with path.open("rb") as f:
        offset = 0
        while offset + 8 <= end:
            f.seek(offset)
            size, kind = struct.unpack(">I4s", f.read(8))
            header = 8
            if size == 1:
                size, header = struct.unpack(">Q", f.read(8))[0], 16
            elif size == 0:
                size = end - offset
            if size < 8 or offset + size > end:
                return
            yield kind, offset, size, header
            offset += size


def add_xmp_box(path: Path, packet: bytes | None = None) -> None:
    """Append the XMP uuid box to the MP4 at ``path`` (in place; call it before signing)."""
    payload = XMP_UUID + (packet if packet is not None else xmp_packet())
    with path.open("ab") as f:
        f.write(struct.pack(">I4s", 8 + len(payload), b"uuid") + payload)
        f.flush()


def read_xmp(path: Path) -> str | None:
    """The XMP packet of the first top-level XMP uuid box, or None when there is none."""
    with path.open("rb") as f:
        for kind, offset, size, header in top_level_boxes(path):
            if kind != b"uuid":
                continue
            f.seek(offset + header)
            if f.read(16) == XMP_UUID:
                return f.read(size - header - 16).decode("utf-8", errors="replace")
    return None


def digital_source_type(path: Path) -> str | None:
    """The IPTC DigitalSourceType the file's XMP declares, or None."""
    packet = read_xmp(path)
    if packet is None:
        return None
    start = packet.find("<Iptc4xmpExt:DigitalSourceType>")
    stop = packet.find("</Iptc4xmpExt:DigitalSourceType>")
    if start < 0 or stop < start:
        return None
    return packet[start + len("<Iptc4xmpExt:DigitalSourceType>"):stop].strip()
