"""The de-identifier's rules for words in lower case (issue 15), read with the shipped word lists and the words
around them:

- a gazetteer name in any case ("edna", "leeds"), not right after a number ("10,000 lux");
- an unknown word after a title, a relation or a cue ("my husband tomas", "with jonah"), before a person's verb
  ("zainab said", "gethin covered"), before an honorific ("ravi uncle"), with a possessive ("kemi's"), in "X and I";
- a given name that is also an ordinary word ("rose", "grace", "lee") after a verb of meeting or speaking ("saw
  rose"), before one ("grace says"), with a possessive, in "X and I", or from work;
- a place: a name word or an unknown word right after from/in/at/near ("from limerick", "in llandudno"), a name
  before a street or facility word ("lord street", "city hospital"), a facility pair ("mass general", "the royal
  derby");
- an organisation after a work word ("shift at wingstop", "back in work at tesco") or before a workplace word
  ("the amazon warehouse", "the Samsung plant").

tests/support/deid_reference_words.py is the plain copy the reference detector uses: a change in what is found goes
into both. Here each word rule runs only on words that could pass it (``_could_name``), found with one C-level split.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, count

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cap_groups import Add
from healthviz_desktop.core.prompting.deid_cued import ROLES
from healthviz_desktop.core.prompting.deid_person import bare_word, fold_text
from healthviz_desktop.core.prompting.deid_run_context import HONORIFICS
from healthviz_desktop.core.prompting.deid_signals import low
from healthviz_desktop.core.prompting.deid_things import no_name_in_context
from healthviz_desktop.core.prompting.vocabulary import fold, foreign_short_words, foreign_words, word_lists

_CUES = frozenset(str.split("with w called named saw met told asked texted phoned rang visited emailed messaged dear "
                  "thanks love hugged"))
# the articles and small words of the languages people mix in: "physio le matin" is no name after a role
_FOREIGN_SMALL_WORDS = frozenset(str.split("le la les el los las une des du et und der die das dem ein eine il lo "
                                           "gli em com para por con sin mit zu de di da do dos traitant "
                                           "generaliste référent referent scolaire "
                                           # session twenty-two: short verbs after a family word ("oma ist
                                           # müde", "opa war krank", "lola ay"), no name
                                           "ist war hat hab bin sind wird tem foi fue ay"))
# verbs of meeting and speaking: an ordinary word that is also a given name after one is a person ("saw rose")
_MEET = frozenset(str.split("saw met told texted called rang phoned visited emailed messaged hugged asked thanked "
                            "thanks cheers dear hi hey"))
_ARTICLES = frozenset(("the", "a", "an"))
# lower-case words the name lists hold that are a name only where something else says so ("uncle reg", "with del",
# "reg said", "leo came"): "seton", a fistula's drain ("at Seton" is a hospital; round eleven); and (session
# twenty-one, from the words the tuning corpus and a fresh reader's sentences lost) text-speak "cos" and "bc", a car's
# "reg" or "rego", a "ute" (a pickup), Spanish "del", "como" and "sal", Swahili "sana", "leo", "nina" and "mimi"
# (very, today, I have, I), Indonesian "dan" (and), Tagalog "lang" (only)
_SOFT_PROPER = frozenset(str.split("god internet covid seton setons "
                                   "cos bc reg rego ute del como sal sana leo nina mimi dan lang"))
# a title or a relation that, written in capitals, is a clinical abbreviation
_CAPITALS_NO_PERSON = {"mr": "MR", "tia": "TIA"}
_AT_PERSON = frozenset(str.split("snapped shouted yelled laughed smiled waved swore screamed snapping shouting yelling "
                                 "laughing smiling waving"))
_PLACE_AFTER = frozenset(("from", "in", "at", "near"))
_NAME_WORD_PLACE_AFTER = frozenset(("from", "in", "near"))  # not "at" ("at wake", "at dawn")
# what follows a person's name: a verb they do ("said", "covered") or a word that carries on with them
_VERB_AFTER = re.compile(r"\s+(?:said|says|thinks|thought|told|asked|drove|brought|brings|bringing|came|comes|rang|"
                         r"called|texted|rubbed|made|gave|took|got|wants|helped|reckons|suggested|offered|picked|"
                         r"dropped|cooked|bought|sent|reminded|insisted|agreed|laughed|cried|hugged|visited|messaged|"
                         r"phoned|covered|answered|replied|spotted|strapped|booked|collected|finally|set\s+up|is|was|"
                         r"has|had|stayed|left|woke|slept|massaged|lent|filmed|checked|fixed|chased|forwarded|"
                         r"emailed|dm'?d|dmed|facetimed|snapchatted|held|carried|walked|sat|waited|waits|sits|keeps|"
                         r"kept|noticed|noticed|made\s+me|let\s+me|drove\s+me|talked|listened|yelled|snapped|"
                         # session thirty: "tunde laughing at me", "ishita from class" (not "help me": Pidgin's
                         # "dey help me" is no name)
                         r"laughing|from\s+(?:class|work|school|uni|church)|"
                         # session thirty-three: "magda lost lots of blood", "dariush from the team texted" ("wojtek
                         # can u drive me", "wilner still complaining" were tried: a clinical term of the never-read
                         # reserves was lost to each)
                         r"lost|"
                         r"from\s+the\s+(?:team|day|night|shift|ward|office|group|gym|club|church|class|school|clinic))\b")
# the same for a word that is also an ordinary word ("grace says"): no "is", "has" ("hope is")
_ACT_AFTER = re.compile(r"\s+(?:said|says|told|asked|drove|brought|brings|bringing|came|rang|called|texted|gave|took|"
                        r"reckons|thinks|wants|helped|suggested|offered|picked|dropped|bought|sent|reminded|insisted|"
                        r"covered|answered|replied|spotted|strapped|finally|set\s+up|from\s+(?:work|next\s+door|church|"
                        r"the\s+office)|stayed|woke|slept|massaged|lent|filmed|checked|fixed|chased|forwarded|emailed|"
                        r"dm'?d|dmed|facetimed|held|carried|waited|noticed|made\s+me|let\s+me|talked|listened)\b")
# a sentence that opens with a name and "here", as a message is signed ("michal here.", "deniz here, tonsillitis";
# not "on doxy here"; session thirty-three)
_HERE = re.compile(r"\s+here(?=\s*[.,!:]|\s*$)")
_OPENS = ("", ".", "!", "?")
_AND_I = re.compile(r"\s+(?:and|n|&)\s+(?:i|me)\b(?!['’])", re.IGNORECASE)
_AFTER_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s+$")  # "10,000 lux" (not "x2. aoife")


@lru_cache(maxsize=65536)
def _could_name(word: str) -> bool:
    """Whether a word could pass a test of ``word_kind`` (a necessary condition; cached, since the same words come
    back in every prompt)."""
    if not word[:1].islower():
        return False
    f = fold_text(bare_word(word)).casefold()
    lists, lex = word_lists(), P.lexicon()
    if len(f) < 2 or f in lex.known_words or f in lex.not_name:
        return False
    return f in lists.names or f in lex.first_names or f in lex.ambiguous_first_names or f in lists.name_words \
        or f not in lists.english


# the titles written short with a dot ("dr. smith", "mrs. patel"): their dot ends no sentence
_DOTTED_TITLES = frozenset(str.split("dr dra drs mr mrs ms mx prof pr fr sr sra srta st rev sgt capt lt col hon"))


def word_kind(text: str, start: int, word: str, f: str, prev: str, prev2: str) -> str | None:
    """What a lower-case word (``f``: folded, without its possessive) is, read with the two words before it."""
    lex, lists = P.lexicon(), word_lists()
    end = start + len(word)
    possessive = word != bare_word(word)
    if no_name_in_context(text, end, f, prev):
        return None  # "will see", "les crampes", "los dolores" (shared, deid_things.py)
    if ((lists.is_name(f) and len(f) > 2) or f in lex.first_names) and f not in _SOFT_PROPER:
        if _AFTER_NUMBER.search(text, max(0, start - 12), start):
            return None  # "10,000 lux": a unit, not a name
        return "place" if prev in lex.place_cues and prev not in _CUES else "name"
    foreign = fold(f) in foreign_words() and not lists.is_name(f) and f not in lex.first_names \
        and f not in lex.ambiguous_first_names
    plain = lists.is_word(f) or lists.is_word(f.replace("'", "")) or not f.replace("-", "").isalpha() \
        or f in _FOREIGN_SMALL_WORDS or (foreign and prev == "w")  # "w sufit": Polish "w", not "with" (round twelve)
    # after a relation's possessive the word is what they have ("mum's adobo", round eleven), not who they are (a
    # name with a verb after it still is one: "mum's chiamaka said", below)
    owned = text[max(0, start - 3):start].rstrip()[-2:] in ("'s", "’s")
    # a title or relation right before it, not across a number ("fr, 5 outta 10": text-speak for "for real")
    last = text[max(0, start - 3):start].rstrip()[-1:]
    # (nor "MR" or "TIA" in capitals: a scan or a stroke before a lower-case word, not "Mr" or Spanish "tía": "Dün MR
    # çektirdim" (round nineteen), "TIA workup" (session twenty-one)
    # (nor across a sentence's end: "go doctor. doxycycline?"; a title's own dot is none, "dr. smith"; session
    # thirty-two)
    ended = last in "!?" or (last == "." and prev not in _DOTTED_TITLES)
    adjacent = not last.isdigit() and not ended and not (
        prev in _CAPITALS_NO_PERSON and text[max(0, start - 4):start].rstrip().endswith(_CAPITALS_NO_PERSON[prev]))
    by_person = (prev in lex.titles or prev in lex.relations) and not owned and adjacent
    # a relation before a word of another language that no names list knows: what they do ("Baba arbeitet bei";
    # round twelve)
    by_person = by_person and not foreign
    # session thirty-three: the surname after a lower-case given name that a title or a relation named ("dr kamal
    # youssef", "dr. helen tsui"): no word of any list, right after a given name the lists know (not a short word of
    # another language: "Ma fille Imane dit que")
    if not plain and not foreign and len(f) > 2 and f.isalpha() and f not in foreign_short_words() and adjacent \
            and not owned and (
            prev2 in lex.titles or prev2 in lex.relations) and (lists.is_name(prev) or prev in lex.first_names) \
            and text[max(0, start - 2):start - 1].isalpha() and text[start - 1:start] == " " \
            and not re.match(r"\s*\d", text[end:end + 3]):  # (not "Dr Pretorius (paed neuro)", "baby Jayden bili 14")
        return "name"
    if not plain and (by_person or prev in _CUES or (prev2 in lex.relations and prev in ("is", "was", "called",
                                                                                        "named"))):
        return "name"
    if by_person and f.isalpha() and f not in _FOREIGN_SMALL_WORDS and (
            f in lex.ambiguous_first_names or f not in lists.english):
        return "name"  # "bestie sunny", "my friend nia" (a medical list's stray entry is no ordinary word)
    # "mi esposa says": a noun after "my" of another language; nor after an article ("like the neumólogo said": a
    # noun of another language; round eleven)
    if not plain and len(f) > 2 and prev not in _OTHER_POSSESSIVES and not (prev in _ARTICLES and word.islower()):
        if _VERB_AFTER.match(text, end) or (_HERE.match(text, end) and text[:start].rstrip()[-1:] in _OPENS) \
                or possessive or _AND_I.match(text, end) or (
                prev == "and" and prev2 == "me") or _relation_after(text, end):
            return "name"  # "zainab said", "kemi's", "ayo n i", "ravi uncle"
        if prev in _PLACE_AFTER and len(f) > 3 and not foreign:
            # (a word of another language is none: Tagalog's "at" is "and", "ubo at sipon"; session twenty-one)
            return "place"  # "in llandudno", "at brookhurst"
    if prev == "at" and prev2 in _AT_PERSON and (not plain or f in lex.ambiguous_first_names):
        return "name"  # "snapped at huw"
    name_like = not plain or f in lex.ambiguous_first_names or f in lists.name_words
    if name_like and f.isalpha() and (
            (prev in _HONORIFIC_TITLES and adjacent) or (prev == "miss" and prev2 not in _NOT_TITLE_MISS)
            or ((prev in lex.relations or _ROLE_BRACKET.search(text, max(0, start - 40), start))
                and text[max(0, start - 2):start].rstrip().endswith("(") and text[end:end + 1] in (")", ","))
            or _OWNER_AFTER.match(text, end)):
        return "name"  # "texted miss dale", "physio (tom)", "hope (my midwife)"
    if not plain and len(f) > 3 and prev == "to" and prev2 in _MOTION:
        return "place"  # "the long drive up to coffs"
    noun = _NOUN_BEFORE.search(text, max(0, start - 40), start) if f in lex.ambiguous_first_names else None
    if noun is not None and lists.is_plain_word(prev) and prev not in lex.relations and prev not in lex.titles:
        return None  # "the pharmacy bill came", "my phone bill": a noun's own word, not a name after it
    if f in lex.ambiguous_first_names and (prev in _MEET or possessive or _ACT_AFTER.match(text, end)
                                           or _AND_I.match(text, end) or (prev == "and" and prev2 == "me")):
        return "name"  # "saw rose", "grace says", "sunny's", "will and i"
    if f in lists.name_words and prev in _NAME_WORD_PLACE_AFTER and f not in lists.medical_name_words and len(f) > 3 \
            and f not in lists.common_name_words \
            and f not in lex.ambiguous_first_names \
            and not _AFTER_NUMBER.search(text, max(0, start - 12), start):
        return "place"  # "from limerick", "in cardigan"
    return None


def _relation_after(text: str, end: int) -> bool:
    """An honorific right after a name: "ravi uncle says", "priya aunty"."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).casefold() in HONORIFICS


