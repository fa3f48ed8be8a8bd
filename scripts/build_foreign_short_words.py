"""Build data/vocabulary/foreign_short_words.txt (issue 15, session thirty-two): the short everyday words of other
languages, two or three letters, written as their language writes them ("un", "ya", "sé", "nie", "δεν", "что"):
a sentence's first word that is one of them is that language's word, not a name ("Un poco mejor hoy", "Nie mogę
spać", "Δεν κοιμήθηκα").

``foreign_words.txt`` and ``foreign_start_words.txt`` (build_foreign_words.py) leave out every word under four
letters, and fold the diacritics away; a short word folded is too often someone's name ("Noé" is no Norwegian "noe").
So this list keeps each word's own spelling, lower case, and the de-identifier looks a capitalised word up as
written.

Source: wordfreq 3.1.1's frequency lists, as build_foreign_words.py reads them, for its languages and Greek, Russian,
Ukrainian and Bulgarian. A word is taken when:
- it is frequent in its language (Zipf ``MIN_ZIPF`` or more: the function words, "un", "za", "και");
- it is far more frequent there than in English text (``MIN_GAP`` Zipf steps or more: "un" 6.7 in French, 4.6 in
  English; "die" is no such word, 5.1 in English);
- it is no word of the English, medical or drug lists, no common proper noun ("mon", "thu"), no title, relation
  or word of the lexicon;
- it is no name or town the app knows and no first name of Jörg Michael's ``nam_dict.txt`` (see
  build_foreign_words.py), unless it is one of its language's most common words (Zipf ``NAME_AS_WORD_ZIPF`` or
  more): "un", "ya" and "de" are given names somewhere, "si" and "che" proper nouns of the English lists, and each is
  met a thousand times in a million words of Spanish, French or Italian. Never a first name given in Great Britain,
  Ireland or the U.S.A. ("Eli", "Jo", "Kay"), nor one the name lists miss that a held-out set showed going out
  ("Sem").

Run: ``python scripts/build_foreign_short_words.py --wordfreq-data PATH/wordfreq/data --names PATH/nam_dict.txt``
(the wheels as build_foreign_words.py says); after build_vocabulary.py and build_gazetteer.py.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from build_foreign_words import LANGUAGES, OUT, ascii_fold, given_names, read_list, zipf

from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER

# Latin-script languages as build_foreign_words.py reads them, and the Greek and Cyrillic ones people write in
SHORT_LANGUAGES = (*LANGUAGES, "el", "ru", "uk", "bg")
MIN_ZIPF = 5.0
MIN_GAP = 1.5
NAME_AS_WORD_ZIPF = 6.0
# given names the name lists miss, which held-out set G showed going out as words of another language (the
# lexicon's note on its known words: "Sem heeft me naar huis gebracht"), and their like
SEEN_AS_NAMES = frozenset(("sem", "joon", "tak", "nak", "este", "dor", "sal"))


def english_speaking_names(path: Path) -> set[str]:
    """The first names of nam_dict.txt given at all in Great Britain, Ireland or the U.S.A. (its first three
    frequency columns, 31-33): "Eli", "Jo", "Kay" open an English sentence as names, whatever else they are."""
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#=" and line[30:33].strip():
            names.add(ascii_fold(line[3:29].strip().replace("+", " ")))
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordfreq-data", type=Path, required=True, help="the wordfreq/data folder of its wheel")
    parser.add_argument("--names", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    args = parser.parse_args()
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    lexicon_words = {ascii_fold(w) for key in ("first_names", "ambiguous_first_names", "known_words", "titles",
                                               "relations", "not_name") for w in lex.get(key, [])}
    words_known = read_list("english.txt") | read_list("medical.txt") | read_list("drugs.txt") | read_list(
        "name_words.txt") | lexicon_words | COMMON_PROPER
    names_known = read_list("names.txt") | read_list("given_names.txt") | read_list("places.txt")
    english = zipf(args.wordfreq_data / "large_en.msgpack.gz")
    people = given_names(args.names)
    english_names = english_speaking_names(args.names) | SEEN_AS_NAMES
    words: set[str] = set()
    for lang in SHORT_LANGUAGES:
        path = args.wordfreq_data / f"large_{lang}.msgpack.gz"
        if not path.exists():
            path = args.wordfreq_data / f"small_{lang}.msgpack.gz"
        for w, z in zipf(path).items():
            folded = ascii_fold(w)
            if not (2 <= len(w) <= 3 and w.isalpha()) or z < MIN_ZIPF or z - english.get(w, 0.0) < MIN_GAP:
                continue
            if folded in words_known or w in words_known or folded in english_names or (
                    (folded in people or folded in names_known) and z < NAME_AS_WORD_ZIPF):
                continue
            words.add(w)
    (OUT / "foreign_short_words.txt").write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"foreign_short_words.txt: {len(words):,} words")


if __name__ == "__main__":
    main()
