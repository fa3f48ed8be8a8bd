"""What stands round a run of capitalised words (deid_names.py's ``_name_run``): the words before it that make it a
place ("at the Spire"), what a person does after it ("Ngozi rang", "Sunny and i"), a dose after a product, the words
for a facility before or after a name, and the small readings of the words next to a run. Split out of deid_names.py
(session seventeen) so that file reads as the rules themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cued import ROLES
from healthviz_desktop.core.prompting.deid_things import acts_as_a_person, eponym_phrases
from healthviz_desktop.core.prompting.vocabulary import key, word_lists

DETERMINERS = frozenset(("the", "a", "an", "this", "that", "some", "any", "another"))
# the titles written short, which a full stop may follow inside a name ("Dr. Bell", "Prof. Ng")
TITLE_ABBREVIATIONS = frozenset(("dr", "fr", "mr", "mrs", "ms", "mx", "prof", "rev"))
# since round seventeen the short titles of the languages people mix in ("MUDr. Novák", "Dra. Paredes", "Mme. Roux",
# "Dott. Rossi"), and what a German doctor's title goes on with ("Dr. med. Katrin Vogel", "Dr. med. dent."): a full
# stop after them ends no sentence only before a word that can be a name ("Sra. Breakfast was late", "Dr. med.
# Review in 6 weeks" are sentences; "mgr", an English manager too, is none of them)
FOREIGN_TITLE_ABBREVIATIONS = frozenset(("mudr", "mddr", "mvdr", "phdr", "judr", "rndr", "dra", "sra", "srta", "mme",
                                         "mevr", "dhr", "dott"))
TITLE_TAILS = frozenset(("med", "dent", "vet", "univ"))


def joins_after_stop(title: str, word: str) -> bool:
    """Whether a title's full stop leaves ``word`` inside the name: after "Dr.", "Mrs." always; after a short title
    of another language or a doctor's title's tail, only a word that is no ordinary, known or drug word."""
    if title in TITLE_ABBREVIATIONS:
        return True
    if title not in FOREIGN_TITLE_ABBREVIATIONS and title not in TITLE_TAILS:
        return False
    w = key(word[:-2] if word.endswith(("'s", "’s")) else word)
    return not word_lists().is_plain_word(w) and w not in P.lexicon().known_words and w not in word_lists().drugs
NAME_PARTICLES = frozenset(str.split("de del della der di da van von le la du dos das ter ten den"))
# "at the Spire", "up the Heath": a lone capitalised word after one of these and "the" is a place, unless a word
# for any such place ("the Pharmacy", "the Gym") or a product
# ("in the Arndale", "by the Quays": "in", "by" and "past" since round twelve)
PLACE_THE = frozenset(str.split("at to from near up outside into opposite behind round in by past"))
# after these, only a word no list knows: "in the Praxis", "by the Persian calendar", "in the Neurologie" are words
PLACE_THE_STRICT = frozenset(("in", "by", "past"))
# a capital mid-sentence after these names the place even when it is a word ("from Standoff", "out of Mallow";
# "from", "near" and "out of" since round twelve)
AT_LIKE = frozenset(("at", "from", "near"))
GENERIC_PLACES = frozenset(str.split("""pharmacy chemist chemists doctors doctor's dentist dentists dentist's office
    shop shops store supermarket park beach library station airport pub cinema bar restaurant cafe hotel surgery ward
    unit lab labs hospital clinic gym pool centre center moment time end start top bottom front back hairdressers
    salon vets vet's practice bank post mall market theatre theater desk counter reception cafeteria canteen hours"""))
# what a person does, after an ordinary word that is also a given name at the start of a sentence ("Ken had")
NAME_ACTS = (r"\s+(?:said|says|told|asked|came|rang|called|texted|phoned|drove|brought|took|gave|bought|had|got|"
              r"made|sent|covered|helped|picked|dropped|spotted|finally|set\s+up|next\s+door|"
              r"from\s+(?:the|my|our|his|her|work|next))\b")


