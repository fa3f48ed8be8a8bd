"""Issue 15, session thirty-two: what the de-identifier changed in entries with no identifier, and what it let
through, each pinned in its general form with the look-alikes that must go on being read as before.

- A sentence that opens with a short everyday word of another language ("Un poco mejor hoy", "Ya me siento mejor",
  "Nie mogę spać", "Che mal di testa", "Δεν κοιμήθηκα") lost that word as a name: the lists of words of other
  languages leave out every word under four letters. ``foreign_short_words.txt`` (scripts/build_foreign_short_words.py)
  holds the two- and three-letter words those languages write most, spelled as they spell them; a sentence's first
  word that is one of them is that language's word. Not before what a person does ("Ya said"), not mid-sentence, and
  not spelled otherwise ("Noé fever 38.5": no Norwegian "noe").
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.vocabulary import fold, foreign_short_words, word_lists
from tests.support.deid_checks import through


@pytest.mark.parametrize("text", [
    "Un poco mejor hoy, 4/10.",
    "Ya me siento mejor después del ibuprofeno.",
    "Si duele mucho, llamo al médico.",
    "Nie mogę spać w nocy, knee 6/10.",
    "Che mal di testa oggi.",
    "Δεν κοιμήθηκα καλά, πονοκέφαλος 7/10.",
    "Za tydzień kontrola u ortopedy.",
    "Het gaat beter vandaag.",
])
def test_a_sentence_opening_with_a_short_word_of_another_language_is_left_alone(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Ya said the scan was fine.", "Ya"),  # before what a person does: a name as before
    ("Noé fever 38.5 since noon.", "Noé"),  # the Norwegian word is "noe": spelled otherwise, no word
    ("Went for coffee with Un after the clinic.", "Un"),  # mid-sentence: a capital names someone
])
def test_a_short_word_that_reads_as_a_name_still_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_short_word_list_holds_no_word_of_the_english_lists_and_no_name_but_the_commonest() -> None:
    short = foreign_short_words()
    assert {"un", "ya", "nie", "che", "δεν", "het"} <= short
    assert all(2 <= len(w) <= 3 and w == w.casefold() for w in short)
    lists, lexicon = word_lists(), P.lexicon()
    assert not [w for w in short if lists.is_word(fold(w)) or lists.is_word(w)]
    assert not short & {fold(n) for n in lexicon.first_names | lexicon.ambiguous_first_names}
