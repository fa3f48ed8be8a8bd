"""The doctor's export in the README: page one of report.pdf and a frame of the labelled clip, made from a
synthetic journal (demo data) with the real commands. Needs poppler-utils (pdftoppm).
    .venv/bin/python scripts/report_screenshots.py [OUTPUT_DIR]   (default docs/screenshots)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def healthviz(data: Path, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(data), *args], cwd=REPO,
                          env=env, capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "journal"
        healthviz(data, "demo-data", "--days", "120", "--seed", "7")
        first = today - timedelta(days=89)
        healthviz(data, "render", "--range", f"{today - timedelta(days=27)}..{today}", "--seconds", "8",
                  "-o", str(Path(tmp) / "clip.mp4"))
        export = Path(tmp) / "for-doctor"
        healthviz(data, "export-doctor", "--range", f"{first}..{today}", "--clip", "1", "--folder", str(export),
                  "--paper", "a4")
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(export / "report.pdf"), str(out / "report")], check=True)
        sys.path.insert(0, str(REPO))
        from healthviz_desktop.core.provenance.label import first_frame
        from healthviz_desktop.core.render.clip import write_png

        write_png(first_frame(export / "ai-illustration.mp4", 0.0), out / "labelled-frame.png")
    print(f"wrote {out / 'report.png'} and {out / 'labelled-frame.png'}")


if __name__ == "__main__":
    main()