# a count or dose after a product ("Buspar 10", "Lomotil x1"), not a year after a place ("at Waiouru 1979-83"; a
# year-like dose has its unit: "Fultium 2000 IU"; round thirteen)
# (a clock time is no dose: "Endorsed to Jovelyn 14:00" kept the name; session twenty-two; nor one of four
# digits before a shift: "Endorsed to Jovelyn 1500 shift", session twenty-three; nor an ordinal or a day and month:
# "near Koramangala 5th Block", "booked Middlemore 22/1", session thirty)
DOSE_AFTER = re.compile(r"\s*(?!(?:[01]?\d|2[0-3])(?::[0-5]\d|\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)))"
                        r"(?!\d{1,2}(?i:st|nd|rd|th)\b|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/]|[.,]\d)"
                        r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/]|[.,]\d))"
                        r"(?!(?:[01]\d|2[0-3])[0-5]\d\s+(?i:shift|hrs|hours|handover)\b)"
                        r"(?:x\s?\d|\d)(?!(?:(?<=1)9\d\d|(?<=2)0\d\d)(?![\d\s]*(?i:iu|u|mg|mcg|µg|ml|units?|g)\b))")

# words of time that end a run of capitalised words ("Dr Castellanos Tue 9/24", "Ysbyty Gwynedd Thursday")
TIME_WORDS = P.MONTH_WORDS | frozenset(str.split("""monday tuesday wednesday thursday friday saturday sunday mon
    tue tues wed weds thu thur thurs fri sat sun today tonight tomorrow yesterday"""))


def inside_a_name(words: Sequence[tuple[str, int, int]], k: int) -> bool:
    """A weekday's short form between two words of a name written with Vietnamese letters ("Trần Thu Hà", "Đỗ Thu
    Trang": Thu, autumn, is a common middle name), not one before a date ("Dr Castellanos Thu 9/24"; round nineteen)."""
    word, _, end = words[k]
    if len(word) != 3 or k == 0 or k + 1 >= len(words) or words[k + 1][1] != end + 1:
        return False
    before, after = words[k - 1][0], words[k + 1][0]
    return after.casefold() not in TIME_WORDS and not (before.isascii() and after.isascii())


def known_name(first: str) -> bool:
    """``first`` (folded) is a given name some list of names knows."""
    lex = P.lexicon()
    return word_lists().is_name(key(first)) or first in lex.first_names or first in lex.ambiguous_first_names


def relation_in_brackets(text: str, end: int) -> bool:
    """ "Sunny (Dad, everyone calls him that)": a relation word opening brackets after a name; "Ivy (Nan) came out",
    "Chase (trainer) made me": a title or a role alone in them."""
    m = re.match(r"\s*\(([\w'’\-]+)(\s*[),])?", text[end:end + 24])
    if m is None:
        return False
    w, lex = m.group(1).casefold(), P.lexicon()
    return w in lex.relations or (m.group(2) is not None and (w in lex.titles or w in ROLE_WORDS))


# the words of the roles a person is named by (deid_cued.ROLES) and a few more said alone in brackets
ROLE_WORDS = frozenset(w for r in ROLES.split("|") for w in re.findall(r"[a-z]+", r)) | frozenset(
    str.split("trainer coach carer cleaner driver manager"))


# what follows a person at the start of a sentence ("Ngozi rang", "Thảo and I", "Kemi's mum")
def listed_phrase(text: str, start: int, end: int) -> bool:
    """A capitalised word that, with its hyphen as a space or with the lower-case word after it, is a phrase the
    lexicon lists as no name: "Saint-Jean", "Sainte patience", "Santa paciencia"."""
    word = text[start:end].casefold()
    if "-" in word and " ".join(word.replace("-", " ").split()) in eponym_phrases():
        return True
    nxt = _NEXT_LOWER.match(text, end)
    return nxt is not None and f"{word} {nxt.group(1)}" in eponym_phrases()


_NEXT_LOWER = re.compile(r"\s+([a-zà-ÿ]+)\b")


