"""The second outbound layer for text the person typed (explainer text, a prompt edited in Compose): an
allowlist, independent of the de-identifier.

Only these pass: words of the vocabularies the app ships (ordinary English, medical terms and drug names, see
data/vocabulary/SOURCES.md), the grammar's and the catalogue's words, the de-identifier's placeholders, and
numbers that cannot carry an identifier (any number with a unit or a sign: "50000 IU", "400mg", "88%"; a score
"7/10", a blood pressure "128/82", a range with a unit "2-3 days"; a reading, a dose, a count; a number over 31
with no place's word before it). Anything else is unlisted: an unknown word in any case ("edna", "Okonkwo"), a
proper noun of the shipped gazetteer ("Leeds"), a word that is also a name written with a capital where no sentence
starts ("saw Rose"), a part of the person's private terms, a code ("KX19", "IMG_2043.jpg"), an e-mail or handle, a
long number or several numbers in a row ("555 0111"), every element of a date but a weekday alone (round
fourteen): a day of the month ("22nd", "on the 14", "3 March"), a month ("in June"), a holiday ("before Easter"), a
time ("4:45", "4pm", "12.30"), a date-like pair ("9/18", "14.03."); a number after a place's word ("stop 42").
The composer replaces unlisted words in explainer text with ``[WORD]`` / ``[NUMBER]``; the outbound check blocks a
request that still has one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from healthviz_desktop.core.prompting.allowlist_context import context_reason, people_words
from healthviz_desktop.core.prompting.allowlist_numbers import (
    MONTHS_AND_DAYS,
    STREET_WORDS,
    date_word,
    long_digit_runs,
    number_beside_place,
    spoken_time,
    why_number,
)
from healthviz_desktop.core.prompting.deid_calendars import HOLIDAY
from healthviz_desktop.core.prompting.deid_composed import composed_terms, find_composed
from healthviz_desktop.core.prompting.deid_things import SPEAKING, acts_as_a_person
from healthviz_desktop.core.prompting.deid_words import MODALS
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, fold, gazetteer, word_lists
from healthviz_desktop.core.resources import load_toml

WORD_PLACEHOLDER = "[WORD]"
NUMBER_PLACEHOLDER = "[NUMBER]"
# a token: letters and digits, joined inside by an apostrophe, hyphen, dot, comma, slash, colon, @, _, #, +
_TOKEN = re.compile(r"[^\W_]+(?:['’.,/:@_#+\-][^\W_]+)*['’]?")
_PLACEHOLDER = re.compile(r"\[[A-Z]{2,10}\]")
_UNIT_SIGNS = frozenset("%°")
_CURRENCY = frozenset("£$€¥₹")
# an indefinite article or a quantifier before a name word makes it a common noun ("a lot", "a hill")
_INDEFINITE = frozenset(str.split("a an another some any every each no"))
# the places of care written in capitals that anyone's journal names ("went to A&E": "A" and "E" are letters)
_CARE_PLACES = frozenset(str.split("""icu ed er gp ent opd ipd nicu picu hdu ccu cdu amu mau sdec ot pt mri ct
    ecg ekg eeg emg xray ivf ob obgyn gyn gyno pacu or ld ae urgent uc tcm ptsd cbt dbt act ems ambo"""))
_PLACE_CUES = frozenset(("in", "from", "near", "past"))
_GENERIC_STREETS = frozenset(str.split("main high back front side long old new"))
_SENTENCE_END = ".!?:;\n•*\"“(–—-"
_MODALS = frozenset(("will",))  # "will" in lower case is the verb ("Will said" is a name)
_JOINS_A_PERSON = frozenset(str.split("and & on in at from with to then just also is was has had"))
_PERSON_VERBS = frozenset(str.split("said says told asked came come went called rang texted phoned drove brought "
                                    "visited thinks thought wants helped is was has had will would"))


@dataclass(frozen=True)
class Unlisted:
    """A token of typed text that is not in the app's vocabularies: where it is and why it is held back."""

    start: int
    end: int
    text: str
    reason: str

    @property
    def placeholder(self) -> str:
        return NUMBER_PLACEHOLDER if any(c.isdigit() for c in self.text) and not self.reason.startswith(
            "one of your") else WORD_PLACEHOLDER


