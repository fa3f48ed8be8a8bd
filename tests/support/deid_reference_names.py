"""The reference de-identifier's names, places and organisations (tests/support/deid_reference.py): runs of
capitalised words and the cues around them, the plain copy of healthviz_desktop/core/prompting/deid_names.py that
the equivalence tests compare the fast one against. A change in WHAT is found is made here and there alike."""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting.deid_glosses import glossed
from healthviz_desktop.core.prompting.deid_run_context import honorific_next, inside_a_name  # shared, as they are
from healthviz_desktop.core.prompting.deid_things import (  # shared, as they are
    OWNED_SIGN,
    PLURAL_ACRONYM,
    after_dose,
    bracketed_product,
    drug_run,
    finding_next,
    named_as_a_product,
    person_role,
    switched_treatment,
)
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, drug_given_names, fold, key, word_lists
from tests.support import deid_reference_patterns as P
from tests.support.deid_reference_groups import (
    _PUNCT,
    TITLE_ABBREVIATIONS,
    TITLE_TAILS,
    Add,
    Word,
    _Group,
    bare,
    joins_after_stop,
)
from tests.support.deid_reference_things import (
    _AMOUNT_WORDS,
    _COUNT,
    _DOES,
    _DOSE_TIMES,
    _DOSE_WORDS,
    _EPONYM_NOUNS,
    _FACILITY_BEFORE,
    _FACILITY_ENDS,
    _GENERIC_HOSPITALS,
    _HOSPITAL_AFTER,
    _LINE_WORDS,
    _LIST_JOINS,
    _PERSON_NEXT,
    _THING_NEXT,
    _acts_as_a_person,
    _calendar_words,
    _clinical_words,
    _eponym_phrases,
    _foreign_word,
    _listed_phrase,
    _one_product,
    _opening_foreign_word,
    _product_use,
    _relation_in_brackets,
)

_STREET_BEFORE = frozenset(("on", "off", "along", "bd", "blvd", "av", "ave", "rue", "rua", "calle", "via", "ul"))

def names(text: str, groups: list[_Group], add: Add) -> None:
    """Capitalised runs that read as a name (after a title or relation, a known given name, or an unknown
    word mid-sentence) or as a place (an unknown word after "in", "at", "near"...)."""
    lex = P.lexicon()
    not_name = lex.not_name
    for g in groups:
        run: list[Word] = []
        # a title right before the run ("Dr Bell"), not one that ends a phrase ("for the nurse: Mon 142/88")
        # "Dr. Bell"; "dr. de Wit", "Dr van der Merwe": a surname's particles between the title and the name
        titled = (g.prev in lex.titles and _titles(text, g.start, g.prev, g.words[0][0])) or (
            g.prev in NAME_PARTICLES and (g.prev2 in lex.titles or g.prev2 in NAME_PARTICLES)) or (
            g.prev in TITLE_TAILS and (g.prev2 in lex.titles or g.prev2 in TITLE_TAILS)
            and joins_after_stop(g.prev, g.words[0][0]))  # "Dr. med. Vogel"
        prev, prev2, at_start = g.prev, g.prev2, g.sentence_start
        if prev in ("attn", "fao") and text[max(0, g.start - 3):g.start].rstrip().endswith(":"):
            at_start = False  # "attn: Dawn": a colon after "for the attention of" opens no sentence
        words = list(g.words)
        for k, (w, s, e) in enumerate(words):
            b = bare(w)
            joins_place = b in lex.place_prefixes and k + 1 < len(words)
            if run and _owned_thing(text, run, b, s):
                _name_run(text, run, prev, prev2, at_start, titled, add)
                run, titled = [], False
                prev2, prev, at_start = prev, b, False
                continue
            if run and not titled and _drug_after_a_word(b, text, e):
                _name_run(text, run, prev, prev2, at_start, titled, add)
                run = []
                prev2, prev, at_start = prev, b, False
                continue
            if run and b not in lex.titles and b not in lex.relations and (
                    b not in _TIME_WORDS or inside_a_name(words, k)):
                run.append((w, s, e))  # "Robert Frost": once a name has begun, the run is its surname
                continue
            # a sentence that starts with an ordinary word ("Trying Tiger Balm") starts no name with it
            opener = k == 0 and at_start and b not in lex.ambiguous_first_names and word_lists().is_plain_word(key(b)) \
                and not _acts_as_a_person(key(b), text, e) \
                and not (key(b) not in word_lists().english and honorific_next(text, e))
            # right after "Dr", "Mrs", "Prof" a word of the not-a-name list is a surname all the same ("Dr Long",
            # "Dr. Tamam"; round ten)
            surname = not run and titled and prev in TITLE_ABBREVIATIONS and b not in lex.relations \
                and b not in _TIME_WORDS
            if b in lex.titles or (b in not_name and not joins_place and not surname) or opener \
                    or (run and b in _TIME_WORDS):
                if run:
                    _name_run(text, run, prev, prev2, at_start, titled, add)
                    run = []
                # "says Hausarzt. Small meals": a title written out and a full stop end the sentence
                titled = b in lex.titles and (b in TITLE_ABBREVIATIONS or text[e:e + 1] != ".")
                prev2, prev, at_start = prev, b, False
                continue
            run.append((w, s, e))
        if run:
            _name_run(text, run, prev, prev2, at_start, titled, add)


