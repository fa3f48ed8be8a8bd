"""Issue 15, session twenty-seven: what set Y's parents, students and shift workers still lost or let through, each
fixed in its general form.

- A log's clock after a line ending in an insulin's name: "4.5u NovoRapid\\n1:45 pre-match 8.2" read "NovoRapid 1:45"
  as an insulin ratio across the line's end.
- The times of a school run, a visit and an hour before its day: "Drop off 8.15", "the warden came round at 7",
  "presenting at 2 on the 18th"; an hour to an hour with a dash after what is held then ("lecture 9-11", "shift
  7-3"); a parcel's tracking number in groups ("tracking 1Z 999 AA1 01 2345 6784"); a child's initial before a
  bracket saying who they are ("K (our foster son, 11)"); a school's class or form ("Class 5H", "form 10B"); a
  store's number after its chain ("Shoppers Drug Mart #1287").
- The employer someone is off work or signed off from ("Off work from Tesco", "signed off from Asda") and the employer
  before its occupational health ("the Tesco occ health nurse").
- Pinned for the next try at everyday brands (session twenty-seven's list of 1,933 chains, products, apps, games and
  shows as no one's name was tried and not shipped: docs/privacy.md): the forms in which a brand names someone's
  employer, a branch or a private term, which any such list must leave taken ("called in sick to tesco", "Doordash
  shift", "HR at Royal Mail", "the Tim Hortons on King St", "Gojek deactivated me", the private term "Tesco" written
  "tesco"); some come from the four never-read reserve entries moved to tuning and read
  (`tuning/session27_moved.jsonl`).
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support.deid_checks import lost, through


@pytest.mark.parametrize(("text", "secret"), [
    ("Match day:\n12:30 lunch 45g carbs, 4.5u NovoRapid\n1:45 pre-match 8.2, 15g jelly babies", "1:45"),
    ("bolus 3u humalog\n2:15 walk home, 6.1", "2:15"),
])
def test_a_logs_clock_after_an_insulins_line_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("NovoRapid 1:10 at breakfast, 1:12 at lunch", "1:10"),
    ("carb ratio: 1:15 all day", "1:15"),
    ("Humalog 1:8 at dinner", "1:8"),
])
def test_an_insulin_ratio_on_its_line_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("First day at nursery. Drop off 8.15, she cried for ten minutes.", "8.15"),
    ("First day at nursery. Drop off 8.20, she cried for ten minutes.", "8.20"),
    ("drop-off at 8.45 then straight to work", "8.45"),
    ("Vomiting since lunch. The warden came round at 7 with water.", "7"),
    ("Heart pounding. Presenting to the group at 2 on the 18th.", "2"),
    ("Physio wants me in at 4 on Friday.", "4"),
    ("Quick one: lecture 9-11, then my shift at the bar.", "9"),
    ("Quick one: lecture 9-11, then my shift at the bar.", "11"),
    ("on shift 7-3 again, back killing me", "7"),
    ("training 6.30-8 tonight, knee strapped", "6.30"),
    ("Replacement shipped, tracking 1Z 999 AA1 01 2345 6784. Arrives soon.", "1Z"),
    ("tracking number: JD000225140012", "JD000225140012"),
    ("Update for the social worker. K (our foster son, 11) started at the new school.", "K"),
    ("- B (our daughter, 4) fever again", "B"),
    ("Report signed by Mr Hale, Class 5H, at parents' evening.", "5H"),
    ("she's in form 10B now, tutor group 9RW before", "10B"),
])
def test_a_school_runs_a_visits_and_a_shifts_times_and_a_tracking_number_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("drop off 2.5kg of washing at the laundrette", "2.5kg"),
    ("pain at 7 on Monday, better by night", "pain at 7"),
    ("Gran came round at 4 tablets a day by then", "4 tablets"),
    ("work 2-3 days a week since the fit note", "2-3 days"),
    ("training 3-4 times a week now", "3-4 times"),
    ("tracking BP daily for 2000 days", "BP daily"),
    ("Parcel 2 of 3 arrived, the inhaler spacers", "2 of 3"),
    ("ADHD (my son) is worse this term", "ADHD"),
    ("Hep C (my brother) treated last year", "Hep C"),
    ("I (my husband too) slept badly", "I (my"),
    ("flecainide is a class 1C drug", "class 1C"),
    ("flecainide, class 1C, for the AF", "class 1C"),
    ("Class 2 obesity, Year 9, Grade 4", "Class 2 obesity, Year 9, Grade 4"),
])
def test_their_look_alikes_stay(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Ten minutes of Headspace before bed.", "Headspace"),
    ("signed off from work for 2 weeks, NHS occupational health said rest", "NHS occupational health"),
    ("Glucosamine, fish oil, Pamol.", "Glucosamine"),
    ("NHS suspended the clinic for the strike", "NHS suspended"),
    ("Eczema hands, sanitizer at work. Elocom, Cetaphil. Better by Friday.", "Elocom"),
])
def test_work_words_beside_a_service_or_a_product_change_nothing(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("migraine 8/10. threw up. called in sick to tesco", "tesco"),
    ("new job at ocado means fingerprint clock-in", "ocado"),
    ("Doordash shift 6 hours, wrist numb", "Doordash"),
    ("Faith from Woolworths HR phoned about my sick leave.", "Woolworths"),
    ("my asda manager rang about the fit note", "asda"),
    ("cant bend it fully. deliveroo rider id suspended", "deliveroo"),
    ("ready for pickup at Shoppers Drug Mart #1287 on the corner", "1287"),
    ("Walgreens #4412 called about the refill", "4412"),
    ("the store #212 pharmacist was kind", "212"),
    ("wants to up pred to 40mg. Off work from Tesco till Monday at least", "Tesco"),
    ("signed off from Asda for 2 weeks", "Asda"),
    ("the Tesco occ health nurse rang", "Tesco"),
    ("Participant: Jasmine Tran, NDIS number 430 112 986.", "Jasmine"),
    ("fell on the ice in front of the Tim Hortons on King St, bruise the size of a fist", "Tim"),
    ("dizzy spell in the Asda on Edward Street by the tills", "Asda"),
    ("went to Tesco in Leeds for the night", "Tesco"),
    ("Postie round in the rain. Royal Mail occupational health want a form.", "Mail"),
    ("Tesco sick pay ends on Friday", "Tesco"),
    ("Fit note copied for HR at Royal Mail: 'stress at work'", "Mail"),
    ("dos dias sin trabajar en el Publix", "Publix"),
    ("rear-ended on the way home. Gojek deactivated me temporarily.", "Gojek"),
    ("dictating this in the car outside Trader Joe's on Westheimer, left my shift early", "Joe's"),
])
def test_an_employer_a_branch_and_a_stores_number_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_a_brand_entered_as_a_private_term_matches_in_lower_case() -> None:
    out = deidentify("called in sick again, then shopping at tesco", ["Tesco"]).text
    assert "tesco" not in out.lower()


def test_a_brand_in_a_private_term_is_its_strong_part() -> None:
    out = deidentify("bread from tesco on the way home", ["Tesco Llandudno"]).text
    assert "tesco" not in out.lower()


@pytest.mark.parametrize("text", ["Off work from Tesco till Monday at least", "signed off from asda for 2 weeks"])
def test_what_someone_is_off_work_from_is_named_as_their_employer(text: str) -> None:
    assert "[EMPLOYER]" in deidentify(text).text
