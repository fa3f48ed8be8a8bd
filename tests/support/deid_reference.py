"""Reference implementation of healthviz_desktop/core/prompting/deidentify.py: the plain, unoptimised detector
(as of commit ebd51bd), kept so tests/test_deid_equivalence.py can prove the optimised one returns exactly the
same spans. A change in WHAT is found is made here and in deidentify.py alike (then the golden spans are
regenerated on purpose); a change in how fast it is found is made in deidentify.py only."""


from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from healthviz_desktop.core.prompting.deid_addresses import take_house_numbers
from healthviz_desktop.core.prompting.deid_ages import ages_after_names, repeated_ages
from healthviz_desktop.core.prompting.deid_brackets import after_names
from healthviz_desktop.core.prompting.deid_case import title_case_read
from healthviz_desktop.core.prompting.deid_codes import take_number_parts
from healthviz_desktop.core.prompting.deid_composed import composed_terms, find_composed
from healthviz_desktop.core.prompting.deid_cued import cued_candidates
from healthviz_desktop.core.prompting.deid_day_words import take_weekdays
from healthviz_desktop.core.prompting.deid_logs import log_candidates
from healthviz_desktop.core.prompting.deid_paired import paired_candidates
from healthviz_desktop.core.prompting.deid_repeats import beside_kept, repeated_names, rest_pieces
from healthviz_desktop.core.prompting.deid_said import not_an_id
from healthviz_desktop.core.prompting.deid_signals import ascii_digits
from healthviz_desktop.core.prompting.deid_sites import leave_care_places
from healthviz_desktop.core.prompting.deidentify import join_running_dates
from healthviz_desktop.core.prompting.vocabulary import listed_eponyms
from tests.support import deid_reference_context as C
from tests.support import deid_reference_groups as G
from tests.support import deid_reference_names as N
from tests.support import deid_reference_patterns as P
from tests.support import deid_reference_person as R
from tests.support import deid_reference_words as W

PLACEHOLDERS = {
    "name": "[NAME]", "private": "[PRIVATE]", "place": "[PLACE]", "address": "[ADDRESS]", "date": "[DATE]",
    "age": "[AGE]", "phone": "[PHONE]", "fax": "[FAX]", "email": "[EMAIL]", "url": "[URL]", "ip": "[IP]",
    "id": "[ID]", "employer": "[EMPLOYER]", "school": "[SCHOOL]",
}
CATEGORY_LABELS = {
    "name": "a person's name", "private": "one of your private terms", "place": "a place",
    "address": "an address", "date": "a date", "age": "an age over 89", "phone": "a phone number",
    "fax": "a fax number", "email": "an e-mail address", "url": "a web address", "ip": "an IP address",
    "id": "an ID-like number", "employer": "an employer", "school": "a school",
}
# Higher wins when two findings overlap.
# "id" is an identifier after a cue ("MRN:"); "number" a bare long number, which a date, phone or
# address explains better when they overlap. Both come out as [ID].
# a blood pressure written without "BP" ("128/82", "141/93"): systolic over diastolic, never an ID
_BLOOD_PRESSURE = re.compile(r"(?:[7-9]\d|1\d\d|2[0-5]\d)/(?:[3-9]\d|1[0-5]\d)"
                             r"|\d{1,3}/\d{1,4}"  # a strength ("co-codamol 30/500"); dates are found as dates
                             r"|\d{2,3}s(?:-\d{2,3}s)?"  # "180s-220s"
                             r"|\d(?:-\d){2,}")  # "5-4-3-2-1" (a grounding exercise)
_PRIORITY = {"email": 90, "url": 85, "ip": 80, "private": 75, "id": 70, "date": 65, "fax": 62, "phone": 60,
             "address": 55, "age": 50, "school": 45, "employer": 44, "place": 40, "number": 35, "name": 30,
             # deid_cued.py's kinds: a town inside a name is the name ("Niamh Dunmore"); a time ("at 9h") and a
             # code ("RR0047729") are a date and an ID that no clinical shape nearby cancels, and that yield to a
             # phone, an address or an ID found whole ("(555) 010-8685", "2217 Alvarado St", "ZZZ0032")
             "town": 29, "time": 50, "code": 54}
# Candidates of these kinds are dropped where they overlap clinical text (a dose, a lab value, "7/10").
_SOFT = {"name", "place", "town", "date", "id", "number", "age", "employer", "school", "address", "phone", "fax"}
_SHOWN = {"number": "id", "town": "place", "time": "date", "code": "id"}  # the kind a span goes out as
_WRAPS = {"name", "place", "town", "address", "employer", "school", "id", "date"}  # "user rashid.r.1964" goes out whole
Add = Callable[[tuple[str, int, int]], None]
Word = tuple[str, int, int]
_PUNCT = ".,;:!?\"'“”‘’()[]{}<>*•–—-"
# the de-identifier's placeholders and the allowlist's ([WORD], [NUMBER]): text that is already taken out
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join([*(p[1:-1] for p in PLACEHOLDERS.values()), "WORD", "NUMBER"]) + r")\]")


