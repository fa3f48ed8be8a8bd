"""Issue 15, session twenty-two: causes found on a fresh reader's everyday English journals (set T) and by probing.

- "in hospital", "at clinic", "at surgery" went out as a place: "in" and "at" are in the shipped name lists, so the
  lower-case facility rule read them as a hospital's name ("mum [PLACE]", "seen [PLACE] today").
- A weekday before a date stayed, or split it: "Kamis [DATE]", "quarta ([DATE])", "Monday 3/4" → "[DATE]/4" (the
  month went out).
- "Endorsed to Jovelyn 14:00": a clock time after a word was read as a dose, the word as a product.
- "icatibant (Firazyr)": a brand in brackets beside its generic was read as a name.
- "on the twenty third of june" → "[DATE] of june"; "twelfth of august" went out whole; "10.20 on the 4th of March"
  kept its time; "GP appt" → "GP [NAME]"; "Dear Diary" → "Dear [NAME]"; "Sam, Bec and Tash" kept "Bec"; "the
  whole bag of Maltesers" → "[NAME]"; "Pret wrap" → "[NAME] wrap"; "Amazon warehouse", "the
  Tata works": an employer before the workplace it runs stayed.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify

UNCHANGED = [
    "seen in clinic today",
    "back in hospital again, third time this year",
    "mum in hospital since the fall",
    "at hospital all day with the kids",
    "an hour at surgery waiting",
    "on Monday I felt bad",
    "Buspar 10 at night",
    "used icatibant (Firazyr) 30 mg, settled in 2h",
    "Firazyr (icatibant) 30 mg at night",
    "a third of March was lost to migraine",
    "the twelfth of the month is payday",
    "BG 10.20 on Monday, then 6.1",
    "GP appt booked. Probably nothing.",
    "Dear Diary, IBS-D day.",
    "Ate the whole bag of Maltesers then BG was 11.2",
    "Meal 2: Pret wrap - bloating within 30 min.",
    "Meal 2: Wagamama noodles - bloating within 30 min.",  # (session twenty-four: "Pret" alone is now a word of
    # French opening a sentence too, so a brand no list knows keeps this rule pinned)
    "Night shift again, feet aching",
    "Double shift again.",
    "Ventolin works better than the brown one",
    "Uni deadline stress, headaches daily.",
    "MRI at the private hospital, so loud.",
    "Seen at the army clinic for the knee.",
    "oma ist müde heute",
    "jatuh di kamar mandi tadi pagi",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_everyday_words_and_products_stay(text: str) -> None:
    assert deidentify(text).text == text


GONE = [
    ("Senin, 4 Maret. hari pertama kemo", ["Senin", "Maret"]),
    ("sejak Kamis 8/2, sesak napas", ["Kamis", "8/2"]),
    ("Jumatatu 11/3 nilimpeleka hospitali", ["Jumatatu", "11/3"]),
    ("começou quarta (12/06). a creche ligou", ["quarta", "12/06", ")"]),
    ("sa Martes, Oct 15. grabe ang sakit", ["Martes", "Oct"]),
    ("Seen Monday 3/4 at clinic", ["Monday", "3/4", "/4"]),
    ("wants her seen Friday 3/8, she is dizzy", ["Friday", "3/8", "/8"]),
    # (session twenty-six: a log's weekday with its day and month by a slash is read by deid_logs too; a dot only here)
    ("Physio moved to Monday 3.4 at the clinic", ["Monday", "3.4", "4"]),
    ("Endorsed to Jovelyn 14:00 shift.", ["Jovelyn", "14:00"]),
    ("appointment is on the twenty third of june at half past two", ["third", "june"]),
    ("New date twelfth of august, 7:45am arrival.", ["twelfth", "august"]),
    ("Dermatology, 10.20 on the 4th of March: patch testing", ["10.20", "4th", "March"]),
    ("nurse june says rest", ["june"]),
    ("Dear Hope, thanks for the card", ["Hope"]),
    ("came with Sam, Bec and Tash.", ["Sam", "Bec", "Tash"]),
    ("my nurse (Mirela) came at lunch", ["Mirela"]),
    ("Amazon warehouse again 10h shift, wrists sore", ["Amazon"]),
    ("Husband took the day off from the Co-op depot.", ["Co-op"]),
    ("oncology nurse pip says to ring the after hours line", ["pip"]),
    ("ana miaka 93, madaktari wanasema ni pneumonia", ["93"]),
    ("Bapak udah 90, dokter agak ragu", ["90"]),
    ("Bapak 92, jatuh tadi pagi", ["92"]),
    ("Ah Ma kena pneumonia. Umur 91 dah.", ["91"]),
    ("my mate tom said rest", ["tom"]),
    ("he's off from the Tata works that week.", ["Tata"]),
]


@pytest.mark.parametrize(("text", "secrets"), GONE)
def test_dates_names_and_their_pieces_go(text: str, secrets: list[str]) -> None:
    out = deidentify(text).text
    words = [w.strip(",.;:!?()") for w in out.replace("[DATE]", " ").replace("[NAME]", " ").split()]
    for secret in secrets:
        assert secret not in words, out
    if ")" in secrets:
        assert "[DATE])" not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("went to rose clinic for the bloods", None),
    ("Physio Monday 0830 for the knee", "Monday"),  # a weekday and an hour name no date: the hour goes alone
    ("with Sam, Dad and Tash", "Dad"),
    ("with Kenji Watanabe-Ross, MD, Vancouver General Hospital Diamond", "MD"),
])
def test_names_beside_these_forms_still_behave(text: str, kept: str | None) -> None:
    out = deidentify(text).text
    if kept is None:  # a facility's own name still goes
        assert "rose" not in out, out
    else:
        assert kept in out.replace(",", " ").split(), out


# the never-read reserves' numbers of a kind that must be 0 (moved to tests/corpus/tuning/session22_must_be_0.jsonl)
@pytest.mark.parametrize(("text", "secrets"), [
    ("My login for the Ascensia app is kbradley72 - sugars upload automatically", ["kbradley72"]),
    ("Permis B n° G 0448 213 for the new insurance.", ["0448", "213"]),
    ("Cartão de Cidadão 14429876 5 ZX2 — needed for the vaccine", ["14429876", "ZX2"]),
    ("Locker 214 code 3391 (note for me).", ["214", "3391"]),
])
def test_logins_numbered_documents_and_lockers_go(text: str, secrets: list[str]) -> None:
    out = deidentify(text).text
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize("text", ["login is broken again", "the locker room was cold", "n° 3 on the list"])
def test_their_words_alone_stay(text: str) -> None:
    assert deidentify(text).text == text
