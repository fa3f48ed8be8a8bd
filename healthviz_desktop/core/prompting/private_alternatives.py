"""Grammar words that are also the person's private terms: the composer writes an alternative instead ("honey gold"
for "amber" when someone is called Amber), so a name never makes the app's own prompts unsendable (issue 15)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from healthviz_desktop.core.prompting.deid_person import fold_text
from healthviz_desktop.core.prompting.grammar import Grammar
from healthviz_desktop.core.prompting.outbound_check import CheckVerdict


def avoid_private_words(g: Grammar, prompt: str, verdict: CheckVerdict, private_terms: Sequence[str]) -> str | None:
    """The prompt with each grammar word that is one of the person's private terms ("amber" for someone
    called Amber) replaced by its alternative from the grammar; None when there is nothing to replace.
    A word of a term is swapped even where the check would not read it as a name ("a long ribbon" for someone
    called Long): the person's own words stay out of the app's prompts."""
    hits = {f.text.casefold() for f in verdict.blocking if f.category == "private" and f.field == "prompt"}
    # each word of a term as the check reads it too: casefolded and without its diacritics ("Nō" is "no")
    hits |= {f for t in private_terms for w in re.findall(r"[^\W\d_]+", t)
             for f in (w.casefold(), fold_text(w).casefold())}
    swap = {w: alternative(g, w, hits) for w in hits if w in g.alternatives}
    swap = {w: alt for w, alt in swap.items() if re.search(rf"\b{re.escape(w)}\b", prompt, re.IGNORECASE)}
    if not swap:
        return None

    def same_case(m: re.Match[str]) -> str:
        alt = swap[m.group().casefold()]
        return alt[:1].upper() + alt[1:] if m.group()[:1].isupper() else alt

    return re.sub(r"\b(?:" + "|".join(map(re.escape, swap)) + r")\b", same_case, prompt, flags=re.IGNORECASE)


def alternative(g: Grammar, word: str, hits: set[str]) -> str:
    """What to say instead of ``word``, itself free of the person's words: someone called Amber and Honey gets
    "syrup gold" for "amber", not "honey gold" (an alternative's own words are swapped in turn, a few times)."""
    alt = g.alternatives[word]
    for _ in range(4):
        words = [w for w in re.findall(r"[^\W\d_]+", alt) if w.casefold() in hits and w.casefold() in g.alternatives]
        if not words:
            break
        alt = re.sub(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b",
                     lambda m: g.alternatives[m.group().casefold()], alt, flags=re.IGNORECASE)
    return alt
