"""Dates in the languages of Central Asia, the Caucasus, Mongolia, the Baltic states, the Balkans' Cyrillic and the
Nordic minorities, and two English forms a date hides in (issue 15, session nineteen: set R's first look, each rule
written as its general form; tests/test_deid_round18_causes.py).

- A day with its month: "27 mamyr" (Kazakh), "11 აპრილი" (Georgian), "12 iyun" (Azerbaijani, Uzbek), "9. aprīlis"
  (Latvian), "7. märts" (Estonian), "5 հունիսի" (Armenian), "3 јуни" (Macedonian), "14. januarja" (Slovene), "2.
  njukčamánnu" (North Sámi); the month first in Lithuanian ("gegužės 3 d.", "Spalio 14 d.").
- Mongolian months go by number: "5 сарын 20", "5 sariin 20" (the 20th of the fifth month).
- A day and month after a weekday of those languages: "Neljapäev 14.03", "ceturtdiena 2.5.".
- A day and month after a deadline's word: "expires 03.05", "valid until 14.09".
- The month of a birthday after an age, after a person's "'s", "is", comma or bracket, or "turns": "Mum's 89 in June",
  "Rosa, 89 in August", "Dad (93 in March)", "Grandad turns 70 in March" (not "HbA1c is 48 in June", "Ferritin (9
  in April").

The month words of the languages deid_forms and deid_calendars know already are not repeated here; "may" and "mai"
are left out everywhere (a verb, and a word of other kinds in several languages)."""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

# months that go after the day (nominative, genitive and locative forms), lower case
_MONTHS = (
    # Latvian
    "janvāris|janvārī|janvāra|janvaris|februāris|februārī|februāra|februaris|martā|aprīlis|aprīlī|aprīļa|aprilis|"
    "maijs|maijā|maija|jūnijs|jūnijā|jūnija|junijs|jūlijs|jūlijā|jūlija|julijs|augustā|septembris|septembrī|"
    "oktobris|oktobrī|novembris|novembrī|decembris|decembrī|"
    # Estonian (and its adessive, "7. märtsil")
    "jaanuar|jaanuaril|veebruar|veebruaril|märts|märtsil|aprill|aprillil|juuni|juunil|juuli|juulil|augustil|"
    "septembril|oktoober|oktoobril|novembril|detsember|detsembril|"
    # Azerbaijani, Uzbek, Turkmen (Latin letters)
    "yanvar|fevral|aprel|iyun|iyul|avqust|avgust|sentyabr|sentabr|oktyabr|oktabr|noyabr|dekabr|ýanwar|fewral|iýun|"
    "iýul|awgust|sentýabr|oktýabr|noýabr|"
    # Kazakh (Latin and Cyrillic)
    "qantar|qañtar|aqpan|nauryz|naurız|sauir|säuir|sәuir|mamyr|shilde|şilde|tamyz|qyrkuiek|qyrküiek|qarasha|"
    "qaraşa|jeltoqsan|қаңтар|ақпан|наурыз|сәуір|мамыр|шілде|тамыз|қыркүйек|қараша|желтоқсан|"
    # Uzbek and Tajik Cyrillic; Macedonian and Serbian Cyrillic
    "январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр|јануари|февруари|јуни|јули|септември|октомври|ноември|"
    "декември|јануар|фебруар|јун|јул|септембар|октобар|новембар|децембар|јануара|фебруара|јуна|јула|"
    # Slovene; Icelandic and Faroese; Greenlandic
    "marec|junij|julij|januarja|februarja|junija|julija|janúar|febrúar|apríl|júní|júlí|ágúst|október|nóvember|"
    "januaari|februaari|marsi|apriili|maaji|aggusti|septembari|oktoberi|novembari|decembari|"
    # Lithuanian (the genitive, as with a day)
    "sausio|vasario|kovo|balandžio|balandzio|gegužės|geguzes|birželio|birzelio|liepos|rugpjūčio|rugpjucio|rugsėjo|"
    "rugsejo|spalio|lapkričio|lapkricio|gruodžio|gruodzio")
# months written with a case ending (Georgian and Armenian have no capitals; North Sámi): the endings spelled out, so
# that "მაისური" (a T-shirt) and "მარტივი" (simple) are no months
_GEORGIAN = ("(?:იანვარ|თებერვალ|მარტ|აპრილ|მაის|ივნის|ივლის|სექტემბერ|ოქტომბერ|ნოემბერ|დეკემბერ)(?:ი|ს|ის|ში|იდან|"
             "ამდე)|აგვისტო(?:ს|ში|დან|მდე)?")
_ARMENIAN = ("(?:հունվար|փետրվար|մարտ|ապրիլ|մայիս|հունիս|հուլիս|օգոստոս|սեպտեմբեր|հոկտեմբեր|նոյեմբեր|դեկտեմբեր)"
             "(?:ի|ին|ից)?")
_SAMI = ("(?:ođđajage|guovva|njukča|cuoŋo|miesse|geasse|suoidne|borge|čakča|golggot|skábma|juovla)mán(?:nu|u)")
_STEMS = f"{_GEORGIAN}|{_ARMENIAN}|{_SAMI}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_DAY_MONTH = re.compile(rf"(?<![\w.,/]){_DAY}\.?\s*(?i:{_MONTHS}|{_STEMS})(?!\w)")
_LITHUANIAN = ("sausio|vasario|kovo|balandžio|balandzio|gegužės|geguzes|birželio|birzelio|liepos|rugpjūčio|rugpjucio|"
               "rugsėjo|rugsejo|spalio|lapkričio|lapkricio|gruodžio|gruodzio")
