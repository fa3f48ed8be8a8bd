"""Issue 15, round nineteen: letters that never folded, the cases of names in the list of other languages' words,
and text written with combining marks.

- ł, æ, ø, ð, þ, œ and Turkish ı have no decomposition to a-z, so every word and town holding one was left out of the
  lists ("Głowa", "Lægen", "Karanlık" read as names at a sentence's start; "Głogów", "Næstved" no towns).
- The everyday words of Polish, Czech and Turkish held the cases of people's names and towns ("Krzysztofa",
  "Pawłem", "Ostravě", "Ankara'da"), and the towns of those countries that are frequent in their text ("Kadıköy").
- A capital after another language's "in" or "at" ("w Białymstoku", "på Nørrebro") is a place.
- Text with combining marks (pasted from a Mac's file names, some Vietnamese keyboards) was read letter by letter:
  "Żołądek" became "Ż[NAME]̨dek"; it is now read composed and its spans mapped back.
"""

from __future__ import annotations

import unicodedata

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify, find_identifiers
from healthviz_desktop.core.prompting.vocabulary import fold, foreign_town_words, foreign_words, gazetteer


@pytest.mark.parametrize(("word", "folded"), [
    ("Głogów", "glogow"), ("Næstved", "naestved"), ("Kadıköy", "kadikoy"), ("Søvn", "sovn"), ("Þreyta", "threyta"),
    ("Höfuðverkur", "hofudverkur"), ("Œdème", "oedeme"), ("Zoë", "zoe")])
def test_letters_without_a_decomposition_fold_to_a_to_z(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize("town", ["glogow", "naestved", "bandirma", "aydincik", "belchatow"])
def test_towns_with_those_letters_are_in_the_gazetteer(town: str) -> None:
    assert town in gazetteer().places


@pytest.mark.parametrize("text", [
    "Głowa boli od rana.", "Dostałam skierowanie do neurologa.", "Karanlık odada yattım.",
    "Sırt ağrısı devam ediyor.", "Lægen sagde hvile.", "Søvn var dårlig, hovedpine hele dagen.",
    "Słabo spałam, migrena.", "W piątek migrena.", "Spotkanie w piątek, migrena mniejsza.",
    "Kašel a dušnost po covidu.", "patrzę w sufit, może w końcu odeśpię", "We went to the clinic at noon.",
    "I do Zumba twice a week."])
def test_everyday_words_of_those_languages_stay(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Zadzwoniłam do Krzysztofa po leki.", "Krzysztofa"),
    ("Byłam u Pawła wczoraj.", "Pawła"),
    ("Rozmawiałam z Pawłem o insulinie.", "Pawłem"),
    ("Paweł zawiózł mnie do Wrocławia.", "Wrocławia"),
    ("Byłam u Jamesa wczoraj.", "Jamesa"),
    ("Mieszkam teraz w Białymstoku.", "Białymstoku"),
    ("Byl jsem v Ostravě u doktora.", "Ostravě"),
    ("Besøkte Ragnhild på Grünerløkka.", "Grünerløkka"),
    ("Mødtes med Kirsten på Nørrebro.", "Nørrebro"),
    ("Wróciłam z Warszawy bardzo zmęczona.", "Warszawy"),
    ("Sendt til Ullevål med brystsmerter.", "Ullevål"),
    ("Ankara'da hastaneye gittim.", "Ankara"),
    ("Yıldız Hanım ile Bakırköy'de görüştük.", "Bakırköy"),
    ("Kadıköy'de doktora gittim, baş ağrısı devam ediyor.", "Kadıköy"),
    ("Moved to Næstved in June.", "Næstved"),
    ("Went to Głogów hospital.", "Głogów"),
    ("Clinic in Kadıköy was packed.", "Kadıköy"),
    ("Appointment with bác sĩ Đỗ on Friday.", "Đỗ")])
def test_names_and_towns_in_those_languages_are_hidden(text: str, secret: str) -> None:
    assert secret not in deidentify(text).text


@pytest.mark.parametrize("word", ["krzysztofa", "pawla", "pawlem", "jamesa", "wroclawia", "ostravu", "ankarada",
                                  "ankara'da", "yilmaz'a"])
def test_the_cases_of_names_and_towns_are_no_foreign_words(word: str) -> None:
    assert word not in foreign_words()


def test_a_common_word_shaped_like_a_name_s_case_stays_a_foreign_word() -> None:
    assert "koncu" in foreign_words()  # "w końcu" (at last), Zipf 5.5


def test_town_words_are_foreign_words_not_trusted_capitalised() -> None:
    towns = foreign_town_words()
    assert "kadikoy" in towns and "piatek" in towns
    assert "kasel" not in towns  # a German village; "kašel" is Czech for a cough
    assert towns <= foreign_words()
    assert deidentify("Rough night, Kadıköy traffic all morning.").text == "Rough night, [NAME] traffic all morning."


