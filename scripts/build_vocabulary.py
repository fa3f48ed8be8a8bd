"""Build the word lists the outbound allowlist and the de-identifier ship (healthviz_desktop/data/vocabulary/).

Sources (each cited with its licence in data/vocabulary/SOURCES.md, licence texts beside the lists):
- General English: SCOWL (Kevin Atkinson) as Debian packages it: ``wamerican`` + ``wbritish`` (size 50) for the
  ordinary words, ``wamerican-large`` + ``wbritish-large`` (size 70) for the proper nouns (names and places).
- Medical terms: ``@cspell/dict-medicalterms`` (npm; OpenMedSpel + Raj&Co-Med-Spel-Chek merged by Glutanimate),
  GPL-3.0-or-later.
- Drug names: ``drug-named-entity-recognition`` (PyPI, Fast Data Science, MIT; data from DrugBank open data
  (CC0), MeSH, MedlinePlus, NHS and Wikipedia): generic and brand names of the drugs that have a MedlinePlus or
  NHS page (the ones people in English-speaking countries take); since session seventeen also the brand and foreign
  names of every other drug DrugBank or MeSH knows ("Synthroid", "NovoRapid", "Marvelon", "tilidine"), six letters
  or more, that no name, place or English word list holds.
- Names, to keep names out of those other drug names (build time only, nothing of them shipped): the first names of
  Jörg Michael's ``nam_dict.txt`` (as the ``gender-guesser`` 0.4.0 wheel packages it; GNU FDL 1.2 or later) and the
  U.S. Census 1990 surnames and first names (as the ``names`` 0.3.0 sdist packages them, ``dist.*``; public domain
  data, MIT package).

Outputs, one word a line, sorted, lower case:
- ``english.txt``: ordinary English words (entries written in lower case in SCOWL 50), no possessives;
- ``names.txt``: proper nouns of SCOWL 70 (entries written with a capital) whose lower-case form is no ordinary
  word: a gazetteer of given names, surnames and places ("edna", "leeds");
- ``name_words.txt``: proper nouns of SCOWL 70 that are also ordinary words ("rose", "long", "baker", "may"):
  a name when written with a capital where no sentence starts;
- ``medical.txt``: medical terms and drug names, minus anything in ``names.txt`` (the medical list carries
  eponyms and stray given names: "alan", "hannah", "johnson");
- ``medical_name_words.txt``: the words of ``name_words.txt`` that the medical list also has ("arm", "colon",
  "lupus", "scan"), minus the given names the de-identifier knows ("dawn", "ray"): the allowlist holds back a
  name word in any case unless it is a medical term (or one of the app's own words);
- ``common_name_words.txt``: the words of ``name_words.txt`` that are among the most frequent English words
  (wordfreq's Zipf frequency 5.0 or more: "weeks", "help", "line", "park"), minus the given names the
  de-identifier knows ("hope", "mark"): the allowlist lets these through in lower case, where they are far more
  often the ordinary word than a name;
- ``other_drugs.txt``: the other drug names above, for the de-identifier only (a brand, not a person), never for the
  allowlist, which passes only the common drugs: DrugBank's brand names meet people's names ("Makena", "Corwin")
  that no list here can catch all of;
- ``drugs.txt``: the drug names alone (generic and brand, ordinary words too): a word written with a capital where
  no sentence starts passes the allowlist only if it is one of these or another word people capitalise
  ("Tylenol", "Monday").

Run after ``apt-get install wamerican wbritish wamerican-large wbritish-large``:
``python scripts/build_vocabulary.py --medical PATH/medicalterms-en.txt.gz --drugs PATH/drug_ner_dictionary.pkl.bz2
--wordfreq PATH/large_en.msgpack.gz --nam-dict PATH/nam_dict.txt --census PATH/names`` (``npm pack
@cspell/dict-medicalterms``, ``pip download --no-deps drug-named-entity-recognition wordfreq gender-guesser`` and
``pip download --no-deps --no-binary :all: names==0.3.0`` give them; reading wordfreq's file needs
``msgpack``, a build-time tool only).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import pickle
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "healthviz_desktop" / "data" / "vocabulary"
DICT = Path("/usr/share/dict")
_WORD = re.compile(r"[a-z][a-z0-9]*(?:['\-][a-z0-9]+)*")


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def english() -> set[str]:
    words: set[str] = set()
    for name in ("american-english", "british-english"):
        for w in _lines(DICT / name):
            if w[:1].islower() and not w.endswith("'s"):
                words.add(w)
    return words


def proper_nouns(ordinary: set[str], *, ambiguous: bool = False) -> set[str]:
    """Lower-cased proper nouns of SCOWL 70: those that are no ordinary word, or (``ambiguous``) those that are."""
    out: set[str] = set()
    for name in ("american-english-large", "british-english-large"):
        for w in _lines(DICT / name):
            if w[:1].isupper() and not w.endswith("'s") and not w.isupper():
                low = w.casefold()
                if (low in ordinary) == ambiguous and _WORD.fullmatch(low):
                    out.add(low)
    return out


def medical(path: Path, names: set[str]) -> set[str]:
    raw = gzip.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".gz" else path.read_text("utf-8")
    out = set()
    for line in raw.splitlines():
        w = line.split("#")[0].strip()
        if w.isupper() and len(w) >= 3 and w.isalnum():
            out.add(w.casefold())  # an acronym ("NMDA", "MRSA"); two letters could be someone's initials
            continue
        if not w or w[:1].isupper():
            continue  # capitalised entries are eponyms, places and institutions: never on their own
        low = w.casefold()
        if _WORD.fullmatch(low) and low not in names:
            out.add(low)
    return out


def medical_source(path: Path) -> set[str]:
    """Every lower-case one-word entry of the medical list, ordinary words included."""
    raw = gzip.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".gz" else path.read_text("utf-8")
    words = (line.split("#")[0].strip() for line in raw.splitlines())
    return {w for w in words if w and not w[:1].isupper() and _WORD.fullmatch(w)}


def drugs(path: Path, names: set[str]) -> set[str]:
    data = pickle.loads(bz2.decompress(path.read_bytes()))  # our own build step on a file we chose, never at run time
    common = {c for c, d in data["drug_canonical_to_data"].items() if "medline_plus_id" in d or "nhs_url" in d}
    out = set()
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        # a combination ("ibuprofen/paracetamol": Combiflam, Symbicort) counts when each of its drugs does
        if not any(c in common or ("/" in c and set(c.split("/")) <= common) for c in canonicals):
            continue
        w = variant.casefold()  # one word only: multi-word variants carry makers' names ("hexal, fenofibrat")
        if _WORD.fullmatch(w) and len(w) > 3 and w not in names:
            out.add(w)
    return out


def other_drugs(path: Path, exclude: set[str]) -> set[str]:
    """One-word names (six letters or more) of the drugs DrugBank or MeSH knows beyond ``drugs``' common ones, none
    of whose hyphenated parts is in ``exclude`` (names, places, ordinary words, given names): the brands and local
    names people write ("Synthroid", "NovoRapid", "Marvelon", "tilidine"). Shorter ones are left out, where the
    brand lists meet given names of other languages ("Hana", "Sona"), and so is any name the name lists hold."""
    data = pickle.loads(bz2.decompress(path.read_bytes()))  # our own build step on a file we chose
    known = {c for c, d in data["drug_canonical_to_data"].items() if "drugbank_id" in d or "mesh_id" in d}
    out = set()
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        w = variant.casefold()
        if len(w) > 5 and _WORD.fullmatch(w) and any(c in known for c in canonicals) \
                and not ({w} | set(w.split("-"))) & exclude:
            out.add(w)
    return out


def people_names(nam_dict: Path, census: Path) -> set[str]:
    """First names of nam_dict.txt (columns 4-29, '+' where a space or hyphen may be written; '#' and '=' lines are
    comments and pairs) and every name of the Census files in ``census`` (``dist.*``: the name, then figures)."""
    out: set[str] = set()
    for line in nam_dict.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#=":
            name = line[3:29].strip().casefold()
            out |= {name.replace("+", joint) for joint in ("", "-")}
    for path in sorted(census.glob("dist.*")):
        out |= {line.split()[0].casefold() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return {_fold(n) for n in out}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _shipped(*files: str) -> set[str]:
    """Words of lists already shipped (the gazetteer, built from these lists in turn): empty before the first build."""
    return set().union(*((OUT / f).read_text("utf-8").split() if (OUT / f).exists() else [] for f in files))


def frequent(path: Path, min_zipf: float) -> set[str]:
    """English words at or above a Zipf frequency in wordfreq's data (a cBpack: bins of words, one centibel each)."""
    import msgpack  # build time only

    bins = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)[1:]
    return {w for i, words in enumerate(bins) if 9 - i / 100 >= min_zipf for w in words}


