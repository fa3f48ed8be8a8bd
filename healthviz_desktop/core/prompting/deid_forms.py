"""Round four of issue 15's context rules: everyday forms of clock times, addresses and number plates written the
continental way, a doctor's initial, a street after a named place, and names that their
relation sets off. Plain code with no speed gates that change what it finds, called from deid_cued.py, so the fast
de-identifier and the reference one share it as it is.

- Spoken clock times beyond deid_context's "half two" and "quarter to 9": "ten to six", "at 10 past 7",
  "quarter after 9", "7 o'clock", "19 Uhr". Not a range or an amount: "5 to 10 minutes", "from 5 to 7".
- Streets written the continental way, with or without a number: "Goethestraße 17", "Hauptstr. 5",
  "Keizersgracht 212", "rua Augusta 1200", "calle Mayor", "ul. Długa 8".
- Number plates of the continent: "S-AB 1234" (Germany), "AB-123-CD" (France), "12-ABC-3" (the Netherlands).
- A doctor's initial: "dr k", "Dr. K's".
- A street after a named place or a place word: "the Kaiser on Sunset", "the walk-in on Commercial Dr",
  "(Little Sprouts on Cedar)"; never a day, a month, a drug or an app ("the clinic on Monday", "GP on Zoom").
- A name set off by its relation or role: "Hope, my daughter, brought", "Joy the triage nurse", "Faith from
  Woolworths HR", "Dan at work".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from healthviz_desktop.core.prompting.deid_calendars import calendar_candidates
from healthviz_desktop.core.prompting.deid_cued import ROLES
from healthviz_desktop.core.prompting.deid_day_words import day_word_candidates
from healthviz_desktop.core.prompting.deid_times import time_candidates
from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

Add = Callable[[tuple[str, int, int]], None]

_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOUR = rf"(?:1[0-2]|0?[1-9]|{_NUMBER_WORDS})"
# what makes a number after "to" or "half" an amount, not an hour ("5 to 10 minutes", "half 2 tablets")
_NOT_HOUR_AFTER = (r"(?!\s*(?:[-–/%.,]\d|(?:mg|mcg|ml|units?|iu|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|"
                   r"months?|years?|yrs?|times|tabs?|tablets?|pills?|puffs?|caps?|capsules?|drops|sachets?|kg|lbs?|"
                   r"out\s+of|of|steps|cups?|glasses|litres?|liters?|people|doses?|sprays?|squirts?|nights?|"
                   r"mornings?|km|miles?|laps|reps|sets|g)\b|\d))")
# deid_context's WORD_TIME reads "half two", "half past three", "quarter to 9"; these are the other spoken forms
_SPOKEN_TIME = re.compile(
    rf"\b(?i:(?:quarter|five|ten|twenty|twenty[- ]five)(?:\s+min(?:ute)?s?)?\s+(?:past|to|after)\s+{_HOUR}"
    rf"|(?:[1-9]|[1-5]\d)(?:\s+min(?:ute)?s?)?\s+past\s+{_HOUR}"
    rf"|{_HOUR}\s*o['’]\s?clock)\b{_NOT_HOUR_AFTER}")
# "ten to 7" with digits only after a clock's cue: "at 10 to 7", not "pain from 5 to 7"
_DIGIT_TO = re.compile(rf"\b(?i:at|about|around|by|till|until|woke|up|before|after|since)\s+"
                       rf"(?P<t>(?:[1-9]|[1-5]\d)\s+to\s+{_HOUR})\b{_NOT_HOUR_AFTER}")
_UHR = re.compile(r"\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?(?i:uhr)\b")

# the months of the languages people mix in (German, French, Spanish, Portuguese, Italian, Dutch, Polish in the
# genitive, Swedish, Turkish, Indonesian, Filipino), with a day: "am 6. Mai", "el 3 de marzo", "12 października"
_MONTHS = ("januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|avril|juin|"
           "juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|"
           "agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|"
           "setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
           "dicembre|januari|februari|maart|mei|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|"
           "września|wrzesnia|października|pazdziernika|listopada|grudnia|augusti|ocak|şubat|subat|nisan|mayıs|"
           "haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|maret|agustus|desember|pebrero|marso|hunyo|hulyo|"
           "setyembre|oktubre|nobyembre|disyembre")
_DAY_MONTH = re.compile(rf"\b(?:[12]\d|3[01]|0?[1-9])(?:\.|º|°|er|eme|ème)?\s*(?:(?i:de|del|of)\s+)?(?i:{_MONTHS})\b"
                        r"(?:\s+(?:(?i:de)\s+)?(?:19|20)\d\d\b)?|\b(?i:ngày\s+)?(?:[12]\d|3[01]|0?[1-9])\s+(?i:tháng)\s+"
                        r"(?:1[0-2]|0?[1-9])\b")
_MONTH_DAY = re.compile(rf"\b(?i:{_MONTHS.replace('mayo|', '').replace('mai|', '')})\s+(?:[12]\d|3[01]|0?[1-9])\b"
                        r"(?![.,]\d|\s*(?i:mg|mcg|ml|kg|g|x|tabs?|tablets?|pills?|%)\b)")
# "14h30" is a time where "7h30" after "slept" is a duration
_H_MINUTES = re.compile(r"\b(?:[01]?\d|2[0-3])h[0-5]\d\b(?!\s*(?i:min|mins|m)\b)")
_DURATION_CUES = frozenset(str.split("""slept sleep sleeping nap napped for lasted walked ran total screen shift worked
    took after spent drove drive sono sueno dormi durmi dormido dormii dormito sommeil schlaf geschlafen slaap geslapen
    somn sovn tidur tulog"""))  # and sleep in the languages people mix in, folded ("sono 5h10", "sueño 6h30")
# "Dyddiadur: 8.11.", "ab 3.4. krank": a day and a month with dots, where a date begins (not "Ferritin 8.11.")
_DOTTED_DAY = re.compile(r"(?:^|[:(\n]\s*|\b(?i:am|vom|bis|seit|ab|le|el|dia|den|op|next|"
                         r"last|date|datum)\s+)(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.)(?!\d)",
                         re.MULTILINE)
# "4/3(Wed)", "4/10 (Wed)": a day and a month with its weekday in brackets
_WEEKDAY_DATE = re.compile(r"\b(?P<d>\d{1,2}/\d{1,2})(?=\s*\((?i:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
                           r"[a-z]*\.?\))")

_STREET_ENDS = ("straße", "strasse", "str.", "gasse", "weg", "platz", "allee", "damm", "ufer", "gracht", "straat",
                "laan", "plein", "kade", "steeg", "dijk", "vej", "gade", "gata", "gatan", "vägen", "veien", "katu",
                "utca", "ulica", "chaussee", "chaussée", "baan", "steenweg", "dreef", "singel", "gade",
                "gaden", "vejen")  # round nine: Danish streets with their article ("Hovedgaden")
# (the ending in any case: "Karl-Marx-Straße", "Konrad-Adenauer-Allee"; round nine)
_STREET_WORD = re.compile(r"(?<![\w\-])(?P<s>[A-ZÄÖÜÅØÆ][\w'’\-]*?(?i:" + "|".join(re.escape(e) for e in _STREET_ENDS)
                          + r"))(?!\w)(?P<n>\s*\d{1,4}[a-zA-Z]?\b(?:,\s*\d{4,5}\b(?![.,/:]\d))?)?", re.UNICODE)
_STREET_FIRST = re.compile(
    r"(?:\b(?P<lead>\d{1,4}[a-zA-Z]?),?\s+)?\b(?P<s>(?i:rue|rua|calle|c/|avenida|avda\.?|av\.|viale|piazza|plaza|praça|praca|largo|ulica|ul\.|carrer|"
    r"travessa|rambla|paseo|jalan|jl\.|soi|thanon|đường|phố|ngõ|strada|str\.|boulevard|bd\.|via|"
    r"ch\.|chemin|boul\.|montée|quai|allée|impasse)\s+"  # (the last line, Quebec's and France's: round nine)
    r"(?:(?i:de|da|do|das|dos|del|della|dei|di|la|le|les|du|des|von|van|der|den|el|al)\s+|(?i:d|l)['’]){0,3}"
    r"[A-ZÀ-ÝĀ-ŽŁŚŻĆŃÓ][\w'’\-]*(?:\s+(?:(?i:de|da|do|del|di|la|le|du|des)\s+)?[A-ZÀ-ÝĀ-ŽŁŚŻĆŃÓ][\w'’\-]*){0,2})"
    r"(?P<n>,?\s*(?:n[º°o.]\s*)?\d{1,4}[a-zA-Z]?\b)?")
_NEED_NUMBER = frozenset(("via", "str.", "boulevard", "bd.", "largo", "soi"))  # words of English or of a title
_LEAD_NUMBER_WORDS = frozenset(str.split("rue rua calle avenida boulevard viale piazza plaza praça praca largo carrer "
                                         "travessa rambla paseo strada"))
# a Polish street is an adjective with its number: "Głogowska 27", "na Piotrkowskiej 104" (a surname like
# "Kowalska" ends the same way: only with a house number after it, never a count of something)
_ADJECTIVE_STREET_ENDS = ("ska", "skiej", "cka", "ckiej", "owa", "owej")
_ADJECTIVE_STREET = re.compile(r"(?<![\w\-])(?P<s>[A-ZŁŚŻŹĆŃÓ][\w\-]*(?:" + "|".join(_ADJECTIVE_STREET_ENDS)
                               + r"))\s+\d{1,3}[a-zA-Z]?\b(?![.,:/]\d|\s*(?i:mg|ml|min|mins|minut|lat|kg|zł|%|x)\b)")

# round ten (set J's second look: "B 1234 KJT", "СА 4821 КН"): plates with spaces round four digits, in Latin
# letters (Indonesia, Ukraine written in Latin letters) and in Cyrillic (Bulgaria, Ukraine, Russia's "А 123 ВС 77"),
# not a dose ("D 1000 IU")
_SPACED_PLATE = re.compile(r"(?<![\w\-])(?:[A-Z]{1,2} \d{4} (?!(?:IU|UI|MG|ML|MCG|KG|MMOL|MIN|MINS|HR|HRS|BPM)\b)"
                           r"[A-Z]{2,3}|[А-ЯІЇЄҐ]{1,2}\s?\d{4}\s?[А-ЯІЇЄҐ]{2}|[А-Я]\s?\d{3}\s?[А-Я]{2}\s?\d{2,3}|"
                           # a Japanese plate: its office, class number, kana and serial ("名古屋 500 さ 12-34")
                           r"[\u3400-\u9fff]{1,4}\s?\d{2,3}\s?[\u3040-\u309f]\s?\d{1,2}-\d{2})"
                           r"(?![\w\-])")
_SPACED_PLATE_GATE = re.compile(r"\d \d* ?[A-Z][A-Z]")
_DIGIT = re.compile(r"\d")
_PLATES = re.compile(
    r"(?<![\w\-])(?:[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s\d{1,4}[EH]?"  # S-AB 1234, B-MW 123E (not "HLA-B27")
    r"|[A-Z]{2}-\d{3}-[A-Z]{2}"  # AB-123-CD
    r"|(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}"  # 12-ABC-3
    r"|[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4})(?![\w\-])")  # TN 09 BX 3317 (India)
# "@potsie.princess", "@skye_rose": a handle on a social network or a chat server (not an e-mail's "@")
_HANDLE = re.compile(r"(?<![\w.@])@(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.[A-Za-z])")
# "woke 2.40, 3.15, 4.50", "up at 5.10": clock times written with a dot after a clock's cue, and the list that
# follows; not a dose or a reading ("2.5 mg", "HbA1c 6.40")
_DOT_TIMES = re.compile(
    r"\b(?i:woke|woken|wake|waking|awake|up|asleep|bed|at|till|until|around|about|from)\s+(?:(?i:at|by|around)\s+)?"
    r"(?P<t>(?:1\d|2[0-3]|0?[1-9]|00)\.[0-5]\d(?:\s*(?i:am|pm))?(?:\s*(?:,|and|&|then)\s*(?:1\d|2[0-3]|0?[1-9]|00)\.[0-5]\d"
    r"(?:\s*(?i:am|pm))?)*)(?![\d.]\d|\s*(?i:mg|mcg|ml|kg|g|l|mmol|units?|iu|%|hours?|hrs?|h)\b)")
_DOT_TIME = re.compile(r"(?:1\d|2[0-3]|0?[1-9]|00)\.[0-5]\d(?:\s*(?i:am|pm))?")

_TITLE_INITIAL = re.compile(r"\b(?i:dr|doc|prof)\.?\s+(?P<n>[A-HJ-Zb-hj-z])(?:\.|['’]s)?(?![\w.'’/\-]|\s*\d)")
_ON_STREET = re.compile(
    r"(?P<b>[\w'’\-]+)\)?\s+on\s+(?P<s>[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?(?:\s+(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Blvd|Boulevard|"
    r"Way|Lane|Ln|Pl|Place|Ct|Court|Hwy|Highway|Pkwy|Parkway|Cres|Crescent|Tce|Terrace)\b\.?)?)")
_PLACE_NOUNS = frozenset(str.split("""walk-in clinic pharmacy chemist store shop surgery practice office hospital gym
    daycare nursery school cafe café centre center lab labs urgent care er branch dentist dentists optician
    opticians physio chiro studio pool library church mosque temple market mall plaza station building"""))
_NOT_STREETS = frozenset(str.split("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu
    thur thurs fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays sundays weekdays weekends
    january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec christmas easter zoom teams facetime whatsapp facebook instagram
    tiktok youtube netflix google skype discord snapchat reddit twitter the a my his her their our""")) | {
    "mychart", "nhs", "i"}
