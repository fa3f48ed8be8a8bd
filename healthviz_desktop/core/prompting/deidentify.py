"""Offline, deterministic de-identification of free text (explainer notes, ``healthviz deidentify``).

It finds identifiers of the HIPAA Safe Harbor kinds that can appear in typed text (names, places
smaller than a state, addresses, dates other than a bare year, ages over 89, phone and fax numbers,
e-mail addresses, URLs, IP addresses, record/plan/account/licence/vehicle/device and other ID-like
numbers) plus employers, schools and the person's own private terms, and swaps each for a neutral
placeholder. Clinical content that looks like an identifier survives: severities ("7/10"), doses,
lab values ("BP 128/82", "TSH 4.2"), drug names and eponymous conditions ("Bell's palsy", "Graves'").

It is a rule-based filter, not a guarantee: see docs/privacy.md for its limits. The outbound check
(outbound_check.py) runs the same detector over the exact request before anything is sent.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, compress, count, repeat

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_addresses import take_house_numbers
from healthviz_desktop.core.prompting.deid_ages import ages_after_names, repeated_ages
from healthviz_desktop.core.prompting.deid_brackets import after_names
from healthviz_desktop.core.prompting.deid_cap_groups import PUNCT, bare, cap_groups, unpossessive
from healthviz_desktop.core.prompting.deid_case import title_case_read
from healthviz_desktop.core.prompting.deid_codes import take_number_parts
from healthviz_desktop.core.prompting.deid_composed import composed_terms, find_composed
from healthviz_desktop.core.prompting.deid_context import form_candidates
from healthviz_desktop.core.prompting.deid_cued import cued_candidates
from healthviz_desktop.core.prompting.deid_day_words import take_weekdays
from healthviz_desktop.core.prompting.deid_digits import digit_windows, merge, number_ids, phones
from healthviz_desktop.core.prompting.deid_logs import log_candidates
from healthviz_desktop.core.prompting.deid_names import find_names
from healthviz_desktop.core.prompting.deid_org_groups import org_cues, org_groups
from healthviz_desktop.core.prompting.deid_paired import paired_candidates
from healthviz_desktop.core.prompting.deid_person import fold_text, private_candidates
from healthviz_desktop.core.prompting.deid_repeats import beside_kept, repeated_names, rest_pieces
from healthviz_desktop.core.prompting.deid_shields import clinical_spans, eponym_shields
from healthviz_desktop.core.prompting.deid_signals import ascii_digits, low
from healthviz_desktop.core.prompting.deid_sites import leave_care_places
from healthviz_desktop.core.prompting.deid_words import word_candidates

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
_PRIORITY = {"email": 90, "url": 85, "ip": 80, "private": 75, "id": 70, "date": 65, "fax": 62, "phone": 60,
             "address": 55, "age": 50, "school": 45, "employer": 44, "place": 40, "number": 35, "name": 30,
             # deid_cued.py's kinds: a town inside a name is the name ("Niamh Dunmore"); a time ("at 9h") and a
             # code ("RR0047729") are a date and an ID that no clinical shape nearby cancels, and that yield to a
             # phone, an address or an ID found whole ("(555) 010-8685", "2217 Alvarado St", "ZZZ0032")
             "town": 29, "time": 50, "code": 54}
# Candidates of these kinds are dropped where they overlap clinical text (a dose, a lab value, "7/10").
_SOFT = {"name", "place", "town", "date", "id", "number", "age", "employer", "school", "address", "phone", "fax"}
_WRAPS = {"name", "place", "town", "address", "employer", "school", "id", "date"}  # "user rashid.r.1964" goes out whole
_SHOWN = {"number": "id", "town": "place", "time": "date", "code": "id"}  # the kind a span goes out as
# the de-identifier's placeholders and the allowlist's ([WORD], [NUMBER]): text that is already taken out
PLACEHOLDER = re.compile(r"\[(?:" + "|".join([*(p[1:-1] for p in PLACEHOLDERS.values()), "WORD", "NUMBER"]) + r")\]")


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

    ``typed=False`` (a prompt every word of which the grammar check found in the grammar's vocabulary) skips the
    rules that read words as names, places and employers (capitalised runs, deid_names.py; lower-case words,
    deid_words.py): each word is one the app wrote. Digits, dates, ages and private terms are still checked.

    Fast on long texts: one pass for words and one for digit runs, then each costly pattern runs only where a
    cheap sign says it could match (an "@", a month name, a cue word, a cluster of digits)."""
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
    tokens = folded.split()
    words = _cue_words(folded, tokens, lex)  # for cheap "could this pattern match" tests
    n = len(text)
    found: list[tuple[str, int, int]] = []
    add = found.append

    def scan(rx: re.Pattern[str], cat: str, lo: int = 0, hi: int = n, group: str | int = 0) -> None:
        for m in rx.finditer(text, lo, hi):
            add((cat, m.start(group), m.end(group)))

    index: list[_WordIndex] = []  # built once, the first time a cue word is there

    def near(keys: frozenset[str], before: int, after: int) -> list[tuple[int, int]]:
        if keys.isdisjoint(words):
            return []
        if not index:
            index.append(_WordIndex(text))
        return merge([(max(0, s - before), min(n, e + after)) for s, e in index[0].spans(keys)])

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
    for lo, hi in digit_windows(text):
        # each pattern runs only where what it needs is there: its dots, enough digits, an age number...
        runs = P.DIGITS.findall(text, lo, hi)
        digits = sum(map(len, runs))
        if text.count(".", lo, hi) >= 3:
            scan(P.IPV4, "ip", lo, hi)
        if digits >= 9:
            scan(P.SSN, "id", lo, hi)
            phones(text, add, lo, hi)
        if P.NUMERIC_DATE_GATE.search(text, lo, hi):
            for rx in P.NUMERIC_DATES:
                scan(rx, "date", lo, hi, "d" if "d" in rx.groupindex else 0)
        if P.AGE_GATE.search(text, lo, hi):
            window = low(text[lo:hi])
            for rx, signs in zip(P.AGE_PATTERNS, P.AGE_PATTERN_SIGNS, strict=True):
                if any(sign in window for sign in signs):
                    scan(rx, "age", lo, hi)
            if P.PERSON_AGE_GATE.search(text, lo, hi):
                scan(lex.person_age, "age", lo, hi, "d")
        if digits >= 2:  # "palsy93": four letters and two digits
            number_ids(text, add, lo, hi)
            if "born" in folded or "b." in folded:
                scan(P.BIRTH_YEAR, "date", lo, hi, "d")
        if max(map(len, runs)) >= 5:
            scan(P.STATE_ZIP, "address", lo, hi)
        if P.POSTCODE_GATE.search(text, lo, hi):
            scan(P.POSTCODE, "address", lo, hi)
    if words & P.MONTH_WORDS:
        for rx in P.MONTH_DATES:
            scan(rx, "date", group="d" if "d" in rx.groupindex else 0)
    if "ninet" in folded or "hundred" in folded:
        lowered = low(text)
        for rx, signs in zip(P.AGE_PATTERNS, P.AGE_PATTERN_SIGNS, strict=True):
            if any(sign in lowered for sign in signs):
                scan(rx, "age")
        if P.PERSON_AGE_GATE.search(text):
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
        org_cues(text, add, lo, hi)
    if typed:  # words a person typed; in a prompt of the grammar's words alone each word is vetted already
        groups = cap_groups(text)
        org_groups(groups, add)
        find_names(text, groups, add)
    form_candidates(text, add)
    log_candidates(text, add)  # a log's series of bare dates and clocks (deid_logs.py)
    if typed:
        word_candidates(text, add)
        cued_candidates(text, add)
    paired_candidates(text, found, add)  # a clock beside a date any rule above found
    repeated_ages(text, found, add)  # an age over 89 found, said again bare
    if private_terms:
        private_candidates(text, fold_text(text), private_terms, add)
    after_names(text, found, add)  # a name in a bracket after a name found above
    spans = _resolve(text, found)
    kept = [(s.category, s.start, s.end) for s in spans]
    again = repeated_names(text, kept) + beside_kept(text, kept, found) + ages_after_names(text, kept)
    # a name found, said again where nothing shows it, and the rest of a name beside it
    return _resolve(text, found + again) if again else spans


