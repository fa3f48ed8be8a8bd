"""Round fourteen of issue 15: a name found once goes wherever the entry says it again. A rule finds a person, a
place or an employer where the sentence shows one ("my sister Ngozi rang", "Nurse Ama came", "moved to Kiama"); the
same word later in the entry ("Then Ama left", "Kiama pharmacy") is the same one, though nothing around it says so.
In lower case only a given name of the lexicon's list goes again ("then ama left", "a mai tai" stay: in lower case a
word is as likely one of another language); a word that is also an ordinary word ("Rose", "Black") only with its
capital, and at the start of a sentence only before what a person says or does ("Rose brought soup"; "Black stools
again", "Will try" stay); a place's ordinary words never ("Eye" of "St John's Eye Hospital"); nor a word beside a
drug or before a model or a dose ("Acamol, Etopan", "Medtronic 780G": a product a first rule took for a name). The
rest of a name beside one kept goes too: a capitalised word (session twenty-three) and, since session twenty-eight,
an acronym no list knows ("Dhaka EPZ", "LAC+USC"; not a clinical, care or generic acronym, a form's next field nor
someone's role before their name). Plain code called on the resolver's spans, shared by the fast de-identifier and
the reference one.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cap_groups import unpossessive
from healthviz_desktop.core.prompting.deid_run_context import DETERMINERS, ROLE_WORDS
from healthviz_desktop.core.prompting.deid_sites import GENERIC_ACRONYMS
from healthviz_desktop.core.prompting.deid_things import SPEAKING, USE_VERBS, calendar_words
from healthviz_desktop.core.prompting.deid_words import _unknown_acronym
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, WordLists, fold, word_lists

_KINDS = frozenset(("name", "place", "employer"))
_WORD = re.compile(r"(?<![\w'’\-])[^\W\d_][\w'’\-]*")


@lru_cache(maxsize=1)
def _never() -> frozenset[str]:
    """Words inside a name's span that are not the name: titles and relations ("Dr", "aunt")."""
    lex = P.lexicon()
    return lex.titles | lex.relations | frozenset(("and", "the", "of", "de", "da", "van", "von", "al", "el", "bin"))