_I_WORDS = frozenset(("i", "i'm", "i’m", "im", "i've", "i’ve", "ive", "i'd", "i’d", "i'll", "i’ll"))
_RELATIONS_SET_OFF = re.compile(
    r"\s*,\s*(?:my|our|his|her|their)\s+(?:(?:little|big|older|younger|eldest|youngest|oldest|baby|twin|"
    r"step|new|best|old)\s+)?(?P<r>[a-z][a-z\-]+)\b")
# "Joy the triage nurse": the roles deid_cued reads a lower-case name by
_ROLE_AFTER = re.compile(rf"\s+the\s+(?:[a-z\-]+\s+)?(?P<r>{ROLES})\b")
_FROM_PLACE = re.compile(r"\s+(?:from|at)\s+(?:[A-Z][\w'’&]+|work|the\s+(?:office|pharmacy|surgery|clinic|practice|"
                         r"gym|school|church|hospital|chemist|shop|store|warehouse|depot|site))\b")
_SET_OFF_GATE = re.compile(r",\s*(?:my|our|his|her|their)\s")
_ROLE_WORDS = frozenset(re.findall(r"[a-z]+", r)[-1] for r in ROLES.split("|"))  # what _ROLE_AFTER needs
_TAKEN = re.compile(r"(?:\d|\b(?i:took|take|takes|taking|tried|bought|got))\s+$")  # "took 2 Excedrin from"
_CAPITAL_WORD = re.compile(r"(?<![\w'’\-])(?P<n>[A-Z][a-z]+)\b")


