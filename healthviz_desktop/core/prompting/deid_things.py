"""What a capitalised word names when it names no person (issue 15): a product (by how it is taken, its form, a
dose or a count beside it, the line it belongs to), an eponym (by its test, its sign or its two words), a month or
a weekday of another language, an everyday word of another language. deid_names.py reads a run of capitalised
words with these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import (
    fold,
    foreign_short_words,
    foreign_start_words,
    foreign_town_words,
    foreign_words,
    key,
    word_lists,
)

Word = tuple[str, int, int]


USE_VERBS = frozenset(("took", "take", "takes", "taking", "tried", "try", "trying", "used", "use", "using",
                        "drinking", "drank", "sipping", "swallowed", "chewed", "chewing", "inhaled", "applying",
                        "applied", "apply", "started", "stopped", "restarted", "bought", "ordered", "prescribed",
                        "switched", "swapped", "increased", "reduced", "upped", "dropped"))


PRODUCT_AFTER = (r"\s+(?:spray|sprays|tablets?|tabs?|cream|gel|inhaler|patch|patches|drops|pump|capsules?|syrup|"
                  r"lotion|ointment|nasal|injections?|pen|pens|sensor|monitor|app|strips?|lozenges?|brand|express|"
                  r"forte|extra|plus|max|rapid|advance|duo|xr|sr|cr|odt|liquigels?|caplets?|jelly|juice|sachets?|"
                  r"powder|granules|solution|suppositor(?:y|ies)|pessar(?:y|ies)|mouthwash|rinse|balm|device|frame|stockings|"
                  # session twenty-two: food and drink ("Victoria sponge", "Pret wrap", "Tesco meal deal")
                  r"sponge|cake|wrap|sandwich|roll|pie|biscuits?|crisps|noodles|soup|latte|smoothie|yog(?:h)?urt|"
                  r"cereal|pizza|burger|meal|"
                  # session twenty-three: its prescription, a spoken count of it ("EpiPen prescription", "Oestrogel
                  # two pumps"; not "refill", a verb too: "Asked Kate refill the jug")
                  r"prescriptions?|scripts?|(?:one|two|three|four|five|six|half\s+a|a)\s+(?:pumps?|puffs?|"
                  r"tabs?|tablets?|drops?|sprays?|sachets?|capsules?|caps|units?|doses?|squirts?))\b")


# a sentence that starts with a product, not a person: "Nytol for sleep", "Lacri-Lube at night"
_PRODUCT_USE = re.compile(r"\s+(?:(?i:for|pra|para|pour|für|fur|per|voor|contra|gegen)\s+"
                          r"(?:(?i:the|my|a|o|os|as|el|la|le|les|los|las|den|die|das|mi|mon|ma|mes|il|lo|het|de)\s+)?"
                          r"(?P<what>[a-zà-ÿ]+)|(?i:at\s+night|at\s+bedtime|"
                          r"before\s+bed|twice|once\s+a|every\s+\d|daily|nightly|as\s+needed|test|in\s+the\s+(?:day|morning|evening)|"
                          r"morning\s+and\s+night|prn|sos|nocte|mane|bd|bid|tds|tid|qds|qid|(?:after|before|with)\s+"
                          r"(?:meals|food|breakfast|lunch|supper|dinner)|day\s+\d+\b(?!\s*(?:of|off)\b)|"
                          r"for\s+\d+\s+(?:more\s+)?(?:days?|weeks?|nights?))\b)")


USE_FOR = frozenset(str.split("""sleep pain throat cough coughs cold colds flu nausea itch itching rash heartburn
    reflux allergies allergy hayfever congestion fever headache headaches migraine period cramps back joints skin eyes
    nose sinuses sinus bowels constipation diarrhoea diarrhea anxiety stress acne dryness swelling sore sores bites
    spots ulcers wind bloating gas burns cuts eczema psoriasis dandruff thrush warts verruca verrucas acid
    indigestion stomach tummy gut mouth lips cheeks feet hands nappy gums teeth tooth ear ears eye muscles sickness
    sick vomiting dizziness vertigo nerves spasms tinnitus breakfast brekkie lunch dinner supper tea snack
    gases dolor dor douleur douleurs toux tos tosse sommeil sueno sono schlaf schmerzen kopfschmerzen husten dormir
    acidez azia nausea nauseas nausee febre fiebre fievre fieber colicas colica gripe grippe"""))  # and in the
    # languages people mix in, folded: "Luftal pra gases", "Doliprane pour la douleur"


def product_use(text: str, end: int) -> bool:
    """Whether what follows a word says how a product is used ("for sleep", "at night", "twice"), or lists it with
    another ("Glucosamine, fish oil, Pamol")."""
    m = _PRODUCT_USE.match(text, end)
    if m is not None and (m.group("what") is None or fold(m.group("what")) in USE_FOR
                          or key(m.group("what")) in word_lists().medical):
        return True
    listed = re.match(r"\s*,\s*([A-Za-z][\w\-]*)(?:\s+([a-z][\w\-]*))?", text[end:end + 40])
    if listed is None:
        return False
    lists = word_lists()
    # (not a clinical word of another language, a symptom or a body part more than a product: "Mama Neema,
    # presha yake 170/110"; session thirty-three)
    return any(w is not None and (key(w) in lists.drugs or (key(w) in lists.medical and key(w) not in
                                                            lists.foreign_clinical) or key(w) in clinical_words()
                                  or key(w) in USE_FOR or key(w) in _SUPPLEMENTS) for w in listed.groups())


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    """The de-identifier's own drug and clinical words ("lemsip", "gaviscon")."""
    from healthviz_desktop.core.resources import load_toml

    return frozenset(w.casefold() for w in load_toml("deid_lexicon.toml")["clinical_words"])