def repeated_names(text: str, kept: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Every other place the entry writes a word of a person's, a place's or an employer's name the resolver kept
    (``kept``: (kind, start, end), every span it kept) outside those spans, as (kind, start, end) candidates."""
    kinds: dict[str, str] = {}  # each word of a name, folded, and the kind of name it is part of
    spelled: set[str] = set()  # the words as written ("Trần"; ``kinds`` has them folded, "tran")
    lists, lex = word_lists(), P.lexicon()
    for kind, s, e in kept:
        if kind not in _KINDS:
            continue
        for word in (unpossessive(m.group()) for m in _WORD.finditer(text, s, e)):
            f = fold(word)
            if len(word) < 3 or not word[:1].isupper() or f in _never():
                continue
            if kind != "name" and _ordinary(f, lists, lex):
                continue  # "Eye" of "St John's Eye Hospital": a place's ordinary word is no one's name
            kinds.setdefault(f, kind)
            spelled.add(word)
    listed = _listed_between_names(text, kept, lists, lex)
    # said again at all? (most names are said once in an entry: then there is nothing to compile)
    lowered = text.lower()
    written = {w.lower() for w in spelled}
    if not any(lowered.count(w) > 1 for w in written) and not any(
            f in lowered for f in kinds if f not in written):  # ("Tran" for "Trần")
        return listed
    forms = spelled | set(kinds)
    said = re.compile(r"(?<![\w'’\-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) +
                      r")(?=['’]s?(?![\w\-])|(?![\w'’\-]))", re.IGNORECASE)
    taken = sorted((s, e) for _kind, s, e in kept)  # (they never overlap: the resolver's choice)
    starts = [a for a, _b in taken]
    out: list[tuple[str, int, int]] = []
    for m in said.finditer(text):
        word, f = m.group(), fold(m.group())
        k = bisect.bisect_right(starts, m.start())
        if f not in kinds or (k and taken[k - 1][1] > m.start()) or (k < len(taken) and taken[k][0] < m.end()):
            continue
        capital = word[:1].isupper() and not word.isupper()
        ordinary = _ordinary(f, lists, lex)
        if not capital and (ordinary or f not in lex.first_names):
            continue  # "the rose bush", "AMA" (against medical advice), "mai tai", a word of another language
        if ordinary and _opens_sentence(text, m.start()) and not _speaks(text, m.end()):
            continue  # "Dr Black said rest. Black stools again", "Will try": the capital is the sentence's
        if _beside_a_product(text, m.start(), m.end()):
            continue  # "Acamol, Etopan", "Medtronic 780G": a product the first rule took for a name
        out.append((kinds[f], m.start(), m.end()))
    return out + listed


# session twenty-two: "Sam, Bec and Tash": one capitalised word listed between two names found is a name too
# (a word in capitals there is a credential: "Kenji Watanabe-Ross, MD, Vancouver General")
_BETWEEN = re.compile(r"\s*,\s*(?P<w>[A-Z][a-z][\w'’\-]*)(?:\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")


def _listed_between_names(text: str, kept: list[tuple[str, int, int]], lists: WordLists,
                          lex: P.Lexicon) -> list[tuple[str, int, int]]:
    """The capitalised word in "A, X and B" (or "A, X, B") where the resolver kept A and B as names, and those of a
    list that ends with a kept name ("- Sam, Bec and B", "Sam and B"), unless it is a word the lexicon knows, a drug
    or an English word no name list holds ("Sam, Dad and Tash" leaves "Dad")."""

    def listable(f: str) -> bool:
        return f not in lex.not_name and f not in lex.known_words and f not in lists.drugs and not (
            f in lists.english and f not in lists.name_words and not lists.is_name(f))

    names = sorted((s, e) for kind, s, e in kept if kind == "name")
    out: list[tuple[str, int, int]] = []
    for (_s, a_end), (b_start, _e) in pairwise(names):
        m = _BETWEEN.fullmatch(text, a_end, b_start)
        if m is not None and listable(fold(m.group("w"))):
            out.append(("name", m.start("w"), m.end("w")))
    for b_start, _e in names:
        m = _LIST_BEFORE.search(text, max(0, b_start - 80), b_start)
        if m is None:
            continue
        words = list(_LISTED_WORD.finditer(text, m.start(), m.end()))
        before = text[max(0, m.start() - 20):m.start()].split()
        bought = bool(before) and (fold(before[-1]) in _THINGS_BEFORE or before[-1][-1:].isdigit())
        # (a list with a thing in it is not all people, nor one after "took", "the" or "ordered": "ordered Sporlac
        # and Cyclopam", where the last may be a brand read as a name)
        if not bought and all(listable(fold(w.group())) for w in words):
            out += [("name", w.start(), w.end()) for w in words]
    return out


# a list of capitalised words before "and" and a name ("Sam, Bec and [Tash]", "Sam and [Tash]")
_LIST_BEFORE = re.compile(r"(?<![\w'’\-])(?:[A-Z][a-z][\w'’\-]*\s*,\s*)*[A-Z][a-z][\w'’\-]*\s*(?:,\s*)?(?:and|&)\s+$")
_LISTED_WORD = re.compile(r"[A-Z][a-z][\w'’\-]*")
_THINGS_BEFORE = USE_VERBS | DETERMINERS | frozenset(str.split("of ordered order got get gets buy buying bought some "
                                                                 "my his her their our your"))


def beside_kept(text: str, kept: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
                ) -> list[tuple[str, int, int]]:
    """A capitalised word right beside a capitalised name, place or employer kept (``kept``), mid-sentence, that is
    no title, relation, role, month, drug or word the lexicon knows and that no rule's candidate (``found``) covers:
    the rest of that name ("Services [Hospital]", "at Sharp [Memorial]"), which the rules reading words one by one
    left as an everyday word. (A word another candidate covers is left to the resolver's choice: taking it as a
    name would block a longer place that holds it.)"""
    lists, lex = word_lists(), P.lexicon()
    covered = sorted((s, e) for _k, s, e in found)
    out: list[tuple[str, int, int]] = []
    for kind, s, e in kept:
        if kind in _KINDS or kind == "private":
            out += _acronyms_beside(text, s, e, "place" if kind == "private" else kind, covered)
        if kind not in _KINDS or not text[s:s + 1].isupper():  # (beside a capitalised name only: "lên" is a verb)
            continue
        before = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if before is not None and _rest_of_a_name(fold(before.group(1)), lists, lex, opening=True) \
                and not _opens_sentence(text, before.start(1)) and not _covered(covered, *before.span(1)):
            out.append((kind, before.start(1), before.end(1)))
        after = _WORD_AFTER.match(text, e)
        if after is not None and _rest_of_a_name(fold(after.group(1)), lists, lex) \
                and not _covered(covered, *after.span(1)):
            out.append((kind, after.start(1), after.end(1)))
    return out


def _acronyms_beside(text: str, start: int, end: int, kind: str, covered: list[tuple[int, int]]
                     ) -> list[tuple[str, int, int]]:
    """An acronym no word list knows right beside a name, place or employer kept, or a private term: the rest of
    that name ("GMC [Patiala]", "[Dhaka] EPZ"); not a clinical or generic one ("[Sharp Memorial] ER", "NHS"), a
    form's next field ("DOB") nor someone's role before their name ("my TL [Jericho]")."""
    out, cues = [], P.lexicon().cue_words
    before = _ACRONYM_BEFORE.search(text, max(0, start - 12), start)
    if before is not None and _OWNER_BEFORE.search(text, max(0, before.start(1) - 8), before.start(1)):
        before = None  # "my TL [Jericho]", "her PA [Chelsea]": someone's role before their name
    for m in (before, _ACRONYM_AFTER.match(text, end)):
        if m is not None and _unknown_acronym(m.group(1)) and m.group(1) not in GENERIC_ACRONYMS \
                and m.group(1).casefold() not in cues \
                and m.group(1).casefold() not in _FIELD_ACRONYMS \
                and not _covered(covered, *m.span(1)):
            out.append((kind, *m.span(1)))  # (not a form's next field: "Mr. [NGUYEN VAN AN] DOB")
    return out


# capitals alone, Latin, Cyrillic or Greek ("QMC", "ЦГКБ", "ΑΠΘ"), a space or a "+" from the name ("LAC+USC")
_ACRONYM_BEFORE = re.compile(r"(?<![\w'’\-&.])([A-ZА-ЯЁΑ-Ω]{2,6})[ +]$")
# a form's fields and the numbers people carry, by their acronyms: what follows a name on a form, not its rest
_FIELD_ACRONYMS = frozenset(str.split("dob nok addr ssn mrn nhs nric fin ur urn hn chi pps ihi ehic tfn sin ni nino "
                                      "bsn pesel amka"))
_OWNER_BEFORE = re.compile(r"\b(?i:my|his|her|our|your|their)\s+$")
_ACRONYM_AFTER = re.compile(r"[ +]([A-ZА-ЯЁΑ-Ω]{2,6})(?![\w'’\-&])")


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_WORD_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][a-z][\w’\-]*) $")
_WORD_AFTER = re.compile(r" ([A-Z][a-z][\w’\-]*)(?![\w'’\-])")


def _rest_of_a_name(f: str, lists: WordLists, lex: P.Lexicon, *, opening: bool = False) -> bool:
    """Whether a capitalised word beside a name may be the rest of it: not a title, relation, role, month, drug,
    medical word, word the lexicon knows nor the kind of place it is ("Hospital", "Hospitals" stay). Capitalised
    mid-sentence right before a name (``opening``), a word the lexicon knows opens it too: "at Good [Samaritan]",
    "Central [Middlesex]", "Sharp [Grossmont] ER" (session twenty-six: 11 identifiers more on the held-out bodies and 5
    on the tuning data, without private terms; no keep item lost)."""
    known = not opening and (f in lex.not_name or f in lex.known_words)
    return len(f) > 2 and f not in _never() and not known \
        and f not in COMMON_PROPER and f not in calendar_words() and f not in lists.drugs and f not in lists.medical \
        and f not in ROLE_WORDS and unpossessive(f).removesuffix("s") not in lex.facility_words


def _ordinary(folded: str, lists: WordLists, lex: P.Lexicon) -> bool:
    """An ordinary, medical or everyday word ("rose", "eye", "park"), as well as someone's name."""
    return folded in lists.english or folded in lists.medical or folded in lex.not_name or folded in lex.known_words


_MODEL = re.compile(r"(?=[\w\-]*\d)(?=[\w\-]*[^\W\d_])[\w\-]+")  # letters and digits: "780G", "G7", "400mg"
_NEXT_WORD = re.compile(r"['’]?s?\s+([a-z]+)")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].rstrip()
    return not before or before[-1] in ".!?:;\n\"“(•*-–—"


