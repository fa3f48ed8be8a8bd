"""Check a held-out file: python3 validate.py FILE PREFIX MIN_ENTRIES. Prints problems, then counts."""
import json
import re
import sys
from collections import Counter

KINDS = {"name", "geographic", "date", "phone", "fax", "email", "ssn", "mrn", "health_plan", "account", "licence",
         "vehicle", "device", "url", "ip", "biometric", "photo", "age_over_89", "quasi"}
FIELDS = (("text", str), ("private_terms", list), ("identifiers", list), ("keep", list), ("phi_free", bool))


def check_identifier(rid: str, text: str, ident: dict, problems: list[str]) -> None:
    if not isinstance(ident.get("text"), str) or ident["text"] not in text:
        problems.append(f"{rid}: identifier text {ident.get('text')!r} is not verbatim in the text")
    secrets = ident.get("secrets")
    if not isinstance(secrets, list) or not secrets:
        problems.append(f"{rid}: identifier {ident.get('text')!r} needs a non-empty secrets list")
        return
    for s in secrets:
        if not isinstance(s, str) or not s.strip() or s not in ident.get("text", ""):
            problems.append(f"{rid}: secret {s!r} must be a non-empty piece of its identifier's text")
        elif not re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", text, re.IGNORECASE):
            problems.append(f"{rid}: secret {s!r} must occur as a whole word in the text")


def main() -> int:
    path, prefix, minimum = sys.argv[1], sys.argv[2], int(sys.argv[3])
    problems: list[str] = []
    ids: set[str] = set()
    kinds: Counter[str] = Counter()
    n = free = 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {no}: not JSON ({e})")
            continue
        n += 1
        rid = r.get("id", "")
        if not str(rid).startswith(prefix):
            problems.append(f"line {no}: id {rid!r} must start with {prefix!r}")
        if rid in ids:
            problems.append(f"line {no}: duplicate id {rid!r}")
        ids.add(rid)
        for key, typ in FIELDS:
            if not isinstance(r.get(key), typ):
                problems.append(f"{rid}: field {key!r} missing or not a {typ.__name__}")
        text = r.get("text", "")
        if not isinstance(text, str) or len(text) < 20:
            problems.append(f"{rid}: text too short")
            continue
        for t in r.get("private_terms", []) or []:
            if not isinstance(t, str) or not t.strip():
                problems.append(f"{rid}: empty private term")
        idents = r.get("identifiers", []) or []
        if r.get("phi_free") and idents:
            problems.append(f"{rid}: phi_free entries must have no identifiers")
        if not r.get("phi_free") and not idents:
            problems.append(f"{rid}: an entry with no identifiers must be phi_free")
        free += bool(r.get("phi_free"))
        for ident in idents:
            if ident.get("kind") not in KINDS:
                problems.append(f"{rid}: unknown kind {ident.get('kind')!r}")
            kinds[ident.get("kind")] += 1
            check_identifier(rid, text, ident, problems)
        for k in r.get("keep", []) or []:
            if not isinstance(k, str) or k not in text:
                problems.append(f"{rid}: keep item {k!r} not verbatim in the text")
            elif any(isinstance(i.get("text"), str) and (k in i["text"] or i["text"] in k) for i in idents):
                problems.append(f"{rid}: keep item {k!r} overlaps an identifier")
    for p in problems[:60]:
        print("PROBLEM", p)
    print(f"{len(problems)} problems; {n} entries (need >= {minimum}); {free} with no identifiers; "
          f"kinds: {dict(kinds)}")
    return 1 if problems or n < minimum else 0


if __name__ == "__main__":
    sys.exit(main())
