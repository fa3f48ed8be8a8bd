"""Workplaces, schools and churches written the everyday way (issue 15, round seven, from the tuning corpus): a
New York public school by its number ("PS 161", "P.S. 48"), a university shortened ("U of M"), an acronym before
what a school or a workplace has ("the UCL lecture", "the TCS sick room"), a brand someone works shifts for ("11
hrs on Uber", "rider for Bolt", "at the Amazon warehouse", "foodpanda rider ID"), a parish named for Our Lady, a
room's or a flat's number ("Room 14"), a street that is a letter ("4417 Avenue B") and a facility named the way
its language does ("Hospital del Mar", "Praxis am Stadtpark", "Clínica 10").
Plain code called from deid_cued.py, so the fast de-identifier and the reference one share it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_patterns import MONTH_WORDS
from healthviz_desktop.core.prompting.deid_things import clinical_words
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, fold, foreign_words, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_NYC_SCHOOL = re.compile(trie(["P.S.", "PS", "I.S.", "IS", "J.H.S.", "JHS"], ignore_case=False, word_start=True)
                         + r"\s?(?P<n>\d{1,3})\b(?![.,/]\d|\s*(?i:mg|ml|kg|%)\b)")
_U_OF = re.compile(r"U(?<!\w.)\s?of\s?[A-Z]{1,4}\b")
_SCHOOL_THINGS = (r"lecture|lectures|class|classes|exam|exams|campus|seminar|seminars|tutorial|tutorials|library|"
                  r"halls|dorm|dorms|lab|labs|placement|module|modules|course|canteen|cafeteria|hostel")
_WORK_THINGS = (r"sick\s+room|office|warehouse|depot|factory|plant|site|call\s+centre|call\s+center|canteen|store|shop|"
                # round twelve (set L's first look: "the Amazon fulfillment center", "the Evri round")
                r"fulfil{1,2}ment\s+cent(?:er|re)|distribution\s+cent(?:er|re)|round|route|van")
_ACRONYM_BEFORE = re.compile(rf"(?P<a>[A-Z](?<!\w.)[A-Z]{{1,4}})\s+(?:(?P<s>{_SCHOOL_THINGS})|(?P<w>{_WORK_THINGS}))\b")
# the places of care and the words in capitals everyone's journal has before such words ("ICU shift", "GP office",
# "MRI room", "ED canteen")
_COMMON_CAPITALS = frozenset(str.split("""icu ed er gp ent opd ipd nicu picu hdu ccu cdu amu mau ot pt mri ct ecg ekg
    eeg emg ivf ob gyn or ae uc tcm ptsd cbt dbt ems nhs hr it ai uk us usa eu un pe re dt pm am ok ib gcse sat act
    mcat ielts toefl ap ib phd msc bsc ma ba np rn hse ndis va slt cpn mh"""))
# where a shift is worked that names no one: "my shift on Ward 4", "12 hrs on Nights"
_PLACES_OF_A_SHIFT = frozenset(str.split("ward wards unit theatre theatres nights night days earlies lates reception "
                                         "triage bay floor call the"))
_MORE_CAPITALS = re.compile(r"[ ](?P<w>[A-Z][\w&'’\-]+)")
# where a shift is worked that is no brand ("nights at Home", "lates at Mum's")
_NOT_BRANDS = frozenset(str.split("home work school uni mum mom mam dad nan gran church hospital"))
# a brand worked for in shifts: "11 hrs on Uber", "shift at Tesco", "driving for Bolt", "rider for Glovo"
# (and, since round twelve, "on nights at Amazon", "earlies at Tesco")
_SHIFTS_FOR = re.compile(r"\b(?:" + trie(["shift", "shifts", "hrs", "hours", "hr", "nights", "lates", "earlies",
                                         "nightshift", "nightshifts"], ignore_case=False)
                         + r"\s+(?:on|at|for)|" + trie(str.split("driving drive rider riding courier deliveries "
                                                                  "delivering works work"), ignore_case=False)
                         + r"\s+for)\s+"
                         r"(?:the\s+)?(?P<b>[A-Z][\w&'’\-]+)")
_THE_BRAND_SITE = re.compile(rf"t(?<!\w.)he\s+(?P<b>[A-Z][\w&'’\-]+)\s+(?:{_WORK_THINGS})\b")
# "foodpanda rider ID": a word no list knows before the work it names
_JOBS_ON_APPS = ("rider", "driver", "courier", "partner", "shopper")
_UNKNOWN_BEFORE_JOB = re.compile(r"\b(?P<b>[a-z][a-z\-]{3,})\s+(?:rider|driver|courier|partner\s+app|shopper)\b")
# "Room 14", "apt 3B", "Suite #210": the number of a room or a flat someone is in (the word stays), also in the
# languages people mix in ("Zimmer 214", "sala 402", "apto 1102", "палата 5", "kv. 4", "кв. 12"; round eight), and of
# a ward, a bay or a clinic ("Ward 32", "Clinic 6"; round eleven; never "2x a month")
# (found from its number, the word read behind it: a digit is rarer than the start of a word; the same matches)
_ROOM_WORD = re.compile(r"\b(?i:" + trie(str.split("""room rm apt apartment suite flat zimmer sala apto quarto
                        habitación habitacion chambre kamer pokój pokoj oda odası kv. кв. кв палата кабинет каб. кімната
                        stanza bett cama ward bay pod cubicle clinic""")) + r")\.?\s?#?\s?\Z")
_ROOM_NUMBER = re.compile(r"\d(?<!\d\d)\d{0,3}(?:(?![xX]\b)[A-Za-z])?\b(?![.,/:]\d|\s*(?i:degrees|mins?|minutes|"
                          r"hours?|hrs?|days?|weeks?|months?|years?|times|x|mg|mcg|ml|kg|g|%|am|pm|puffs?|tabs?|units?|"
                          r"iu|steps|bpm|nights?|visits?|sessions?|appointments?|patients?|people|more)\b)")
# "4417 Avenue B": a house number and a street that is a letter
_LETTER_STREET = re.compile(r"\d(?<!\w\d)\d{0,4}\s+(?:Avenue|Ave\.?|Street|St\.?|Road|Rd\.?)\s+[A-Z]\b(?![\w'’])")
# "Hospital del Mar", "Klinikum rechts der Isar", "Praxis am Stadtpark", "Clínica 10": a facility's word, the
# small words of its language, and its name or number
_FACILITY_OF = re.compile(
    trie([*str.split("""Hospital Hôpital Hopital Ospedale Clínica Clinica Clinique Klinikum Klinik Praxis Policlínica
    Policlinica Apotheke Apotheek Farmacia Farmácia Pharmacie"""), "Centro de Salud", "Centre de Santé"],
         ignore_case=False, word_start=True, space=r"\s+") + r"\s+"
    r"(?:(?:(?:del|de|la|los|las|di|da|do|dos|das|am|an|der|den|im|zum|zur|du|des|le|sur|rechts|links)\s+){1,3}"
    r"(?:[lLdD]['’])?"  # (French elides: "Clinique de l'Aéroport", "Hôpital d'Instruction"; round eleven)
    r"(?!(?:D[ií]a|Jour|Tag|Dag|Noche|Nuit|Nacht|Guardia|Urgencias|Urgence)\b)[A-ZÀ-ÝŁŚŻ][\w'’\-]+|\d{1,3}\b(?![.,/:]\d|\s*(?i:mg|ml|%|min|mins|minutes|hours?|days?)\b))")
# round ten (set J's fourth look: "we went to BC Children's", "KBC Sestre milosrdnice"): a children's hospital
# called by its place ("Boston Children's", "BC Children's"; not "Children's Tylenol"), and a hospital after the
# acronym its country writes before the name (Croatia's KBC, Slovenia's UKC, France's CHU, Austria's AKH, ...)
_CHILDRENS = re.compile(r"\b(?P<p>[A-Z]{2,4}|[A-Z][a-z]+)\s+Children['’]s\b(?!\s+(?i:tylenol|motrin|advil|benadryl|"
                        r"zyrtec|claritin|nurofen|panadol|calpol|ibuprofen|paracetamol|acetaminophen|vitamins?|"
                        r"medicine|dose|strength|liquid|syrup|chewables?|allegra|mucinex|delsym|robitussin|pepto)\b)")
_ACRONYM_HOSPITAL = re.compile(r"\b(?:KBC|UKC|CHU|CHRU|UMC|AKH|LKH|UKE|AP-HP|HUG|CHUV)\s+"
                               r"(?P<n>[A-ZÀ-ÝČĆŠŽĐ][\w'’\-]+(?:\s+(?:[a-zčćšžđ][\w\-]+|[A-ZÀ-ÝČĆŠŽĐ][\w'’\-]+)){0,3})")
_WEEKDAYS = frozenset(str.split("monday tuesday wednesday thursday friday saturday sunday today tomorrow"))
_OUR_LADY = re.compile(r"O(?<!\w.)ur\s+Lady(?:['’]s|\s+of\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)")


# round eight (set H's moved entries): an employer in brackets after the word for work of another language ("L4
# na 3 dni do pracy (Allegro)", "baja del trabajo (Mercadona)"), and a workplace's or union's acronym before its
# rep or HR ("BCNU rep called", "the TfL HR lady")
_WORK_BRACKET_OTHER = re.compile(r"\b(?i:pracy|praca|pracę|prace|trabajo|trabalho|lavoro|arbeit|werk|travail|boulot|"
                                 r"işe|iş|işten|работа|работу|работы|работе|роботи|робота|роботу|kerja|trabaho)\s*\("
                                 r"\s*(?P<org>[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,2})\s*\)")
_REP_GATE = re.compile(r" (?:rep|reps|steward|shop steward|HR|payroll)\b")
_ACRONYM_REP = re.compile(r"\b(?P<a>[A-Z][A-Za-z]{1,5})\s+(?:rep|reps|steward|shop\s+steward|HR|payroll)\b")


# round twelve (set L's second look: "couldn't do my greggs shift", "a nandos shift 5-11"): a word no list knows, in
# lower case, between "my"/"a" and the shift or job it names; "uni is UQ": an acronym a school is said to be
_OWN_SHIFT = re.compile(r"\b(?i:my|a|the|her|his|their|our|this|that|another|next)\s+(?P<b>[a-z][a-z'’&\-]{2,})\s+"
                        r"(?i:shift|shifts|rota|uniform|job|manager|staff\s+discount)\b")
# (the acronym ends the clause: not "Uni is MEGA stressful", a word in capitals before what it describes)
_SCHOOL_IS = re.compile(r"\b(?i:uni|university|college|school|campus|sixth\s+form)\s+(?i:is|was|=|:)\s+"
                        r"(?P<a>[A-Z]{2,6})\b(?=\s*(?:[,.;:!?)]|$|(?i:if|for|and|so|but|now|btw|lol|in|on|the|"
                        r"student|id|#)\b))")


def org_candidates(text: str, add: Add) -> None:
    """Every workplace, school and parish of this module's rules in ``text``."""
    lists = word_lists()
    if "shift" in text or "rota" in text or "job" in text or "uniform" in text or "manager" in text:
        for m in _OWN_SHIFT.finditer(text):
            b = m.group("b").rstrip("'’")
            if "&" not in b and "-" not in b and b not in ("hca", "hcas", "csw") \
                    and not lists.is_word(b) and not lists.is_word(b.rstrip("s")) and b not in lists.medical \
                    and b not in lists.drugs and b not in _COMMON_CAPITALS and b not in MONTH_WORDS \
                    and b not in clinical_words() and fold(b) not in foreign_words():  # "my arubaito manager"
                add(("employer", m.start("b"), m.end("b")))
    lower = text.lower()
    for m in _SCHOOL_IS.finditer(text) if any(w in lower for w in ("uni", "college", "school", "campus", "form")) \
            else ():
        a = m.group("a")
        if not lists.is_word(a.lower()) and a.lower() not in lists.medical and a.lower() not in _COMMON_CAPITALS:
            add(("school", m.start("a"), m.end("a")))
    if "(" in text:
        for m in _WORK_BRACKET_OTHER.finditer(text):
            add(("employer", m.start("org"), m.end("org")))
    for m in _ACRONYM_REP.finditer(text) if _REP_GATE.search(text) else ():
        a = m.group("a")
        if sum(c.isupper() for c in a) >= 2 and not lists.is_word(a.lower()) and a.lower() not in lists.medical \
                and a.lower() not in _COMMON_CAPITALS:
            add(("employer", m.start("a"), m.end("a")))
    for m in _NYC_SCHOOL.finditer(text):
        if int(m.group("n")) > 0:
            add(("school", m.start(), m.end()))
    for m in _U_OF.finditer(text):
        add(("school", m.start(), m.end()))
    for m in _ACRONYM_BEFORE.finditer(text):
        acronym = m.group("a").lower()
        if acronym not in _COMMON_CAPITALS and not lists.is_word(acronym):
            add(("school" if m.group("s") else "employer", m.start("a"), m.end("a")))
    for rx in (_SHIFTS_FOR, _THE_BRAND_SITE):
        for m in rx.finditer(text):
            brand = m.group("b").lower()
            if brand not in _COMMON_CAPITALS and brand not in COMMON_PROPER and brand not in MONTH_WORDS \
                    and brand not in _NOT_BRANDS and re.split("['’]", brand)[0] not in _NOT_BRANDS \
                    and brand not in _PLACES_OF_A_SHIFT \
                    and brand not in lists.drugs and not (
                    lists.is_word(brand) and brand not in lists.name_words and brand not in lists.names):
                end = m.end("b")
                if rx is _SHIFTS_FOR:  # the brand's other words: "nights at Foster Farms" (round twelve)
                    for more in _MORE_CAPITALS.finditer(text, end):
                        if more.start() != end or more.group("w").lower() in COMMON_PROPER \
                                or more.group("w").lower() in MONTH_WORDS:
                            break
                        end = more.end()
                add(("employer", m.start("b"), end))
    for m in _UNKNOWN_BEFORE_JOB.finditer(text) if any(w in text for w in _JOBS_ON_APPS) else ():
        if not lists.is_word(m.group("b")):
            add(("employer", m.start("b"), m.end("b")))
    if "Children" in text:
        for m in _CHILDRENS.finditer(text):
            if m.group("p").isupper() or not lists.is_plain_word(m.group("p").lower()):
                add(("place", m.start(), m.end()))
    for m in _ACRONYM_HOSPITAL.finditer(text) if any(a in text for a in ("KBC", "UKC", "CH", "UMC", "AKH", "LKH",
                                                                           "UKE", "AP-HP", "HUG")) else ():
        words = list(re.finditer(r"\S+", m.group("n")))
        for k, w in enumerate(words[1:], 1):  # "UMC Utrecht wants", "KBC Sestre milosrdnice app": it ends at English
            if w.group().islower() and (lists.is_word(w.group()) or w.group() in lists.medical):
                words = words[:k]
                break
        while len(words) > 1 and words[-1].group().lower() in MONTH_WORDS | _WEEKDAYS:
            words.pop()  # "CHU Nantes Monday": the name, not the day after it
        if words[0].group().lower() not in _WEEKDAYS:
            add(("place", m.start("n"), m.start("n") + words[-1].end()))
    for m in _OUR_LADY.finditer(text):
        add(("place", m.start(), m.end()))
    for m in _ROOM_NUMBER.finditer(text):
        if _ROOM_WORD.search(text, max(0, m.start() - 24), m.start()):
            add(("address", m.start(), m.end()))
    for m in _LETTER_STREET.finditer(text):
        add(("address", m.start(), m.end()))
    for m in _FACILITY_OF.finditer(text):
        add(("place", m.start(), m.end()))
