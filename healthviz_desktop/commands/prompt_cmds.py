"""``healthviz deidentify`` and ``healthviz prompt``: the prompt firewall, headless.

Only argparse at top level: ``deidentify`` must start fast (no journal, no Qt, no SDK imports).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.prompting.composer import ComposedPrompt

EXIT_BLOCKED = 6  # the request was composed but the outbound check blocked it (commands/exit_codes.py)


def register(sub: Any) -> None:
    deid = sub.add_parser("deidentify", help="de-identify text from stdin (names, dates, numbers → placeholders)",
                          description="Reads text on stdin and writes it with identifiers replaced by neutral "
                                      "placeholders ([NAME], [DATE], [PLACE], [ID], ...). Offline.")
    deid.add_argument("--private-terms", metavar="FILE", help="extra words to remove, one per line")
    deid.add_argument("--jsonl", action="store_true",
                      help='read {"id", "text"} JSON lines, write the same shape with the text de-identified')
    deid.set_defaults(handler=cmd_deidentify)

    prompt = sub.add_parser("prompt", help="show the exact video request for an entry, a date range or notes",
                            description="Composes a de-identified visual-metaphor prompt and prints the exact "
                                        "request that would be sent, with the outbound check's verdict. Sends "
                                        f"nothing. Exit code {EXIT_BLOCKED} when the check blocks the request.")
    source = prompt.add_mutually_exclusive_group(required=True)
    source.add_argument("--entry", type=int, metavar="ID", help="one entry (moment mode)")
    source.add_argument("--range", metavar="FROM..TO", help="a date range, e.g. 2026-03-01..2026-03-28 (trend mode)")
    source.add_argument("--explainer", metavar="FILE", help="your own notes on a mechanism (- for stdin)")
    prompt.add_argument("--style", help="abstract_3d, watercolour, paper_cutout, clay or scientific_illustration")
    prompt.add_argument("--seconds", type=int, default=8, choices=(4, 8, 12))
    prompt.add_argument("--size", default="1280x720", help="1280x720, 720x1280, 1792x1024 or 1024x1792")
    prompt.add_argument("--private-terms", metavar="FILE", help="extra private terms, one per line")
    prompt.add_argument("--json", action="store_true", help="print machine-readable JSON")
    prompt.set_defaults(handler=cmd_prompt)


def read_terms_file(path: str | None) -> list[str]:
    from healthviz_desktop.commands.common import UserError

    if not path:
        return []
    try:
        with open(path, "rb") as fh:
            text = utf8_text(fh.read(), f"the private terms file {path}")
    except OSError as exc:
        raise UserError(f"cannot read private terms: {exc.strerror}: {path}") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def stdin_text() -> str:
    """All of standard input, decoded strictly as UTF-8 (a text stream without bytes is taken as it is)."""
    import sys

    raw = getattr(sys.stdin, "buffer", None)
    return utf8_text(raw.read(), "the input") if raw is not None else sys.stdin.read()


def utf8_text(data: bytes, what: str) -> str:
    """``data`` as UTF-8 text, or a UserError saying where it is not. Never guessed or patched with U+FFFD:
    text that is misread cannot be de-identified reliably (a name in another encoding would pass)."""
    from healthviz_desktop.commands.common import UserError

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise UserError(f"{what} is not UTF-8 text (byte {exc.start + 1}, line {line}); nothing was read. "
                        "Save it as UTF-8 (most editors offer this under Save As) and try again.") from exc


def settings_terms(args: argparse.Namespace) -> list[str]:
    """The private terms saved in Settings, when the settings module and file exist."""
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import private_terms_of

    return private_terms_of(DataPaths.at(getattr(args, "data_dir", None)).settings)


def private_terms(args: argparse.Namespace) -> list[str]:
    terms = [*settings_terms(args), *read_terms_file(args.private_terms)]
    return list(dict.fromkeys(t for t in terms if t.strip()))


def cmd_deidentify(args: argparse.Namespace) -> int:
    import json
    import sys

    from healthviz_desktop.commands.common import UserError
    from healthviz_desktop.core.prompting.deidentify import deidentify

    terms = private_terms(args)
    given = stdin_text()  # all of it first: nothing is written for bad input
    if not args.jsonl:
        sys.stdout.write(deidentify(given, terms).text)
        return 0
    out = sys.stdout
    for number, line in enumerate(given.split("\n"), start=1):  # not splitlines(): U+2028 may be in a string
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(record, dict) or not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f'line {number}: expected a JSON object with a "text" string') from exc
        result: dict[str, Any] = {"id": record.get("id"), "text": deidentify(text, terms).text}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def cmd_prompt(args: argparse.Namespace) -> int:
    from healthviz_desktop.commands.common import UserError, open_journal, print_json
    from healthviz_desktop.core.prompting import composer

    terms = private_terms(args)
    options: dict[str, Any] = {"seconds": args.seconds, "size": args.size}
    if args.style:
        options["style"] = args.style
    try:
        if args.explainer is not None:
            composed = composer.compose_explainer(_read_text(args.explainer), private_terms=terms, **options)
        else:
            journal = open_journal(args)
            try:
                if args.entry is not None:
                    composed = composer.compose_moment(journal.get(args.entry), private_terms=terms, **options)
                else:
                    first, last = _parse_range(args.range)
                    composed = composer.compose_trend(journal.days_between(first, last), first, last,
                                                      private_terms=terms, **options)
            finally:
                journal.close()
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json(composed.to_dict())
    else:
        print(render_report(composed))
    return 0 if composed.verdict.ok else EXIT_BLOCKED


def render_report(composed: ComposedPrompt) -> str:
    import json

    lines = ["Exactly what would be sent (POST /videos):", json.dumps(composed.request, ensure_ascii=False, indent=2),
             "", "Prompt as the generator reads it:", composed.prompt, ""]
    if composed.removed:
        lines.append("Left out by the firewall:")
        lines += [f"  - {r.field}: {r.reason}" for r in composed.removed]
        lines.append("")
    lines.append(f"Check: {composed.verdict.summary()}")
    lines += [f"  - {f.message}" for f in composed.verdict.findings]
    if composed.needs_approval:
        lines.append("This prompt carries your own (de-identified) words: read it before sending.")
    return "\n".join(lines)


def _parse_range(text: str) -> tuple[Any, Any]:
    from datetime import date

    from healthviz_desktop.commands.common import UserError

    try:
        first_s, last_s = text.split("..")
        first, last = date.fromisoformat(first_s.strip()), date.fromisoformat(last_s.strip())
    except ValueError as exc:
        raise UserError(f"--range must look like 2026-03-01..2026-03-28, not {text!r}") from exc
    if last < first:
        raise UserError("--range ends before it starts")
    return first, last


def _read_text(path: str) -> str:

    from healthviz_desktop.commands.common import UserError

    try:
        if path == "-":
            return stdin_text()
        with open(path, "rb") as fh:
            return utf8_text(fh.read(), path)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
