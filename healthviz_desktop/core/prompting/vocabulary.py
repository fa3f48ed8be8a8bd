"""The word lists the app ships (data/vocabulary/, sources and licences in its SOURCES.md), loaded once.

Shared by the outbound allowlist (allowlist.py), which lets through only words from them, and the
de-identifier's name rules (deid_context.py), which take a token that is none of them for a name where the
context says so. Light on purpose (``re`` and the resources module only): ``healthviz deidentify`` loads it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from healthviz_desktop.core.resources import read_text

# Proper nouns that are no one's name or address: days, months, holidays, languages and peoples, religions.
# SCOWL lists them with the names; here they are ordinary words.
COMMON_PROPER = frozenset(str.split("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun
mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends medicare medicaid nhs
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
lunes martes miércoles miercoles jueves viernes sábado sabado domingo lundi mardi mercredi jeudi vendredi samedi
dimanche
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
christmas xmas easter ramadan eid diwali hanukkah passover thanksgiving halloween lent advent
english british american canadian australian irish scottish welsh french german spanish italian portuguese
dutch polish greek russian chinese japanese korean indian pakistani african european asian latin arabic
hindi urdu punjabi bengali hebrew swedish norwegian danish finnish turkish persian mexican brazilian
christian muslim jewish hindu buddhist sikh catholic protestant anglican islam judaism
god internet covid
"""))


_PREFIXES = frozenset(str.split("pre post non re anti self semi over under co mid ex sub inter intra extra"))


@dataclass(frozen=True)
class WordLists:
    english: frozenset[str]  # ordinary English words, lower case (SCOWL 50)
    medical: frozenset[str]  # medical terms and drug names, lower case
    names: frozenset[str]  # proper nouns that are no ordinary word: given names, surnames, places
    name_words: frozenset[str]  # ordinary words that are also names ("rose", "long", "baker")
    medical_name_words: frozenset[str] = frozenset()  # name words the medical list has too ("arm", "colon")
    drugs: frozenset[str] = frozenset()  # drug names, generic and brand ("tylenol", "ibuprofen")
    common_name_words: frozenset[str] = frozenset()  # name words among the most frequent words ("weeks", "help")
    # brand and foreign drug names beyond the common ones ("synthroid", "novorapid"), in ``medical`` and ``drugs`` for
    # the de-identifier (a brand, not a person); the allowlist leaves them out, since some are people's names too
    other_drugs: frozenset[str] = frozenset()
    # clinical_words.txt (session thirty-three): everyday clinical words of other languages ("ból", "tos",
    # "kurzatmig") and the English health words the other lists lack ("norovirus"), in ``medical`` for the
    # de-identifier; the allowlist leaves them out, as it does ``other_drugs``
    foreign_clinical: frozenset[str] = frozenset()

    def is_word(self, folded: str) -> bool:
        """An ordinary or medical word (casefolded), or a common proper noun ("monday", "english"). A word with
        diacritics counts as itself, or as an ordinary English word without them ("cafe"), never as a medical
        term without them: "Ọlá" is no "ola"."""
        if not folded.isascii():
            return folded in self.english or folded in self.medical or fold(folded) in self.english
        if "-" in folded and folded not in self.english and folded not in self.medical:  # "post-op", "pre-bolused"
            parts = [p for p in folded.split("-") if p]
            return bool(parts) and (parts[0] in _PREFIXES or all(self.is_word(p) for p in parts))
        return folded in self.english or folded in self.medical or folded in COMMON_PROPER

    def is_name(self, folded: str) -> bool:
        """A proper noun of the gazetteer that is no ordinary, medical or common proper word."""
        return folded in self.names and folded not in COMMON_PROPER

    def is_plain_word(self, folded: str) -> bool:
        """A medical word, or an ordinary word that is no one's name: never a name on its own ("Nurtec", "Hgb",
        "Tired"), where "Rose" or "Baker" could be."""
        if not folded.isascii():
            return self.is_word(folded) and fold(folded) not in self.name_words
        if "-" in folded and folded not in self.english and folded not in self.medical:  # (not "solu-medrol")
            parts = [p for p in folded.split("-") if p]
            return bool(parts) and (parts[0] in _PREFIXES or all(self.is_plain_word(p) for p in parts))
        return folded in self.medical or (folded in self.english and folded not in self.name_words) \
            or folded in COMMON_PROPER