@dataclass(frozen=True)
class Allowlist:
    words: frozenset[str]  # every word that passes in any case (casefolded, no diacritics)
    name_words: frozenset[str]  # ordinary words that are also names ("rose", "long"): not capitalised mid-sentence
    names: frozenset[str]  # proper nouns of the gazetteer: never
    given_names: frozenset[str]  # given names the de-identifier knows ("rose", "will"): a name before "said"
    eponyms: frozenset[str]  # "crohn", "bell": only with a possessive or a condition word ("Bell's palsy")
    condition_words: frozenset[str]
    # name words and given names held back in any case ("limerick", "heath", "grace"): what the gazetteer knows as
    # a name, place or organisation, unless a medical term, a grammar word or one of the de-identifier's own words
    held_names: frozenset[str] = frozenset()
    capital_ok: frozenset[str] = frozenset()  # words that may be written with a capital mid-sentence ("Tylenol")
    place_words: frozenset[str] = frozenset()  # towns that are uncommon English words ("chinchilla"): after "in"


@lru_cache(maxsize=1)
def allowlist() -> Allowlist:
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.grammar import grammar

    lists = word_lists()
    lex = P.lexicon()
    extra = set(lex.not_name) | set(grammar().vocabulary) | COMMON_PROPER | _grammar_tokens(load_toml("metaphors.toml"))
    # (never the de-identifier's other drug names: DrugBank's brands meet people's names, "Makena", "Corwin")
    medical, drugs = lists.medical - lists.other_drugs - lists.foreign_clinical, lists.drugs - lists.other_drugs
    words = lists.english | medical | frozenset(extra)
    name_words = lists.name_words - COMMON_PROPER
    raw = load_toml("deid_lexicon.toml")
    given = lex.first_names | (lex.ambiguous_first_names - lex.word_given_names)  # ("so lucky" is the word)
    grammar_words = set(grammar().vocabulary) | _grammar_tokens(load_toml("metaphors.toml"))
    own = set(lex.not_name) | COMMON_PROPER | lists.medical_name_words | lists.common_name_words
    held = (name_words | (given & words)) - own - grammar_words
    capital_ok = drugs | COMMON_PROPER | lex.not_name | (frozenset(grammar_words) - lists.name_words - given)
    gaz = gazetteer()
    return Allowlist(words=words, name_words=name_words, names=(lists.names | gaz.places) - words, given_names=given,
                     eponyms=frozenset(fold(w) for w in raw["eponyms"] if " " not in w),
                     condition_words=frozenset(raw["condition_words"]), held_names=frozenset(held),
                     capital_ok=frozenset(capital_ok), place_words=gaz.place_words - own - grammar_words)


def _grammar_tokens(value: object) -> set[str]:
    """Every token the grammar can write ("3D", "pull-back"), folded: its string values, never its keys."""
    if isinstance(value, str):
        return {fold(t) for t in _TOKEN.findall(value)}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*(_grammar_tokens(v) for v in items)) if items else set()


def private_parts(private_terms: Sequence[str]) -> frozenset[str]:
    """Every word of the person's private terms, folded, that is two characters or more."""
    return frozenset(fold(w) for t in private_terms for w in _TOKEN.findall(t.replace("-", " ")) if len(w) > 1)


def unlisted_words(text: str, private_terms: Sequence[str] = (), *,
                   skip: Iterable[tuple[int, int]] = ()) -> list[Unlisted]:
    """Every token of ``text`` outside the allowlist, in order; tokens overlapping ``skip`` (spans another layer
    already replaces) and the placeholders are left alone. Text with combining marks is read composed, as the
    de-identifier reads it (deid_composed.py: "Żołądek" decomposed is one word, not "Ż", "ołą", "dek")."""
    terms = composed_terms(private_terms)
    return find_composed(text, lambda t, inside: _unlisted(t, terms, inside), _placed, skip)


def _placed(u: Unlisted, start: int, end: int, written: str) -> Unlisted:
    return replace(u, start=start, end=end, text=written)