_SUPPLEMENTS = frozenset(str.split("oil vitamin vitamins magnesium zinc iron calcium omega probiotic probiotics "
                                   "melatonin "
                                   "turmeric collagen biotin"))


@lru_cache(maxsize=1)
def eponym_phrases() -> frozenset[str]:
    """The lexicon's eponyms of two words or more, casefolded, words joined by one space ("braxton hicks")."""
    from healthviz_desktop.core.resources import load_toml

    lexicon = load_toml("deid_lexicon.toml")
    phrases = [e for e in lexicon["eponyms"] if " " in e or "-" in e] + lexicon["phrases_not_names"]
    return frozenset(" ".join(e.casefold().replace("-", " ").split()) for e in phrases)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """The months and weekdays of the languages deid_forms and deid_times read dates in, without diacritics,
    minus any that is also an English word, a name or a town ("Mayo", "Marco", "Pazar")."""
    from healthviz_desktop.core.prompting.deid_forms import _MONTHS
    from healthviz_desktop.core.prompting.deid_times import WEEKDAYS
    from healthviz_desktop.core.prompting.vocabulary import gazetteer

    lists, places = word_lists(), gazetteer().places
    words = {fold(w) for w in (_MONTHS + "|" + WEEKDAYS).split("|") if len(w) > 3}
    return frozenset(w for w in words if not lists.is_word(w) and not lists.is_name(w) and w not in places)


def foreign_word(first: str) -> bool:
    """A word no English list knows that is an everyday word of another language ("Hausarzt", "Schmerzen",
    "Remédio"): not a name on its own mid-sentence. (Compounds of such words, "Zeckenimpfung", were tried in
    round seven and taken back: on held-out set G they let a name through; docs/privacy.md.)"""
    folded = fold(first)
    # (looked up as the list was built, "Głowa" is "glowa" there; a town's name is no word: "Kadıköy"; round nineteen)
    listed = folded in foreign_words() and folded not in foreign_town_words()
    return (listed or (len(folded) > 6 and CLINICAL_FORM.search(folded) is not None)) \
        and not word_lists().is_name(folded) and folded not in P.lexicon().first_names