# what is done with a device or a drug, after its name (session sixteen, set O's moved entries: "Mirena removal")
DEVICE_ACT_AFTER = re.compile(r"\s+(?i:removal|insertion|implant|coil|refills?)\b")
# the honorifics said after a name ("ravi uncle says", "Sunny bhai took me")
HONORIFICS = frozenset(str.split("""uncle aunty auntie aunt ji bhai bhaiya didi chacha chachi mausi sahib saab akka
    anna chechi chetta bhabhi aapa baji behen thatha paati"""))
PERSON_NEXT = re.compile(r"(?:['’]s?\b|\s+(?:and|&)\s+(?:i|me|my)\b|\s*,\s*(?:my|our|his|her|the)\b|"
                          r"\s+(?:said|says|told|"
                          r"asked|came|comes|rang|called|texted|phoned|drove|brought|took|gave|bought|had|has|got|made|"
                          r"sent|helped|picked|dropped|visited|thinks|thought|wants|wanted|reckons|is|was|will|went|"
                          r"stayed|left|woke|slept|cooked|fed|held|hugged|massaged|cried|laughed|knows|knew|keeps|"
                          r"kept|says|tells|came|popped|dropped|works|worked|did|lent|ran|sat|saw|stood|paid|put|met|"
                          r"found|felt|heard|spent|caught|wrote|rode|ate|from|laughs|cries|drives|brings|texts|rings|"
                          r"cooks|hugs|visits|snores|sleeps|helps\s+(?:me|us|with)|(?-i:[a-z]{2,}ed|[a-z]{3,}ing))\b|"
                          r"\s+my\s+(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|son|daughter|mum|mom|dad|"
                          r"brother|sister|friend|neighbour|neighbor|cousin|flatmate|roommate|sambo)\b|"
                          r"\s*\(\d|\s+(?:and|&)\s+(?-i:[A-Z])|\s+(?:" + "|".join(sorted(HONORIFICS)) +
                          r"|san|chan|kun|sensei|nim|ssi|ate|kuya|tita|tito)\b)", re.IGNORECASE)
# what a person does, after a given name that is also an ordinary word at the start of a sentence: a deed in the
# past ("pushed", "stayed", "found", "paid"; not what weather, a month, a mood or a symptom does: "Dawn broke", "May
# saw", "Hope faded", "Faith kept"), a present one, or company ("Sunny and i")
DOES = re.compile(r"\s+(?:(?:and|&|n)\s+(?:i|me)\b(?!['’])|(?:and|&)\s+(?-i:[A-Z])[a-z]+\s+(?:and|&)\s+(?:i|me)\b|"
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
_HONORIFIC_NEXT = re.compile(r"\s+([A-Za-z]+)\b")


def honorific_next(text: str, end: int) -> bool:
    """Whether an honorific follows ``end`` ("Sunny bhai", "ravi uncle")."""
    m = _HONORIFIC_NEXT.match(text, end)
    return m is not None and m.group(1).casefold() in HONORIFICS


FACILITY_ENDS = frozenset(str.split("general memorial women children childrens"))
GENERIC_HOSPITALS = frozenset(str.split("""eye children's childrens children general local private district county
    community teaching women's womens day cottage mental psychiatric maternity new old main big small city the a this
    that same other"""))
HOSPITAL_AFTER = re.compile(r"[ ](?:hospital|infirmary|hospice)\b")
# the word for a hospital, clinic or pharmacy before its name, in the languages people mix in
FACILITY_BEFORE = frozenset(str.split("""hospital hospitál hôpital hopital ospedale ziekenhuis krankenhaus klinikum
    klinik kliniek clinica clínica szpital przychodnia apteka apotheke apotheek farmacia farmácia pharmacie hastane
    hastanesi sjukhus sygehus sykehus praxis policlinico poliklinik"""))



def person_acts_after(word: str, text: str, end: int) -> bool:
    """``word`` (a key) followed in ``text`` by what only a person does ("Hemi says"): deid_things' reading."""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and acts_as_a_person(word, nxt.group(1).casefold())


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