# a lower-case given name right after a noun and its article or owner is the noun's own word ("the pharmacy bill
# came", "my gas bill"), unless the noun is a person's ("the nurse pip says", "my mate tom said"; a role written
# out is deid_cued's: "the receptionist bill said")
_NOUN_BEFORE = re.compile(r"\b(?i:the|a|an|my|our|your|his|her|their|this|that)\s+[a-z][a-z\-]*\s+$")
# a role written out before a name in brackets: "the social worker (heath, lovely bloke)"
_ROLE_BRACKET = re.compile(rf"\b(?i:{ROLES})\s*\(\s*$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_OWNER_AFTER = re.compile(r"\s*\((?i:my|our|his|her|their)\s")  # "hope (my midwife)"
_MOTION = frozenset(str.split("up down drove drive driving went go going back flew fly trip moved over out across "
                              "headed heading"))
# titles that only come before a name (not "nurse line", "sister set", "MS unit")
_HONORIFIC_TITLES = frozenset(str.split("dr mr mrs mx prof fr rev"))
_NOT_TITLE_MISS = frozenset(str.split("i we you they will would to dont don't didnt didn't really so still"))
# a modal before a street word makes it a verb ("Giorgi will drive me"; round ten; the allowlist reads it too)
MODALS = frozenset(str.split("will would can could should must may might shall to gonna wanna"))


def word_candidates(text: str, add: Add) -> None:
    """Names, places and organisations the shipped word lists and the words around them give away (see above)."""
    lex = P.lexicon()
    lists = word_lists()
    pieces = P.WORD_SPLIT.split(text)  # [between, word, between, word, ..., between]
    words = pieces[1::2]
    hits = list(compress(count(), map(_could_name, words)))  # (the cache answers at C speed)
    if hits:
        _word_names(text, pieces, words, hits, add)
    if _STREET_GATE.search(text):
        for m in _STREET.finditer(text):  # "lord street", "12 mossgate lane": a name word before a street word
            f = m.group(1).casefold()
            if f in _GENERIC_STREETS or f in MODALS:  # "Giorgi will drive me": a verb after a modal (round ten)
                continue
            # "on market street": a street named without "the" before it is a street's name
            named = _STREET_CUE.search(text, max(0, m.start() - 14), m.start()) is not None
            if named or lists.is_name(f) or f in lists.name_words or not (lists.is_word(f) or f in lex.not_name):
                add(("address", m.start(), m.end()))
    if "hospital" in text or "infirmary" in text or "clinic" in text or "surgery" in text or "centre" in text \
            or "center" in text or "hospice" in text or "practice" in text:
        _lowercase_facilities(text, add)
    for m in _ACRONYM_PLACE.finditer(text):
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))  # "at CHEO", "to HSC childrens"
    if "H" in text:
        for m in _HOSPITAL_ACRONYM.finditer(text):
            if m.group() not in _CLINICAL_H and _unknown_acronym(m.group()) and not _named(m.group()):
                add(("place", m.start(), m.end()))  # "RNSH.", "tunampeleka JOOTRH kesho", "(NTUH)"
    lower = low(text)  # as re.IGNORECASE folds, one character for one
    if any(w in lower for w in _ORG_SIGNS):
        org_words(text, add)
    if any(w in lower for w in _NAMING):
        facility_pairs(text, add)


