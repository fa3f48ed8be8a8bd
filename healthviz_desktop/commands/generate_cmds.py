"""``healthviz render`` and ``healthviz jobs list|resume|cancel|budget|ledger``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

if TYPE_CHECKING:
    from healthviz_desktop.core.jobs import JobEvent, JobRunner
    from healthviz_desktop.core.journal import Journal

Handler = Callable[[argparse.Namespace], int]


def register(sub: Any) -> None:
    render = sub.add_parser("render", help="make a clip from an entry or a date range")
    src = render.add_mutually_exclusive_group(required=True)
    src.add_argument("--entry", type=int, metavar="ID", help="one entry: a moment")
    src.add_argument("--range", metavar="FROM..TO", help="a date range (YYYY-MM-DD..YYYY-MM-DD): a trend")
    src.add_argument("--scene", metavar="FILE", help="a scene spec as JSON (local renderer only)")
    render.add_argument("--provider", default="local",
                        help="local (default, offline, free) or a provider name")
    render.add_argument("--seconds", type=int, default=8, help="4, 8 or 12 (default 8)")
    render.add_argument("--size", default="1280x720", help="1280x720 (default) or 720x1280")
    render.add_argument("--style", default="abstract_3d", help="visual style preset")
    render.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="where to save the MP4")
    render.add_argument("--yes", action="store_true", help="send a paid request without asking")
    render.add_argument("--remix", type=int, metavar="JOB",
                        help="remix the clip of an earlier job at the same service (its id stays there) "
                             "with this prompt, instead of making a new one")
    add_json_flag(render)
    render.set_defaults(handler=cmd_render)

    jobs = sub.add_parser("jobs", help="list, resume or cancel clip jobs; budget and ledger")
    jsub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    lst = jsub.add_parser("list", help="clip jobs, newest first")
    lst.add_argument("--limit", type=int, default=50)
    add_json_flag(lst)
    lst.set_defaults(handler=cmd_jobs_list)
    resume = jsub.add_parser("resume", help="carry on unfinished jobs (all, or one)")
    resume.add_argument("id", type=int, nargs="?")
    resume.add_argument("--resend", action="store_true",
                        help="for a job that may or may not have reached the service: send it again")
    add_json_flag(resume)
    resume.set_defaults(handler=cmd_jobs_resume)
    cancel = jsub.add_parser("cancel", help="stop a job for good")
    cancel.add_argument("id", type=int)
    cancel.set_defaults(handler=cmd_jobs_cancel)
    budget = jsub.add_parser("budget", help="show or set the monthly budget for paid clips")
    budget.add_argument("amount", type=float, nargs="?")
    budget.add_argument("--clear", action="store_true", help="remove the budget")
    budget.set_defaults(handler=cmd_jobs_budget)
    ledger = jsub.add_parser("ledger", help="what finished paid clips cost")
    ledger.add_argument("--month", help="YYYY-MM (default: all)")
    add_json_flag(ledger)
    ledger.set_defaults(handler=cmd_jobs_ledger)



def _runner(journal: Journal, *, recover: bool = False) -> JobRunner:
    """``recover``: first classify jobs an earlier crash left (one query when there are none), so a job
    that may be a paid one shows as needing a decision; stalled jobs stay stalled, saying why."""
    from healthviz_desktop.core.jobs import JobRunner

    runner = JobRunner(journal.db)
    if recover:
        runner.recover(resume_stalled=False)
    return runner


def _awaiting_decision(runner: JobRunner) -> list[Any]:
    """Jobs that may be paid jobs at the service and wait for the person (resend or cancel)."""
    return runner.store.list_jobs(("needs_decision",), limit=10_000)


# ---- render ----------------------------------------------------------------------------------------

def cmd_render(args: argparse.Namespace) -> int:
    _check_output(args.output)
    journal = open_journal(args)
    try:
        runner = _runner(journal, recover=True)
        for waiting in _awaiting_decision(runner):
            print(f"note: job {waiting.id} needs your decision: {waiting.message}", file=sys.stderr)
        provider = runner.providers.get(args.provider)
        caps = provider.capabilities()
        source = _remix_source(runner, args) if args.remix is not None else None
        request = _build_request(journal, args, provider)
        if source is not None:
            from dataclasses import replace

            # the service remixes with the prompt alone: length, size and model are the source's
            request = replace(request, body={**source.request, "prompt": request.body["prompt"]},
                              remix_of=source.remote_id)
        if caps.remote:
            _confirm_send(runner, provider, request, args)
        job = runner.submit(args.provider, request)
        print(f"job {job.id}: {provider.label}", file=sys.stderr)
        job = _drive(runner, job.id, args)
        return _deliver(job, args)
    finally:
        journal.close()


def _remix_source(runner: JobRunner, args: argparse.Namespace) -> Any:
    """The earlier job to remix: a finished clip made by the same remote service (which keeps the video
    under its id for a while). The new prompt is composed for the source's length and size, the only
    ones the service's remix can give back."""
    from healthviz_desktop.core.providers.local import LOCAL_NAME

    source = runner.store.get(args.remix)
    if LOCAL_NAME in (source.provider, args.provider):
        raise UserError("Only a clip made by a video service can be remixed, and only there: this computer "
                        "draws every clip anew (render again with other choices). Nothing was sent.")
    if source.status != "completed" or not source.remote_id:
        raise UserError(f"Job {source.id} has no finished clip at a video service to remix ({source.status}). "
                        "Nothing was sent.")
    if source.provider != args.provider:
        raise UserError(f"Job {source.id} was made by {source.provider!r}: remix it there with --provider "
                        f"{source.provider}. Nothing was sent.")
    args.seconds, args.size = int(source.request["seconds"]), str(source.request["size"])
    return source


