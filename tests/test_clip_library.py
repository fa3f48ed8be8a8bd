"""The Clips library without a window (core/clip_library.py, core/clip_trash.py): cards read from a real
journal file, with clips made by the real local renderer or real MP4s written by PyAV; filters, sorting,
titles, the clip trash with undo, and the state of jobs on their way in plain words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core import migrations
from healthviz_desktop.core.clip_library import (
    CardFilter,
    cards_for_entry,
    choices,
    load_card,
    load_cards,
    plain,
    provider_facts,
    select,
)
from healthviz_desktop.core.clip_trash import MAX_TITLE, empty_trash, rename_clip, restore_clip, trash_clip
from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.providers.registry import Providers
from tests.conftest import sample_entry
from tests.support.clips import counter_clip


@pytest.fixture
def studio(journal: Journal) -> Iterator[ClipStudio]:
    yield ClipStudio(journal)


def clips_folder(journal: Journal) -> Path:
    journal.paths.clips.mkdir(parents=True, exist_ok=True)
    return journal.paths.clips


def facts(journal: Journal) -> dict[str, Any]:
    return provider_facts(Providers(journal.db))


def cards(journal: Journal, **kw: Any) -> list[Any]:
    return load_cards(journal.db, facts(journal), **kw)


def sent(studio: ClipStudio, source: ClipSource, **choices_: Any) -> Any:
    """A job written for ``source`` with the local renderer (not driven: it stays queued)."""
    return studio.send(studio.quote(source, ClipChoices(**{"seconds": 4, **choices_}), "local"))


def finished_with(journal: Journal, job_id: int, clip: Path, **fields: Any) -> None:
    """Mark a written job made, its clip a real MP4 in the journal's clips folder."""
    JobStore(journal.db).update(job_id, status="completed", clip_path=str(clip), progress=100,
                                finished_at=fields.pop("finished_at", "2026-03-05T10:00:00+00:00"), **fields)


def test_the_library_step_is_idempotent_and_adds_its_columns(journal: Journal) -> None:
    path = journal.paths.database
    conn = sqlite3.connect(path)
    try:
        library_step = next(s for s in migrations.STEPS if s.description.startswith("clips:"))
        library_step.apply(conn)  # again, on a journal that has it: nothing changes, nothing fails
        library_step.apply(conn)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(generation_job)")}
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(generation_job)")}
    finally:
        conn.close()
    assert {"title", "source_json", "trashed_at", "emptied_at"} <= columns
    assert "generation_job_trashed" in indexes
    assert journal.db.schema_version() == migrations.SCHEMA_VERSION


def test_a_clip_made_from_an_entry_is_a_card_that_knows_its_entry_prompt_and_file(journal: Journal,
                                                                                 studio: ClipStudio) -> None:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    job = sent(studio, ClipSource.moment(entry.id), style="watercolour")
    done = studio.drive(job.id)  # the real local renderer: a real MP4
    assert done.status == "completed" and Path(done.clip_path or "").is_file()
    [card] = cards(journal)
    assert card.job_id == job.id and card.kind == "moment" and card.entry_id == entry.id
    assert card.source == {"kind": "moment", "style": "watercolour"}
    assert card.prompt == done.request["prompt"] and card.prompt  # the exact prompt that went to the renderer
    assert card.provider == "local" and card.provider_label.startswith("This computer") and not card.remote
    assert (card.seconds, card.size, card.cost()) == (4, "1280x720", "free")
    assert card.family == "headache" and card.name.startswith("Headache · ")
    assert card.is_clip and card.picture == done.clip_path
    assert card.state().headline == "Ready"
    assert {"play", "rename", "folder", "export", "delete", "reuse"} <= card.actions()
    assert "stop" not in card.actions() and "remix" not in card.actions()  # the local renderer cannot remix
    assert [c.job_id for c in cards_for_entry(journal.db, facts(journal), entry.id)] == [job.id]
    assert cards_for_entry(journal.db, facts(journal), entry.id + 1) == []


def test_a_range_and_an_explainer_record_what_reuse_needs(journal: Journal, studio: ClipStudio) -> None:
    for day in (date(2026, 3, 2), date(2026, 3, 9)):
        journal.add(sample_entry(day))
    trend = sent(studio, ClipSource.trend(date(2026, 3, 1), date(2026, 3, 31)))
    explainer = sent(studio, ClipSource.explainer("A storm settling over a calm lake."))
    by_id = {c.job_id: c for c in cards(journal)}
    t, e = by_id[trend.id], by_id[explainer.id]
    assert t.kind == "trend" and t.period == (date(2026, 3, 1), date(2026, 3, 31)) and t.entry_id is None
    assert t.source_words() == "From 1 Mar 2026 to 31 Mar 2026" and "1 Mar – 31 Mar 2026" in t.name
    assert e.kind == "explainer" and e.source is not None
    assert e.source["text"] == "A storm settling over a calm lake." and e.source_words() == "From your notes"
    # Not driven: queued cards that can be stopped, not played, renamed or deleted yet
    assert t.state().headline == "Queued" and t.state().progress == 0
    assert "stop" in t.actions() and not {"play", "delete", "rename"} & t.actions()