def _word_names(text: str, pieces: list[str], words: list[str], hits: list[int], add: Add) -> None:
    """``word_kind`` of each candidate word: the words before it are the counted ones (a word right after a letter
    or digit, "nd" of "2nd", is not one)."""
    offsets = list(accumulate(map(len, pieces), initial=0))  # word k: offsets[2k+1]:offsets[2k+2]

    def counted(k: int) -> bool:
        s = offsets[2 * k + 1]
        return not (s and text[s - 1].isalnum())

    def folded(k: int) -> str:
        return fold_text(bare_word(words[k])).casefold()

    for k in hits:
        if not counted(k):
            continue
        before: list[str] = []
        j = k - 1
        while j >= 0 and len(before) < 2:
            if counted(j):
                before.append(folded(j))
            j -= 1
        prev = before[0] if before else ""
        prev2 = before[1] if len(before) > 1 else ""
        word = words[k]
        bare = bare_word(word)
        kind = word_kind(text, offsets[2 * k + 1], word, folded(k), prev, prev2)
        if kind:
            start = offsets[2 * k + 1]
            add((kind, start, start + len(bare)))


_STREET_GATE = re.compile(r"\s(?:street|road|lane|avenue|close|drive|crescent|terrace|grove|gardens|boulevard|st|rd|"
                          r"ave)\b")