# a bracket opening on Chinese, Japanese or Korean letters after a word: the name it transliterates ("Sota (颯太)")
SCRIPT_GLOSS = re.compile(r"\s*\(\s*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def opening_foreign_word(first: str, text: str, end: int) -> bool:
    """A sentence's first word that is an everyday word of another language: ``foreign_word``, or one also met in
    English text now and then but far more often in its own ("Kepala pusing", "Masuk angin", "Mide yanması";
    session twenty-four). Only where a sentence opens: mid-sentence such a capital names someone as often ("anak
    saya Putri"); nor before the name it transliterates in brackets ("Sota (颯太)")."""
    # (the list holds no name the word lists or the lexicon know: the build leaves them out, a test checks it)
    # (and a short word as its language spells it, "Un poco", "Nie mogę", "Δεν"; session thirty-two)
    return foreign_word(first) or ((fold(first) in foreign_start_words() or key(first) in foreign_short_words())
                                   and not SCRIPT_GLOSS.match(text, end))


# session seventeen: the endings of clinical words in the languages people mix in, folded ("Migräne", "Hörsturz",
# "Halsschmerzen", "Ödem", "Lumbalgia", "Glycémie"): a word no list knows that ends so is a clinical noun, not a name
# (no "-itis" nor "-ose": Lithuanian, Greek and French surnames end so, "Petraitis", "Politis", "Bellerose"; nor the
# short nouns a German surname can end in, "-weh", "-sturz", "-husten", "-salbe", "-pflaster"; "-emia" only after a
# sugar's or a salt's stem: "Euphemia", "Jérémie" are given names)
CLINICAL_FORM = re.compile(r"(?:algia|algie|ektomie|ectomia|ectomie|skopie|scopia|scopie|grafie|grafia|graphie|patia|"
                           r"pathie|patie|plegia|plegie|schmerz|schmerzen|entzundung|infekt|infektion|krankheit|"
                           r"ubelkeit|schwindel|ausschlag|zerrung|verstauchung|tropfen|tabletten|fieber|odem|migrane|"
                           r"migrena|migrana|^horsturz|(?:gl[iyu][ck]|hyp[eo]\w*?)(?:a?emia|emie|amie))$")


# what follows a thing, not a person, at the start of a sentence ("Nytol if desperate", "Eltroxin brand makes")
# session thirty: what a person makes someone do, never a product ("Mhairi made me promise to write", "Agnieszka made
# me ring 111"; "Brufen made me drowsy" is a product's effect)
_BIDDEN = (r"(?!\s+(?:promise|ring|call|phone|book|sit|rest|stay|swear|laugh|wait|write|text|apologi[sz]e|sign|fill|"
           r"tidy|clean|tell|show|put|get\s+up|turn)\b)")
THING_NEXT = re.compile(r"(?:\s+(?:if|brand|helps|helped(?!\s+with\b)|"
                         rf"works|worked|working|seems|seemed|made\s+me{_BIDDEN}|makes\s+me{_BIDDEN}|"
                         r"is\s+(?:helping|working|useless|rubbish|great|good|better|worse)|did\s+nothing|"
                         r"does\s+nothing|wore\s+off|kicked\s+in|instead\s+of|"
                         r"not\s+(?:helping|working))\b|[.!]?\s*$|\.\s+[A-Z])")
# session twenty-nine: a test's finding after it ("Coags normal", "Quantiferon positive", "HBsAg pending", "Tac
# trough") or how a remedy is taken ("Gastrolyte sips"); not what a person has done ("Yusra surgery", "Kemi jab").
# (Not a drug listed after it: "Robaxacet + Voltaren" and "Tavita + ibuprofen = finally slept" are written alike.)
# (never what a person is positive for or about: "Kai positive for flu", "Nguyen positive about it", round sixteen)
_FINDING_NEXT = re.compile(r"\s+(?:suspected|confirmed|(?:positive|negative)(?!\s+(?i:for|about|on|that|to|with)\b)|"
                           r"normal|abnormal|pending|levels?|trough|titre|titer|syndrome|disease|antibodies|warning|"
                           r"sips|soak)\b")


def finding_next(text: str, end: int) -> bool:
    """Whether a test's finding or a remedy's use follows ``end`` ("Widal positive", "Gastrolyte sips")."""
    return _FINDING_NEXT.match(text, end) is not None


LINE_WORDS = frozenset(str.split("express forte extra plus max rapid advance duo xr sr cr odt liquigels caplets "
                                  "original cold flu night day lc"))


# a clinical noun right after one capitalised word makes it an eponym, not a person: "Epworth score", "Heberden
# nodes", "Amsler grid", "McKenzie press-ups" (a word that can be a given name needs the stronger nouns)
EPONYM_NOUNS = re.compile(r"\s+(?:score|scale|grid|nodes?|manoeuvre|maneuver|press-ups?|criteria|classification|"
                           r"questionnaire|index|(?P<weak>test|sign|extension|exercises|technique|protocol|method))\b")
# session seventeen: an eponym's sign or reflex after a possessive, where the mention ends or its finding follows
# ("Darier's sign, apparently", "Romberg's sign positive"); never "Kowalski's sign off", "Kemal's sign on the door"
OWNED_SIGN = re.compile(r"['’]s\s+(?:sign|reflex)(?=\s*(?:[).,;:]|$)|\s+(?:positive|negative|present|absent)\b)")


# a product listed after a dose: "Buscopan 10 mg x3, Gastrolyte,", "Montair LC 0-0-1, Levocet."
# (the unit may follow its digits: "Vitamin C 1000mg, Emzor paracetamol", round eleven)
AFTER_DOSE = re.compile(r"(?:\d|(?:\b|(?<=\d))(?i:mg|mcg|ml|puffs?|caps?|tabs?|x\s?\d+|prn|sos|od|bd|tds|nocte))"
                    r"\s*,\s*$")


# session thirty: a bare number before the comma is no dose after an address's word, one or two words before it
# ("via Foria 118, Napoli", "Township Rd 118, Millersburg", "Unit 2, Bhosari", "room 214, Θεσσαλονίκη")
_WORDS_NUMBER_COMMA = re.compile(r"(?:([^\W\d_][\w\-]*)\.?\s+)?([^\W\d_][\w\-]*)\.?\s+\d+[a-zA-Z]?\s*,\s*$")
_ADDRESS_WORDS = frozenset(str.split("""rd road st street ave avenue av lane ln dr drive way cres crescent close ct
    court pl blvd boulevard terrace tce hwy highway pde parade sq square unit room rm box block blk flat apt apartment
    suite lot house bldg building floor level rr po via rue calle rua strasse str ul ulica avenida corso viale
    piazza"""))


def after_dose(text: str, start: int) -> bool:
    """Whether what ends right before ``start`` is a dose and a comma, so a capital at ``start`` is the next product
    listed (AFTER_DOSE); a bare number after an address's word is none."""
    if AFTER_DOSE.search(text, max(0, start - 12), start) is None:
        return False
    before = _WORDS_NUMBER_COMMA.search(text, max(0, start - 48), start)
    return before is None or not any(w is not None and w.casefold() in _ADDRESS_WORDS for w in before.groups())


LIST_JOINS = frozenset(("and", "&", "+", "plus", "then", "or"))


COUNT = re.compile(r"x\d+|\d+(?:mg|mcg|ml|g)")  # "Buscopan 10mg x3 and Colpermin"


# the time of a dose before a product: "the afternoon Sinemet", "my night Seroquel"
DOSE_TIMES = frozenset(str.split("morning afternoon evening night nighttime night-time bedtime lunchtime midday "
                                 "teatime am pm"))


# what holds an amount of a product: "a course of Augmentin", "a bottle of Calpol"
AMOUNT_WORDS = frozenset(str.split("dose doses course courses box boxes bottle bottles pack packs packet packets tube "
                                   "tubes shot shots spoonful spoonfuls sip sips squirt squirts lot bit "
                                   # session twenty-two: what food and drink come in ("the whole bag of Maltesers")
                                   "bag bags can cans tin tins bar bars slice slices glass glasses cup cups mug mugs "
                                   "bowl bowls pint pints jar jars tub tubs carton cartons handful handfuls"))


DOSE_WORDS = frozenset(str.split("cap caps capsule capsules tab tabs tablet tablets mg mcg ml puff puffs sachet "
                                  "sachets "
                                  "drops tsp spoon spoons"))


def one_product(run: list[Word]) -> bool:
    """One word, or a word and a letter ("Pancold A", "Corenza C"): what a product's name looks like."""
    return len(run) == 1 or (len(run) == 2 and len(run[1][0]) == 1)


# what only a person does: a word only the medical lists know before one of these is someone's name ("Hemi says",
# "Tobi rang", "Bram hoovered"); not "came", "dropped", "helped", which a result or a drug does too ("Ferritin came
# back", "Tobi helped")
SPEAKING = frozenset(str.split("said says told tells asked asks rang rings texted texts phoned messaged emailed "
                               "visited visits thinks thought reckons wants wanted popped drove brought massaged "
                               "hugged laughed cried hoovered cooked"))
# ...and these too where the word is a given name as well ("Theo came by", "Theo helped"; session twenty-six)
_DEEDS = frozenset(str.split("came comes helped helps handled stayed fixed collected"))
# ...unless it names a role or a service, which speak too ("Physio says", "Nephrologist wants", "Cardiology said")
ROLE_ENDINGS = ("ist", "ian", "ogy", "opy", "ics", "physio", "nurse", "team", "clinic")


# session thirty: the endings of a person's role written as a medical word ("sonographer", "phlebotomist",
# "hospitalist", "geriatrician"); a drug's class ends so too ("agonist") and is none
_PERSON_ROLE_ENDINGS = ("ist", "ician", "grapher")


def person_role(word: str) -> bool:
    """Whether ``word`` (folded) names a person by their role: a title, or a word the medical lists know with a
    role's ending that no drug list holds ("Zolpimist" is a product)."""
    k, lists = key(word), word_lists()
    return word in P.lexicon().titles or (
        len(k) > 5 and k.endswith(_PERSON_ROLE_ENDINGS) and not k.endswith("gonist") and k in lists.medical
        and k not in lists.drugs)


def acts_as_a_person(word: str, next_word: str) -> bool:
    """Whether ``word`` (folded), a word only the medical lists know and no role or service, is followed by what only
    a person does (``next_word``, folded): then it is someone's name. Read by both layers: the de-identifier and
    the allowlist (round seven)."""
    lists = word_lists()
    acts = next_word in SPEAKING or (next_word in _DEEDS and word in P.lexicon().first_names)
    return acts and word in lists.medical and word not in lists.english and not word.endswith(ROLE_ENDINGS)


# round nine (set I's first look): a lower-case word a name list knows that the words round it show is no name
_MODALS = frozenset(("will", "may", "can"))
_BASE_VERB_NEXT = re.compile(r"\s+(?:not|be|have|see|call|ring|try|go|come|get|take|ask|check|need|do|let|keep|wait|"
                             r"rest|sleep|stay|book|make|give|phone|text|email|update|write|start|stop|use|pick|bring|"
                             r"drop|tell|say|talk|look|know|think|feel|help|pop|sort|chase|mention|raise|just|"
                             r"probably|definitely|also|still|never|always)\b")
_ARTICLES = frozenset(str.split("le la les el los las der die das dem den des du un une una uno il lo gli"))
_NOUN_NEXT = re.compile(r"\s+[^\W\d_][^\W\d_'’\-]+")
_PERSON_DEED = re.compile(r"\s+(?:said|says|told|asked|came|rang|called|texted|is|was|has|had|and\s+i|n\s+i)\b")


def no_name_in_context(text: str, end: int, f: str, prev: str) -> bool:
    """Whether a lower-case word a name list knows (``f``, folded) reads as no name where it stands: a modal verb
    before its verb ("huisarts, will see in the morning", "nan will be 95"), an article of another language
    before its noun ("pour les crampes", "seit dem Aufstehen"), or a word right after such an article ("los
    dolores", "la luz"). Never before what a person does ("les said")."""
    if f in _MODALS:
        return _BASE_VERB_NEXT.match(text, end) is not None
    if f in _ARTICLES:
        return _NOUN_NEXT.match(text, end) is not None and _PERSON_DEED.match(text, end) is None
    return prev in _ARTICLES and _PERSON_DEED.match(text, end) is None


# session seventeen: what names a product before it — a counted dose ("6 units NovoRapid", "2 puffs Seretide"), the
# kind of product ("Painkiller Ultracet", "the brand Synthroid"), or the schedule that ends the item before it in a
# list ("Clexane 40 daily, Ultracet", "Ultracet 1-0-1 and Cartigen")
PRODUCT_KINDS = frozenset(str.split("""painkiller painkillers antibiotic antibiotics inhaler inhalers puffer cream
    ointment syrup brand generic injection injections jab supplement supplements antacid antihistamine antihistamines
    laxative laxatives steroid steroids insulin vaccine pill pills meds medicine medication medications"""))
_COUNTED = DOSE_WORDS | frozenset(("units", "unit", "iu", "u"))
_COUNT_WORDS = frozenset(str.split("one two three four five six seven eight nine ten half extra another"))
_SCHEDULE_BEFORE = re.compile(r"(?:\b(?i:daily|nightly|weekly|bd|bid|od|tds|tid|qds|qid|prn|nocte|mane)|"
                              r"(?<![\d-])[0-2](?:-[0-2]){2,3})\s*(?:,|\band\b|&|\+)\s*$")


def _product_before(text: str, start: int, prev: str, prev2: str) -> bool:
    """Whether the words before ``start`` (``prev``, ``prev2``: folded) name what follows as a product."""
    if not re.search(r"\w\s+$", text[max(0, start - 4):start]):  # not across a stop: "free medicine. Nasima"
        return _SCHEDULE_BEFORE.search(text, max(0, start - 16), start) is not None
    if prev in _COUNTED and (prev2[:1].isdigit() or prev2 in _COUNT_WORDS):
        return True
    return prev in PRODUCT_KINDS or _SCHEDULE_BEFORE.search(text, max(0, start - 16), start) is not None


# a drug and its dose before a word in a list ("Ibuprofen 400 + Robaxacet")
_DOSED_DRUG_BEFORE = re.compile(r"([^\W\d_][\w\-]+)\s+\d+(?:[.,]\d+)?\s*(?i:mg|mcg|ml|g)?\s*"
                                r"(?:\+|&|\b(?i:and|plus)\b)\s*$")
# session twenty-two: a drug's other name in brackets, before or after it ("icatibant (Firazyr)", "Firazyr
# (icatibant)"): a brand beside its generic, not a person
_DRUG_BRACKET_BEFORE = re.compile(r"([^\W\d_][\w\-]+)\s*\(\s*$")
_DRUG_BRACKET_AFTER = re.compile(r"\s*\(\s*([^\W\d_][\w\-]+)\s*[),]")
# what may follow a product named by what stands before it: the item's end, a dose, the form it comes in, or how it
# is taken ("Painkiller Ultracet.", "6 units NovoRapid 2x", "Ultracet only if needed") — never a verb or a place
# ("the cream Oksana swears by", "Clexane 40 daily, Temuulen does the jab", "2 tabs and Tavita next to me")
PRODUCT_ENDS = re.compile(r"\s*(?:$|[.;:!?)/]|,(?!\s*(?:she|he|they|who|my|our|his|her|the|said|says)\b)|\d|x\s?\d|"
                          r"(?i:only|if|prn|when\s+needed|as\s+needed|at\s+night|daily|nightly|twice|once)\b)|"
                          + PRODUCT_AFTER)


def named_as_a_product(text: str, start: int, end: int, prev: str, prev2: str) -> bool:
    """Whether what stands before ``start`` (``prev``, ``prev2``: folded) names the word as a product — the kind of
    product, a counted dose, the schedule ending the item before it, or a dosed drug before it in a list — and what
    follows ``end`` is how a product's mention goes on."""
    drugs = word_lists().drugs
    after = _DRUG_BRACKET_AFTER.match(text, end)
    if after is not None and key(after.group(1)) in drugs:
        return True
    before = _product_before(text, start, prev, prev2)
    if not before:
        dosed = _DOSED_DRUG_BEFORE.search(text, max(0, start - 40), start)
        before = dosed is not None and key(dosed.group(1)) in drugs
    if not before:
        bracket = _DRUG_BRACKET_BEFORE.search(text, max(0, start - 40), start)
        before = bracket is not None and key(bracket.group(1)) in drugs
    return before and PRODUCT_ENDS.match(text, end) is not None


# a change of treatment: what it changed from or to is a product ("switched from Seretide to Trelegy", "switched me
# from Yasmin to Dianette", "weaned from Keppra"), as is anything changed from "to" or "onto" a drug the lists know
# ("from Seretide onto Fostair"); never "moved from", "drove to"
_SWITCHED = re.compile(r"\b(?i:switched|switch|switching|swapped|swap|swapping|changed|change|changing|weaned|"
                       r"tapered|titrated|stepped)(?:\s+(?i:me|him|her|them|us|you|over|back|down|up))?"
                       r"(?:\s+(?i:from)\s+[^\W\d_][\w\-]*)?\s+(?i:from|to|onto)\s+$")
_TO_A_DRUG = re.compile(r"\s+(?:to|onto)\s+(?:the\s+)?([^\W\d_][\w\-]+)")
# what a clinician gave or started someone on ("gave me Keflex", "put her on Esmya", "prescribed him Augmentin")
_GIVEN = re.compile(r"\b(?i:gave|give|given|giving|prescribed|prescribe|prescribing|started|starting|put|putting)\s+"
                    r"(?i:me|him|her|them|us|you)\s+(?:(?i:on|onto)\s+)?$")


def switched_treatment(text: str, start: int, end: int, prev: str) -> bool:
    """Whether the word at ``start``:``end`` after "from", "to" or "onto" (``prev``, folded) is what a treatment
    changed from or to, or after "gave me", "put her on" (``prev`` "me", "her", "on") what was given."""
    if _GIVEN.search(text, max(0, start - 30), start) is not None:
        return True
    if prev not in ("from", "to", "onto"):
        return False
    if _SWITCHED.search(text, max(0, start - 60), start) is not None:
        return True
    to = _TO_A_DRUG.match(text, end) if prev == "from" else None
    return to is not None and key(to.group(1)) in word_lists().drugs


# an acronym with a small plural or past ending is a clinical term's, not a name: "PVCs", "PFTs", "TKR'd"
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}(?:s|['’]d)")

# the kinds of treatment a brand in brackets names ("IV iron (Ferinject)", "the generic (Breyna)")
_PRODUCT_KINDS = frozenset(str.split("""iron vaccine vaccines jab jabs shot shots generic antihistamine antihistamines
    painkiller painkillers antibiotic antibiotics steroid steroids supplement supplements thickener formula
    immunotherapy infusion medication medicine meds pill pills contraceptive laxative antacid"""))


def drug_run(words: list[str]) -> bool:
    """Whether two or three capitalised words (``words``: casefolded, without a possessive, deid_cap_groups.bare)
    are a product by a drug the lists know among them, and no word is a name: "Comprei Sudafed", "Insuline
    Novorapid", "Gouttes Tobrex" (another language's verb or noun before the drug; not "Invega Sustenna", whose other
    word no list knows)."""
    if not 1 < len(words) <= 3:
        return False
    lists, lex = word_lists(), P.lexicon()
    drugs = [key(w) in lists.drugs or key(w) in lists.other_drugs for w in words]
    # every other word a word of some language, none a name ("Lyrica Okonkwo" is no product)
    return any(drugs) and all(d or ((lists.is_word(key(w)) or foreign_word(w)) and w not in lex.first_names
                                    and w not in lex.ambiguous_first_names and not lists.is_name(key(w)))
                              for w, d in zip(words, drugs, strict=True))


def bracketed_product(text: str, start: int, end: int, prev: str, word: str) -> bool:
    """Whether one word in brackets (``word``, at ``start``:``end``: casefolded, deid_cap_groups.bare) glosses the
    drug, the product's form or the kind of treatment named before it: "IV iron (Ferinject)", "the generic (Breyna)",
    "rabies vaccine (Verorab)" (a person's, a role's or a service's word is none of these: "physio (Sarah)", "clinic
    (Okafor)"; nor a name: "flu jab (Nicola)")."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")" or not prev:
        return False
    lists, lex = word_lists(), P.lexicon()
    if word in lex.first_names or word in lex.ambiguous_first_names or lists.is_name(key(word)):
        return False
    return key(prev) in lists.drugs or key(prev) in lists.other_drugs or prev in _PRODUCT_KINDS \
        or re.match(PRODUCT_AFTER, " " + prev, re.IGNORECASE) is not None
