"""Build data/vocabulary/brands.txt (issue 15, session thirty-two): the brand names of medicines and health products
people write in a journal ("Augmentin", "Panadeine", "Mepilex", "Hydralyte", "Гевискон"), for the de-identifier only,
which reads them as it reads ``other_drugs.txt``: a product, not a person.

DrugBank's and MeSH's brands (build_vocabulary.py) are mostly American; a journal kept in Lagos, Manila, Madrid or
Sydney names the brands sold there. ``scripts/brand_sources/*.txt`` lists them, one per line, by market: written for
HealthViz from general knowledge by a helper who never saw the firewall's code, rules or corpora (session
thirty-two), so the list is the team's own work under the project's licence.

A word of a brand is taken when it has five letters or more (shorter brands meet given names: "Ella", "Napa"), and
is no word of the English, medical, drug or name lists, no town the gazetteer knows, no given name of the lexicon,
and no name of the two people's-name lists build_vocabulary.py reads at build time (``nam_dict.txt``'s first names,
the U.S. Census 1990 names): "Yasmin", "Valda", "Alvesco" go, however real the product. The word taken of a brand of
several words is its first ("Panadeine" of "Panadeine Forte").

It also writes ``drug_given_names.txt`` (session thirty-three): the words of the drug lists and ``brands.txt`` that
are first names of ``nam_dict.txt`` too ("allegra", "tobi"), which stay names after "with".

Run: ``python scripts/build_brands.py --nam-dict PATH/nam_dict.txt --census PATH/names`` (as build_vocabulary.py
says); after build_vocabulary.py and build_gazetteer.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_foreign_words import given_names
from build_vocabulary import OUT, people_names

SOURCES = Path(__file__).resolve().parent / "brand_sources"
MIN_LETTERS = 5
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W_]+)*")


def brand_words(lines: list[str]) -> set[str]:
    """The first word of every brand, casefolded ("Control-IQ" → "control-iq", "Панадол" → "панадол", "Panadeine
    Forte" → "panadeine"): a brand's later words are its strength or kind ("Forte", "Junior") or an ordinary word of
    its language, which can stand before a name too ("Daeng" of the Thai "Krating Daeng" is a Makassarese title)."""
    return {words[0].casefold() for line in lines if (words := _WORD.findall(line))}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--nam-dict", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    parser.add_argument("--census", type=Path, required=True, help="the folder of the names sdist's dist.* files")
    args = parser.parse_args()
    lines = [line.strip() for path in sorted(SOURCES.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    lexicon = {w.casefold() for key in ("first_names", "ambiguous_first_names", "word_given_names", "known_words",
                                        "titles", "relations", "not_name") for w in lex.get(key, [])}
    listed = set().union(*((OUT / f).read_text("utf-8").split() for f in (
        "english.txt", "names.txt", "given_names.txt", "name_words.txt", "medical.txt", "drugs.txt",
        "other_drugs.txt", "places.txt", "place_words.txt")))
    people = people_names(args.nam_dict, args.census)
    out = set()
    for w in brand_words(lines):
        parts = {w, *w.split("-")}
        letters = sum(c.isalpha() for c in w)
        if letters >= MIN_LETTERS and not parts & (listed | lexicon | people):
            out.add(w)
    (OUT / "brands.txt").write_text("".join(f"{w}\n" for w in sorted(out)), encoding="utf-8")
    print(f"brands.txt: {len(out):,} words from {len(lines):,} brands")
    # session thirty-three: the drugs the lists hold that are first names too ("allegra", "camila", "tobi"): after
    # "with" a listed drug is a product ("dressed with Mepilex"), never one of these ("went out with Allegra")
    drugs = set().union(*((OUT / f).read_text("utf-8").split() for f in ("drugs.txt", "other_drugs.txt"))) | out
    first = set(given_names(args.nam_dict))
    named = sorted(w for w in drugs if w in first)
    (OUT / "drug_given_names.txt").write_text("".join(f"{w}\n" for w in named), encoding="utf-8")
    print(f"drug_given_names.txt: {len(named):,} words")


if __name__ == "__main__":
    main()
