"""The reference de-identifier's readings of the words round a capitalised run (split out of
deid_reference_names.py): how a product is used, what a person does, the lists a word may be on. Deliberately
the old, slow way (see deid_reference.py); deid_reference_names.py reads them."""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting.deid_cued import ROLES  # shared, as it is
from healthviz_desktop.core.prompting.deid_things import CLINICAL_FORM, acts_as_a_person  # shared, as they are
from healthviz_desktop.core.prompting.vocabulary import (
    fold,
    foreign_short_words,
    foreign_start_words,
    foreign_town_words,
    foreign_words,
    key,
    word_lists,
)
from tests.support import deid_reference_patterns as P

Word = tuple[str, int, int]
# a sentence that starts with a product, not a person: "Nytol for sleep", "Lacri-Lube at night"
_PRODUCT_USE = re.compile(r"\s+(?:(?i:for|pra|para|pour|für|fur|per|voor|contra|gegen)\s+"
                          r"(?:(?i:the|my|a|o|os|as|el|la|le|les|los|las|den|die|das|mi|mon|ma|mes|il|lo|het|de)\s+)?"
                          r"(?P<what>[a-zà-ÿ]+)|(?i:at\s+night|at\s+bedtime|"
                          r"before\s+bed|twice|once\s+a|every\s+\d|daily|nightly|as\s+needed|test|in\s+the\s+(?:day|morning|evening)|"
                          r"morning\s+and\s+night|prn|sos|nocte|mane|bd|bid|tds|tid|qds|qid|(?:after|before|with)\s+"
                          r"(?:meals|food|breakfast|lunch|supper|dinner)|day\s+\d+\b(?!\s*(?:of|off)\b)|"
                          r"for\s+\d+\s+(?:more\s+)?(?:days?|weeks?|nights?))\b)")
_USE_FOR = frozenset(str.split("""sleep pain throat cough coughs cold colds flu nausea itch itching rash heartburn
    reflux allergies allergy hayfever congestion fever headache headaches migraine period cramps back joints skin eyes
    nose sinuses sinus bowels constipation diarrhoea diarrhea anxiety stress acne dryness swelling sore sores bites
    spots ulcers wind bloating gas burns cuts eczema psoriasis dandruff thrush warts verruca verrucas acid
    indigestion stomach tummy gut mouth lips cheeks feet hands nappy gums teeth tooth ear ears eye muscles sickness
    sick vomiting dizziness vertigo nerves spasms tinnitus breakfast brekkie lunch dinner supper tea snack
    gases dolor dor douleur douleurs toux tos tosse sommeil sueno sono schlaf schmerzen kopfschmerzen husten dormir
    acidez azia nausea nauseas nausee febre fiebre fievre fieber colicas colica gripe grippe"""))

def _product_use(text: str, end: int) -> bool:
    """Whether what follows a word says how a product is used ("for sleep", "at night", "twice"), or lists it with
    another ("Glucosamine, fish oil, Pamol")."""
    m = _PRODUCT_USE.match(text, end)
    if m is not None and (m.group("what") is None or fold(m.group("what")) in _USE_FOR
                          or key(m.group("what")) in word_lists().medical):
        return True
    listed = re.match(r"\s*,\s*([A-Za-z][\w\-]*)(?:\s+([a-z][\w\-]*))?", text[end:end + 40])
    if listed is None:
        return False
    lists = word_lists()
    return any(w is not None and (key(w) in lists.drugs or (key(w) in lists.medical and key(w) not in
                                                            lists.foreign_clinical) or key(w) in _clinical_words()
                                  or key(w) in _USE_FOR or key(w) in _SUPPLEMENTS) for w in listed.groups())


@lru_cache(maxsize=1)
def _clinical_words() -> frozenset[str]:
    """The de-identifier's own drug and clinical words ("lemsip", "gaviscon")."""
    from healthviz_desktop.core.resources import load_toml

    return frozenset(w.casefold() for w in load_toml("deid_lexicon.toml")["clinical_words"])


