"""Reference copy of healthviz_desktop/core/prompting/deid_person.py for tests/support/deid_reference.py: a change
in what is found is made in both. The person model: private terms expand to their parts, titles, possessives with
and without an apostrophe, nicknames and diacritic variants; a part that is also an ordinary word ("Long" of "Rose
Long") counts only where it reads as a name. Split from deid_reference_context.py (session thirty-two review).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from healthviz_desktop.core.prompting.deid_inflections import inflections
from healthviz_desktop.core.prompting.deid_person import (  # shared, as they are
    INITIALS_AFTER,
    _given_name_here,
    _weak_given_name,
    with_initials,
)
from healthviz_desktop.core.prompting.deid_run_context import GENERIC_PLACES
from healthviz_desktop.core.prompting.vocabulary import word_lists
from tests.support import deid_reference_patterns as P

Add = Callable[[tuple[str, int, int]], None]

PUNCT = ".,;:!?\"'“”‘’()[]{}<>*•–—-"



def _fold_table() -> dict[int, str]:
    """Latin letters with a diacritic → the letter alone, one character for one ("Zoë" → "Zoe"), so offsets
    in the folded text are offsets in the text."""
    table = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        parts = unicodedata.normalize("NFKD", chr(code))
        if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
            table[code] = parts[0]
    # letters no decomposition takes to a-z, as vocabulary.fold folds them where one letter stands for one ("Paweł"
    # → "Pawel", "Søvn" → "Sovn", "Karanlık" → "Karanlik"; æ, þ and œ become two letters there; round nineteen)
    table.update({ord(a): b for a, b in zip("łŁøØðÐı", "lLoOdDi", strict=True)})
    return table


_FOLD = _fold_table()
_PARTICLES = frozenset(str.split("de del della der di da van von le la du bin al st saint"))
_PERSON_VERBS = frozenset(str.split("said says told asked came comes went called rang texted phoned drove brought "
                          "visited thinks thought wants helped had has was is did does got gets seems looks needs "
                          "feels felt slept woke from "
                          # (round eleven: "Happy took me", "pinky dropped me")
                          "took takes dropped picked gave gives bought made makes cooked drives brings sent stayed "
                          "popped fed held hugged laughed cried"))
_DETERMINERS = frozenset(str.split("the a an my your his her our their this that"))
# session thirty-three: where a part of a term, or an ordinary word that is one, names the person's place
_PLACE_BEFORE = frozenset(str.split("in at from near into outside"))
# ... never a kind of place the term names too ("from church" of "St Matthias church", "from the ward" of "Ward 23"):
# the run context's generic places and the places people gather
_KINDS_OF_PLACE = GENERIC_PLACES | frozenset(str.split("church chapel mosque temple wards bowls club school college "
                                                       "uni work home hall court field ground"))
# ... and what may follow it there: a place's name ends ("in mobile today", "at the willows, painted"), no noun of
# its own goes on ("at the day centre", "from the pain management course")
_AFTER_A_PLACE = frozenset(str.split("today tonight yesterday tomorrow again now for with on and to of since till "
                                     "until this last next after before by so but then at in"))


def _ends_a_place(text: str, end: int, nxt: str) -> bool:
    after = text[end:end + 2].lstrip(" ")
    return not after or not after[0].isalpha() or nxt in _AFTER_A_PLACE
# the words a place's name is written short or long with ("PA hosp" of "PA Hospital", "St Vincent's", "Mt Druitt")
_WRITTEN_SHORT = {"hosp": ("Hospital",), "hospital": ("hosp",), "st": ("Saint",), "saint": ("St",), "mt": ("Mount",),
                  "mount": ("Mt",), "ctr": ("Centre", "Center"), "centre": ("Ctr",), "center": ("Ctr",),
                  "uni": ("University",), "university": ("Uni",), "med": ("Medical",), "medical": ("Med",)}
# (session thirty-two: and Tagalog's personal articles, "si mark naiwan sa bahay", "ni lola")
_CUES = frozenset(str.split("with w called named saw met told asked texted phoned rang visited emailed messaged dear "
                  "thanks love hugged si ni"))


# common short forms of given names, both ways round: a private term "Kenneth" also finds "Ken"
_NICKNAMES = {
    "kenneth": "ken kenny", "william": "will bill billy liam", "robert": "rob bob bobby robbie",
    "richard": "rick dick",
    "margaret": "maggie meg peggy", "elizabeth": "liz beth betty lizzie eliza", "katherine": "kate katie kath",
    "catherine": "cath cathy kate", "jennifer": "jen jenny", "michael": "mike mick mikey", "james": "jim jimmy jamie",
    "thomas": "tom tommy", "christopher": "chris", "christine": "chris", "daniel": "dan danny",
    "matthew": "matt", "anthony": "tony", "joseph": "joe joey", "edward": "ed eddie ted", "patricia": "pat patty",
    "patrick": "pat paddy", "alexander": "alex sandy", "alexandra": "alex sandra", "victoria": "vicky tori",
    "rebecca": "becky becca", "samuel": "sam", "samantha": "sam", "benjamin": "ben", "nicholas": "nick",
    "deborah": "debbie deb", "susan": "sue suzy", "barbara": "barb babs", "dorothy": "dot dottie",
    "frederick": "fred freddie", "gregory": "greg", "stephen": "steve", "steven": "steve", "timothy": "tim",
    "andrew": "andy drew", "david": "dave davy", "jonathan": "jon jonny", "abigail": "abby", "gwendolyn": "gwen",
    "jacqueline": "jackie", "josephine": "jo josie", "eleanor": "ellie nell", "helen": "nell", "henry": "harry hal",
    "charles": "charlie chuck", "charlotte": "lottie charlie", "harold": "harry", "leonard": "len lenny",
    "raymond": "ray", "ronald": "ron ronnie", "donald": "don donny", "gerald": "gerry", "geraldine": "gerry",
    "mohammed": "mo", "muhammad": "mo", "siobhan": "shiv", "gareth": "gaz", "lawrence": "larry",
    "katarzyna": "kasia kasha", "aleksandra": "ola", "magdalena": "magda", "agnieszka": "aga", "joanna": "asia",
    "malgorzata": "gosia", "aleksandr": "sasha", "francisco": "paco pancho", "jose": "pepe", "guadalupe": "lupe",
    "dolores": "lola", "consuelo": "chelo", "ignacio": "nacho", "eduardo": "lalo", "enrique": "kike",
    "roberto": "beto", "alberto": "beto", "oluwaseun": "seun", "olusegun": "segun", "temitope": "tope",
    "olawale": "wale", "babajide": "jide", "ayodele": "ayo", "giuseppe": "beppe", "francesca": "fran frankie",
    "margarita": "rita", "nnamdi": "nnam", "siddharth": "sid", "venkatesh": "venky", "rajesh": "raj",
}


@dataclass(frozen=True)
class PersonModel:
    """What the private terms become: ``strong`` forms match anywhere, in any case (whole words); ``weak``
    parts (ordinary words) only where they read as a name."""

    strong: tuple[str, ...]
    weak: frozenset[str]
    given: frozenset[str]


def fold_text(text: str) -> str:
    """``text`` with Latin diacritics removed, one character for one (offsets unchanged)."""
    return text if text.isascii() else text.translate(_FOLD)


@lru_cache(maxsize=64)
def person_model(terms: tuple[str, ...]) -> PersonModel:
    lex = P.lexicon()
    lists = word_lists()
    strong: set[str] = set()
    weak: set[str] = set()
    given_names: set[str] = set()
    for term in terms:
        t = fold_text(" ".join(term.split()))
        if not P.term_key(t):
            continue
        if t.casefold().strip(PUNCT) in _common_words():
            weak.add(t.casefold().strip(PUNCT))  # "An" (or "Añ") is also "an": only where it reads as a name
            continue
        strong.add(t)
        words = [w.strip(PUNCT) for w in re.split(r"[\s\-]+", t) if w.strip(PUNCT)]
        words = [w for w in words if w.casefold().rstrip(".") not in lex.titles]
        if len(words) > 1 or words != [t]:
            strong.add(" ".join(words))
        for k, w in enumerate(words if len(words) > 1 else ()):  # "PA hosp" → "PA Hospital" (session thirty-three)
            for other in _WRITTEN_SHORT.get(w.casefold().rstrip("."), ()):
                strong.add(" ".join([*words[:k], other, *words[k + 1:]]))
        initials = "".join(w[0] for w in words if w.casefold() not in _PARTICLES or w[:1].isupper())
        if len(words) >= 3 and initials.isalpha():
            strong.add(initials.upper())  # "Del Norte Community College" → "DNCC"
        short = [n for w in words for n in _NICKNAMES.get(w.casefold(), "").split()]
        given = words[0] if words and words[0][:1].isupper() and words[0].isalpha() else ""
        if len(given) >= 5:
            short += [given[:3].casefold(), given[:4].casefold()]  # "Kev" of Kevin, "Ade" of Adebayo
            stem = given[:3].casefold()  # and the everyday short forms made from it: "Jonno", "Davo", "Robbie"
            made = [stem + end for end in ("o", "y", "ie", stem[-1] + "o", stem[-1] + "y", stem[-1] + "ie")
                    if stem[-1:].isalpha() and stem[-1] not in "aeiouy"]  # (round thirteen, set M's first look)
            r = given.casefold().find("r", 2)  # and the "-zza" of an "r" name: "Kezza" of Kerry, "Shazza" of Sharon
            if 2 <= r <= 3:
                made.append(given[:r].casefold() + "zza")
            # (never an ordinary word: "very" of Veronica, "busy" of Bushra, "belly" of Belinda; the review)
            short += [w for w in made if not lists.is_word(w) and w not in lex.known_words]
        two = given[:2].casefold()  # "ro" of Rowan, "jo" of Joanna (round twelve): where it reads as a name,
        if len(given) >= 4 and not lists.is_word(two) and two not in lex.known_words and two not in _common_words() \
                and two not in _PARTICLES and two not in lex.titles:
            weak.add(two)  # and never an ordinary word ("do" of Dorothy, "la" of Laura)
        for w in short:  # "Ken" for "Kenneth": strong unless an ordinary word ("will", "bill")
            (weak if lists.is_word(w) or w in lex.known_words else strong).add(w)
        for w in words if len(words) > 1 or any(ch.isspace() or ch == "-" for ch in t) else []:
            f = w.casefold()
            if len(P.term_key(f)) < 2 or f in _PARTICLES or f in _DETERMINERS or (f.isdigit() and len(f) < 3):
                continue
            if lists.is_word(f) or f in lex.known_words or f in lex.not_name:
                weak.add(f)
            else:
                strong.add(w)
        given_names.update(filter(None, [_weak_given_name(words)]))
        for w in words:  # "sestri Jeleni" for the term "Jelena" (round ten): where it reads as a name; not the
            if not (lists.is_word(w.casefold()) or w.casefold() in lex.known_words):  # forms of "Long" or "Rose"
                weak.update(f for f in inflections(w) if f not in strong)
        for form in list(strong):
            if form[-1:].isalpha() and not form.casefold().endswith("s") and not lists.is_word(
                    form.casefold() + "s"):
                strong.add(form + "s")  # a possessive without its apostrophe: "jonahs" (not "bells")
    return PersonModel(tuple(sorted(strong)), frozenset(weak), frozenset(given_names))


def private_candidates(text: str, folded_text: str, terms: Sequence[str], add: Add) -> None:
    """The person model's matches: strong forms anywhere, weak parts where they read as a name."""
    model = person_model(tuple(terms))
    flat = P.term_key(folded_text.casefold())
    present = tuple(t for t in model.strong if (key := P.term_key(t)) and key in flat)
    pattern = P.private_term_pattern(present) if present else None
    strong: list[tuple[int, int]] = []
    if pattern is not None:
        ordinary = _ordinary_terms(present)
        matches = list(pattern.finditer(folded_text))
        starts = [(m.start(), m.end()) for m in matches]
        for m in matches:
            found = m.group()
            if ordinary and found.casefold() in ordinary and (
                    found.islower() or _opens_before_time(text, m.start(), m.end())) \
                    and not _reads_as_name(text, m.start(), m.end(), found) and not _joined_to(text, m.end(), starts):
                continue  # the term "Will" or "Hope" as the word: "I will try", "no hope", "Sunny morning"
            add(("private", m.start(), with_initials(text, m.end())))
            strong.append(m.span())
    for m in P.WORD.finditer(folded_text):
        word = m.group()
        bare = re.sub(r"['’]s?$", "", word)
        inside = any(s <= m.start() < e for s, e in strong) or (m.start() and folded_text[m.start() - 1].isalnum())
        capital_given = bare.casefold() in model.given and bare[:1].isupper() and not bare.isupper() \
            and _given_name_here(text, m.start(), m.start() + len(bare))
        if bare.casefold() in model.weak and not inside \
                and (capital_given or _reads_as_name(text, m.start(), m.start() + len(bare), word)
                     or _joined_to(text, m.start() + len(word), strong)):
            add(("private", m.start(), with_initials(text, m.start() + len(bare))))


