"""``healthviz keys set|delete|status`` and ``healthviz providers list|set|remove``.

Keys are read from a hidden prompt or from standard input, never from the command line (argv is visible
to every user of the machine and lands in shell history).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from healthviz_desktop.commands import exit_codes
from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json


def _providers(journal: Any) -> Any:
    from healthviz_desktop.core.providers.registry import Providers

    return Providers(journal.db)


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="API keys in the system keyring")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kset = ksub.add_parser("set", help="store a key (read from a hidden prompt or standard input)")
    kset.add_argument("provider")
    kset.set_defaults(handler=cmd_keys_set)
    kdel = ksub.add_parser("delete", help="forget a key")
    kdel.add_argument("provider")
    kdel.set_defaults(handler=cmd_keys_delete)
    kstat = ksub.add_parser("status", help="is a key stored? (never shows it)")
    kstat.add_argument("provider")
    add_json_flag(kstat)
    kstat.set_defaults(handler=cmd_keys_status)

    prov = sub.add_parser("providers", help="clip generators: list, add or change, remove")
    psub = prov.add_subparsers(dest="providers_command", metavar="ACTION", required=True)
    plist = psub.add_parser("list", help="known providers")
    add_json_flag(plist)
    plist.set_defaults(handler=cmd_providers_list)
    pset = psub.add_parser("set", help="add or change a service: the /videos protocol (default) or, with "
                                       "--kind images, an Images API whose picture becomes a clip here")
    pset.add_argument("name")
    pset.add_argument("--kind", choices=("videos", "images"), default="videos",
                      help="videos: a /videos service makes the clip; images: an Images API makes a still "
                           "picture and this computer brings it to life")
    pset.add_argument("--base-url", required=True)
    pset.add_argument("--model", default=None, help="default sora-2 (videos) or gpt-image-2 (images)")
    pset.add_argument("--price-per-second", type=float, default=0.10, help="videos: the clip's price per second")
    pset.add_argument("--sizes", default=None,
                      help="videos: 1280x720,720x1280 (default); images: picture sizes, sides multiples of 16 "
                           "(default 1536x1024,1024x1536,1024x1024)")
    pset.add_argument("--seconds", default="4,8,12", help="videos: clip lengths offered")
    pset.add_argument("--qualities", default="medium,low,high",
                      help="images: qualities offered, the default first (default medium,low,high)")
    pset.add_argument("--prices", default="", metavar="QUALITY=USD,...",
                      help="images: price per picture for each quality, e.g. low=0.01,medium=0.05,high=0.2 "
                           "(needed for a model without published prices)")
    pset.add_argument("--safety-identifier", choices=("on", "off"), default=None,
                      help="images: send a random identifier made for this installation with each request "
                           "(off unless you turn it on; it says nothing about you)")
    pset.add_argument("--label", default="")
    pset.add_argument("--settle", type=float, default=120.0, metavar="SECONDS",
                      help="after a create request got no answer, how long its video may take to show in the "
                           "service's list before HealthViz concludes none was made and sends again (default 120)")
    pset.set_defaults(handler=cmd_providers_set)
    prm = psub.add_parser("remove", help="remove a provider (its key stays until `keys delete`)")
    prm.add_argument("name")
    prm.set_defaults(handler=cmd_providers_remove)


def _read_key(prompt: str) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_keys_set(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.keys import KeyStore

    store = KeyStore()
    key = _read_key(f"API key for {args.provider}: ")
    store.set(args.provider, key)
    print(f"key for {args.provider} stored in the system keyring")
    return 0


def cmd_keys_delete(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.keys import KeyStore

    found = KeyStore().delete(args.provider)  # with no keyring to ask: NoKeyring, a plain message
    print(f"key for {args.provider} {'deleted' if found else 'was not stored in the system keyring'}")
    return 0


def cmd_keys_status(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.keys import KeyStore

    status = KeyStore().status(args.provider)
    if args.json:
        print_json({"provider": status.provider, "state": status.state, "message": status.message,
                    "backend": status.backend})
    else:
        print(f"{status.provider}: {status.state} - {status.message}")
    return exit_codes.OK if status.state in ("stored", "session") else exit_codes.PROBLEM  # no key to use


# ---- providers -------------------------------------------------------------------------------------

def cmd_providers_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        providers = _providers(journal)
        rows = []
        for info in providers.infos():
            provider = providers.get(info.name)
            avail, caps = provider.availability(), provider.capabilities()
            rows.append({"name": info.name, "kind": info.kind, "label": info.label,
                         "available": avail.available, "reason": avail.reason, "seconds": list(caps.seconds),
                         "sizes": list(caps.sizes), "models": list(caps.models), "media": caps.media,
                         "base_url": info.settings.base_url if info.settings else None,
                         "price_per_second": caps.pricing.per_second, "qualities": list(caps.qualities),
                         "price_per_picture": [{"quality": r.quality, "size": r.size, "price": r.price}
                                               for r in caps.pricing.per_picture],
                         "safety_identifier": any(k == "safety_identifier" for k, _ in caps.fixed_fields)})
    finally:
        journal.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        note = "" if r["available"] or r["reason"] in r["label"] else f"  ({r['reason']})"
        print(f"{r['name']:<12} {r['label']}{note}")
    return 0


def cmd_providers_set(args: argparse.Namespace) -> int:
    from healthviz_desktop.commands.prompt_cmds import settings_terms
    from healthviz_desktop.core.prompting.outbound_check import check_provider_settings

    model = args.model or ("gpt-image-2" if args.kind == "images" else "sora-2")
    verdict = check_provider_settings(args.base_url, model, settings_terms(args))
    if not verdict.ok:  # the URL and model go out with every request: the firewall checks them too
        raise UserError(f"provider {args.name} not saved: {verdict.summary()}")
    journal = open_journal(args)
    try:
        providers = _providers(journal)
        settings = _image_settings(args, model, providers) if args.kind == "images" else _video_settings(args, model)
        try:
            providers.save(settings)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    finally:
        journal.close()
    print(f"provider {args.name} saved (add its key with `healthviz keys set {args.name}`)")
    return 0


def _listed(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _video_settings(args: argparse.Namespace, model: str) -> Any:
    from healthviz_desktop.core.providers.sora import SoraSettings

    try:
        seconds = tuple(int(s) for s in args.seconds.split(","))
    except ValueError:
        raise UserError("--seconds takes numbers like 4,8,12") from None
    return SoraSettings(name=args.name, base_url=args.base_url, model=model, price_per_second=args.price_per_second,
                        label=args.label, sizes=_listed(args.sizes or "1280x720,720x1280"), seconds=seconds,
                        settle=args.settle)


def _image_settings(args: argparse.Namespace, model: str, providers: Any) -> Any:
    from healthviz_desktop.core.providers.images import ImagesSettings, new_safety_identifier

    prices: dict[str, float] = {}
    for part in _listed(args.prices):
        quality, _, amount = part.partition("=")
        try:
            prices[quality.strip()] = float(amount)
        except ValueError:
            raise UserError("--prices takes QUALITY=USD pairs, e.g. low=0.01,medium=0.05,high=0.2") from None
    try:
        before = providers.info(args.name).settings
    except LookupError:
        before = None
    kept = before.safety_identifier if isinstance(before, ImagesSettings) else ""
    if args.safety_identifier == "on":
        safety = kept or new_safety_identifier()  # one value for this installation, kept while it is on
    else:
        safety = "" if args.safety_identifier == "off" else kept
    defaults = ImagesSettings(name=args.name, base_url=args.base_url)
    return ImagesSettings(name=args.name, base_url=args.base_url, model=model, label=args.label,
                          sizes=_listed(args.sizes) if args.sizes else defaults.sizes,
                          qualities=_listed(args.qualities), prices=prices, safety_identifier=safety)


def cmd_providers_remove(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        found = _providers(journal).remove(args.name)
    finally:
        journal.close()
    print(f"provider {args.name} {'removed' if found else 'was not configured'}")
    return 0
