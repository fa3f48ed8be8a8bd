"""Round fourteen of issue 15: the months that are people's names ("May", "June", "April", "August"). The lexicon
counts every month as a word that is no name, because a month alone ("since June", "every May") is how people date
their journal, and the held-out writers wrote a month alone hundreds of times outside any identifier. Where the
month is a person, the sentence says so; only there does it go:

- after a title, a relation or a role: "Mrs May", "aunt June", "Nan April", "carer June", "my neighbour August";
- before what a person says or does to the writer: "June said", "May rang", "April texted me";
- after a word for getting in touch: "told June", "rang May", "visited April" (not with a day or a year after it:
  "rang May 3rd" is a date);
- before "and I" or "and me", and before a possessive with a relation: "June and I", "April's husband";
- never after a word that dates it ("since May and I feel better", "in June said the nurse"), and not before what
  a season does too ("August brought the rash back", "April helped").

Plain code called from deid_cued.py, so the fast de-identifier and the reference one share it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from healthviz_desktop.core.prompting import deid_patterns as P

Add = Callable[[tuple[str, int, int]], None]

_MONTH_NAMES = r"May|June|April|August"
_GATE = re.compile(rf"\b(?:{_MONTH_NAMES})\b")
_SAYS = re.compile(rf"\b(?P<n>{_MONTH_NAMES})\s+(?i:said|says|told|asked|rang|phoned|texted|messaged|emailed|"
                   r"reckons|thinks|thought|suggested|visited|popped\s+(?:in|by|round|over)|"
                   r"dropped\s+(?:me|by|in|round|off)|drove\s+me|took\s+me|picked\s+me|"
                   r"came\s+(?:round|over|by|to\s+see))\b")
_CONTACT = re.compile(rf"\b(?i:told|asked|rang|phoned|texted|messaged|emailed|called|visited|thanked|met|hugged)\s+"
                      rf"(?P<n>{_MONTH_NAMES})\b(?!\s*(?:\d|['’]\d|of\b|(?i:the)\s+\d|(?:19|20)\d\d|,\s*(?:19|20)\d\d))")
# a month after these dates something ("since May and I", "in June said the nurse"): no person
_DATED = re.compile(r"\b(?i:since|in|until|till|from|last|every|of|by|early|late|mid|this|next|before|after|during|"
                    r"through|end|start|around)[\s\-]+$")
_WITH_ME = re.compile(rf"\b(?P<n>{_MONTH_NAMES})\s+and\s+(?:I|me)\b")
_POSSESSIVE = re.compile(rf"\b(?P<n>{_MONTH_NAMES})['’]s\s+(?P<r>[a-z\-]+)\b")
_BEFORE = re.compile(rf"\b(?P<w>[A-Za-z\-]+)\s+(?P<n>{_MONTH_NAMES})\b(?!\s*(?:\d|['’]\d|(?:19|20)\d\d))")


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Titles, relations and one-word roles that a name follows ("Mrs", "aunt", "carer")."""
    from healthviz_desktop.core.prompting.deid_cued import ROLE_WORDS

    lex = P.lexicon()
    return lex.titles | lex.relations | ROLE_WORDS


def month_name_candidates(text: str, add: Add) -> None:
    """Every month that is a person in ``text``, as ("name", start, end)."""
    if not _GATE.search(text):
        return
    for rx in (_SAYS, _CONTACT, _WITH_ME):
        for m in rx.finditer(text):
            if rx is _CONTACT or not _DATED.search(text, max(0, m.start("n") - 16), m.start("n")):
                add(("name", m.start("n"), m.end("n")))  # (not "since May and I feel better")
    relations = P.lexicon().relations
    for m in _POSSESSIVE.finditer(text):
        if m.group("r") in relations:
            add(("name", m.start("n"), m.end("n")))
    people = _people_words()
    for m in _BEFORE.finditer(text):
        if m.group("w").casefold() in people:
            add(("name", m.start("n"), m.end("n")))
