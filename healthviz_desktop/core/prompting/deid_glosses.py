"""Round thirteen of issue 15 (set M's first look): a word of another language that the writer translates in
brackets is a word, not a name. People writing English as a new language gloss the words of their own that they
mix in: "Kebdi (stomach) pain after injera", "Jilibka (knee) both sides", "Xew (sleep) very bad". No list can hold
every word of Tigrinya, Somali or Kurmanji, but the gloss says what the word is.

A gloss that names a person, an animal or a place says the opposite ("Hemi (my son)", "Biscuit (the dog)", "Bilal
(pharmacy)", "Nico (me)"), so the gloss must be one plain English word that is none of those, and the word must
open a sentence or follow an article (mid-sentence a capital names someone: "Then Oksana (tired) came"). Glosses of
two words or more ("Dahri (my back)", "Tsome (fasting season)") were tried and taken back: across the unread sets
one was a name glossed by two plain words. Plain code called from deid_names.py, so the fast de-identifier and the
reference one share it as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import word_lists

# the gloss right after the word: one lower-case word in brackets (the pattern reads up to four to tell)
_GLOSS = re.compile(r"[ \t]*\([ \t]*"
                    r"(?P<g>[a-z][a-z'’\-]*(?:[ \t]+[a-z][a-z'’\-]*){0,3})[ \t]*\)")

# words that make a gloss say who or where rather than what (the lexicon's relations and titles are added; "my"
# stays: "Dahri (my back)")
_NOT_A_MEANING = frozenset(str.split("""i me myself mine we us ours you yours he she him her his hers they them
    theirs who whom one ones guy guys lady ladies man men woman women boy boys girl girls kid kids person people
    folks family name named called nickname
    dog dogs cat cats pup puppy kitten horse pony bird parrot pet bunny rabbit hamster fish goat cow
    pharmacy chemist reception desk work job office shop store church mosque temple gurdwara synagogue gym school
    uni university college class team club crew shift ward clinic hospital surgery practice centre center site farm
    home house flat upstairs downstairs door street road town city village country group council agency charity
    daycare nursery library hall camp station boat ship base unit army navy company firm boss owner
    student grad trainee intern resident fellow locum temp starter senior junior lead leader head chief member staff
    worker patient client visitor volunteer admin cleaner driver chef cook officer tech technician assistant porter
    guard agency new preceptor preceptee mentor mentee sponsor coordinator lecturer professor rn cna pca hca lpn
    np pa md do dr"""))


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    lex = P.lexicon()
    return _NOT_A_MEANING | frozenset(lex.relations) | frozenset(lex.titles) | frozenset(lex.facility_words) \
        | frozenset(lex.school_words)


def glossed(text: str, end: int) -> bool:
    """The word ending at ``end`` is followed by its meaning in brackets, in plain English that names no one and no
    place: "Kebdi (stomach)", "Tsome (fasting season)"; not "Hemi (my son)", "Bilal (pharmacy)"."""
    m = _GLOSS.match(text, end)
    if m is None:
        return False
    lists, person = word_lists(), _person_words()
    words = [w.replace("’", "'") for w in m.group("g").split()]
    if len(words) > 1:
        return False  # one word: "(knee)"; two plain words can describe a person ("my preceptor") as well as a thing
    return all(lists.is_word(w) and w not in person and w.rstrip("s") not in person for w in words)