def _unlisted(text: str, private_terms: Sequence[str], skip: list[tuple[int, int]]) -> list[Unlisted]:
    allow = allowlist()
    parts = private_parts(private_terms)
    spans = sorted(skip)
    skipped = sorted(spans + [m.span() for m in _PLACEHOLDER.finditer(text)])
    overlaps_skipped = _Overlaps(skipped)
    # what the other layer took out that names someone or somewhere: a span with a letter ("Room 14" is no name).
    # Not the placeholders already in a text: a composed prompt's "[ADDRESS] Jaw clenching" lost the full stop
    # that "22 Wendell St." ended its sentence with, and the first pass has read those neighbours already
    named = [(a, b) for a, b in spans if any(c.isalpha() for c in text[a:b])]
    out: list[Unlisted] = []
    tokens = list(_TOKEN.finditer(text))
    digit_run = long_digit_runs(text, tokens)
    # a holiday names the day of a date ("before Easter", "over the bank holiday"): the de-identifier keeps it alone
    holidays = _Overlaps([h.span() for h in HOLIDAY.finditer(text)])
    for i, m in enumerate(tokens):
        s, e = m.span()
        if overlaps_skipped(s, e):
            out.extend(_outside(text, s, e, skipped, allow, parts))  # "[PRIVATE].r.1964": the rest is checked
            continue
        if i in digit_run:
            out.append(Unlisted(s, e, m.group(), "several numbers in a row, like a phone or ID number"))
            continue
        if holidays(s, e):  # ("post-Easter": a token that overlaps one)
            out.append(Unlisted(s, e, m.group(), "a holiday (the day of a date)"))
            continue
        if m.group()[:1].isdigit() and (text[e:e + 1] in _UNIT_SIGNS or text[s - 1:s] in _CURRENCY) \
                and sum(c.isdigit() for c in m.group()) <= 6:
            continue  # "88%", "39°", "£9", "$30": the sign the token leaves out is the number's unit
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        prev = fold(tokens[i - 1].group()) if i else ""
        prev2 = fold(tokens[i - 2].group()) if i > 1 else ""
        # the words after the next, for a number only ("3 to 1 on a scale of ten")
        after = tuple(fold(t.group()) for t in tokens[i + 2:i + 6]) if m.group()[:1].isdigit() else ()
        reason = spoken_time(m.group(), nxt, prev, prev2, text[e:e + 1]) \
            or context_reason(text, m.group(), e, prev, nxt) \
            or _where_acronym(m.group(), prev, prev2) \
            or _why_unlisted(text, m, nxt, allow, parts, prev, after, prev2) \
            or _beside_taken_out(text, s, e, named, out[-1:]) \
            or number_beside_place(text, s, e, named, nxt)
        if reason:
            out.append(Unlisted(s, e, m.group(), reason))
    return out


