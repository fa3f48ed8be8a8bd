"""Codes people are asked for or carry, in any text (issue 15, round six, from the tuning corpus): the last four
digits an office asks for ("my last-4 is 9021"), a code after the word for one ("Sensor code 5819", "PIN 0912"), a
card of capitals and groups of digits ("RAMQ: TREG 5208 1419"), a Discord tag ("raindrop#4410"), a handle after the
word for one ("my channel is lowbatteryliv", "IGN: xXdrakeXx") and a vehicle's plate within a few words after the
word for a vehicle ("her car NDB 4821", "patente KL·RT·47"). Round seven (set G's moved entries): the word for a
code or a phone in other languages ("kod 7312", "Faxnummer 0231 9847110-29"), a phone's extension ("ext 6621"), an
IBAN, a clinic's letters before its number ("PKL 20331"), capitals and slashes before a number ("TB/GRR/0774"),
groups of three or four digits in a row ("Bonitas 6617 4402"), a file's whole name after the word for naming it
("saved as Scan 14 Mar.pdf"). Each goes out as an ID. Plain code with speed gates
that never change what is found, shared as it is by the fast de-identifier and the reference one
(tests/support/deid_reference.py), as deid_cued.py is.
"""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cued import READING_WORDS, Add
from healthviz_desktop.core.prompting.deid_secrets import secret_candidates
from healthviz_desktop.core.prompting.vocabulary import fold, foreign_words, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

# "my last-4 is 9021", "my last four (3377)", "last 4 of my SSN: 1234": the digits an office asks for
_LAST_FOUR = re.compile(
    r"\b(?i:last)[\s\-]*(?:4|four)\b(?:\s+(?i:digits?|numbers?))?(?:\s+(?i:of|on|from)\s+(?:(?i:my|the|his|her|our|their)"
    r"\s+)?(?i:ssn|ss#?|social(?:\s+security)?(?:\s+number)?|sin|card|account|acct|number|nhs\s+number|id))?"
    r"[\s:,(#\-]*(?:(?:(?i:it|that|they)\s+)?(?i:is|are|was|were|=)\s*)?[\s:(#]*(?P<d>\d{4})\b(?![.,/\-]\d)")
# "Sensor code 5819", "door code: 4471", "PIN 0912": a code of four digits or more after the word for one
# (and the word for a code in the languages people mix in: "kod 7312", "código 5521", "codice 0042")
# (round eleven: an outpatient ticket or token, "ENT OPD, ticket 5523"; session twenty-six: a polyclinic's queue
# number, "Queue no. 2093", and a carer's log, "Key safe 8820", "code changed to 4471")
_CODE_NUMBER = re.compile(r"\b(?i:code|codes|pin|passcode|kod|kodu|kód|kode|koodi|código|codigo|codice|ticket|"
                          r"token|queue|key\s?safe|lock\s?box|key\s+box)\b[\s:#]*(?:(?i:no|number|num)\b\.?\s*)?"
                          r"(?:(?:(?i:changed|reset|now|is|was|to|jest|es|est|è)\b|=)\s*){0,3}"
                          r"(?P<d>\d{4,})\b(?![.,/\-]\d)")
# a queue's or a ticket's number with its letter: "Queue number A2147" (not "ICD code F3210")
_QUEUE_NUMBER = re.compile(r"\b(?i:queue|ticket|token)\b[\s:#]*(?:(?i:no|number|num)\b\.?\s*)?"
                           r"(?P<d>[A-Z]{1,2}\d{3,})\b(?![.,/\-]\d)")
# a parcel's tracking number, in groups or not: "tracking 1Z 999 AA1 01 2345 6784", "consignment no. JD0002 2514"
# (session twenty-seven; eight letters and digits or more with a digit among them: not "tracking BP daily")
_TRACKING = re.compile(r"\b(?i:tracking|consignment|waybill|parcel)\b[\s:#]*(?:(?i:no|number|num|code|ref|id)\b\.?"
                       r"[\s:#]*)?(?P<d>[A-Z0-9]{2,}(?:[ \-][A-Z0-9]{2,})*)\b")
