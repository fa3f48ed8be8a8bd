"""Text written With Every Word Capitalised, as some voice typing and some phones write it, or IN CAPITALS (issue
15, session twenty-five: set W's dictated entries): "Today One Forty Two BP One Thirty Over Eighty Five Mother Is
Tired". A capital there says nothing, and runs of capitalised ordinary words read as names ("[NAME] Thirty Over
Eighty Five"). Such a text is read with its ordinary words in lower case (a surname that is a word too, "Prior",
"Street", is read as the word: here nothing tells them apart), the same length so every offset stays; given names,
the words the lists know only as names, and words no list knows keep their capital. A text in capitals is read in
sentence case the same way. Since session twenty-six a sentence in Title Case inside an ordinary entry is read so
too ("…said journal it. Today Dr Ruiz BP One Thirty Over Eighty Five."), when it holds prose's small words ("Is",
"Over", "The"): a pasted letter's line of names and places has none. Since session thirty-three a run of two to four
words in capitals inside an ordinary entry or a short line, as a pasted label, form or message writes a name, is
read in sentence case when it holds a name ("Dear AMA SERWAA,", "Patient: JOHN SMITH DOB", "CIPOLLA, GIANNA"); a
run of acronyms and words ("NO ACUTE FINDINGS", "Dx: DM, HTN") stays as written. Plain code shared by the fast
de-identifier and the reference one.
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
# six words in Title Case running (written to start at a capital, the word's start checked behind it: several times
# faster than a leading "\b" on ordinary text, which most texts are)
_CAPITAL_RUN = re.compile(r"[A-Z](?<![\w'’][A-Z])[a-z'’]+[ ,]+(?:[A-Z][a-z'’]+[ ,]+){4}[A-Z][a-z]")
# (the small words prose is made of, capitalised: dictation's sign; a list of names and places has none of them)
_SMALL_WORD = re.compile(r"\b(?:The|And|Is|Are|Was|Were|To|Of|In|On|At|With|For|From|My|She|He|It|We|They|Her|His"
                         r"|Our|So|Not|Had|Has|Have|Been|This|That|But|Me|Him|Them|Very|Did|Do|Just|Over|Up|Out|Off|After|Before"
                         r"|Again|Today|Still|Then|All|Some|Now|Too|Said|Went|Got)\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_SHARE = 0.8  # of its words of two letters or more: what a sentence or two in ordinary case never reach


def title_case_read(text: str) -> str:
    """``text`` with its ordinary words lower-cased where nearly every word starts with a capital, the whole text
    or one of its sentences; ``text`` itself (the same object) where none does."""
    if len(_CAPITAL_START.findall(text)) < _SHARE * len(_LETTER_START.findall(text)):
        text = _names_in_capitals(text)
        if not _CAPITAL_RUN.search(text):
            return text  # (most texts: a cheap count of words starting with a capital, at C speed, says so)
        # (one sentence dictated in Title Case inside an ordinary entry: "…said journal it. Today Dr Ruiz BP One
        # Thirty Over Eighty Five.")
        read = text
        for m in _SENTENCE.finditer(text):
            sentence = m.group()
            if len(_CAPITAL_START.findall(sentence)) >= _SHARE * len(_LETTER_START.findall(sentence)) \
                    and len(_SMALL_WORD.findall(sentence)) >= 2:  # (not a pasted letter's "Clinic, Douglas Road, Cork")
                done = _title_read(sentence, capitals=False)
                if done is not sentence:
                    read = read[:m.start()] + done + read[m.end():]
        return read if read != text else text
    read = _title_read(text, capitals=True)
    return _names_in_capitals(text) if read is text else read  # (a short line: "Patient: JOHN SMITH DOB")


# session thirty-three: two to four words in capitals inside an ordinary entry, as a pasted label, form or message
# writes a name ("Dear AMA SERWAA,", "Patient: JOHN SMITH DOB", "RAHMAN, SHAHANA")
_CAPS_RUN = re.compile(r"(?<!\w)(?<!\w['’])[A-Z]{2,}(?:,? [A-Z]{2,}){1,3}(?![\w'’])")
_CREDENTIAL_AFTER = re.compile(r", [A-Z]{2}\Z")


def _names_in_capitals(text: str) -> str:
    """``text`` with each run of words in capitals that holds a name read in sentence case (as ``_capitals_read``
    reads a text in capitals, see ``_run_word``), so the name rules see "Dear Ama Serwaa," and "Patient: John Smith
    Dob"; a run of words the lists know otherwise ("NO ACUTE FINDINGS", "MRI LEFT KNEE") stays as written."""
    read = text
    for m in _CAPS_RUN.finditer(text):
        run = _CREDENTIAL_AFTER.sub("", m.group())  # ("RUTH ANN KOWALCZYK, NP": her credential)
        words = _CAPS.findall(run)
        # (not a run with an initial or a particle of two letters, "NGUYEN VAN AN", "REYES, MA": the patient
        # rules read those as written)
        if len(words) > 1 and any(_name_like(w) for w in words) and all(len(w) > 2 for w in words):
            read = read[:m.start()] + _CAPS.sub(_run_word, run) + read[m.start() + len(run):]
    return read


def _run_word(m: re.Match[str]) -> str:
    """A word of a run in capitals that holds a name: an ordinary English word that is no name in lower case, any
    other word with its first letter a capital ("AMA SERWAA" read "Ama Serwaa": a given name that is an acronym
    too)."""
    w = m.group()
    f, lists, lex = w.casefold(), word_lists(), P.lexicon()
    if f in lists.english and f not in lists.name_words and not lists.is_name(f) and f not in lex.first_names \
            and f not in lex.ambiguous_first_names:
        return f  # (not a surname that is a word too: "TAN KOK LEONG", "JOHN SMITH")
    return w[0] + f[1:]


def _name_like(word: str) -> bool:
    """A word in capitals of three letters or more that is a name the lists know ("SMITH", "GIANNA", "LIM"), or,
    of five or more with two vowels, no word of any list ("SERWAA"): an acronym no list knows is short or has
    hardly any vowel ("HTN", "TNBC", "GMFCS", "UHID"), and two capitals are an acronym ("RA", "PO")."""
    lists, lex, f = word_lists(), P.lexicon(), word.casefold()
    if len(f) < 3:
        return False
    if lists.is_name(f) or f in lex.first_names:
        return True
    return len(f) > 4 and len(_VOWELS.findall(f)) >= 2 and not lists.is_word(f) and f not in foreign_words() \
        and f not in lex.ambiguous_first_names


_VOWELS = re.compile(r"[aeiouy]")


def _title_read(text: str, *, capitals: bool) -> str:
    words = [m for m in _WORD.finditer(text) if len(m.group()) > 1]
    if len(words) < _MIN_WORDS:
        return text
    if capitals and sum(m.group().isupper() for m in words) >= _SHARE * len(words):
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
