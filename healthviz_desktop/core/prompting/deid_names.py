"""Names, places and organisations in free text, found from runs of capitalised words and from cues
("works at ..."): the part of the de-identifier (deidentify.py) that reads words rather than digits."""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cap_groups import PUNCT, Add, CapGroup, Word, bare
from healthviz_desktop.core.prompting.deid_glosses import glossed
from healthviz_desktop.core.prompting.deid_run_context import (
    AT_LIKE,
    DETERMINERS,
    DEVICE_ACT_AFTER,
    DOES,
    DOSE_AFTER,
    FACILITY_BEFORE,
    FACILITY_ENDS,
    GENERIC_HOSPITALS,
    GENERIC_PLACES,
    HOSPITAL_AFTER,
    NAME_ACTS,
    NAME_PARTICLES,
    PERSON_NEXT,
    PLACE_THE,
    PLACE_THE_STRICT,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    TITLE_TAILS,
    honorific_next,
    inside_a_name,
    joins_after_stop,
    known_name,
    listed_phrase,
    person_acts_after,
    relation_in_brackets,
)
from healthviz_desktop.core.prompting.deid_things import (
    AMOUNT_WORDS,
    COUNT,
    DOSE_TIMES,
    DOSE_WORDS,
    EPONYM_NOUNS,
    LINE_WORDS,
    LIST_JOINS,
    OWNED_SIGN,
    PLURAL_ACRONYM,
    PRODUCT_AFTER,
    THING_NEXT,
    USE_VERBS,
    after_dose,
    bracketed_product,
    calendar_words,
    clinical_words,
    drug_run,
    eponym_phrases,
    finding_next,
    foreign_word,
    named_as_a_product,
    one_product,
    opening_foreign_word,
    person_role,
    product_use,
    switched_treatment,
)
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, drug_given_names, fold, key, word_lists

# "in", "at", "from" and "to" of languages that write a common noun in lower case mid-sentence: Polish, Czech and
# Slovak, the Scandinavian languages (round nineteen; not Norwegian "i", English's "i")
_IN_OTHER_LANGUAGES = frozenset(("w", "we", "v", "ve", "på", "z", "ze", "do", "til"))
# where a capital names a street, not a test before its finding ("ECG at the clinic on bd Zerktouni normal")
_ON_A_STREET = frozenset(str.split("on off along bd blvd av ave rue rua calle via ul"))


def find_names(text: str, groups: list[CapGroup], add: Add) -> None:
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
                # "Ollie's Angelman", "Maya's Medicaid ID": after a name's possessive, a clinical word or a
                # service is what the person has, not the rest of the name
                _name_run(text, run, prev, prev2, at_start, titled, add)
                run, titled = [], False
                prev2, prev, at_start = prev, b, False
                continue
            if run and not titled and _drug_after_a_word(b, text, e):
                # "Toma Adiro 100", "Beriem Ketonal 50", "Пила Нурофен 400": a listed drug and its dose after a verb
                # of another language is no surname; the run ends before it
                _name_run(text, run, prev, prev2, at_start, titled, add)
                run = []
                prev2, prev, at_start = prev, b, False
                continue
            if run and b not in lex.titles and b not in lex.relations and (
                    b not in TIME_WORDS or inside_a_name(words, k)):
                run.append((w, s, e))  # "Robert Frost": once a name has begun, the run is its surname
                continue
            # a sentence that starts with an ordinary word ("Trying Tiger Balm") starts no name with it
            opener = k == 0 and at_start and b not in lex.ambiguous_first_names and word_lists().is_plain_word(key(b)) \
                and not person_acts_after(key(b), text, e) \
                and not (key(b) not in word_lists().english and honorific_next(text, e))  # ("Chitra akka")
            # right after "Dr", "Mrs", "Prof" a word of the not-a-name list is a surname all the same ("Dr Long",
            # "Dr. Tamam"; round ten)
            surname = not run and titled and prev in TITLE_ABBREVIATIONS and b not in lex.relations \
                and b not in TIME_WORDS
            if b in lex.titles or (b in not_name and not joins_place and not surname) or opener \
                    or (run and b in TIME_WORDS):
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