# a store's or a branch's number after its name: "Shoppers Drug Mart #1287", "Walgreens #4412", "store #212"
# (session twenty-seven: the chain is no one's, its branch is a place; never "#1 priority")
_STORE_NUMBER = re.compile(r"\b(?:[A-Z][A-Za-z'’]+|(?i:store|branch|shop|location|pharmacy|outlet))\s+#\s?"
                           r"(?P<d>\d{2,6})\b")
# a school's class or form by its year and letters: "Class 5H", "form 10B", "tutor group 9RW" (session twenty-seven;
# a year alone, "Year 9", "Grade 4", names no one; an antiarrhythmic's "class 1C" stays)
_CLASS_CODE = re.compile(r"\b(?i:class|form|tutor\s+group|reg\s+group|form\s+group|homeroom)\s+"
                         r"(?P<d>(?!1[ABC]\b)\d{1,2}[A-Z]{1,3})\b(?!\s+(?i:drugs?|agents?|antiarrhythmics?)\b)")
_CLASS_SIGNS = ("class", "form", "group", "homeroom")
_TRACKING_SIGNS = ("tracking", "consignment", "waybill", "parcel")
_CODE_SIGNS = ("code", "pin", "kod", "kód", "kode", "koodi", "código", "codigo", "codice", "ticket", "token",
               "queue", "safe", "box")
# round eleven (set K's first look): "Empire BCBS member ID YLJ904417322, group 7710": a plan's group number after the
# plan's words (a group alone, "my support group 2024", is no plan's)
_PLAN_GROUP = re.compile(r"\b(?i:group|grp)\b[\s:#]*(?:(?i:no|number|num)\b\.?\s*)?"
                         r"(?P<d>[A-Z0-9]*\d[A-Z0-9]{2,})\b(?![.,/\-]\d)")
_PLAN_WORDS = re.compile(r"\b(?i:member|policy|plan|insurance|insurer|insured|subscriber|coverage|cover|medicaid|"
                         r"medicare|bcbs|aetna|cigna|humana|kaiser|tricare|uhc|anthem|medical\s+aid|nhif|nhis)\b")
# "UPI to srl.saket@icici", "GPay kauveryphysio@okhdfcbank": a payment address (an id at a bank or an app, no dot
# after it) where a payment is spoken of just before (not "10mg@bedtime", "meds@noon")
_PAY_ADDRESS = re.compile(r"(?<![\w.@])[A-Za-z0-9][A-Za-z0-9._\-]{1,40}@[A-Za-z][A-Za-z0-9]{1,20}\b(?![.@\-]\w)")
_PAYING_BEFORE = re.compile(r"\b(?i:upi|vpa|gpay|google\s+pay|paytm|phonepe|bhim|pay|paid|paying|pays|sent|send|"
                            r"transfer(?:red)?|payment|id)\b")
# "File no. NTH 08823", "Reg. No: KNH 4471": capitals and a number after the word for a number (the capitals may
# be a word: "NTH")
# (found from the capitals, the word for a number read behind them: scanning for a capital is quicker)
_NUMBERED_CAPS = re.compile(r"(?P<d>[A-Z](?<!\w.)[A-Z]{1,4}[ \-]?\d{3,10})\b(?![.,/\-]\d)")
# ("no" only with its dot, colon or hash: "no SVT 180 since Tuesday" is the word "no")
_NUMBER_WORD_BEFORE = re.compile(r"(?:\b(?i:no|nos)\s*[.:#]|\b(?i:number|num|ref|file|reg|regd)\b\.?)\s*[:#]?\s*$")
# plates of East and West Africa without the word for a vehicle: Kenya "KCD 482M", Nigeria "GWA 715 KL",
# Tanzania "T 482 DKL" (letters no unit or medical word: not "ESR 110 MM", "KCL 600M")
_AFRICAN_PLATE = re.compile(r"\b(?:K[A-Z]{2} ?\d{3}[A-Z]|[A-Z]{3}[ \-]\d{3}[ \-]?[A-Z]{2}|T ?\d{3} ?[A-Z]{3})\b"
                            r"(?![.,/\-]?\d|\s*(?i:tabs?|tablets?|caps?|capsules?|mg|ml|units?|x|daily|bd|od)\b)")
