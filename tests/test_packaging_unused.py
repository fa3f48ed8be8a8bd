"""The binary's removal list (packaging/unused.py) never drops what the app uses.

What the app uses is read, not listed: the PySide6 modules its code imports (and the spec's hidden Qt
imports), the Qt plugins a desktop session loads, and everything those link to, followed through the ELF
files of the installed PySide6 wheel, the same files PyInstaller copies.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))
import elfdeps
import unused

PySide6 = pytest.importorskip("PySide6")
WHEEL = Path(PySide6.__file__).parent  # bundle paths start at its parent: "PySide6/Qt/lib/..."
# Plugins Qt loads on a desktop or in the smoke test (by name at run time, so no import shows them).
PLUGINS = ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
           "platforms/libqminimal.so", "multimedia/libffmpegmediaplugin.so", "imageformats/libqsvg.so",
           "imageformats/libqjpeg.so", "imageformats/libqico.so", "iconengines/libqsvgicon.so",
           "xcbglintegrations/libqxcb-egl-integration.so", "xcbglintegrations/libqxcb-glx-integration.so",
           "wayland-shell-integration/libxdg-shell.so", "wayland-decoration-client/libbradient.so",
           "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
           "platformthemes/libqxdgdesktopportal.so",
           "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
           "platforminputcontexts/libibusplatforminputcontextplugin.so")


def app_pyside_modules() -> set[str]:
    """Every PySide6 module named in an import anywhere in the app's code, plus the spec's hidden ones."""
    found: set[str] = set()
    for path in (REPO / "healthviz_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("PySide6."))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6"):
                if node.module == "PySide6":
                    found.update(f"PySide6.{alias.name}" for alias in node.names)
                else:
                    found.add(".".join(node.module.split(".")[:2]))
    spec = (REPO / "packaging" / "healthviz.spec").read_text(encoding="utf-8")
    found.update(re.findall(r'"(PySide6\.Qt\w+)"', spec.split("hiddenimports =", 1)[1].split("\n", 1)[0]))
    return found


def bundle_path(path: Path) -> str:
    return path.relative_to(WHEEL.parent).as_posix()


def needed_closure(start: list[Path]) -> set[Path]:
    """The files of the PySide6 wheel that ``start`` loads, directly or through each other."""
    index: dict[str, Path] = {}
    for folder in (WHEEL, WHEEL / "Qt" / "lib"):
        for lib in folder.glob("*.so*"):
            index.setdefault(lib.name, lib)
    seen: set[Path] = set()
    todo = list(start)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(index[name] for name in elfdeps.needed(path) if name in index)
    return seen


def test_the_app_imports_the_modules_the_player_and_charts_need() -> None:
    modules = app_pyside_modules()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtCharts",
            "PySide6.QtMultimedia"} <= modules


def test_no_module_the_app_imports_is_excluded() -> None:
    excluded = set(unused.EXCLUDED_MODULES)
    clash = {m for m in app_pyside_modules() if m in excluded or any(m.startswith(f"{e}.") for e in excluded)}
    assert clash == set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the wheel's ELF files")
def test_nothing_the_app_loads_is_on_the_removal_list() -> None:
    roots = [next(WHEEL.glob(f"{m.split('.')[1]}.*.so")) for m in sorted(app_pyside_modules())]
    roots += [WHEEL / "Qt" / "plugins" / plugin for plugin in PLUGINS if (WHEEL / "Qt" / "plugins" / plugin).exists()]
    loaded = needed_closure(roots)
    # The follow-through is real: the media plugin reaches Quick and Qml, which the list must therefore keep.
    assert {"libQt6Multimedia.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libavcodec.so.61"} <= {
        p.name for p in loaded}
    dropped = sorted(bundle_path(p) for p in loaded if unused.is_unused(bundle_path(p)))
    assert dropped == []


def test_every_pattern_on_the_removal_list_still_matches_something() -> None:
    """A Qt pattern that matches nothing in the wheel is stale (a renamed file that is now shipped)."""
    files = [bundle_path(p) for p in WHEEL.rglob("*") if p.is_file()]
    stale = [pattern for pattern in unused.UNUSED_FILES if pattern.startswith("PySide6/")
             and not any(fnmatch.fnmatchcase(f, pattern) for f in files)]
    assert stale == []


def test_libraries_only_a_removed_plugin_needed_go_with_it() -> None:
    gtk_theme = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "src/qgtk3", "BINARY")
    gtk = ("libgtk-3.so.0", "src/gtk", "BINARY")  # system libraries PyInstaller added at the top
    cairo = ("libcairo.so.2", "src/cairo", "BINARY")
    glib = ("libglib-2.0.so.0", "src/glib", "BINARY")
    gui_binding = ("PySide6/QtGui.abi3.so", "src/qtgui", "EXTENSION")
    gui = ("PySide6/Qt/lib/libQt6Gui.so.6", "src/gui", "BINARY")
    qt_only_for_gtk = ("PySide6/Qt/lib/libQt6Gtk.so.6", "src/qtgtk", "BINARY")  # a package's: only by pattern
    c2pa = ("c2pa/libs/libc2pa_c.so", "src/c2pa", "BINARY")  # loaded by ctypes: needed by nothing, kept
    links = {"src/qgtk3": ["libgtk-3.so.0", "libQt6Gui.so.6", "libQt6Gtk.so.6"],
             "src/gtk": ["libcairo.so.2", "libglib-2.0.so.0"], "src/qtgui": ["libQt6Gui.so.6"],
             "src/gui": ["libglib-2.0.so.0"]}
    toc = [gtk_theme, gtk, cairo, glib, gui_binding, gui, qt_only_for_gtk, c2pa]
    kept = unused.drop_unused(toc, lambda src: links.get(src, []))
    assert kept == [glib, gui_binding, gui, qt_only_for_gtk, c2pa]


def test_paths_match_with_either_separator() -> None:
    assert unused.is_unused("PySide6\\Qt\\translations\\qt_de.qm")
    assert unused.is_unused("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not unused.is_unused("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not unused.is_unused("PySide6/Qt/lib/libQt6Quick.so.6")
