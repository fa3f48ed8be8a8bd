"""A name given twice, the second time in brackets, and a person named by the bracket after them (issue 15, round
ten, from set J's second look): "Dr. Wang (王建国)", "Sota (颯太)", "Giorgi (Gio)", "Mum (Linda)", "Halmeoni
(Park Soon-ja, 93)" — the bracket after a name or a family word holds the same person's name in another script,
a nickname or a full name, with an age after a comma; "Bank (my husband)" — a word before a bracket that says
who the person is to the writer is their name, even a word English has; and a name in a script without capitals
right after who the person is ("my wife سلامة said"), which no capital shows; and the words of an Arabic or Hebrew
name that join it ("Abu Hanna", "Umm Ahmad", "CHU Ibn Rochd", "Daliyat al-Karmel"): a name found goes out with them.
Plain code called after every other rule (it reads the candidates found so far), shared by the fast
de-identifier and the reference one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cued import _FAMILY, READING_WORDS, ROLE_WORDS, ROLES
from healthviz_desktop.core.prompting.deid_run_context import TIME_WORDS
from healthviz_desktop.core.prompting.deid_things import USE_FOR
from healthviz_desktop.core.prompting.vocabulary import fold, has_case, key, word_lists

Add = Callable[[tuple[str, int, int]], None]

# one to three words in a bracket, up to a comma or the closing bracket: "(王建国)", "(Gio)", "(Park Soon-ja, 93)"
_IN_BRACKET = re.compile(r"\s*\(\s*(?P<n>[^\W\d_][\w'’\-]*(?:[ \-][^\W\d_][\w'’\-]*){0,2})\s*(?P<end>[,)])")
_AGE_AFTER = re.compile(r",\s*(?P<a>9\d|1[0-4]\d)\s*\)")
# a word right before a bracket ("Mum (", "Halmeoni ("), read back from the bracket (a speed gate: most texts hold
# few brackets and many words)
_WORD_BEFORE = re.compile(r"(?<![\w'’\-])(?P<w>[^\W\d_][\w'’\-]*)\s*\Z")
# "Bank (my husband)", "Ploy (our neighbour's daughter)": the bracket says who the person is; since round seventeen
# also without "my" and before a comma ("Chase (trainer) made me", "Bông (my daughter, 4) fever")
_WHO = re.compile(r"(?<![\w'’\-])(?P<n>[^\W\d_][\w'’\-]*)\s*\(\s*(?:(?P<my>my|her|his|our|their)\s+"
                  r"(?:[\w'’\-]+\s+)?)?(?P<r>[a-z\-]+)\s*[),]")
# an age closing a bracket ("6)", "4 yrs)"), and a name with a child's age alone in its bracket ("Hope (8) passed",
# "Hunter (12) - ear infection"; session twenty-eight: not "Panadol (2)", "Round (3)", "BMI (30)")
_AGE_CLOSES = re.compile(r"\s*\d{1,2}\s*(?:y|yo|yrs?|years?|m|mo|months?)?\s*\)")
_CHILD_AGED = re.compile(r"(?<![\w'’\-])(?P<n>[A-Z][a-z][\w'’\-]*)\s*\(\s*(?:1[0-7]|[1-9])\s*"
                         r"(?:y|yo|yrs?|years?)?\s*\)")
_ITEM_START = re.compile(r"(?:\A|[.!?:;,\n(]|\A[-•*]|\n[-•*])\s*\Z")
_ROLE = re.compile(rf"(?i:{ROLES})")
# the words that join an Arabic or Hebrew name, before it ("Abu ", "umm ", "Ibn ", "bint ") or after it
# (" al-Karmel", " el-Sayed", " ibn Rushd", " ben Ami")
_JOIN_BEFORE = re.compile(r"(?<![\w'’\-])(?i:abu|umm|ibn|bint|bin)\s$")
# "Dr. Tamam", "Mrs. Tudo": after a title and its full stop, a word the lists call no name but no ordinary word
# either is a surname all the same (the capitalised-run rules stop at the full stop and skip such words)
_TITLES_DOT = ("Dr.", "Mr.", "Mrs.", "Ms.", "Mx.", "Prof.", "Fr.", "Rev.", "Mgr.", "Sra.", "Srta.")  # its speed gate
_TITLE_DOT = re.compile(r"(?<![\w'’])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Fr|Rev|MUDr|Mgr|Sra|Srta)\.\s+(?P<n>[A-Z][\w'’\-]+)")
# "Abu Mustafa", "Umm Ahmad", "ibn gabirol": a kunya or a nasab names whoever follows, in any case
_KUNYA = re.compile(r"(?<![\w'’\-])(?P<k>(?i:abu|umm|ibn|bint))\s+(?P<n>[^\W\d_][\w'’\-]*)")
_JOIN_AFTER = re.compile(r"(?:\s|-)(?i:al|el|ibn|bin|bint|ben|bat|abu)[\s\-][A-Z][\w'’\-]*")
_SPACED_SCRIPT = re.compile(r"[\u0590-\u08ff\u0900-\u0dff]")
# "Tita Baby", "Kuya Boy", "Auntie Girlie": a pet name that is a family word or an everyday word, capitalised right
# after a family word, is that person's name (session twenty-six; as the Philippines' nicknames are)
_PET_NAME_AFTER_FAMILY = re.compile(r"\b(?i:tita|tito|kuya|ate|lola|lolo|manang|manong|aunty|auntie|aunt|uncle|tia|tio|"
                                    r"nana|nanny|gran|granny|grandma|grandpa|cousin)\s+(?P<n>(?=[A-Z])(?i:baby|boy|girl|"
                                    r"girlie|junior|bunny|pinky|bebe|bong|dodong|inday|neneng|totoy|sweetie|honey)\b)")
_PET_NAME_GATE = re.compile(r"\b(?:Baby|Boy|Girl|Jun|Bunny|Pinky|Bebe|Bong|Honey|Inday|Dodong|Neneng|Totoy|Sweetie)")
_RELATION_THEN = re.compile(r"(?<![\w'’])(?i:my|her|his|our|their)\s+(?P<r>[a-z\-]+)\s+"
                            r"(?P<n>[^\W\d_][^\s\d,.;:!?()\[\]]*)")


def _known(word: str, *, english: bool = True) -> bool:
    """A word a list knows as no name: an ordinary English word no one is named, a drug, a clinical word, a
    family word, a role, a relation ("(Neuro)", "(Dad)", "(Advil)"); not a nickname ("(Gio)", "(Bill)")."""
    f = fold(word)
    lists, lex = word_lists(), P.lexicon()
    e = f if word.isascii() else key(word)  # a word with diacritics is English only as itself ("Bông" is no "bong")
    return (f in lists.drugs or f in _FAMILY or f in lex.relations or f in lex.known_words or f in lex.not_name
            or bool(_ROLE.fullmatch(f)) or (english and e in lists.english and e not in lists.name_words)
            or (not english and f in lists.medical))  # ("(Nurofen Junior)"; a short "(Gio)" is in the medical list)


def _reads_as_name(words: str) -> bool:
    """A bracket's words are a name: written in a script without capitals ("王建国", "سلامة"), or capitalised
    words no list knows, not an acronym ("(GP)", "(TCM)")."""
    first = words.split()[0].split("-")[0]
    if not has_case(first):
        return True
    if len(words.split()) > 1 and all(w[:1].isupper() and not w.isupper() for w in words.split()) \
            and not _known(first, english=False):
        return True  # a full name: "(Lo Pak-keung, 92)", whatever its first word means in English (not "(LSVT LOUD)")
    return first[0].isupper() and not first.isupper() and not _known(first)


def _names_kin(words: str) -> bool:
    """One capitalised word in a bracket right after a family word or a relation is that person's name, even one
    a list knows as a month or another language's word ("Mum (June)", "landlord (Gord)"; session twenty-eight): not
    a drug, a clinical word, a role, a relation, a title, a place's kind, a day or an ordinary English word ("Dad
    (Retired)", "Mum (Hospital)")."""
    lists, lex = word_lists(), P.lexicon()
    f = fold(words)
    return words[:1].isupper() and not words.isupper() and " " not in words and f not in lists.drugs \
        and f not in lists.medical and f not in _FAMILY and f not in lex.relations and f not in lex.titles \
        and f not in lex.facility_words and not _ROLE.fullmatch(f) and (f not in TIME_WORDS or f in P.MONTH_WORDS) \
        and (f not in lists.english or f in lists.name_words)