# nouns of time and weather: an ordinary word that opens a sentence right before one describes it ("Sunny morning")
_TIME_NOUNS = frozenset(str.split("morning mornings afternoon evening night nights day days week weekend spell start "
                                  "weather skies sky outside today"))


# verbs a modal opening a sentence goes with: "Will try the TENS again" (the person "Will" would say "said")
_AFTER_MODAL = frozenset(str.split("try be have go see call ring book ask need take get do keep start stop check "
                                   "email text phone wait rest sleep eat drink walk update write let make give bring "
                                   "pick not probably definitely also just"))
_MODALS = frozenset(("will", "may", "can", "must"))


def _opens_before_time(text: str, start: int, end: int) -> bool:
    """A word that opens a sentence (capitalised for that alone) before a noun of time or weather, or a modal
    before a verb ("Will try")."""
    before = text[:start].rstrip()
    nxt = text[end:end + 20].split()
    if (before and before[-1] not in ".!?\n") or not nxt:
        return False
    after = nxt[0].strip(PUNCT)
    return after in _TIME_NOUNS or (text[start:end].casefold() in _MODALS and after in _AFTER_MODAL)


def _ordinary_terms(forms: tuple[str, ...]) -> frozenset[str]:
    """The one-word terms written with a capital that are ordinary words too ("Will", "Hope"), in lower case:
    written in lower case in the text they are the word, unless they read as a name."""
    lists = word_lists()
    return frozenset(f.casefold() for f in forms if f[:1].isupper() and not f.isupper() and f.isalpha()
                     and lists.is_word(f.casefold()))


