"""What the window runs in workers to open the journal: first the list's page through plain sqlite3,
then the full journal (SQLAlchemy) for writes. Imported once the window has painted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from healthviz_desktop.ui.journal_model import FirstPage, load_first_page

if TYPE_CHECKING:
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.query import JournalFilter


class Opened(NamedTuple):
    reader: Any
    page: FirstPage
    custom_symptoms: list[str]
    medications: list[str]
    change_count: int  # the journal's change counter before the page was read: where the watch starts


def open_reader(paths: DataPaths, flt: JournalFilter) -> Opened:
    """Runs in a worker: the first page through plain sqlite3 (no SQLAlchemy import on this path)."""
    from healthviz_desktop.core.journal_reader import JournalReader
    from healthviz_desktop.core.trends import custom_symptom_names

    reader = JournalReader.open(paths.root)
    count = reader.change_count()  # first: a write after it is in the page or reported by the watch, never lost
    return Opened(reader, load_first_page(reader, flt), custom_symptom_names(reader), reader.known_medications(),
                  count)


def open_full_journal(paths: DataPaths) -> Any:
    """Runs in a worker after the list shows: the journal service used for every write."""
    from healthviz_desktop.core.journal import Journal

    return Journal.open(paths.root)
