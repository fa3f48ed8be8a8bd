"""Build the everyday brands, products and titles the de-identifier and the allowlist read as no one's name
(issue 15, session twenty-seven): ``data/vocabulary/brands.txt`` and ``brand_phrases.txt``.

Source: ``scripts/brands_source.txt``, 1,933 names people in English-speaking countries write about in their lives
(chains and shops, products, apps and devices, games and toys, shows and characters, sports and teams, national
organisations), written for this project from general knowledge by a helper that had seen neither the
de-identifier's rules nor any corpus; shared under the project's licence. (The helper's 238 famous people's full
names, "Taylor Swift", were left out: someone the writer knows may have the same name.)

Nothing of it may be a person's or a place's name on its own, so:
- ``brands.txt``: the one-word names, lower case, that are no ordinary English word already (those need no list), no
  name or place of the shipped lists (``names.txt``, ``name_words.txt``, the gazetteer), no given name the
  de-identifier knows and no name of the two people-name lists used at build time only (Jörg Michael's
  ``nam_dict.txt``, as the ``gender-guesser`` 0.4.0 wheel packages it; the U.S. Census 1990 names, as the ``names``
  0.3.0 sdist packages them; as build_vocabulary.py uses them): "Tesco" and "Fortnite" stay, "Costa" and "Jordan"
  go;
- ``brand_phrases.txt``: the names of two words or more, lower case, a hyphen read as a space, unless every word of
  one is a person's name and none an ordinary English word (a name a person may have: "Marks & Spencer" and "Vijay
  Sales" go, "Red Bull" and "Peppa Pig" stay) or the phrase is a town of the gazetteer.

Run: ``python scripts/build_brands.py --nam-dict PATH/nam_dict.txt --census PATH/names`` (after build_vocabulary.py;
``pip download --no-deps gender-guesser==0.4.0`` and ``pip download --no-deps --no-binary :all: names==0.3.0``).
"""

from __future__ import annotations

import argparse
import tomllib
import unicodedata
from pathlib import Path

from build_vocabulary import people_names

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "healthviz_desktop" / "data" / "vocabulary"


_JOINING = frozenset(("the", "and", "of", "&", "for", "in", "a"))


def _fold(word: str) -> str:
    word = word.casefold().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _shipped(*files: str) -> set[str]:
    return set().union(*((OUT / f).read_text("utf-8").split() for f in files))


def _given_names() -> set[str]:
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    return {w.casefold() for w in lex["first_names"] + lex["ambiguous_first_names"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--nam-dict", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    parser.add_argument("--census", type=Path, required=True, help="the folder of the names sdist's dist.* files")
    args = parser.parse_args()
    english = _shipped("english.txt")
    persons = _given_names() | people_names(args.nam_dict, args.census)
    people = persons | _shipped("names.txt", "name_words.txt")
    places = _shipped("places.txt", "place_words.txt")
    town_phrases = {line.strip() for line in (OUT / "place_phrases.txt").read_text("utf-8").splitlines()}
    words: set[str] = set()
    phrases: set[str] = set()
    for line in (HERE / "brands_source.txt").read_text(encoding="utf-8").splitlines():
        name = " ".join(_fold(line).replace("-", " ").split())
        parts = name.split()
        if len(parts) == 1:
            word = parts[0]
            if word not in english and word not in people and word not in places and word.strip("'.&+!").isalnum():
                words.add(word)
        elif len(parts) > 1:
            bare = [b for b in (p.removesuffix("'s").strip("'.,&+!:") for p in parts) if b and b not in _JOINING]
            named = all(b in persons for b in bare) and not any(b in english for b in bare)
            if not named and name not in town_phrases:
                phrases.add(name)
    for file, items in (("brands.txt", words), ("brand_phrases.txt", phrases)):
        (OUT / file).write_text("".join(f"{w}\n" for w in sorted(items)), encoding="utf-8")
        print(f"{file}: {len(items):,}")


if __name__ == "__main__":
    main()
