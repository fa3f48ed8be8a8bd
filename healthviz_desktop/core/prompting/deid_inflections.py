"""The case forms of a private term's name in the languages that inflect names (issue 15, round ten, set J's second
look: the term "Jelena", the text "sestri Jeleni"): Serbian, Croatian, Bosnian, Slovene, Czech, Slovak, Polish,
Russian and Ukrainian written in Latin letters give a name its case endings ("Jelenu", "Jeleni", "Annę", "Ivanom",
"Tomaszowi"). The person model matches them where they read as a name, never where they are an ordinary word
("Vera" gives no "very", "Rosa" no "rosy"). Plain code shared by the fast de-identifier and the reference one.
"""

from __future__ import annotations

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import word_lists

# endings of a name that ends in -a ("Jelena", "Anna", "Olga") and of one that ends in a consonant ("Ivan", "Tomasz")
_AFTER_A = ("e", "i", "u", "y", "ou", "oj", "om", "ę", "ą", "ej", "ji", "ju")
_AFTER_CONSONANT = ("a", "u", "om", "e", "em", "ovi", "owi", "y", "iem", "ie", "ov", "ow")
_VOWELS = frozenset("aeiouy")


def inflections(word: str) -> list[str]:
    """The case forms of a capitalised name of four letters or more, casefolded, minus any word a list knows."""
    if len(word) < 4 or not word.isalpha() or not word[:1].isupper():
        return []
    low = word.casefold()
    if low.endswith("a"):
        forms = [low[:-1] + e for e in _AFTER_A]
    elif low[-1] not in _VOWELS:
        forms = [low + e for e in _AFTER_CONSONANT]
    else:
        return []
    lists, lex = word_lists(), P.lexicon()
    return [f for f in dict.fromkeys(forms)
            if f != low and not (lists.is_word(f) or f in lex.known_words or f in lex.not_name)]
