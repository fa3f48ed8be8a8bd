"""Issue 15, round ten (set J's first look): the causes found, pinned with their look-alikes.

Everyday words of other languages that people mix into an English journal ("Tamam, tomorrow I drink more water",
"Daijoubu, daijoubu", "Ojalá que el Tempra haga algo", "Ladno, drank more water") were read as names at the start of
a sentence; brands of the Middle East, Latin America, Eastern Europe and East Asia were read as names; and a
surname that is also such a word went out after a title ("Dr Long"). All text here is made up."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


@pytest.mark.parametrize("text", [
    "Tamam, tomorrow I drink more water at sahur.",
    "Khalas, no more harissa this week.",
    "Beseder overall, sababa.",
    "Daijoubu, daijoubu, I keep telling myself. Mottainai to waste the onsen ticket.",
    "Gwaenchana... not really. Hagwon until late then self-study.",
    "Aiyo the itch 8/10, shiok after the cold shower lor.",
    "Nichego osobennogo today. Ladno, drank more water. Davai, tomorrow walk more.",
    "Pues, today was better. Ándale, I told myself. Ojalá que mañana sea mejor.",
    "Tudo bem hoje, mais ou menos. Tomei Dipirona 1g de manhã.",
    "Maman says no more yogurt at night, khob what can I do.",
])
def test_everyday_words_of_other_languages_are_no_names(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize("brand", ["Optalgin", "Dipirona", "Tempra", "Tandrene", "Mydocalm", "Цитрамон", "Ketanov",
                                   "Loxonin", "Bufferin", "Elomet", "Dorflex"])
def test_brands_of_those_countries_stay(brand):
    text = f"Bad night. {brand} twice, then slept."
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Saw Dr Long yesterday, new plan.", "Long"),  # a word the lists call no name, after a title: a surname
    ("Mrs Tudo rang about the dog.", "Tudo"),
    ("Dr Bueno said rest.", "Bueno"),  # a surname left off the list of words on purpose
    ("Manana came over with soup.", "Manana"),  # a Georgian given name, kept off the list ("mañana" is on it)
    ("Called Salah after Jummah.", "Salah"),  # a given name, kept off the list
])
def test_names_that_look_like_those_words_still_go(text, secret):
    out = deidentify(text).text
    assert secret not in out, out


def test_a_title_before_a_weekday_or_a_relation_starts_no_name():
    for text in ("Dr Monday 3pm", "Dr Mum said so"):
        assert deidentify(text).text.split()[:2] == text.split()[:2], text
