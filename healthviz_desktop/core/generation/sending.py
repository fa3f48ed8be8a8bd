"""From a checked prompt to the request one provider gets: the last step before a job is written.

Nothing here sends anything; it refuses what must not go (a prompt the firewall blocked) and what the
provider cannot make, so no job row is written for a request that would fail for sure. The prompt must
have been composed for this provider (its model, one of its sizes and lengths): ``ClipStudio.compose``
does that.

An Images provider gets a picture request: the composed prompt and model verbatim, and nothing else but
values the provider declared (the picture size nearest the clip's shape, the quality the person chose,
one picture, PNG, and a safety identifier only when the person turned it on). The clip's length and size
stay in the scene: the clip is drawn here, from the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.providers.base import Capabilities, GenerationRequest, Provider

if TYPE_CHECKING:
    from healthviz_desktop.core.prompting.composer import ComposedPrompt


def prepare_request(composed: ComposedPrompt, provider: Provider, *, quality: str = "") -> GenerationRequest:
    """The exact request for ``provider``; raises JobRefused (with a plain message) when it cannot go.
    ``quality``: a picture's, for an Images provider ("" its default)."""
    if not composed.verdict.ok:
        raise JobRefused(f"The prompt firewall stopped this request ({composed.verdict.summary()}). "
                         "Nothing was sent.")
    caps = provider.capabilities()
    body = dict(composed.request)
    checked = body
    if caps.media == "image":
        body = picture_body(body, caps, quality, composed.spec.width, composed.spec.height)
        # the outbound check knows clip requests: it sees the prompt and model exactly as they will leave,
        # with the clip's length and size; every other field is a value the provider declared (caps.check)
        checked = {**composed.request, "model": body["model"], "prompt": body["prompt"]}
    problem = caps.check(body)
    if problem:
        raise JobRefused(f"{provider.label} cannot make this clip: {problem}. Nothing was sent.")
    if caps.remote:
        # Once more on the body exactly as it will leave, not on the verdict stored with the prompt:
        # the request is a plain dict that anything between composing and sending could have changed.
        from healthviz_desktop.core.prompting.outbound_check import check_request

        final = check_request(checked, composed.private_terms)
        if not final.ok:
            raise JobRefused(f"The prompt firewall stopped this request ({final.summary()}). Nothing was sent.")
    return GenerationRequest(composed.spec, body)


def picture_body(composed: dict[str, object], caps: Capabilities, quality: str, clip_width: int,
                 clip_height: int) -> dict[str, object]:
    """The Images request for a composed clip request: its prompt and model, and declared values only."""
    return {"model": composed["model"], "prompt": composed["prompt"],
            "size": caps.picture_size(clip_width, clip_height), "quality": quality or caps.quality, "n": 1,
            **dict(caps.fixed_fields)}