# "FR76 3000 4028 3700 0100 4821 913", "NL91ABNA0417164300": an IBAN (country, check digits, up to 30 more)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_IBAN_GATE = re.compile(r"[A-Z](?<!\w.)[A-Z]\d{2}[ ]?[A-Z0-9]{4}")
# "TB/GRR/0774", "MRN/KGH/20331": capitals joined by slashes to a number, a clinic's file or card number
# (round eleven: a year or a count between them, "ZNZ/TB/25/0419")
_SLASHED = re.compile(r"\b[A-Z]{1,6}(?:/(?:[A-Z]{1,6}|\d{1,4}))*/\d{3,}\b(?!/)")
# "PKL 20331", "KGH 45122": a clinic's letters before its number (letters no word, reading or unit)
_LETTERS_NUMBER = re.compile(r"(?P<l>[A-Z](?<!\w.)[A-Z]{1,4})[ \-]?(?P<d>\d{4,10})\b"
                             r"(?![.,/\-]\d|\s*(?i:mg|mcg|ml|iu|units?|"
                             r"kg|lbs?|steps|kcal|cal|mmol|x)\b)")
# "09 307 4949 ext 6621", "555-0134 x22": the extension after a phone number
_EXTENSION = re.compile(r"\d[\d ().\-]{5,}\d,?\s*(?:\b(?i:ext|extn|extension|durchwahl|toestel|poste)\b\.?|x)"
                        r"\s*(?P<d>\d{2,6})\b")
# "Faxnummer 0231 9847110-29", "telefon 604 118 220", "WhatsApp +63 917 555 0199": the number after the word for a
# phone, in any of the languages people mix in, all its groups (and a mobile-money number: "Orange Money 6 77 45 21
# 98", round eleven)
_PHONE_WORD = re.compile(r"\b(?i:fax\w*|tel|tel\.|tél|tél\.|telefon\w*|téléphone|telefone|teléfono|telefono|"
                         r"handy|mobil\w*|mobile|cell|cellphone|whatsapp|viber|gsm|komórka|numer|nummer|número|"
                         r"numéro|numero|money|momo|mpesa|m-pesa|ecocash)\b[\s.:#]*(?P<d>\+?\(?\d[\d ()/\-]{5,}\d)\b")
_PHONE_SIGNS = ("fax", "tel", "tél", "handy", "mobil", "cell", "whatsapp", "viber", "gsm", "komórka", "numer",
                "nummer", "número", "numéro", "numero", "money", "momo", "pesa", "ecocash")
_MONEY_SIGNS = ("money", "momo", "pesa", "ecocash")
_MONEY_GATE = re.compile(trie(list(_MONEY_SIGNS), ignore_case=False))  # (a trie of the signs: one C-level search)
# "Bonitas 6617 4402", "sa 5123 8890": groups of three or four digits in a row, eight digits or more in all
_DIGIT_GROUPS = re.compile(r"\d(?<![\d.,/:\-]\d)\d{2,3}(?: \d{3,4}){1,3}"
                           r"(?![\d]|[.,/:\-]\d|\s*(?i:mg|mcg|ml|iu|units?|kg|"
                           r"lbs?|steps|kcal|cal|mmol|x|times|bpm)\b)")
# "RAMQ: TREG 5208 1419", "CPC-DQC 0047 7192": a code of capitals, then groups of four digits or more (a card)
_CAPS_GROUPS = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})?\s+\d{4,6}(?:\s\d{4,6})+\b(?![.,/\-]\d)")
# "raindrop#4410": a Discord tag, a name and four digits after a hash
_HASH_TAG = re.compile(r"(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}\b")
# "my channel is lowbatteryliv", "IGN: xXdrakeXx", "discord username kopi_0": a handle after the word for one
# (session sixteen: a game's "summoner name", a LINE id written "LINE: amber.tw.1990")
_HANDLE = re.compile(
    r"\b(?i:channel|handle|username|user\s+name|usernames|gamertag|gamer\s+tag|ign|twitch|insta|instagram|tiktok|"
    r"snapchat|snap|discord|reddit|steam|psn|xbox\s+live|telegram|login|log-in|line\s+id|wechat|weixin|kakao|"
    r"kakaotalk|venmo|cash\s?app|paypal|gcash|summoner|riot\s+id|(?-i:LINE)(?=\s*:))\b(?:\s+(?i:name|id|tag|handle|username)){0,2}"
    r"(?P<link>\s+(?i:is|was)\s+|\s*[:=]\s*|\s+@|\s+)(?P<h>[A-Za-z0-9][A-Za-z0-9_.\-]{1,30}[A-Za-z0-9])\b")