_USE_VERBS = frozenset(("took", "take", "takes", "taking", "tried", "try", "trying", "used", "use", "using",
                        "drinking", "drank", "sipping", "swallowed", "chewed", "chewing", "inhaled", "applying",
                        "applied", "apply", "started", "stopped", "restarted", "bought", "ordered", "prescribed",
                        "switched", "swapped", "increased", "reduced", "upped", "dropped"))
_PRODUCT_AFTER = (r"\s+(?:spray|sprays|tablets?|tabs?|cream|gel|inhaler|patch|patches|drops|pump|capsules?|syrup|"
                  r"lotion|ointment|nasal|injections?|pen|pens|sensor|monitor|app|strips?|lozenges?|brand|express|"
                  r"forte|extra|plus|max|rapid|advance|duo|xr|sr|cr|odt|liquigels?|caplets?|jelly|juice|sachets?|"
                  r"powder|granules|solution|suppositor(?:y|ies)|pessar(?:y|ies)|mouthwash|rinse|balm|device|frame|stockings|"
                  r"sponge|cake|wrap|sandwich|roll|pie|biscuits?|crisps|noodles|soup|latte|smoothie|yog(?:h)?urt|"
                  r"cereal|pizza|burger|meal|"
                  # session twenty-three: its prescription, a spoken count of it ("EpiPen prescription", "Oestrogel
                  # two pumps"; not "refill", a verb too: "Asked Kate refill the jug")
                  r"prescriptions?|scripts?|(?:one|two|three|four|five|six|half\s+a|a)\s+(?:pumps?|puffs?|"
                  r"tabs?|tablets?|drops?|sprays?|sachets?|capsules?|caps|units?|doses?|squirts?))\b")
# what is done with a device or a drug, after its name (session sixteen, set O's moved entries: "Mirena removal")
_DEVICE_ACT_AFTER = re.compile(r"\s+(?i:removal|insertion|implant|coil|refills?)\b")


_OWNERS = frozenset(str.split("my his her their our your"))
_REFILL_AFTER = re.compile(r"\s+(?i:refills?|prescriptions?|scripts?|repeats?)\b")
_DOSE_CHANGES = frozenset(str.split("upped increased reduced stopped started restarted used applied inhaled swallowed "
                                    "doubled halved missed skipped weaned tapered"))


