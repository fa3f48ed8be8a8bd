"""Build data/vocabulary/eponym_nouns.txt (issue 15, session thirty-two): medical eponyms with the nouns they are
used with ("kennedy disease,ulcer", "colles fracture", "mohs surgery", "webster pack"), so the de-identifier keeps
"Kennedy's disease" or "Mohs surgery" where it took the eponym out as a person's name.

The lexicon's own eponyms (``eponyms`` in deid_lexicon.toml, 134) shield a name with a possessive alone ("Crohn's");
these shield only with one of their nouns after them, with or without a possessive: "Kennedy's disease", "Kennedy
disease", never "Kennedy's mum".

Source: ``scripts/eponym_sources/eponyms.tsv`` (the name, its nouns, its usual phrase), written for HealthViz from
general medical knowledge by a helper who never saw the firewall's code, rules or corpora (session thirty-two); the
project's own work under its licence. A name that is also a given name (the lexicon's, or ``nam_dict.txt``'s read at
build time as build_vocabulary.py reads it) keeps only the nouns no one's own things are called ("disease",
"syndrome", "fracture"), not "test", "sign", "score" or "method": "Allen's test results" may be a person's. A place
of care named after someone ("Mayo Clinic") is never kept: it is a place.

Run: ``python scripts/build_eponyms.py --nam-dict PATH/nam_dict.txt`` (the gender-guesser wheel's data).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_foreign_words import ascii_fold, given_names
from build_vocabulary import OUT

SOURCE = Path(__file__).resolve().parent / "eponym_sources" / "eponyms.tsv"
# what a person's own thing is called as often as an eponym's: left out for a name that is also a given name
WEAK_NOUNS = frozenset(str.split("""test tests sign signs method technique procedure position index line lines spots
    point points score scale criteria classification solution therapy exercise exercises rule rules tube tubes
    operation rod valve repair approach triad law window casting maneuver manoeuvre"""))
# a place of care named after someone is a place to take out, not an eponym to keep ("Mayo Clinic Phoenix")
PLACE_NOUNS = frozenset(str.split("clinic clinics hospital hospitals centre center institute foundation unit ward"))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--nam-dict", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    args = parser.parse_args()
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    given = {ascii_fold(w) for w in lex["first_names"] + lex["ambiguous_first_names"]} | set(given_names(args.nam_dict))
    out: dict[str, set[str]] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip():
            continue
        name = " ".join(parts[0].casefold().split())
        nouns = {" ".join(n.split()) for n in parts[1].casefold().split(",") if n.strip()} - PLACE_NOUNS
        if ascii_fold(name) in given:
            nouns -= WEAK_NOUNS
        if nouns:
            out.setdefault(name, set()).update(nouns)
    (OUT / "eponym_nouns.txt").write_text(
        "".join(f"{name}\t{','.join(sorted(nouns))}\n" for name, nouns in sorted(out.items())), encoding="utf-8")
    print(f"eponym_nouns.txt: {len(out):,} eponyms")


if __name__ == "__main__":
    main()