_HANDLE_SIGNS = ("channel", "handle", "user", "gamer", "ign", "twitch", "insta", "tiktok", "snap", "discord",
                 "reddit", "steam", "psn", "xbox", "telegram", "log", "line", "wechat", "weixin", "kakao", "venmo",
                 "cash", "paypal", "gcash", "summoner", "riot")
_GROUPS_OF_FOUR = re.compile(r"\d\d{3} \d{4}")
_CAPITAL_WORD_BEFORE = re.compile(r"[A-Z]{2,}\s+\Z")
# session sixteen (set O's moved entries): a forum's user name, "u/tiredbutpoz", "/u/Dr_Kay" (a forum, "r/IVF", is a
# place many people share: it stays; nor is a dose's unit: "18.4 u/day", "1 u/kg")
_FORUM_USER = re.compile(r"(?<![\w/])(?<![\d.,]\s)/?u/(?!(?i:day|days|hr|hrs|hour|hours|kg|ml|dose|meal|meals|min|"
                         r"week|wk|carb|carbs|g)(?![\w\-]))[A-Za-z0-9_\-]{3,20}(?![\w/\-])")
# (in a text that speaks of a forum, or a name no unit has: "u/sound", "u/24h", "ratio u/10g" are a scan and doses)
_FORUM_SIGNS = ("reddit", "r/", "thread", "post", "comment", "user", "dm", "upvote", "forum", "sub")
# a plate written in a script other than Latin after the word for one: Thai "กข 4471 เชียงใหม่" (its letters, its
# number, its province), Arabic, Cyrillic; the Latin ones are deid_context's CUED_PLATE
# a letter of no Latin script (or a Thai mark)
_SCRIPT_LETTER = r"(?:[^\W\d_\u0000-\u024f]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
_SCRIPT_PLATE = re.compile(r"\b(?i:plate|reg|rego|registration|number\s+plate|licence\s+plate|license\s+plate)"
                           rf"(?:\s*(?::|#|(?i:is|was|no\.?|number))){{0,2}}\s+(?P<p>\d?{_SCRIPT_LETTER}{{1,3}}\s?\d{{1,4}}"
                           rf"(?:\s?{_SCRIPT_LETTER}{{1,20}})?)(?!\w)")
# round eight (set H's moved entries): "RUT 15.882.431-K", "DNI 12.604.338", "Cédula 1.020.447.893": a national
# number written in groups of three digits with dots (and a check digit), not an amount of money or a count
_DOTTED_ID = re.compile(r"(?<![\d.,$€£¥])(?P<d>\d{1,3}(?:\.\d{3}){2,3}(?:-[\dkK])?)(?![\w.,]\d|\w|\s*(?i:pesos|"
                        r"reais|euros?|eur|usd|cop|clp|ars|mxn|brl|soles|steps|kcal|cal|kg|km|m|ml|mg|units?|ui)\b)")
_DOTTED_GATE = re.compile(r"\d\.\d{3}\.\d{3}")
_MONEY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?i:r\$|cop|clp|ars|mxn|brl|usd|eur|pesos?|reais|soles|bill|cost|paid|"
                           r"price|total|fee)\b)\s*$")
# "ext 4471", "extension 2209": an extension alone (the one after a phone number is _EXTENSION)
_EXT_ALONE = re.compile(r"\b(?i:ext|extn|extension)\b\.?\s*(?:#\s*)?(?P<d>\d{3,6})\b(?![.,/]\d|\s*(?i:dollars?|bucks|"
                        r"euros?|pounds?|usd|aud|cad|nzd|mg|ml|units?|steps|degrees|times|x)\b)")
# "the card ending 4418", "account ending in 0917": the last digits a card or an account is known by
# (and "should end 3291", round thirteen: the word alone, not before a year)
# (session twenty-five, set W's reserve: the digits said as words too, "account ending four four seven one", and the
# same number written in digits anywhere else then, "no it's 4471")
_SAID = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_ENDING_IN = re.compile(r"(?<!(?i:week|onth|year|riod|rter|scal|term) )\b(?:(?i:ending|ends|ended)\s+"
                        r"(?:(?i:in|with)\s+)?|(?i:end)\s+(?:(?i:in|with)\s+)?(?!19\d\d|20\d\d))"
                        rf"(?P<d>\d{{4}}\b(?![.,/\-]\d)|(?i:{_SAID}(?:[\s\-]+{_SAID}){{3}})\b)")