_MONTH_DAY = re.compile(rf"\b(?i:{_LITHUANIAN})\s+{_DAY}(?:\s*d\.|(?![\w.,/]))")
_MONGOLIAN = re.compile(rf"(?<![\w.,/])(?:1[0-2]|0?[1-9])(?:-?р)?\s*(?i:сарын|sariin|saryn)\s+{_DAY}(?!\w)"
                        r"(?!\s*(?i:хоног|өдөр|өдрийн|ширхэг|удаа|khonog|honog|odor|shirkheg|shirheg))")
_WEEKDAYS = ("esmaspäev|teisipäev|kolmapäev|neljapäev|reede|laupäev|pühapäev|pirmdiena|otrdiena|trešdiena|"
             "ceturtdiena|piektdiena|sestdiena|svētdiena|pirmadienis|antradienis|trečiadienis|ketvirtadienis|"
             "penktadienis|šeštadienis|sekmadienis|dushanba|seshanba|chorshanba|payshanba|shanba|yakshanba|"
             "дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|ორშაბათი|სამშაბათი|ოთხშაბათი|ხუთშაბათი|"
             "პარასკევი|შაბათი|კვირა")
_DM = (r"(?P<d>(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9])\.?|(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.)"
       r"(?!\d|[.,]\d|\s*(?i:mmol|ммоль|mg|мг|km|км|kg|кг|ml|мл|l|л|h|ч|%|°))")
_WEEKDAY_DM = re.compile(rf"(?<!\w)(?i:{_WEEKDAYS})\.?,?\s+{_DM}")
_DEADLINE_DM = re.compile(r"\b(?i:expires?|expiry|expiring|expired|deadline|valid\s+(?:until|till|to))\s*:?\s+"
                          r"(?:(?i:on)\s+)?(?P<d>(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9]))(?!\d|[.,]\d)")
_ENGLISH_MONTHS = ("January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|"
                   "Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_AGE_IN_MONTH = re.compile(rf"(?<![\w.,/])(?P<n>[1-9]\d?|1[01]\d)\s+(?i:in)\s+(?P<m>{_ENGLISH_MONTHS})\b")
# what stands before that age: a person's "'s", "is", comma or bracket, or "turns" (read back from the number)
_BEFORE_AGE = re.compile(r"(?:(?<![\w'’\-])(?P<w>[^\W\d_]+)(?:['’]s|\s+is|,|\s*\()|\b(?i:turns?|turning))\s*$")
_MONTH_SIGNS = frozenset(m.lower() for m in _ENGLISH_MONTHS.split("|"))
_PRONOUNS = frozenset(("she", "he", "they"))
# a word of these (as deid_forms splits a text into lower-case words), or a letter of Georgian or Armenian, or the
# Sámi month's "mán", is in every match of the patterns above
_SIGNS = frozenset(_MONTHS.split("|")) | frozenset(_WEEKDAYS.split("|")) | frozenset(("sariin", "saryn", "сарын"))
_SCRIPT_SIGN = re.compile(r"[\u10a0-\u10ff\u0531-\u058f]|mán")
_DEADLINE_SIGNS = ("expir", "deadline", "valid")


def more_calendar_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date of this module's forms in ``text`` (a text with a digit); ``words`` are its words in lower case.
    Each pattern runs only where a cheap sign of what it needs is there (a speed gate, never a change in what is
    found)."""
    lower = text.lower()
    if not words.isdisjoint(_SIGNS) or (not text.isascii() and _SCRIPT_SIGN.search(lower)):
        for rx in (_DAY_MONTH, _MONTH_DAY, _MONGOLIAN):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
        for m in _WEEKDAY_DM.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if any(sign in lower for sign in _DEADLINE_SIGNS):
        for m in _DEADLINE_DM.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if not words.isdisjoint(_MONTH_SIGNS) and " in " in lower:
        for m in _AGE_IN_MONTH.finditer(text):
            before = _BEFORE_AGE.search(text, max(0, m.start() - 40), m.start())
            if before and (before.group("w") is None or _a_person(before.group("w"))):
                add(("date", m.start("m"), m.end("m")))


def _a_person(word: str) -> bool:
    """Whether the word before an age is a person: a pronoun, a family word or a title, a given name, or a capitalised
    name or word no list knows ("Mum's 89 in June", "Rosa, 89 in August", "Jákupsdóttir, 89"; not "HbA1c is 48 in
    June", "Ferritin (9 in April", "May, 4 in June")."""
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

    w, lex = fold(word), P.lexicon()
    if w in P.MONTH_WORDS or w in lex.eponym_firsts:
        return False  # "9 in May, 4 in June": a list of readings by month; "Crohn's 3 in June"
    lists = word_lists()
    return w in _PRONOUNS or w in lex.relations or w in lex.titles or w in lex.first_names \
        or w in lex.ambiguous_first_names or (word[:1].isupper() and not word.isupper() and (
            lists.is_name(w) or not (lists.is_word(w) or w in lists.medical or w in lists.drugs)))

