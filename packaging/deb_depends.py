"""The Debian packages a built onedir needs from the system, for the .deb's Depends (what dpkg-shlibdeps
does for a normal package): every library an ELF file in the bundle asks for (DT_NEEDED) that the bundle
does not carry itself is looked up with ldconfig and dpkg on the build machine.

    python3 packaging/deb_depends.py dist/healthviz      -> "libc6 (>= 2.36), libegl1, ..."

PyInstaller bundles most libraries and leaves out the ones that must match the running system (libc, GL,
EGL, DRM, Wayland, xcb); those are what this finds. packaging/ci-test.sh proves the list in a clean root
(ldd finds every library once the .deb is installed with only what it declares).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from elfdeps import needed

# Not libraries, but what the bundled ones read at run time: fontconfig's configuration and a font (Qt
# draws no text without one), keyboard layouts for xkbcommon.
DATA_PACKAGES = ("fontconfig-config", "fonts-dejavu-core", "xkb-data")
VERSIONED = {"libc6"}  # the C library is the one that must be at least as new as the build machine's


def system_libraries(app: Path) -> dict[str, list[str]]:
    """soname -> bundle files that need it, for sonames the bundle does not carry."""
    files = [Path(root) / name for root, _dirs, names in os.walk(app) for name in names]
    carried = {f.name for f in files}
    wanted: dict[str, list[str]] = {}
    for path in files:
        if path.is_symlink():
            continue
        for soname in needed(path):
            if soname not in carried:
                wanted.setdefault(soname, []).append(str(path.relative_to(app)))
    return wanted


def ldconfig_paths() -> dict[str, str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        name = name.split(" (")[0]
        if ",x86-64" in line or ",AArch64" in line:  # this machine's own word size, not a multilib copy
            paths.setdefault(name, path.strip())
    return paths


def owning_package(path: str) -> str:
    for candidate in (path, os.path.realpath(path)):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"no Debian package owns {path}: install it from a package before building the .deb")


def upstream_version(package: str) -> str:
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                             check=True).stdout
    return version.split(":")[-1].split("-")[0].split("+")[0]


def depends(app: Path) -> list[str]:
    paths = ldconfig_paths()
    packages: set[str] = set()
    for soname, users in sorted(system_libraries(app).items()):
        if soname not in paths:
            raise SystemExit(f"{users[0]} needs {soname}, which this build machine does not have")
        packages.add(owning_package(paths[soname]))
    packages.update(DATA_PACKAGES)
    return [f"{p} (>= {upstream_version(p)})" if p in VERSIONED else p for p in sorted(packages)]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: deb_depends.py ONEDIR")
    print(", ".join(depends(Path(sys.argv[1]))))