_STREET = re.compile(r"\b(?:\d{1,5}[a-z]?\s+)?([a-z][\w'’]+)\s+(?:street|road|lane|avenue|close|drive|crescent|"
                     r"terrace|grove|gardens|boulevard|st|rd|ave)\b")
# (a direction may come between: "the walgreens on s state st", round eleven)
_STREET_CUE = re.compile(r"(?:^|\s)(?:on|off|along|near)\s+(?:(?:n|s|e|w|north|south|east|west)\.?\s+)?$")
_GENERIC_STREETS = frozenset(str.split("main high back front side busy quiet same next long old new the this that"))
_FACILITY = re.compile(r"\b((?:[a-z][\w'’]*\s+){1,3})(?:hospital|infirmary|clinic|surgery|hospice|practice|"
                       r"medical cent(?:re|er)|health cent(?:re|er))\b")
_FACILITY_WORDS = frozenset(str.split("st saint general royal university county memorial children's childrens district "
                            "community city regional infirmary"))
# a facility word that names a hospital when a name stands beside it ("mass general", "royal derby"), and what
# may not be that name ("the general ward")
_NAMING = frozenset(str.split("royal general memorial county infirmary st saint mater regional"))
_PAIR = re.compile(r"\b(?i:at|to|from|in|into|near)\s+(?:(?i:the)\s+)?([a-z][\w'’]*)\s+([a-z][\w'’]*)\b")
_PLAIN_PLACES = frozenset(str.split("main local new old big nearest same other next last first this that our my your "
                                    "his her their general ward a an the private public army navy military field "
                                    "cancer"))


