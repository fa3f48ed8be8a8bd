"""Build data/vocabulary/foreign_words.txt: everyday words of the languages people mix into an English journal, so
the de-identifier reads "Hausarzt", "Glicemia" or "Wärmflasche" as a word of another language, not as a name
(issue 15, round four).

Source: wordfreq 3.1.1's frequency lists (``{small,large}_<lang>.msgpack.gz`` in its wheel; CC BY-SA 4.0; Robyn
Speer; data from Wikipedia, OpenSubtitles, Google Books, Reddit, Twitter, news and other sources). For each
language below, the words at or above a Zipf frequency of 3.5 (roughly, three times in a million words), of four letters
or more, lower case, without diacritics; minus anything that is a name the app knows (``names.txt``, the
lexicon's given names), a town of the gazetteer (``places.txt``), an English word or a medical or drug word (those
lists already cover them), and minus every word met in English text more than rarely (English Zipf 1.4 or more):
wordfreq stores words lower-cased, so a given name cannot be told from a noun by its capital, but names of every
language turn up in English text (news, Wikipedia) where the everyday nouns of other languages mostly do not.

The English-frequency test misses given names rarely met in English text ("tuğba", "sinem", "orsolya", "annemieke":
2,531 were in the list until issue 15's round eleven; 2,331 of them are taken out). So every given name of Jörg
Michael's ``nam_dict.txt`` (some 48,000 first names of 54 countries with their frequency in each, 2008; GNU FDL 1.2
or later; as the ``gender-guesser`` 0.4.0 wheel packages it, PyPI) is taken out too, unless it is an everyday word
of its language (Zipf 4.5 or more) and a rare name everywhere (frequency 3 or less of 13 in every country): "ennen",
"kerana", "nhieu" stay words; "huyen", "sevgi", "tugba" go. Nothing of ``nam_dict.txt`` is shipped: it only takes
words out.

Run: ``python scripts/build_foreign_words.py --wordfreq-data PATH/wordfreq/data --names PATH/nam_dict.txt``
(``pip download --no-deps wordfreq msgpack gender-guesser`` and unzip the wheels; reading the files needs
``msgpack``, a build-time tool only). Run it after build_vocabulary.py and build_gazetteer.py: it reads their lists.
"""

from __future__ import annotations

import argparse
import gzip
import re
import tomllib
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "healthviz_desktop" / "data" / "vocabulary"
# the languages of the people who write in English as a second language, or mix words in (wordfreq's codes)
LANGUAGES = ("de", "nl", "fr", "es", "pt", "it", "pl", "sv", "nb", "da", "fi", "tr", "id", "ms", "fil", "vi", "ro",
             "cs", "hu", "ca")
MIN_ZIPF = 3.5
# a word never met in English text at all (English Zipf 0) is taken from a lower frequency: "übelkeit", "gesäß",
# "hooikoorts" (issue 15, round seven; names of other languages are mostly met in English text, see below)
MIN_ZIPF_UNSEEN_IN_ENGLISH = 3.0
# a word met in English text at least this often (Zipf) is left out: names are ("zbigniew" 2.2, "łukasz" 1.5),
# the nouns of other languages mostly are not ("hausarzt" 0, "schmerzen" 0, "termin" 1.2)
MAX_ENGLISH_ZIPF = 1.4
# a given name stays in the list only as an everyday word (at least this Zipf in one of the languages) that is a
# rare name (at most this of nam_dict's 13 frequency steps, in every country)
MIN_ZIPF_NAME_AS_WORD = 4.5
MAX_NAME_FREQUENCY_AS_WORD = 3
_HEX = "123456789ABCD"
_PLAIN = re.compile(r"[a-z][a-z'\-]*[a-z]")


def ascii_fold(text: str) -> str:
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c)).replace("’", "'").replace("ł", "l")


def zipf(path: Path) -> dict[str, float]:
    import msgpack  # build time only

    bins = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)[1:]
    return {w: 9 - i / 100 for i, words in enumerate(bins) for w in words}


def given_names(path: Path) -> dict[str, int]:
    """nam_dict.txt's first names, folded, with their highest frequency (1-13) in any country. A line is the
    gender in columns 1-2, the name in 4-29 ('+' where a space or hyphen may be written), then one frequency
    digit (hexadecimal) per country; lines starting with '#' are comments, with '=' pairs of equivalent names."""
    names: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        top = max((_HEX.index(c) + 1 for c in line[30:] if c in _HEX), default=0)
        for spelling in {line[3:29].strip().replace("+", joint) for joint in ("", "-", " ")}:
            folded = ascii_fold(spelling)
            names[folded] = max(names.get(folded, 0), top)
    return names


def read_list(name: str) -> set[str]:
    return set((OUT / name).read_text(encoding="utf-8").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordfreq-data", type=Path, required=True, help="the wordfreq/data folder of its wheel")
    parser.add_argument("--names", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    args = parser.parse_args()
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    given = {ascii_fold(w) for w in lex["first_names"] + lex["ambiguous_first_names"]}
    known = read_list("names.txt") | read_list("places.txt") | read_list("english.txt") | read_list(
        "medical.txt") | read_list("drugs.txt") | read_list("name_words.txt") | given
    english = zipf(args.wordfreq_data / "large_en.msgpack.gz")
    in_english = {ascii_fold(w) for w, z in english.items() if z >= MAX_ENGLISH_ZIPF}
    seen_in_english = {ascii_fold(w) for w in english}
    words: set[str] = set()
    best: dict[str, float] = {}
    for lang in LANGUAGES:
        path = args.wordfreq_data / f"large_{lang}.msgpack.gz"
        if not path.exists():
            path = args.wordfreq_data / f"small_{lang}.msgpack.gz"
        found = set()
        for w, z in zipf(path).items():
            folded = ascii_fold(w)
            if z >= MIN_ZIPF or (z >= MIN_ZIPF_UNSEEN_IN_ENGLISH and folded not in seen_in_english):
                found.add(folded)
                best[folded] = max(best.get(folded, 0.0), z)
        words |= {w for w in found if len(w) >= 4 and _PLAIN.fullmatch(w)}
    words -= known | in_english
    names = given_names(args.names)
    words -= {w for w in words if w in names and not (
        best[w] >= MIN_ZIPF_NAME_AS_WORD and names[w] <= MAX_NAME_FREQUENCY_AS_WORD)}
    (OUT / "foreign_words.txt").write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"foreign_words.txt: {len(words):,} words")


if __name__ == "__main__":
    main()