_SAID_VALUE = {w: str(i) for i, w in enumerate(str.split("zero one two three four five six seven eight nine"))} | {
    "oh": "0"}
# "記号 2108 番号 44731", "号码 ...", "번호 ...": a number after the word for one in Japanese, Chinese and Korean
_CJK_NUMBER = re.compile(r"(?:記号|番号|号码|號碼|번호)\s*[:：]?\s*(?P<d>[A-Za-z0-9][A-Za-z0-9\-]{2,})")

# "her car NDB 4821", "rental car 2PLK 918", "his car is the grey honda RTY 7741", "the car (CB 42 QX)", "patente
# KL·RT·47", "motorbike 60-B2 119.84": a plate's code (groups of capitals and digits, at least one of each) within a
# few words after a word for a vehicle or its plate, in the same sentence
_VEHICLE = re.compile(r"\b(?i:car|cars|van|truck|ute|suv|motorbike|motorcycle|moped|scooter|vehicle|rental|plate|"
                      r"plates|rego|patente|matr[ií]cula|kenteken|kennzeichen|nummernschild|plaque|targa|placa|"
                      r"bus|moto|keke|okada|boda|bodaboda|matatu|taxi|lorry|jeep|tuktuk|rickshaw|bike|corolla|"
                      r"camry|hilux|prado|probox|cruiser|premio|fielder|sienna|innova|bolero)\b"
                      r"(?P<gap>(?:[\s,:#(]+(?!\d)[\w'’]+){0,5}?)[\s,:#(]+"
                      r"(?P<p>[A-Z0-9가-힣]{1,5}(?:[ \-·.][A-Z0-9가-힣]{1,5}){0,3})(?![\w.·\-/][\w가-힣])"
                      r"(?!\s*(?i:iu|mg|mcg|ml|units?|kg|lbs?|km|miles?|mph|kph|mins?|minutes|hours?|hrs?)\b)")
_VEHICLE_SIGNS = ("car", "van", "truck", "ute", "suv", "moto", "moped", "scooter", "vehicle", "rental", "plate",
                  "rego", "patente", "matr", "kenteken", "kennzeichen", "nummernschild", "plaque", "targa", "placa",
                  "bus", "keke", "okada", "boda", "matatu", "taxi", "lorry", "jeep", "tuktuk", "rickshaw", "bike",
                  "corolla", "camry", "hilux", "prado", "probox", "cruiser", "premio", "fielder", "sienna", "innova",
                  "bolero")
_VEHICLE_GATE = re.compile(trie(list(_VEHICLE_SIGNS), ignore_case=False))
# letters that make a number a reading, a time or a unit, not a plate ("at 5 PM", "car 2 KM away")
_NOT_PLATE_LETTERS = frozenset(str.split("am pm km mph kph kmh mi mg ml h hr hrs min mins x"))
# "D3 2000 IU": a dose, not a plate (round eleven: and a lab value's units, "ESR 110 MM", "BNP 450 PG")
_UNIT_LETTERS = frozenset(str.split("iu mg mcg ml kg lb lbs mmhg bpm mmol mm cm pg ng ul dl"))
_FOUR_DIGITS = re.compile(r"\d\d{3}")
# a gate for capitals by a number (read from the digits: a digit is rarer than a capital)
_CAPS_DIGITS = re.compile(r"\d\d\d(?:(?<=[A-Z]\d\d\d)|(?<=[A-Z][ \-]\d\d\d))")
# a product line's letters before a strength: "Metformin XR 1000", "Glucophage SR 500" (a dose, not a clinic's code)
_LINE_LETTERS = frozenset(str.split("xr sr cr er la mr xl ir dr ec ods odt cd hct hctz retard depot mite forte"))
# "saved as Scan 14 Mar.pdf", "named IMG 2291.jpg": a file's whole name, spaces and all, after the word for naming it
_SAVED_AS = re.compile(r"\b(?i:saved\s+(?:it\s+)?as|named|called|titled|filename|file\s+name)\b\s*[:\"'“]?\s*"
                       r"(?P<f>[\w\-]+(?:\s[\w\-]+){0,4}\.(?i:pdf|jpe?g|png|heic|gif|tiff?|docx?|mp4|mov))\b")