def form_candidates(text: str, add: Add) -> None:
    """Every candidate of this module's rules in ``text`` (see the docstring). Each pattern runs only where a
    cheap sign of what it needs is there (its words, a digit shape): a speed gate, never a change in what is found."""
    lower = text.lower()
    words = frozenset(_LETTERS.findall(lower))
    if not words.isdisjoint(_SPOKEN_WORDS) or (not words.isdisjoint(_SPOKEN_COUNTS) and not words.isdisjoint(
            _SPOKEN_JOINS)):
        for m in _SPOKEN_TIME.finditer(text):
            add(("time", m.start(), m.end()))
    if "to" in words and _DIGIT_TO_GATE.search(text):
        for m in _DIGIT_TO.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if "uhr" in words:
        for m in _UHR.finditer(text):
            add(("time", m.start(), m.end()))
    if not words.isdisjoint(_MONTH_WORDS):
        for rx in (_DAY_MONTH, _MONTH_DAY):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if not words.isdisjoint(_SHORT_MONTH_WORDS):
        for m in _DAY_SHORT_MONTH.finditer(text):
            add(("date", m.start(), m.end()))
    if _H_MINUTES_GATE.search(text):
        for m in _H_MINUTES.finditer(text):
            before = text[max(0, m.start() - 16):m.start()].split()
            if not before or fold(before[-1].strip(".,;:()")) not in _DURATION_CUES:
                add(("time", m.start(), m.end()))
    if _DOTTED_GATE.search(text):
        for m in _DOTTED_DAY.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if "(" in text and "/" in text:
        for m in _WEEKDAY_DATE.finditer(text):  # a time's kind: "4/10" alone has a pain score's shape
            add(("time", m.start("d"), m.end("d")))
    if _DOT_TIME_GATE.search(text):
        for m in _DOT_TIMES.finditer(text):
            for one in _DOT_TIME.finditer(text, m.start("t"), m.end("t")):
                add(("time", one.start(), one.end()))
    if "@" in text:
        for m in _HANDLE.finditer(text):
            add(("code", m.start("h"), m.end("h")))
    _streets(text, lower, words, add)
    if ("-" in text and _PLATE_DASH.search(text)) or (_FOUR_DIGITS.search(text) and _PLATE_LETTERS.search(text)):
        for m in _PLATES.finditer(text):
            add(("code", m.start(), m.end()))
    if (_FOUR_DIGITS.search(text) and _SPACED_PLATE_GATE.search(text)) or (not text.isascii() and _DIGIT.search(text)):
        for m in _SPACED_PLATE.finditer(text):
            add(("code", m.start(), m.end()))
    if not words.isdisjoint(_TITLE_WORDS):
        for m in _TITLE_INITIAL.finditer(text):
            add(("name", m.start("n"), m.start("n") + 1))
    if "on" in words and _ON_GATE.search(text):
        _streets_on(text, add)
    _set_off_names(text, words, add)
    time_candidates(text, words, add)
    calendar_candidates(text, words, add)
    day_word_candidates(text, words, add)  # session twenty-one: Swahili, Indonesian, Malay, Tagalog