def _check_output(out: Path) -> None:
    """Before anything is rendered or paid for: the clip must be able to land where it was asked to."""
    import tempfile

    folder = out.parent
    nothing = "Nothing was rendered or sent."
    if out.is_dir():
        raise UserError(f"{out} is a folder: give a file name for the clip, e.g. {out / 'clip.mp4'}. {nothing}")
    if not folder.is_dir():
        raise UserError(f"The folder {folder} does not exist, so the clip cannot be saved as {out}. Create it "
                        f"or choose another place. {nothing}")
    try:  # a real file, not os.access(): that says yes to root and knows nothing of read-only mounts
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{out.name}.", suffix=".check"):
            pass
    except OSError as exc:
        raise UserError(f"The clip cannot be saved in {folder} ({exc.strerror or exc}). Choose a folder you "
                        f"can write to. {nothing}") from None


def _build_request(journal: Journal, args: argparse.Namespace, provider: Any) -> Any:
    from healthviz_desktop.core.providers.base import GenerationRequest
    from healthviz_desktop.core.providers.local import LOCAL_MODEL
    from healthviz_desktop.core.scene import SceneSpec

    caps = provider.capabilities()
    model = caps.models[0] if caps.models else None
    if args.scene:
        if caps.remote:
            raise UserError("--scene is for the local renderer only: what is sent to a service must come "
                            "from the journal through the prompt firewall (--entry or --range).")
        spec = SceneSpec.from_dict(json.loads(Path(args.scene).read_text(encoding="utf-8")))
        body = {"model": LOCAL_MODEL, "prompt": "", "seconds": str(args.seconds), "size": args.size}
        problem = caps.check(body)
        if problem:
            raise UserError(f"{provider.label} cannot make this clip: {problem}.")
        return GenerationRequest(spec, body)
    from healthviz_desktop.core.sending import prepare_request

    return prepare_request(_compose(journal, args, model), provider)