_FILE_GATE = re.compile(r"\.(?i:pdf|jpe?g|png|heic|gif|tiff?|docx?|mp4|mov)\b")
# "Scan 12 Feb.pdf in the WhatsApp group", "'Scan 14 Mar.pdf' is the A&E letter": a scan's or a photo's name, spaces
# and all, by the word it starts with or in quotes, with a number in it (round thirteen, set N's first look); the
# copy's number a computer adds in brackets too ("Screenshot (412).png", "IMG_2041 (1).jpg"; session twenty-three)
_FILE_EXT = r"\.(?i:pdf|jpe?g|png|heic|gif|tiff?|docx?|mp4|mov)"
_FILE_WORD = r"[\w\-]*\w[\w\-]*"
_NAMED_FILE = re.compile(rf"\b(?P<f>(?:Scan|IMG|Image|Photo|Pic|Screenshot|Document|Doc|PXL|DSC|WhatsApp\s+Image|"
                         rf"Letter|Report)(?:[\s_\-]{_FILE_WORD}(?:\s{_FILE_WORD}){{0,4}}(?:\s?\(\d{{1,4}}\))?"
                         rf"|\s?\(\d{{1,4}}\)){_FILE_EXT})\b"
                         rf"|(?<=['\"‘“])(?P<q>{_FILE_WORD}(?:\s{_FILE_WORD}){{0,5}}{_FILE_EXT})(?=['\"’”])")
# a reading's word just before numbers: "steps 8400 9200", "HR 112 118 121" are readings, not an ID
_READING_BEFORE = re.compile(r"\b(?i:steps|hr|bp|pulse|glucose|sugars?|bg|readings?|weights?|kcal|calories|"
                             r"ml|mg)\W{1,3}$")


