"""Long work with the journal's data, always off the GUI thread with a progress bar: import, export,
backups, restore, demo data; plus first-run and settings changes that trigger them. Writes go through the
window's JournalHub (the app's write thread); the views refresh from its ``changed`` signal, and a failure
is said by the window in the person's terms (``MainWindow._task_failed``, core/errors.py). On a read-only
journal nothing here writes (no import, backup, restore, demo data, settings file or first-run flag), and
each says why (ui/read_only_mode.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.settings import Settings, save_settings
from healthviz_desktop.ui.journal_hub import Change
from healthviz_desktop.ui.theme import apply_appearance

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow


def load_demo(journal: Any, days: int, seed: int = 7) -> int:
    from healthviz_desktop.core.demo_data import generate_demo_entries

    return len(journal.add_many(generate_demo_entries(days, seed), skip_existing=True))  # twice is harmless


def backup_and_rotate(paths: DataPaths, reason: str, keep: int) -> Path:
    from healthviz_desktop.core.backups import create_backup, rotate

    made = create_backup(paths, reason)
    rotate(paths, keep)
    return made


def auto_backup(paths: DataPaths, interval_days: int, keep: int) -> Path | None:
    from healthviz_desktop.core.backups import maybe_auto_backup

    return maybe_auto_backup(paths, timedelta(days=interval_days), keep)


def restore_and_reopen(journal: Any, paths: DataPaths, file: Path) -> tuple[Any, Path | None, BaseException | None]:
    """Close the live journal, restore the backup over it (the old one is kept), open it again. On failure
    the old file is untouched and opened again: (journal, None, the failure)."""
    from healthviz_desktop.core.backups import restore_backup
    from healthviz_desktop.core.journal import Journal

    journal.close()
    try:
        kept = restore_backup(paths, file)
    except Exception as exc:
        return Journal.open(paths.root), None, exc
    return Journal.open(paths.root), kept, None


class DataActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        # Replaced in tests: choose a file without a modal native dialog.
        self.ask_open_file: Callable[[str, str], str] = self._ask_open
        self.ask_save_file: Callable[[str, str, str], str] = self._ask_save

    def _ask_open(self, title: str, pattern: str) -> str:
        return QFileDialog.getOpenFileName(self.w, title, str(Path.home()), pattern)[0]

    def _ask_save(self, title: str, name: str, pattern: str) -> str:
        return QFileDialog.getSaveFileName(self.w, title, str(Path.home() / name), pattern)[0]

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        return lambda exc: self.w._task_failed(exc, what)

    def _refused(self, what: str) -> bool:
        """True (and said) when the journal is read-only, so ``what`` would write where it must not."""
        reason = self.w.read_only_reason
        if reason:
            self.w.flash(f"{what} is not possible: the journal is read-only ({reason}).", 15_000)
        return bool(reason)

    # ---- import / export -----------------------------------------------------------------------

    def import_json(self) -> None:
        from healthviz_desktop.core.interchange_json import import_json

        if self._refused("Importing"):
            return
        name = self.ask_open_file("Import a HealthViz JSON export", "HealthViz JSON (*.json)")
        if not name:
            return

        def done(report: Any) -> None:
            self.w.flash(
                f"Imported {report.added} entries ({report.already_present} were already here).", 8000)

        self.w.hub.write(import_json, Path(name), label="Importing…", change=Change("journal"),
                         on_result=done, what="The import")

    def _export(self, kind: str) -> None:
        from healthviz_desktop.core import interchange_csv, interchange_json

        fn = interchange_json.export_json if kind == "json" else interchange_csv.export_csv
        pattern = "JSON (*.json)" if kind == "json" else "CSV (*.csv)"
        name = self.ask_save_file(f"Export the journal as {kind.upper()}", f"healthviz-journal.{kind}", pattern)
        if not name:
            return
        self.w.pools.reads.submit(fn, self.w.journal, Path(name), label="Exporting…", owner=self,
                                  on_result=lambda n: self.w.flash(f"Exported {n} entries to {name}.", 8000),
                                  on_error=self._failed("The export"))

    def export_json(self) -> None:
        self._export("json")

    def export_csv(self) -> None:
        self._export("csv")

    # ---- backups -------------------------------------------------------------------------------

    def backup_now(self, then: Callable[[], None] | None = None) -> None:
        if self._refused("A backup"):  # it would be written into the folder the person made read-only
            return

        def done(path: Path) -> None:
            self.w.flash(f"Backed up to {path.name}.", 8000)
            if then:
                then()

        self.w.pools.reads.submit(backup_and_rotate, self.w.paths, "manual", self.w.settings.backup_keep,
                                  label="Backing up…", on_result=done, on_error=self._failed("The backup"), owner=self)

    def restore(self, file: Path, dialog: QWidget | None = None) -> None:
        if self.w.journal is None or self._refused("Restoring a backup"):
            return
        # Clip jobs hold the journal being replaced: each stops between two steps (its cancel flag set),
        # so none writes into the restored file; they are carried on from that file's own rows after.
        journal = self.w.hub.detach(wait_ms=60_000)
        self.w.model.clear()
        self.w.set_ready(False)

        def done(result: tuple[Any, Path | None, BaseException | None]) -> None:
            reopened, kept, problem = result
            self.w.attach_journal(reopened)
            if problem is None:
                self.w.trash.forget()  # the trash ids meant the journal that was replaced
            self.w.hub.changed.emit(Change("journal"))
            if problem is not None:
                self._failed("The restore")(problem)
                return
            assert kept is not None
            self.w.flash(f"Restored. Your previous journal was kept as {kept.name}.", 10000)
            if dialog is not None and hasattr(dialog, "refresh_backups"):
                dialog.refresh_backups()

        self.w.pools.writes.submit(restore_and_reopen, journal, self.w.paths, file, label="Restoring…",
                                   on_result=done, on_error=self._failed("The restore"), owner=self)

    # ---- first run and settings ----------------------------------------------------------------

    def after_open(self) -> None:
        s = self.w.settings
        if self.w.read_only_reason:  # no welcome (its flag and demo data would write), no automatic backup
            if s.backup_interval_days:
                self.w.statusBar().showMessage("No automatic backup was made: the journal is read-only "
                                               f"({self.w.read_only_reason}).", 30_000)
            return
        if not s.first_run_done and not s.unreadable:  # a file that exists is no first run, readable or not
            self.show_welcome(first_run=True)
        elif s.backup_interval_days:
            self.w.pools.reads.submit(auto_backup, self.w.paths, s.backup_interval_days, s.backup_keep,
                                      on_error=self._auto_backup_failed, owner=self)

    def _auto_backup_failed(self, exc: BaseException) -> None:
        # Not a modal error: the journal is fine, only today's safety copy is missing.
        from healthviz_desktop.core.errors import DISK_FULL, user_message

        known = user_message(exc)
        reason = "the disk is full" if known and known[0] == DISK_FULL else (known[0] if known else str(exc))
        self.w.statusBar().showMessage(f"The automatic backup was not made: {reason}", 30_000)

    def show_welcome(self, *, first_run: bool) -> Any:
        from healthviz_desktop.ui.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.w.paths, self.w, entries=self.w.model.total, read_only=self.w.read_only_reason)

        def finished(_result: int) -> None:
            if first_run and not self.w.read_only_reason:
                self.settings_applied(self.w.settings, first_run_done=True)
            if dialog.wants_demo:
                self.load_demo_data(dialog.demo_days)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def load_demo_data(self, days: int) -> None:
        if self._refused("Loading demo data"):
            return
        self.w.hub.write(load_demo, days, label="Loading demo data…", change=Change("journal"),
                         on_result=lambda n: self.w.flash(f"Loaded {n} made-up demo entries.", 8000),
                         what="Loading demo data")

    def settings_applied(self, settings: Settings, *, first_run_done: bool | None = None) -> None:
        """Settings take effect at once (appearance, the day's rollover hour); the first-run flag is saved,
        except in a read-only folder."""
        if first_run_done is not None and not self.w.read_only_reason:
            settings.first_run_done = first_run_done
            from healthviz_desktop.core.settings import SettingsUnreadable

            try:
                save_settings(self.w.paths.settings, settings)
            except SettingsUnreadable:
                pass  # never over a file that may hold private terms; the window has said it cannot be read
            except OSError as exc:
                self._failed("Saving settings")(exc)
        self.w.settings = settings
        self.w.apply_rollover(settings.day_rollover_hour)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.property("healthviz_appearance") != settings.appearance:
            apply_appearance(app, settings.appearance)  # the window's changeEvent redraws what has colours