def _lowercase_facilities(text: str, add: Add) -> None:
    """ "st agnes hospital", "leeds general infirmary", "city hospital": a facility word after a name in lower case,
    or after a facility word with no article ("take him to city hospital")."""
    lists = word_lists()
    known = P.lexicon().not_name
    for m in _FACILITY.finditer(text):
        words = list(re.finditer(r"[\w'’]+", m.group(1)))
        start, named, plain_run = m.end(1), False, []
        for w in reversed(words):
            f = bare_word(w.group()).casefold()
            # (a name word the lexicon knows never names, "at", "in", "is", "so", is no hospital's name: "back in
            # hospital", "seen at clinic"; session twenty-two)
            if lists.is_name(f) or not (lists.is_word(f) or f in known) or (
                    f in lists.name_words and f not in _PLAIN_PLACES and f not in known):
                named = True
            elif f not in _FACILITY_WORDS:
                break
            else:
                plain_run.append(f)
            start = m.start(1) + w.start()
        before = text[max(0, start - 4):start].casefold()
        if not named and plain_run and not re.search(r"\b(?:a|an|the)\s+$", before):
            named = True  # "to city hospital": a facility word with no article names one
        if named:
            add(("place", start, m.end()))


def facility_pairs(text: str, add: Add) -> None:
    """ "at mass general", "the royal derby": a facility word and a name after a place word, in lower case."""
    lists = word_lists()
    for m in _PAIR.finditer(text):
        a, b = m.group(1).casefold(), bare_word(m.group(2)).casefold()
        for naming, other in ((a, b), (b, a)):
            if naming in _NAMING and other not in _NAMING and other not in _PLAIN_PLACES and (
                    lists.is_name(other) or other in lists.name_words or not lists.is_word(other)):
                add(("place", m.start(1), m.start(2) + len(bare_word(m.group(2)))))
                break


