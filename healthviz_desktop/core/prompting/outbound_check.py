"""The last gate: a check on the exact request body that would leave the laptop.

It runs on every string in the request, offline and deterministically, and blocks the request when it
finds a private term, a name, a place, an address, a date, an age over 89, a phone/fax number, an
e-mail address, a URL, an IP address, an ID-like number, an employer or a school (the de-identifier's
detector), a field the video API does not take, or a value outside the allowed ones. For moment and
trend prompts, which the app writes itself, it also rejects any word outside the metaphor grammar's
vocabulary; after the person edits a prompt those words are flagged (shown) but do not block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from healthviz_desktop.core.prompting.deidentify import CATEGORY_LABELS, find_identifiers

ALLOWED_FIELDS = ("model", "prompt", "seconds", "size")
ALLOWED_SECONDS = ("4", "8", "12")
ALLOWED_SIZES = ("720x1280", "1280x720", "1024x1792", "1792x1024")
_MODEL = re.compile(r"[a-z][a-z0-9.\-]{1,40}")
_VOCAB_WORD = re.compile(r"[A-Za-z]+")
# bytes: A-Z to a-z, a-z kept, everything else a space
_LOWER_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
MAX_PROMPT_CHARS = 4000
# the video models OpenAI's published spec names (../shared/openapi): the app's own defaults, which a person's private
# term ("Sora", a given name) must not make unsendable; a model name typed in the settings is still checked
PUBLISHED_MODELS = ("sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-2025-12-08", "sora-2-pro-2025-10-06")
_ENUMERATED = ({("seconds", s) for s in ALLOWED_SECONDS} | {("size", s) for s in ALLOWED_SIZES}
               | {("model", m) for m in PUBLISHED_MODELS})


@dataclass(frozen=True)
class Finding:
    """Something the check found: what kind, in which field, and where (``field`` text[start:end])."""

    category: str  # a de-identifier category, or "field", "value", "vocabulary"
    field: str
    start: int
    end: int
    text: str
    message: str
    blocking: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "field": self.field, "start": self.start, "end": self.end,
                "text": self.text, "message": self.message, "blocking": self.blocking}


@dataclass(frozen=True)
class CheckVerdict:
    ok: bool
    findings: tuple[Finding, ...] = ()

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.blocking)

    def summary(self) -> str:
        if self.ok and not self.findings:
            return "passed: nothing identifying found"
        if self.ok:
            return f"passed, with {len(self.findings)} note(s)"
        first = self.blocking[0]
        more = f" (and {len(self.blocking) - 1} more)" if len(self.blocking) > 1 else ""
        return f"blocked: {first.message}{more}"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "summary": self.summary(), "findings": [f.to_dict() for f in self.findings]}


def check_request(request: dict[str, Any], private_terms: Sequence[str] = (), *,
                  vocabulary: frozenset[str] | None = None, vocabulary_blocks: bool = True,
                  typed: bool = False) -> CheckVerdict:
    """Check the request body exactly as it would be sent. ``vocabulary`` (casefolded words) restricts
    every word of the prompt to it: blocking unless ``vocabulary_blocks`` is False (an edited prompt).
    ``typed`` (explainer text, an edited prompt: words the person typed) adds the allowlist layer: every
    token of the prompt outside the app's vocabularies blocks, whatever the de-identifier thought of it."""
    findings: list[Finding] = []
    for key in request:
        if key not in ALLOWED_FIELDS:
            findings.append(Finding("field", str(key), 0, len(str(key)), str(key),
                                    f"field {key!r} is not part of a video request"))
    _check_values(request, findings)
    prompt = request.get("prompt")
    # a prompt the app wrote from its grammar alone (every word in the vocabulary, nothing typed): the rules that read
    # a typed ordinary word as a name are for typed text; digits, capitals and private terms are still checked
    grammar_only = not typed and vocabulary is not None and isinstance(prompt, str) and _all_in(prompt, vocabulary)
    for path, text in _strings(request):
        if (path, text) in _ENUMERATED:
            continue  # an allowed value from a fixed list ("8", "1280x720") cannot carry anything else
        words_typed = not (grammar_only and path == "prompt")
        for span in find_identifiers(text, private_terms, typed=words_typed):
            findings.append(Finding(span.category, path, span.start, span.end, span.text,
                                    f"{CATEGORY_LABELS[span.category]} in {path} at {span.start}–{span.end}: "
                                    f"{span.text!r}"))
    if grammar_only and private_terms and isinstance(prompt, str) and vocabulary is not None:
        findings.extend(_said_private_words(prompt, private_terms, vocabulary, findings))
    if typed and isinstance(prompt, str):
        findings.extend(allowlist_findings(prompt, private_terms))
    outside = set() if vocabulary is None or not isinstance(prompt, str) or _all_in(prompt, vocabulary) else {
        w for w in _VOCAB_WORD.findall(prompt) if w.casefold() not in vocabulary}
    if outside and isinstance(prompt, str):  # only then find where they are
        taken = [(f.start, f.end) for f in findings if f.field == "prompt" and f.blocking]
        for m in _VOCAB_WORD.finditer(prompt):
            if m.group() in outside and not any(s <= m.start() < e for s, e in taken):
                findings.append(Finding("vocabulary", "prompt", m.start(), m.end(), m.group(),
                                        f"word {m.group()!r} at {m.start()} is not from the metaphor vocabulary",
                                        blocking=vocabulary_blocks))
    findings.sort(key=lambda f: (f.field, f.start, f.end))
    return CheckVerdict(ok=not any(f.blocking for f in findings), findings=tuple(findings))


