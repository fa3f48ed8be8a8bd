"""Round twelve of issue 15 (set L's first look): what a patient portal, a letter or a text message pastes into a
journal, written as the general form it is. Plain code called from deid_cued.py, so the fast de-identifier and the
reference one share it as it is.

- "Pt: WARRICK J.", "Patient name: NGATA, Mere": a name in capitals after a form's label for the person (the
  earlier rules read names with a capital and lower case).
- "S****567D", "card ****4821", "XXX-XX-6789": a number masked the way a service masks it; what is left of it still
  narrows who it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

Add = Callable[[tuple[str, int, int]], None]

# (not "PT": physiotherapy's too, "PT: HEP done")
_LABEL = re.compile(r"\b(?:Pt|Patient|PATIENT|Name|NAME|Client|Resident|Surname|SURNAME|(?:Patient|Pt|Full|First|"
                    r"Last|Given|Family)\s+(?:[Nn]ame|NAME)s?|"
                    # session twenty-four (set V): an insurer's, a bank's or a school's label for the person
                    r"(?i:member|subscriber|insured|policy\s*holder|account\s+holder|card\s*holder|beneficiary|"
                    r"claimant|recipient|addressee|employee|student|pupil|dependa?ent|guarantor|customer)(?:\s+name)?)"
                    r"\s*[:=]\s*")
# session twenty-four (set V): a name in capitals greeted or served in a pasted text ("Dear JOSEPH KIPRONO,", "Rx for
# AMANDA has been refilled", "Package for ROSA MARTINEZ"); read as after a label, so a word, a drug or a test in
# capitals ends it, before it starts or inside it ("Dear DIARY", "appt for MRI"; "Dear CHUA MEI LING" keeps "LING",
# a medical list's word)
_CAPITALS_CUE = re.compile(r"\b(?:Dear|DEAR|(?i:(?:rx|prescription|script|refill|package|parcel|order|delivery|"
                           r"appt|appointment|booking)\s+for))\s+(?=[A-Z][A-Z'’\-]+\b(?![a-z]))")
_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]*[A-ZÀ-ÖØ-Þ]\b\.?|[A-ZÀ-ÖØ-Þ]\b\.?|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’\-]*")
# a form's next field, written without its colon ("Patient: WARRICK J. DOB 03/04/1950")
# (also read by deid_named.py's surnames in capitals after a title)
FORM_FIELDS = frozenset(str.split("dob d.o.b dod dms mrn nhs nhi dx rx id age sex gender ward bed room rm appt date "
                                  "time addr address tel phone ph mob dr gp consultant ref re no hosp"))
# the words that join a Malay or Arabic name to the father's ("bin", "binti", "bte": "BTE" is also a hearing aid)
_PATRONYMIC = frozenset(str.split("bin binti bte bt ibn bint"))
# the short words that join a sentence, not a name ("Dr. SMITH AND Dr. JONES", "Mr. JONES THE surgeon")
JOINING_WORDS = frozenset(str.split("and or the but of to in on at for is was not no with from by as so if"))
# (each run taken whole, possessively: "x" * 5000 costs one pass, not a search over its splits)
_MASKED = re.compile(r"(?<![\w*•])[A-Z]?(?:[*•]{2,}+|[xX]{3,}+)(?:[\s\-]?+(?:[*•]{2,}+|[xX]{2,}+))*+[\s\-]?\d{2,}"
                     r"[A-Z]?\b")


def _names_after_label(text: str, start: int) -> int:
    """Where the name that starts at ``start`` ends: its words in capitals, initials and a comma between surname and
    given name, up to the next label ("DOB:"), a clinical word or anything else."""
    lists, end, pos, words = word_lists(), start, start, 0
    while words < 4:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        word = m.group().rstrip(".")
        f = fold(word)
        # after the first, a name's word or a short one goes on the name ("NGUYEN VAN AN", round seventeen)
        later = words > 0 and word.isupper() and f not in JOINING_WORDS and (f in lists.name_words or len(f) <= 3)
        if words > 0 and f in _PATRONYMIC:  # "NUR AISYAH BTE ROSLAN", "AHMAD BIN ISMAIL": the name goes on
            end, words = m.start() + len(word), words + 1
            rest = text[m.end():m.end() + 8]
            pos = m.end() + len(rest) - len(rest.lstrip())
            continue
        if words == 0 and word.isupper() and f in lists.name_words and _given_name_next(text, m.end()):
            later = True  # "PATIENT: BROWN SARAH": a surname that is a word, with a given name after it
        if text[m.end():m.end() + 1] == ":" or f in FORM_FIELDS or (len(word) > 1 and (
                f in lists.medical or f in lists.drugs or (lists.is_word(f) and not later))):
            break
        end, words = m.start() + len(word), words + 1
        sep = re.match(r"\.?,?[ ]", text[m.start() + len(word):m.start() + len(word) + 3])
        if sep is None:
            break
        pos = m.start() + len(word) + sep.end()
    return end


def _given_name_next(text: str, pos: int) -> bool:
    """Whether the next word in capitals after ``pos`` (past a comma) is a given name ("SARAH", "JOHN")."""
    from healthviz_desktop.core.prompting import deid_patterns as P

    m = re.match(r",?\s+([A-Z][A-Z'’\-]+)\b", text[pos:pos + 30])
    return m is not None and m.group(1).casefold() in P.lexicon().first_names


def pasted_candidates(text: str, add: Add) -> None:
    """Every name and number of this module's rules in ``text`` (see the docstring)."""
    if ":" in text or "=" in text:
        for m in _LABEL.finditer(text):
            end = _names_after_label(text, m.end())
            if end > m.end() and any(c.isupper() for c in text[m.end():end]) and not text[m.end():end].istitle():
                add(("name", m.end(), end))
    if "Dear" in text or "DEAR" in text or " for " in text or " FOR " in text:
        for m in _CAPITALS_CUE.finditer(text):
            end = _names_after_label(text, m.end())
            if end > m.end():
                add(("name", m.end(), end))
    if "*" in text or "•" in text or "xx" in text.lower():
        for m in _MASKED.finditer(text):
            add(("id", m.start(), m.end()))