def _relation_in_brackets(text: str, end: int) -> bool:
    """ "Sunny (Dad, everyone calls him that)": a relation word opening brackets after a name; "Ivy (Nan) came out",
    "Chase (trainer) made me": a title or a role alone in them."""
    m = re.match(r"\s*\(([\w'’\-]+)(\s*[),])?", text[end:end + 24])
    if m is None:
        return False
    w, lex = m.group(1).casefold(), P.lexicon()
    return w in lex.relations or (m.group(2) is not None and (w in lex.titles or w in _ROLE_WORDS))


_ROLE_WORDS = frozenset(w for r in ROLES.split("|") for w in re.findall(r"[a-z]+", r)) | frozenset(
    str.split("trainer coach carer cleaner driver manager"))


_SUPPLEMENTS = frozenset(str.split("oil vitamin vitamins magnesium zinc iron calcium omega probiotic probiotics "
                                   "melatonin "
                                   "turmeric collagen biotin"))


@lru_cache(maxsize=1)
def _eponym_phrases() -> frozenset[str]:
    """The lexicon's eponyms of two words or more, casefolded, words joined by one space ("braxton hicks")."""
    from healthviz_desktop.core.resources import load_toml

    lexicon = load_toml("deid_lexicon.toml")
    phrases = [e for e in lexicon["eponyms"] if " " in e or "-" in e] + lexicon["phrases_not_names"]
    return frozenset(" ".join(e.casefold().replace("-", " ").split()) for e in phrases)


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """The months and weekdays of the languages deid_forms and deid_times read dates in, without diacritics,
    minus any that is also an English word, a name or a town ("Mayo", "Marco", "Pazar")."""
    from healthviz_desktop.core.prompting.deid_forms import _MONTHS
    from healthviz_desktop.core.prompting.deid_times import WEEKDAYS
    from healthviz_desktop.core.prompting.vocabulary import gazetteer

    lists, places = word_lists(), gazetteer().places
    words = {fold(w) for w in (_MONTHS + "|" + WEEKDAYS).split("|") if len(w) > 3}
    return frozenset(w for w in words if not lists.is_word(w) and not lists.is_name(w) and w not in places)


def _foreign_word(first: str) -> bool:
    """A word no English list knows that is an everyday word of another language ("Hausarzt", "Schmerzen",
    "Remédio"): not a name on its own mid-sentence."""
    folded = fold(first)
    listed = folded in foreign_words() and folded not in foreign_town_words()
    return (listed or (len(folded) > 6 and CLINICAL_FORM.search(folded) is not None)) \
        and not word_lists().is_name(folded) and folded not in P.lexicon().first_names


