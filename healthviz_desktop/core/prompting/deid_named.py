"""Round eight of issue 15 (set H's moved entries): a name the text itself says is one. "her name is rain", "yes
his real name is Happy", "we call her lucky", "nicknamed Bear", "known as Sunny": the word after such a cue is a
name whatever else it is (an ordinary word, lower case), and so is every other time the text writes that word
("(lucky, we call her lucky because…)"). Plain code shared by the fast de-identifier and the reference one.

Round twelve (set L's second look): "discord knows me as moss.gremlin", "goes by Ziggy": the same cues in the words
young people use online; and "Took Mahalia to the ear clinic", "drove Kiri home": a capitalised word no list knows
after taking, driving or bringing, then where to (a drug is taken too, but not "to the clinic" or "home").

Round seventeen: a surname in capitals after a short title ("Mr. CHEUNG", "Prof. MÜLLER"), and a writer saying who
writes ("Rose here.").
"""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

_NAMING = re.compile(
    r"\b(?:(?:his|her|their|my|your|whose|the\s+(?:baby|dog|cat)['’]s)\s+(?:real\s+|actual\s+|full\s+|first\s+)?"
    r"name(?:['’]s|\s+is|\s+was)|(?:we|they|i|everyone|people|all|folks|he|she|mum|mom|dad)\s+(?:all\s+)?"
    r"call(?:s|ed)?\s+(?:her|him|them|me)|nicknamed|known\s+as|knows?\s+(?:me|her|him|them)\s+as|"
    r"go(?:es)?\s+by)\s+(?:['\"“‘]\s*)?"
    r"(?P<n>[^\W\d_][\w'’\-]*(?:\.[^\W\d_][\w\-]*)*)", re.IGNORECASE)  # (a handle's dots: "moss.gremlin")
# what may follow such a cue and is no name ("his name is on the list", "we call him when", "known as the")
_NOT_A_NAME = frozenset(str.split("""a an the on in at for from to with about that this it not no never also just
    still already actually really literally back up out over when if because and or but so my his her their our your
    me him them us you i he she they we who what which whenever every each any some one something somebody
    someone nothing by as like after instead again too"""))  # ("she called me by my dad's name": round nine)
_SIGNS = ("name", "call", "known", "knows", "know ", "go by", "goes by")  # (substrings of the lower-cased text)
_TAKEN = re.compile(r"\b(?i:took|take|takes|taking|drove|drive|drives|driving|brought|bring|brings|bringing|walked|"
                    r"collected|fetched)\s+(?P<n>[A-Z][a-z][\w'’\-]+)\s+(?:(?i:to|into)\s+(?i:the|my|his|her|their|a|"
                    r"an|school|kindy|kura|kindergarten|daycare|work|church|training|practice|hospital|clinic|town)\b|"
                    r"(?i:home|out|back|along|round|over)\b)")
_TAKEN_SIGNS = ("took", "take", "drove", "driv", "brought", "bring", "walked", "collected", "fetched")
# round seventeen (the tuning corpus's pasted letters: "Patient Mr. CHEUNG", "Dr. OKONJO"): a surname in
# capitals, as forms and letters write it, after a short title; no capital marks it
# as a word starting a name, so the title rules above it in deid_names never saw it
# round seventeen ("Rose here. Lung playing up"): a writer saying who writes, at the start of a sentence
_HERE = re.compile(r"(?:^|(?<=[.!?\n])\s*)(?P<n>[A-Z][a-z][\w'’\-]*)\s+here\b(?=\s*[.,!:;—–\-]|\s+(?:again|today|"
                   r"writing|typing|checking|posting|for|with|on\s+behalf)\b)")
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
# (read from the capitals, the cue then checked behind them: a run of capitals is rarer than a word's start)
_CAPITAL_WORD = re.compile(rf"(?<![\w'’\-])[{_CAPITAL}][{_CAPITAL}'’\-]+\b(?![a-zß-öø-ÿ])")
_CAPITAL_RUN = re.compile(rf"[{_CAPITAL}][{_CAPITAL}'’\-]+(?:\s+[{_CAPITAL}][{_CAPITAL}'’\-]+){{0,3}}\b(?![a-zß-öø-ÿ])")
# (after "Patient:" or "Name:" a name in capitals is deid_pasted's: a form's label)
_CAPITALS_CUE = re.compile(r"\b(?P<t>(?i:dr|mr|mrs|ms|mx|prof|fr|rev|mudr|dra|sra|mme|dott))\.?"
                           r"(?:\s+(?i:med|dent|vet|univ)\.)*\s+\Z")