def test_filters_by_source_family_and_maker_and_sorting_by_date(journal: Journal, studio: ClipStudio,
                                                               tmp_path: Path) -> None:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    moment = sent(studio, ClipSource.moment(entry.id))
    trend = sent(studio, ClipSource.trend(date(2026, 3, 1), date(2026, 3, 31)))
    explainer = sent(studio, ClipSource.explainer("Calmer nights this month."))
    clip = counter_clip(clips_folder(journal) / "moment.mp4", frames=12)
    finished_with(journal, moment.id, clip)
    store = JobStore(journal.db)
    store.update(trend.id, status="failed", message="The service refused the request.", finished_at="x")
    with journal.db.raw() as raw:  # another maker's job, as a remote service would have made it
        raw.execute("UPDATE generation_job SET provider = 'sora' WHERE id = ?", (explainer.id,))
    everything = cards(journal)
    assert [c.job_id for c in select(everything, CardFilter())] == [explainer.id, trend.id, moment.id]
    assert [c.job_id for c in select(everything, CardFilter(newest_first=False))] == [moment.id, trend.id,
                                                                                     explainer.id]
    assert [c.job_id for c in select(everything, CardFilter(kind="trend"))] == [trend.id]
    assert [c.job_id for c in select(everything, CardFilter(kind="moment"))] == [moment.id]
    assert [c.job_id for c in select(everything, CardFilter(provider="sora"))] == [explainer.id]
    assert [c.job_id for c in select(everything, CardFilter(show="clips"))] == [moment.id]
    assert [c.job_id for c in select(everything, CardFilter(show="jobs"))] == [explainer.id]
    assert [c.job_id for c in select(everything, CardFilter(show="failed"))] == [trend.id]
    families = {c.family for c in everything}
    for family in families:
        kept = select(everything, CardFilter(family=family))
        assert kept and all(c.family == family for c in kept)
    assert select(everything, CardFilter(family="no_such_family")) == []
    menus = choices(everything)
    assert [k for k, _ in menus["kind"]] == ["moment", "trend", "explainer"]
    assert {p for p, _ in menus["provider"]} == {"local", "sora"}


def test_rename_and_the_title_made_from_the_source(journal: Journal, studio: ClipStudio) -> None:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    job = sent(studio, ClipSource.moment(entry.id))
    finished_with(journal, job.id, counter_clip(clips_folder(journal) / "a.mp4", frames=12))
    made_name = cards(journal)[0].name
    rename_clip(journal, job.id, "  For   Dr Rivera  ")
    assert cards(journal)[0].name == "For Dr Rivera"
    with pytest.raises(JobRefused, match="120 characters"):
        rename_clip(journal, job.id, "x" * (MAX_TITLE + 1))
    assert cards(journal)[0].name == "For Dr Rivera"  # a refused title changes nothing
    rename_clip(journal, job.id, "   ")
    assert cards(journal)[0].title is None and cards(journal)[0].name == made_name
    events = [e[2] for e in JobStore(journal.db).events(job.id)]
    assert events.count("renamed") == 2


def test_delete_goes_to_the_trash_undo_restores_and_emptying_deletes_only_our_files(
        journal: Journal, studio: ClipStudio, tmp_path: Path) -> None:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    ours, theirs, queued = (sent(studio, ClipSource.moment(entry.id)) for _ in range(3))
    ours_clip = counter_clip(clips_folder(journal) / "ours.mp4", frames=12)
    saved_elsewhere = counter_clip(tmp_path / "for-the-doctor.mp4", frames=12)
    finished_with(journal, ours.id, ours_clip)
    finished_with(journal, theirs.id, saved_elsewhere)

    with pytest.raises(JobRefused, match="still being made"):
        trash_clip(journal, queued.id)
    trash_clip(journal, ours.id)
    assert ours.id not in [c.job_id for c in cards(journal)]
    assert [c.job_id for c in cards(journal, trashed=True)] == [ours.id]
    assert [c.job_id for c in cards_for_entry(journal.db, facts(journal), entry.id)] == [theirs.id]  # not trashed
    assert ours_clip.is_file()  # the file stays until the trash is emptied
    trashed = load_card(journal.db, facts(journal), ours.id)
    assert trashed is not None and trashed.actions() == {"restore"}

    restore_clip(journal, ours.id)  # Undo
    assert ours.id in [c.job_id for c in cards(journal)] and cards(journal, trashed=True) == []

    trash_clip(journal, ours.id)
    trash_clip(journal, theirs.id)
    result = empty_trash(journal)
    assert (result.jobs, result.files, result.kept) == (2, 1, [])
    assert not ours_clip.exists() and saved_elsewhere.is_file()  # a copy outside the clips folder is theirs
    assert cards(journal, trashed=True) == []
    with pytest.raises(JobRefused, match="cannot come back"):
        restore_clip(journal, ours.id)
    row = JobStore(journal.db).get(ours.id)
    assert row.emptied_at and row.clip_path is None  # the row stays (the ledger and its history point at it)


