"""Round three of issue 15's context rules: places from a gazetteer, clock times written as a bare number, and
lower-case names that follow the person's role ("nurse kylie says"). Plain code with no speed gates, so the fast
de-identifier (deidentify.py) and the reference one (tests/support/deid_reference.py) share it as it is.

- (Towns are found as kind "town", which goes out as a place but yields to a name it is part of: the "Dunmore"
  of "Niamh Dunmore" is her surname.)
- A place from GeoNames (data/vocabulary/places.txt: towns of 5,000 people or more whose name is no English,
  medical or drug word) is a place in any case: "at bunnings bayswater", "the beach walk at Ōrewa". A town that
  is also an uncommon English word ("chinchilla", place_words.txt) is one only after "in", "from" or "near"; a
  town of two or three words ("box hill") only after a place cue, or when one of its words is no English word.
- "at 11", "by 2", "Wednesday at 2", "Up at 5": a bare hour after "at", "by", "until", "till" or "around" is a
  time of day, unless a unit, a score or a range follows ("at 5 mg", "at 6/10", "at 10 min") or the number
  reads as a level ("pain is at 7").
- "Nani ji is 97", "Reg was 96": an age over 89 after a name or an honorific in lower case and "is" or
  "was", unless the word before is a reading ("Glucose is 95", "HR was 97").
- An acronym no word list knows after "in" or "into" ("review in UHG today") is a place, as deid_words.py
  reads one after "at", "to" and "from".
- A lower-case word right after a person's role ("nurse", "physio", "social worker", "PSW"...) is that
  person's name when the word lists know it as no word at all ("kylie") or as a name alone, set off by a comma
  or a bracket; a word that is a name and an ordinary word too ("pat", "carol") only before what a person does
  ("PSW, pat, says"); so is one that a role in brackets follows ("joy (charge nurse) said").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from healthviz_desktop.core.prompting.vocabulary import fold, gazetteer, word_lists

Add = Callable[[tuple[str, int, int]], None]

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PLACE_CUES = frozenset(("in", "at", "from", "near", "to", "around", "outside", "into", "via"))
_WORD_PLACE_CUES = frozenset(("in", "from", "near"))
_LEVEL_WORDS = frozenset(str.split("is was stays stayed sits sitting pain score level severity it's its been "
                                   "dose stuck peaked peaking hovering steady holding started starting"))
_HOUR = re.compile(
    r"\b(?i:at|by|until|till|around)\s+(?P<d>1[0-2]|0?[1-9])\b(?![:.,]\d|\s*(?:/|-\s*\d|–\s*\d|%|x\b|"
    r"(?i:mg|mcg|ml|units?|iu|min|mins|minutes?|h|hrs?|hours?|sec|secs|seconds?|kg|lbs?|st|days?|weeks?|"
    r"months?|years?|yrs?|out\s+of|of\b|times|puffs?|tabs?|tablets?|degrees?|percent|bpm|steps|am|pm|a\.m|p\.m|"
    r"o['’]clock)\b|\s+[A-Z]|\s+[a-z]+\s+(?i:street|st|road|rd|lane|ln|avenue|ave|drive|close|way|court|place)\b))")
_ROLES = (r"nurse|sister|physio|physiotherapist|therapist|counsellor|counselor|psw|carer|caregiver|aide|teacher|"
          r"social\s+worker|support\s+worker|key\s*worker|case\s+manager|midwife|pharmacist|receptionist|coach|"
          r"tutor|consultant|registrar|surgeon|paramedic|dietitian|dietician|psychologist|psychiatrist|gp|"
          r"optometrist|dentist|hygienist|hca|neighbour|neighbor|colleague|coworker|co-worker|flatmate|housemate|"
          r"roommate|landlord|landlady|boss|supervisor|manager|chaplain|doula|health\s+visitor|educator")
_ROLE_WORD = re.compile(rf"(?:{_ROLES})")
_ROLE_FIRSTS = frozenset(r.split("\\s", 1)[0].replace("\\-", "-").split("-")[0] for r in _ROLES.split("|")) | {
    "keyworker", "co-worker"}  # the tokens a role of one word joined up starts with
_ROLE_NAME = re.compile(
    rf"\b(?i:{_ROLES})(?:\s*,\s*|\s*\(\s*|\s+)(?P<n>[a-z][a-z'’\-]+)(?=(?P<acts>\s*,?\s+(?:says|said|told|asked|"
    r"reckons|thinks|thought|rang|called|came|gave|suggested|recommended|explained|mentioned|wants|reckoned|"
    r"put|sent|booked|checked|changed)\b)|\s*[,)])")
# "joy (charge nurse) said", "cc carol (the genetic counsellor)": a lower-case word and then, in brackets, a role
_NAME_ROLE = re.compile(
    rf"\b(?P<n>[a-z][a-z'’\-]+)\s*\((?:(?:the|my|our|his|her|their)\s+)?(?:[a-z\-]+\s+)?(?i:{_ROLES})\b[^)]{{0,30}}\)")
# "Nani ji is 97,", "Reg was 96 in May": a person named or honoured, "is"/"was", then an age over 89 (deid_patterns'
# person_age reads relations and capitalised names; this adds honorifics in lower case and checks the word before)
_IS_AGE = re.compile(
    r"\b(?P<w>[A-Z][a-z][\w'’]*|ji|sahib|saab|amma|appa|ammachi|nani|nana|nan|dadi|dadu|lola|lolo|gran|granny|grandma|"
    r"grandpa|grandad|granddad|oma|opa|bubbe|zaide|ba|bà|ông)(?:\s+(?:ji|sahib|saab))?\s+(?:is|was|turned|turns|"
    r"just\s+turned)\s+(?:now\s+)?(?P<d>9\d|1[0-4]\d)\b(?![.,/]\d|\s*(?:%|/|°|(?i:mg|mcg|kg|lbs?|bpm|mmhg|cm|mm|"
    r"ml|mins?|minutes|hours?|hrs?|days?|seconds?|secs?|percent|degrees|f|c)\b))")
_AGE_GATE = re.compile(r"\b(?:is|was|turned|turns)\s+(?:now\s+)?(?:9\d|1[0-4]\d)\b")  # what _IS_AGE needs
_READING_WORDS = frozenset(str.split("""hr heart pulse rate bp sats sat spo2 oxygen o2 weight temp temperature glucose
    sugar sugars bg bs score reading level count result fev fev1 pef peak flow systolic diastolic ferritin hba1c a1c
    ldl hdl tsh iron egfr platelets wbc hb hgb number total it this that which"""))
# an acronym no list knows where someone is: "review in UHG today" (deid_words.py reads "at", "to", "from")
_ACRONYM_IN = re.compile(r"\b(?i:in|into)\s+(?:(?i:the)\s+)?(?P<a>[A-Z]{2,5})(?:['’]s)?\b(?![\-/&]|\s*\d)")
_NOT_NAMES = frozenset(str.split("""said says told asked was is has had and or but the a an my her his our their
    who which that this came rang called gave thinks reckons will would can could did does do also again today
    yesterday tomorrow then so just only really never always still there here too as for to of with about because
    if when while at in on from by said, me him them us she he they it you i we saw"""))


def cued_candidates(text: str, add: Add) -> None:
    """Every place, clock time and role-cued name of this module's rules in ``text`` (see the docstring)."""
    from healthviz_desktop.core.prompting.deid_words import _unknown_acronym

    if text.isascii():  # lower-casing the whole text once is folding each word, offsets unchanged
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text.lower())]
    else:
        tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    _places(text, tokens, add)
    if _AGE_GATE.search(text):
        for m in _IS_AGE.finditer(text):
            w = fold(m.group("w"))
            if w not in _READING_WORDS and w not in word_lists().medical:
                add(("age", m.start("d"), m.end("d")))
    for m in _ACRONYM_IN.finditer(text):
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))
    for m in _HOUR.finditer(text):
        before = text[max(0, m.start() - 24):m.start()].split()
        if not before or fold(before[-1].strip(".,;:!?()")) not in _LEVEL_WORDS:
            add(("date", m.start("d"), m.end("d")))
    lists = word_lists()
    if "(" in text:
        for bracketed in _NAME_ROLE.finditer(text):
            bare = re.sub(r"['’]s?$", "", fold(bracketed.group("n")))
            if bare not in _NOT_NAMES and bare not in lists.medical and not _ROLE_WORD.fullmatch(bare) and (
                    bare in lists.names or bare in lists.name_words or not lists.is_word(bare)):
                add(("name", bracketed.start("n"), bracketed.start("n") + len(bare)))
    for s, _, w in tokens:
        if w not in _ROLE_FIRSTS:  # the role pattern can only start at one of its first words
            continue
        cued = _ROLE_NAME.match(text, s)
        if cued is None:
            continue
        bare = re.sub(r"['’]s?$", "", fold(cued.group("n")))
        if bare in _NOT_NAMES or bare in lists.medical:
            continue
        # an ordinary word ("nurse line,") is a name only before what a person does ("nurse pat says")
        if (cued.group("acts") and bare in lists.name_words) or bare in lists.names or not lists.is_word(bare):
            add(("name", cued.start("n"), cued.start("n") + len(re.sub(r"['’]s?$", "", cued.group("n")))))


