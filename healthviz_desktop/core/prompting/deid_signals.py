"""Cheap signs that a pattern of the de-identifier's context rules (deid_context.py) could match: read around
each run of digits, each a necessary condition of the patterns it gates, so a text without the sign skips the
pattern. Only the fast detector uses them; tests/support/deid_reference_context.py runs every pattern
everywhere, and the equivalence tests hold the two equal.
"""

from __future__ import annotations

import re

# signs read around each run of digits (see signals)
DIGIT_RUN = re.compile(r"\d\d*")
NUMBER_CUE = re.compile(r"\b(?:number|no\.|num|id|code|ref|reference)\b")  # NAMED_NUMBER's first word
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_MIXED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # MIXED_CODE's characters
_PLATE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
FILE_GATE = re.compile(r"\.(?:jpe?g|png|heic|heif|gif|bmp|tiff?|webp|mov|mp4|dng|raw|pdf)\b|img[_\- ]|dsc[_\- ]|"
                        r"dcim[_\- ]|pxl[_\- ]|vid[_\- ]|photo[_\- ]|screenshot[_\- ]|whatsapp image[_\- ]")


def _run_around(text: str, s: int, e: int, chars: frozenset[str]) -> str:
    """The longest stretch of ``chars`` around text[s:e]."""
    lo, hi, n = s, e, len(text)
    while lo > 0 and text[lo - 1] in chars:
        lo -= 1
    while hi < n and text[hi] in chars:
        hi += 1
    return text[lo:hi]