_DOSE_NEXT = re.compile(r"[\s,]*\d")


def _drug_after_a_word(b: str, text: str, end: int) -> bool:
    """Whether ``b`` (folded, ending at ``end``) is a drug the lists know, no name, with its dose after it."""
    lists, k = word_lists(), key(b)
    return k in lists.drugs and not lists.is_name(k) and _DOSE_NEXT.match(text, end) is not None


# the owner between a use verb and what is used ("upped his Clenil", "used her Asmol")
_OWNERS = frozenset(str.split("my his her their our your"))
# what is filled for an owner ("for my Epilim refill"; "Asked Kate refill the jug" is a person asked)
_REFILL_AFTER = re.compile(r"\s+(?i:refills?|prescriptions?|scripts?|repeats?)\b")
# what is done to a dose, never to a person ("took her Kemi to school" is a child taken somewhere)
_DOSE_CHANGES = frozenset(str.split("upped increased reduced stopped started restarted used applied inhaled swallowed "
                                    "doubled halved missed skipped weaned tapered"))


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
        and b not in GENERIC_HOSPITALS and not lists.is_name(k) and b not in lex.first_names \
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


# session twenty-four (set V): the dosage forms a prescription writes before a product, as Indian and South-East Asian
# prescriptions do ("Tab Ecosprin 75mg after lunch", "Inj Clexane", "Syp Ascoril")
_DOSAGE_FORMS = frozenset(str.split("tab tabs cap caps inj syp syr susp"))
_ACID_AFTER = re.compile(r"\s+(?i:acid)\b")
# session thirty: where a number after a capital is the place's own ("at Phyathai 2", "around Lac 2", "in hostel room
# Jwalamukhi 214"), not a dose (a known drug never comes here: "at Clexane 40" stays); not after "to", "from" or "on",
# which switch or take a product ("switched to Vexlo 10", "on Lyrica 75")
_WHERE_BEFORE_A_NUMBER = frozenset(str.split("at in near around across outside room hostel live lives living"))


