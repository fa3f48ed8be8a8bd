"""Words of the allowlist's vocabularies that the words round them show to be an identifier (issue 15, session
seventeen): an hour said as a word ("turn up at eight"), capitals before the service or workplace they name ("MGH
ortho", "TCS insurance"), and a name the de-identifier lets through as one of its own words right after a role
("Manager Gord": "gord" is GORD, reflux).

Read by the allowlist (allowlist.py) for text the person typed, never by the de-identifier: these words pass
``healthviz deidentify`` as they always did, and only the explainer text and an edited prompt hold them back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, fold, word_lists

# the hours said as words ("one" is left out: "at one point", "at one stage")
_HOUR_WORDS = frozenset(str.split("two three four five six seven eight nine ten eleven twelve"))
_HOUR_CUES = frozenset(str.split("at until till around before after since"))
# "by" only after where someone is by then ("in bed by ten"), never after an amount's change ("dropped by two")
_BY_WHERE = frozenset(str.split("bed home back up done there ready asleep out"))
# nor after a symptom, a reading or a change ("pain at eight, so", "sugar at nine", "peaked at nine"): a score
_NOT_BEFORE_AN_HOUR = frozenset(str.split("""pain score level sugar bg bs glucose weight fatigue anxiety nausea mood
    energy stress temp peaked dropped reduced increased went was is stayed stuck hovering sitting rated from to"""))
# what may follow an hour said as a word: a clause going on ("at eight so I", "by ten and"), never a noun ("at
# eight weeks", "by ten days")
_CLAUSE_GOES_ON = frozenset(str.split("""am pm ish tonight today tomorrow this that and or then when so but because
    i we he she they you it my his her our their in on with to for as if until"""))
# what a service or a workplace is called by (after its own name: "MGH ortho", "TCS insurance", "CVS pharmacy")
# (not "clinic" nor "centre": a condition's capitals name the clinic for it, "CPAP clinic", "DEXA centre")
_SERVICE_WORDS = frozenset(str.split("""ortho orthopaedics orthopedics cardio cardiology rheum rheumatology neuro
    neurology oncology derm dermatology gastro urology hospital hospitals insurance insurer works warehouse depot
    store stores branch office campus pharmacy school college university uni academy plant factory site mine mill"""))
# capitals a service is named by that are clinical, not someone's hospital or employer ("ENT hospital", "GI ortho")
_CLINICAL_CAPITALS = frozenset(str.split("""hiv aids tb gum cf std sti ivf ms copd ibs ibd adhd asd mnd ckd dvt uti ra
    hrt gi ent icu ed er gp ae opd ipd nicu picu hdu ccu amu mau sdec ot pt mri ct ecg ekg eeg emg ob obgyn gyn pain
    sleep eye ear heart lung skin bone breast memory fracture falls stroke renal"""))


def context_reason(text: str, token: str, end: int, prev: str, nxt: str, prev2: str = "") -> str:
    """Why ``token`` (ending at ``end``) is held back for what stands round it ("" when it is not): ``prev`` and
    ``nxt`` are the tokens before and after it, ``prev2`` the one before ``prev``; ``prev`` and ``prev2`` folded."""
    if not (token[:1].isupper() or prev in _HOUR_CUES or prev == "by"):
        return ""  # (the common case, decided before any folding: every rule needs an hour's cue or a capital)
    folded = fold(token)
    if folded in _HOUR_WORDS and (prev in _HOUR_CUES or (prev == "by" and prev2 in _BY_WHERE)) \
            and prev2 not in _NOT_BEFORE_AN_HOUR and prev2 not in word_lists().medical and (
            not nxt or fold(nxt) in _CLAUSE_GOES_ON or text[end:end + 1] in ",.;:!?)"):
        return "a time of day"  # "didn't turn up at eight, so I"
    if len(token) > 1 and token.isupper() and token.isalpha() and text[end:end + 1] == " " \
            and fold(nxt) in _SERVICE_WORDS \
            and folded not in _CLINICAL_CAPITALS and folded not in word_lists().english \
            and folded not in _own_words():
        return "capitals naming a service or workplace (a hospital or employer?)"  # "MGH ortho", "TCS insurance"
    if token[:1].isupper() and not token.isupper() and token.isalpha() and prev in _roles() \
            and folded in _own_non_words():
        return "a name after a role"  # "Manager Gord": a word the de-identifier keeps as its own, after a role
    return ""


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """The words for people in a role, a title or a relation ("manager", "nurse", "dr", "aunty")."""
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.deid_cued import ROLES

    lex = P.lexicon()
    roles = frozenset(w for r in ROLES.split("|") for w in re.findall(r"[a-z]+", r) if len(w) > 1)
    return lex.titles | lex.relations | roles


@lru_cache(maxsize=1)
def _own_non_words() -> frozenset[str]:
    """The de-identifier's own words that no list holds as a word, a role or a common proper noun ("gord", "uber")."""
    lists = word_lists()
    return frozenset(w for w in _own_words() - _roles() if w not in lists.english and w not in lists.medical
                     and w not in lists.drugs and w not in COMMON_PROPER)


@lru_cache(maxsize=1)
def _own_words() -> frozenset[str]:
    """The de-identifier's own words that are no name to it ("gord", "uber", "amazon")."""
    from healthviz_desktop.core.prompting import deid_patterns as P

    return frozenset(P.lexicon().not_name)
