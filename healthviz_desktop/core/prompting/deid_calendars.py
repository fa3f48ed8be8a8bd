"""Round eight of issue 15: dates of other calendars and holidays that name a day, as people write them. Plain
code with no speed gates that change what it finds, called from deid_forms.py, so the fast de-identifier and
the reference one share it as it is.

- A holiday with its year names one day of one year, a date as much as "25 Dec 2023": "Christmas 2023",
  "Thanksgiving '22", "Eid al-Fitr 2024", "Diwali 2023", "Tết 2024", "Nowruz 1403", "Orthodox Easter 2023",
  "Ramadan 1445" (Hijri and Persian years too). A holiday alone ("after Thanksgiving", "Ramadan is hard") stays:
  the brief the held-out writers worked from, and Safe Harbor's year rule, make the year what dates it.
- The Islamic (Hijri) calendar: a day and a month ("14 Ramadan", "5 Shawwal 1445 AH", "1 Muharram"); a month
  and a Hijri year ("Rajab 1445"). The Persian (Solar Hijri) months likewise ("12 Farvardin 1403").
- Japan's eras: "R6.3.14", "H31.4.1", "S63/12/1"; "令和6年3月14日", "平成31年"; and the year in "2024年3月14日",
  which the day and month rule leaves behind.
- A day before a month's name in the languages deid_forms' list lacks (set H's moved entries, then the rest of each
  language's months): "12. marta", "14 Mart", "7 maj", "21 березня", "20 رمضان", "3 מרץ"; Hungarian's month and day
  ("március 14").
- A clock time with dots or an "h" after a weekday or a date ("Minggu 10.00", "Fri 12 July, 11.15"), after the
  word for "at" of more languages when it has its minutes or "h" ("jam 04.15", "u 9h", "saat 10.40", "hoje 9h"),
  and a day and month before a weekday in brackets ("4.5 (Fri)").
- Dates and times said in words, as dictated entries have them: "on the twenty second", "the twenty-first of
  June", "by the fifteenth"; "at three forty", "at two thirty pm", "at seven o clock" (a plain "on the second"
  or "the first" stays: those are mostly no date).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_more_calendars import more_calendar_candidates
from healthviz_desktop.core.prompting.deid_spoken import spoken_candidates
from healthviz_desktop.core.prompting.deid_times import WEEKDAYS
from healthviz_desktop.core.prompting.vocabulary import fold, has_case, word_lists

Add = Callable[[tuple[str, int, int]], None]

# holidays people date things by, in the words they write them (lower case; a space or hyphen between words)
_HOLIDAYS = (
    r"christmas(?:\s+(?:eve|day))?|xmas|easter(?:\s+(?:sunday|monday|weekend))?|orthodox\s+(?:easter|christmas)|"
    r"good\s+friday|boxing\s+day|new\s+year'?s?(?:\s+(?:eve|day))?|nye|lunar\s+new\s+year|chinese\s+new\s+year|"
    r"thanksgiving(?:\s+(?:day|weekend|break))?|halloween|hallowe'en|valentine'?s(?:\s+day)?|mother'?s\s+day|"
    r"father'?s\s+day|"
    # round eleven (set K's second look: "Thanksgiving Day 2024"), then the holidays of Ethiopia and Eritrea, East, West
    # and Southern Africa, and South Asia of the same kind
    r"meskel|timkat|enkutatash|fasika|genna|irreecha|jamhuri\s+day|madaraka\s+day|mashujaa\s+day|heroes\s+day|"
    r"heritage\s+day|freedom\s+day|youth\s+day|reconciliation\s+day|martyrs['’]?\s+day|homowo|sallah|"
    r"ugadi|gudi\s+padwa|makar\s+sankranti|sankranti|lohri|bihu|chhath|ganesh\s+chaturthi|janmashtami|karva\s+chauth|"
    r"pohela\s+boishakh|pahela\s+baishakh|avurudu|dashain|tihar|"
    r"st\.?\s+patrick'?s(?:\s+day)?|paddy'?s\s+day|anzac\s+day|australia\s+day|waitangi\s+day|canada\s+day|"
    r"independence\s+day|fourth\s+of\s+july|4th\s+of\s+july|july\s+4th|memorial\s+day|labou?r\s+day|"
    r"juneteenth|bonfire\s+night|guy\s+fawkes(?:\s+night)?|black\s+friday|carnival|carnaval|semana\s+santa|"
    r"d[ií]a\s+de\s+(?:los\s+)?muertos|day\s+of\s+the\s+dead|"
    r"eid(?:\s+(?:al|ul|el)[\s\-](?:fitr|adha|kabir|saghir))?|eid[\s\-](?:ul|al)[\s\-](?:fitr|adha)|bakri\s+eid|"
    r"ramadan|ramazan|ramzan|ramadhan|mawlid|ashura|hajj|"
    r"nowruz|norouz|navruz|yalda|"
    r"hanukkah|chanukah|passover|pesach|rosh\s+hashanah?|yom\s+kippur|purim|sukkot|"
    r"diwali|deepavali|holi|navratri|dussehra|durga\s+puja|onam|pongal|vaisakhi|baisakhi|raksha\s+bandhan|"
    r"t[eế]t|chuseok|seollal|obon|golden\s+week|songkran|vesak|hari\s+raya(?:\s+(?:puasa|haji|aidilfitri))?|"
    r"mid[\s\-]autumn(?:\s+festival)?|dragon\s+boat(?:\s+festival)?|qingming|kwanzaa|"
    # round nine (set I's first look, then each holiday of the same kind): West Africa, France and Quebec, the
    # Commonwealth's days of remembrance, Europe's feast days, the Caribbean
    r"tabaski|korit[eé]|tamkharit|magal(?:\s+de\s+touba)?|f[eê]te\s+nationale|quatorze\s+juillet|bastille\s+day|"
    r"(?:la\s+)?(?:saint|st)[\s\-]jean(?:[\s\-]baptiste)?|toussaint|remembrance\s+(?:day|sunday)|armistice\s+day|"
    r"veterans\s+day|victoria\s+day|family\s+day|emancipation\s+day|j['’]?ouvert|crop\s+over|phagwah|"
    r"pentecost|whitsun|pfingsten|himmelfahrt|ascension\s+day|midsommar|midsummer|juhannus|sankthans|koningsdag|"
    r"king['’]?s\s+day|liberation\s+day|ferragosto|mardi\s+gras|all\s+saints['’]?\s+day|d[ií]a\s+de\s+reyes|"
    r"sant\s+jordi|shrove\s+tuesday|pancake\s+day|ash\s+wednesday|palm\s+sunday|whit\s+monday|"
    # round ten (set J's second look: "Ramazan Bayramı 2024", "Lebaran 2024"), then each holiday of the same kind:
    # Turkey, Indonesia and Malaysia, Israel, Iran, Latin America and Brazil, the Orthodox world, East Asia
    r"(?:ramazan|kurban|[şs]eker)\s+bayram[ıi]|bayram|lebaran|idul\s+(?:fitri|adha)|aidilfitri|aidiladha|"
    r"shavuot|simchat\s+torah|tu\s+bishvat|lag\s+ba['’]?omer|yom\s+ha['’]?atzmaut|chaharshanbe\s+suri|"
    r"maslenitsa|масленица|navidad|nochebuena|a[ñn]o\s+nuevo|las\s+posadas|fiestas\s+patrias|dieciocho|"
    r"natal|r[ée]veillon|p[áa]scoa|festa\s+junina|trung\s+thu|loy\s+krathong|spring\s+festival|chunjie|"
    r"thaipusam|merdeka|national\s+day|"
    # round twelve (set L's first look: "Matariki 2024"), then the days of the same kind that Indigenous and Pacific
    # peoples and their neighbours date things by
    r"matariki|puanga|naidoc(?:\s+week)?|sorry\s+day|mabo\s+day|coming\s+of\s+the\s+light|invasion\s+day|"
    r"survival\s+day|orange\s+shirt\s+day|(?:national\s+)?indigenous\s+peoples['’]?\s+day|"
    r"truth\s+and\s+reconciliation\s+day|treaty\s+day|louis\s+riel\s+day|kamehameha\s+day|"
    r"prince\s+k[uū]hi[oō]\s+day|lei\s+day|white\s+sunday|lotu\s+tamaiti|aloha\s+festivals?|"
    r"powwow|pow\s+wow|sundance|sun\s+dance|potlatch|"
    # round twelve (set L's second look: "Labour Weekend 2024"), then the long weekends named the same way
    r"labou?r\s+weekend|long\s+weekend|bank\s+holiday(?:\s+(?:weekend|monday))?|(?:king|queen)['’]?s\s+birthday"
    r"(?:\s+weekend)?|august\s+long\s+weekend|civic\s+holiday|show\s+day|cup\s+day|melbourne\s+cup")
# a year after it: four digits of this era, of the Hijri (13xx-14xx) or Persian (13xx-14xx) calendars, or "'23"
_YEAR = r"(?:(?:19|20)\d\d|1[34]\d\d|['‘’]\d\d)"
# a holiday alone ("before Easter", "over the long weekend"): the de-identifier keeps it, the allowlist holds it back
HOLIDAY = re.compile(rf"(?<![\w'’])(?i:{_HOLIDAYS})(?![\w'’])")
_HOLIDAY_YEAR = re.compile(rf"(?<![\w'’])(?i:{_HOLIDAYS})\s*,?\s+{_YEAR}(?:\s*(?i:AH|SH|H)\b)?(?![\w'’]|[.,]\d)")

_HIJRI_MONTHS = (
    r"muharram|safar|rabi['’]?\s*(?:al|ul|el)?[\s\-]?(?:awwal|thani|akhir|i{1,2})|rabiul[\s\-]?(?:awal|akhir)|"
    r"jumad[ae]?\s*(?:al|ul|el)?[\s\-]?(?:ula|oola|awwal|thani|akhirah?|i{1,2})|rajab|sha['’]?ban|shaaban|"
    r"ramadan|ramazan|ramzan|ramadhan|shawwal|syawal|dhu\s*(?:al|l)?[\s\-]?(?:qa['’]?dah|qi['’]?dah|hijjah)|"
    r"zul[\s\-]?(?:qadah|hijjah)")
_PERSIAN_MONTHS = r"farvardin|ordibehesht|khordad|mordad|amordad|shahrivar|aban|azar|bahman|esfand|" \
    r"hamal|sawr|saur|jawza|sunbula|sonbola|mizan|aqrab|qaws|dalw"  # Afghan names (round 13; not "saratan",
# cancer in Dari, "jadi", Indonesian's "so", "asad", a name, nor "hoot")
_SHORT_PERSIAN_MONTHS = r"tir|mehr|dey"  # words of other kinds too ("2 tir of water"): only with their year
# a day before a month of these calendars ("14 Ramadan", "5th of Shawwal"), with its year if one follows
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_CAL_DAY = re.compile(rf"(?<![\w.,/])(?:{_DAY})\s+(?:(?i:of)\s+)?(?:(?i:{_HIJRI_MONTHS}|{_PERSIAN_MONTHS})\b"
                      rf"(?:,?\s+1[34]\d\d\b(?:\s*(?i:AH|SH|H)\b)?)?|(?i:{_SHORT_PERSIAN_MONTHS}),?\s+1[34]\d\d\b"
                      rf"(?:\s*(?i:SH|H)\b)?)")
# a month of these calendars before its year ("Rajab 1445"; Persian month words that are English too only
# with a year of their own calendar: "Mehr 1402", never "tir" or "dey" alone)
_CAL_MONTH_YEAR = re.compile(rf"(?<![\w'’])(?i:{_HIJRI_MONTHS}|{_PERSIAN_MONTHS}|{_SHORT_PERSIAN_MONTHS})\s+1[34]\d\d\b"
                             rf"(?:\s*(?i:AH|SH|H)\b)?")
# round eleven (set K's second look: "since Meskerem 17", "Tir 5, 2017"): a day of the Ethiopian calendar, its month
# written with a capital (short months are words too: "Sene", "Ter") before or after the day, with its year
_ETHIOPIAN_MONTHS = (r"Meskerem|Meskeram|Tikimt|Tikemt|Tiqimt|Hidar|Hedar|Tahsas|Tahesas|Ter|Tir|Yekatit|Yakatit|"
                     r"Megabit|Miyazia|Miazia|Ginbot|Genbot|Sene|Hamle|Nehase|Nehasie|Pagume|Pagumen")
_ETHIOPIAN_DAY = re.compile(rf"(?<![\w'’])(?:(?:{_ETHIOPIAN_MONTHS})\s+{_DAY}|{_DAY}\s+(?:of\s+)?"
                            rf"(?:{_ETHIOPIAN_MONTHS}))\b(?:,?\s+(?:19|20)\d\d\b(?:\s*(?:E\.?C\.?|EC))?)?(?![.,/]\d)"
                            r"(?!\s*(?i:doses?|mg|ml|tabs?|tablets?|times|x|days?|weeks?|hours?|hrs?)\b)")
# "next pickup is the 3rd instant", "your letter of the 14th ultimo": a day of this (last, next) month in formal
# English of India and Africa
_INSTANT = re.compile(r"\b(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\s+(?i:instant|inst\.?|ultimo|ult\.?|proximo|"
                      r"prox\.?)(?!\w)")  # (the ordinal always: "2 instant coffees" is no date)
_ETHIOPIAN_WORDS = frozenset(w.lower() for w in _ETHIOPIAN_MONTHS.split("|"))
# Japan's eras: a letter (Reiwa, Heisei, Showa, Taisho) and year, month, day with dots or slashes; or in kanji
_ERA_DOTTED = re.compile(r"[RHST](?<![\w.].)\s?\d{1,2}[./](?:1[0-2]|0?[1-9])[./](?:[12]\d|3[01]|0?[1-9])\b(?![./]\d)")
_ERA_KANJI = re.compile(r"(?:令和|平成|昭和|大正)\s*(?:\d{1,2}|元)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
_YEAR_KANJI = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年(?=\s*\d{1,2}\s*月)")

# the words of the patterns above as deid_forms splits a text into words (letters only: "valentine's" is
# "valentine" and "s"); at least one is in every match
# months in the languages the day-and-month rule of deid_forms lacks: Serbian, Croatian, Bosnian, Slovene, Czech,
# Slovak, Romanian, Albanian, the Nordic languages, Finnish, Bulgarian, Russian, Ukrainian, Greek, Arabic (both
# month lists), Persian, Hebrew; Turkish's "mart", Polish's "maj", Indonesian's "mei" is there already
_MORE_MONTHS = (
    r"gener|febrer|març|maig|juny|juliol|setembre|desembre|"  # Catalan (round nine; the rest are Spanish's)
    r"januara|februara|mart|marta|aprila|maja|maj|juna|jula|avgust|avgusta|septembar|septembra|oktobar|oktobra|"
    r"novembar|novembra|decembar|decembra|siječnja|sijecnja|veljače|veljace|ožujka|ozujka|travnja|svibnja|lipnja|"
    r"srpnja|kolovoza|rujna|listopada|studenoga|studenog|prosinca|ledna|února|unora|března|brezna|dubna|května|"
    r"kvetna|června|cervna|července|cervence|srpna|září|zari|října|rijna|listopadu|prosince|januára|februára|"
    r"apríla|mája|júna|júla|októbra|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|"
    r"decembrie|janar|shkurt|mars|prill|qershor|korrik|gusht|shtator|tetor|nëntor|nentor|dhjetor|marts|"
    r"tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|"
    r"marraskuuta|joulukuuta|януари|февруари|април|юни|юли|септември|октомври|ноември|декември|января|февраля|"
    r"марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|"
    r"август|сентябрь|октябрь|ноябрь|декабрь|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|"
    r"жовтня|листопада|грудня|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|"
    r"σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|"
    r"أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين|محرم|صفر|"
    r"ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو|فروردین|اردیبهشت|خرداد|مرداد|شهریور|آبان|آذر|بهمن|اسفند|ינואר|פברואר|"
    r"מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר")
_DAY_MORE_MONTH = re.compile(rf"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])\.?\s*(?:(?i:de|d['’])\s*)?"
                             rf"(?i:{_MORE_MONTHS})(?!\w)"
                             r"(?:\s+(?:19|20|1[34])\d\d\b)?")
_HU_MONTHS = r"január|február|március|április|május|június|július|augusztus|szeptember|október|november|december"
_HU_MONTH_DAY = re.compile(rf"\b(?i:{_HU_MONTHS})\s+(?:[12]\d|3[01]|0?[1-9])\.?(?:-(?:án|én|ig|i|a|e))?(?!\w)")
# weekdays deid_times' WEEKDAYS lacks (English, Indonesian, Malay, Tagalog); the two are read together
_WEEKDAY_NAMES = (r"mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|"
                  r"sun|sunday|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|isnin|khamis|jumaat|ahad|"
                  r"miyerkules|huwebes|biyernes|linggo")
# "Minggu 10.00", "Sunday 10.00", "Fri 12 July, 11.15", "14 Mart 10:40": a dotted clock time after a weekday or a
# day and month (a colon's time is deid_patterns' already)
_AFTER_DAY_TIME = re.compile(
    rf"(?:\b(?i:{_WEEKDAY_NAMES}|{WEEKDAYS})|\b(?:[12]\d|3[01]|0?[1-9])\.?\s+[^\W\d_]{{3,}})\.?,?\s+(?:(?i:at|um|om|à|a|u|jam|pukul|"
    r"saat|ora|alle|kl\.?)\s+)?(?P<t>(?:[01]?\d|2[0-3])\.[0-5]\d)\b(?![.,]\d|\s*(?i:mg|mcg|ml|kg|g|l|mmol|units?|"
    r"iu|%|hours?|hrs?|h|km|miles?)\b)")
# "jam 04.15", "pukul 9.30", "u 9h", "saat 10.40", "hoje 9h", "às 14h": the word for "at" (or "today") of more
# languages before a clock time with its minutes or an "h" (without them "jam 2", "u 2" are no time)
_AT_MORE = re.compile(r"\b(?i:jam|pukul|u|saat|ora|hoje|às|as|das|dès|desde|alas|a\s+las|vers|kello|klockan)\s+"
                      r"(?P<t>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d|h[0-5]?\d?|h\b))(?![.,]\d|\w)")
# "next appt 4.5 (Fri)", "kontrola 21.2. (pon)": a day and a month before a weekday in brackets
_DM_WEEKDAY = re.compile(r"(?<![\d.,/])(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.?)"
                         r"\s*\(\s*[^\W\d_]{2,10}\.?\s*\)")
_ORDINAL_DAY = (r"(?:twenty|thirty)[\s\-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|"
                r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                r"twentieth|thirtieth")
_SIMPLE_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_MONTH_WORD = (r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
               r"mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
_MONTH_BEFORE_DAY = (r"(?:(?-i:May|March|Mar)|(?i:january|february|april|june|july|august|september|october|"
                     r"november|december|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec))")
_NOT_A_COUNT = (r"(?!\s+(?i:time|day|week|month|year|dose|attempt|try|round|cycle|floor|century|birthday|anniversary|"
                r"of\s+(?:the|my|his|her|them|us)\b))")
_SPOKEN_DATE = re.compile(
    rf"\b(?:(?i:on|by|until|till|before|after|from|since|due)\s+the\s+(?P<d>(?:{_ORDINAL_DAY})(?:\s+of\s+{_MONTH_WORD})?)"
    rf"\b(?!\s+(?i:time|day|week|month|year|dose|attempt|try|round|cycle|floor|century|birthday|anniversary|"
    rf"of\s+(?:the|my|his|her|them|us)\b))"
    rf"|\bthe\s+(?P<m>(?i:{_ORDINAL_DAY}|{_SIMPLE_ORDINAL})\s+of\s+{_MONTH_WORD}\b)"
    # session twenty-five (set W's reserve: "comes out ... on the fifth"): a day's ordinal under ten after a date's
    # word and "the" where its clause ends or a time or a joining word follows (not "on the second try")
    rf"|\b(?i:on|by|until|till|before|after|from|since|due)\s+the\s+(?P<s>{_SIMPLE_ORDINAL})\b"
    rf"(?=\s*(?:[.,;:!?)]|$)|\s+(?i:at|and|so|but|when|then|or|with|for\s+the|in\s+the\s+(?:morning|afternoon|"
    rf"evening))\b)"
    # session twenty-two: the month went out after "on the twenty third" ("[DATE] of june"), and a day's ordinal of
    # ten or more with its month and no "the" ("New date twelfth of august") went out whole
    rf"|(?<![\w\-])(?P<n>(?i:{_ORDINAL_DAY})\s+of\s+{_MONTH_WORD}\b)"
    # session twenty-three: a month before its spoken day ("June twenty fifth", "March the third"; "may" and "march"
    # only with their capital) and a weekday before "the" and its spoken day ("Thursday the twelfth")
    rf"|\b(?P<o>{_MONTH_BEFORE_DAY}\s+(?:the\s+)?(?:{_ORDINAL_DAY}|{_SIMPLE_ORDINAL}))\b{_NOT_A_COUNT}"
    rf"|\b(?P<w>(?i:{_WEEKDAY_NAMES})\s+the\s+(?:{_ORDINAL_DAY}|{_SIMPLE_ORDINAL})(?:\s+of\s+{_MONTH_WORD})?)\b"
    rf"{_NOT_A_COUNT})", re.IGNORECASE)
_HOUR_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_SPOKEN_CLOCK = re.compile(
    rf"\b(?i:at|by|around|about|till|until|since|before|after)\s+(?:(?i:like|about|around|maybe|roughly|gone)\s+)?"
    rf"(?P<t>(?i:{_HOUR_WORD})(?:[\s\-](?i:oh[\s\-](?:one|two|"
    rf"three|four|five|six|seven|eight|nine)|fifteen|thirty|forty[\s\-]?five|forty|fifty[\s\-]?five|fifty|twenty[\s\-]?five|"
    rf"twenty|ten|o\s?['’]?\s?clock)(?:\s*(?i:am|pm|a\.m\.|p\.m\.|[ap]\s+m\b))?|\s*(?i:am|pm|a\.m\.|p\.m\.|[ap]\s+m\b)))"
    rf"(?![\w\-])")
_SPOKEN_GATE = frozenset(str.split("""tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
    eighteenth nineteenth twentieth thirtieth first second third fourth fifth sixth seventh eighth ninth"""))
_CLOCK_GATE = frozenset(str.split("thirty forty fifty fifteen twenty ten oh clock oclock am pm m"))  # ("p m")
_HOUR_WORDS = frozenset(_HOUR_WORD.split("|"))
_GATE_WORDS = frozenset(str.split("""tabaski korite korité tamkharit magal fete fête quatorze bastille saint st
    toussaint remembrance armistice veterans victoria family emancipation jouvert ouvert crop phagwah pentecost
    whitsun pfingsten himmelfahrt ascension midsommar midsummer juhannus sankthans koningsdag king kings liberation
    ferragosto mardi all saints reyes sant shrove pancake ash palm whit
    christmas xmas easter orthodox good boxing new nye lunar chinese thanksgiving
    halloween hallowe valentine valentines mother mothers father fathers patrick patricks paddy paddys anzac
    australia waitangi canada independence fourth july memorial labor labour juneteenth bonfire guy black carnival
    carnaval semana día dia day eid bakri ramadan ramazan ramzan ramadhan mawlid ashura hajj nowruz norouz navruz
    yalda hanukkah chanukah passover pesach rosh yom purim sukkot diwali deepavali holi navratri dussehra durga onam
    pongal vaisakhi baisakhi raksha tet tết chuseok seollal obon golden songkran vesak hari mid dragon qingming
    kwanzaa bayram bayramı bayrami kurban şeker seker lebaran idul aidilfitri aidiladha shavuot simchat tu lag
    chaharshanbe maslenitsa масленица navidad nochebuena año ano las fiestas dieciocho natal réveillon reveillon
    páscoa pascoa festa trung loy spring chunjie thaipusam merdeka national meskel timkat enkutatash fasika genna
    irreecha jamhuri madaraka mashujaa heroes heritage freedom youth reconciliation martyrs homowo sallah ugadi gudi
    makar sankranti lohri bihu chhath ganesh janmashtami karva pohela pahela avurudu dashain tihar
    matariki puanga naidoc sorry mabo coming invasion survival orange indigenous truth treaty louis kamehameha prince
    lei white lotu aloha powwow pow sundance sun potlatch long bank queen queens civic show cup melbourne"""))
_CAL_WORDS = frozenset(str.split("""muharram safar rabi rabiul jumada jumadi jumad jumadal rajab sha shaban
    shaaban ramadan ramazan ramzan ramadhan shawwal syawal dhu zul farvardin ordibehesht khordad tir mordad amordad
    shahrivar mehr aban azar dey bahman esfand hamal sawr saur jawza sunbula sonbola mizan aqrab qaws dalw"""))
# (the Solar Hijri months as Afghanistan names them, less those that are other words too)


# session twenty-eight: a year right after a word no list knows, capitalised or in a script without capitals, dates
# the feast, fair or festival it names as a holiday's year does ("Fallas 2024", "Nyepi 2024", "Vardavar 2023", "春节
# 2025"): the holiday list can never be whole. Not an amount after a brand ("Zelbrix 2000 kcal", "2000 x2").
# (the year first, the word before it read behind: the engine then scans for a digit alone)
_EVENT_YEAR = re.compile(r"(?P<y>(?<=[^\W\d_][ \t])(?:19[5-9]|20[0-4])\d)(?![\w'’]|[.,:/\-]\d|"
                         r"\s*(?i:iu|mg|mcg|µg|units?|ml|kcal|cal|steps|x\d*)\b)")
_WORD_BEFORE_YEAR = re.compile(r"(?P<w>[^\W\d_][^\W\d_'’]*)[ \t]+\Z")


# session twenty-eight: a day and a month with a slash or a dash after what is booked, due or moved then ("Beta booked
# 3/6", "due 3/4", "Rescheduled for 10-14", "Delivery was 3/3", "due date 2/3", "para el 3/6"); a time's kind, as a
# fraction's shape it has; a score's ("/10") stays
_BOOKED_DAY = re.compile(r"\b(?i:booked(?:\s+(?:for|in))?|due(?:\s+date)?(?:\s+(?:is|was|on))?|(?:re)?scheduled\s+"
                         r"(?:for|to)|moved\s+to|delivery\s+(?:was|is)|para\s+el|starts|starting)\s+"
                         r"(?P<d>(?P<a>[0-3]?\d)[/\-](?P<b>[0-3]?\d))(?![\d/\-]|[.,]\d|\s*(?:%|(?i:mg|ml|"
                         r"units?|days?|weeks?|times|of)\b))")
_BOOKED_GATE = frozenset(str.split("booked due scheduled rescheduled moved delivery para starts starting"))


def _names_an_event(word: str) -> bool:
    """A word before a year that names what the year dates: capitalised (not an acronym) or in a script without
    capitals, and no English, clinical or drug word, nor a word the lexicon knows ("Class 2024", "COVID 2020",
    "Ozempic 2024")."""
    if word.isupper() or not (word[0].isupper() or not has_case(word)):
        return False
    f, lists = fold(word), word_lists()
    return not lists.is_word(f) and f not in lists.drugs and f not in lists.medical \
        and f not in P.lexicon().known_words


def calendar_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date of this module's rules in ``text`` (see the docstring); ``words`` are its words in lower case.
    Each pattern runs only where a cheap sign of what it needs is there: a speed gate, never a change in what is
    found."""
    if not words.isdisjoint(_SPOKEN_GATE):
        for m in _SPOKEN_DATE.finditer(text):
            g = next(k for k in ("d", "m", "n", "o", "w", "s") if m.group(k))
            add(("date", m.start(g), m.end(g)))
    if not words.isdisjoint(_HOUR_WORDS) and not words.isdisjoint(_CLOCK_GATE):
        for m in _SPOKEN_CLOCK.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    spoken_candidates(text, words, add)  # session twenty-five: dates and hours said aloud ("the third of the fourth")
    if not any(c.isdigit() for c in text):
        return
    if _YEAR_GATE.search(text):
        if not words.isdisjoint(_GATE_WORDS):
            for m in _HOLIDAY_YEAR.finditer(text):
                add(("date", m.start(), m.end()))
        for m in _EVENT_YEAR.finditer(text):
            before = _WORD_BEFORE_YEAR.search(text, max(0, m.start() - 40), m.start())
            if before is not None and _names_an_event(before.group("w")):
                add(("date", m.start("y"), m.end("y")))
    if not words.isdisjoint(_BOOKED_GATE):
        for m in _BOOKED_DAY.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))  # a day and a month either way round ("10-14")
            if 0 < min(a, b) <= 12 and max(a, b) <= 31 and not m.group("d").endswith("/10"):
                add(("time", m.start("d"), m.end("d")))
    if "inst" in words or "instant" in words or "ultimo" in words or "ult" in words or "proximo" in words \
            or "prox" in words:
        for m in _INSTANT.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if not words.isdisjoint(_ETHIOPIAN_WORDS):
        for m in _ETHIOPIAN_DAY.finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_CAL_WORDS):
        for rx in (_CAL_DAY, _CAL_MONTH_YEAR):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if "年" in text:
        for rx in (_ERA_KANJI, _YEAR_KANJI):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if "." in text or "/" in text:
        for m in _ERA_DOTTED.finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_MORE_MONTH_WORDS):
        for m in _DAY_MORE_MONTH.finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_HU_MONTH_WORDS):
        for m in _HU_MONTH_DAY.finditer(text):
            add(("date", m.start(), m.end()))
    if _DOT_TIME_GATE.search(text):
        for m in _AFTER_DAY_TIME.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if "(" in text and "." in text:
        for m in _DM_WEEKDAY.finditer(text):
            if fold(m.group().split("(")[1].strip(" .)")) in _WEEKDAY_WORDS:
                add(("date", m.start("d"), m.end("d")))
    if not words.isdisjoint(_AT_MORE_WORDS) and _CLOCK_SHAPE_GATE.search(text):
        for m in _AT_MORE.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    more_calendar_candidates(text, words, add)  # session nineteen: more languages' months, weekdays, deadlines


_SHORT_WEEKDAYS = "pon|wt|śr|sr|czw|pt|sob|niedz|ma|di|wo|do|vr|za|zo|mo|mi|fr|sa|so|lu|mer|jeu|ven|sam|dim"
_WEEKDAY_WORDS = frozenset(fold(w) for w in f"{_WEEKDAY_NAMES}|{WEEKDAYS}|{_SHORT_WEEKDAYS}".split("|"))
WEEKDAY_WORDS = _WEEKDAY_WORDS  # (an hour written with "h" after one tells the time: deid_when)
# speed gates: each rule above runs only where what it needs is there (never a change in what is found)
_YEAR_GATE = re.compile(r"(?:19|20|1[34])\d\d|['‘’]\d\d")
_MORE_MONTH_WORDS = frozenset(w for w in _MORE_MONTHS.split("|"))
_HU_MONTH_WORDS = frozenset(_HU_MONTHS.split("|"))
_DOT_TIME_GATE = re.compile(r"\d\.[0-5]\d")
_AT_MORE_WORDS = frozenset(str.split("jam pukul u saat ora hoje às as das dès desde alas las vers kello klockan"))
_CLOCK_SHAPE_GATE = re.compile(r"\d(?:[:.][0-5]\d|h)")