_LETTERS = re.compile(r"[^\W\d_]+")
_SPOKEN_WORDS = frozenset(("past", "clock"))
_SPOKEN_COUNTS = frozenset(("quarter", "five", "ten", "twenty"))
_SPOKEN_JOINS = frozenset(("to", "after"))
_DIGIT_TO_GATE = re.compile(r"\d\s+to\s")
_MONTH_WORDS = frozenset(_MONTHS.split("|")) | {"tháng"}
# session twenty-eight: the short months of French, Spanish, Portuguese and Italian after a day ("le 9 janv.",
# "18-Fev", "12/dez"; English's are deid_patterns')
_SHORT_MONTHS = "janv|févr|fevr|avr|juil|déc|fev|abr|dez|ene|dic|giu|lug|ott"
_SHORT_MONTH_WORDS = frozenset(_SHORT_MONTHS.split("|"))
_DAY_SHORT_MONTH = re.compile(rf"(?<![\d.,:/\-])(?:[12]\d|3[01]|0?[1-9])(?:\s+(?i:de\s+)?|-|/)(?i:{_SHORT_MONTHS})\b")
_H_MINUTES_GATE = re.compile(r"\dh[0-5]\d")
_DOTTED_GATE = re.compile(r"\d\.\d{1,2}\.")
_DOT_TIME_GATE = re.compile(r"\d\.[0-5]\d")
_FOUR_DIGITS = re.compile(r"\d\d{3}")
# what a plate of each shape holds: a capital or a digit before a dash, or two capitals before a digit
_PLATE_DASH = re.compile(r"[A-ZÄÖÜ0-9]-")
_PLATE_LETTERS = re.compile(r"[A-Z][A-Z][ -]?\d")
_TITLE_WORDS = frozenset(("dr", "doc", "prof"))
_ON_GATE = re.compile(r"\son\s+[A-Z]")
_STREET_FIRST_WORDS = frozenset(str.split("""rue rua calle avenida avda av viale piazza plaza praça praca largo ulica ul
    carrer travessa rambla paseo jalan jl soi thanon đường phố ngõ strada str boulevard bd via ch chemin boul montée
    quai allée impasse"""))
