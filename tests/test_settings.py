"""Settings file: defaults, round trip, atomic private writes, tolerance of damaged files."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthviz_desktop.core.settings import Settings, clean_terms, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "settings.json")
    assert s == Settings()
    assert s.appearance == "system" and not s.first_run_done


def test_round_trip_and_private_mode(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(appearance="dark", backup_interval="weekly", backup_keep=3,
                 private_terms=["  Dr  Example ", "Fictional Town", "dr example"], day_rollover_hour=5,
                 first_run_done=True)
    save_settings(path, s)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    back = load_settings(path)
    assert back.appearance == "dark" and back.backup_interval == "weekly" and back.backup_keep == 3
    assert back.private_terms == ["Dr Example", "Fictional Town"]
    assert back.day_rollover_hour == 5 and back.first_run_done
    assert not list(tmp_path.glob(".settings-*")), "temporary file left behind"


def test_invalid_values_are_refused_on_save(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="appearance"):
        save_settings(tmp_path / "s.json", Settings(appearance="purple"))
    with pytest.raises(ValueError, match="keep"):
        save_settings(tmp_path / "s.json", Settings(backup_keep=0))
    assert not (tmp_path / "s.json").exists()


def test_damaged_or_partly_wrong_file_keeps_what_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"appearance": "neon", "backup_keep": 4, "first_run_done": "yes",
                                "private_terms": ["A Person", 3], "future_key": {"x": 1}}), encoding="utf-8")
    s = load_settings(path)
    assert s.appearance == "system"  # bad value -> default
    assert s.backup_keep == 4  # good value kept
    assert s.first_run_done is False  # wrong type -> default
    assert s.private_terms == [] and s.unreadable  # a list with a non-string is refused whole, and said
    save_settings(path, s, over_unreadable=True)
    assert json.loads(path.read_text(encoding="utf-8"))["future_key"] == {"x": 1}  # unknown keys survive


def test_replacing_keeps_old_file_until_rename(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(appearance="light"))
    save_settings(path, Settings(appearance="dark"))
    assert load_settings(path).appearance == "dark"


@given(st.lists(st.text(max_size=30), max_size=20))
def test_clean_terms_is_idempotent_and_unique(terms: list[str]) -> None:
    once = clean_terms(terms)
    assert clean_terms(once) == once
    assert len({t.casefold() for t in once}) == len(once)
    assert all(t == t.strip() and t for t in once)


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"private_terms": "Jonah Example"}'])
def test_unreadable_file_never_means_no_private_terms(tmp_path: Path, content: str) -> None:
    from healthviz_desktop.core.settings import SettingsUnreadable, private_terms_of

    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    assert load_settings(path).unreadable
    with pytest.raises(SettingsUnreadable, match="does not know your private terms") as caught:
        private_terms_of(path)
    assert str(path) in str(caught.value)
    # nothing written by the way replaces it (it may hold the person's terms) ...
    s = load_settings(path)
    s.first_run_done = True
    with pytest.raises(SettingsUnreadable):
        save_settings(path, s)
    with pytest.raises(SettingsUnreadable):
        save_settings(path, Settings(first_run_done=True))  # a fresh object, same file on disk
    assert path.read_text(encoding="utf-8") == content
    # ... only the person saving their settings does, and the unreadable file is kept beside it
    s.private_terms = ["Jonah Example"]
    save_settings(path, s, over_unreadable=True)
    kept = list(tmp_path.glob("settings.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == content
    assert private_terms_of(path) == ["Jonah Example"] and "unreadable" not in path.read_text(encoding="utf-8")


def test_no_file_means_no_terms_yet(tmp_path: Path) -> None:
    from healthviz_desktop.core.settings import private_terms_of

    assert private_terms_of(tmp_path / "settings.json") == []
