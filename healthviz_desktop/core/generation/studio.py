"""What happens on Send: the one front object for making clips, used by `healthviz render` and `healthviz
jobs` and by the window's Compose → Send alike. One ``ClipStudio`` per open journal; it holds the journal's
one ``JobRunner``, so a job is never driven twice at once from the same process (other processes are kept
out by the job's lease in the database).

Step by step:

1. **Who makes it.** ``offers()`` lists the providers, each with what it declares it makes (media kind,
   models, sizes, lengths, prices) and whether it works now. The local renderer (offline, free) is the
   default; remote services are the ones the person configured (`healthviz providers set`).
2. **Compose for that provider.** ``compose(source, choices, provider)`` turns a ``ClipSource`` (one entry,
   a date range, explainer notes; or a scene file, for the local renderer only) into a de-identified
   prompt composed *for that provider*: its model, one of its sizes and lengths. Anything it cannot make
   is refused here with a plain message, before anything is shown as sendable. The window calls this as
   the person changes the options, so its preview is the request that provider would get.
3. **Quote.** ``quote(source, choices, provider, remix_of=JOB)`` composes again and adds all the person
   confirms: the exact request that will leave (the outbound firewall checks the body once more exactly
   as it will go), the cost estimate, the month's budget and whether this would pass it, the API key's
   state (keyring, this session only, missing, no keyring) and the provider's availability, and for a
   remix the earlier clip it remixes (its length and size then come from that clip). Nothing is written.
4. **Confirm** (the caller's part, the only part that differs). The CLI prints ``quote.outgoing()`` and the
   cost and asks, or takes `--yes`; the window shows the same in a dialog. A remote provider with no
   keyring may use a key for this session only (``use_session_key``); a missing key or a passed budget
   stops here. The local renderer needs no question: nothing leaves the computer.
5. **Send.** ``send(quote, output=PATH)`` checks the output path and the budget once more and writes the
   job row, status ``pending``, with the path the finished clip is to be copied to. Nothing has left yet.
6. **Drive.** ``drive(job_id, cancel, on_event)`` runs the job's bounded steps (steps.py) until it is done
   or needs the person, calling ``on_event`` with each status and progress change (on the calling thread;
   the window hops them to the GUI thread). The create request goes out with the row saying ``sending``;
   the service's id is stored as it answers; polls and the download repeat safely; the clip is checked,
   put in the journal's clips folder, charged in the ledger once, and copied to ``output``. Setting
   ``cancel`` (closing the window, a restore) stops between two steps and keeps the job; ``cancel(job)``
   (the person's Stop) ends it for good, at the service too. An Images provider (media "image") answers
   with the picture itself: it is on disk before anything else happens, then kept beside the clip and
   charged by the answer's usage, and the clip is drawn from it here (still_clip.py; the person chose its
   quality in ``ClipChoices.quality``, and the clip's length and size are the local renderer's).
7. **Afterwards.** A kill, Ctrl-C or an outage leaves the job open: ``recover``/``carry_on`` (the window at
   start-up) and ``resume`` (`healthviz jobs resume`) carry it on, delivering to the same path. A send
   that got no answer is settled by the service's own list of videos before anything is sent again; only
   when the service cannot tell does the job wait for the person (``resume(job, resend=True)``, checked
   against the budget again, both counted as spent); a picture request whose answer was not saved always
   does (an Images service gives no id and keeps no list). A clip the service made but lost (expired) is
   charged as spent and can be made again: ``remake(job)`` quotes the same request anew.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from healthviz_desktop.core.generation.clip_files import check_output
from healthviz_desktop.core.generation.costs import BudgetExceeded, BudgetState
from healthviz_desktop.core.generation.job_store import Job
from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.generation.recovery import Progress, Recovery, carry_on
from healthviz_desktop.core.generation.runner import JobRunner
from healthviz_desktop.core.generation.sending import prepare_request
from healthviz_desktop.core.keys import KeyStatus, KeyStore
from healthviz_desktop.core.providers.base import Capabilities, CostEstimate, GenerationRequest, Provider
from healthviz_desktop.core.providers.registry import DEFAULT_PROVIDER, Offer, Providers
from healthviz_desktop.core.scene import SceneSpec

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.steps import Listener
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.prompting.composer import ComposedPrompt

SourceKind = Literal["moment", "trend", "explainer", "scene"]


@dataclass(frozen=True)
class ClipSource:
    """What a clip is made from. ``prompt``: the person's own edit of the composed prompt (checked again)."""

    kind: SourceKind
    entry_id: int | None = None
    first: date | None = None
    last: date | None = None
    text: str = ""
    scene: SceneSpec | None = None
    prompt: str | None = None
    entry_ids: tuple[int, ...] = ()  # recorded on the job

    @classmethod
    def moment(cls, entry_id: int) -> ClipSource:
        return cls("moment", entry_id=entry_id, entry_ids=(entry_id,))

    @classmethod
    def trend(cls, first: date, last: date, entry_ids: tuple[int, ...] = ()) -> ClipSource:
        return cls("trend", first=first, last=last, entry_ids=entry_ids)

    @classmethod
    def explainer(cls, text: str) -> ClipSource:
        return cls("explainer", text=text)

    @classmethod
    def from_scene(cls, spec: SceneSpec) -> ClipSource:
        return cls("scene", scene=spec)

    def edited(self, prompt: str | None) -> ClipSource:
        return replace(self, prompt=prompt)

    def record(self, style: str) -> dict[str, Any]:
        """What the job keeps of its source (its card's link, "Reuse prompt"): the kind, the dates, the
        explainer notes (kept in this journal only, as entry notes are; what went out is the request)."""
        out: dict[str, Any] = {"kind": self.kind, "style": style}
        if self.first is not None and self.last is not None:
            out["first"], out["last"] = self.first.isoformat(), self.last.isoformat()
        if self.kind == "explainer":
            out["text"] = self.text
        return out


