"""Round eighteen of issue 15 (session nineteen). A second reader's sentences showed a department's short name
taken for the name of a place ("NTM pneumo clinic wants more sputum" became "NTM [PLACE] wants more sputum"): the
short forms of departments, in English and the languages people mix in, are clinical words now, in the
de-identifier and in the allowlist. (The same reader's look at a rule for hospitals' acronyms before a department
or a deed, "KIMS did the X-ray", found as many clinical acronyms hidden as hospitals, "SIBO diagnosed", "EMDR gave
me": that rule was taken back, and is not here.)"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.composer import explainer_text
from healthviz_desktop.core.prompting.deidentify import deidentify

SHORT_FORMS = ["pneumo", "pulmo", "hepato", "diabeto", "endocrino", "hemato", "haemato", "rheumato", "neumo",
               "nefro", "onko", "kardio", "gyne", "gynae", "urogyn"]


@pytest.mark.parametrize("word", SHORT_FORMS)
def test_a_department_s_short_name_before_clinic_is_no_place(word: str) -> None:
    for text in (f"saw the {word} clinic today", f"{word.capitalize()} clinic said the scan is fine."):
        assert deidentify(text).text == text
        assert word in explainer_text(text)[0].lower()


def test_a_named_clinic_still_goes_after_its_department() -> None:
    out = deidentify("NTM pneumo clinic at Varnley General wants more sputum.").text
    assert "pneumo clinic" in out and "Varnley" not in out
