"""The step from a checked prompt to a provider's request: what the firewall blocked never goes, and the body
is checked again exactly as it leaves, whatever changed it after composing."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.generation.runner import JobRefused
from healthviz_desktop.core.generation.sending import prepare_request
from healthviz_desktop.core.prompting.composer import compose_moment
from healthviz_desktop.core.providers.sora import SoraProvider, SoraSettings
from tests.conftest import sample_entry

REMOTE = SoraProvider(SoraSettings(name="fake", base_url="http://127.0.0.1:9/v1"), key=lambda: "test-key")


def test_a_checked_prompt_goes_as_composed() -> None:
    composed = compose_moment(sample_entry())
    assert prepare_request(composed, REMOTE).body == composed.request


@pytest.mark.parametrize("tamper", [
    lambda body: body.update(prompt=body["prompt"] + " Call 555-010-2233."),
    lambda body: body.update(prompt=body["prompt"] + " For Quenby."),
    lambda body: body.update(user="jonah@example.org"),
])
def test_a_body_changed_after_the_check_is_refused(tamper) -> None:  # type: ignore[no-untyped-def]
    composed = compose_moment(sample_entry(), private_terms=["Quenby"])
    assert composed.verdict.ok
    tamper(composed.request)  # the stored verdict still says ok
    with pytest.raises(JobRefused, match="Nothing was sent"):
        prepare_request(composed, REMOTE)


def test_a_prompt_the_firewall_blocked_is_refused_for_every_provider() -> None:
    """The verdict saved with the prompt is checked first: for the local renderer it is the only check (nothing
    leaves), and for a remote service it names what the firewall found when the prompt was shown."""
    from healthviz_desktop.core.providers.local import LOCAL_MODEL, LocalProvider

    composed = compose_moment(sample_entry(), model=LOCAL_MODEL)  # composed for the renderer that gets it
    blocked = composed.with_prompt(composed.prompt + " Call Dr. Jonah Whitfield on 555-010-2233.")
    assert not blocked.verdict.ok
    for provider in (LocalProvider(), REMOTE):
        with pytest.raises(JobRefused, match=r"^The prompt firewall stopped this request \(blocked: ") as refused:
            prepare_request(blocked, provider)
        assert refused.value.args[0].endswith("Nothing was sent.")
        assert blocked.verdict.summary() in refused.value.args[0]
    local = LocalProvider()
    for_local = compose_moment(sample_entry(), model=local.capabilities().model)  # composed for its model
    assert prepare_request(for_local, local).body["prompt"] == for_local.prompt  # the unblocked one goes