@dataclass(frozen=True)
class ClipChoices:
    style: str = "abstract_3d"
    seconds: int = 8
    size: str = "1280x720"
    quality: str = ""  # a picture's, for an Images provider ("" its default): each has its price


@dataclass(frozen=True)
class ClipOrder:
    """What the person chose to make: from what, how, and by whom (the window's Send hands this over)."""

    source: ClipSource
    choices: ClipChoices
    provider: str
    remix_of: int | None = None  # an earlier job whose clip the service remixes with this prompt


@dataclass(frozen=True)
class Quote:
    """Everything the person confirms before a job is written; sending it writes exactly ``request``."""

    provider: str
    label: str
    capabilities: Capabilities
    request: GenerationRequest
    composed: ComposedPrompt | None  # None: a scene file or an earlier job's request (remake)
    estimate: CostEstimate
    budget: BudgetState
    over_budget: str | None  # why sending would pass the monthly budget; None when it would not
    key: KeyStatus | None  # None: nothing leaves, no key needed
    available: bool
    unavailable_reason: str
    remix_source: Job | None
    entry_ids: tuple[int, ...]
    source: dict[str, Any] | None = None  # ClipSource.record(): kept on the job

    @property
    def remote(self) -> bool:
        return self.capabilities.remote

    @property
    def key_ready(self) -> bool:
        return self.key is None or self.key.state in ("stored", "session")

    def outgoing(self) -> dict[str, Any]:
        """Exactly what leaves the computer: a remix sends the prompt alone, for the service's own video."""
        if self.request.remix_of:
            return {"prompt": self.request.body["prompt"]}
        return dict(self.request.body)