@dataclass(frozen=True)
class Span:
    """One identifier found in a text: its kind and where it is (``text[start:end]``)."""

    category: str
    start: int
    end: int
    text: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.category]

    def to_dict(self) -> dict[str, object]:
        return {"category": self.category, "start": self.start, "end": self.end, "text": self.text,
                "placeholder": self.placeholder}


@dataclass(frozen=True)
class Deidentified:
    text: str
    spans: tuple[Span, ...]  # positions in the original text


def deidentify(text: str, private_terms: Sequence[str] = ()) -> Deidentified:
    spans = find_identifiers(text, private_terms)
    out: list[str] = []
    pos = 0
    for span in spans:
        out.append(text[pos:span.start])
        out.append(span.placeholder)
        pos = span.end
    out.append(text[pos:])
    return Deidentified("".join(out), tuple(spans))


def find_identifiers(text: str, private_terms: Sequence[str] = (), *, typed: bool = True) -> list[Span]:
    """Every identifier in ``text``, sorted, never overlapping.

    Fast on long texts: one pass for words and one for digit runs, then each costly pattern runs only
    where a cheap sign says it could match (an "@", a month name, a cue word, a cluster of digits)."""
    # (text with combining marks is read composed, its spans mapped back: deid_composed.py)
    terms = composed_terms(private_terms)
    return find_composed(text, lambda t, _skip: _find_written(t, terms, typed), _placed)


def _placed(span: Span, start: int, end: int, written: str) -> Span:
    return replace(span, start=start, end=end, text=written)


def _find_written(text: str, private_terms: Sequence[str], typed: bool) -> list[Span]:
    original, text = text, ascii_digits(text)  # "۱۴۰۲/۱۲/۰۵" read as "1402/12/05" (same offsets)
    text = title_case_read(text)  # "Mother Is Tired" read "Mother is tired" (same offsets; deid_case.py)
    spans = _find(text, private_terms, typed=typed)
    if text is original:
        return spans
    return [replace(s, text=original[s.start:s.end]) for s in spans]


def _find(text: str, private_terms: Sequence[str], *, typed: bool) -> list[Span]:
    lex = P.lexicon()
    folded = text.casefold()
    words = {w.strip(_PUNCT) for w in folded.split()}  # for cheap "could this pattern match" tests
    words.update([G.bare(w) for w in words if "'" in w or "’" in w])
    n = len(text)
    found: list[tuple[str, int, int]] = []
    add = found.append

    def scan(rx: re.Pattern[str], cat: str, lo: int = 0, hi: int = n, group: str | int = 0) -> None:
        for m in rx.finditer(text, lo, hi):
            add((cat, m.start(group), m.end(group)))

    def near(keys: frozenset[str], before: int, after: int) -> list[tuple[int, int]]:
        if keys.isdisjoint(words):
            return []
        return _merge([(max(0, m.start() - before), min(n, m.end() + after)) for m in P.WORD.finditer(text)
                       if G.bare(m.group()) in keys])

    if "@" in text:
        scan(P.EMAIL, "email")
    if "://" in text or "www." in folded or P.TLD_GATE.search(text):
        scan(P.URL, "url")
    if P.HEX_COLON_GATE.search(text):
        for m in P.IPV6.finditer(text):
            v = m.group()
            if v.count(":") >= 3 and (re.search("[a-fA-F]", v) or "::" in v) and len(v) > 4:
                add(("ip", m.start(), m.end()))
        scan(P.MAC, "id")
    for lo, hi in _digit_windows(text):
        scan(P.IPV4, "ip", lo, hi)
        scan(P.SSN, "id", lo, hi)
        _phones(text, add, lo, hi)
        for rx in P.NUMERIC_DATES:
            scan(rx, "date", lo, hi, "d" if "d" in rx.groupindex else 0)
        for rx in P.AGE_PATTERNS:
            scan(rx, "age", lo, hi)
        scan(lex.person_age, "age", lo, hi, "d")
        _number_ids(text, add, lo, hi)
        scan(P.BIRTH_YEAR, "date", lo, hi, "d")
        for rx in (P.STATE_ZIP, P.POSTCODE):
            scan(rx, "address", lo, hi)
    if words & P.MONTH_WORDS:
        for rx in P.MONTH_DATES:
            scan(rx, "date", group="d" if "d" in rx.groupindex else 0)
    if "ninet" in folded or "hundred" in folded:
        for rx in P.AGE_PATTERNS:
            scan(rx, "age")
        scan(lex.person_age, "age", group="d")
    for lo, hi in near(lex.id_cue_words, 0, 70):
        for m in lex.id_cue.finditer(text, lo, hi):
            if sum(ch.isdigit() for ch in m.group("value")) >= 2:
                add(("id", m.start("value"), m.end("value")))
    for lo, hi in near(lex.street_suffixes, 70, 30):
        scan(lex.street, "address", lo, hi)
    for lo, hi in near(P.UNIT_WORDS, 0, 20):
        scan(P.UNIT, "address", lo, hi)
        scan(P.PO_BOX, "address", lo, hi)
    for lo, hi in near(lex.org_cue_words, 0, 90):
        G.org_cues(text, add, lo, hi)
    if typed:  # words a person typed; in a prompt of the grammar's words alone each word is vetted already
        groups = G.cap_groups(text)
        G.org_groups(groups, add)
        N.names(text, groups, add)
    C.form_candidates(text, add)
    log_candidates(text, add)  # shared: a log's series of bare dates and clocks
    if typed:
        W.word_candidates(text, add)
        cued_candidates(text, add)  # plain code, shared with the fast de-identifier as it is
    paired_candidates(text, found, add)  # shared too: a clock beside a date any rule found
    repeated_ages(text, found, add)  # an age over 89 found, said again bare
    if private_terms:
        R.private_candidates(text, R.fold_text(text), private_terms, add)
    after_names(text, found, add)  # shared too: a name in a bracket after a name found
    spans = _resolve(text, found)
    kept = [(s.category, s.start, s.end) for s in spans]
    # shared too: a name said again, its rest, an age after it
    again = repeated_names(text, kept) + beside_kept(text, kept, found) + ages_after_names(text, kept)
    return _resolve(text, found + again) if again else spans