def _cue_words(folded: str, tokens: list[str], lex: P.Lexicon) -> set[str]:
    """The cue words (months, ID, street, unit and employer cues) among the text's words, each word
    stripped of punctuation and, with an apostrophe, also without a possessive ("mrn's" → "mrn")."""
    cues = lex.cue_words
    found = set(cues.intersection(map(str.strip, tokens, repeat(PUNCT))))
    if "'" in folded or "’" in folded:
        stripped = {w.strip(PUNCT) for w in tokens if "'" in w or "’" in w}
        found.update(cues.intersection([bare(w) for w in stripped if "'" in w or "’" in w]))
    return found


class _WordIndex:
    """Every ``P.WORD`` match of a text, casefolded, with its offsets: one C-level split (no match objects)."""

    def __init__(self, text: str) -> None:
        pieces = P.WORD_SPLIT.split(text)  # [between, word, between, word, ..., between]
        self.folded = list(map(str.casefold, pieces[1::2]))
        self.offsets = list(accumulate(map(len, pieces), initial=0))  # word k: offsets[2k+1]:offsets[2k+2]

    def spans(self, keys: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words whose ``bare`` form is one of ``keys`` are, in order."""
        off, hit = self.offsets, _forms(keys).__contains__
        return [(off[2 * k + 1], off[2 * k + 2]) for k in compress(count(), map(hit, self.folded))]


@lru_cache(maxsize=16)
def _forms(keys: frozenset[str]) -> frozenset[str]:
    """Every casefolded word whose ``bare`` form is in ``keys``: a key as is, with a possessive ("mrn's",
    "mrn’s") or with a trailing apostrophe (``bare`` removes no more than that)."""
    return frozenset(c for k in keys for c in (k, k + "'s", k + "’s", k + "'", k + "’") if unpossessive(c) in keys)




def _resolve(text: str, found: list[tuple[str, int, int]]) -> list[Span]:
    """Drop candidates inside clinical text, then keep the best of overlapping ones."""
    lex = P.lexicon()
    n = len(text)
    kept: list[tuple[str, int, int]] = []
    clinical: list[list[tuple[int, int]]] = []  # found once, the first time a candidate needs them

    def in_clinical(start: int, end: int) -> bool:
        if not clinical:
            clinical.append(clinical_spans(text))
        return any(start < ce and cs < end for cs, ce in clinical[0])

    for cat, start, end in found:
        if end <= start or (text[start] == "[" and PLACEHOLDER.fullmatch(text[start:end])):
            continue
        if cat in _SOFT and in_clinical(start, end):
            continue
        lo, hi = max(0, start - 40), min(n, end + 40)
        if cat in ("private", "name", "place", "town") and eponym_shields(text, start, end, lo, hi, cat, lex):
            continue
        kept.append((cat, start, end))
    # a name or place that contains a private term ("Amara Quell" around "Amara") goes out whole
    privates = [(s, e) for cat, s, e in kept if cat == "private"]

    def rank(c: tuple[str, int, int]) -> tuple[int, int, int]:
        wraps = c[0] in _WRAPS and any(c[1] <= s and e <= c[2] and e - s < c[2] - c[1] for s, e in privates)
        return (-(_PRIORITY["private"] + 1 if wraps else _PRIORITY[c[0]]), -(c[2] - c[1]), c[1])

    kept.sort(key=rank)
    chosen: list[tuple[str, int, int]] = []
    taken = _Taken()  # the chosen spans by position (they never overlap): an overlap test in log time
    for cand in kept:
        if not taken.overlaps(cand[1], cand[2]):
            taken.add(cand[1], cand[2], len(chosen))
            chosen.append(cand)
    chosen_set = set(chosen)
    # a name that runs on past a private term ("Pulse Fitness" + "Fitness Ashford"): its rest goes too; so does the
    # rest of a name or place past another identifier when that rest names ("st vincents" past "st", "Dr Ade Odeku")
    for cat, s, e in kept:
        if cat not in _WRAPS or (cat, s, e) in chosen_set:
            continue
        for k in taken.overlapping(s, e):  # the chosen spans it overlaps, in the order they were chosen
            pcat, ps, pe = chosen[k]
            if pcat == "private" or (cat in _NAMED and _named_rest(text, s, e, ps, pe)):
                rest = (pe, e) if s >= ps and e > pe else (s, ps) if e <= pe and s < ps else None
                if rest is not None:
                    lo, hi = rest
                    while lo < hi and not text[lo].isalnum():
                        lo += 1
                    while hi > lo and not text[hi - 1].isalnum():
                        hi -= 1
                    # the rest, less what is taken out already ("Trần Văn Minh" past "Dr Trần" and a town)
                    for glo, ghi in rest_pieces(text, lo, hi, [chosen[j][1:] for j in taken.overlapping(lo, hi)]):
                        taken.add(glo, ghi, len(chosen))
                        chosen.append((cat, glo, ghi))
                        chosen_set.add((cat, glo, ghi))
                break
    join_running_dates(kept, chosen)
    take_weekdays(text, chosen)
    take_house_numbers(text, chosen)
    take_number_parts(text, chosen)
    leave_care_places(text, chosen)
    chosen.sort(key=lambda c: c[1])
    return [Span(_SHOWN.get(cat, cat), s, e, text[s:e]) for cat, s, e in chosen]


_NAMED = frozenset(("name", "place", "town", "employer", "school"))

# kinds whose overlapping pieces are one identifier: a date, or a number (an ID, a code, a phone)
_JOINED = ({"date", "time"}, {"id", "code", "number", "phone", "fax"})


def join_running_dates(kept: list[tuple[str, int, int]], chosen: list[tuple[str, int, int]]) -> None:
    """A date or a number found as overlapping pieces ("Thursday 3" and "3 Oct"; an IBAN "FR76 3000 ... 913" and
    its digit groups) goes out whole: each chosen one grows to take in the pieces of its group overlapping it
    that were left out, unless that would take in another chosen span."""
    for i, (cat, s, e) in enumerate(chosen):
        group = next((g for g in _JOINED if cat in g), None)
        if group is None:
            continue
        for kcat, ks, ke in kept:
            if kcat in group and ks < e and s < ke and (ks < s or ke > e):
                lo, hi = min(s, ks), max(e, ke)
                if not any(j != i and cs < hi and lo < ce for j, (_c, cs, ce) in enumerate(chosen)):
                    s, e = lo, hi
        chosen[i] = (cat, s, e)



def _named_rest(text: str, s: int, e: int, ps: int, pe: int) -> bool:
    """Whether the part of text[s:e] outside text[ps:pe] holds a word no list knows as an ordinary word, or a name
    ("vincents", "Odeku"), rather than only words ("Radiology", "Senior Living")."""
    from healthviz_desktop.core.prompting.vocabulary import word_lists

    lists = word_lists()
    rest = (text[s:max(s, ps)] + " " + text[min(e, pe):e]).casefold()
    return any(lists.is_name(w) or not lists.is_word(w) for w in re.findall(r"[^\W\d_]{2,}", rest))


class _Taken:
    """Spans that never overlap one another, kept sorted by start: whether a span overlaps one of them, and which,
    found by bisection (a text of thousands of candidates made the resolver quadratic; round thirteen)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.order: list[int] = []

    def add(self, start: int, end: int, order: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.order.insert(i, order)

    def overlaps(self, start: int, end: int) -> bool:
        # the last span starting before ``end``: disjoint spans sorted by start are sorted by end too
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def overlapping(self, start: int, end: int) -> list[int]:
        """The order numbers of the spans overlapping ``start:end``, smallest first."""
        i = bisect.bisect_left(self.starts, end) - 1
        found = []
        while i >= 0 and self.ends[i] > start:
            found.append(self.order[i])
            i -= 1
        return sorted(found)