def _said_private_words(prompt: str, private_terms: Sequence[str], vocabulary: frozenset[str],
                        found: list[Finding]) -> list[Finding]:
    """A private term that is one of the grammar's own words with no other word for it ("Motif" for someone called
    so; the composer swaps the words that have one, "amber"): in a prompt the app wrote, that word is the person's
    own word whatever its case, so it blocks (failing safe), as the check would for a name. A term the person model
    reads as a common word only where it is a name ("An", "Or") is left to it."""
    from healthviz_desktop.core.prompting.deid_person import fold_text, person_model

    taken = {(f.start, f.end) for f in found if f.field == "prompt"}
    out: list[Finding] = []
    for term in private_terms:
        if not person_model((term,)).strong:
            continue
        for word in {term.casefold(), fold_text(term).casefold()} & vocabulary:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", prompt, re.IGNORECASE):
                if (m.start(), m.end()) not in taken:
                    taken.add((m.start(), m.end()))
                    out.append(Finding("private", "prompt", m.start(), m.end(), m.group(),
                                       f"{CATEGORY_LABELS['private']} in prompt at {m.start()}–{m.end()}: "
                                       f"{m.group()!r} (one of your private terms, a word of the app's own with no "
                                       "other word for it)"))
    return out


def allowlist_findings(prompt: str, private_terms: Sequence[str] = ()) -> list[Finding]:
    """The allowlist layer's verdict on a prompt: one blocking finding per unlisted token."""
    from healthviz_desktop.core.prompting.allowlist import unlisted_words

    return [Finding("unlisted", "prompt", u.start, u.end, u.text,
                    f"{u.text!r} at {u.start}–{u.end} is held back by the allowlist: {u.reason}")
            for u in unlisted_words(prompt, private_terms)]


def _all_in(prompt: str, vocabulary: frozenset[str]) -> bool:
    """Whether every ``_VOCAB_WORD`` of the prompt, casefolded, is in ``vocabulary``, in C: in UTF-8 every byte
    of a non-ASCII character is >= 0x80, so the ASCII letter runs of the bytes are the words, and an ASCII
    word's casefold is its lower case."""
    letters = prompt.encode("utf-8", "surrogatepass").translate(_LOWER_LETTERS).decode("ascii")
    return vocabulary.issuperset(letters.split())