def _resolve(text: str, found: list[tuple[str, int, int]]) -> list[Span]:
    """Drop candidates inside clinical text, then keep the best of overlapping ones."""
    lex = P.lexicon()
    n = len(text)
    kept: list[tuple[str, int, int]] = []
    for cat, start, end in found:
        if end <= start or _PLACEHOLDER.fullmatch(text[start:end]):
            continue
        lo, hi = max(0, start - 40), min(n, end + 40)
        if cat in _SOFT and any(start < m.end() and m.start() < end
                                for rx in (P.SEVERITY, P.DOSE, P.LAB, P.DIMENSION, P.RATIO, P.CLINICAL_DURATION,
                                           P.TEST_SCORE)
                                for m in rx.finditer(text, lo, hi)):
            continue
        if cat in ("private", "name", "place", "town") and any(
                start < m.end() and m.start() < end and _shields(text, m, cat)
                for rx in (lex.eponym, lex.eponym_alone) for m in rx.finditer(text, lo, hi)):
            continue
        if cat in ("private", "name", "place", "town") and any(
                start < m.end() and m.start() < end for m in _listed_eponyms().finditer(text, lo, hi)):
            continue  # "Kennedy's disease", "Mohs surgery": a listed eponym before one of its nouns
        kept.append((cat, start, end))
    # a name or place that contains a private term ("Amara Quell" around "Amara") goes out whole
    privates = [(s, e) for cat, s, e in kept if cat == "private"]

    def rank(c: tuple[str, int, int]) -> tuple[int, int, int]:
        wraps = c[0] in _WRAPS and any(c[1] <= s and e <= c[2] and e - s < c[2] - c[1] for s, e in privates)
        return (-(_PRIORITY["private"] + 1 if wraps else _PRIORITY[c[0]]), -(c[2] - c[1]), c[1])

    kept.sort(key=rank)
    chosen: list[tuple[str, int, int]] = []
    for cand in kept:
        if not _overlaps(cand[1], cand[2], [(c[1], c[2]) for c in chosen]):
            chosen.append(cand)
    # a name that runs on past a private term ("Pulse Fitness" + "Fitness Ashford"): its rest goes too; so does the
    # rest of a name or place past another identifier when that rest names ("st vincents" past "st", "Dr Ade Odeku")
    for cat, s, e in kept:
        if cat not in _WRAPS or (cat, s, e) in chosen:
            continue
        for pcat, ps, pe in list(chosen):
            if ps < e and s < pe and (pcat == "private" or (cat in _NAMED and _named_rest(text, s, e, ps, pe))):
                rest = (pe, e) if s >= ps and e > pe else (s, ps) if e <= pe and s < ps else None
                if rest is not None:
                    lo, hi = rest
                    while lo < hi and not text[lo].isalnum():
                        lo += 1
                    while hi > lo and not text[hi - 1].isalnum():
                        hi -= 1
                    inside = [(c[1], c[2]) for c in chosen if c[1] < hi and lo < c[2]]
                    for glo, ghi in rest_pieces(text, lo, hi, inside):
                        chosen.append((cat, glo, ghi))  # shared: the rest, less what is taken out already
                break
    join_running_dates(kept, chosen)  # shared with the fast de-identifier, as it is
    take_weekdays(text, chosen)
    take_house_numbers(text, chosen)
    take_number_parts(text, chosen)  # likewise
    leave_care_places(text, chosen)
    chosen.sort(key=lambda c: c[1])
    return [Span(_SHOWN.get(cat, cat), s, e, text[s:e]) for cat, s, e in chosen]