_STREET_ENDINGS = tuple(e.rstrip(".") for e in _STREET_ENDS)


def _streets(text: str, lower: str, words: frozenset[str], add: Add) -> None:
    if any(w.endswith(_STREET_ENDINGS) for w in words):
        _street_words(text, add)
    if any(w.endswith(_ADJECTIVE_STREET_ENDS) for w in words):
        for m in _ADJECTIVE_STREET.finditer(text):
            add(("address", m.start(), m.end()))
    if not words.isdisjoint(_STREET_FIRST_WORDS) or "c/" in lower:
        _streets_first(text, add)


def _street_words(text: str, add: Add) -> None:
    for m in _STREET_WORD.finditer(text):
        word = m.group("s")
        if len(word) < 7 and not m.group("n"):
            continue  # "Weg", "Damm" alone: too short to be a street's name without its number
        if fold(word) in word_lists().english and not m.group("n"):
            continue
        add(("address", m.start(), m.end()))


def _streets_first(text: str, add: Add) -> None:
    for m in _STREET_FIRST.finditer(text):
        first = m.group("s").split()[0].lower()
        # the number before the street's word, the French and Spanish way ("155 boulevard de Stalingrad"), only
        # before a whole word for a street: "75 bd" is a dose twice a day, "2x via" a spacer
        lead = m.group("lead") is not None and first in _LEAD_NUMBER_WORDS and re.fullmatch(r"\d+[a-h]?",
                                                                                                m.group("lead"))
        if first in _NEED_NUMBER and not m.group("n") and not lead:
            continue
        add(("address", m.start() if lead else m.start("s"), m.end()))