def _name_run(text: str, run: list[Word], prev: str, prev2: str, at_start: bool, titled: bool,
              add: Add) -> None:
    lex = P.lexicon()
    start, end = run[0][1], run[-1][2]
    if re.search(r"['’]s?$", text[start:end]):  # "Jonah's": the possessive stays readable
        end -= 2 if text[end - 1] == "s" else 1
    first = bare(run[0][0])
    if all(len(bare(w)) == 1 for w, _, _ in run) and not titled:
        return  # "Vitamin D", "Hep C": lone letters are not names
    if len(run) > 1 and (" ".join(bare(w) for w, _, _ in run) in eponym_phrases() or " ".join(
            w.casefold().replace("’", "'") for w, _, _ in run) in eponym_phrases() or " ".join(
            text[start:end].casefold().split()) in eponym_phrases()):  # "St Patrick's Day" as listed, "Grace of God"
        return  # "Braxton Hicks", "Lou Gehrig": an eponym of two words
    if len(run) == 1 and not titled and listed_phrase(text, start, end):
        return  # "Saint-Jean", "Sainte patience": a feast or a saint called on, as the lexicon lists it (round nine)
    if len(run) == 1 and not titled and prev not in lex.name_cues:
        if fold(first) in calendar_words():
            return  # "März is always bad", "Montag": a month or a weekday of another language
        if glossed(text, end) and (at_start or prev in DETERMINERS) and not known_name(first):
            return  # "Kebdi (stomach)", "Xew (sleep)": a word of another language the writer translates (round 13)
        eponym = EPONYM_NOUNS.match(text, end)
        if eponym is not None and (eponym.group("weak") is None or (
                first not in lex.first_names and first not in lex.ambiguous_first_names)):
            return
        if OWNED_SIGN.match(text, end) and not known_name(first):
            return  # "Darier's sign, apparently": an eponym's sign, not a person
        if after_dose(text, start) and first not in lex.first_names \
                and first not in lex.ambiguous_first_names and not word_lists().is_name(key(first)) \
                and not re.match(NAME_ACTS, text[end:end + 24], re.IGNORECASE) and not PERSON_NEXT.match(text, end):
            return
    if not titled and bare(run[0][0]) in _DOSAGE_FORMS and 1 < len(run) <= 3:
        return  # "Tab Ecosprin 75mg", "Inj Clexane 40": a prescription's dosage form before its product
    if len(run) == 1 and not titled and first.endswith("ic") and _ACID_AFTER.match(text, end) \
            and first not in lex.first_names:
        return  # "Alendronic acid", "Tranexamic acid": an acid, not a person (not "Eric acid reflux again")
    if len(run) == 2 and (bare(run[1][0]) in LINE_WORDS or (bare(run[1][0]) == "jr" and key(
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
        w.strip(PUNCT).casefold() for w in text[max(0, start - 60):start].split()[-7:])
    if titled or after_relation or set_off or first in lex.first_names or relation_in_brackets(text, end) or (
            first in lex.ambiguous_first_names and len(run) > 1):
        add(("name", start, end))
    elif len(run) == 1 and prev in lex.name_cues and key(first) in word_lists().drugs \
            and not word_lists().is_name(key(first)) and first not in lex.ambiguous_first_names \
            and key(first) not in drug_given_names():
        return  # "dressed with Mepilex", "treated with Lasix": a drug the lists know, no one's name, after "with"
    elif len(run) == 1 and prev == "the" and prev2 in PLACE_THE and not at_start and first not in GENERIC_PLACES \
            and "-" not in first and (prev2 not in PLACE_THE_STRICT or not (
                word_lists().is_word(key(first)) or foreign_word(first))) \
            and first not in lex.known_words and first not in lex.titles and first not in lex.relations \
            and key(first) not in word_lists().drugs and not re.match(PRODUCT_AFTER, text[end:end + 16], re.I):
        add(("place", start, end))  # "ENT at the Mater", "up the Heath"
    elif (first in lex.ambiguous_first_names or key(first) in word_lists().name_words) and len(run) == 1 and (
            re.match(NAME_ACTS, text[end:end + 24], re.IGNORECASE) or (
                re.match(r"['’]s?\s", text[end:end + 3]) and prev not in DETERMINERS) or (
                at_start and prev not in DETERMINERS and DOES.match(text, end)) or honorific_next(text, end)):
        # "Bill from the pharmacy", "Grace said", "Ken had", "Frank's snoring"; "Hunter pushed me", "Faith
        # stayed", "Sunny and i went", "Wade thinks"
        add(("name", start, end))
    elif len(run) == 1 and honorific_next(text, end) and key(first) not in word_lists().english \
            and first not in lex.known_words:
        add(("name", start, end))  # "Chitra akka will come", "Suresh anna": a word no list knows before an honorific
    elif len(run) == 1 and not at_start and (key(prev) in word_lists().drugs or _medical_not_foreign(prev)
                            or prev in clinical_words()) and not (
                re.search(r"[,;:(]\s*$", text[max(0, start - 3):start])
                and re.match(NAME_ACTS, text[end:end + 24], re.IGNORECASE)) and not (
                person_role(prev) and text[start - 1:start].isspace() and text[start - 2:start - 1].isalpha()):
        return  # "Lemsip Max", "Tylenol PM": a product's own word after it (not "at daycare, Kylie from the"; not
        # "Sonographer Tamsin", a person named by their role right before: session thirty; "Physio: Berg balance")
    elif len(run) == 1 and not at_start and (prev == "at" or ("-" not in first and key(first) not in COMMON_PROPER and (
            prev in AT_LIKE or (prev == "of" and prev2 == "out")))) and word_lists().is_plain_word(key(first)) \
            and first not in GENERIC_PLACES and first not in lex.known_words \
            and key(first) not in word_lists().medical \
            and key(first) not in word_lists().drugs and not re.match(PRODUCT_AFTER, text[end:end + 16], re.I):
        add(("place", start, end))  # "at Shoppers", "at Foothills": a capital mid-sentence names the place
    elif len(run) == 1 and prev in LIST_JOINS and (prev2 in DOSE_WORDS or key(prev2) in word_lists().drugs
                                                    or prev2 in clinical_words() or COUNT.fullmatch(prev2)) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names:
        return  # "took Diatabs 2 caps and Erceflora": a product listed after another
    elif len(run) == 1 and not at_start and first not in GENERIC_HOSPITALS and first not in lex.condition_words \
            and HOSPITAL_AFTER.match(text, end):
        add(("place", start, end))  # "the Mater hospital", "at Tallaght hospital"
    elif len(run) == 1 and at_start and len(first) > 6 and first.endswith("ing") \
            and not re.match(NAME_ACTS, text[end:end + 24], re.IGNORECASE) and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names:
        return  # "Sundowning again": a sentence that opens with a doing word (not "Aisling rang": a name before
        # what a person does; session twenty-eight)
    elif len(run) > 1 and bare(run[-1][0]) in FACILITY_ENDS and not at_start:
        add(("place", start, end))  # "the Jewish General", "BC Women's": a hospital named by what it is
    elif len(run) == 1 and person_acts_after(key(first), text, end):
        add(("name", start, end))  # "Hemi says", "Ola massaged", "Tobi rang": a word only the medical lists know,
        # doing what only a person does (not "Physio says", "Cardiology said": roles and services speak too)
    elif (all(word_lists().is_plain_word(key(bare(w))) for w, _, _ in run) and not _cued(prev, len(run))) or (
            len(run[0][0]) > 1 and run[0][0].split("-")[0].isupper()):
        return  # "Tiger Balm", "Deep Heat": ordinary words that are no one's name; "PMDD-ish"
    elif one_product(run) and text[end:end + 1] not in ("'", "’") and ((prev in USE_VERBS and not at_start)
                            or (prev in _OWNERS and (prev2 in _DOSE_CHANGES or _REFILL_AFTER.match(text, end))
                                and first not in lex.first_names)
                            or (DOSE_AFTER.match(text, end, end + 16) and prev not in _WHERE_BEFORE_A_NUMBER)) and \
            first not in lex.ambiguous_first_names and not word_lists().is_name(key(first)):
        return  # "took Lomotil x1", "Buspar 10": a product, not a person
    elif one_product(run) and prev.isdigit() and prev2 in USE_VERBS and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names:
        return  # "took 2 Feminax": a count of a product
    elif one_product(run) and prev == "of" and (prev2 in DOSE_WORDS or prev2 in AMOUNT_WORDS
                                                 or COUNT.fullmatch(prev2)) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names:
        return  # "2 puffs of Asmol", "a course of Augmentin", "10ml of Calpol": an amount of a product
    elif one_product(run) and named_as_a_product(text, start, end, prev, prev2) and not known_name(first) \
            and not PERSON_NEXT.match(text, end):
        return  # "6 units NovoRapid 2x", "Painkiller Ultracet.", "Clexane 40 daily, Ultracet,", "1-0-1 and Cartigen.",
        # "Ibuprofen 400 + Robaxacet.": a product, by what names it and how its mention goes on
    elif one_product(run) and prev in DOSE_TIMES and prev2 in ("the", "my", "her", "his", "their", "our", "your") \
            and not word_lists().is_name(key(first)) and first not in lex.first_names \
            and not PERSON_NEXT.match(text, end):
        return  # "the afternoon Sinemet", "my night Seroquel": a dose named by when it is taken
    elif one_product(run) and re.match(PRODUCT_AFTER, text[end:end + 16], re.IGNORECASE):
        return  # "Dymista spray", "Medtronic pump": a product
    elif re.match(r"\s*\((?:my|our|his|her|their|the)\s", text[end:end + 8], re.IGNORECASE):
        add(("name", start, end))  # "Hope (my therapist)"
    elif first in lex.ambiguous_first_names and re.match(NAME_ACTS, text[end:end + 24], re.IGNORECASE):
        add(("name", start, end))
    elif first in lex.ambiguous_first_names and (at_start or (prev not in lex.name_cues and prev in DETERMINERS)):
        # (at a sentence's start whatever ended the last one: "noise helped. Hope tomorrow is quieter"; round twelve)
        return  # "Grace", "Will" starting a sentence could be ordinary words (mid-sentence, a capital makes a name)
    elif len(run) == 1 and (prev not in lex.name_cues or prev in ("and", "by", "thank", "thanks", "dear")) and \
            word_lists().is_plain_word(key(first)):
        return  # "Nurtec", "Hgb", "Tired": a medical word or an ordinary word that is no one's name
    elif len(run) == 1 and prev in DETERMINERS:
        return  # "the Trelegy", "a Fitbit": after an article a lone unknown word is a thing, not a person
    elif len(run) == 1 and switched_treatment(text, start, end, prev) and not word_lists().is_name(key(first)) \
            and first not in lex.first_names and first not in lex.ambiguous_first_names \
            and not PERSON_NEXT.match(text, end):
        return  # "switched from Seretide to Trelegy", "gave me Keflex": what a treatment changed from or to, or
        # what was given, is a product, not a place
    elif prev not in lex.name_cues and prev not in lex.place_cues and product_use(text, end) \
            and not word_lists().is_name(key(first)) \
            and first not in lex.first_names:
        return  # "Betapyn for the headache", "Corenza C at night": how a product is used
    elif len(run) == 1 and key(first) in word_lists().drugs and re.match(DEVICE_ACT_AFTER, text[end:end + 16]) \
            and not word_lists().is_name(key(first)) and first not in lex.first_names \
            and first not in lex.ambiguous_first_names:
        return  # "with Mirena removal", "Nexplanon insertion": a drug or device and what is done with it
    elif prev in FACILITY_BEFORE and not at_start:
        add(("place", start, end))  # "Hospital Şehitkamil", "Klinikum Rechts", "apteka Ziko": a facility's name
    elif (prev in lex.place_cues or (prev in _IN_OTHER_LANGUAGES and foreign_word(first))) and not at_start:
        # ("teraz w Białymstoku", "z Warszawy", "på Nørrebro", "til Ullevål": a capital after another language's
        # "in", "at", "from" or "to" is a place, whatever list holds the word)
        add(("place", start, end))
    elif not titled and prev not in lex.name_cues and (drug_run([bare(w) for w, _s, _e in run]) or (len(run) == 1 and (
            PLURAL_ACRONYM.fullmatch(run[0][0]) or bracketed_product(text, start, end, prev or prev2, first)
            or (not known_name(first) and prev not in lex.place_cues and prev not in _ON_A_STREET
                and finding_next(text, end))))):
        return  # "Comprei Sudafed"; "PVCs"; "IV iron (Ferinject)"; "say Widal positive": products, clinical terms
    elif len(run) > 1 or prev in lex.name_cues or (not at_start and (
            word_lists().is_name(key(first)) or first in lex.first_names or PERSON_NEXT.match(text, end)
            or not foreign_word(first))):
        add(("name", start, end))
    elif not word_lists().is_word(key(first)) and first not in lex.known_words and not re.match(
            r"\s+\d", text[end:end + 3]) and not product_use(text, end) and (
            # (a proper-noun list's word alone is a town or a name, "Chicago.", no product: session twenty-five)
            not THING_NEXT.match(text, end) or word_lists().is_name(key(first))) and (
            not opening_foreign_word(first, text, end) or PERSON_NEXT.match(text, end)) and (
            not P.ADDED_CAPITAL.match(run[0][0]) or PERSON_NEXT.match(text, end)):
        # a sentence starts with a word no list knows: "Callum and I", "Ngozi rang" (not "Norco 1 tab", nor
        # "Schmerzen since Monday", "Kepala pusing", an everyday word of another language)
        add(("name", start, end))