def _opening_foreign_word(first: str, text: str, end: int) -> bool:
    """A sentence's first word of another language, also those met in English text now and then ("Kepala"); not
    before a bracket of Chinese, Japanese or Korean letters ("Sota (颯太)")."""
    return _foreign_word(first) or ((fold(first) in foreign_start_words() or key(first) in foreign_short_words())
                                    and not re.match(r"\s*\(\s*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text[end:]))


# what follows a person at the start of a sentence ("Ngozi rang", "Thảo and I", "Kemi's mum")
def _listed_phrase(text: str, start: int, end: int) -> bool:
    """A capitalised word that, with its hyphen as a space or with the lower-case word after it, is a phrase the
    lexicon lists as no name: "Saint-Jean", "Sainte patience", "Santa paciencia"."""
    word = text[start:end].casefold()
    if "-" in word and " ".join(word.replace("-", " ").split()) in _eponym_phrases():
        return True
    nxt = _NEXT_LOWER.match(text, end)
    return nxt is not None and f"{word} {nxt.group(1)}" in _eponym_phrases()


_NEXT_LOWER = re.compile(r"\s+([a-zà-ÿ]+)\b")


_PERSON_NEXT = re.compile(r"(?:['’]s?\b|\s+(?:and|&)\s+(?:i|me|my)\b|\s*,\s*(?:my|our|his|her|the)\b|"
                          r"\s+(?:said|says|told|"
                          r"asked|came|comes|rang|called|texted|phoned|drove|brought|took|gave|bought|had|has|got|made|"
                          r"sent|helped|picked|dropped|visited|thinks|thought|wants|wanted|reckons|is|was|will|went|"
                          r"stayed|left|woke|slept|cooked|fed|held|hugged|massaged|cried|laughed|knows|knew|keeps|"
                          r"kept|says|tells|came|popped|dropped|works|worked|did|lent|ran|sat|saw|stood|paid|put|met|"
                          r"found|felt|heard|spent|caught|wrote|rode|ate|from|laughs|cries|drives|brings|texts|rings|"
                          r"cooks|hugs|visits|snores|sleeps|helps\s+(?:me|us|with)|(?-i:[a-z]{2,}ed|[a-z]{3,}ing))\b|"
                          r"\s+my\s+(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|son|daughter|mum|mom|dad|"
                          r"brother|sister|friend|neighbour|neighbor|cousin|flatmate|roommate|sambo)\b|"
                          r"\s*\(\d|\s+(?:and|&)\s+(?-i:[A-Z])|\s+(?:aunty|auntie|uncle|ji|bhai|bhaiya|didi|bhabhi|"
                          r"sahib|saab|aunt|chacha|chachi|mausi|akka|anna|chechi|chetta|aapa|baji|behen|thatha|paati|"
                          r"san|chan|kun|sensei|nim|ssi|ate|kuya|tita|tito)\b)", re.IGNORECASE)
# what a person does, after a given name that is also an ordinary word at the start of a sentence: a deed in the
# past ("pushed", "stayed"; not what weather, a mood or a symptom does: "Dawn broke", "Hope faded"), a present
# one, or company ("Sunny and i")
_DOES = re.compile(r"\s+(?:(?:and|&|n)\s+(?:i|me)\b(?!['’])|(?:and|&)\s+(?-i:[A-Z])[a-z]+\s+(?:and|&)\s+(?:i|me)\b|"
                   r"(?:is|was)\s+(?:hosting|coming|driving|visiting|staying|helping|taking|picking|bringing|doing)\b|"
                   r"(?!(?:faded|ended|started|worsened|improved|flared|peaked|settled|eased|lifted|passed|returned|"
                   r"continued|increased|decreased|dropped|cleared|changed|lasted|seemed|needed|used|based|bored|"
                   r"tired|scared|worried|aged|shaped|themed|related|shed|red|bed|fed\s+up)\b)(?-i:[a-z]{3,}ed)\b|"
                   r"(?:thinks|reckons|follows|says|wants|knows|keeps|tells|works|hosts|texts|calls|drives|brings|"
                   r"found|sat|stood|met|woke|slept|lent|paid|spoke|taught|threw|wrote|ate|drank|fought|heard|rode|"
                   r"told|swore|sang)\b|"
                   # session twenty-five: what a person did not do, or would have been ("Paddy didn't know me",
                   # "Summer would have been 16 today")
                   r"(?:didn|doesn|couldn|wouldn|hasn|wasn)['’]?t\s+(?:know|come|call|ring|text|want|say|turn|make|"
                   r"recogni[sz]e|remember|answer|reply|eat|sleep|wake)\b|would\s+have\s+been\s+\d|"
                   # session twenty-eight: a deed done or being done, and a child's or a young person's age ("Mark did
                   # tea", "Mike driving", "Aisling is doing the run", "Hope is 19 and", "Summer is 16.")
                   r"did\b|(?:driving|picking|dropping|collecting|cooking|doing)\b|"
                   # session thirty-three: a person with a symptom or who fell ill ("Praise has fever 38.9", "Story
                   # had a meltdown", "Innocent fell from the mango tree", "Justice wheezing"; not "Hope has faded")
                   r"(?:has|had|have|got|gets|with)\s+(?:a\s+|an\s+|the\s+|bad\s+|high\s+|another\s+|his\s+|her\s+)?"
                   r"(?:fever|temp|temperature|cough|cold|flu|rash|diarrh(?:o)?ea|vomiting|headache|tummy|stomach|"
                   r"earache|ear\s+infection|conjunctivitis|infection|asthma|wheeze|croup|chickenpox|measles|malaria|"
                   r"seizures?|meltdown|fits?|nosebleed|sore|runny|chest|cough)\b|"
                   r"fell\s+(?:from|off|down|over|out\s+of)\b|"  # (not "Hope fell apart")
                   r"(?:vomited|vomit|vomits|wheezing|coughing|fainted|collapsed|seized)\b|continues\s+to\s+have\b|"
                   r"(?:is|was|turns|turned)\s+(?:[2-9]|1\d|[2-9]\d)(?=\s*(?:[,.;!]|and\b|now\b|today\b|"
                   r"years?\s+old\b|$)))",
                   re.IGNORECASE)
# what follows a thing, not a person, at the start of a sentence ("Nytol if desperate", "Eltroxin brand makes")
_BIDDEN = (r"(?!\s+(?:promise|ring|call|phone|book|sit|rest|stay|swear|laugh|wait|write|text|apologi[sz]e|sign|fill|"
           r"tidy|clean|tell|show|put|get\s+up|turn)\b)")  # what a person makes someone do ("made me promise")
_THING_NEXT = re.compile(r"(?:\s+(?:if|brand|helps|helped(?!\s+with\b)|"
                         rf"works|worked|working|seems|seemed|made\s+me{_BIDDEN}|makes\s+me{_BIDDEN}|"
                         r"is\s+(?:helping|working|useless|rubbish|great|good|better|worse)|did\s+nothing|"
                         r"does\s+nothing|wore\s+off|kicked\s+in|instead\s+of|"
                         r"not\s+(?:helping|working))\b|[.!]?\s*$|\.\s+[A-Z])")
_LINE_WORDS = frozenset(str.split("express forte extra plus max rapid advance duo xr sr cr odt liquigels caplets "
                                  "original cold flu night day lc"))
# a clinical noun right after one capitalised word makes it an eponym, not a person: "Epworth score", "Heberden
# nodes", "Amsler grid", "McKenzie press-ups" (a word that can be a given name needs the stronger nouns)
_EPONYM_NOUNS = re.compile(r"\s+(?:score|scale|grid|nodes?|manoeuvre|maneuver|press-ups?|criteria|classification|"
                           r"questionnaire|index|(?P<weak>test|sign|extension|exercises|technique|protocol|method))\b")
_LIST_JOINS = frozenset(("and", "&", "+", "plus", "then", "or"))
_COUNT = re.compile(r"x\d+|\d+(?:mg|mcg|ml|g)")  # "Buscopan 10mg x3 and Colpermin"
_DOSE_WORDS = frozenset(str.split("cap caps capsule capsules tab tabs tablet tablets mg mcg ml puff puffs sachet "
                                  "sachets "
                                  "drops tsp spoon spoons"))

_FACILITY_ENDS = frozenset(str.split("general memorial women children childrens"))
_GENERIC_HOSPITALS = frozenset(str.split("""eye children's childrens children general local private district county
    community teaching women's womens day cottage mental psychiatric maternity new old main big small city the a this
    that same other"""))
_HOSPITAL_AFTER = re.compile(r"[ ](?:hospital|infirmary|hospice)\b")


_AMOUNT_WORDS = frozenset(str.split("dose doses course courses box boxes bottle bottles pack packs packet packets "
                                    "tube tubes shot shots spoonful spoonfuls sip sips squirt squirts lot bit "
                                    "bag bags can cans tin tins bar bars slice slices glass glasses cup cups mug mugs "
                                    "bowl bowls pint pints jar jars tub tubs carton cartons handful handfuls"))


def _one_product(run: list[Word]) -> bool:
    """One word, or a word and a letter ("Pancold A", "Corenza C"): what a product's name looks like."""
    return len(run) == 1 or (len(run) == 2 and len(run[1][0]) == 1)
# the word for a hospital, clinic or pharmacy before its name, in the languages people mix in
_FACILITY_BEFORE = frozenset(str.split("""hospital hospitál hôpital hopital ospedale ziekenhuis krankenhaus klinikum
    klinik kliniek clinica clínica szpital przychodnia apteka apotheke apotheek farmacia farmácia pharmacie hastane
    hastanesi sjukhus sygehus sykehus praxis policlinico poliklinik"""))
_DOSE_TIMES = frozenset(str.split("morning afternoon evening night nighttime night-time bedtime lunchtime midday "
                                  "teatime am pm"))



def _acts_as_a_person(word: str, text: str, end: int) -> bool:
    """``word`` (a key) followed in ``text`` by what only a person does ("Hemi says"): deid_things' reading."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and acts_as_a_person(word, nxt.group(1).casefold())


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