def _check_values(request: dict[str, Any], findings: list[Finding]) -> None:
    def bad(key: str, message: str) -> None:
        value = str(request.get(key))
        findings.append(Finding("value", key, 0, len(value), value, message))

    model, prompt = request.get("model"), request.get("prompt")
    if not isinstance(model, str) or not _MODEL.fullmatch(model):
        bad("model", "model must be a plain model name such as 'sora-2'")
    if not isinstance(prompt, str) or not prompt.strip():
        bad("prompt", "the prompt is empty")
    elif len(prompt) > MAX_PROMPT_CHARS:
        bad("prompt", f"the prompt is {len(prompt)} characters; the limit is {MAX_PROMPT_CHARS}")
    if request.get("seconds") not in ALLOWED_SECONDS:
        bad("seconds", f"seconds must be one of {', '.join(ALLOWED_SECONDS)} (as a string)")
    if request.get("size") not in ALLOWED_SIZES:
        bad("size", f"size must be one of {', '.join(ALLOWED_SIZES)}")


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a JSON-like value with its path ("prompt", "extra[0].note"); keys included."""
    if isinstance(value, str):
        yield path or "value", value
    elif isinstance(value, dict):
        for k, v in value.items():
            key_path = f"{path}.{k}" if path else str(k)
            if str(k) not in ALLOWED_FIELDS:
                yield f"{key_path} (field name)", str(k)
            yield from _strings(v, key_path)
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


_URL_SEPARATORS = re.compile(r"[/._\-?=&:%+~#]")
_LONG_DIGITS = re.compile(r"\d{5,}")


def check_provider_settings(base_url: str, model: str, private_terms: Sequence[str] = ()) -> CheckVerdict:
    """Whether a provider's base URL and model name (sent with every request) can be set: neither may carry a
    private term, and the URL's path and query and the model name nothing the de-identifier would remove (a
    name, a date, an ID-like number). The host is checked for private terms only: services have odd names."""
    from urllib.parse import urlsplit

    from healthviz_desktop.core.prompting.allowlist import private_parts
    from healthviz_desktop.core.prompting.vocabulary import fold

    parts = private_parts(private_terms)
    findings: list[Finding] = []
    try:
        url = urlsplit(base_url)
        host = url.hostname or ""
    except ValueError:
        return CheckVerdict(False, (Finding("value", "base_url", 0, len(base_url), base_url,
                                            "the base URL is not a valid URL"),))
    path = base_url[base_url.find(url.path):] if url.path else (f"?{url.query}" if url.query else "")
    checks = (("base_url (host)", host, False), ("base_url (path)", path, True), ("model", model, True))
    for field_name, value, full in checks:
        if field_name == "model" and value in PUBLISHED_MODELS:
            continue  # the spec's own names: a person called Sora can use "sora-2"
        words = _URL_SEPARATORS.sub(" ", value)  # same length: offsets stay those of the value
        for span in find_identifiers(words, private_terms):
            if full or span.category == "private":
                findings.append(Finding(span.category, field_name, span.start, span.end, value[span.start:span.end],
                                        f"{CATEGORY_LABELS[span.category]} in the provider's {field_name}: "
                                        f"{value[span.start:span.end]!r}"))
        for m in re.finditer(r"[^\W_]+", words):  # any part of a private term, ordinary word or not
            taken = any(f.field == field_name and f.start <= m.start() < f.end for f in findings)
            if not taken and fold(m.group()) in parts:
                findings.append(Finding("private", field_name, m.start(), m.end(), m.group(),
                                        f"a part of one of your private terms in the provider's {field_name}"))
        for m in _LONG_DIGITS.finditer(words) if full else ():
            if not any(f.field == field_name and f.start <= m.start() < f.end for f in findings):
                findings.append(Finding("id", field_name, m.start(), m.end(), m.group(),
                                        f"an ID-like number in the provider's {field_name}: {m.group()!r}"))
    return CheckVerdict(ok=not findings, findings=tuple(findings))
