"""Words of the allowlist's vocabularies that the words round them show to be an identifier (issue 15, session
seventeen): capitals before the service or workplace they name ("MGH ortho", "TCS insurance"), and a name the
de-identifier lets through as one of its own words right after a role ("Manager Gord": "gord" is GORD, reflux). (An
hour said as a word, "turn up at eight", is read with the other spoken hours: allowlist_numbers.spoken_time.)

Read by the allowlist (allowlist.py) for text the person typed, never by the de-identifier: these words pass
``healthviz deidentify`` as they always did, and only the explainer text and an edited prompt hold them back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, fold, word_lists

# what a service or a workplace is called by (after its own name: "MGH ortho", "TCS insurance", "CVS pharmacy"); the
# de-identifier's deid_cued._ACRONYM_FACILITY reads the same shape for capitals no list knows, this independent layer
# for the ones the medical list holds too ("MGH", "TCS")
# (not "clinic" nor "centre": a condition's capitals name the clinic for it, "CPAP clinic", "DEXA centre")
_SERVICE_WORDS = frozenset(str.split("""ortho orthopaedics orthopedics cardio cardiology rheum rheumatology neuro
    neurology oncology derm dermatology gastro urology hospital hospitals insurance insurer works warehouse depot
    store stores branch office campus pharmacy school college university uni academy plant factory site mine mill"""))
# capitals a service is named by that are clinical, not someone's hospital or employer ("ENT hospital", "GI ortho")
_CLINICAL_CAPITALS = frozenset(str.split("""hiv aids tb gum cf std sti ivf ms copd ibs ibd adhd asd mnd ckd dvt uti ra
    hrt gi ent icu ed er gp ae opd ipd nicu picu hdu ccu amu mau sdec ot pt mri ct ecg ekg eeg emg ob obgyn gyn pain
    sleep eye ear heart lung skin bone breast memory fracture falls stroke renal"""))


def context_reason(text: str, token: str, end: int, prev: str, nxt: str) -> str:
    """Why ``token`` (ending at ``end``) is held back for what stands round it ("" when it is not): ``prev`` (folded)
    and ``nxt`` are the tokens before and after it."""
    if not token[:1].isupper():
        return ""  # (the common case, decided before any folding: both rules read a capital)
    folded = fold(token)
    if len(token) > 1 and token.isupper() and token.isalpha() and text[end:end + 1] == " " \
            and fold(nxt) in _SERVICE_WORDS \
            and folded not in _CLINICAL_CAPITALS and folded not in word_lists().english \
            and folded not in _own_words():
        return "capitals naming a service or workplace (a hospital or employer?)"  # "MGH ortho", "TCS insurance"
    if token[:1].isupper() and not token.isupper() and token.isalpha() and prev in people_words() \
            and folded in _own_non_words():
        return "a name after a role"  # "Manager Gord": a word the de-identifier keeps as its own, after a role
    return ""


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
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
    return frozenset(w for w in _own_words() - people_words() if w not in lists.english and w not in lists.medical
                     and w not in lists.drugs and w not in COMMON_PROPER)


@lru_cache(maxsize=1)
def _own_words() -> frozenset[str]:
    """The de-identifier's own words that are no name to it ("gord", "uber", "amazon")."""
    from healthviz_desktop.core.prompting import deid_patterns as P

    return frozenset(P.lexicon().not_name)
