"""Round thirteen of issue 15 (set M's first look): a word of another language that the writer translates in
brackets is a word, not a name. People writing English as a new language gloss the words of their own that they
mix in: "Kebdi (stomach) pain after injera", "Jilibka (knee) both sides", "Xew (sleep) very bad". No list can hold
every word of Tigrinya, Somali or Kurmanji, but the gloss says what the word is.

A gloss that names a person, an animal or a place says the opposite ("Hemi (my son)", "Biscuit (the dog)", "Bilal
(pharmacy)", "Nico (me)"), so the gloss must be one word of what the body, food, sleep, weather and faith are called
(an allowlist: the round's review found names glossed by words a list of people's words lacked, "Tadesse
(interpreter)", "Yonas (grandson)"), and the word must open a sentence or follow an article (mid-sentence a capital
names someone: "Then Oksana (tired) came"). Glosses of two words or more ("Dahri (my back)", "Tsome (fasting
season)") were tried and taken back: across the unread sets one was a name glossed by two plain words. Plain code
called from deid_names.py, so the fast de-identifier and the reference one share it as it is.
"""

from __future__ import annotations

import re

# the gloss right after the word: one lower-case word in brackets
_GLOSS = re.compile(r"[ \t]*\([ \t]*(?P<g>[a-z]+)[ \t]*\)")

# what a gloss may say: the body, how it feels, sleep, food and drink, weather, time of a day or a year, faith and
# thanks (after the round's review an allowlist, not a list of the words for people: "Tadesse (interpreter)",
# "Yonas (grandson)", "Pikelet (budgie)" showed that list could never be whole)
_MEANINGS = frozenset(str.split("""head headache back neck shoulder shoulders arm arms elbow wrist hand hands finger
    fingers chest heart lungs lung breath breathing stomach belly tummy gut bowel liver kidney kidneys bladder hip
    hips knee knees leg legs foot feet ankle toe toes skin eye eyes ear ears nose throat mouth teeth tooth tongue
    face jaw spine bones bone joints joint muscles muscle blood body womb period periods pain ache aches sore
    burning cramp cramps fever cough flu dizziness tiredness fatigue weakness nausea vomiting
    diarrhoea diarrhea constipation swelling itch itching rash sleep sleeping insomnia dream dreams nightmare
    nightmares worry worries stress sadness grief fear anxiety nerves tension pressure appetite hunger
    thirst food bread rice soup porridge tea coffee milk water ginger garlic oil herbs medicine remedy
    fasting prayer prayers god blessing blessings thanks patience peace hope health healing strength
    weather rain sun heat wind snow morning evening night today tomorrow yesterday season spring summer autumn
    winter holiday festival"""))


def glossed(text: str, end: int) -> bool:
    """The word ending at ``end`` is followed by its meaning in brackets, one word of the body, food, sleep, weather
    or faith: "Kebdi (stomach)", "Xew (sleep)"; not "Hemi (my son)", "Tadesse (interpreter)"."""
    m = _GLOSS.match(text, end)
    return m is not None and m.group("g") in _MEANINGS