def _places(text: str, tokens: list[tuple[int, int, str]], add: Add) -> None:
    gaz = gazetteer()
    places, place_words, phrases, firsts = gaz.places, gaz.place_words, gaz.phrases, _phrase_firsts()
    lists = word_lists()
    for i, (s, e, w) in enumerate(tokens):
        bare = _unpossessive(w)
        in_places = bare in places or bare in place_words
        if not in_places and w not in firsts:
            continue  # the common case: a word that is no town and starts none
        if any(c.isupper() for c in text[s + 1:e]):
            continue  # "MoCA", "IgE", "CHOP": an acronym or a code, not a town's name
        prev = tokens[i - 1][2] if i else ""
        if bare in places or (bare in place_words and prev in _WORD_PLACE_CUES and i and
                              text[tokens[i - 1][1]:s].strip() == ""):
            add(("town", s, e - (len(w) - len(bare))))
            continue
        for width in (3, 2):
            if i + width > len(tokens):
                continue
            group = tokens[i:i + width]
            if any(text[a[1]:b[0]] not in (" ", "-") for a, b in pairwise(group)):
                continue
            last = _unpossessive(group[-1][2])
            phrase = " ".join([t[2] for t in group[:-1]] + [last])
            if phrase in phrases and (prev in _PLACE_CUES or any(not lists.is_word(t[2]) for t in group)):
                add(("town", s, group[-1][1] - (len(group[-1][2]) - len(last))))
                break


def _unpossessive(w: str) -> str:
    if w.endswith("'s"):
        return w[:-2]
    return w[:-1] if w.endswith("'") else w


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    """The first words of the gazetteer's towns of several words, but not an article ("at the bottom": The
    Bottom is a town too)."""
    return frozenset(p.split(" ", 1)[0] for p in gazetteer().phrases) - {"the", "a", "an"}
