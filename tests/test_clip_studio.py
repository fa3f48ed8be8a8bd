"""ClipStudio's quote, at the core (the window's Compose → Send and `healthviz render` both go through it): the
request is composed for the chosen provider (its model), and what the person typed into the prompt goes
through the outbound firewall before a quote exists, so a prompt that names someone never becomes a job."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource
from healthviz_desktop.core.journal import Journal
from tests.conftest import sample_entry
from tests.fake_videos_server import FakeVideos, studio_for


def test_the_quote_is_composed_for_the_chosen_providers_model(journal: Journal, fake: FakeVideos) -> None:
    entry = journal.add(sample_entry())
    studio = studio_for(journal, fake, name="pro", model="sora-2-pro")
    source, choices = ClipSource.moment(entry.id), ClipChoices(seconds=4)
    pro = studio.quote(source, choices, "pro")
    assert pro.outgoing()["model"] == "sora-2-pro" and pro.request.body["model"] == "sora-2-pro"
    assert pro.estimate.amount == pytest.approx(0.40) and pro.key_ready
    local = studio.quote(source, choices, "local")
    assert local.outgoing()["model"] == "healthviz-local-1" and local.estimate.amount == 0
    assert local.request.body["prompt"] == pro.request.body["prompt"]  # the same words for both
    assert studio.jobs() == [] and fake.requests == []  # a quote writes and sends nothing


def test_a_prompt_edited_to_name_someone_gets_no_quote_and_no_job(journal: Journal, fake: FakeVideos) -> None:
    entry = journal.add(sample_entry())
    studio = studio_for(journal, fake)
    source, choices = ClipSource.moment(entry.id), ClipChoices(seconds=4)
    prompt = studio.compose(source, choices, "fake").prompt
    for provider in ("fake", "local"):
        with pytest.raises(JobRefused, match=r"prompt firewall stopped this request .*Nothing was sent"):
            studio.quote(source.edited(prompt + " Ask Dr. Jonah Whitfield on 555-010-2233."), choices, provider)
    assert studio.quote(source.edited(prompt), choices, "fake").outgoing()["prompt"] == prompt
    assert studio.jobs() == [] and fake.requests == []