def _drug_after_a_word(b: str, text: str, end: int) -> bool:
    """A drug the lists know, no name, with its dose after it ("Toma Adiro 100"): no surname."""
    k = key(b)
    return k in word_lists().drugs and not word_lists().is_name(k) and re.match(r"[\s,]*\d", text[end:]) is not None


def _owned_thing(text: str, run: list[Word], b: str, start: int) -> bool:
    """Whether ``b`` (folded, at ``start``) after a run ending in a possessive is a thing the person has: a medical
    or drug word, an eponym's condition ("Jonah's Crohn's") or a common proper noun, never a facility's word
    ("Women's Hospital") nor a name."""
    if not run[-1][0].endswith(("'s", "’s")):
        return False
    lex, lists, k = P.lexicon(), word_lists(), key(b)
    if lex.eponym.match(text, start) is not None:
        return True
    return (k in lists.medical or k in lists.drugs or k in COMMON_PROPER) and b not in lex.facility_words \
        and b not in _GENERIC_HOSPITALS and not lists.is_name(k) and b not in lex.first_names \
        and b not in lex.ambiguous_first_names


def _medical_not_foreign(word: str) -> bool:
    """A word of the medical lists that is no clinical word of another language: a product's own word may follow
    the one ("Lemsip Max"), never the other ("plastische chirurgie Erasmus MC"; session thirty-three)."""
    lists = word_lists()
    return key(word) in lists.medical and key(word) not in lists.foreign_clinical


def _titles(text: str, start: int, title: str, word: str) -> bool:
    """Whether a title right before a run names it: not one that ends a phrase ("for the nurse: Mon 142/88") or,
    written out, a sentence ("eye doctor. Macular degeneration"); "Dr. Bell" is one."""
    before = text[max(0, start - 8):start].rstrip()
    return not before.endswith((":", ",", ";")) and not (before.endswith(".") and not joins_after_stop(title, word))


def _cued(prev: str, length: int) -> bool:
    """Whether the word before a run of ordinary words makes it a name ("called Blessing") or a place ("at Valley
    Regional"): a name cue other than "and", or a place cue before two words or more."""
    lex = P.lexicon()
    return (prev in lex.name_cues and prev not in ("and", "by", "thank", "thanks")) or (
        length > 1 and prev in lex.place_cues)


_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "some", "any", "another"))
NAME_PARTICLES = frozenset(str.split("de del della der di da van von le la du dos das ter ten den"))
# "at the Spire", "up the Heath": a lone capitalised word after one of these and "the" is a place, unless a word
# for any such place ("the Pharmacy", "the Gym") or a product
# ("in the Arndale", "by the Quays": "in", "by" and "past" since round twelve)
_PLACE_THE = frozenset(str.split("at to from near up outside into opposite behind round in by past"))
# after these, only a word no list knows: "in the Praxis", "by the Persian calendar", "in the Neurologie" are words
_PLACE_THE_STRICT = frozenset(("in", "by", "past"))
# a capital mid-sentence after these names the place even when it is a word ("from Standoff", "out of Mallow";
# "from", "near" and "out of" since round twelve)
_AT_LIKE = frozenset(("at", "from", "near"))
_GENERIC_PLACES = frozenset(str.split("""pharmacy chemist chemists doctors doctor's dentist dentists dentist's office
    shop shops store supermarket park beach library station airport pub cinema bar restaurant cafe hotel surgery ward
    unit lab labs hospital clinic gym pool centre center moment time end start top bottom front back hairdressers
    salon vets vet's practice bank post mall market theatre theater desk counter reception cafeteria canteen hours"""))
 # and in the
    # languages people mix in, folded: "Luftal pra gases", "Doliprane pour la douleur"
# what a person does, after an ordinary word that is also a given name at the start of a sentence ("Ken had")
_NAME_ACTS = (r"\s+(?:said|says|told|asked|came|rang|called|texted|phoned|drove|brought|took|gave|bought|had|got|"
              r"made|sent|covered|helped|picked|dropped|spotted|finally|set\s+up|next\s+door|"
              r"from\s+(?:the|my|our|his|her|work|next))\b")