def named_candidates(text: str, add: Add) -> None:
    """Every name this text says is a name (see the docstring), at each place the text writes it."""
    lower = text.lower()
    for m in _CAPITAL_WORD.finditer(text):
        cue = _CAPITALS_CUE.search(text, max(0, m.start() - 30), m.start())
        run = _CAPITAL_RUN.match(text, m.start()) if cue else None
        if cue and run:
            _capital_names(m.start(), run.group(), add)
    if " here" in text:
        for m in _HERE.finditer(text):
            if _here_name(m.group("n").casefold()):
                add(("name", m.start("n"), m.end("n")))
    if any(w in lower for w in _TAKEN_SIGNS):
        from healthviz_desktop.core.prompting import deid_patterns as P
        from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

        lists, lex = word_lists(), P.lexicon()
        for m in _TAKEN.finditer(text):
            n = fold(m.group("n").rstrip("'’s"))
            if not lists.is_word(n) and n not in lists.medical and n not in lists.drugs and n not in lex.titles \
                    and n not in lex.relations and n not in lex.known_words:
                add(("name", m.start("n"), m.end("n")))
    if not any(w in lower for w in _SIGNS):
        return
    names = set()
    for m in _NAMING.finditer(text):
        word = m.group("n").rstrip("'’").casefold()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if word not in _NOT_A_NAME and len(word) > 1:
            names.add(word)
    for word in names:
        for m in re.finditer(rf"(?<![\w'’\-]){re.escape(word)}(?![\w\-])", text, re.IGNORECASE):
            add(("name", m.start(), m.end()))


def _capital_names(at: int, run: str, add: Add) -> None:
    """The words in capitals after a title that read as a name ("Dr. OKONJO said", "Prof. MÜLLER", "Mr. CHEUNG"): the
    first a word no list knows or a name's word (a second reader found "Dr. FINALLY listened", "Dr. HIGH DOSE
    steroids"), then each word no list knows, a name's word or a short one ("VAN", "AN", "LI"), up to a medical word,
    an ordinary one ("DR SMITH ADVISED REST"), a word that joins a sentence ("AND"), a short form no name is ("OK"),
    an acronym ("NBM") or the form's next field ("DOB")."""
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.deid_pasted import FORM_FIELDS, JOINING_WORDS
    from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

    lex, lists = P.lexicon(), word_lists()
    start = end = at
    for k, w in enumerate(re.finditer(r"[^\s]+", run)):
        f = fold(w.group().strip("'’-"))
        if f in lists.medical or (f in lex.not_name and f not in lists.english) or f in lex.titles \
                or f in lex.relations or f in FORM_FIELDS or f in JOINING_WORDS or len(f) < 2:
            break
        named = (not lists.is_word(f) or f in lists.name_words or lists.is_name(f)) \
            and (any(c in "aeiouy" for c in f) or f == "ng")  # ("Mr. NBM from midnight": an acronym)
        if not named and (k == 0 or len(f) > 3):
            break  # "Dr. FINALLY listened", "DR SMITH ADVISED REST"
        end = at + w.end()
    if end > start:
        add(("name", start, end))


def _here_name(word: str) -> bool:
    """Whether a word (casefolded) before "here." names the writer: a word no list knows, or a given name that is
    also a word ("Rose here."); not another word ("Snow here.", "Chaos here.", "Mum here again")."""
    from healthviz_desktop.core.prompting import deid_patterns as P
    from healthviz_desktop.core.prompting.vocabulary import word_lists

    lex, lists = P.lexicon(), word_lists()
    if word in lex.titles or word in lex.relations or word in lex.known_words:
        return False
    return not lists.is_word(word) or word in lex.first_names or word in lex.ambiguous_first_names
