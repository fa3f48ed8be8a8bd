"""The CLI's exit codes, in one place. README.md's table lists exactly these (tests/test_exit_codes.py)."""

from __future__ import annotations

OK = 0
PROBLEM = 1  # what was asked cannot be done as asked; the message says why and what to do
USAGE = 2  # the command line itself is wrong (argparse)
JOURNAL_TOO_NEW = 3  # core.database.DatabaseTooNew
JOURNAL_UNREADABLE = 4  # core.database.StorageError
NOT_FINISHED = 5  # a clip job failed, waits for the person, or cannot carry on yet
BLOCKED = 6  # `healthviz prompt`: the outbound check blocked the request
EDIT_CONFLICT = 7  # core.journal.EditConflict: the entry changed since it was read; nothing was saved
READ_ONLY = 8  # core.database.JournalReadOnly: the journal's folder or file is read-only
INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)

MEANINGS: dict[int, str] = {
    OK: "success (also: you answered no at a confirmation, and nothing was sent)",
    PROBLEM: "a problem with what you asked, or no API key to use (the message says what to do)",
    USAGE: "the command line is wrong (see `--help`)",
    JOURNAL_TOO_NEW: "the journal was written by a newer HealthViz",
    JOURNAL_UNREADABLE: "the journal file cannot be read",
    NOT_FINISHED: "a clip job did not finish: it failed, waits for your decision, or waits for a key or the service",
    BLOCKED: "`healthviz prompt`: the prompt firewall blocked the request (nothing would be sent)",
    EDIT_CONFLICT: "the entry was changed by another window or command since it was read (nothing was saved)",
    READ_ONLY: "the journal's folder or file is read-only: reading works, nothing was written",
    INTERRUPTED: "stopped with Ctrl-C (the message says what is true of the job, and what carries it on)",
}