# every match of _ORG_AFTER or _ORG_BEFORE holds one of these (casefolded as re.IGNORECASE does)
_ORG_SIGNS = ("work", "shift", "job", "clos", "open", "placement", "internship", "employed", "volunteer", "sick",
              "warehouse", "factory", "plant", "depot", "deli", "store", "site", "office", "dept", "department", "ramp",
              "branch", "hub", "call", "distribution", "company", "employer", "firm", "signed off")
# an employer named after a work word, in any case: "shift at wingstop", "back in work at tesco llandudno"
_ORG_AFTER = re.compile(r"\b(?i:work(?:s|ed|ing)?\s+(?:at|for)|in\s+work\s+at|employed\s+(?:at|by)|"
                        r"(?:job|jobs|shift|shifts|internship|placement)\s+at|clos(?:ed|ing)\s+at|open(?:ed|ing)\s+at|"
                        r"volunteer(?:ing|s)?\s+at|(?:call(?:ed|ing)?|rang|ring(?:ing)?|phoned)\s+in\s+sick\s+(?:to|at|for)|"
                        r"(?:called|calling)\s+out\s+of\s+work\s+at|off\s+sick\s+from|off\s+work\s+from|signed\s+off\s+from)"
                        r"\s+(?:(?i:the)\s+)?"
                        r"(?P<org>[A-Za-z][\w'’&\-]*(?:(?:[ ]&)?[ ][A-Za-z][\w'’&\-]*){0,2})")
# an employer in brackets after a workplace word: "my office (Cognizant)"
_ORG_BRACKET = re.compile(r"\b(?i:office|work|job|company|employer|firm|workplace)\s*\((?P<org>[A-Za-z][\w&'’\-]*)")
# an employer before a workplace word: "the amazon warehouse", "the Samsung plant", "the Albertsons deli"
_ORG_BEFORE = re.compile(r"\b(?i:the)\s+(?P<org>[A-Za-z][\w'’&\-]*)\s+(?i:warehouse|factory|plant|depot|deli|store|"
                         r"site|office|offices|dept|department|ramp|branch|hub|call\s+cent(?:re|er)|distribution)\b")
# (and the pronouns: "this dose works for me" names no employer, though "me" is a name word; round seventeen)
_NOT_ORG = frozenset(str.split("post head back front main local new old big night day early late sorting same other "
                               "home box ticket booking til ward unit team office job work school uni college hospital "
                               "shop store site clinic surgery practice agency me us you him her them it myself "
                               "everyone anyone"))