def code_candidates(text: str, add: Add) -> None:
    """Every code of this module's rules in ``text``."""
    lists = word_lists()
    lower = text.lower()
    secret_candidates(text, add)  # session nineteen: passwords and wifi codes, IDs in other scripts' letters
    for m in _CLASS_CODE.finditer(text) if any(w in lower for w in _CLASS_SIGNS) else ():
        add(("code", m.start("d"), m.end("d")))
    for m in _STORE_NUMBER.finditer(text) if "#" in text else ():
        add(("code", m.start("d"), m.end("d")))
    for m in _HANDLE.finditer(text) if any(w in lower for w in _HANDLE_SIGNS) else ():
        h = m.group("h")
        # a handle that is letters alone only after "is", ":" or "@" ("username niya" is Tagalog's "his")
        # (or, after "login" and a space, one no list of any language knows: "your login marqwill")
        linked = m.group("link").strip() != "" or not h.isalpha() or (
            m.group().lower().startswith(("login", "log-in")) and not (
                lists.is_word(h.lower()) or fold(h) in foreign_words() or lists.is_name(h.lower())))
        if linked and not (h.isalpha() and (lists.is_word(h.lower()) or h.lower() in P.lexicon().not_name)):
            if m.group().startswith("LINE") and (
                    h[0].isdigit() or _CAPITAL_WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())):
                continue  # "PICC LINE: 4Fr", "LINE: 20mg am": a line of care, not the app
            add(("code", m.start("h"), m.end("h")))  # a handle: not "my insta is down"
    four_digits = _FOUR_DIGITS.search(text) is not None
    # a number after the word for a phone (with four digits in a row somewhere), or for mobile money (whose numbers
    # are often written in groups of one to three: "Orange Money 6 77 45 21 98")
    if (four_digits and any(sign in lower for sign in _PHONE_SIGNS)) or _MONEY_GATE.search(lower):
        for m in _PHONE_WORD.finditer(text):
            if _a_phone(m.group(), m.group("d")):
                add(("code", m.start("d"), m.end("d")))
    if four_digits:  # an SSN's last four, a code, a Discord tag, a card of capitals and groups
        for rx, signs in ((_LAST_FOUR, ("last",)), (_CODE_NUMBER, _CODE_SIGNS), (_HASH_TAG, ("#",)),
                          (_QUEUE_NUMBER, ("queue", "ticket", "token"))):
            if any(sign in lower for sign in signs):
                for m in rx.finditer(text):
                    g = "d" if "d" in rx.groupindex else 0
                    add(("code", m.start(g), m.end(g)))
        if any(sign in lower for sign in _TRACKING_SIGNS):
            for m in _TRACKING.finditer(text):
                code = re.sub(r"[ \-]", "", m.group("d"))
                if len(code) >= 8 and any(c.isdigit() for c in code):
                    add(("code", m.start("d"), m.end("d")))
        if _GROUPS_OF_FOUR.search(text):
            for m in _CAPS_GROUPS.finditer(text):
                letters = m.group().split()[0].lower()
                if letters not in READING_WORDS and not lists.is_word(letters):  # not "HR 1200 1300"
                    add(("code", m.start(), m.end()))
        for m in _LETTERS_NUMBER.finditer(text):
            letters = m.group("l").lower()
            if letters not in READING_WORDS and letters not in _UNIT_LETTERS and letters not in _LINE_LETTERS \
                    and not lists.is_word(letters) and letters not in lists.drugs:
                add(("code", m.start(), m.end()))
        for m in _DIGIT_GROUPS.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 8 \
                    and not _READING_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                add(("code", m.start(), m.end()))
    if _DOTTED_GATE.search(text):
        for m in _DOTTED_ID.finditer(text):
            if sum(c.isdigit() for c in m.group("d")) >= 7 \
                    and not _MONEY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                add(("code", m.start("d"), m.end("d")))
    if "ext" in lower:
        for m in _EXT_ALONE.finditer(text):
            add(("code", m.start("d"), m.end("d")))
    if "end" in lower:
        for m in _ENDING_IN.finditer(text):
            add(("code", m.start("d"), m.end("d")))
            said = m.group("d").lower().replace("-", " ").split()
            if len(said) == 4:  # the same digits written out elsewhere: "... no it's 4471"
                digits = "".join(_SAID_VALUE[w] for w in said)
                for again in re.finditer(rf"(?<![\d.,]){digits}(?![\d.,])", text):
                    add(("code", again.start(), again.end()))
    if "号" in text or "號" in text or "번호" in text:
        for m in _CJK_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group("d")) >= 3:
                add(("code", m.start("d"), m.end("d")))
    if _IBAN_GATE.search(text):
        for m in _IBAN.finditer(text):
            if len(m.group().replace(" ", "")) >= 15:
                add(("code", m.start(), m.end()))
    if "@" in text:
        for m in _PAY_ADDRESS.finditer(text):
            if _PAYING_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                add(("code", m.start(), m.end()))
    if "roup" in lower or "grp" in lower:
        for m in _PLAN_GROUP.finditer(text):
            if _PLAN_WORDS.search(text, max(0, m.start() - 80), m.start()):
                add(("code", m.start("d"), m.end("d")))
    if _CAPS_DIGITS.search(text):
        for m in _NUMBERED_CAPS.finditer(text):
            if m.group("d")[:2].lower() not in _UNIT_LETTERS \
                    and _NUMBER_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                add(("code", m.start("d"), m.end("d")))
        for m in _AFRICAN_PLATE.finditer(text):
            if _plate(m.group()) and not any(g.lower() in _UNIT_LETTERS or g.lower() in lists.medical
                                             for g in re.findall(r"[A-Z]+", m.group())):
                add(("code", m.start(), m.end()))
    if "/" in text:
        for m in _SLASHED.finditer(text):
            add(("code", m.start(), m.end()))
    if "x" in lower or "ext" in lower or "durchwahl" in lower or "toestel" in lower or "poste" in lower:
        for m in _EXTENSION.finditer(text):
            add(("code", m.start("d"), m.end("d")))
    if _FILE_GATE.search(text):
        for m in _SAVED_AS.finditer(text):
            add(("code", m.start("f"), m.end("f")))
        for m in _NAMED_FILE.finditer(text):
            g = "f" if m.group("f") else "q"
            if any(c.isdigit() for c in m.group(g)):
                add(("code", m.start(g), m.end(g)))
    if "u/" in text:
        forum = any(sign in lower for sign in _FORUM_SIGNS)
        for m in _FORUM_USER.finditer(text):
            name = m.group().rsplit("/", 1)[1]
            if forum or "_" in name or (len(name) >= 8 and not name[0].isdigit()):
                add(("code", m.start(), m.end()))
    if not text.isascii() and ("plate" in lower or "reg" in lower):
        for m in _SCRIPT_PLATE.finditer(text):
            p = m.group("p")
            if sum(c.isdigit() for c in p) >= 2:  # a plate's letters in another script and its number
                add(("code", m.start("p"), m.end("p")))
    if _VEHICLE_GATE.search(lower):
        for m in _VEHICLE.finditer(text):
            if _plate(m.group("p")) and "." not in m.group("gap"):
                add(("code", m.start("p"), m.end("p")))


