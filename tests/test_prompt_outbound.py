"""The outbound check blocks every kind of identifier in the exact request, and shows where."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.grammar import grammar
from healthviz_desktop.core.prompting.outbound_check import check_request

BASE = "Style: abstract 3D render. A knot of light pulses behind frosted glass."

# one planted example per category (synthetic), and the categories that may report it
PLANTED = [
    ("name", "Saw Dr. Okonkwo-Hale about the flare", {"name"}),
    ("name", "My husband Tomas drove", {"name"}),
    ("name", "met Zephyrine Quillfeather at noon", {"name"}),
    ("place", "We drove to Kettlewick after lunch", {"place"}),
    ("address", "Post to 42 Wrenfield Road, Apt 3B please", {"address"}),
    ("address", "send it to PO Box 7781", {"address"}),
    ("address", "Tollbridge, CA 94110", {"address"}),
    ("date", "Seen on 03/04/2026", {"date"}),
    ("date", "since March 4th, 2026", {"date"}),
    ("date", "booked for 2026-03-04", {"date"}),
    ("date", "the 4th of March it began", {"date"}),
    ("age", "Grandad is 93 years old", {"age"}),
    ("age", "a 97-year-old neighbour", {"age"}),
    ("phone", "call +44 20 7946 0321", {"phone"}),
    ("fax", "fax: 555-010-8890", {"fax"}),
    ("email", "mail jo.marsh@example.org now", {"email"}),
    ("url", "see https://portal.example-health.org/p/4431", {"url"}),
    ("url", "www.eastvaleclinic.com has it", {"url"}),
    ("ip", "syncs from 192.0.2.44 daily", {"ip"}),
    ("ip", "host 2001:db8::7a:1f", {"ip"}),
    ("id", "SSN 912-45-6789", {"id"}),
    ("id", "MRN 4481229", {"id"}),
    ("id", "member ID XKD123456789", {"id"}),
    ("id", "account number 0012345678", {"id"}),
    ("id", "licence number MARRO712345AB", {"id"}),
    ("id", "plate KX19 ABC", {"id"}),
    ("id", "VIN 1HGCM82633A004352", {"id"}),
    ("id", "pump serial SN88213401", {"id"}),
    ("employer", "I work at Harlow Logistics Ltd", {"employer"}),
    ("school", "my son goes to Westmarch Primary School", {"school"}),
    ("school", "she studies at University of Glenvarra", {"school"}),
]


def request(prompt: str) -> dict[str, str]:
    return {"model": "sora-2", "prompt": prompt, "seconds": "8", "size": "1280x720"}


@pytest.mark.parametrize(("kind", "snippet", "categories"), PLANTED, ids=[f"{p[0]}:{p[1][:18]}" for p in PLANTED])
def test_each_planted_category_blocks_the_request_and_says_where(kind: str, snippet: str,
                                                                 categories: set[str]) -> None:
    prompt = f"{BASE} {snippet}."
    verdict = check_request(request(prompt), [])
    assert not verdict.ok
    hits = [f for f in verdict.blocking if f.category in categories]
    assert hits, verdict.findings
    for f in hits:
        assert f.field == "prompt" and prompt[f.start:f.end] == f.text and f.text in snippet
    assert verdict.summary().startswith("blocked:")


def test_a_composed_style_prompt_passes() -> None:
    assert check_request(request(BASE), []).ok


def test_private_terms_match_as_names_not_inside_eponyms() -> None:
    prompt = "Dr. Bell said my Bell's palsy is easing; Bell palsy and bells ringing."
    verdict = check_request(request(prompt), ["Bell"])
    hits = [(f.category, f.start) for f in verdict.blocking]
    assert ("name", prompt.index("Bell")) in hits or ("private", prompt.index("Bell")) in hits
    assert all(start not in (prompt.index("Bell's"), prompt.index("Bell palsy")) for _, start in hits)
    assert not any(f.text.casefold() == "bells" for f in verdict.findings)  # whole words only
    # a private term that is an ordinary word still blocks: the person asked for it
    assert not check_request(request(BASE), ["frosted"]).ok


def test_every_string_and_field_is_checked() -> None:
    req = {**request(BASE), "metadata": {"note": "for Jonah Whitfield"}}
    verdict = check_request(req, [])
    fields = {f.field for f in verdict.blocking}
    assert "metadata" in fields and "metadata.note" in fields


@pytest.mark.parametrize(("key", "value"), [("seconds", 8), ("seconds", "10"), ("size", "640x480"),
                                            ("model", "Sora 2!"), ("prompt", "")])
def test_request_values_are_validated(key: str, value: object) -> None:
    verdict = check_request({**request(BASE), key: value}, [])
    assert not verdict.ok and any(f.category == "value" and f.field == key for f in verdict.findings)


def test_vocabulary_restriction_blocks_or_flags() -> None:
    vocab = grammar().vocabulary
    prompt = BASE + " A marble statue."
    strict = check_request(request(prompt), [], vocabulary=vocab)
    assert not strict.ok and [f.text for f in strict.findings] == ["marble", "statue"]
    assert prompt[strict.findings[0].start:strict.findings[0].end] == "marble"
    lenient = check_request(request(prompt), [], vocabulary=vocab, vocabulary_blocks=False)
    assert lenient.ok and len(lenient.findings) == 2