_NAMED = frozenset(("name", "place", "town", "employer", "school"))


def _named_rest(text: str, s: int, e: int, ps: int, pe: int) -> bool:
    """Whether the part of text[s:e] outside text[ps:pe] holds a word no list knows as an ordinary word, or a name
    ("vincents", "Odeku"), rather than only words ("Radiology", "Senior Living")."""
    from healthviz_desktop.core.prompting.vocabulary import word_lists

    lists = word_lists()
    rest = (text[s:max(s, ps)] + " " + text[min(e, pe):e]).casefold()
    return any(lists.is_name(w) or not lists.is_word(w) for w in re.findall(r"[^\W\d_]{2,}", rest))


@lru_cache(maxsize=1)
def _listed_eponyms() -> re.Pattern[str]:
    """Every listed eponym (vocabulary.listed_eponyms) before one of its nouns, in one pattern."""
    def loose(phrase: str) -> str:
        return r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", phrase))

    alternatives = "|".join(rf"{loose(name)}(?:['’]s|['’]|s)?[\s\-]+(?:{'|'.join(loose(n) for n in nouns)})"
                            for entries in listed_eponyms().values() for name, nouns in entries)
    return re.compile(rf"\b(?:{alternatives})(?!\w)", re.IGNORECASE)


def _shields(text: str, eponym: re.Match[str], cat: str) -> bool:
    """Whether an eponym keeps a name, place or private term that overlaps it from being removed.

    With a condition word it always does ("Bell's palsy", even with the private term "Bell"). A bare
    possessive ("Crohn's") shields only a guessed name or place, and not after a title or a given name:
    "Dr. Bell's nurse" and "John Smith's wife" are people. A private term the person listed wins over it."""
    lex = P.lexicon()
    words = eponym.group().split()
    if len(words) > 1 and words[-1].casefold() in lex.condition_words:
        return True
    if cat == "private":
        return False
    before = text[max(0, eponym.start() - 40):eponym.start()].split()
    prev = before[-1].strip(_PUNCT).casefold() if before else ""
    return prev not in lex.titles and prev not in lex.first_names and prev not in lex.ambiguous_first_names


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in ranges)


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around digit clusters that could be part of an identifier: three digits or
    more, two numbers joined by / . - (dates), a 90-149 number (an age), or an ordinal ("the 4th")."""
    runs = [(m.start(), m.end()) for m in P.DIGITS.finditer(text)]
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        j, digits, dated = i, runs[i][1] - runs[i][0], False
        while j + 1 < len(runs) and runs[j + 1][0] - runs[j][1] <= 3 and P.JOIN.fullmatch(
                text[runs[j][1]:runs[j + 1][0]]):
            dated = dated or bool(set(text[runs[j][1]:runs[j + 1][0]]) & set("/.-"))
            j += 1
            digits += runs[j][1] - runs[j][0]
        s, e = runs[i][0], runs[j][1]
        value = text[s:e]
        if (digits >= 3 or (dated and digits >= 2) or (value.isdigit() and 90 <= int(value) <= 149)
                or text[e:e + 2].casefold() in ("st", "nd", "rd", "th") or (j > i and text[e:e + 1].isupper())):
            windows.append((max(0, s - 48), min(len(text), e + 24)))
        i = j + 1
    return _merge(windows)


def _number_ids(text: str, add: Add, lo: int, hi: int) -> None:
    known = P.lexicon().known_words
    for m in P.ID_TOKEN.finditer(text, lo, hi):
        token = m.group()
        digits = sum(ch.isdigit() for ch in token)
        letters = sum(ch.isalpha() for ch in token)
        if token.casefold() in known or _BLOOD_PRESSURE.fullmatch(token) or not_an_id(text, m.start(), token):
            continue
        if (letters == 0 and digits >= 5 and not re.fullmatch(r"1[89]\d\d|2[01]\d\d", token)) or (
                letters and digits >= 3 and len(token) >= 6) or re.fullmatch(r"[a-z]{4,}\d{2,}", token):
            add(("number", m.start(), m.end()))


def _phones(text: str, add: Add, lo: int, hi: int) -> None:
    for m in P.PHONE.finditer(text, lo, hi):
        digits = sum(ch.isdigit() for ch in m.group())
        if 9 <= digits <= 15:
            before = text[max(0, m.start() - 16):m.start()]
            add(("fax" if P.FAX_CUE.search(before) else "phone", m.start(), m.end()))