def _compose(journal: Journal, args: argparse.Namespace, model: str | None) -> Any:
    from datetime import date

    from healthviz_desktop.core.prompting.composer import compose_moment, compose_trend
    from healthviz_desktop.core.settings import private_terms_of

    terms = private_terms_of(journal.paths.settings)
    opts = {"style": args.style, "seconds": args.seconds, "size": args.size, "model": model,
            "private_terms": terms}
    try:
        if args.entry is not None:
            return compose_moment(journal.get(args.entry), **opts)
        first, sep, last = str(args.range).partition("..")
        if not sep:
            raise UserError("--range needs FROM..TO, e.g. 2026-03-01..2026-03-31")
        start, end = date.fromisoformat(first), date.fromisoformat(last)
        return compose_trend(journal.days_between(start, end), start, end, **opts)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _confirm_send(runner: JobRunner, provider: Any, request: Any, args: argparse.Namespace) -> None:
    from healthviz_desktop.core.keys import KeyStore

    avail = provider.availability()
    if not avail.available:
        print(f"note: {provider.label}: {avail.reason}; the request will most likely fail.", file=sys.stderr)
    estimate = provider.estimate(request)
    runner.costs.check(estimate)
    print(f"This request leaves your computer for {provider.label}:", file=sys.stderr)
    if request.remix_of:  # a remix sends the prompt alone, for the service's own video
        print(f"(a remix of the service's video {request.remix_of})", file=sys.stderr)
        print(json.dumps({"prompt": request.body["prompt"]}, indent=2, ensure_ascii=False), file=sys.stderr)
    else:
        print(json.dumps(request.body, indent=2, ensure_ascii=False), file=sys.stderr)
    print(f"Cost: {estimate.describe()}. {runner.costs.state().describe()}.", file=sys.stderr)
    store = KeyStore()
    if store.get(provider.name) is None:
        status = store.status(provider.name)
        if status.state == "no_keyring" and sys.stdin.isatty():
            import getpass

            print(status.message, file=sys.stderr)
            key = getpass.getpass(f"API key for {provider.label} (this session only): ")
            store.set_session(provider.name, key)
        else:
            raise UserError(status.message)
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise UserError("This request costs money: add --yes to send it without a prompt.")
    answer = input("Send it? [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise UserError("Not sent.", exit_code=0)


def _drive(runner: JobRunner, job_id: int, args: argparse.Namespace) -> Any:
    import threading

    bar = _ProgressBar() if sys.stderr.isatty() and not getattr(args, "json", False) else None
    if bar is not None:
        runner.subscribe(bar.update)
    try:
        return runner.run(job_id, threading.Event())
    except KeyboardInterrupt:
        raise UserError(f"Stopped. The job is kept: `healthviz jobs resume {job_id}` carries on.",
                        130) from None
    finally:
        if bar is not None:
            bar.done()


def _deliver(job: Any, args: argparse.Namespace) -> int:
    import contextlib
    import os
    import shutil

    if job.status != "completed":
        raise UserError(f"job {job.id} {job.status.replace('_', ' ')}: {job.message}", exit_code=5)
    out: Path = args.output
    tmp = out.with_name(f".{out.name}.part")
    try:
        shutil.copyfile(job.clip_path, tmp)
        os.replace(tmp, out)
    except OSError as exc:  # checked before sending, but the folder can go away (or fill up) meanwhile
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise UserError(f"job {job.id} is done, but the clip could not be saved as {out} "
                        f"({exc.strerror or exc}). It is kept safe at {job.clip_path}: copy it from there "
                        "(`healthviz jobs list` shows it too).") from None
    if getattr(args, "json", False):
        print_json({**job.summary(), "output": str(out)})
    else:
        print(out)
    return 0


class _ProgressBar:
    WORDS: ClassVar[dict[str, str]] = {
        "pending": "waiting", "sending": "sending", "running": "at the service",
        "downloading": "rendering/downloading", "completed": "done"}

    def __init__(self) -> None:
        self.width = 30

    def update(self, event: JobEvent) -> None:
        filled = int(self.width * max(0.0, min(1.0, event.progress)))
        word = self.WORDS.get(event.status, event.status.replace("_", " "))
        line = f"\r[{'#' * filled}{'.' * (self.width - filled)}] {event.progress:4.0%} {word:<22}"
        sys.stderr.write(line)
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


# ---- jobs ------------------------------------------------------------------------------------------

def cmd_jobs_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        jobs = _runner(journal, recover=True).store.list_jobs(limit=args.limit)
    finally:
        journal.close()
    if args.json:
        print_json([j.summary() for j in jobs])
        return 0
    for j in jobs:
        line = (f"{j.id:>4}  {j.status:<15} {j.provider:<10} "
                f"{j.request.get('seconds')}s {j.request.get('size')}")
        if j.estimate:
            line += f"  ~${j.estimate:.2f}"
        print(line + (f"  {j.message}" if j.message and not j.finished else ""))
    return 0


def cmd_jobs_resume(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        runner = _runner(journal)
        targets = runner.recover(resume_stalled=args.id is None)
        if args.id is not None:
            job = runner.resume(args.id, resend=args.resend)
            if job.status == "needs_decision":
                raise UserError(job.message)
            targets = [job]
        results = [_drive(runner, job.id, args) for job in targets if not job.finished]
        if args.id is None:  # they cannot carry on without the person: say so, never exit 0 quietly
            driven = {j.id for j in results}
            results += [j for j in _awaiting_decision(runner) if j.id not in driven]
        if args.json:
            print_json([j.summary() for j in results])
        else:
            for job in results:
                detail = job.clip_path if job.status == "completed" else job.message
                print(f"job {job.id}: {job.status.replace('_', ' ')} {detail or ''}".rstrip())
        return 0 if all(j.status == "completed" for j in results) else 5
    finally:
        journal.close()


def cmd_jobs_cancel(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        job = _runner(journal).cancel(args.id)
    finally:
        journal.close()
    print(f"job {job.id}: {job.status}")
    return 0


def cmd_jobs_budget(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        costs = _runner(journal).costs
        if args.clear:
            costs.set_budget(None)
        elif args.amount is not None:
            if args.amount < 0:
                raise UserError("a budget cannot be negative")
            costs.set_budget(args.amount)
        print(costs.state().describe())
    finally:
        journal.close()
    return 0


def cmd_jobs_ledger(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        rows = _runner(journal).costs.ledger(args.month)
    finally:
        journal.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{str(r['recorded_at'])[:10]}  job {r['job_id']:>4}  {r['provider']:<10} {r['seconds']}s "
              f"{r['size']}  ${float(str(r['amount'])):.2f}")
    total = sum(float(str(r["amount"])) for r in rows)
    print(f"total ${total:.2f}")
    return 0


# ---- keys ------------------------------------------------------------------------------------------