def _given_names() -> set[str]:
    import tomllib

    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    return {w.casefold() for w in lex["first_names"] + lex["ambiguous_first_names"]}


def write(name: str, words: set[str]) -> None:
    (OUT / name).write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{name}: {len(words):,} words")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--medical", type=Path, required=True, help="medicalterms-en.txt.gz from the npm package")
    parser.add_argument("--drugs", type=Path, required=True, help="drug_ner_dictionary.pkl.bz2 from the wheel")
    parser.add_argument("--wordfreq", type=Path, required=True, help="large_en.msgpack.gz from the wordfreq wheel")
    parser.add_argument("--nam-dict", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    parser.add_argument("--census", type=Path, required=True, help="the folder of the names sdist's dist.* files")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    ordinary = english()
    given = _given_names()
    # a brand drug is a proper noun in SCOWL ("Tylenol"): a drug, unless it is also a given name ("Ella")
    names = proper_nouns(ordinary) - (drugs(args.drugs, given) - given)
    name_words = proper_nouns(ordinary, ambiguous=True)
    med = (medical(args.medical, names) | drugs(args.drugs, names)) - ordinary
    write("english.txt", ordinary)
    write("names.txt", names)
    write("name_words.txt", name_words)
    write("medical.txt", med)
    write("medical_name_words.txt", (name_words & medical_source(args.medical)) - given)
    write("drugs.txt", drugs(args.drugs, names))
    # (the gazetteer's towns as shipped: build_gazetteer.py leaves out any town these lists hold, so a drug that is
    # a town would drop the town from it)
    people = people_names(args.nam_dict, args.census)
    write("other_drugs.txt", other_drugs(args.drugs, names | ordinary | given | name_words | people
                                         | _shipped("places.txt", "place_words.txt")) - med)
    write("common_name_words.txt", (name_words & frequent(args.wordfreq, 5.0)) - given)


if __name__ == "__main__":
    main()