class _SameLengthLower(dict[int, str]):
    """A translate table: each character to its lower case when that is one character (so offsets stay), and
    the letters ``re.IGNORECASE`` also takes for ASCII ones ("ſ" for "s", the Kelvin sign for "k") to those."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        low = {"ſ": "s", "\u212a": "k", "İ": "i", "ı": "i"}.get(c) or c.lower()
        self[code] = low if len(low) == 1 else c
        return self[code]


_SAME_LENGTH_LOWER = _SameLengthLower()


# characters whose lower case in str.lower() is not one character of their own: "İ" (two), "Σ" (by context), and
# those re.IGNORECASE takes for ASCII letters
_NOT_PLAIN_LOWER = re.compile("[ſ\u212aİıΣ]")


def low(piece: str) -> str:
    if piece.isascii():
        return piece.lower()
    if _NOT_PLAIN_LOWER.search(piece) is None:
        return piece.lower()  # every other character lowers to one character, itself alone (C-level)
    return piece.translate(_SAME_LENGTH_LOWER)


def _weekday_before(text: str, lower: str, s: int) -> bool:
    """Whether a weekday word stands before the digits at ``s`` as DATE_FORMS[0] needs it: weekday, an optional
    ".", an optional ",", spaces, an optional "the" and spaces."""
    k = j = s
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j < k and lower[max(0, j - 3):j] == "the":
        k = j - 3
    j = k
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == k:
        return False
    k = j
    if text[k - 1:k] == ",":
        k -= 1
    if text[k - 1:k] == ".":
        k -= 1
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return 3 <= k - j <= 9 and lower[j:k] in _WEEKDAYS


def _am_pm_after(text: str, lower: str, e: int) -> bool:
    j, n = e, len(text)
    while j < n and text[j].isspace():
        j += 1
    return lower[j:j + 3].startswith(("am", "pm", "a.m", "p.m"))


def signals(text: str) -> set[str]:
    """Cheap signs, read around each run of digits, that a pattern of ``form_candidates`` could match there.
    Each is a necessary condition of the patterns it gates: their every match holds a digit run with the sign."""
    found: set[str] = set()
    n = len(text)
    # as re.IGNORECASE folds ("İd" is "id"), one character for one: a slice of it is ``low`` of the same slice
    lower = low(text)
    weekdays = any(d in lower for d in _WEEKDAY_STEMS)  # no stem anywhere: no weekday word before any digit
    for m in DIGIT_RUN.finditer(text):
        s, e = m.span()
        width = e - s
        if weekdays and "weekday" not in found and s and text[s - 1].isspace() and _weekday_before(text, lower, s):
            found.add("weekday")
        after, before = lower[e:e + 8], lower[max(0, s - 2):s]
        first = after[:1]
        if after[:2] in ("st", "nd", "rd", "th"):
            found.add("ordinal")  # "22nd"
        if first == ":" or ((first.isspace() or first in ("a", "p")) and _am_pm_after(text, lower, e)):
            found.add("time")  # "4:45", "4 pm"
        if first in ("a", "p"):
            found.add("ap")  # "7p-7a"
        elif first == "h":
            found.add("h")  # "11h"
        elif first in ("월", "月"):
            found.add("cjk")  # "3월 20일"
        if s >= 4 and lower[s - 4:s - 1] in ("dia", "día") and text[s - 1].isspace():
            found.add("dia")  # "dia 18"
        if width >= 2:
            found.add("two")  # NAMED_NUMBER's value has a run of two digits or more
        if width == 4:
            value = m.group()
            if value[:2] <= "23" and value[2] <= "5":
                found.add("hhmm")  # "0512"
            if s >= 2 and (text[s - 1].isspace() or text[s - 1] in ".-") and text[s - 2].isdigit():
                found.add("phone")  # "555 0111"
            if (first.isspace() or first == "-") and after[1:2].isdigit():
                found.add("card")  # "6339 1042"
        if first in (".", "/") and after[1:2].isdigit():
            found.add(first)  # "14.03", "9/18"
        if (first == "-" and after[1:2].isalpha()) or (before[1:2] == "-" and before[:1].isalpha()):
            found.add("hyphen")  # "14-mar", "mar-14"
        if 2 <= width <= 3 and 90 <= int(m.group()) <= 149:
            found.add("age")
        left = text[s - 1] if s else ""
        right = text[e] if e < n else ""
        # (each run read only until its sign is found: on "-0" x 10,000 every digit's run is the whole text)
        if "mixed" not in found and (left.isupper() or right.isupper()) \
                and len(_run_around(text, s, e, _MIXED_CHARS)) >= 5:
            found.add("mixed")  # "8KQ7DX": a capital beside the digits, in a run of five capitals and digits
        if "code" not in found and (left in _CODE_CHARS or right in _CODE_CHARS) \
                and "-" in _run_around(text, s, e, _CODE_CHARS):
            found.add("code")  # "4EK7-VN2-QP61" (a run that reaches no code character holds no "-")
        if "plate" not in found and ((width == 2 and len(before) == 2 and before.isascii() and before.isalpha()) or (
                (left in _PLATE_CHARS or right in _PLATE_CHARS) and len(_run_around(text, s, e, _PLATE_CHARS)) >= 17)):
            found.add("plate")  # "KX19 ABC", a VIN
        pre = text[max(0, s - 3):s]
        pre = pre[:-1] if pre[-1:].isspace() else pre
        if len(pre) >= 2 and pre[-2:].isascii() and pre[-2:].isalpha():
            found.add("ni")  # "QQ 60", "qq 81"
    return found


# which sign each of deid_context.DATE_FORMS needs (same order); None: the word "clock"
DATE_SIGNS = ("weekday", "ordinal", "ordinal", "time", "hhmm", ".", ".", None, "/", "/", "hyphen", ".", "ap", "ordinal",
              "cjk", "dia", "h", "/")
_WEEKDAY_STEMS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAYS = frozenset(str.split("mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat "
                                "saturday sun sunday"))


# round ten (set J's second look: "since ۱۴۰۲/۱۲/۰۵"): the digits of other scripts (Arabic-Indic, Persian, Indian
# scripts, Thai, Lao, Tibetan, Myanmar, Khmer, fullwidth) written as 0-9, one character for one, so that every
# rule that reads a date, a number or a code reads them as it reads ASCII digits
_DIGIT_BLOCKS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
                 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10)
_TO_ASCII_DIGITS = {zero + k: ord("0") + k for zero in _DIGIT_BLOCKS for k in range(10)}
_OTHER_DIGIT = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _DIGIT_BLOCKS) + "]")


def ascii_digits(text: str) -> str:
    """``text`` with the digits of other scripts written 0-9 (the same length: offsets stay); itself if none."""
    if text.isascii() or not _OTHER_DIGIT.search(text):
        return text
    return text.translate(_TO_ASCII_DIGITS)