@pytest.mark.parametrize("text", [
    "Saw Zoë Brontë at the clinic.", "Śniadanie późno, Żołądek boli.", "Ayşe Öztürk Kadıköy'de, baş ağrısı.",
    "Dr Müller in Zürich said rest, Chloé's mum rang.", "Mẹ tái khám với bác sĩ Đỗ Thị Hằng at Chợ Rẫy."])
def test_decomposed_text_reads_as_composed_text(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    out = deidentify(decomposed)
    assert out.text == unicodedata.normalize("NFD", deidentify(text).text)
    for span in out.spans:  # every span stands where its text is written, combining marks and all
        assert decomposed[span.start:span.end] == span.text
        assert not unicodedata.combining(decomposed[span.end:span.end + 1] or "a")


def test_a_decomposed_private_term_matches_composed_text() -> None:
    term = unicodedata.normalize("NFD", "Søren Müller")
    assert deidentify("Müller rang; Søren came later.", [term]).text == "[PRIVATE] rang; [PRIVATE] came later."


def test_composed_text_is_read_as_written() -> None:
    text = "Dr Nowak in Kraków on 3 May"
    assert [(s.start, s.end) for s in find_identifiers(text)] == [
        (text.index("Nowak"), text.index("Nowak") + 5), (text.index("Kraków"), text.index("Kraków") + 6),
        (text.index("3 May"), len(text))]


def test_a_mark_that_composes_with_nothing_stays_inside_its_word() -> None:
    # Dene orthography: a dotless i with an ogonek has no composed form ("Délı̨nę" would be cut to "Délı", "deli")
    out = deidentify("Granny won't leave Délı̨nę for the care home.").text
    assert out == "Granny won't leave [NAME] for the care home."


@pytest.mark.parametrize(("text", "out"), [
    ("Trần Thu Hà came with me.", "[NAME] came with me."),
    ("Đỗ Thu Trang rang about the scan.", "[NAME] rang about the scan."),
    ("Saw Dr Castellanos Thu 9/24.", "Saw Dr [NAME] [DATE]."),  # a weekday before its date ends the name
    ("Jonah Thu Fri shifts again", "[NAME] Thu Fri shifts again")])
def test_a_weekday_s_short_form_inside_a_vietnamese_name_is_part_of_it(text: str, out: str) -> None:
    assert deidentify(text).text == out


@pytest.mark.parametrize(("text", "secret"), [
    ("Kontrola u doktora Dvořáka jutro.", "Dvořáka"),
    ("Byla jsem u paní doktorky Růžičkové.", "Růžičkové"),
    ("Rozmawiałam z lekarzem Nowakiem o dawce.", "Nowakiem"),
    ("Legen Hansen sa hvile.", "Hansen")])
def test_a_name_after_doctor_in_its_case_forms_goes(text: str, secret: str) -> None:
    assert secret not in deidentify(text).text


def test_doctor_in_a_case_form_ending_a_sentence_names_nobody() -> None:
    assert deidentify("Byłam u doktora. Potem spałam.").text == "Byłam u doktora. Potem spałam."


@pytest.mark.parametrize(("text", "out"), [
    ("Dün MR çektirdim, sonuç iyi.", "Dün MR çektirdim, sonuç iyi."),  # a scan, not "Mr"
    ("MR knee showed a small tear.", "MR knee showed a small tear."),
    ("saw mr kowalski today", "saw mr [NAME] today"),
    ("Mr tomasz came with soup.", "Mr [NAME] came with soup.")])
def test_mr_in_capitals_before_a_lower_case_word_is_a_scan(text: str, out: str) -> None:
    assert deidentify(text).text == out


def test_the_allowlist_reads_decomposed_text_as_the_de_identifier_does() -> None:
    from healthviz_desktop.core.prompting.allowlist import unlisted_words
    from healthviz_desktop.core.prompting.composer import explainer_text

    text = "Żołądek boli od rana, migrena 7/10. Zoë Brontë drove me to Kraków. Søren said rest."
    decomposed = unicodedata.normalize("NFD", text)
    composed_out = explainer_text(text, ["Søren"])[0]
    assert "[PRIVATE] said rest" in composed_out and "Zoë" not in composed_out
    # whole words held back, no stray marks, the same as the composed text gives
    assert explainer_text(decomposed, [unicodedata.normalize("NFD", "Søren")])[0] == \
        unicodedata.normalize("NFD", composed_out)
    for u in unlisted_words(decomposed):
        assert decomposed[u.start:u.end] == u.text
        assert not unicodedata.combining(decomposed[u.end:u.end + 1] or "a")
