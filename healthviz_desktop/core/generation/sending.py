"""From a checked prompt to the request one provider gets: the last step before a job is written.

Nothing here sends anything; it refuses what must not go (a prompt the firewall blocked) and what the
provider cannot make, so no job row is written for a request that would fail for sure. The prompt must
have been composed for this provider (its model, one of its sizes and lengths): ``ClipStudio.compose``
does that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.providers.base import GenerationRequest, Provider

if TYPE_CHECKING:
    from healthviz_desktop.core.prompting.composer import ComposedPrompt


def prepare_request(composed: ComposedPrompt, provider: Provider) -> GenerationRequest:
    """The exact request for ``provider``; raises JobRefused (with a plain message) when it cannot go."""
    if not composed.verdict.ok:
        raise JobRefused(f"The prompt firewall stopped this request ({composed.verdict.summary()}). "
                         "Nothing was sent.")
    caps = provider.capabilities()
    body = dict(composed.request)
    problem = caps.check(body)
    if problem:
        raise JobRefused(f"{provider.label} cannot make this clip: {problem}. Nothing was sent.")
    if caps.remote:
        # Once more on the body exactly as it will leave, not on the verdict stored with the prompt:
        # the request is a plain dict that anything between composing and sending could have changed.
        from healthviz_desktop.core.prompting.outbound_check import check_request

        final = check_request(body, composed.private_terms)
        if not final.ok:
            raise JobRefused(f"The prompt firewall stopped this request ({final.summary()}). Nothing was sent.")
    return GenerationRequest(composed.spec, body)