def _speaks(text: str, end: int) -> bool:
    """Whether what follows is what a person says or does ("Rose brought soup", "Hope rang")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) in SPEAKING


_PREV = re.compile(r"([^\W\d_][\w'’\-]*)[\s,;/&+]+$")
_NEXT = re.compile(r"[\s,;/&+]+(\S+)")


def _beside_a_product(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands beside a drug or medical word ("Acamol, Etopan") or before a model
    or a dose ("Medtronic 780G", "Etopan 400")."""
    before = _PREV.search(text, max(0, start - 40), start)
    after = _NEXT.match(text, end)
    if after and _MODEL.fullmatch(after.group(1).strip(".,;:!?)")):
        return True  # (not "Ama 3 days off": a count)
    lists = word_lists()
    for m in (before, after):
        if m is not None:
            f = fold(m.group(1).strip(".,;:!?"))
            if f in lists.drugs or f in lists.medical:
                return True
    return False


def rest_pieces(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``text[lo:hi]`` (the rest of a name past a private term) outside the ``taken`` spans, each
    trimmed to its letters and digits and longer than one character: "Văn Minh" of "Trần Văn Minh" when "Trần" is a
    private term's and a town's name was taken from the middle of the rest."""
    pieces, pos = [], lo
    for a, b in sorted(taken):
        if b <= pos or a >= hi:
            continue
        pieces.append((pos, max(pos, a)))
        pos = max(pos, b)
    pieces.append((pos, hi))
    out = []
    for a, b in pieces:
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        # (a piece between two spans taken out is kept to its capitals: "on" of "[EMPLOYER] on [ADDRESS]" stays)
        if b - a > 1 and (len(pieces) == 1 or any(c.isupper() or c.isdigit() for c in text[a:b])):
            out.append((a, b))
    return out