def _words(name: str) -> frozenset[str]:
    return frozenset(read_text(f"vocabulary/{name}").split())


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    # (and the brands sold where people write from, session thirty-two: read as other_drugs.txt is)
    other = _words("other_drugs.txt") | _words("brands.txt")
    # (given_names.txt: the names SCOWL's proper nouns lack, session twenty-nine)
    names = _words("names.txt") | _words("given_names.txt")
    clinical = _words("clinical_words.txt")
    return WordLists(english=_words("english.txt"), medical=_words("medical.txt") | other | clinical, names=names,
                     name_words=_words("name_words.txt"), medical_name_words=_words("medical_name_words.txt"),
                     drugs=_words("drugs.txt") | other, common_name_words=_words("common_name_words.txt"),
                     other_drugs=other, foreign_clinical=clinical)


@dataclass(frozen=True)
class Gazetteer:
    """Towns and cities of GeoNames (scripts/build_gazetteer.py): what each list means is said there."""

    places: frozenset[str]  # one-word place names that are no English, medical or drug word ("campbelltown")
    place_words: frozenset[str]  # one-word place names that are uncommon English words ("chinchilla")
    phrases: frozenset[str]  # place names of two or three words ("box hill")
    # towns of ``places`` whose name is an everyday word of another language ("crema", "nyeri"; session thirty-three)
    everyday: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(places=_words("places.txt"), place_words=_words("place_words.txt"),
                     everyday=_words("everyday_town_names.txt"),
                     phrases=frozenset(line.strip() for line in read_text("vocabulary/place_phrases.txt").splitlines()
                                       if line.strip()))


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """Everyday words of other languages people mix into an English journal (scripts/build_foreign_words.py), lower
    case without diacritics: "hausarzt", "schmerzen", "remedio". Read the first time a rule needs it."""
    return _words("foreign_words.txt")


@lru_cache(maxsize=1)
def foreign_town_words() -> frozenset[str]:
    """The words of ``foreign_words()`` that are also a town's or a district's name ("kadikoy", "piatek", a village):
    capitalised, no word of another language (scripts/build_foreign_words.py, round nineteen)."""
    return _words("foreign_town_words.txt")


@lru_cache(maxsize=1)
def foreign_start_words() -> frozenset[str]:
    """Everyday words of other languages also met in English text now and then, yet far more often in their own
    ("kepala", "masuk", "teste"): a word of that language where it opens a sentence (scripts/build_foreign_words.py,
    session twenty-four)."""
    return _words("foreign_start_words.txt")


@lru_cache(maxsize=1)
def drug_given_names() -> frozenset[str]:
    """The drug lists' words that are first names too ("allegra", "tobi"; scripts/build_brands.py): after "with" a
    listed drug is a product, never one of these."""
    return _words("drug_given_names.txt")


@lru_cache(maxsize=1)
def foreign_short_words() -> frozenset[str]:
    """The words of two or three letters other languages write most ("un", "ya", "nie", "δεν"), lower case and
    spelled as their language spells them ("sé" is a word, "Noé" no "noe"): a word of that language where it opens a
    sentence (scripts/build_foreign_short_words.py, session thirty-two)."""
    return _words("foreign_short_words.txt")


@lru_cache(maxsize=1)
def listed_eponyms() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Medical eponyms and the nouns they are used with (scripts/build_eponyms.py, session thirty-two), by the first
    run of letters of their name: "kennedy" → (("kennedy", ("disease", "ulcer")),). A name only, never a person's,
    before one of its nouns: "Kennedy's disease", "Mohs surgery", "Webster pack"."""
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for line in read_text("vocabulary/eponym_nouns.txt").splitlines():
        name, _, nouns = line.partition("\t")
        first = re.match(r"[^\W\d_]+", name)
        if first and nouns:
            by_first.setdefault(first.group(), []).append((name, tuple(nouns.split(","))))
    return {k: tuple(v) for k, v in by_first.items()}


def key(word: str) -> str:
    """Casefolded with straight apostrophes, diacritics kept: how a word is looked up in the lists."""
    return word.casefold().replace("’", "'")


# letters no Unicode decomposition takes to a-z, folded as scripts/build_*.py fold them ("Głogów" → "glogow",
# "læge" → "laege", "ağrı" → "agri"; round nineteen)
_LETTERS = str.maketrans({"ł": "l", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ı": "i"})


def fold(word: str) -> str:
    """Casefolded and without diacritics ("Zoë" → "zoe", "Ménière" → "meniere"), apostrophes straight."""
    w = word.casefold().replace("’", "'")
    if w.isascii():
        return w
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)).translate(_LETTERS)


def has_case(word: str) -> bool:
    """Whether a word is written in a script with capitals ("Fallas", "fallas"; not "春节", "ফাল্গুন")."""
    return any(c.isupper() or c.islower() for c in word)
