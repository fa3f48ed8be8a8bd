"""Make the report's font: DejaVu Sans (Debian's fonts-dejavu-core) renamed "HealthViz Sans".

PDFs must come out the same everywhere, so the report draws with a font it ships (package data) rather
than whatever the system has. Renamed, because an installed DejaVu Sans of another version would
otherwise compete with ours under the same family name; the Bitstream Vera licence (which DejaVu keeps)
asks modified fonts not to use the names "Bitstream" or "Vera". Needs fontTools (the `dev` extra):
    .venv/bin/python scripts/make_report_font.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parent.parent / "healthviz_desktop" / "data" / "fonts"
FAMILY = "HealthViz Sans"
FACES = {"DejaVuSans.ttf": "Regular", "DejaVuSans-Bold.ttf": "Bold"}


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for source, style in FACES.items():
        font = TTFont(SOURCE / source)
        names = font["name"]
        full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
        postscript = f"{FAMILY.replace(' ', '')}-{style}"
        for record in list(names.names):
            if record.nameID in (1, 16):
                names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
            elif record.nameID in (2, 17):
                names.setName(style, record.nameID, record.platformID, record.platEncID, record.langID)
            elif record.nameID == 4:
                names.setName(full, 4, record.platformID, record.platEncID, record.langID)
            elif record.nameID == 6:
                names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
            elif record.nameID == 3:
                names.setName(f"{postscript}; derived from {source}", 3, record.platformID, record.platEncID,
                              record.langID)
        font.save(TARGET / f"HealthVizSans-{style}.ttf")
    shutil.copy("/usr/share/doc/fonts-dejavu-core/copyright", TARGET / "LICENSE-DejaVu.txt")
    print(f"wrote {', '.join(sorted(p.name for p in TARGET.iterdir()))}")


if __name__ == "__main__":
    main()