def after_names(text: str, found: list[tuple[str, int, int]], add: Add) -> None:
    """Names in a bracket after a name or a family word, a name before a bracket saying who it is, a name in a
    script without capitals after who it is. Call it after every other rule: it reads the names found."""
    lex = P.lexicon()
    _joined_words(text, found, add)
    for m in _PET_NAME_AFTER_FAMILY.finditer(text) if _PET_NAME_GATE.search(text) else ():
        add(("name", m.start("n"), m.end("n")))  # (the pet name alone: the family word stays)
    for m in _TITLE_DOT.finditer(text) if any(t in text for t in _TITLES_DOT) else ():
        f = fold(m.group("n"))
        if f in lex.not_name and not (word_lists().is_plain_word(f) or f in lex.relations or f in lex.titles
                                      or f in TIME_WORDS):
            add(("name", m.start("n"), m.end("n")))
    if not text.isascii():
        for m in _RELATION_THEN.finditer(text):
            # (words apart: Hebrew, Arabic and Indian scripts; not Chinese or Japanese, where "很累" is a phrase)
            if _SPACED_SCRIPT.match(m.group("n")) and (m.group("r") in lex.relations or m.group("r") in _FAMILY):
                add(("name", m.start("n"), m.end("n")))
    if "(" not in text:
        return
    before_brackets = _words_before_brackets(text)
    anchors = [(e, False) for cat, _, e in found if cat in ("name", "private")]
    for start, end in before_brackets:
        if fold(text[start:end]) in _FAMILY or fold(text[start:end]) in lex.relations:
            anchors.append((end, True))
    for end, kin in anchors:
        bracket = _IN_BRACKET.match(text, end)
        if bracket and (_reads_as_name(bracket.group("n")) or (kin and _names_kin(bracket.group("n")))):
            add(("name", bracket.start("n"), bracket.end("n")))
            age = _AGE_AFTER.match(text, bracket.start("end")) if bracket.group("end") == "," else None
            if age:
                add(("age", age.start("a"), age.end("a")))
    for m in filter(None, (_WHO.match(text, start) for start, _end in before_brackets)):
        relation, name = m.group("r"), m.group("n")
        f = fold(name)
        # the forms since round seventeen (no "my", or a comma after the relation) say whose a drug, a symptom or a
        # reading is as often ("Sertraline (GP)", "Calpol (my son, 3)", "Fever (my daughter, 4)", "Covid
        # (colleague)"): there only a word no list knows is a name
        wider = not m.group("my") or m.group().endswith(",")
        # (but "my daughter, 6" after a word says a child is named, even a word English has: "Favour (my daughter,
        # 6)"; session twenty-eight)
        aged = bool(m.group("my")) and m.group().endswith(",") and _AGE_CLOSES.match(text, m.end()) is not None \
            and f not in USE_FOR and f not in READING_WORDS  # (not "Fever (my daughter, 4)", "Weight (my son, 3)")
        if (relation in lex.relations or relation in _FAMILY or (not m.group("my") and relation in ROLE_WORDS)) \
                and (name[0].isupper() or not has_case(name)) and f not in _FAMILY and f not in lex.relations \
                and (_initial(text, m.start("n"), m.end("n")) or (not name.isupper()
                     and not (wider and ((_known(name) and not aged) or _known(name, english=False))))):
            add(("name", m.start("n"), m.end("n")))
    for m in _CHILD_AGED.finditer(text):
        if not _known(m.group("n")) and not _known(m.group("n"), english=False):
            add(("name", m.start("n"), m.end("n")))