def _name_run(text: str, run: list[Word], prev: str, prev2: str, at_start: bool, titled: bool,
              add: Add) -> None:
    lex = P.lexicon()
    start, end = run[0][1], run[-1][2]
    if re.search(r"['’]s?$", text[start:end]):  # "Jonah's": the possessive stays readable
        end -= 2 if text[end - 1] == "s" else 1
    first = bare(run[0][0])
    if all(len(bare(w)) == 1 for w, _, _ in run) and not titled:
        return  # "Vitamin D", "Hep C": lone letters are not names
    if len(run) > 1 and (" ".join(bare(w) for w, _, _ in run) in _eponym_phrases() or " ".join(
            w.casefold().replace("’", "'") for w, _, _ in run) in _eponym_phrases() or " ".join(
            text[start:end].casefold().split()) in _eponym_phrases()):  # "St Patrick's Day" as listed, "Grace of God"
        return  # "Braxton Hicks", "Lou Gehrig": an eponym of two words
    if len(run) == 1 and not titled and _listed_phrase(text, start, end):
        return  # "Saint-Jean", "Sainte patience": a feast or a saint called on, as the lexicon lists it (round nine)
    if len(run) == 1 and not titled and prev not in lex.name_cues:
        if fold(first) in _calendar_words():
            return  # "März is always bad", "Montag": a month or a weekday of another language
        if glossed(text, end) and (at_start or prev in _DETERMINERS) and not _known_name(first):
            return  # "Kebdi (stomach)", "Xew (sleep)": a word of another language the writer translates (round 13)
        eponym = _EPONYM_NOUNS.match(text, end)
        if eponym is not None and (eponym.group("weak") is None or (
                first not in lex.first_names and first not in lex.ambiguous_first_names)):
            return
        if OWNED_SIGN.match(text, end) and not _known_name(first):
            return  # "Darier's sign, apparently"
        if after_dose(text, start) and first not in lex.first_names \
                and first not in lex.ambiguous_first_names and not word_lists().is_name(key(first)) \
                and not re.match(_NAME_ACTS, text[end:end + 24], re.IGNORECASE) and not _PERSON_NEXT.match(text, end):
            return
    if not titled and bare(run[0][0]) in ("tab", "tabs", "cap", "caps", "inj", "syp", "syr", "susp") \
            and 1 < len(run) <= 3:
        return
    if len(run) == 1 and not titled and first.endswith("ic") and re.match(r"\s+(?i:acid)\b", text[end:]) \
            and first not in lex.first_names:
        return
    if len(run) == 2 and (bare(run[1][0]) in _LINE_WORDS or (bare(run[1][0]) == "jr" and key(
            bare(run[0][0])) in word_lists().drugs)) and bare(run[0][0]) not in lex.first_names \
            and not titled and prev not in lex.name_cues and not word_lists().is_name(key(bare(run[0][0]))):
        return  # "Feminax Express", "Nurofen Plus", "EpiPen Jr": a product and the line it belongs to
    ends = text[:start].rstrip()[-1:]
    after_relation = (")" not in text[max(0, start - 4):start] and (prev in lex.relations and ends not in (
        ":", ";", "."))) or (
        prev2 in lex.relations and ends == ",")
    # "The nurse on the day unit, Precious, was lovely": one word set off by commas after a person word
    set_off = len(run) == 1 and text[:start].endswith(", ") and text[end:end + 1] == "," and \
        not lex.relations.isdisjoint(
        w.strip(_PUNCT).casefold() for w in text[max(0, start - 60):start].split()[-7:])
    if titled or after_relation or set_off or first in lex.first_names or _relation_in_brackets(text, end) or (
            first in lex.ambiguous_first_names and len(run) > 1):
        add(("name", start, end))
    elif len(run) == 1 and prev in lex.name_cues and key(first) in word_lists().drugs \
            and not word_lists().is_name(key(first)) and first not in lex.ambiguous_first_names \
            and key(first) not in drug_given_names():
        return  # "dressed with Mepilex", "treated with Lasix": a drug the lists know, no one's name, after "with"
    elif len(run) == 1 and prev == "the" and prev2 in _PLACE_THE and not at_start and first not in _GENERIC_PLACES \
            and "-" not in first and (prev2 not in _PLACE_THE_STRICT or not (
                word_lists().is_word(key(first)) or _foreign_word(first))) \
            and first not in lex.known_words and first not in lex.titles and first not in lex.relations \
            and key(first) not in word_lists().drugs and not re.match(_PRODUCT_AFTER, text[end:end + 16], re.I):
        add(("place", start, end))  # "ENT at the Mater", "up the Heath"
    elif (first in lex.ambiguous_first_names or key(first) in word_lists().name_words) and len(run) == 1 and (
            re.match(_NAME_ACTS, text[end:end + 24], re.IGNORECASE) or (
                re.match(r"['’]s?\s", text[end:end + 3]) and prev not in _DETERMINERS) or (
                at_start and prev not in _DETERMINERS and _DOES.match(text, end)) or honorific_next(text, end)):
        # "Bill from the pharmacy", "Grace said", "Ken had", "Frank's snoring"; "Hunter pushed me", "Faith
        # stayed", "Sunny and i went", "Wade thinks"
        add(("name", start, end))
    elif len(run) == 1 and honorific_next(text, end) and key(first) not in word_lists().english \
            and first not in lex.known_words:
        add(("name", start, end))
    elif len(run) == 1 and not at_start and (key(prev) in word_lists().drugs or _medical_not_foreign(prev)
                            or prev in _clinical_words()) and not (
                re.search(r"[,;:(]\s*$", text[max(0, start - 3):start])
                and re.match(_NAME_ACTS, text[end:end + 24], re.IGNORECASE)) and not (
                person_role(prev) and text[start - 1:start].isspace() and text[start - 2:start - 1].isalpha()):
        return  # "Lemsip Max", "Tylenol PM": a product's own word after it (not "at daycare, Kylie from the"; not
        # "Sonographer Tamsin")
    elif len(run) == 1 and not at_start and (prev == "at" or ("-" not in first and key(first) not in COMMON_PROPER and (
            prev in _AT_LIKE or (prev == "of" and prev2 == "out")))) and word_lists().is_plain_word(key(first)) \
            and first not in _GENERIC_PLACES and first not in lex.known_words \
            and key(first) not in word_lists().medical \
            and key(first) not in word_lists().drugs and not re.match(_PRODUCT_AFTER, text[end:end + 16], re.I):
        add(("place", start, end))  # "at Shoppers", "at Foothills": a capital mid-sentence names the place
    elif len(run) == 1 and prev in _LIST_JOINS and (prev2 in _DOSE_WORDS or key(prev2) in word_lists().drugs
                                                    or prev2 in _clinical_words() or _COUNT.fullmatch(prev2)) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names:
        return  # "took Diatabs 2 caps and Erceflora": a product listed after another
    elif len(run) == 1 and not at_start and first not in _GENERIC_HOSPITALS and first not in lex.condition_words \
            and _HOSPITAL_AFTER.match(text, end):
        add(("place", start, end))  # "the Mater hospital", "at Tallaght hospital"
    elif len(run) == 1 and at_start and len(first) > 6 and first.endswith("ing") \
            and not re.match(_NAME_ACTS, text[end:end + 24], re.IGNORECASE) \
            and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names:
        return  # "Sundowning again": a sentence that opens with a doing word
    elif len(run) > 1 and bare(run[-1][0]) in _FACILITY_ENDS and not at_start:
        add(("place", start, end))  # "the Jewish General", "BC Women's": a hospital named by what it is
    elif len(run) == 1 and _acts_as_a_person(key(first), text, end):
        add(("name", start, end))  # "Hemi says", "Ola massaged", "Tobi rang": a word only the medical lists know,
        # doing what only a person does (not "Physio says", "Cardiology said": roles and services speak too)
    elif (all(word_lists().is_plain_word(key(bare(w))) for w, _, _ in run) and not _cued(prev, len(run))) or (
            len(run[0][0]) > 1 and run[0][0].split("-")[0].isupper()):
        return  # "Tiger Balm", "Deep Heat": ordinary words that are no one's name; "PMDD-ish"
    elif _one_product(run) and text[end:end + 1] not in ("'", "’") and ((prev in _USE_VERBS and not at_start)
                            or (prev in _OWNERS and (prev2 in _DOSE_CHANGES or _REFILL_AFTER.match(text, end))
                                and first not in lex.first_names)
                            or (_DOSE_AFTER.match(text, end, end + 16) and prev not in _WHERE_BEFORE_A_NUMBER)) and \
            first not in lex.ambiguous_first_names and not word_lists().is_name(key(first)):
        return  # "took Lomotil x1", "Buspar 10": a product, not a person
    elif _one_product(run) and prev.isdigit() and prev2 in _USE_VERBS and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names:
        return  # "took 2 Feminax": a count of a product
    elif _one_product(run) and prev == "of" and (prev2 in _DOSE_WORDS or prev2 in _AMOUNT_WORDS
                                                  or _COUNT.fullmatch(prev2)) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names:
        return  # "2 puffs of Asmol", "a course of Augmentin", "10ml of Calpol": an amount of a product
    elif _one_product(run) and named_as_a_product(text, start, end, prev, prev2) and not _known_name(first) \
            and not _PERSON_NEXT.match(text, end):
        return  # "Painkiller Ultracet.", "Ibuprofen 400 + Robaxacet."
    elif _one_product(run) and prev in _DOSE_TIMES and prev2 in ("the", "my", "her", "his", "their", "our", "your") \
            and not word_lists().is_name(key(first)) and first not in lex.first_names \
            and not _PERSON_NEXT.match(text, end):
        return  # "the afternoon Sinemet", "my night Seroquel": a dose named by when it is taken
    elif _one_product(run) and re.match(_PRODUCT_AFTER, text[end:end + 16], re.IGNORECASE):
        return  # "Dymista spray", "Medtronic pump": a product
    elif re.match(r"\s*\((?:my|our|his|her|their|the)\s", text[end:end + 8], re.IGNORECASE):
        add(("name", start, end))  # "Hope (my therapist)"
    elif first in lex.ambiguous_first_names and re.match(_NAME_ACTS, text[end:end + 24], re.IGNORECASE):
        add(("name", start, end))
    elif first in lex.ambiguous_first_names and (at_start or (prev not in lex.name_cues and prev in _DETERMINERS)):
        # (at a sentence's start whatever ended the last one: "noise helped. Hope tomorrow is quieter"; round twelve)
        return  # "Grace", "Will" starting a sentence could be ordinary words (mid-sentence, a capital makes a name)
    elif len(run) == 1 and (prev not in lex.name_cues or prev in ("and", "by", "thank", "thanks", "dear")) and \
            word_lists().is_plain_word(key(first)):
        return  # "Nurtec", "Hgb", "Tired": a medical word or an ordinary word that is no one's name
    elif len(run) == 1 and prev in _DETERMINERS:
        return  # "the Trelegy", "a Fitbit": after an article a lone unknown word is a thing, not a person
    elif len(run) == 1 and switched_treatment(text, start, end, prev) and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names \
            and not _PERSON_NEXT.match(text, end):
        return
    elif prev not in lex.name_cues and prev not in lex.place_cues and _product_use(text, end) \
            and not word_lists().is_name(key(first)) \
            and first not in lex.first_names:
        return  # "Betapyn for the headache", "Corenza C at night": how a product is used
    elif len(run) == 1 and key(first) in word_lists().drugs and re.match(_DEVICE_ACT_AFTER, text[end:end + 16]) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names \
            and first not in lex.ambiguous_first_names:
        return  # "with Mirena removal", "Nexplanon insertion": a drug or device and what is done with it
    elif prev in _FACILITY_BEFORE and not at_start:
        add(("place", start, end))  # "Hospital Şehitkamil", "Klinikum Rechts", "apteka Ziko": a facility's name
    elif (prev in lex.place_cues or (prev in _IN_OTHER_LANGUAGES and _foreign_word(first))) and not at_start:
        add(("place", start, end))
    elif not titled and prev not in lex.name_cues and (drug_run([bare(w) for w, _s, _e in run]) or (len(run) == 1 and (
            PLURAL_ACRONYM.fullmatch(run[0][0]) or bracketed_product(text, start, end, prev or prev2, first)
            or (not _known_name(first) and prev not in lex.place_cues and prev not in _STREET_BEFORE
                and finding_next(text, end))))):
        return  # products, clinical terms (session twenty-nine)
    elif len(run) > 1 or prev in lex.name_cues or (not at_start and (
            word_lists().is_name(key(first)) or first in lex.first_names or _PERSON_NEXT.match(text, end)
            or not _foreign_word(first))):
        add(("name", start, end))
    elif not word_lists().is_word(key(first)) and first not in lex.known_words and not re.match(
            r"\s+\d", text[end:end + 3]) and not _product_use(text, end) and (
            # (a proper-noun list's word alone is a town or a name, "Chicago.", no product: session twenty-five)
            not _THING_NEXT.match(text, end) or word_lists().is_name(key(first))) and (
            not _opening_foreign_word(first, text, end) or _PERSON_NEXT.match(text, end)) and (
            not P.ADDED_CAPITAL.match(run[0][0]) or _PERSON_NEXT.match(text, end)):
        # a sentence starts with a word no list knows: "Callum and I", "Ngozi rang" (not "Norco 1 tab", nor
        # "Schmerzen since Monday", an everyday word of another language)
        add(("name", start, end))