class _Overlaps:
    """Whether a span overlaps any of ``spans``, in log time: their starts sorted, and the furthest end so far."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _b in ordered]
        self.ends = list(accumulate((b for _a, b in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.ends[k - 1] > start


def _beside_taken_out(text: str, s: int, e: int, named: list[tuple[int, int]], last: list[Unlisted]) -> str:
    """A capitalised word right beside a name or place the other layer took out is likely the rest of it: "AMRI
    Salt Lake" with "AMRI Salt" out, "Hospital del Mar", "Services Hospital" (not a title or a relation before a
    name, "Dr", "Aunty"; not the capital that starts a sentence, "Called [NAME]", nor one after a date's full stop
    ("2 April. Mouth ulcers"); not a weekday or a month)."""
    word = text[s:e]
    if not word[:1].isupper() or word.isupper() or not word.isalpha() or _sentence_start(text, s):
        return ""  # (an acronym beside a name is mostly clinical: "Son's ADHD", "ResMed CPAP")
    # beside what the other layer took out, or the capitalised word just held before it ("[PRIVATE] Salt Lake")
    skipped = named + [(u.start, u.end) for u in last if u.text[:1].isupper()]
    # (on the same line: a log's "ECG possible AFib" ends its line before the next line's date)
    after = any(0 < s - b <= 2 and _gap(text, b, s) for _a, b in skipped)  # "[NAME] Lake"
    before = any(0 < a - e <= 2 and _gap(text, e, a) for a, _b in skipped)  # "Services [PRIVATE]"
    if not (after or before):
        return ""
    folded = fold(word)
    if folded in _not_name_parts() or folded in COMMON_PROPER or folded in _CARE_PLACES or folded in MONTHS_AND_DAYS \
            or folded in word_lists().drugs:
        return ""  # (nor a drug: "the [WORD] Gaviscon")
    return "a capitalised word beside a name or place taken out (the rest of it?)"


def _gap(text: str, start: int, end: int) -> bool:
    return text[start:end].isspace() and "\n" not in text[start:end]


@lru_cache(maxsize=1)
def _not_name_parts() -> frozenset[str]:
    return people_words() | frozenset(("i", "and", "or", "the", "a", "an"))


def _outside(text: str, s: int, e: int, skipped: list[tuple[int, int]], allow: Allowlist,
             parts: frozenset[str]) -> list[Unlisted]:
    """The unlisted sub-tokens of text[s:e] outside the ``skipped`` spans."""
    out: list[Unlisted] = []
    pos = s
    for a, b in sorted(skipped):
        if b <= s or a >= e:
            continue
        out += _unlisted_between(text, pos, max(pos, a), allow, parts)
        pos = max(pos, b)
    return out + _unlisted_between(text, pos, e, allow, parts)


def _unlisted_between(text: str, lo: int, hi: int, allow: Allowlist, parts: frozenset[str]) -> list[Unlisted]:
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        reason = _why_unlisted(text, m, "", allow, parts)
        if reason:
            out.append(Unlisted(m.start(), m.end(), m.group(), reason))
    return out


def restrict(text: str, marks: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, placeholder) replaced; a mark overlapping an earlier one is dropped."""
    out, pos = [], 0
    for start, end, placeholder in sorted(marks):
        if start < pos:
            continue
        out += [text[pos:start], placeholder]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _where_acronym(token: str, prev: str, prev2: str) -> str:
    """ "at CVS", "from CHOP", "in the TCS sick room": capitals where someone goes name the place, unless they are
    one of the places of care everyone has ("ICU", "A&E", "ED")."""
    if not (2 <= len(token) <= 6 and token.isupper() and token.isalpha()):
        return ""
    if prev in ("at", "from", "to") or (prev == "the" and prev2 in ("in", "into", "at", "from", "to")):
        return "" if token.casefold() in _CARE_PLACES else "capitals where someone goes (a hospital, shop or school?)"
    return ""


def _why_unlisted(text: str, m: re.Match[str], nxt: str, allow: Allowlist, parts: frozenset[str],
                  prev: str = "", after: tuple[str, ...] = (), prev2: str = "") -> str:
    token = m.group().rstrip("'’")
    if "@" in token or "_" in token or "#" in token:
        return "an e-mail address, handle, code or file name"
    if any(c.isdigit() for c in token):
        return why_number(token, nxt, allow.words, prev, after, prev2)
    if re.search(r"[.,/:+]", token):  # "e.g.", "and/or", "word,word": every piece must pass
        pieces = [p for p in re.split(r"[.,/:+]", token) if p]
        reasons = [_why_word(text, m.start(), p, allow, parts, nxt) for p in pieces if len(p) > 1]
        return next((r for r in reasons if r), "")
    return _why_word(text, m.start(), m.group(), allow, parts, nxt, prev)


