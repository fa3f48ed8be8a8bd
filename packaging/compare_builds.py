"""Compare two onedir builds: file list, sizes and contents, and say why each differing file differs.

    .venv/bin/python packaging/compare_builds.py DIR_A DIR_B      (packaging/compare-builds.sh runs it)

The executable carries the program archive (PKG) with the Python modules (PYZ) inside: when it differs,
its entries are compared one by one, down to single modules, so the report names what changed.
Exit status 0 when both builds are the same file for file, 1 otherwise.
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path


def inventory(root: Path) -> dict[str, tuple[int, str]]:
    """relative path -> (size, sha256); symlinks as their target."""
    found: dict[str, tuple[int, str]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = (0, f"-> {path.readlink()}")
        elif path.is_file():
            found[rel] = (path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def explain(rel: str, a: Path, b: Path) -> str:
    """Why two versions of one file differ, as far as can be told from their contents."""
    if rel.endswith(".zip") or rel.endswith(".egg"):
        return _explain_zip(a, b)
    if a.name == "healthviz" or a.suffix == ".exe":
        return _explain_executable(a, b)
    if ".so" in a.name:
        return "shared library differs (a compiler, linker or strip difference: compare with diffoscope)"
    return "contents differ"


def _explain_zip(a: Path, b: Path) -> str:
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        ia = {i.filename: (i.CRC, i.date_time) for i in za.infolist()}
        ib = {i.filename: (i.CRC, i.date_time) for i in zb.infolist()}
    content = sorted(n for n in ia.keys() & ib.keys() if ia[n][0] != ib[n][0])
    times = sorted(n for n in ia.keys() & ib.keys() if ia[n][1] != ib[n][1])
    return (f"zip: {len(set(ia) ^ set(ib))} members only on one side, contents differ in {content[:5]}, "
            f"time stamps differ in {len(times)} members")


def _explain_executable(a: Path, b: Path) -> str:
    try:
        from PyInstaller.archive.readers import PKG_ITEM_PYZ, CArchiveReader
    except ImportError:
        return "executable differs (install PyInstaller to look inside its archive)"
    pa, pb = CArchiveReader(str(a)), CArchiveReader(str(b))
    differ = []
    for name in sorted(pa.toc.keys() | pb.toc.keys()):
        if name not in pa.toc or name not in pb.toc:
            differ.append(f"{name} only in one")
            continue
        if pa.toc[name][4] == PKG_ITEM_PYZ:
            za, zb = pa.open_embedded_archive(name), pb.open_embedded_archive(name)
            modules = [m for m in sorted(za.toc.keys() | zb.toc.keys())
                       if m not in za.toc or m not in zb.toc or za.extract(m, raw=True) != zb.extract(m, raw=True)]
            if modules:
                differ.append(f"{name}: {len(modules)} modules differ, e.g. {modules[:5]}")
        elif pa.extract(name) != pb.extract(name):
            differ.append(name)
    if not differ:
        return "the archive's entries are equal: the bootloader part or the archive layout differs"
    return "archive entries differ: " + "; ".join(differ[:8])


def main() -> int:
    if len(sys.argv) != 3:
        raise SystemExit("usage: compare_builds.py DIR_A DIR_B")
    root_a, root_b = Path(sys.argv[1]), Path(sys.argv[2])
    a, b = inventory(root_a), inventory(root_b)
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    both = sorted(a.keys() & b.keys())
    sized = [rel for rel in both if a[rel][0] != b[rel][0]]
    changed = [rel for rel in both if a[rel] != b[rel]]
    print(f"{len(a)} files in A, {len(b)} in B; {len(only_a)} only in A, {len(only_b)} only in B; "
          f"{len(sized)} differ in size, {len(changed)} differ in contents")
    for rel in only_a:
        print(f"only in A: {rel}")
    for rel in only_b:
        print(f"only in B: {rel}")
    for rel in changed:
        size = f"{a[rel][0]} vs {b[rel][0]} bytes" if a[rel][0] != b[rel][0] else f"same size {a[rel][0]} bytes"
        print(f"differs: {rel} ({size}): {explain(rel, root_a / rel, root_b / rel)}")
    same = not (only_a or only_b or changed)
    print("the two builds are identical, file for file" if same else "the builds differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
