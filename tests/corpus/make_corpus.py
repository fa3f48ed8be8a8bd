"""Write tests/corpus/deid_corpus.jsonl: synthetic journal notes with planted identifiers of every HIPAA
Safe Harbor kind that can occur in typed text, plus clinical terms that must survive.

Fully synthetic: invented surnames and towns, reserved phone ranges (555-01xx, Ofcom drama numbers),
SSNs in the never-issued 9xx area, documentation IP ranges, example.* domains. Deterministic (fixed seed):
run ``python tests/corpus/make_corpus.py`` to regenerate; the file is checked in so results are stable.

Each line: {"id", "text", "planted": [{"category", "text", "start", "end", "secrets"}], "keep": [...],
"private_terms": [...]}. ``secrets`` are the parts that must not survive (a name's words, a number's
digit groups); ``private_terms`` is what a person would list in Settings (people, towns, work, school).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20260304
COUNT = 400
OUT = Path(__file__).with_name("deid_corpus.jsonl")

GIVEN_KNOWN = ["Jonah", "Priya", "Mateo", "Ines", "Olivia", "Tomas", "Aisha", "Felix", "Clara", "Hugo", "Niamh",
               "Raj", "Greta", "Yusuf", "Margot"]
GIVEN_UNKNOWN = ["Oswin", "Tamsin", "Zephyrine", "Caius", "Elowen", "Ravindra", "Thaddeus", "Marisol", "Kestrel",
                 "Anouk", "Bastian", "Ysolde", "Perrin", "Ondine", "Lorcan"]
SURNAMES = ["Quillfeather", "Marrowby", "Thistlewood", "Ashcombe", "Fennimore", "Brackwater", "Vantreight",
            "Pellowe", "Castellane", "Ottley", "Dunmore", "Larkspurr", "Hollings", "Whitfeld", "Caradine"]
TOWNS = ["Eastvale", "Cedarbrook", "Millhaven", "Westmarch", "Kettlewick", "Brindlemoor", "Fernholt", "Saltmere",
         "Oakhurst", "Glenvarra", "Tollbridge", "Ravensby"]
STREETS = ["Wrenfield", "Copperbeech", "Lantern", "Mossgate", "Hawthorne", "Quarry", "Juniper", "Larchmont"]
SUFFIXES = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Terrace", "Crescent"]
ORGS = ["Harlow Logistics Ltd", "Brightwater Foods", "Corvane Systems", "Millhaven Bakery", "Tarrow & Finch LLP",
        "Ossery Motors", "Pinecrest Holdings", "Lumen Freight Group"]
SCHOOLS = ["Westmarch Primary School", "Saint Elwin Academy", "University of Glenvarra", "Fernholt College",
           "Oakhurst High School", "Cedarbrook Elementary School"]
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November"]

KEEP = ["Bell's palsy", "Crohn's", "Parkinson's", "Graves' disease", "Hashimoto's", "Raynaud's", "Ménière's disease",
        "Lyme disease", "Alzheimer's", "Achilles tendon", "Epstein-Barr virus", "Sjögren's", "Down syndrome",
        "Ehlers-Danlos syndrome", "7/10", "8/10", "3/10", "BP 128/82", "BP 141/93", "TSH 4.2", "HbA1c 6.1%",
        "SpO2 97%", "HR 88 bpm", "eGFR 85", "INR 2.4", "ferritin 18", "sumatriptan 50 mg", "ibuprofen 400 mg",
        "propranolol 40 mg", "magnesium 400 mg", "Vitamin D 50000 IU", "paracetamol 1 g", "rizatriptan 10 mg",
        "amitriptyline 10 mg", "topiramate 25 mg", "6 hours", "45 minutes", "Tylenol", "Sumatriptan",
        "COVID-19", "temperature 38.2"]

FILLER = ["The headache started behind the left eye.", "Nausea came in waves after lunch.",
          "Slept badly and woke with a stiff neck.", "Light hurt, so I lay down in the dark.",
          "Felt foggy all afternoon.", "Pain eased after dinner.", "Dizzy when standing up too fast.",
          "Tingling in both hands this morning.", "Very tired, skipped the gym.", "Mood low but steady."]


def _digits(text: str) -> list[str]:
    return re.findall(r"\d{3,}", text)


def _n(r: random.Random, k: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(k))


def _L(r: random.Random, k: int) -> str:
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(k))


def planted_item(r: random.Random, cat: str, person: tuple[str, str], town: str) -> tuple[str, str, list[str]]:
    """(sentence with {X} marking the identifier, the identifier, its secrets)."""
    first, last = person
    if cat == "name":
        forms = [
            ("Saw Dr. {X} about it.", last, [last]),
            ("Dr {X} changed the dose.", f"{first} {last}", [first, last]),
            ("My sister {X} came over to help.", first, [first]),
            ("My husband {X} drove me home.", first, [first]),
            ("I texted {X} about the flare.", first, [first]),
            ("Met {X} at the pharmacy.", f"{first} {last}", [first, last]),
            ("{X} said the new tablets helped her too.", f"{first} {last}", [first, last]),
            ("Nurse {X} took bloods.", last, [last]),
            ("Spoke with {X} on the phone for an hour.", first, [first]),
            ("{X} brought soup round.", first, [first]),
            ("went for a slow walk with {X}.", first.lower(), [first.lower()]),
        ]
        return r.choice(forms)
    if cat == "place":
        forms = [("Drove to {X} for the appointment.", town), ("We live in {X} now.", town),
                 ("Back from {X} and exhausted.", town), ("The clinic in {X} was closed.", town),
                 ("Visiting family near {X} this week.", town), ("{X} was freezing today.", town)]
        s, x = r.choice(forms)
        return s, x, [x]
    if cat == "address":
        n = str(r.randint(12, 980))
        street = f"{r.choice(STREETS)} {r.choice(SUFFIXES)}"
        forms = [f"{n} {street}", f"{n} {street}, Apt {r.randint(2, 40)}{r.choice('ABC')}", f"PO Box {_n(r, 4)}"]
        x = r.choice(forms)
        return r.choice(["Posted the forms to {X}.", "New address is {X}.", "Moved into {X} last month."]), x, \
            [w for w in re.findall(r"[A-Z][a-z]+|\d{2,}", x) if w not in SUFFIXES and w not in ("Apt", "Box")]
    if cat == "zip":
        x = r.choice([f"{town}, CA 9{_n(r, 4)}", f"zip code 9{_n(r, 4)}",
                      f"postcode {_L(r, 2)}{r.randint(1, 9)} {r.randint(1, 9)}{_L(r, 2)}"])
        secrets = _digits(x) or [x.split()[-2] + " " + x.split()[-1]]
        return "Pharmacy delivery to {X} again.", x, secrets
    if cat == "date":
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2024, 2025, 2026])
        mon = r.choice(MONTHS)
        forms = [f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{str(y)[2:]}", f"{y}-{m:02d}-{d:02d}", f"{d} {mon} {y}",
                 f"{mon} {d}th", f"{mon} {d}, {y}", f"{d}th of {mon}", f"{d:02d}.{m:02d}.{y}", f"{mon} {y}"]
        x = r.choice(forms)
        secrets = [x]
        return r.choice(["Appointment on {X} went fine.", "Symptoms began {X} after the trip.",
                         "Blood test booked for {X}."]), x, secrets
    if cat == "age":
        a = r.randint(90, 104)
        forms = [f"{a} years old", f"aged {a}", f"a {a}-year-old", f"turned {a}", f"{a}th birthday"]
        x = r.choice(forms)
        return r.choice(["Grandad is {X} and still sharp.", "Visited my great-aunt, {X}.",
                         "Our neighbour, {X}, has the same tremor."]), x, [str(a)]
    if cat == "phone":
        x = r.choice([f"+44 20 7946 0{_n(r, 3)}", f"(555) 01{_n(r, 1)}-{_n(r, 4)}", f"555-01{_n(r, 1)}-{_n(r, 4)}",
                      f"07700 900{_n(r, 3)}", f"555.01{_n(r, 1)}.{_n(r, 4)}", f"+1 555 01{_n(r, 1)} {_n(r, 4)}"])
        return r.choice(["Clinic number is {X}.", "Call back on {X} after 2pm.", "Left a message at {X}."]), x, \
            _digits(x)[-2:]
    if cat == "fax":
        x = f"555-01{_n(r, 1)}-{_n(r, 4)}"
        return r.choice(["Faxed the referral to fax {X}.", "Their fax: {X}."]), x, _digits(x)
    if cat == "email":
        x = f"{first.lower()}.{last.lower()}{r.randint(1, 99)}@example.org"
        return r.choice(["Emailed results to {X}.", "Portal login is {X}."]), x, [x]
    if cat == "url":
        x = r.choice([f"https://portal.example-health.org/patient/{_n(r, 6)}", f"www.{town.lower()}clinic.com",
                      f"example.net/records?id={_n(r, 5)}"])
        return "Booked through {X} tonight.", x, [x]
    if cat == "ip":
        x = r.choice([f"192.0.2.{r.randint(2, 254)}", f"198.51.100.{r.randint(2, 254)}",
                      f"2001:db8::{_n(r, 2)}a:{_n(r, 1)}f"])
        return "The tracker app syncs from {X} at home.", x, [x]
    ids = {
        "ssn": [f"SSN 9{_n(r, 2)}-{_n(r, 2)}-{_n(r, 4)}"],
        "mrn": [f"MRN {_n(r, 7)}", f"medical record number {_L(r, 2)}{_n(r, 6)}", f"hospital number H{_n(r, 6)}"],
        "health_plan": [f"member ID {_L(r, 3)}{_n(r, 9)}", f"policy number PL-{_n(r, 6)}",
                        f"NHS number 9{_n(r, 2)} {_n(r, 3)} {_n(r, 4)}"],
        "account": [f"account number {_n(r, 10)}", f"acct 00-{_n(r, 8)}"],
        "license": [f"licence number {_L(r, 5)}{_n(r, 6)}{_L(r, 2)}", f"certificate no. CERT-{_n(r, 5)}"],
        "vehicle": [f"plate {_L(r, 2)}{_n(r, 2)} {_L(r, 3)}", f"VIN 1HGCM8{_n(r, 11)}"],
        "device": [f"pump serial SN{_n(r, 8)}", f"pacemaker serial number PM-{_n(r, 6)}-X", f"sensor ID 0M{_n(r, 8)}"],
        "biometric": [f"voiceprint ID VP{_n(r, 6)}", f"fingerprint enrolment FP-{_n(r, 6)}"],
        "other_id": [f"badge number 55-{_n(r, 5)}", f"claim number CLM{_n(r, 8)}", f"employee ID E{_n(r, 6)}"],
    }
    if cat in ids:
        x = r.choice(ids[cat])
        value = x.split(" ", 1)[1] if cat in ("ssn",) else x
        secrets = re.findall(r"[A-Z]*\d[\dA-Z]{2,}", value) or _digits(value)
        if cat == "vehicle" and x.startswith("plate"):
            secrets = x.split()[1:]
        return r.choice(["Wrote down my {X} for the form.", "They asked for the {X} twice.",
                         "Paperwork needs {X}."]), x, secrets
    if cat == "employer":
        x = r.choice(ORGS)
        return r.choice(["I work at {X} and stood all day.", "Long shift at {X} again.",
                         "Called in sick to {X}."]), x, [w for w in re.findall(r"[A-Z][a-z]+", x)
                                                           if w not in ("Ltd", "Foods", "Systems", "Bakery", "Motors",
                                                                        "Holdings", "Group", "Freight", "Logistics")]
    if cat == "school":
        x = r.choice(SCHOOLS)
        return r.choice(["My son goes to {X} and had a cold.", "Picked my daughter up from {X} early.",
                         "I study at {X} part time."]), x, [w for w in re.findall(r"[A-Z][a-z]+", x)
                                                             if w not in SCHOOL_WORDS]
    raise ValueError(cat)


SCHOOL_WORDS = ("Primary", "School", "Academy", "University", "College", "High", "Elementary", "Saint", "Of")
CATEGORIES = ["name", "place", "address", "zip", "date", "age", "phone", "fax", "email", "url", "ip", "ssn", "mrn",
              "health_plan", "account", "license", "vehicle", "device", "biometric", "other_id", "employer", "school"]


def make_record(r: random.Random, i: int) -> dict[str, object]:
    while True:
        first = r.choice(GIVEN_KNOWN if r.random() < 0.5 else GIVEN_UNKNOWN)
        person, town = (first, r.choice(SURNAMES)), r.choice(TOWNS)
        cats = [CATEGORIES[i % len(CATEGORIES)], *r.sample(CATEGORIES, r.randint(0, 2))]
        keep = r.sample(KEEP, r.randint(1, 3))
        parts: list[tuple[str, str | None, str, list[str]]] = []
        for cat in dict.fromkeys(cats):
            sentence, x, secrets = planted_item(r, cat, person, town)
            parts.append((sentence, x, cat, secrets))
        for k in keep:
            parts.append((r.choice(["Rated it {K}.", "Noted {K} in the diary.", "Still {K} this evening.",
                                    "The doctor mentioned {K}."]).replace("{K}", k), None, "keep", []))
        parts.append((r.choice(FILLER), None, "filler", []))
        r.shuffle(parts)
        text, planted = "", []
        for sentence, x, cat, secrets in parts:
            prefix = (text + " ") if text else ""
            if x is not None:
                at = len(prefix) + sentence.index("{X}")
                planted.append({"category": cat, "text": x, "start": at, "end": at + len(x), "secrets": secrets})
                sentence = sentence.replace("{X}", x)
            text = prefix + sentence
        if _clean(text, planted, keep):
            names = [person[0], person[1], f"{person[0]} {person[1]}", town]
            names += [p["text"] for p in planted if p["category"] in ("employer", "school")]
            return {"id": f"c{i:04d}", "text": text, "planted": planted, "keep": keep,
                    "private_terms": list(dict.fromkeys(str(n) for n in names))}


def _clean(text: str, planted: list[dict[str, object]], keep: list[str]) -> bool:
    """A secret must not also appear outside its own span (else a leak could not be told from chance)."""
    for p in planted:
        outside = text[:int(str(p["start"]))] + " " + text[int(str(p["end"])):]
        for s in p["secrets"]:  # type: ignore[attr-defined]
            if re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", outside, re.IGNORECASE):
                return False
    return all(k in text for k in keep)


def main() -> None:
    r = random.Random(SEED)
    with OUT.open("w", encoding="utf-8") as fh:
        for i in range(COUNT):
            fh.write(json.dumps(make_record(r, i), ensure_ascii=False) + "\n")
    print(f"wrote {COUNT} records to {OUT}")


if __name__ == "__main__":
    main()
