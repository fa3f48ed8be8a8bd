"""``healthviz render`` and ``healthviz jobs list|resume|cancel|remake|budget|ledger``.

The CLI's side of ClipStudio (core/generation/studio.py, whose docstring says what happens on Send): it
parses, shows the quote and asks, and draws progress. Making the clip is the studio's, as in the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from healthviz_desktop.commands import exit_codes
from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.generation.runner import JobEvent
    from healthviz_desktop.core.generation.studio import ClipSource, ClipStudio, Quote
    from healthviz_desktop.core.journal import Journal

Handler = Callable[[argparse.Namespace], int]
DID_NOT_FINISH = exit_codes.NOT_FINISHED
INTERRUPTED = exit_codes.INTERRUPTED


def register(sub: Any) -> None:
    render = sub.add_parser("render", help="make a clip from an entry or a date range")
    src = render.add_mutually_exclusive_group(required=True)
    src.add_argument("--entry", type=int, metavar="ID", help="one entry: a moment")
    src.add_argument("--range", metavar="FROM..TO", help="a date range (YYYY-MM-DD..YYYY-MM-DD): a trend")
    src.add_argument("--scene", metavar="FILE", help="a scene spec as JSON (local renderer only)")
    render.add_argument("--provider", default=None,
                        help="local (default, offline, free) or a provider name")
    render.add_argument("--seconds", type=int, default=8, help="4, 8 or 12 (default 8)")
    render.add_argument("--size", default="1280x720", help="1280x720 (default) or 720x1280")
    render.add_argument("--style", default="abstract_3d", help="visual style preset")
    render.add_argument("--quality", default="", choices=("", "low", "medium", "high"), metavar="QUALITY",
                        help="an Images provider's picture quality: low, medium or high (its default: medium); "
                             "the price of each is shown before anything is sent")
    render.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="where to save the MP4 (also when the job is carried on later)")
    render.add_argument("--yes", action="store_true", help="send a paid request without asking")
    render.add_argument("--remix", type=int, metavar="JOB",
                        help="remix the clip of an earlier job at the same service (its id stays there) "
                             "with this prompt, instead of making a new one")
    add_json_flag(render)
    render.set_defaults(handler=cmd_render)

    jobs = sub.add_parser("jobs", help="list, resume, cancel or remake clip jobs; budget and ledger")
    jsub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    lst = jsub.add_parser("list", help="clip jobs, newest first")
    lst.add_argument("--limit", type=int, default=50)
    add_json_flag(lst)
    lst.set_defaults(handler=cmd_jobs_list)
    resume = jsub.add_parser("resume", help="carry on unfinished jobs (all, or one), delivering each clip "
                                            "where it was asked for")
    resume.add_argument("id", type=int, nargs="?")
    resume.add_argument("--resend", action="store_true",
                        help="for a job the service could not account for: send it again (counted as spent twice)")
    add_json_flag(resume)
    resume.set_defaults(handler=cmd_jobs_resume)
    cancel = jsub.add_parser("cancel", help="stop a job for good")
    cancel.add_argument("id", type=int)
    cancel.set_defaults(handler=cmd_jobs_cancel)
    remake = jsub.add_parser("remake", help="make an earlier job's clip again, as a new job (e.g. one the "
                                            "service no longer has)")
    remake.add_argument("id", type=int)
    remake.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="where to save the MP4 (default: where the earlier job was to save it)")
    remake.add_argument("--yes", action="store_true", help="send a paid request without asking")
    add_json_flag(remake)
    remake.set_defaults(handler=cmd_jobs_remake)
    budget = jsub.add_parser("budget", help="show or set the monthly budget for paid clips")
    budget.add_argument("amount", type=float, nargs="?")
    budget.add_argument("--clear", action="store_true", help="remove the budget")
    budget.set_defaults(handler=cmd_jobs_budget)
    ledger = jsub.add_parser("ledger", help="what paid clips cost")
    ledger.add_argument("--month", help="YYYY-MM (default: all)")
    add_json_flag(ledger)
    ledger.set_defaults(handler=cmd_jobs_ledger)


def _studio(journal: Journal) -> ClipStudio:
    from healthviz_desktop.core.generation.studio import ClipStudio

    return ClipStudio(journal)


# ---- render ----------------------------------------------------------------------------------------

def cmd_render(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.generation.clip_files import check_output
    from healthviz_desktop.core.generation.studio import ClipChoices
    from healthviz_desktop.core.providers.registry import DEFAULT_PROVIDER

    check_output(args.output)  # before anything is rendered or paid for
    journal = open_journal(args)
    try:
        studio = _studio(journal)
        for cut_off in (j for j in studio.recover() if j.status == "sending"):
            print(f"note: job {cut_off.id}: {cut_off.message}", file=sys.stderr)
        for waiting in studio.waiting_for_decision():
            print(f"note: job {waiting.id} needs your decision: {waiting.message}", file=sys.stderr)
        choices = ClipChoices(args.style, args.seconds, args.size, args.quality)
        quote = studio.quote(_source(args), choices, args.provider or DEFAULT_PROVIDER, remix_of=args.remix)
        return _send_and_drive(studio, quote, args.output, args)
    finally:
        journal.close()


def _source(args: argparse.Namespace) -> ClipSource:
    from datetime import date

    from healthviz_desktop.core.generation.studio import ClipSource
    from healthviz_desktop.core.scene import SceneSpec

    if args.scene:
        return ClipSource.from_scene(SceneSpec.from_dict(json.loads(Path(args.scene).read_text(encoding="utf-8"))))
    if args.entry is not None:
        return ClipSource.moment(args.entry)
    first, sep, last = str(args.range).partition("..")
    try:
        if not sep:
            raise ValueError
        return ClipSource.trend(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError:
        raise UserError("--range needs FROM..TO, e.g. 2026-03-01..2026-03-31") from None


def _send_and_drive(studio: ClipStudio, quote: Quote, output: Path | None, args: argparse.Namespace) -> int:
    if quote.remote and not _confirm(studio, quote, args):
        print("Not sent: nothing left this computer.", file=sys.stderr)
        return 0
    job = studio.send(quote, output=output)
    print(f"job {job.id}: {quote.label}", file=sys.stderr)
    return _report(_drive(studio, job.id, args), args)


def _confirm(studio: ClipStudio, quote: Quote, args: argparse.Namespace) -> bool:
    """Show exactly what leaves and what it costs; True when the person says send."""
    from healthviz_desktop.core.generation.costs import BudgetExceeded

    if not quote.available:
        print(f"note: {quote.label}: {quote.unavailable_reason}; the request will most likely fail.", file=sys.stderr)
    if quote.over_budget:
        raise BudgetExceeded(quote.over_budget)
    print(f"This request leaves your computer for {quote.label}:", file=sys.stderr)
    if quote.request.remix_of:
        print(f"(a remix of the service's video {quote.request.remix_of})", file=sys.stderr)
    print(json.dumps(quote.outgoing(), indent=2, ensure_ascii=False), file=sys.stderr)
    print(f"Cost: {quote.estimate.describe()}. {quote.budget.describe()}.", file=sys.stderr)
    if quote.capabilities.media == "image":
        print(picture_note(quote), file=sys.stderr)
    if not quote.key_ready:
        assert quote.key is not None
        if quote.key.state != "no_keyring" or not sys.stdin.isatty():
            raise UserError(quote.key.message)
        import getpass

        print(quote.key.message, file=sys.stderr)
        studio.use_session_key(quote.provider, getpass.getpass(f"API key for {quote.label} (this session only): "))
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserError("This request costs money: add --yes to send it without a prompt.")
    return input("Send it? [y/N] ").strip().lower() in ("y", "yes")


def picture_note(quote: Quote) -> str:
    """For an Images provider: only the prompt leaves; what each quality of this picture costs."""
    from healthviz_desktop.core.providers.base import format_money

    caps, size = quote.capabilities, str(quote.request.body.get("size"))
    prices = ", ".join(f"{q} {format_money(caps.pricing.picture(q, size), caps.pricing.currency)}"
                       for q in sorted(caps.qualities, key=lambda q: caps.pricing.picture(q, size)))
    return (f"Only the prompt leaves; the {quote.request.spec.seconds} s clip is drawn on this computer from the "
            f"picture. A {size} picture costs {prices} (choose with --quality).")


def _drive(studio: ClipStudio, job_id: int, args: argparse.Namespace) -> Job:
    import threading

    bar = _ProgressBar() if sys.stderr.isatty() and not getattr(args, "json", False) else None
    try:
        return studio.drive(job_id, threading.Event(), bar.update if bar is not None else None)
    except KeyboardInterrupt:
        raise UserError(stopped_message(studio.job(job_id)), INTERRUPTED) from None
    finally:
        if bar is not None:
            bar.done()


def stopped_message(job: Job) -> str:
    """What is true of a job after Ctrl-C, and what carries it on."""
    resume = f"`healthviz jobs resume {job.id}`"
    if job.status == "pending":
        return (f"Stopped before the request was sent: nothing left this computer. {resume} sends it; "
                f"`healthviz jobs cancel {job.id}` drops it.")
    if job.status == "sending":
        return f"Stopped. {job.message}" if job.message else (
            f"Stopped while the request was going out. {resume} asks the service whether it made the clip and "
            "carries on; it is sent again only if the service made nothing.")
    if job.status == "running":
        return (f"Stopped. The service has the request and is making the clip; {resume} carries on (nothing "
                "is sent again).")
    if job.status == "downloading":
        return f"Stopped while the clip was arriving; {resume} finishes it (nothing is sent or paid again)."
    if job.undelivered:
        return f"Stopped after the clip was made; {resume} saves it as {job.output_path}."
    return f"Stopped. Job {job.id} is {job.status.replace('_', ' ')}. {job.message}".rstrip()


def _report(job: Job, args: argparse.Namespace) -> int:
    if job.status == "completed" and not job.undelivered:
        if getattr(args, "json", False):
            print_json({**job.summary(), "output": job.output_path or job.clip_path})
        else:
            print(job.output_path or job.clip_path)
        return 0
    if job.status == "completed":  # made and kept, but it could not be put where it was asked for
        raise UserError(f"job {job.id}: {job.message}")
    raise UserError(f"job {job.id} {job.status.replace('_', ' ')}: {job.message}", DID_NOT_FINISH)


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
    from healthviz_desktop.core.providers.base import format_money

    journal = open_journal(args)
    try:
        studio = _studio(journal)
        studio.recover()
        jobs = studio.jobs(args.limit)
    finally:
        journal.close()
    if args.json:
        print_json([j.summary() for j in jobs])
        return 0
    for j in jobs:
        line = f"{j.id:>4}  {j.status:<15} {j.provider:<10} {j.clip_seconds}s {j.clip_size}"
        if j.picture:
            line += f" from a {j.request.get('size')} {j.request.get('quality')} picture"
        if j.estimate:
            line += f"  ~{format_money(j.estimate, j.currency)}"
        print(line + (f"  {j.message}" if j.message and not j.done else ""))
    return 0


def cmd_jobs_resume(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        studio = _studio(journal)
        if args.id is not None:
            job = studio.resume(args.id, resend=args.resend)
            if job.id != args.id:
                print(f"job {args.id} is sent again as job {job.id} (both are counted as spent)", file=sys.stderr)
            if job.status == "needs_decision":
                raise UserError(job.message, DID_NOT_FINISH)
            targets = [job]
        else:
            targets = studio.resume_all()
        results = [_drive(studio, job.id, args) if not job.done else job for job in targets]
        if args.id is None:  # they cannot carry on without the person: say so, never exit 0 quietly
            driven = {j.id for j in results}
            results += [j for j in studio.waiting_for_decision() if j.id not in driven]
        if args.json:
            print_json([j.summary() for j in results])
        else:
            for job in results:
                if job.status == "completed" and not job.undelivered:
                    detail = job.output_path or job.clip_path or ""
                else:
                    detail = job.message
                print(f"job {job.id}: {job.status.replace('_', ' ')} {detail or ''}".rstrip())
        return 0 if all(j.status == "completed" and not j.undelivered for j in results) else DID_NOT_FINISH
    finally:
        journal.close()


def cmd_jobs_cancel(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        job = _studio(journal).cancel(args.id)
    finally:
        journal.close()
    print(f"job {job.id}: {job.status}")
    return 0


def cmd_jobs_remake(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        studio = _studio(journal)
        earlier = studio.job(args.id)
        output = args.output or (Path(earlier.output_path) if earlier.output_path else None)
        if output is not None:
            from healthviz_desktop.core.generation.clip_files import check_output

            check_output(output)
        return _send_and_drive(studio, studio.remake(args.id), output, args)
    finally:
        journal.close()


def cmd_jobs_budget(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        costs = _studio(journal).costs
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
        rows = _studio(journal).costs.ledger(args.month)
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