def _words_before_brackets(text: str) -> list[tuple[int, int]]:
    """Where the word right before each opening bracket is ("Mum (June)": "Mum"), in order."""
    out, bracket = [], text.find("(")
    while bracket >= 0:
        m = _WORD_BEFORE.search(text, max(0, bracket - 200), bracket)
        if m is not None:
            out.append(m.span("w"))
        bracket = text.find("(", bracket + 1)
    return out


def _initial(text: str, start: int, end: int) -> bool:
    """One capital letter standing for the person, as people write a child's or a client's name, where a sentence,
    a line or a list's item starts: "K (our foster son, 11) started" (session twenty-seven; never "I", never a
    letter after its word: "Hep C (my brother)", "Vitamin D (my GP)")."""
    letter = text[start:end]
    return len(letter) == 1 and letter.isupper() and letter != "I" \
        and _ITEM_START.search(text, max(0, start - 8), start) is not None


def _joined_words(text: str, found: list[tuple[str, int, int]], add: Add) -> None:
    """A name or a place found, with the words that join it to the rest of an Arabic or Hebrew name."""
    lists, lex = word_lists(), P.lexicon()
    lower = text.lower()
    for m in _KUNYA.finditer(text) if any(w in lower for w in ("abu", "umm", "ibn", "bint")) else ():
        f = fold(m.group("n"))
        if not (lists.is_plain_word(f) or f in lex.not_name or f in lex.known_words) or (
                m.group("n")[0].isupper() and f not in lex.not_name and f not in lex.known_words):
            add(("name", m.start(), m.end()))
    for cat, start, end in list(found):
        if cat not in ("name", "private", "place", "town"):
            continue
        before = _JOIN_BEFORE.search(text, max(0, start - 5), start)
        after = _JOIN_AFTER.match(text, end)
        if before or after:
            kind = cat if cat != "private" else "name"
            add((kind, before.start() if before else start, after.end() if after else end))