def test_jobs_on_their_way_say_their_state_in_plain_words(journal: Journal, studio: ClipStudio) -> None:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    job = sent(studio, ClipSource.moment(entry.id))
    store = JobStore(journal.db)

    def card_as(**fields: Any) -> Any:
        store.update(job.id, **fields)
        found = load_card(journal.db, facts(journal), job.id)
        assert found is not None
        return found

    card = card_as(status="running", progress=40, message="Drawing frames")
    assert (card.state().headline, card.state().progress, card.state().tone) == ("Being made 40%", 40, "working")
    card = card_as(status="downloading", progress=50)
    assert card.state().headline == "Drawing 50%"  # the local renderer draws; a service's clip downloads
    card = card_as(status="sending", progress=0)
    assert card.state().headline == "Sending"
    card = card_as(status="needs_decision", message="Run `healthviz jobs resume 1 --resend` or cancel it.")
    state = card.state()
    assert state.headline == "Needs your decision" and "cannot tell us now whether it made the clip" in state.detail
    assert "healthviz" not in state.detail
    choices_ = card.decision_choices()
    assert [button for button, _ in choices_] == ["Send it again", "Cancel the job"]
    assert "counted as spent" in choices_[0][1]
    assert card.actions() == {"decide", "reuse"}
    card = card_as(status="failed", message="The service refused the prompt: it names a person. "
                   "See `healthviz jobs show 1`.", error_code="refused")
    assert card.state().headline == "Not made" and card.state().detail == "The service refused the prompt: it " \
        "names a person."
    assert "retry" in card.actions() and "delete" in card.actions()
    card = card_as(status="failed", error_code="expired")
    assert "remake" in card.actions() and "retry" not in card.actions()
    card = card_as(status="stalled", message="The service did not answer.", error_code=None)
    assert card.state().headline == "Paused" and {"stop", "resume"} <= card.actions()
    assert plain("Nothing was sent. Run `healthviz jobs resume 3` to carry on.") == "Nothing was sent."


def test_the_clips_cli_lists_renames_deletes_and_restores(journal: Journal, studio: ClipStudio,
                                                          cli: Any) -> None:
    import json

    entry = journal.add(sample_entry())
    assert entry.id is not None
    made = sent(studio, ClipSource.moment(entry.id))
    queued = sent(studio, ClipSource.trend(date(2026, 3, 1), date(2026, 3, 31)))
    finished_with(journal, made.id, counter_clip(clips_folder(journal) / "a.mp4", frames=12))
    journal.close()  # the CLI opens the same file, as another process would

    listed = json.loads(cli("clips", "list", "--json").out)
    assert [c["id"] for c in listed] == [queued.id, made.id]
    assert listed[1]["entry_id"] == entry.id and listed[1]["state"] == "Ready" and listed[1]["prompt"]
    assert [c["id"] for c in json.loads(cli("clips", "list", "--show", "clips", "--json").out)] == [made.id]
    assert [c["id"] for c in json.loads(cli("clips", "list", "--from", "trend", "--json").out)] == [queued.id]
    assert cli("clips", "rename", str(made.id), "For the neurologist").code == 0
    text = cli("clips", "list").out
    assert "For the neurologist" in text and "From an entry · Ready" in text and "Queued" in text

    refused = cli("clips", "delete", str(queued.id))
    assert refused.code == 1 and "still being made" in refused.err
    assert cli("clips", "delete", str(made.id)).code == 0
    assert [c["id"] for c in json.loads(cli("clips", "list", "--trash", "--json").out)] == [made.id]
    assert cli("clips", "restore", str(made.id)).code == 0
    assert json.loads(cli("clips", "list", "--trash", "--json").out) == []
    missing = cli("clips", "rename", "999", "x")
    assert missing.code == 1 and "999" in missing.err
    assert cli("clips", "empty-trash").code == 1  # without --yes: refused, nothing deleted
