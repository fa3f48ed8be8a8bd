"""Round nine of issue 15: streets, postal codes, districts and hospitals written the way their countries write
them, found in set H once it was retired to the tuning corpus and generalised to each form's language. Plain
code called from deid_cued.py, so the fast de-identifier and the reference one share it as it is.

- A street whose word comes after its name, as its own word, with a house number: "Andrássy út 20", "Kossuth
  Lajos utca 12", "Skolas iela 21", "Kongens gate 12", "Pärnu mnt 12", "Gedimino pr. 9", "Václavské náměstí 5".
- A street whose word comes first, in the languages deid_forms' list lacks: "Bulevardul Unirii 5", "Calea
  Victoriei 12", "Aleja Jana Pawła II 12", "Plac Wolności 3"; a German street after "Am", "An der", "Im" ("Am
  Markt 2").
- A Canadian postal code ("K1S 5B6"), a ward or district of Japan or Korea written in Latin letters
  ("setagaya-ku", "Mapo-gu", "Yeoksam-dong"), a district or road in Chinese characters ("西屯區", "忠孝東路").
- A hospital named in one word with its Nordic article ("Rigshospitalet"), and a name before the word for a
  hospital or health centre of the languages that put it last ("Ullevål sykehus", "Meilahden sairaala",
  "Szent János Kórház", "Acıbadem Hastanesi").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-Я][\w'’\-]*"
_NUMBER = r"\d{1,4}[a-zA-Z]?\b(?![.,:/]\d|\s*(?i:mg|ml|min|mins|kg|%|x|lat|éves|years?)\b)"
_STREET_AFTER = re.compile(rf"(?P<s>(?:{_CAP}\s+){{1,3}}(?:út|utca|útja|körút|tér|iela|gate|gata|vei|veg|tie|mnt|"
                           rf"maantee|tn|tänav|pst|puiestee|pr\.|prospektas|gatvė|náměstí|nám\.|třída|nábřeží|ulice|"
                           rf"ulica|cesta|trg)\s+{_NUMBER})")
_STREET_BEFORE = re.compile(rf"\b(?P<s>(?:Bulevardul|Bd\.|Calea|Aleea|Aleja|Al\.|Plac|Placu|Osiedle|Os\.|Náměstí|"
                            rf"Nábřeží|Ulice|Bulvāris|Prospekt|Prospektas|Tänav|Bulevar|Ulitsa)\s+"
                            rf"(?:{_CAP}\s+){{1,4}}{_NUMBER})")
_AM_STREET = re.compile(r"\b(?P<s>(?:Am|An\s+der|An\s+den|Auf\s+dem|Auf\s+der|Im|In\s+der|Zum|Zur|Unter\s+den)\s+"
                        r"(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                        r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Moment|Prinzip)\b)"
                        r"[A-ZÄÖÜ][\w\-]+\s+\d{1,3}[a-z]?\b(?![.,:/]\d|\s*(?i:mg|ml|min|kg|%|x|uhr|h)\b))")
_CANADIAN_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_WARD = re.compile(r"\b(?P<s>[A-Za-z]{3,}-(?:ku|gu|dong|shi|cho|machi|gun|myeon|eup))\b")
_CJK_DISTRICT = re.compile(r"[\u3400-\u9fff]{1,6}(?:區|区|路|街)(?:\d{1,3}(?:段|號|号|巷|弄))*(?![\u3400-\u9fff])")
_CJK = re.compile(r"[\u3400-\u9fff]")
# round ten (set J's fourth look: "Tanaka Naika, 3-12-5 Nishi-Shinjuku", "the urgent care on 180th", "Shabazi st
# 12", "took him to 日赤 in Nagoya", "follow up at 沙田 clinic", "teacher kim at 대치동"):
# a Japanese address's block numbers before its district: three numbers and a capitalised name (never "2-3
# Tylenol", nor a dose schedule "1-0-1" or a count "5-4-3")
_CHOME = re.compile(r"(?<![\d\-/.])\d{1,2}-\d{1,3}-\d{1,3}(?![\d\-])\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)*")
# a numbered street said by its ordinal after "on", "off" or "at" (two digits or more: "on 2nd dose" stays)
_ORDINAL_STREET = re.compile(r"\b(?i:on|off|at|near)\s+(?P<s>\d{2,3}(?:st|nd|rd|th))\b(?!\s+(?i:day|days|week|weeks|"
                             r"birthday|floor|dose|doses|cycle|time|visit|of|round|try|attempt|session|trimester)\b)")
# a street with its word written short and its number after: "Shabazi st 12", "Herzl St. 5"
_NAME_ST_NUMBER = re.compile(r"\b[A-Z][\w'’\-]+\s+(?i:st|rd|ave|blvd)\.?\s+\d{1,4}[a-zA-Z]?\b(?![.,:/]\d|\s*(?i:mg|ml|"
                             r"kg|%|min|mins|am|pm)\b)")
_ORDINAL_GATE = re.compile(r"\d(?i:st|nd|rd|th)\b")  # what the two patterns above need, cheaply
_ST_NUMBER_GATE = re.compile(r"(?i:st|rd|ave|blvd)\.?\s+\d")
# a name written in Chinese, Japanese or Korean script right after "at", "to", "in", "near" or "from", before what a
# place has or an end of phrase (Hangul: a neighbourhood, district or station ending: 동, 구, 역)
_CJK_AFTER_CUE = re.compile(r"\b(?i:at|to|in|near|from)\s+(?P<p>[\u3040-\u30ff\u3400-\u9fff]{1,8}|[\uac00-\ud7af]{1,6}"
                            r"(?:동|구|역))(?=\s*(?:[,.;:)]|$|(?i:clinic|hospital|hosp|station|ward|pharmacy|in|on)\b))")
# session thirty-one: after "at", "to", "near" or "from", a name in those scripts whatever follows it ("at 旺角 who
# pressed", "to 東京女子医大 ER", "to 강남세브란스 내과", "near 마곡 for"): of three characters or more after "to" or
# "from" ("went to 运动 today", "allergic to 花粉", "talked to 医生" are two), of two after "at" or "near" unless the
# second names a kind of place or person ("at 医院"); never a department ("from 정형외과", "to 内科") nor a centre's
# kind ("at 月子中心") of four characters or fewer (a clinic's name is longer: "山本耳鼻科")
_CJK_AFTER_PLACE_CUE = re.compile(r"\b(?:(?i:at|near)\s+(?P<p>[\u3040-\u30ff\u3400-\u9fff]{2,10}|[\uac00-\ud7af]{2,8})|"
                                  r"(?i:to|from)\s+(?P<q>[\u3040-\u30ff\u3400-\u9fff]{3,10}|[\uac00-\ud7af]{3,8}))"
                                  r"(?![\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")
_CJK_KINDS = re.compile(r"(?:과|科|中心|센터)\Z")
_CJK_KIND_OF_TWO = re.compile(r"\A.[院医醫生科房店所室館馆师師]\Z")
_NORDIC_HOSPITAL = re.compile(r"\b[A-ZÆØÅÄÖ][a-zæøåäö]{2,}(?:hospitalet|sjukhuset|sykehuset|sygehuset|lasarettet|"
                              r"klinikken|kliniken|lægehuset|legesenteret|vårdcentralen)\b")
_HOSPITAL_AFTER = re.compile(rf"(?P<n>(?:{_CAP}\s+){{1,3}})(?:sykehus|sjukhus|sygehus|lasarett|sairaala|klinikos|"
                             r"ligoninė|ligonine|slimnīca|haigla|"
                             r"terveysasema|kórház|Kórház|rendelőintézet|ziekenhuis|hastanesi|Hastanesi|"
                             r"universitetssykehus|universitetssjukhus|legevakt|helsesenter|vårdcentral)\b")
# speed gates: each rule runs only where what it needs is there (never a change in what is found)
_AFTER_GATE = re.compile(r"\s(?:út|utca|útja|körút|tér|iela|gate|gata|vei|veg|tie|mnt|maantee|tn|tänav|pst|puiestee|"
                         r"pr\.|prospektas|gatvė|náměstí|nám\.|třída|nábřeží|ulice|ulica|cesta|trg)\s+\d")
_BEFORE_GATE = re.compile(trie(str.split("""Bulevardul Bd. Calea Aleea Aleja Al. Plac Placu Osiedle Os. Náměstí Nábřeží
                          Ulice Bulvāris Prospekt Prospektas Tänav Bulevar Ulitsa"""),
                               ignore_case=False, word_start=True)
                          + r"\s")
_POSTCODE_GATE = re.compile(r"[A-Z]\d[A-Z]")
_WARD_GATE = re.compile(r"[a-z]-(?:ku|gu|dong|shi|cho|machi|gun|myeon|eup)\b")
_FACILITY_SIGNS = ("klinikos", "ligonin", "slimnīca", "haigla", "hospitalet", "sjukhus", "sykehus", "sygehus",
                   "lasarett", "klinikken", "kliniken", "sairaala",
                   "terveysasema", "kórház", "rendelő", "ziekenhuis", "hastane", "legevakt", "legesenter",
                   "helsesenter", "lægehus", "vårdcentral")
_GATE = re.compile(r"\d")
# "bed 14", "Bed 3B": where a person lies in a hospital or a home (round nine; never "to bed 11", "in bed 10": a
# bedtime, nor a count of beds; a ward stays, as round seven decided: "my shift on Ward 4")
_BED = re.compile(r"(?<!\bto\s)(?<!\bin\s)(?<!\bby\s)(?<!\bof\s)(?<!\bfor\s)\b(?i:bed)\s?#?\s?"
                  r"(?P<n>\d{1,2}[A-Z]?)\b(?![.,:/]\d|\s*(?i:am|pm|ish|o['’]?clock|beds|days?|nights?|hours?|hrs?|"
                  r"mins?|patients|x)\b)")


def street_candidates(text: str, add: Add) -> None:
    """Every street, postal code, district and hospital of this module's rules in ``text`` (see the docstring).
    Each rule runs only where a cheap sign of what it needs is there: a speed gate, never a change in what is
    found."""
    lower = text.lower()
    if any(w in lower for w in _FACILITY_SIGNS):
        for m in _NORDIC_HOSPITAL.finditer(text):
            add(("place", m.start(), m.end()))
        for m in _HOSPITAL_AFTER.finditer(text):
            add(("place", m.start("n"), m.start("n") + len(m.group("n").rstrip())))
    if "-" in text and _WARD_GATE.search(text):
        for m in _WARD.finditer(text):
            add(("place", m.start("s"), m.end("s")))
    if _CJK.search(text):
        for m in _CJK_DISTRICT.finditer(text):
            add(("place", m.start(), m.end()))
    if not text.isascii():
        for rx in (_CJK_AFTER_CUE, _CJK_AFTER_PLACE_CUE):
            for m in rx.finditer(text):
                g = "p" if m.group("p") else "q"
                name = m.group(g)
                if not (len(name) <= 4 and _CJK_KINDS.search(name)) and not _CJK_KIND_OF_TWO.match(name):
                    add(("place", m.start(g), m.end(g)))
    if not _GATE.search(text):
        return
    if "-" in text:
        for m in _CHOME.finditer(text):
            add(("address", m.start(), m.end()))
    if _ORDINAL_GATE.search(text):
        for m in _ORDINAL_STREET.finditer(text):
            add(("address", m.start("s"), m.end("s")))
    if _ST_NUMBER_GATE.search(text):
        for m in _NAME_ST_NUMBER.finditer(text):
            add(("address", m.start(), m.end()))
    if "bed" in lower:
        for m in _BED.finditer(text):
            add(("address", m.start("n"), m.end("n")))
    if _POSTCODE_GATE.search(text):
        for m in _CANADIAN_POSTCODE.finditer(text):
            add(("address", m.start(), m.end()))
    for rx, gate in ((_STREET_AFTER, _AFTER_GATE), (_STREET_BEFORE, _BEFORE_GATE)):
        if gate.search(text):
            for m in rx.finditer(text):
                add(("address", m.start("s"), m.end("s")))
    if any(w in text for w in ("Am ", "An ", "Auf ", "Im ", "In der ", "Zum ", "Zur ", "Unter ")):
        for m in _AM_STREET.finditer(text):
            add(("address", m.start("s"), m.end("s")))
