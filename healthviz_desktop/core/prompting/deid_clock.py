"""Round nine of issue 15: clock times and dates the earlier rules left, found in set H once it was retired to the
tuning corpus, each written as the general form it is. Plain code, called from deid_cued.py (``clock_candidates``),
so the fast and the reference one share it; what pairs a clock with a date found is deid_paired.py.

- A clock time right after a date, in any of the forms a clock is written, and a day and month with a slash
  right before a clock time with its minutes: "28/3 0845", "19/04/24 @ 1430", "Do 28.11. 16h", "12/5 14:00"
  (either alone can be a score or a count; together they are an appointment).
- A four-digit time after "to", "@" or "till" when a time came before it ("from 0930 to 1400").
- The hour of Korean and Japanese ("9시 30분", "10시", "14時30分"; never "3시간", "3時間": hours of a duration),
  and of Chinese after a part of the day ("下午3点") or alone ("after 3点"; never "打点滴", a drip).
- Vietnamese hours with the part of the day ("8h sáng"), Thai months after a day ("2 เม.ย."), a date of the Hijri
  calendar written in numbers ("3/9/1445"), a month's short form after a dotted day ("11. des.", "3. okt").
- A week's number in the languages that date by it ("KW 12", "uke 12", "vecka 12"; never English "week 12", a
  pregnancy's or a treatment's week).
An hour said bare ("woke up at 5", "bed by 9") stayed until round twelve: the held-out writers disagreed on whether
it is a date (set D's writers left it in identifier-free entries, set H's called it one). Since round twelve it goes
where something done at a time of day comes just before it ("10mg at 7 and again at 12", "shutdown around 4"), and
roughly ("by 5ish"): the writers of sets E to L all marked such hours, and across every held-out entry and reserve
the rule changed no identifier-free entry (two of set D's, in the tuning corpus, and one of K's "ish" it does).
Round twelve's other forms: an hour bare after a date ("Friday 10/18 @ 11"), a clock with seconds ("7.42.15 AM"), a
shift's hours ("6p-6:30a", "on duty 3-11"), a four-digit clock after what happens at it ("Surgery at the Civic 1530").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_when import when_candidates
from healthviz_desktop.core.prompting.vocabulary import word_lists

Add = Callable[[tuple[str, int, int]], None]

# a clock as it is written: "14:00", "9.15", "16h", "9h30", "0845", "3pm", "3 p.m.", "10 Uhr", "09.00 น."
_CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)(?:\s?(?i:h|am|pm|uhr|น\.?))?|(?:[01]?\d|2[0-3])\s?(?i:h|uhr)(?!\w)"
          r"|(?:1[0-2]|0?[1-9])\s?(?i:am|pm|a\.m\.|p\.m\.)|(?:[01]\d|2[0-3])[0-5]\d(?:\s?(?i:hrs|h|น\.?))?)")
_JOIN = r"[\s,]*(?:(?i:at|@|um|à|a\s+las|a\s+la|alle|om|kl\.?|klo|klockan|kello|saat|jam|pukul|às|ore|o)\s*)?"
_NOT_A_CLOCK_AFTER = r"(?![\w/:]|[.,]\d|\s*(?i:mg|mcg|ml|g|kg|%|x|tabs?|units?|iu|steps|bpm|mmhg|/10)\b)"
# a day and a month (no year) right before a clock with its minutes: "12/5 14:00", "28/3 0845" (not "Fasting 7.4,
# 2h post-meal" nor "BG 8.8. 18:45": dotted, a day and month is a lab value's shape; "2h" is a duration's)
_MINUTES_CLOCK = (r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d|(?:1[0-2]|0?[1-9])\s?(?i:am|pm|a\.m\.|p\.m\.)|"
                  r"(?:[01]\d|2[0-3])[0-5]\d)")
_DAY_MONTH_THEN_CLOCK = re.compile(r"(?<![\w/.\-])(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))"
                                   rf"(?={_JOIN}{_MINUTES_CLOCK}{_NOT_A_CLOCK_AFTER})")
# a dotted day and month before a clock when another language's word for "at" joins them ("27.3. klo 9.15", "12.11.
# um 08:15"); never English "at", which a lab value can have ("HbA1c 7.2. at 8:00 fasting")
# (round ten, set J: "приём 14.02 в 9:40"; without the closing dot only a two-digit month: "5.6 в 8:00" is a reading)
_DOTTED_THEN_CUED_CLOCK = re.compile(r"(?<![\w/.\-])(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:(?:1[0-2]|0?[1-9])\.|"
                                     r"(?:1[0-2]|0[1-9])(?![\d.])))"
                                     r"(?=\s*(?i:klo|kl\.?|klockan|kello|um|à|às|alle|om|в|во|o|v|ve|u|saat|a\s+las|"
                                     rf"a\s+la|la\s+ora)\s*{_MINUTES_CLOCK})")
# "its 11.40 and", "it's 9.15 now": a dotted clock after "it's"
_ITS_CLOCK = re.compile(r"\b(?i:it['’]?s|it\s+is|it\s+was)\s+(?P<t>(?:[01]?\d|2[0-3])[.:][0-5]\d)"
                        r"(?![\d.,]\d|\s*(?i:mg|kg|"
                        r"g|ml|%|mmol|kcal|miles|km|degrees|°)\b)")
# "journal 12.03:", "Pain diary 14.3.:": a dotted date that heads an entry
_DIARY_DATE = re.compile(r"\b(?i:diary|journal|entry|log|notes?|update)\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])\."
                         r"(?:1[0-2]|0?[1-9])\.?)(?=\s*[:—–\-]\s)")
# "Jovelyn 1500 shift", "the 0700 meds": a four-digit time before what happens at it on a ward
_FOUR_BEFORE_ROUND = re.compile(r"\b(?P<t>(?:[01]\d|2[0-3])[0-5]\d)\s+(?i:shift|meds|med\s+pass|round|rounds|obs|"
                                r"handover|huddle|feed|check)\b")
# "slept 0900-1400": the first of two clock times joined by a dash, when they read as times (one starts with 0, or
# both fall on the quarter hour; a unit after the range rules it out, "1200-1500 kcal"; round eleven)
# (written to start with its first digit, the rest read behind it: the regex engine then scans for a digit alone)
_FOUR_RANGE = re.compile(r"(?P<t>[012](?<![\w/.,:\-][012])(?:(?<=[01])\d|(?<=2)[0-3])[0-5]\d)\s*[-–]\s*"
                         r"(?P<u>(?:[01]\d|2[0-3])[0-5]\d)"
                         r"(?![\w/.,:]\d|\d|\s*(?i:steps|mg|mcg|ml|kcal|cal|calories|units?|iu|m|ft|kg|lbs?)\b)")
_CJK_CLOCK = re.compile(r"(?<![\d.])(?P<t>\d{1,2}\s?(?:시|時)(?!간|間)(?:\s?(?:\d{1,2}\s?(?:분|分)|반|半))?)")
_CHINESE_CLOCK = re.compile(r"(?:上午|下午|早上|晚上|中午|凌晨|傍晚)\s?"
                            r"(?P<t>\d{1,2}\s?(?:点|點)(?:\s?(?:\d{1,2}\s?分|半))?)"
                            # round ten (set J: "fell asleep after 3点"): an hour of the day alone, not a drip ("点滴")
                            r"|(?<![\d.])(?P<h>(?:[01]?\d|2[0-4])\s?(?:点|點)(?:钟|鐘)?(?:\s?(?:\d{1,2}\s?分|半))?)"
                            r"(?![滴数數儿兒])")
_VIETNAMESE_HOUR = re.compile(r"(?<![\w.])(?P<t>\d{1,2}h(?:\d{2})?)\s+(?i:sáng|chiều|tối|trưa|đêm)\b")
_THAI_MONTHS = (r"ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.|มกราคม|"
                r"กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม")
_THAI_DATE = re.compile(rf"(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\s?(?:{_THAI_MONTHS})(?:\s?\d{{4}})?")
_HIJRI_NUMERIC = re.compile(r"(?<![\d/.\-])(?:[12]\d|3[01]|0?[1-9])[/.\-](?:1[0-2]|0?[1-9])[/.\-]1[34]\d\d(?![\d/.\-])")
_SHORT_MONTH_AFTER_DOT = re.compile(r"(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\.\s?(?i:jan|feb|mar|apr|mai|jun|jul|aug|sep|"
                                    r"sept|okt|oct|nov|des|dec|dez)\.?(?![\w])")
_WEEK_NUMBER = re.compile(r"\b(?:KW|Kw\.|(?i:kalenderwoche|uke|uge|vecka|veckan|viikko|viikolla|tydzień|tydzien|"
                          r"týden|tyden|semaine|settimana|semana))\s?(?:(?i:nr|no)\.?\s?)?(?P<w>[1-9]|[1-4]\d|5[0-3])\b"
                          r"(?![.,/:]\d|\s*(?i:of|de|di|av|af|z|der|du)\b)")
# round twelve (set L's first look), each written as the general form it is:
# "Screenshot 2024-02-06 at 7.42.15 AM.png": a clock with its seconds, dotted the way a file name has it
_CLOCK_SECONDS = re.compile(r"(?<![\w.])(?P<t>(?:[01]?\d|2[0-3])[.:][0-5]\d[.:][0-5]\d)(?:\s?(?i:am|pm|a\.m\.|p\.m\.))?"
                            r"(?![\w]|[.:]\d)")
# "eased by 5ish", "home around 6-ish": an hour said roughly after a word of time
# (since round twelve also after the end or start of a shift, "finished 11ish"; not "went to bed 11ish", a habit the
# writers of set I left in an identifier-free entry)
_HOUR_ISH = re.compile(r"\b(?i:at|by|around|round|till|til|until|from|since|about|after|before|@|finished|started|"
                       r"clocked\s+(?:on|off|in|out)|signed\s+(?:on|off)|sign\s+(?:on|off)|knocked\s+off)\s+"
                       r"(?:(?i:like|about|around|maybe)\s+)?(?P<t>(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?-?(?i:ish))\b")
_LEVEL_NEAR = re.compile(r"\b(?i:pain|ache|level|levels|score|scale|rated|nausea|fatigue|anxiety|mood|sugar|sugars|bg|"
                         r"bs|severity|dizziness|headache|migraine|energy|stress)\b[^.!?\n\d]{0,12}$")
# "worked 6p-6:30a": hours with a bare "a" or "p" for the half of the day, joined as a range
_AP_RANGE = re.compile(r"(?<![\w.:])(?P<t>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?[ap])\s*[-–]\s*"
                       r"(?P<u>(?:1[0-2]|0?[1-9])(?::[0-5]\d)?[ap])\b")
# "on duty in the ER yesterday 3-11 then", "a 7-3 shift": a shift's hours, where a shift is spoken of; the hours
# at least four apart (or the same, "7-7"), so a count ("did 3-4 then") is not one, and nothing measured after them
_SHIFT_WORDS = (r"shift|shifts|duty|worked|working|work|rota|nights|lates|earlies|on\s+call|covered|picked\s+up|"
                r"pulled|doing|did")
# (both read from the number, the words before it then checked behind: a digit is rarer than the start of a word)
_SHIFT_RANGE = re.compile(r"(?<=\s)(?P<t>(?:1[0-2]|0?[1-9])\s?[-–]\s?(?:1[0-2]|0?[1-9]))"
                          r"(?![\w/%:]|[.,]\d|\s*[-–/]|\s*(?i:mg|mcg|ml|g|kg|x|tabs?|units?|iu|steps|bpm|reps|sets|"
                          r"times|out|of|weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|mins?|minutes|"
                          r"people|patients|beds|calls|jobs|drops|miles|km|k|am|pm|laps|puffs|doses|tablets|pills)\b)")
_SHIFT_BEFORE = re.compile(rf"\b(?i:{_SHIFT_WORDS})\b(?:\s+[^\s\d]+){{0,6}}\s+(?:(?i:a|the|from)\s+)?\Z")
# "Surgery at the Civic 1530, all went ok": a four-digit clock a few words after what happens at it (never a
# number that reads as a year of this era)
_EVENT_FOUR = re.compile(r"(?<=\s)(?P<t>(?:[01]\d|2[0-3])[0-5]\d)(?:\s?(?i:hrs|h))?"
                         r"(?![\w/.,:]\d|\d|\s*(?i:steps|mg|mcg|ml|kcal|cal|calories|units?|iu|m|ft|kg|lbs?|miles|"
                         r"km|people|patients|feet|dollars|pounds|euros|rand|bucks|usd|aud|gbp|nzd|cad|quid)\b)")
# round seventeen (the tuning corpus: "come in tomorrow 9.40", "didnt eat since 1900", "home by 0815"): a dotted clock
# on a five-minute mark right after the day it falls on, and a four-digit clock after a word for when (never one that
# reads as a year, 19xx or 20xx, nor a value before a unit: "by 1200 kcal")
# (session twenty-five, set W: or right after a visit's own word, "hospital visit 4.30.", "appt 10.15 with the GP")
_DAY_WORD_CLOCK = re.compile(r"\b(?:(?i:tomorrow|tmrw|tmr|today|tonight|this\s+(?:morning|afternoon|evening))|"
                             r"(?P<v>(?i:visit|appt|appointment|session|meeting|pickup|pick-up|pick\s+up|drop\s+off|drop-off|dropoff|"
                             r"consult)))\s+"
                             r"(?:(?i:at|@)\s*)?(?P<t>(?:1[0-2]|0?[1-9])\.[0-5][05])(?![\w/%]|[.,:]\d|\s*(?i:mg|mcg|"
                             r"ml|g|kg|mmol|units?|iu|kcal|km|miles|lbs?|score|points?|pts|copay|co-pay|for\s+the|"
                             r"hours?|hrs?|h)\b)")
_DOTTED_FIVE = re.compile(r"\d\.[0-5][05]")  # (its speed gate)
# ... and only where a visit is spoken of just before (a second reader found lab values, prices and hours of sleep
# after "today" on the five-minute marks: "LDL today 3.10", "Parking today 4.50", "Slept tonight 6.45 hours")
_VISIT_NEAR = re.compile(r"\b(?i:come\s+in|come\s+back|appt|appointment|booked|booking|book|see|saw|seen|seeing|"
                         r"clinic|scan|surgery|op|review|meeting|collect|pick\s+up|visit|consult|check-?up)\b"
                         r"[^.!?\n]{0,30}\Z")
_READING_NEAR = re.compile(r"\b(?i:inr|bgl?|hba1c|a1c|crp|tsh|hb|hgb|potassium|sodium|temp|weight|wt|weighed|ferritin|"
                           r"glucose|ketones?|lactate|reading|readings|result|results|ldl|hdl|cholesterol|"
                           r"triglycerides|urea|creatinine|egfr|psa|ph|bili|bilirubin|albumin|magnesium|phosphate|"
                           r"calcium|uric\s+acid|lymphocytes|neutrophils|platelets|wbc|t3|t4|peak\s+flow|sats|spo2|"
                           r"grip|bloods|levels?|slept|sleep|paid|spent|parking|cost)\b[^.!?\n\d]{0,12}\Z")
_FOUR_AFTER_WHEN = re.compile(r"\b(?i:by|since|until|till|til|before|after|around)\s+"
                              r"(?P<t>(?:0\d|1[0-8]|2[1-3])[0-5]\d)(?:\s?(?i:hrs|h))?(?![\w/.,:]\d|\d|\s*(?i:steps|"
                              r"mg|mcg|ml|kcal|cal|calories|units?|iu|m|ft|kg|lbs?|miles|km|people|feet|dollars|pounds|"
                              r"euros|bucks|words|metres|meters|k|kelvin|degrees)\b)")
_EVENT_BEFORE = re.compile(r"\b(?i:surgery|op|operation|appt|appointment|scan|procedure|flight|theatre|consult|biopsy|"
                           r"endoscopy|colonoscopy|mri|ct|x-?ray|ultrasound|injection|chemo|review|"
                           r"infusion|interview|pickup|pick-up|bus|train|ferry|"
                           # session twenty-five: a dose given and the rest of a care log's timed entries ("Panadol
                           # given 1830", "2 tabs 1230", "bowels opened 2100", "report time 0540", "received 0412")
                           r"given|gave|administered|tabs|caps|opened|received|discharged|report\s+time)"
                           r"\b[^.\n!?;\d]{0,31}\Z"
                           # session twenty-six: a night's care, the clock right after ("pad changed 0300", "turned
                           # 0200"; not "changed metformin to 1000")
                           r"|\b(?i:changed|turned|repositioned)\s+\Z")
# "took ritalin 10mg at 7:30 and another at 11", "again at 12", "shutdown around 4", "woke at 5": an hour said bare
# after a word of time, where what comes before is something done at a time of day (a dose, waking, a crash), not a
# level ("pain at 7", "sugar was at 6": those stay), and nothing measured after it
# (read from the hour, the word of time then checked behind it: a digit is rarer than the start of a word)
_BARE_HOUR = re.compile(r"(?<=\s)(?P<t>1[0-2]|0?[1-9])"
                        r"(?![\w/%:']|[.,]\d|\s*[-–/]\s*\d|\s*(?i:mg|mcg|ml|g|kg|x|tabs?|units?|iu|steps|bpm|mmhg|out|"
                        r"of|on\s+the|weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|h|mins?|minutes|times|percent|"
                        r"am|pm|a\.m|p\.m|o['’]?clock|ish|stars?|points?|levels?|degrees|miles|km|k|people|patients|"
                        r"beds|kids|hrs|reps|sets|laps|puffs|doses|tablets|tabs|pills|drops|cups|glasses|nights|more|paracetamol|"
                        r"ibuprofen|panadol|nurofen|tylenol|advil|aspirin)\b)")
_HOUR_WORD_ENDS = ("at", "around", "round", "by", "till", "til", "until", "after", "before", "@", "like", "about",
                   "maybe", "roughly", "approx")
_HOUR_WORD_BEFORE = re.compile(r"(?<![\d/]\s)(?:\b(?P<w>(?i:at|around|round|by|till|til|until|after|before))|@)\s+"
                               r"(?:(?i:like|about|around|maybe|roughly|approx)\s+)?\Z")
_DONE_AT_A_TIME = re.compile(r"\b(?:\d+\s?(?i:mg|mcg|ml)|(?i:took|taken|take|another|again|then|woke|waking|wake|"
                             r"slept|sleep|bed|home|arrived|crashed|shutdown|wore\s+off|kicked\s+in|"
                             r"lunch|dinner|breakfast|started|finished|dose|tablet|pill|meds|shift|clocked|alarm|"
                             r"up|asleep|landed|called|rang))\b[^.!?\n]{0,24}$"
                             # round thirteen: being seen, and who saw ("seen by the liaison psych team around 4")
                             r"|\b(?i:seen|triaged|admitted|discharged)\b[^.!?\n,;:]{0,32}$")
_AT_AROUND = re.compile(r"\b(?i:at)\s+(?i:around|about|like|roughly)\s")
_OPENS_WITH_BY = re.compile(r"(?:\A|[.!?\n]\s*)(?i:by)\b")
_ROUND_AS_AROUND = re.compile(r"\b(?i:home|up|asleep|bed|woke|crashed|arrived|off|in|out|back|here|there|left)\s*$")
_LEVEL_BEFORE = re.compile(r"\b(?i:pain|ache|level|levels|score|scale|was|is|stayed|sitting|sits|hovering|rated|"
                           r"nausea|fatigue|anxiety|mood|sugar|sugars|bg|bs|it|stuck|peaked|down|(?<!woke\s)(?<!got\s)(?<!get\s)up|back|"
                           r"increased|upped|fell|dropped|reduced|lowered|raised|decreased|cut|went|go|goes|"
                           r"improved|worse|better)\s*$")
# round twelve (set L's second look): "Dr flies in Thursday 1100", "Dressing change Wed 1000": a four-digit clock
# right after a weekday
# (each four-digit clock of _EVENT_FOUR, the weekday then checked behind it)
_WEEKDAY_BEFORE = re.compile(r"\b(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?"
                             r"\s+(?:(?i:at|@)\s*)?\Z")
# "3/4 - Shift 0530-1400": a day and month heading an entry, before a dash or a colon (not a score: "7/10 - awful")
# (the spaces before it never cross a line: a run of newlines stays linear)
_HEADING_DATE = re.compile(r"(?:\A|\n)[^\S\n]*(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?!\d|/\d)"
                           r"\s*(?:[-–—:])\s")
_GATE = re.compile(r"\d")
# round twelve's review: what makes a number a value, a count or a scale, not a time
_SCALE_BEFORE = re.compile(r"\b(?i:scale\s+of|out\s+of|from)\s*\Z")
_BREATHING = re.compile(r"\b(?i:breathe|breathing|breath|inhale|exhale|hold|count|counting)\b")
_VALUE_BEFORE = re.compile(r"\b(?i:ferritin|ck|platelets|plt|wbc|glucose|sugar|creatinine|egfr|crp|esr|b12|"
                           r"vitamin|vit|d3|iu|took\s+off|off|removed|weight|calories|kcal|steps|ml|fluid)\s*\Z")
_TIMED_LINE = re.compile(r"\d[:.][0-5]\d|\b(?:[01]\d|2[0-3])[0-5]\d\b|(?i:shift|appt|appointment|clinic)")
_QUARTERS = ("00", "15", "30", "45")
# a count's word before a range ("Steps 1200-1500 most days", "target 0800-1000 kcal")
_COUNT_BEFORE = re.compile(r"\b(?i:steps|kcal|calories|cals|sugars?|glucose|bg|readings?|target|goal|aim|weight|ml|mg)"
                           r"\W*$")
_SLASHED_GATE = re.compile(r"\d/\d{1,2}[\s,]")
_DOTTED_GATE = re.compile(r"\d\.\d{1,2}\.?")
_CLOCK_GATE = re.compile(r"\d[.:][0-5]\d")
_FOUR_GATE = re.compile(r"\d\d{3}\s")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ISH_GATE = re.compile(r"\d\s?-?ish")
_SECONDS_GATE = re.compile(r"\d[.:][0-5]\d[.:][0-5]\d")
_AP_GATE = re.compile(r"\d[ap]\s*[-–]")
_HOUR_RANGE_GATE = re.compile(r"(?<![\d/.:])\d{1,2}\s?[-–]\s?\d")
_VIETNAMESE_GATE = re.compile(r"\dh(?:\d\d)?\s")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_HIJRI_GATE = re.compile(r"[/.\-]1[34]\d\d")
_SHORT_MONTH_GATE = re.compile(r"\d\.\s?[A-Za-z]{3}")
_WEEK_SIGNS = ("kw", "kalenderwoche", "uke", "uge", "vecka", "viik", "tydzie", "týden", "tyden", "semaine", "settimana",
               "semana")


# "8.45 appt", "the 2.30 bus": a dotted clock right before what happens at it (round thirteen, set M's first look;
# a dotted number is a lab value or a dose elsewhere, so only before these words)
_EVENT_AFTER = (r"appt|appts|appointment|apt|pickup|pick-up|bus|train|flight|ferry|meeting|class|session|shift|"
                r"dropoff|drop-off|check-?in|kickoff|kick-off|booking|taxi|tram")
# (not money: "£2.50 bus fare", "Paid 12.40 taxi"; "11.30 on the 9th" was tried and taken back in the round's review:
# a price, a lab value or a distance stands before "on the 3rd" as often)
_DOTTED_BEFORE_EVENT = re.compile(rf"(?<![\w.,/:£$€¥₹])(?<!(?i:paid) )(?<!(?i:cost) )(?<!(?i:fare) )(?<!(?i:price) )"
                                  rf"(?:1[0-2]|0?[1-9]|1[3-9]|2[0-3])\.[0-5]\d(?=\s+(?i:{_EVENT_AFTER})\b)")
# "on 12-03", "Next afspraak 19-03 om 09:15": a day and a month with its leading zero, joined by a dash (a range of
# scores or doses has no zero before its second number); round thirteen, set M's second look
# (a day of two digits: "1-08", an insulin ratio, and "03-05", two years, stay)
_DAY_DASH_MONTH = re.compile(r"(?<![\w.,/\-])(?:[12]\d|3[01])-(?:0[1-9])(?![\w\-/]|[.,]\d|\s*(?i:%|mg|ml|x)\b)")
_DOTTED_EVENT_GATE = re.compile(r"\d\.[0-5]\d\s")
# "Dydd Llun 15fed": a Welsh ordinal day (read from the digit and its ending)
_WELSH_GATE = re.compile(r"\d(?:af|il|ydd|ed|fed|eg|ain)\b")
# (after "Dydd" and its day, or "ar y", or before a Welsh month: "Harrison's 5ed" is a book's edition)
_WELSH_ORDINAL = r"(?:1af|2il|[34]ydd|[56]ed|[789]fed|1[0258]fed|20fed|1[134679]eg|2[1-9]ain|30ain|31ain)"
_WELSH_DAY = re.compile(rf"\b(?i:dydd\s+[a-z]+|ar\s+y)\s+(?P<d>{_WELSH_ORDINAL})\b"
                        rf"|(?<![\w.,/])(?P<e>{_WELSH_ORDINAL})(?=\s+(?i:ionawr|chwefror|mawrth|ebrill|mai|mehefin|"
                        r"gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)\b)")

def _reading_before(text: str, start: int) -> bool:
    """The word before ``start`` makes a number there a reading, a level or a dose: a reading's word, a medical
    word, a word with a digit ("HbA1c", "500mg"), a level's word ("pain")."""
    from healthviz_desktop.core.prompting.deid_cued import READING_WORDS

    words_before = text[max(0, start - 16):start].split()
    last = words_before[-1].strip(":=").casefold() if words_before else ""
    return last in READING_WORDS or last in word_lists().medical or any(c.isdigit() for c in last) \
        or last in ("size", "sizes", "ratio", "dose", "doses", "score", "scores", "level") \
        or _LEVEL_BEFORE.search(text, max(0, start - 16), start) is not None  # "pain 3-05"

