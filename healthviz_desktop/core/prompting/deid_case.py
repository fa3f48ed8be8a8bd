"""Text written With Every Word Capitalised, as some voice typing and some phones write it, or IN CAPITALS (issue
15, session twenty-five: set W's dictated entries): "Today One Forty Two BP One Thirty Over Eighty Five Mother Is
Tired". A capital there says nothing, and runs of capitalised ordinary words read as names ("[NAME] Thirty Over
Eighty Five"). Such a text is read with its ordinary words in lower case (a surname that is a word too, "Prior",
"Street", is read as the word: here nothing tells them apart), the same length so every offset stays; given names,
the words the lists know only as names, and words no list knows keep their capital. A text in capitals is read in
sentence case the same way. Plain code shared by the fast de-identifier and the reference one.
"""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import foreign_words, word_lists

_WORD = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Za-z][a-z'’]*")
_CAPS = re.compile(r"[A-Z]{2,}")
_CAPITAL_START = re.compile(r"\b[A-Z][A-Za-z]")
_LETTER_START = re.compile(r"\b[A-Za-z][A-Za-z]")
_MIN_WORDS = 8  # (a short line, "Call Mum Re Meds", or a pasted form's fields, "Pt: TAUTAHI M. DOB", say too little)
_SHARE = 0.8  # of its words of two letters or more: what a sentence or two in ordinary case never reach


def title_case_read(text: str) -> str:
    """``text`` with its ordinary words lower-cased when nearly every word starts with a capital; ``text`` itself
    (the same object) otherwise."""
    if len(_CAPITAL_START.findall(text)) < _SHARE * len(_LETTER_START.findall(text)):
        return text  # (most texts: a cheap count of words starting with a capital, at C speed, says so)
    words = [m for m in _WORD.finditer(text) if len(m.group()) > 1]
    if len(words) < _MIN_WORDS:
        return text
    if sum(m.group().isupper() for m in words) >= _SHARE * len(words):
        return _capitals_read(text)
    if sum(m.group().istitle() for m in words) < _SHARE * len(words):
        return text  # (words in capitals are no sign of it: "Patient: FAIZAL BIN OSMAN DOB" is a form's fields)
    lists, lex = word_lists(), P.lexicon()
    out = list(text)
    previous = ""
    for m in words:
        w = m.group()
        f = w.casefold()
        if w[0].isupper() and lists.is_word(f) and not lists.is_name(f) and f not in lex.first_names \
                and f not in lex.ambiguous_first_names and previous not in lex.titles:  # ("Doctor Bishop")
            out[m.start()] = w[0].lower()
        previous = f
    return "".join(out)


def _capitals_read(text: str) -> str:
    """TEXT WRITTEN IN CAPITALS read in sentence case: an ordinary or medical word in lower case, any other word
    with its first letter a capital ("TITA BABY SAID ... WENT TO WESTMEAD" read "Tita Baby said ... went to
    Westmead"); the same length."""
    lists, lex, foreign = word_lists(), P.lexicon(), foreign_words()
    out = list(text)
    for m in _CAPS.finditer(text):
        w = m.group()
        f = w.casefold()
        if (lists.is_word(f) or f in foreign) and not lists.is_name(f) and f not in lex.first_names \
                and f not in lex.ambiguous_first_names:
            out[m.start():m.end()] = f  # (a word of another language too: "SAKIT NG TIYAN", a stomach ache)
        elif len(w) > 2:  # (two capitals no list knows stay an acronym: "NG", "KO")
            out[m.start() + 1:m.end()] = f[1:]
    return "".join(out)
