"""Round nine of issue 15: workplaces, universities and teams written the everyday way the earlier rules left,
found in the retired set H and generalised to each form's language. Plain code called from deid_cued.py, so the
fast de-identifier and the reference one share it as it is.

- A job and whom it is done for: "HGV driver for Turners", "cleaner at Brightwell", "carer with Allied".
- The verb for working in the languages people mix in, and the name after its preposition: "pracuję w
  Biedronce", "arbeite bei Siemens", "werk bij Albert Heijn", "töissä Nokialla", "dolgozom a Telekomnál".
- The boss at a workplace (round ten): "His boss at SCB", "Mi jefa en Bimbo ya sabe".
- An employer in brackets after the Turkish, Nordic, Czech, Hungarian or Romanian word for the workplace ("iş
  yerinde (Garanti BBVA)", "på jobben (Equinor)").
- A university shortened to "U" or "Uni" after its name ("Hebrew U exam", "Monash Uni"), a club or a team named
  before the word for its people ("the CSSA guys", "the Tullaroan girls"), a warehouse's site code ("Site is
  DFW7", "warehouse YYZ4").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_orgs import _COMMON_CAPITALS
from healthviz_desktop.core.prompting.deid_patterns import MONTH_WORDS
from healthviz_desktop.core.prompting.deid_sites import GENERIC_ACRONYMS
from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_ORG = r"(?P<o>[A-ZÀ-ÖØ-ÞĀ-Ž][\w&'’\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w&'’\-]*){0,2})"
_JOBS = (r"driver|cleaner|carer|caregiver|aide|courier|porter|cashier|clerk|supervisor|engineer|technician|"
         r"labourer|laborer|operative|picker|packer|receptionist|chef|cook|waiter|waitress|barista|guard|mechanic|"
         r"electrician|plumber|accountant|analyst|developer|consultant|apprentice|trainee|intern|storeman|forklift|"
         r"dispatcher|fitter|welder|baker|butcher|bartender|housekeeper|caretaker|janitor|groundsman|postie")
_JOB_FOR = re.compile(rf"\b(?i:{_JOBS})\s+(?i:for|at|with)\s+(?:(?i:the)\s+)?{_ORG}")
_WORK_VERB = re.compile(
    r"\b(?i:pracuję|pracuje|pracowałam|pracowałem|arbeite|arbeitet|arbeitete|werk|werkt|werkte|jobber|jobbar|"
    r"arbejder|arbetar|työskentelen|työskentelee|dolgozom|dolgozik|lucrez|lucrează|pracuji|pracuju|pracuje|bosse|"
    r"travaille|lavoro|trabajo|trabalho|çalışıyorum|çalışıyor)\s+"
    r"(?:(?i:w|we|bei|bij|på|hos|la|v|ve|chez|alla|al|à|en|no|na|em|für|in|a|az|u|i|för|ved|dla|pro)\s+)?"
    r"(?:(?i:der|die|dem|den|the|le|la|l'|el|o|a|het|de)\s+)?" + _ORG)
# round ten (set J's second look: "His boss at SCB", "Mi jefa en Bimbo"): the boss at a workplace, in the languages
# people mix in
_BOSS_AT = re.compile(r"\b(?i:boss|manager|jefe|jefa|patr[óo]n|patrona|encargad[oa]|chefe|patr[ãa]o|szef|szefowa|"
                      r"chefin|capo|начальник|начальница)\s+(?i:at|from|in|en|na|no|em|bei|w|di|в)\s+"
                      r"(?:(?i:the|la|el|o|a|der|die|dem)\s+)?" + _ORG)
_BOSS_SIGNS = ("boss", "manager", "jefe", "jefa", "patr", "encargad", "chefe", "szef", "chefin", "capo", "начальни")
_FINNISH_AT_WORK = re.compile(r"\b(?i:töissä|töihin|töistä)\s+(?P<o>[A-ZÄÖ][\w\-]+)")
_WORK_BRACKET = re.compile(r"\b(?i:yerinde|işyerinde|iş\s+yeri|jobben|jobbet|arbejde|arbejdet|töissä|práci|práce|"
                           r"munkahelyen|munkahely|serviciu|muncă|munca|werk|job|work)\s*\(\s*" + _ORG + r"\s*\)")
_SHORT_UNIVERSITY = re.compile(r"\b(?P<o>[A-Z][a-z][\w\-]+(?:\s+[A-Z][a-z][\w\-]+)?)\s+(?:U|Uni|Univ\.?)"
                               r"(?=\s|[,.;:!?)]|$)")
_GROUP = re.compile(r"\b(?i:the|my|our|with)\s+(?P<o>[A-Z][\w&'’\-]+)\s+(?i:guys|girls|boys|lads|team|squad|crew|"
                    r"society|club|choir|gang)\b")
# "Legion Branch 37", "VFW Post 8127", "Harmony Lodge No. 52", "Teamsters Local 727": a numbered branch of a
# club, a lodge or a union; "SP nr 44 im. Kopernika": a Polish school by its number and its patron
_NUMBERED_BRANCH = re.compile(r"\b(?P<o>(?:[A-Z][\w'’&]*\s+){1,4}(?:Branch|Post|Lodge|Chapter|Local|Troop|Council)\s+"
                              r"(?:No\.?\s*|#\s*)?\d{1,5})\b")
_POLISH_SCHOOL = re.compile(r"(?<![\w\-])(?P<o>(?:(?:SP|LO|ZS|ZSP|ZSO|PG|Gim\.?)\s+nr\.?\s*|(?:Szkoła\s+Podstawowa|"
                            r"Liceum(?:\s+Ogólnokształcące)?)\s+(?:nr\.?\s*)?)\d{1,3}"
                            r"(?:\s+im\.\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w\-]+(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w\-]+)?)?)")
_SITE_CODE = re.compile(r"\b(?i:site|warehouse|fc|fulfil{1,2}ment\s+cent(?:er|re)|depot|dc|building)\s+"
                        r"(?:(?i:is|was)\s+)?"
                        r"(?P<c>[A-Z]{3}\d{1,2})\b")
# names of groups that name no one ("the Sunday club", "the night team"), with the words in capitals every journal has
# (deid_orgs' list: "the NHS team", "the GP guys")
_NOT_ORGS = _COMMON_CAPITALS | frozenset(str.split("""a&e ward night day sunday monday
    tuesday wednesday thursday friday saturday weekend morning evening mum mom dad nan gran the my our his her their
    a an this that care support crisis community mental home district palliative hospice rehab physio stroke diabetes
    memory falls walking running cycling swimming knitting book reading bowls golf tennis football rugby cricket
    netball hockey church parish youth school uni college work office night shift agency bank nurse doctor carer carers
    nursing staffing temp recruitment employment"""))
_SIGNS = ("driver", "cleaner", "carer", "care", "aide", "courier", "porter", "cashier", "clerk", "supervisor",
          "engineer", "technician", "labo", "operative", "picker", "packer", "receptionist", "chef", "cook", "wait",
          "barista", "guard", "mechanic", "electrician", "plumber", "accountant", "analyst", "developer", "consultant",
          "apprentice", "trainee", "intern", "storeman", "forklift", "dispatcher", "fitter", "welder", "baker",
          "butcher", "bartender", "housekeeper", "caretaker", "janitor", "groundsman", "postie")


_JOB_GATE = re.compile(r"\s(?:for|at|with|FOR|AT|WITH|For|At|With)\s+(?:(?i:the)\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]")
_VERB_SIGNS = ("pracu", "arbeit", "werk", "jobb", "arbejd", "arbet", "työsk", "dolgoz", "lucr", "bosse", "travaill",
               "lavoro", "trabaj", "trabalh", "çalış")
_GROUP_SIGNS = (" guys", " girls", " boys", " lads", " team", " squad", " crew", " society", " club", " choir", " gang")
_SITE_GATE = re.compile(r"[A-Z][A-Z]{2}\d")
_BRACKET_SIGNS = ("yerinde", "iş yeri", "jobb", "arbejd", "töissä", "práci", "práce", "munkahely", "serviciu", "munc",
                  "werk", "job", "work")


# round eleven (set K's second look: "driving DoorDash 9hrs a day", "11 hours driving Uber"): the platform someone
# drives, delivers or rides for is their employer (the app alone, "ordered an Uber", is not)
_GIG = re.compile(r"\b(?i:driv(?:e|es|ing|en)|drove|deliver(?:s|ed|ing)?|dash(?:es|ed|ing)?|work(?:s|ed|ing)?|"
                  r"rid(?:e|es|ing)|courier(?:s|ed|ing)?|shop(?:s|ped|ping)?)\s+(?:(?i:for|on|with)\s+)?"
                  r"(?P<o>Uber(?:\s+Eats)?|Lyft|DoorDash|Door\s+Dash|Instacart|Grubhub|Postmates|Deliveroo|Just\s+Eat|"
                  r"Bolt|Glovo|Rappi|Grab(?:Food)?|Gojek|Swiggy|Zomato|Jumia|Amazon\s+Flex|Shipt|Wolt|Ola)\b")
# session thirty: ...or whose account, trips, support or app acts on the worker ("Bolt account suspended", "Uber fit
# block my account", "Ola app blocked me for low acceptance", "Bykea app still showing me online", "o iFood bloqueou
# minha conta", "during foodpanda delivery"); a rider's own trip is "an Uber", "the Uber driver" (not matched)
_GIG_ACCOUNT = re.compile(r"\b(?P<o>Uber(?:\s+Eats)?|Lyft|DoorDash|Instacart|Grubhub|Deliveroo|Bolt|Glovo|Rappi|"
                          r"Grab(?:Food)?|"
                          r"Gojek|Swiggy|Zomato|Wolt|Ola|Bykea|iFood|foodpanda|Careem|inDrive|Lalamove)\s+"
                          r"(?=(?:app\s+)?(?i:account|support|trips|deliveries|delivery|earnings|payouts?|rating|"
                          r"acceptance|fit\s+block|blocked|bloqueou|quer|still\s+showing|suspend|deactivat))")
_GIG_SIGNS = ("uber", "lyft", "doordash", "door dash", "instacart", "grubhub", "postmates", "deliveroo", "just eat",
              "bolt", "glovo", "rappi", "grab", "gojek", "swiggy", "zomato", "jumia", "amazon flex", "shipt", "wolt",
              "ola", "bykea", "ifood", "foodpanda", "careem", "indrive", "lalamove")
_GIG_GATE = re.compile(trie(list(_GIG_SIGNS), ignore_case=False))
# session twenty-two: a capitalised name before the kind of workplace it runs or the shift worked there ("Amazon
# warehouse", "the Co-op depot", "off from the Tata works", "Egged shift 6 hours"); not a time's word ("Night shift",
# "Late shift") nor, alone at a sentence's start, an ordinary word ("Double shift again")
_WORKPLACE_AFTER = re.compile(r"(?<![\w'’\-])(?P<o>[A-Z][\w&'’\-]*)\s+(?P<w>warehouse|depot|works|factory|shift|"
                              r"hub|agency|(?P<r>supervisor|manager|boss|foreman|payroll|HR|"
                              r"occupational\s+health|occ\s+health))\b")  # (the last two: session twenty-seven)
# session twenty-five: and the hub or agency it runs, or who is in charge there ("the UPS hub", "G4S supervisor",
# "Deloitte HR"), a role's and an agency's only after a name no list knows as a word ("Shift supervisor", "Case
# manager", "NHS HR", "Carer agency", and so "Pulse agency" too, name no one's)
_WORKPLACE_SIGNS = ("warehouse", "depot", " works", "factory", "shift", " hub", "agency", "supervisor", "manager",
                    "boss", "foreman", "payroll", " hr", "occupational health", "occ health")
_SHIFT_WORDS = frozenset(str.split("late early long double split graveyard twilight overnight afternoon extra first "
                                   "last next same whole half full this that each every"))


def _capitalised_name(org: str) -> bool:
    """Whether a capitalised group after a job or before "U" names its employer: any capitalised word but the
    words above, a common proper noun, a month or a weekday ("driver for Turners", "Hebrew U"; not "carer for Mum")."""
    first = org.split()[0].casefold().strip("'’")
    return first not in _NOT_ORGS and first not in COMMON_PROPER and first not in MONTH_WORDS


def _named(org: str) -> bool:
    """Whether a capitalised group is a name: not a word of the list above nor an ordinary English word alone."""
    first = org.split()[0].casefold().strip("'’")
    if first in _NOT_ORGS:
        return False
    return len(org.split()) > 1 or not word_lists().is_plain_word(first)


def work_candidates(text: str, add: Add) -> None:
    """Every employer, university, club and site code of this module's rules in ``text`` (see the docstring)."""
    lower = text.lower()
    # each rule only where a cheap sign of what it needs is there (a speed gate, never a change in what is found)
    if _JOB_GATE.search(text) and any(w in lower for w in _SIGNS):
        for m in _JOB_FOR.finditer(text):
            if _capitalised_name(m.group("o")):
                add(("employer", m.start("o"), m.end("o")))
    if any(w in lower for w in _VERB_SIGNS):
        for m in _WORK_VERB.finditer(text):
            if _named(m.group("o")):
                add(("employer", m.start("o"), m.end("o")))
    if _GIG_GATE.search(lower):
        for m in _GIG.finditer(text):
            add(("employer", m.start("o"), m.end("o")))
        for m in _GIG_ACCOUNT.finditer(text):
            add(("employer", m.start("o"), m.end("o")))
    if any(w in lower for w in _BOSS_SIGNS):
        for m in _BOSS_AT.finditer(text):
            if _capitalised_name(m.group("o")):
                add(("employer", m.start("o"), m.end("o")))
    if "töi" in lower:
        for m in _FINNISH_AT_WORK.finditer(text):
            add(("employer", m.start("o"), m.end("o")))
    if "(" in text and any(w in lower for w in _BRACKET_SIGNS):
        for m in _WORK_BRACKET.finditer(text):
            if _named(m.group("o")):
                add(("employer", m.start("o"), m.end("o")))
    if " U" in text:
        for m in _SHORT_UNIVERSITY.finditer(text):  # a language or a faith names one too: "Hebrew U", "Catholic U"
            if m.group("o").split()[0].casefold() not in _NOT_ORGS:
                add(("school", m.start("o"), m.end("o")))
    if any(w in lower for w in _GROUP_SIGNS):
        for m in _GROUP.finditer(text):
            if _named(m.group("o")):
                add(("employer", m.start("o"), m.end("o")))
    if any(w in text for w in ("Branch", "Post", "Lodge", "Chapter", "Local", "Troop", "Council")):
        for m in _NUMBERED_BRANCH.finditer(text):
            add(("employer", m.start("o"), m.end("o")))
    if "SP" in text or "LO" in text or "ZS" in text or "PG" in text or "Gim" in text or "Szkoła" in text \
            or "Liceum" in text:
        for m in _POLISH_SCHOOL.finditer(text):
            add(("school", m.start("o"), m.end("o")))
    if any(w in lower for w in _WORKPLACE_SIGNS):
        for m in _WORKPLACE_AFTER.finditer(text):
            o = m.group("o").casefold().strip("'’")
            after_the = text[max(0, m.start() - 4):m.start()].casefold() == "the " and not m.group("r")
            if (m.group("r") or (m.group("w") in ("hub", "agency") and not after_the)) and (
                    m.group("o") in GENERIC_ACRONYMS or m.group("o").endswith(("'s", "’s"))
                    or word_lists().is_word(o)):
                continue  # "NHS manager", "Sarah's boss", "Case manager", "Carer agency"
            if o not in _NOT_ORGS and o not in _SHIFT_WORDS and o not in MONTH_WORDS and o not in COMMON_PROPER and (
                    _named(m.group("o")) or after_the) and (m.group("w") != "works" or after_the):
                add(("employer", m.start("o"), m.end("o")))
    if _SITE_GATE.search(text):
        for m in _SITE_CODE.finditer(text):
            add(("employer", m.start("c"), m.end("c")))