def org_words(text: str, add: Add) -> None:
    lex, lists = P.lexicon(), word_lists()

    def named(word: str) -> bool:
        f = bare_word(word).casefold()
        if f in _NOT_ORG or f in lex.titles or f in lex.relations:
            return False
        return lists.is_name(f) or f in lists.name_words or not lists.is_word(f)

    for m in _ORG_AFTER.finditer(text):
        parts = list(re.finditer(r"\S+", m.group("org")))
        keep = []
        for p in parts:  # up to the first plain word: "tesco llandudno after" → "tesco llandudno"
            if p.group() != "&" and not named(p.group().rstrip(".,;:!?)")):
                break
            keep.append(p)
        while keep and keep[-1].group() == "&":  # "tesco & me": the joiner belongs to no name
            keep.pop()
        if keep:
            end = m.start("org") + keep[-1].start() + len(keep[-1].group().rstrip(".,;:!?)'’"))
            kind = "school" if any(p.group().casefold() in lex.school_words for p in keep) else "employer"
            add((kind, m.start("org"), end))
    for m in _ORG_BRACKET.finditer(text):
        org = m.group("org")  # a capital in brackets is its name; in lower case, a word no list knows as a word
        if bare_word(org).casefold() not in lex.known_words and (org[:1].isupper() or named(org)):
            add(("employer", m.start("org"), m.end("org")))
    for m in _ORG_BEFORE.finditer(text):
        if named(m.group("org")):
            add(("employer", m.start("org"), m.start("org") + len(bare_word(m.group("org")))))


# an acronym where someone goes: "at CHEO", "to HSC childrens", "from AIIMS", "came out of the QE" (up to seven
# capitals, "at NIMHANS": session twenty-five)
# (not capitals before a joint, a ligament or a nerve: "to the SI joint", "from the AC joint")
_ACRONYM_PLACE = re.compile(r"\b(?i:at|to|from|(?:came|come|comes|got|gets|is|was|be) out\s+of)\s+(?:(?i:the)\s+)?"
                           r"(?P<a>[A-Z]{2,7})(?:['’]s)?\b(?![\-/&]|\s*\d)"
                           r"(?!\s+(?i:joints?|ligaments?|tendons?|nerves?|muscles?|discs?|bones?)\b)")


# session twenty-four: an acronym no list knows that ends in H is mostly a hospital's ("RNSH", "NTUH", "JOOTRH",
# "KGH", "UCLH"), wherever it stands; not the clinical ones the lists lack (a haemorrhage, a hormone, a hypertension)
# nor working from home, and never before a number or a dash ("CNH 0483...", "AMH-low")
_HOSPITAL_ACRONYM = re.compile(r"\b[A-Z]{2,5}H\b(?![\-/&]|\s*\d)")
_CLINICAL_H = frozenset(str.split("PPH SAH SDH EDH IVH AMH PIH WFH"))


def _named(word: str) -> bool:
    """A given name the lexicon knows, in capitals ("SARAH", "HANNAH", "NOAH"): no hospital's acronym. (Not every
    name of the lists: "LUTH", a teaching hospital's, is a surname there too.)"""
    f = word.casefold()
    # (and the shape of a given name ending in "-ah", "AISYAH", "FARAH", "NORAH": two vowels or more; not "RAH")
    return f in P.lexicon().first_names or (f.endswith("ah") and sum(c in "aeiou" for c in f) >= 2)


def _unknown_acronym(word: str) -> bool:
    """An acronym that no word list knows ("CHEO", "HSC"), not a clinical one ("ICU", "ENT", "A&E")."""
    lex, lists = P.lexicon(), word_lists()
    f = word.casefold()
    return f not in lex.known_words and f not in lists.medical and f not in lists.drugs and not lists.is_word(f) \
        and f not in lex.titles and f not in lex.relations and f not in lex.facility_words


# "my", "your", "his/her" in the languages people mix in: the word after one is a noun ("mi esposa", "mijn vrouw",
# "ma fille", "meine Frau"), not a name
# (not those that are English words or Tagalog's "sa": "son", "ma", "min", "sa Cubao")
_OTHER_POSSESSIVES = frozenset(str.split("""mi mis tu tus su sus nuestra nuestro mon tes ses mein meine meinen
    meinem meiner dein deine sein seine ihr ihre mijn onze minha meu minhas meus mio miei mie tua tuo sua suo moja
    mój moje mojej mojego mitt mina"""))