def _reads_as_name(text: str, start: int, end: int, word: str) -> bool:
    lex = P.lexicon()
    before = text[max(0, start - 40):start]
    prev_words = before.split()
    prev = prev_words[-1].strip(PUNCT).casefold() if prev_words else ""
    after = text[end:end + 30].split()
    nxt = after[0].strip(PUNCT).casefold() if after else ""
    # (session thirty-two: a negated verb reads as what a person does, "grace wouldn't settle", and a role's word as
    # whose the person is, "my key worker amir", never before a modal, "the nurse will call")
    acts = nxt in _PERSON_VERBS or nxt.endswith(("n't", "n’t"))
    if word.islower() and word in _MODALS and nxt in _AFTER_MODAL:
        return False  # "the nurse will call": the verb after a title's word, not "Nurse Will"
    prev2 = prev_words[-2].strip(PUNCT).casefold() if len(prev_words) > 1 else ""
    if (prev in _PLACE_BEFORE or (prev == "the" and prev2 in _PLACE_BEFORE)) \
            and word.casefold() not in word_lists().medical and word.casefold() not in lex.facility_words \
            and word.casefold() not in _common_words() and word.casefold() not in _KINDS_OF_PLACE \
            and _ends_a_place(text, end, nxt):
        # "in mobile today", "in sale", "art at the willows": the term's place, never its kind or a common word ("in
        # the surgery" of "Fernhill Surgery", "from the pain course" of "Ashfield Pain Clinic"; session thirty-three)
        return True
    if prev in lex.titles or prev in lex.relations or prev in _CUES or prev in ("and", "&", "+") \
            or (acts and not (word.islower() and prev in _DETERMINERS)) \
            or (prev in _role_words() and word.casefold() not in _MODALS):  # (a determiner: not "my pinky made")
        return True
    if word != bare_word(word) or nxt == "next" or INITIALS_AFTER.match(text, end):
        return True  # "Long's", "grace's mom", "Bill next door", "TAN S.H."
    # "storm (the real one, my housemate) made me toast", "memory here, writing this": a bracket that says whose the
    # person is, or the word that signs a note (round twelve)
    bracket = re.match(r"\s*\(([^()]{1,50})\)", text[end:end + 56])
    if (bracket and not lex.relations.isdisjoint(w.strip(PUNCT).casefold() for w in bracket.group(1).split())) \
            or (nxt == "here" and not prev_words):
        return True
    stripped = before.rstrip()
    at_start = not stripped or stripped[-1] in ".!?:;\n•*\"“(–—-"
    return word[:1].isupper() and not word.isupper() and not at_start


# "tia and jasmin came round", "hunter & mason": a part of a term joined to another term's name is a name too
_JOINED = re.compile(r"\s*(?:and|&|\+|n)\s+", re.IGNORECASE)


def _joined_to(text: str, end: int, strong: list[tuple[int, int]]) -> bool:
    """Whether the word ending at ``end`` is joined by "and", "&" or "+" to a strong match of the private terms."""
    m = _JOINED.match(text, end)
    return m is not None and any(s == m.end() for s, _e in strong)


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """The last word of each role deid_cued.py knows ("nurse", "worker", "physio"): the person's role before a name."""
    from healthviz_desktop.core.prompting.deid_cued import ROLES

    return frozenset(alt.split("\\s+")[-1].replace("\\s*", "") for alt in ROLES.split("|"))


def bare_word(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The lexicon's most frequent words ("an", "the", "with"): a private term that is one of them is weak."""
    from healthviz_desktop.core.resources import load_toml

    words = load_toml("deid_lexicon.toml")["common_words"]
    return frozenset(w.casefold() for w in words) | _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(str.split("the an my our his her their no not but and then i me or nor of"))
