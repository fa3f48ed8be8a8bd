"""Round eight of issue 15 (set H's moved entries whose explainer text carried a place): the numbers that make a
street, a room or a numbered institution someone's, and streets written the way other countries write them.
Plain code shared by the fast de-identifier and the reference one.

- ``take_house_numbers``: a house, flat or room number right after a street or place the de-identifier took out
  ("on Herzl 45", "Main St #14", "Industrial Area street 24", "поликлиника №12"), or right before one at the start
  of an address ("320 Green Lanes", "at 14 Cois Cuain"), goes with it; after a place that is no street, only a
  number with its sign ("Clinic №12"); never a count, a dose or a time ("Boots 3 times", "Parol 500").
- ``address_candidates``: a street after the Cyrillic word for one ("ул. Шипка 22", "вул. Богдана Хмельницького
  16"), a Colombian address ("Cra 43A #18-95", "Calle 10 # 43-12"), a German street written short
  ("Gustav-Mahler-Str. 3"); a numbered school, clinic or polyclinic ("School 155", "UMF 28", "QSH nr. 3", "№ 12").
  (A room's or a flat's number in any language is deid_orgs' room rule.)
- ``address_candidates``, round eleven: the numbered parts of an address in South Asia and Africa ("House 41, Road 27,",
  "H.No. 1142, Sector 31,", "45-C block").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

# what may follow a number that is no house number: a unit, a count, a time, a score
_NOT_HOUSE = (r"(?![.,:/]\d|\s*(?:%|/|°|(?i:times|x|mg|mcg|ml|kg|g|lbs?|km|miles?|mins?|minutes|hours?|hrs?|h|days?|"
              r"weeks?|months?|years?|yrs?|am|pm|a\.m\.|p\.m\.|o'?clock|puffs?|tabs?|tablets?|pills?|units?|iu|doses?|"
              r"steps|bpm|mmhg|percent|people|patients|kids|children|of|out|to|or|and|-\s*\d|pound|dollars?|"
              r"euros?)\b))")
_AFTER = re.compile(r"\s*(?:#|№|(?i:no\.?|nr\.?|n[º°]\.?|number)\s*)?\s*"
                    rf"(?P<n>\d{{1,5}}[A-Za-z]?(?:\s*[-/]\s*\d{{1,4}}[A-Za-z]?)?)\b{_NOT_HOUSE}")
# (not a vitamin: "12 Oak Road B12 shots")
_OUTWARD = re.compile(r",?\s+(?!(?:B(?:1|2|3|5|6|7|9|12)|D[23]|K[12])\b)"
                      r"(?P<n>[A-Z]{1,2}\d{1,2}[A-Z]?(?:\s\d[A-Z]{2})?)\b(?![\w\-/])")
_BEFORE = re.compile(r"(?:^|(?<=[\s(,:;]))(?P<n>\d{1,5}[A-Za-z]?)\s+$")
# what comes before a number that starts an address ("at 14 Cois Cuain", "moving to 520 ..."), or nothing
_ADDRESS_LEAD = re.compile(r"(?:^|[\n.;:,(]\s*|\b(?i:at|to|on|in|from|near|address|lives?|living|moved|moving|"
                           r"posted|sent|delivered|flat|apt|unit|is)\s+)$")
_NAME_ADDRESS_LEAD = re.compile(r"(?:^|\n\s*|\b(?i:address|moved\s+to|moving\s+to|posted\s+to\s+me\s+at|sent\s+to|"
                                r"delivered\s+to|lives?\s+at|living\s+at)\s+)$")
_PLACES = frozenset(("address", "place", "town"))


def take_house_numbers(text: str, chosen: list[tuple[str, int, int]]) -> None:
    """Grow each chosen street or place to take in the house number beside it (see the docstring), unless that
    would take in another chosen span."""
    for i, (cat, s, e) in enumerate(chosen):
        if cat not in _PLACES and cat not in ("private", "name"):
            continue
        lo, hi = s, e

        def others(i: int = i) -> list[tuple[int, int]]:  # the other chosen spans, read only when a number is near
            return [(cs, ce) for j, (_c, cs, ce) in enumerate(chosen) if j != i]

        after = _AFTER.match(text, e)
        # after a place that is no street, only a number with its sign ("Clinic №12", not "Parol 500": a
        # product read as a place keeps its dose)
        signed = after is not None and after.group().strip()[:1] in ("#", "№", "N", "n")
        if after is not None and (cat == "address" or (cat in _PLACES and signed)) \
                and not any(cs < after.end("n") and e < ce for cs, ce in others()):
            hi = after.end("n")
        before = _BEFORE.search(text, max(0, s - 8), s)
        lead = _ADDRESS_LEAD if cat != "name" else _NAME_ADDRESS_LEAD  # "at 14 Nadia walked": an age
        if before is not None and lead.search(text, max(0, before.start("n") - 24), before.start("n")) \
                and not any(cs < s and before.start("n") < ce for cs, ce in others()):
            lo = before.start("n")
        # "320 Green Lanes N4": a postcode's district after a street or a numbered address
        outward = _OUTWARD.match(text, hi) if cat == "address" or text[lo:lo + 1].isdigit() else None
        if outward is not None and not any(cs < outward.end("n") and hi < ce for cs, ce in others()):
            hi = outward.end("n")
        if (lo, hi) != (s, e):
            chosen[i] = (cat, lo, hi)


_CYRILLIC_STREET = re.compile(
    r"\b(?i:ул|вул|пр|просп|пер|бул|пл|ш|улица|улиця|вулиця|проспект|переулок|провулок|бульвар|площадь|площа|"
    r"шоссе|шосе|наб)\.?\s+(?:[А-ЯЁЇІЄҐA-Z][\w'’\-]*\.?\s+){0,3}[А-ЯЁЇІЄҐA-Z][\w'’\-]*"
    r"(?:,?\s*(?:д\.|буд\.|№)?\s*\d{1,4}[а-яa-z]?(?:/\d{1,4})?)?")
_COLOMBIAN = re.compile(r"\b(?i:" + trie(str.split("cra carrera kra kr cl calle cll dg diagonal tv transversal av "
                                                     "avenida ak ac")) + r")\.?\s+"
                        r"\d{1,3}\s?[A-Za-z]?(?:\s?bis)?\s*(?:#|No\.?|n[º°])\s*\d{1,3}\s?[A-Za-z]?\s*-\s*\d{1,3}\b")
_SHORT_STRASSE = re.compile(r"\b[A-ZÄÖÜ][\w\-]*-?(?i:str)\.\s*\d{1,4}[a-z]?\b")
_NUMBERED = re.compile(
    r"\b(?i:school|schule|szkoła|szkola|liceum|lyceum|gymnasium|gimnazjum|школа|школи|школы|ліцей|лицей|гимназия|"
    r"гімназія|СУ|СОУ|ОУ|ОШ|UMF|HGZ|HGR|IMSS|ISSSTE|QSH|поликлиник[аиуеой]+|поліклінік[аиуеоіяю]+|больниц[аыуеой]+|"
    r"лікарн[яіюе]+|амбулатори[яиюей]+|амбулаторі[яїює]+|"
    r"przychodnia|poliklinika|polyclinic|policlinic|policlínica|policlinica|dom\s+zdravlja|ambulanta)\s*"
    r"(?P<n>(?:(?:№|#|(?i:no\.?|nr\.?|n[º°]\.?))\s*)?\d{1,4})\b" + _NOT_HOUSE)
# "Main St #14", "Oak Ave # 3B": a street written short with the flat's number after a hash
_STREET_HASH = re.compile(r"\b[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}\s+(?:St|Rd|Ave|Dr|Blvd|Ln|Ct|Pl|Hwy)\.?\s*#\s*"
                          r"\d{1,5}[A-Za-z]?\b")
# "H91 X2K7", "D06 F2E5": an Irish Eircode (a routing key and a unique identifier, never a word)
_EIRCODE = re.compile(r"[AC-FHKNPRTV-Y](?<!\w.)\d{2}\s?(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[AC-FHKNPRTV-Y0-9]{4}\b")
_GATE = re.compile(r"\d")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# a piece of every word of _NUMBERED, in lower case
_NUMBERED_SIGNS = ("school", "schule", "szko", "liceum", "lyceum", "gym", "gimn", "школ", "ліце", "лице", "гимн",
                   "гімн", "су", "соу", "оу", "ош", "umf", "hgz", "hgr", "imss", "issste", "qsh", "поликлин",
                   "полікл", "больниц", "лікарн", "амбулатор", "przychodni", "poliklin", "polyclin", "policl",
                   "dom zdravlja", "ambulant")
# round ten (set J's fourth look: "в 19-й поликлинике", "в поликлинику №220", "амбулаторія №5"): a numbered clinic,
# hospital or school of Russian or Ukrainian with its number first, in any case form
_NUMBER_FIRST = re.compile(r"(?<![\d.,])(?P<n>\d{1,4})(?:-?(?:й|я|ая|ой|ую|ей|ий|а|ої|ій|у))?\s+"
                           r"(?:(?i:городск|міськ|районн|обласн|детск|дитяч)[а-яіїє]*\s+)?"
                           r"(?i:поликлиник|поліклінік|больниц|лікарн|амбулатори|амбулаторі|школ|роддом|пологов)"
                           r"[а-яіїє]*")


# round eleven (set K's second look): the parts of an address in South Asia and Africa, a capitalised word for a part
# and its number, one of a list ("House 41, Road 27, Dhanmondi", "H.No. 1142, Sector 31, Noida", "Plot 12, Kilimani";
# not "AV Block 2,": a heart's block, "Phase 3," a trial's, "Quarter 2," a year's); and a block's number before its
# word ("45-C block")
_ADDRESS_PART = re.compile(r"\b(?:House|Road|Rd|Plot|Sector|Flat|Lane|Street|Gali|Stand|Erf|Door|"
                           r"H\.\s?No|H\s?No|House\s+No|Plot\s+No|Flat\s+No|Door\s+No)\.?\s*[:#]?\s*"
                           r"(?P<n>\d{1,5}(?:\s?[-/]\s?[A-Z0-9]{1,4})?[A-Za-z]?)\b(?=\s*,)" + _NOT_HOUSE)
_BLOCK_FIRST = re.compile(r"(?<![\w.,])(?P<n>\d{1,4}-?[A-Z])\s+(?i:block|sector|phase)\b")
# (as written: the parts are capitalised, a block's, a sector's or a phase's word may not be)
_ADDRESS_PART_SIGNS = ("House", "Road", "Rd", "Plot", "Sector", "Flat", "Lane", "Street", "Gali", "Phase", "Stand",
                       "Erf", "Door", "H.No", "H. No", "H No", "HNo", "block", "Block", "BLOCK", "sector",
                       "SECTOR", "phase", "PHASE")
_ADDRESS_PART_GATE = re.compile(trie(list(_ADDRESS_PART_SIGNS), ignore_case=False))


# "마음편한의원", "서울대학교병원", "仁愛醫院", "山田クリニック": a name in Korean, Chinese or Japanese script that
# ends with the word for a clinic or a hospital
# (round seventeen: and the short names Taiwan's hospital groups go by after their branch's town, "林口長庚",
# "台北榮總"; a Korean department's or a nursery's ending was tried and taken back: "동네소아과", "영어유치원",
# "今日は保育園" are words any journal has, a second reader found)
_CJK_FACILITY = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,12}(?:의원|병원|의료원|클리닉|한의원|"
                           r"医院|醫院|诊所|診所|病院|クリニック|歯科|牙科|眼科|内科|內科|長庚|长庚|榮總|荣总)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# "В 119 СУ": a school's number before its Bulgarian or Russian abbreviation
_NUMBER_SCHOOL = re.compile(r"(?<![\d.,])(?P<n>\d{1,4})\s*(?:СУ|СОУ|ОУ|ОШ|ПМГ|ЕГ)\b")


# session twenty-nine: a flat's number where the address has it: a Singapore or Malaysian unit, floor and door ("Blk
# 630 Jurong West St 65 #01-12", "block 32 #03-15"; not "exercises #1-5"), and a Spanish floor and door ("Calle de
# Alcalá 186, 4ºB", "3º izq"; not a temperature, "38ºC")
_UNIT_NUMBER = re.compile(r"(?<![\w#])#\s?\d{2}-\d{2,5}(?![\d\-/])|(?<![\w.,])\d{1,2}\s?[ºª]\s?"
                          r"(?:[A-BD-EG-Z]\b|(?i:izq|izda|izqda|dcha|dch|dra|dto|esq)\b\.?)")


def address_candidates(text: str, add: Add) -> None:
    """Every street, room and numbered institution of this module's rules in ``text`` (see the docstring). Each
    rule runs only where a cheap sign of what it needs is there: a speed gate, never a change in what is found."""
    if _CJK.search(text):
        for m in _CJK_FACILITY.finditer(text):
            add(("place", m.start(), m.end()))
    if not _GATE.search(text):
        return
    if "#" in text or "º" in text or "ª" in text:
        for m in _UNIT_NUMBER.finditer(text):
            add(("address", m.start(), m.end()))
    lower = text.lower()
    if _CYRILLIC.search(text):
        for m in _NUMBER_SCHOOL.finditer(text):
            add(("school", m.start("n"), m.end("n")))
    rules = [(_EIRCODE, True)]
    if _CYRILLIC.search(text):
        rules.append((_CYRILLIC_STREET, True))
    if "-" in text and ("#" in text or "º" in text or "°" in text or "no" in lower):
        rules.append((_COLOMBIAN, True))
    if "str." in lower:
        rules.append((_SHORT_STRASSE, True))
    if "#" in text:
        rules.append((_STREET_HASH, True))
    if _ADDRESS_PART_GATE.search(text):
        for rx in (_ADDRESS_PART, _BLOCK_FIRST):
            for m in rx.finditer(text):
                add(("address", m.start("n"), m.end("n")))
    for rx, _ in rules:
        for m in rx.finditer(text):
            if any(c.isdigit() for c in m.group()) or rx is _CYRILLIC_STREET:
                add(("address", m.start(), m.end()))
    if not any(w in lower for w in _NUMBERED_SIGNS):
        return
    for m in _NUMBER_FIRST.finditer(text) if _CYRILLIC.search(text) else ():
        add(("place", m.start("n"), m.end("n")))
    for m in _NUMBERED.finditer(text):
        add(("school" if m.group().lower().startswith(("sch", "szk", "lic", "lyc", "gym", "gim", "шк", "лі", "ли",
                                                        "гі", "ги", "су", "соу", "оу", "ош")) else "place",
             m.start("n"), m.end("n")))
