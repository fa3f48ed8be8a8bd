"""``healthviz report``, ``healthviz export-doctor`` and ``healthviz verify``: the doctor's report and
export, headless (Qt draws offscreen), and reading a clip's C2PA manifest back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

SECTION_NAMES = ("key_numbers", "calendar", "medication_days", "medications", "patterns", "clip", "detail")


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--range", required=True, metavar="FROM..TO", help="the period (YYYY-MM-DD..YYYY-MM-DD)")
    parser.add_argument("--name", default="", help="add this name to the report (off unless given)")
    parser.add_argument("--notes", action="store_true", help="include your notes (after page one)")
    parser.add_argument("--omit", action="append", default=[], choices=SECTION_NAMES, metavar="SECTION",
                        help=f"leave a section out (repeatable): {', '.join(SECTION_NAMES)}")
    parser.add_argument("--paper", choices=("auto", "a4", "letter"), default="auto",
                        help="page size (default: by your locale)")


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="write the one-page summary for your doctor as a PDF")
    _report_options(report)
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    report.add_argument("--with-clip", type=int, metavar="JOB", help="show this clip job's still and prompt")
    report.set_defaults(handler=cmd_report)

    export = sub.add_parser("export-doctor", help="report.pdf, a labelled signed clip, its prompt and a README, "
                                                  "in a new folder or a .zip")
    _report_options(export)
    export.add_argument("--clip", type=int, metavar="JOB", help="the finished clip job to include")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", type=Path, metavar="DIR", help="a new folder to create")
    where.add_argument("--zip", type=Path, metavar="FILE.zip", help="a ZIP file to create")
    add_json_flag(export)
    export.set_defaults(handler=cmd_export)

    verify = sub.add_parser("verify", help="read an exported clip's C2PA manifest and check it (offline)")
    verify.add_argument("clip", type=Path)
    add_json_flag(verify)
    verify.set_defaults(handler=cmd_verify)


def _options(args: argparse.Namespace) -> Any:
    from healthviz_desktop.core.report.export_files import SECTIONS, ReportOptions

    return ReportOptions(display_name=args.name, include_notes=args.notes,
                         sections=frozenset(SECTIONS) - set(args.omit), paper=args.paper)


def _period(args: argparse.Namespace) -> Any:
    from healthviz_desktop.core.report.summary import parse_range

    try:
        return parse_range(args.range)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def cmd_report(args: argparse.Namespace) -> int:
    out: Path = args.output
    if out.suffix.lower() != ".pdf":
        raise UserError(f"{out} does not end in .pdf: give the report a .pdf name. Nothing was written.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist. Nothing was written.")
    period, options = _period(args), _options(args)
    journal = open_journal(args)
    try:
        from healthviz_desktop.reporting.doctor_export import write_report

        pages = write_report(journal, period, out, options, clip_job=args.with_clip)
    finally:
        journal.close()
    print(f"wrote {out} ({pages} page{'s' * (pages != 1)})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from healthviz_desktop.reporting.doctor_export import ExportRequest, export_for_doctor

    target: Path = args.folder or args.zip
    if args.zip is not None and target.suffix.lower() != ".zip":
        raise UserError(f"{target} does not end in .zip. Nothing was written.")
    period, options = _period(args), _options(args)
    journal = open_journal(args)
    try:
        result = export_for_doctor(journal, ExportRequest(period, target, options, args.clip))
    finally:
        journal.close()
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        print_json({"destination": str(result.destination), "files": result.files, "pages": result.pages,
                    "clip": result.verification.as_dict() if result.verification else None})
    else:
        print(f"wrote {result.destination}: {', '.join(result.files)}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.provenance.credentials import trust_anchors
    from healthviz_desktop.core.provenance.signing import verify_clip

    anchors = trust_anchors(DataPaths.at(args.data_dir).root)
    result = verify_clip(args.clip, anchors)
    if args.json:
        print_json(result.as_dict())
    else:
        print(_describe(result, bool(anchors)))
    return 0 if result.trusted else 1


def _describe(v: Any, have_anchor: bool) -> str:
    if not v.found:
        mark = f"; its XMP says {v.xmp_source_type}" if v.xmp_source_type else ""
        return f"No C2PA manifest in this file{mark}."
    lines = [f"C2PA manifest: {v.action or 'no action'}, digital source type {v.source_type or 'not given'}",
             f"  made with {v.generator or 'an unnamed tool'}, signed by {v.signer or 'an unnamed signer'}",
             f"  XMP DigitalSourceType: {v.xmp_source_type or 'absent'}"]
    if v.trusted:
        lines.append("Valid, and signed by HealthViz on this computer (its own certificate authority).")
    elif v.problems:
        lines.append("NOT VALID: the file changed after it was signed, or the manifest is damaged:")
        lines += [f"  {p}" for p in v.problems]
    elif not have_anchor:
        lines.append("The signature is intact, but this HealthViz never signed a clip, so it cannot say who did.")
    else:
        lines.append("The signature is intact, but it was not made by HealthViz on this computer.")
    return "\n".join(lines)