def _why_word(text: str, start: int, word: str, allow: Allowlist, parts: frozenset[str], nxt: str,
              prev: str = "") -> str:
    w = word
    possessive = w.endswith(("'s", "’s", "'", "’"))
    w = w[:-2] if w.endswith(("'s", "’s")) else w.rstrip("'’")
    folded = fold(w)
    if len(folded) <= 1:
        return ""  # an initial, "Vitamin D": a letter alone carries nothing
    if folded in allow.eponyms and (possessive or fold(nxt) in allow.condition_words) and folded not in parts:
        return ""  # "Crohn's", "Bell's palsy", "Lyme disease"
    mid_sentence = not _sentence_start(text, start)
    capital = w[:1].isupper() and not w.isupper()
    acts = fold(nxt) in _PERSON_VERBS or fold(nxt) in SPEAKING or (
        len(nxt) > 4 and nxt.endswith("ed") and folded not in word_lists().medical)  # "Gift dropped", "Physio faxed"
    starts = _sentence_start(text, start, ".!?\n")  # after a full stop (not a bracket or a dash)
    if folded in parts and folded not in _not_name_parts() and (
            folded not in allow.words or (capital and (mid_sentence or acts))
            or (w.islower() and (starts or acts))):
        return "one of your private terms"  # "Gift dropped me", "bram weer", "hope is exhausted" (not "I hope")
    if folded in allow.names:
        return "a name or place"
    dated = date_word(w, folded, nxt, prev, not mid_sentence, acts) or next(
        (d for piece in w.split("-")[1:] if (d := date_word(piece, fold(piece), nxt, "", False))), "")
    if dated:
        return dated  # ("mid-June", "mid-Sept": a month after a hyphen)
    if not w.isascii() and w.casefold() not in allow.words and folded not in word_lists().english:
        return "not in the app's vocabulary (a name?)"  # "Ọlá": a medical word once its accents are gone is not enough
    if fold(nxt) in STREET_WORDS and folded not in _GENERIC_STREETS | MODALS and len(folded) > 2 and (
            folded in allow.name_words or prev in ("on", "off", "along", "near")):
        return "a street name"  # "lord street", "on market street"
    known = folded in allow.words or ("-" in folded and all(p in allow.words for p in folded.split("-") if p))
    if not known:
        if folded.replace("'", "") in allow.words:  # "dont", "Ive"
            return ""
        return "not in the app's vocabulary (a name, a code or a misspelling?)"
    if capital and acts_as_a_person(folded, fold(nxt)):
        return "a word only the medical lists know, before what a person does (a name?)"  # "Hemi says"
    if capital and folded in allow.name_words and folded not in COMMON_PROPER and (
            mid_sentence or (folded in allow.given_names and fold(nxt) in _PERSON_VERBS | {"from"})):
        return "an ordinary word that is also a name, written with a capital"
    if capital and not mid_sentence and folded in allow.given_names and fold(nxt) in _PERSON_VERBS | {"from"}:
        # "Jan from church popped round", "Theo said": a given name the lists also hold as a word, a month's short
        # form or a common proper noun, before what a person does
        return "a given name opening a sentence, before what a person does"
    if capital and not mid_sentence and folded in allow.given_names and folded not in word_lists().common_name_words \
            and folded not in COMMON_PROPER and folded not in _MODALS and _person_next(text, start + len(word), nxt):
        # session twenty-nine: "Sandy picking up the cake", "Faith (me) - migraine", "Dawn on the desk was lovely":
        # a given name opening a sentence before what follows a person (not "Dawn phenomenon", "Amber light")
        return "a given name opening a sentence"
    if capital and possessive and (folded in allow.given_names or folded in allow.name_words) \
            and folded not in COMMON_PROPER:
        return "a name with a possessive"  # "Will's mom"
    if folded in allow.place_words and prev in _PLACE_CUES:
        return "a town's name"  # "out past chinchilla", "from chinchilla"
    modal = folded in _MODALS and not capital and not possessive
    if folded in allow.held_names and not (prev[:1].isdigit() or modal or prev in _INDEFINITE):  # "30 min", "a lot"
        return "an ordinary word that is also a name or place in the app's lists"  # "from limerick", "saw grace"
    if capital and mid_sentence and folded not in allow.capital_ok:
        return "a word written with a capital where no sentence starts (a name?)"  # "at the Spire", "on Route 50"
    return ""


def _person_next(text: str, end: int, nxt: str) -> bool:
    """Whether what follows a word reads as what follows a person: a bracket, a comma or the sentence's end, a verb
    ("picking", "rang"), or a word that joins or places ("and", "on", "from")."""
    if text[end:end + 2].strip()[:1] in ("(", ",", ".", "!", "?", ":", ";", "-", "–", ""):
        return True
    folded = fold(nxt)
    # (not a plural, which a noun takes as often: "Star jumps made the knee worse", session twenty-three)
    return folded in _PERSON_VERBS or folded in SPEAKING or folded in _JOINS_A_PERSON or (
        len(folded) > 3 and folded.endswith(("ing", "ed")))


def _sentence_start(text: str, start: int, ends: str = _SENTENCE_END) -> bool:
    before = text[max(0, start - 40):start].rstrip(" \t")
    return not before or before[-1] in ends