def _streets_on(text: str, add: Add) -> None:
    lists = word_lists()
    for m in _ON_STREET.finditer(text):
        before, street = m.group("b"), m.group("s")
        head = fold(street.split()[0])
        if head in _NOT_STREETS or head in lists.drugs or (head in lists.medical and " " not in street):
            continue
        named = before[0].isupper() and text[:m.start("b")].rstrip()[-1:] not in ("", ".", "!", "?", ":") and \
            fold(before) not in _NOT_STREETS and fold(before) not in _I_WORDS
        if named or fold(before) in _PLACE_NOUNS:
            add(("address", m.start("s"), m.end("s")))


def _set_off_names(text: str, words: frozenset[str], add: Add) -> None:
    """ "Hope, my daughter, brought", "Joy the triage nurse", "Faith from Woolworths", "Dan at work"."""
    set_off = _SET_OFF_GATE.search(text) is not None
    role = "the" in words and not words.isdisjoint(_ROLE_WORDS)
    from_at = "from" in words or "at" in words
    if not (set_off or role or from_at):
        return
    lists = word_lists()
    relations = _relations()
    for m in _CAPITAL_WORD.finditer(text):
        end = m.end()
        if text[end:end + 1] not in (",", " "):
            continue
        related = _RELATIONS_SET_OFF.match(text, end) if set_off else None
        by_relation = related is not None and related.group("r") in relations
        by_role = role and _ROLE_AFTER.match(text, end) is not None
        by_place = from_at and _FROM_PLACE.match(text, end) is not None
        if not (by_relation or by_role or by_place):
            continue  # what follows sets nothing off: the common case, decided before any word list is read
        folded = fold(m.group("n"))
        if folded in _NOT_STREETS or folded in lists.drugs or folded in lists.medical or folded in relations:
            continue
        if not (folded in lists.names or folded in _ambiguous() or not lists.is_word(folded)):
            continue  # "Yesterday, my sister", "Told the nurse": an ordinary word opening a clause
        if by_relation or by_role or (
                (folded in lists.names or folded in _ambiguous()) and by_place
                and not _TAKEN.search(text, max(0, m.start() - 12), m.start())):
            add(("name", m.start(), end))


@lru_cache(maxsize=1)
def _relations() -> frozenset[str]:
    from healthviz_desktop.core.resources import load_toml

    return frozenset(load_toml("deid_lexicon.toml")["relations"]) | frozenset(str.split(
        "sister brother daughter son niece nephew granddaughter grandson mum mom dad friend neighbour neighbor"))


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    from healthviz_desktop.core.resources import load_toml

    return frozenset(load_toml("deid_lexicon.toml")["ambiguous_first_names"])