def _a_phone(match: str, digits: str) -> bool:
    """Whether the number after the word for a phone is one: seven digits or more ("numer 12" is a count); after the
    word for mobile money, eight or more and no amount in thousands ("sent money 10 000 000")."""
    count = sum(c.isdigit() for c in digits)
    if _MONEY_GATE.match(match.lower()):
        groups = digits.split()
        return count >= 8 and not all(len(g) == 3 for g in groups[1:])
    return count >= 7


def _plate(code: str) -> bool:
    """A plate's shape: five characters or more, digits and letters both, the letters no unit or clock word."""
    letters = re.findall(r"[^\W\d_]+", code)
    known = word_lists()
    if any(re.search(r"\d", t) and re.search(r"[^\W\d_]", t) and (known.is_word(t.lower())
                                                                or t.lower() in known.medical)
           for t in re.split(r"[ \-·.]", code)):
        return False  # "B12 1000", "D3 2000": a vitamin and its dose
    if any(w.lower() in _UNIT_LETTERS or w.lower() in READING_WORDS for w in letters):
        return False  # "D3 2000 IU", "BP 120": a dose or a reading
    return len(re.sub(r"[ \-·.]", "", code)) >= 4 and any(c.isdigit() for c in code) and bool(letters) \
        and not all(w.lower() in _NOT_PLATE_LETTERS for w in letters)


# session sixteen (the must-be-0 kinds' moved entries: "RAMQ numbers: DESM 1203 1845", "Tarjeta sanitaria GACO
# 341125 7 8903"): a number found as an identifier takes the capitals written before it and the groups of digits
# after it up to the end of the phrase
_CAPITALS_BEFORE = re.compile(r"(?<![\w\-])(?P<c>[A-Z]{2,5}) $")
_GROUPS_AFTER = re.compile(r"(?: \d{1,6})+(?=[.,;:)]|\s*$|\s+(?:expires?|exp)\b)")  # (not "2 or 3 weeks")
_NUMBERS = frozenset(("id", "code", "number"))
_NUMBER_WORDS = frozenset(("number", "numbers", "no", "no.", "#", "nos", "nos.", "card", "id", "tarjeta", "carte",
                           "karte", "cartão", "tessera"))


def take_number_parts(text: str, chosen: list[tuple[str, int, int]]) -> None:
    """Grow each chosen number (an ID, a code) over the capitals just before it and the digit groups just after it
    (see above), unless that would take in another chosen span. Shared by the fast and the reference detectors."""
    for i, (cat, s, e) in enumerate(chosen):
        if cat not in _NUMBERS or not text[e - 1:e].isdigit():
            continue
        lo, hi = s, e
        before = _CAPITALS_BEFORE.search(text, max(0, s - 7), s) if text[s:s + 1].isdigit() else None
        if before is not None:
            letters = before.group("c").casefold()
            # only capitals after the words that name the number ("RAMQ card LABS 8803 1512", "numbers: DESM 1203"):
            # capitals after anything else are that name themselves ("PESEL 8503...", "her DNI 12.604.338")
            named = text[max(0, before.start("c") - 24):before.start("c")].split()[-1:]
            prev = named[0].casefold() if named else ""
            if letters not in P.lexicon().id_cue_words and letters not in P.lexicon().known_words and (
                    prev.endswith(":") or prev in _NUMBER_WORDS):
                lo = before.start("c")
        after = _GROUPS_AFTER.match(text, e)
        if after is not None:
            hi = after.end()
        if (lo, hi) != (s, e) and not any(j != i and cs < hi and lo < ce for j, (_c, cs, ce) in enumerate(chosen)):
            chosen[i] = (cat, lo, hi)