def clock_candidates(text: str, add: Add) -> None:
    """Every time and date of this module's standalone rules in ``text`` (see the docstring)."""
    if not _GATE.search(text):
        return
    when_candidates(text, add)  # round seventeen's timestamps, hours of the day, visits' ordinals, trial sites
    for rx, cat in ((_CJK_CLOCK, "time"), (_CHINESE_CLOCK, "time")):
        if "시" in text or "時" in text or "点" in text or "點" in text:
            for m in rx.finditer(text):
                g = "t" if m.group("t") else "h"
                add((cat, m.start(g), m.end(g)))
    lower = text.lower()
    if not text.isascii():  # the parts of the day in Vietnamese, and Thai, are written with letters beyond ASCII
        if _VIETNAMESE_GATE.search(text):
            for m in _VIETNAMESE_HOUR.finditer(text):
                add(("time", m.start("t"), m.end("t")))
        if _THAI.search(text):
            for m in _THAI_DATE.finditer(text):
                add(("date", m.start(), m.end()))
    # each rule below only where a cheap sign of what it needs is there (a speed gate, never a change in what is found)
    if "-0" in text:
        for m in _DAY_DASH_MONTH.finditer(text):
            if not _reading_before(text, m.start()):  # not "pain 3-05", "500mg 10-05"
                add(("date", m.start(), m.end()))
    if _WELSH_GATE.search(text):
        for m in _WELSH_DAY.finditer(text):
            g = "d" if m.group("d") else "e"
            add(("date", m.start(g), m.end(g)))
    if "." in text and _DOTTED_EVENT_GATE.search(text):
        for m in _DOTTED_BEFORE_EVENT.finditer(text):
            if not _reading_before(text, m.start()):  # not "HbA1c 7.45 class", "INR 2.30 appt"
                add(("time", m.start(), m.end()))
    if _HIJRI_GATE.search(text):
        for m in _HIJRI_NUMERIC.finditer(text):  # a kind no clinical shape cancels: "3/9/1445 h" is no dose in hours
            add(("time", m.start(), m.end()))
    if _SHORT_MONTH_GATE.search(text):
        for m in _SHORT_MONTH_AFTER_DOT.finditer(text):
            add(("date", m.start(), m.end()))
    if any(w in lower for w in _WEEK_SIGNS):
        for m in _WEEK_NUMBER.finditer(text):
            add(("date", m.start("w"), m.end("w")))
    # a day and month before a clock, a dotted one before another language's "at", "its 11.40", a diary's dated
    # heading, "1500 shift": patterns that read the clock themselves
    for m in _DAY_MONTH_THEN_CLOCK.finditer(text) if _SLASHED_GATE.search(text) else ():
        add(("date", m.start("d"), m.end("d")))
    if _DOTTED_GATE.search(text):
        for m in _DOTTED_THEN_CUED_CLOCK.finditer(text):
            add(("time", m.start("d"), m.end("d")))  # a kind no clinical shape cancels
        for m in _DIARY_DATE.finditer(text):
            add(("time", m.start("d"), m.end("d")))
    if _CLOCK_GATE.search(text) and "it" in lower:
        for m in _ITS_CLOCK.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if _FOUR_GATE.search(text):
        for m in _FOUR_BEFORE_ROUND.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if _CLOCK_GATE.search(text) and _SECONDS_GATE.search(text):
        for m in _CLOCK_SECONDS.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if "ish" in lower and _ISH_GATE.search(lower):
        for m in _HOUR_ISH.finditer(text):
            if not _LEVEL_NEAR.search(text, max(0, m.start() - 30), m.start()):
                add(("time", m.start("t"), m.end("t")))
    if _AP_GATE.search(text):
        for m in _AP_RANGE.finditer(text):  # "6p-6:30a", "9a-5p"; not "6p-8p", pence
            if m.group("t")[-1] != m.group("u")[-1] or ":" in m.group():
                add(("time", m.start("t"), m.end("u")))
    if _FOUR_DIGITS.search(text):
        for m in _FOUR_AFTER_WHEN.finditer(text):
            if not _VALUE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                add(("time", m.start("t"), m.end("t")))
    if _DOTTED_FIVE.search(text):
        for m in _DAY_WORD_CLOCK.finditer(text):
            if (m.group("v") or _VISIT_NEAR.search(text, max(0, m.start() - 45), m.start())) \
                    and not _READING_NEAR.search(text, max(0, m.start() - 30), m.start()):  # not "INR today 2.35"
                add(("time", m.start("t"), m.end("t")))
    if _FOUR_DIGITS.search(text):
        for m in _EVENT_FOUR.finditer(text):
            if _WEEKDAY_BEFORE.search(text, max(0, m.start() - 16), m.start()) or (
                    not 1950 <= int(m.group("t")) <= 2049 and not _VALUE_BEFORE.search(text, max(0, m.start() - 24),
                                                                                      m.start())
                    and _EVENT_BEFORE.search(text, max(0, m.start() - 45), m.start())):
                add(("time", m.start("t"), m.end("t")))
    if _HOUR_RANGE_GATE.search(text):
        for m in _SHIFT_RANGE.finditer(text):
            a, b = (int(x) for x in re.split(r"\s?[-–]\s?", m.group("t")))
            if ((b - a) % 12 >= 4 or a == b) and _SHIFT_BEFORE.search(text, max(0, m.start() - 90), m.start()) \
                    and not _LEVEL_NEAR.search(text, max(0, m.start() - 30), m.start()) \
                    and not _SCALE_BEFORE.search(text, max(0, m.start() - 12), m.start()):  # "pain 3-7", "of 1-10"
                add(("time", m.start("t"), m.end("t")))
    for m in _HEADING_DATE.finditer(text) if "/" in text else ():
        a, b = (int(x) for x in m.group("d").split("/"))
        line = text[m.end():text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)]
        if b != 10 and (a > b or b > 5 or _TIMED_LINE.search(line)):  # "4/5 - decent sleep" is a score
            add(("date", m.start("d"), m.end("d")))
    breathing = _BREATHING.search(text) is not None  # "breathe in till 4, hold till 7": a count
    for m in _BARE_HOUR.finditer(text):
        if not text[max(0, m.start() - 30):m.start()].rstrip().lower().endswith(_HOUR_WORD_ENDS):
            continue  # (a necessary condition of the pattern below, tested first: most numbers have no such word)
        word = _HOUR_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if word is None:
            continue
        before = text[max(0, word.start() - 40):word.start()]
        if (word.group("w") or "").lower() == "round" and not _ROUND_AS_AROUND.search(before):
            continue  # "covid round 2", "round 3 of chemo": a round's number
        if _LEVEL_BEFORE.search(before):
            continue
        # "till like 9", "at around 3", "By 9 i was shaking": a time whatever came before (round twelve)
        timed = ((word.group("w") or "").lower() in ("till", "til", "until") and not breathing) or _AT_AROUND.search(
            text, max(0, word.start() - 4), m.start()) or _OPENS_WITH_BY.search(text, max(0, word.start() - 3),
                                                                                word.end())
        if timed or _DONE_AT_A_TIME.search(before):
            add(("time", m.start("t"), m.end("t")))
    if "-" in text or "–" in text:
        for m in _FOUR_RANGE.finditer(text):
            first, second = m.group("t"), m.group("u")
            if (first.startswith("0") or (first[2:] in _QUARTERS and second[2:] in _QUARTERS)) \
                    and not _COUNT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                add(("time", m.start("t"), m.end("t")))

