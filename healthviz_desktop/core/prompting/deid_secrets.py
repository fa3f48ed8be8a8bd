"""Two kinds of secret no other rule read (issue 15, session nineteen: set R's first look, each as its general form;
tests/test_deid_round18_causes.py).

- A password or a wifi code, after its word and a few words more: "wifi code on the board was TRELISKE2", "password
  is Fluffy2019", "Passwort: Sonne#12". Only a value with a digit, a sign, or capitals and small letters mixed after
  its first ("password was wrong", "was WRONG again" are no password; "wifi password: sunflower" is, but cannot be
  told from a word).
- An ID written with capitals of another alphabet before its digits, as a passport's or a national register's number
  is in Cyrillic, Greek or Armenian letters: "РД: УЕ88061423", "паспорт АН1234567" (Latin ones are deid_patterns'
  ID_TOKEN's).
- Session twenty-two (never-read reserves whose numbers of a kind that must be 0 went out): a login or user name the
  same way as a password, a few words after its word ("My login for the Ascensia app is kbradley72"; right after
  its word, "username: karen_b", it is deid_codes' handle rule's); a number after "n°", "nº" or "Nr."
  ("Permis B n° G 0448 213"); a Portuguese citizen card's number whole ("14429876 5 ZX2")."""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

_SECRET_VALUE = re.compile(
    r"\b(?i:password|passcode|passwort|mot\s+de\s+passe|contraseña|senha|parola|wachtwoord|lösenord|wi-?fi(?:\s+(?:code|"
    r"key|password|pass|pw))?|network\s+key|login|log-in|username|user\s*name|user\s*id)\b(?:\s+[^\W\d_]+){0,4}?\s*"
    r"(?:(?i:is|was|=)\s+|:\s*)(?P<d>[^\s.,;:!?()\"'’]{4,40})")
_SIGNS = ("pass", "wifi", "wi-fi", "senha", "parola", "contraseña", "wachtwoord", "lösenord", "network key", "login",
          "log-in", "user")
# session twenty-two: a number after the French, Portuguese or German sign for "number" ("Permis B n° G 0448 213",
# "Nr. 4471 2290"): four digits or more, in groups, with a letter or two before them
_NUMBER_SIGN = re.compile(r"(?<!\w)(?:[nN][°º]|Nr\.?)\s*(?P<d>(?:[A-Z]{1,2}\s?)?\d[\d \-/.]{2,20}\d)(?![\w])")
# a Portuguese citizen card's number with its check digit and version ("14429876 5 ZX2")
_CITIZEN_CARD = re.compile(r"(?<![\w])\d{8}\s\d\s[A-Z]{2}\d(?!\w)")
# one to four letters of a script beyond Latin, then five digits or more; in code, capitals only (Cyrillic, Greek,
# Armenian: no Chinese, Japanese or Korean letter has a case, "走了12000。", "걸음12000" are steps, and "прошла12000"
# is a missing space)
_OTHER_SCRIPT_ID = re.compile(r"(?<![\w\-])[^\W\d_A-Za-zÀ-ɏḀ-ỿ]{1,4}\d{5,}(?!\w)")


def secret_candidates(text: str, add: Add) -> None:
    """Every password, wifi code and other-script ID of this module's forms in ``text``, as ("id", start, end)."""
    lower = text.lower()
    if any(sign in lower for sign in _SIGNS):
        for m in _SECRET_VALUE.finditer(text):
            value = m.group("d")
            if any(c.isdigit() for c in value) or not value.replace("-", "").isalpha() or (
                    any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)):
                add(("id", m.start("d"), m.end("d")))
    if "°" in text or "º" in text or "Nr" in text:
        for m in _NUMBER_SIGN.finditer(text):
            if sum(c.isdigit() for c in m.group("d")) >= 4:
                add(("id", m.start("d"), m.end("d")))
    for m in _CITIZEN_CARD.finditer(text):
        add(("id", m.start(), m.end()))
    if not text.isascii():
        for m in _OTHER_SCRIPT_ID.finditer(text):
            if all(c.isupper() for c in m.group() if c.isalpha()):
                add(("id", m.start(), m.end()))