def _known_name(first: str) -> bool:
    """``first`` (folded) is a given name some list of names knows."""
    lex = P.lexicon()
    return word_lists().is_name(key(first)) or first in lex.first_names or first in lex.ambiguous_first_names


# a count or dose after a product ("Buspar 10", "Lomotil x1"), not a year after a place ("at Waiouru 1979-83"; a
# year-like dose has its unit: "Fultium 2000 IU"; round thirteen)
_DOSE_AFTER = re.compile(r"\s*(?!(?:[01]?\d|2[0-3])(?::[0-5]\d|\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)))"
                         r"(?!\d{1,2}(?i:st|nd|rd|th)\b|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/]|[.,]\d)"
                         r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/]|[.,]\d))"
                         r"(?!(?:[01]\d|2[0-3])[0-5]\d\s+(?i:shift|hrs|hours|handover)\b)"
                         r"(?:x\s?\d|\d)(?!(?:(?<=1)9\d\d|(?<=2)0\d\d)(?![\d\s]*(?i:iu|u|mg|mcg|µg|ml|units?|g)\b))")

# where a number after a capital is the place's own ("at Phyathai 2"), not a dose
_WHERE_BEFORE_A_NUMBER = frozenset(str.split("at in near around across outside room hostel live lives living"))

# words of time that end a run of capitalised words ("Dr Castellanos Tue 9/24", "Ysbyty Gwynedd Thursday")
_IN_OTHER_LANGUAGES = ("w", "we", "v", "ve", "på", "z", "ze", "do", "til")
_TIME_WORDS = P.MONTH_WORDS | frozenset(str.split("""monday tuesday wednesday thursday friday saturday sunday mon
    tue tues wed weds thu thur thurs fri sat sun today tonight tomorrow yesterday"""))

