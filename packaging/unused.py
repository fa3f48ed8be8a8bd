"""The removal list: what the frozen app never uses, left out of the onedir by packaging/healthviz.spec.

PySide6's wheels carry all of Qt (QtWebEngine, QML and Quick, Qt3D, Designer, 60 MB of translations...);
PyInstaller collects whatever a collected module or plugin links to. Two lists keep that out:
- EXCLUDED_MODULES: Python modules never imported (so their PyInstaller hooks collect nothing);
- UNUSED_FILES: globs over paths inside the bundle (as PyInstaller names them, relative to ``_internal``).
tests/test_packaging_unused.py checks that neither list touches a PySide6 module the app imports, nor a
Qt library or plugin those modules need (their ELF dependencies, read from the installed wheel).
Plain Python, no PyInstaller import: the spec and the test both read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

TocEntry = tuple[str, str, str]  # PyInstaller's (path in the bundle, source file, type code)

# Build and test tools, and Qt modules the app never imports.
EXCLUDED_MODULES = (
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "tkinter", "_tkinter", "PyInstaller",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQuick3D", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtDesigner", "PySide6.QtUiTools",
    "PySide6.QtHelp", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtBluetooth", "PySide6.QtNfc",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtSerialPort",
    "PySide6.QtSerialBus", "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech", "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtGraphsWidgets",
    "PySide6.QtSpatialAudio", "PySide6.QtHttpServer", "PySide6.QtNetworkAuth", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtAxContainer", "PySide6.QtCanvasPainter",
    # The OpenGL bindings (8.5 MB): QtCharts links Qt's OpenGL libraries, which stay, but never imports them.
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
)

UNUSED_FILES = (
    # The app loads no Qt translator (it is in English only): every .qm is dead weight.
    "PySide6/Qt/translations/*",
    # QML modules and what is built on Quick. The Quick and Qml libraries themselves stay: Qt 6.11's FFmpeg
    # media plugin links them (the test reads that from the plugin, so this list cannot drop them).
    "PySide6/Qt/qml/*",
    "PySide6/Qt/lib/libQt6Quick3D*", "PySide6/Qt/lib/libQt6QuickControls2*", "PySide6/Qt/lib/libQt6QuickDialogs2*",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*", "PySide6/Qt/lib/libQt6MultimediaQuick*",
    "PySide6/Qt/lib/libQt6Labs*", "PySide6/Qt/lib/libQt6Lottie*", "PySide6/Qt/lib/libQt6ShaderTools*",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6WebEngine*", "PySide6/Qt/lib/libQt6WebChannel*", "PySide6/Qt/lib/libQt6WebView*",
    "PySide6/Qt/libexec/*", "PySide6/Qt/resources/*",
    "PySide6/Qt/lib/libQt63D*", "PySide6/Qt/lib/libQt6Designer*", "PySide6/Qt/lib/libQt6Pdf*",
    "PySide6/Qt/plugins/designer/*",
    # Platforms for kiosks and embedded boards; the app runs on X11 (xcb) or Wayland, and offscreen in tests.
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/egldeviceintegrations/*", "PySide6/Qt/lib/libQt6EglFS*",
    "PySide6/Qt/plugins/generic/*",
    # Wayland: the xdg-shell client with its decorations is what desktops use; the rest are for compositors
    # built with Qt (IVI, Qt's own shell) or hardware buffer sharing with one.
    "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libfullscreen-shell-v1.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libqt-shell.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/*-server.so",
    "PySide6/Qt/lib/libQt6WlShellIntegration*",
    # The GTK 3 theme plugin bundles GTK, GDK, cairo, pango and more (~20 MB) for native file dialogs; the
    # app draws with Fusion, and Qt's built-in GNOME/KDE themes and the desktop portal still apply.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    # Network features the app does not use: TLS (it calls services through the openai SDK, not Qt) and
    # connectivity monitoring. QtNetwork itself stays: QtMultimedia links it.
    "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/networkinformation/*",
    # Image formats it never reads (its own are PNG, built in, SVG and JPEG).
    "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/plugins/imageformats/libqicns.so",
    "PySide6/Qt/plugins/imageformats/libqtga.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/libqwbmp.so", "PySide6/Qt/plugins/imageformats/libqwebp.so",
    # c2pa-python's wheel carries the Rust static library (30 MB) beside the shared one it loads.
    "c2pa/libs/*.rlib", "c2pa/libs/*.d",
)


def excluded_modules() -> list[str]:
    return list(EXCLUDED_MODULES)


def is_unused(bundle_path: str) -> bool:
    """True when ``bundle_path`` (a path inside the onedir's _internal, / or \\ separated) is on the list."""
    path = bundle_path.replace("\\", "/")
    return any(fnmatchcase(path, pattern) for pattern in UNUSED_FILES)


def drop_unused(binaries: Sequence[TocEntry], needed: Callable[[str], Iterable[str]]) -> list[TocEntry]:
    """The binaries minus the listed ones and minus the libraries only they needed.

    PyInstaller has already added every library a collected plugin links to (the GTK theme brings GTK,
    cairo, pango...), so removing the plugin alone would leave them behind. A system library PyInstaller
    added (one at the top of the bundle) that a removed file reaches is dropped too, unless something kept
    reaches it; ``needed(source)`` lists an ELF file's DT_NEEDED. Libraries a package ships (Qt's own,
    c2pa/libs, av.libs) go only by pattern: one may be loaded by dlopen, which no DT_NEEDED shows.
    """
    removed = [entry for entry in binaries if is_unused(entry[0])]
    kept = [entry for entry in binaries if not is_unused(entry[0])]
    by_name: dict[str, list[TocEntry]] = {}
    for entry in kept:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, []).append(entry)

    def reached(start: Iterable[TocEntry]) -> set[TocEntry]:
        seen: set[TocEntry] = set()
        todo = list(start)
        while todo:
            for name in needed(todo.pop()[1]):
                for entry in by_name.get(name, ()):
                    if entry not in seen:
                        seen.add(entry)
                        todo.append(entry)
        return seen

    only_for_removed = {entry for entry in reached(removed) if "/" not in entry[0].replace("\\", "/")}
    roots = [entry for entry in kept if entry not in only_for_removed]
    still_needed = reached(roots)
    return [entry for entry in kept if entry not in only_for_removed or entry in still_needed]