class ClipStudio:
    def __init__(self, journal: Journal, *, providers: Providers | None = None, keys: KeyStore | None = None,
                 **runner_options: Any) -> None:
        self.journal = journal
        self.providers = providers or Providers(journal.db, keys)
        self.runner = JobRunner(journal.db, self.providers, **runner_options)
        self.costs = self.runner.costs
        self.store = self.runner.store

    # ---- 1-3: who, compose, quote -------------------------------------------------------------------

    def offers(self) -> list[Offer]:
        return self.providers.offers()

    def compose(self, source: ClipSource, choices: ClipChoices, provider_name: str, *,
                private_terms: list[str] | None = None) -> ComposedPrompt:
        """The prompt for ``source`` composed for this provider; JobRefused when it cannot make it."""
        from healthviz_desktop.core.prompting.composer import compose_explainer, compose_moment, compose_trend
        from healthviz_desktop.core.settings import private_terms_of

        provider = self.providers.get(provider_name)
        caps = self._offered(provider, choices)
        if source.kind == "scene":
            raise JobRefused("A scene file is drawn as it is; there is no prompt to compose.")
        terms = private_terms_of(self.journal.paths.settings) if private_terms is None else private_terms
        opts: dict[str, Any] = {"style": choices.style, "seconds": choices.seconds, "size": choices.size,
                                "model": caps.model, "private_terms": terms}
        try:
            if source.kind == "moment":
                composed = compose_moment(self.journal.get(int(source.entry_id or 0)), **opts)
            elif source.kind == "trend":
                assert source.first is not None and source.last is not None
                composed = compose_trend(self.journal.days_between(source.first, source.last), source.first,
                                         source.last, **opts)
            else:
                composed = compose_explainer(source.text, **opts)
        except ValueError as exc:
            raise JobRefused(str(exc)) from None
        if source.prompt is not None and source.prompt != composed.prompt:
            composed = composed.with_prompt(source.prompt)
        return composed

    def outgoing(self, composed: ComposedPrompt, choices: ClipChoices, provider_name: str) -> dict[str, Any]:
        """The request ``provider_name`` would get for ``composed`` (a window's preview), without checking it:
        the composed clip request, or for an Images provider the picture request made from it."""
        from healthviz_desktop.core.generation.sending import picture_body

        caps = self.providers.get(provider_name).capabilities()
        if caps.media != "image":
            return dict(composed.request)
        return picture_body(composed.request, caps, choices.quality, composed.spec.width, composed.spec.height)

    def quote(self, source: ClipSource, choices: ClipChoices, provider_name: str, *,
              remix_of: int | None = None) -> Quote:
        provider = self.providers.get(provider_name)
        remix_source = self._remix_source(remix_of, provider_name, provider) if remix_of is not None else None
        if remix_source is not None:  # the service remixes with the prompt alone: length and size are its
            choices = replace(choices, seconds=int(remix_source.request["seconds"]),
                              size=str(remix_source.request["size"]))
        composed = None
        if source.kind == "scene":
            request = self._scene_request(source, choices, provider)
        else:
            composed = self.compose(source, choices, provider_name)
            request = prepare_request(composed, provider, quality=choices.quality)
        if remix_source is not None:
            request = replace(request, body={**remix_source.request, "prompt": request.body["prompt"]},
                              remix_of=remix_source.remote_id)
        record = source.record(choices.style) if source.kind != "scene" else {"kind": "scene"}
        return self._quote(provider_name, provider, request, composed, remix_source, source.entry_ids, record)

    def remake(self, job_id: int) -> Quote:
        """A quote for the same request as an earlier job (one whose clip the service lost, say)."""
        job = self.store.get(job_id)
        provider = self.providers.get(job.provider)
        request = GenerationRequest(SceneSpec.from_dict(job.spec), dict(job.request))
        problem = provider.capabilities().check(request.body)
        if problem:
            raise JobRefused(f"{provider.label} cannot make job {job.id}'s clip any more: {problem}.")
        return self._quote(job.provider, provider, request, None, None, tuple(job.entry_ids), job.source)

    def _quote(self, name: str, provider: Provider, request: GenerationRequest, composed: ComposedPrompt | None,
               remix_source: Job | None, entry_ids: tuple[int, ...], source: dict[str, Any] | None) -> Quote:
        caps = provider.capabilities()
        estimate = provider.estimate(request)
        avail = provider.availability()
        key = self.providers.keys.status(name) if caps.remote else None
        return Quote(name, provider.label, caps, request, composed, estimate, self.costs.state(),
                     self.costs.refusal(estimate), key, avail.available, avail.reason, remix_source, entry_ids,
                     source)

    def _offered(self, provider: Provider, choices: ClipChoices) -> Capabilities:
        caps = provider.capabilities()
        if caps.media == "image":  # a picture, brought to life here: the clip is what this computer draws
            if choices.quality and choices.quality not in caps.qualities:
                raise JobRefused(f"{provider.label} offers {', '.join(caps.qualities)} quality, not "
                                 f"{choices.quality!r}.")
            drawn = self.providers.get(DEFAULT_PROVIDER).capabilities()
            problem = drawn.check({"model": drawn.model, "seconds": str(choices.seconds), "size": choices.size})
        elif caps.media == "video":
            problem = caps.check({"model": caps.model, "seconds": str(choices.seconds), "size": choices.size})
        else:
            raise JobRefused(f"{provider.label} makes {caps.media}s, not clips.")
        if problem:
            raise JobRefused(f"{provider.label} cannot make this clip: {problem}.")
        return caps

    def _scene_request(self, source: ClipSource, choices: ClipChoices, provider: Provider) -> GenerationRequest:
        caps = self._offered(provider, choices)
        if caps.remote:
            raise JobRefused("A scene file is for the local renderer only: what is sent to a service must come "
                             "from the journal through the prompt firewall (--entry or --range).")
        assert source.scene is not None
        body = {"model": caps.model, "prompt": "", "seconds": str(choices.seconds), "size": choices.size}
        return GenerationRequest(source.scene, body)

    def _remix_source(self, job_id: int, provider_name: str, provider: Provider) -> Job:
        """The earlier job to remix: a finished clip made by the same remote service (which keeps the video
        under its id for a while)."""
        source = self.store.get(job_id)
        source_can = self.providers.get(source.provider).capabilities().remix
        if not (source_can and provider.capabilities().remix):
            raise JobRefused("Only a clip made by a video service can be remixed, and only there: this computer "
                             "draws every clip anew (render again with other choices). Nothing was sent.")
        if source.status != "completed" or not source.remote_id:
            raise JobRefused(f"Job {source.id} has no finished clip at a video service to remix "
                             f"({source.status}). Nothing was sent.")
        if source.provider != provider_name:
            raise JobRefused(f"Job {source.id} was made by {source.provider!r}: remix it there with --provider "
                             f"{source.provider}. Nothing was sent.")
        return source

    # ---- 4-6: key, send, drive -------------------------------------------------------------------------

    def use_session_key(self, provider_name: str, key: str) -> None:
        """A key for this process only (no keyring): never written anywhere."""
        self.providers.keys.set_session(provider_name, key)

    def send(self, quote: Quote, *, output: Path | None = None) -> Job:
        """Write the job (nothing leaves yet). Raises JobRefused (output), BudgetExceeded."""
        if output is not None:
            check_output(output)
        problem = self.costs.refusal(quote.estimate)
        if problem:
            raise BudgetExceeded(problem)
        return self.runner.submit(quote.provider, quote.request, entry_ids=list(quote.entry_ids),
                                  output_path=str(Path(output).absolute()) if output is not None else None,
                                  source=quote.source)

    def drive(self, job_id: int, cancel: threading.Event | None = None, on_event: Listener | None = None) -> Job:
        """Run the job until it is done or needs the person; ``cancel`` stops between steps, job kept."""
        if on_event is None:
            return self.runner.run(job_id, cancel)

        def mine(event: Any) -> None:
            if event.job_id == job_id:
                on_event(event)

        self.runner.subscribe(mine)
        try:
            return self.runner.run(job_id, cancel)
        finally:
            self.runner.unsubscribe(mine)

    # ---- 7: afterwards ------------------------------------------------------------------------------

    def recover(self) -> list[Job]:
        """Classify what a crash left (stalled jobs keep saying why they wait); the jobs that can carry on."""
        return self.runner.recover(resume_stalled=False)

    def carry_on(self, cancel: threading.Event, progress: Progress | None = None) -> Recovery:
        return carry_on(self.runner, cancel, progress)

    def resume(self, job_id: int, *, resend: bool = False) -> Job:
        return self.runner.resume(job_id, resend=resend)

    def resume_all(self) -> list[Job]:
        """Every open job made active again (stalled ones too), oldest first."""
        return self.runner.recover(resume_stalled=True)

    def cancel(self, job_id: int) -> Job:
        return self.runner.cancel(job_id)

    def job(self, job_id: int) -> Job:
        return self.store.get(job_id)

    def jobs(self, limit: int = 200) -> list[Job]:
        return self.store.list_jobs(limit=limit)

    def waiting_for_decision(self) -> list[Job]:
        return self.store.list_jobs(("needs_decision",), limit=10_000)
