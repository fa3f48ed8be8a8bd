"""Every word list the app ships says where it comes from and under which licence (data/vocabulary/SOURCES.md),
so a list added without its source or licence fails here."""

from __future__ import annotations

from importlib.resources import files


def test_every_word_list_is_described_with_its_licence() -> None:
    folder = files("healthviz_desktop.data").joinpath("vocabulary")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt") and not p.name.startswith("LICENSE"))
    sources = folder.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert len(names) >= 10
    for name in names:
        assert f"`{name}`" in sources, f"{name} is not described in SOURCES.md"
    licences = [p.name for p in folder.iterdir() if p.name.startswith("LICENSE")]
    for licence in licences:
        assert f"`{licence}`" in sources, f"{licence} is not referenced in SOURCES.md"
    assert "LICENSE-GeoNames-CC-BY-4.0.txt" in licences
