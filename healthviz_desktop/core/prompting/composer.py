"""The prompt composer: a journal entry, a date range or the person's own explainer notes → a scene spec,
the prompt text and the exact request, checked before anything can be sent.

The firewall rule: moment and trend prompts are built only from catalogue keys mapped through the
metaphor grammar and from numbers the app derives. Anything the person typed (notes, custom symptom or
medication names, tags, trigger names) is free text: a custom symptom name is mapped to the nearest
family through the grammar's synonym words or left out, and nothing typed is ever copied. Explainer
text is the one exception: it passes the de-identifier, then the person approves it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import RELIEF_LEVELS, Entry, Observation
from healthviz_desktop.core.prompting.deidentify import CATEGORY_LABELS, deidentify
from healthviz_desktop.core.prompting.grammar import Grammar, grammar
from healthviz_desktop.core.prompting.outbound_check import CheckVerdict, check_request
from healthviz_desktop.core.prompting.private_alternatives import avoid_private_words
from healthviz_desktop.core.prompting.prompt_text import (
    ClipOptions,
    build_request,
    clip_options,
    pick_beats,
    render,
)
from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec

MODES = ("moment", "trend", "explainer")
MAX_EXPLAINER_CHARS = 2000
_ABBREV = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|vs|approx|e\.g|i\.e|etc|no|fig)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Removed:
    """Something typed that the firewall kept out of the prompt, and why (shown to the person)."""

    field: str  # "notes", "observations[1].symptom", "tags[0]", "text" ...
    text: str
    reason: str
    start: int | None = None  # offsets in the source text (explainer replacements)
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "text": self.text, "reason": self.reason, "start": self.start,
                "end": self.end}


@dataclass(frozen=True)
class ComposedPrompt:
    mode: str
    spec: SceneSpec
    prompt: str
    request: dict[str, Any]
    removed: tuple[Removed, ...]
    verdict: CheckVerdict
    private_terms: tuple[str, ...] = ()
    needs_approval: bool = False  # explainer text: the person must approve the de-identified text
    edited: bool = False
    source_text: str = field(default="", repr=False)  # explainer input as typed (never sent)

    @property
    def can_send(self) -> bool:
        return self.verdict.ok

    def with_prompt(self, prompt: str) -> ComposedPrompt:
        """The same composition with a prompt the person edited, checked again. Words outside the grammar
        are flagged (not blocking) in moment and trend prompts; identifiers always block."""
        request = {**self.request, "prompt": prompt}
        vocab = grammar().vocabulary if self.mode in ("moment", "trend") else None
        edited = prompt != self.prompt
        verdict = check_request(request, self.private_terms, vocabulary=vocab, vocabulary_blocks=False,
                                typed=edited or self.mode == "explainer")
        return replace(self, prompt=prompt, request=request, verdict=verdict, edited=edited)

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "request": self.request, "verdict": self.verdict.to_dict(),
                "removed": [r.to_dict() for r in self.removed], "spec": self.spec.to_dict(),
                "needs_approval": self.needs_approval}


# ---- moment -----------------------------------------------------------------------------------------

def compose_moment(entry: Entry, *, style: str = "abstract_3d", seconds: int = 8, size: str = "1280x720",
                   model: str | None = None, private_terms: Sequence[str] = ()) -> ComposedPrompt:
    """One entry → one metaphor: its strongest symptom as the motif, severity as intensity, qualities
    as motion, duration as the beats, relief after a dose as the ending."""
    g = grammar()
    opts = clip_options(g, style, seconds, size, model)
    removed = free_text_removed(entry)
    mapped = [(obs, family_of(obs, g)) for obs in entry.observations]
    ranked = sorted((m for m in mapped if m[1] is not None), key=lambda m: -m[0].severity)
    primary = ranked[0] if ranked else None
    if primary is None:
        family_key, severity, obs = _no_symptom_family(entry), 0, None
    else:
        obs, family_key, severity = primary[0], str(primary[1]), primary[0].severity
    fam = g.families[family_key]
    quals = [g.qualities[q] for q in (obs.qualities if obs else []) if q in g.qualities]
    region_key = region_of(obs)
    duration = g.duration_class(obs.duration_minutes if obs else None)
    intensity = round(severity / 10, 2)
    beats_t = pick_beats(duration.beats, g.beats_for(opts.seconds))
    quality = quals[0].phrase if quals else f"it {fam.action}"
    beats = [b.format(subject=fam.subject, quality=quality) for b in beats_t]
    arc = [ArcPoint(t, round(intensity * f, 3)) for t, f in duration.arc]
    relief = best_relief(entry)
    if relief is not None:
        r = g.relief[relief]
        beats[-1] = r.phrase
        end = round(intensity * r.end, 3)
        arc = [p for p in arc if p.t < 1.0] or [ArcPoint(0.0, intensity)]
        arc.append(ArcPoint(1.0, end))
    cue = first_trigger_cue(entry, g)
    secondary = next((m[1] for m in ranked[1:] if m[1] != family_key), None)
    spec = replace(_spec(g, opts, "moment", family_key, severity, quals, region_key, beats, tuple(arc)),
                   cue=first_trigger_key(entry, g) or "", relief=relief or "", backdrop=secondary or "")
    prose = [f"{fam.subject} {fam.action} {fam.setting}, {g.regions[region_key].phrase}."]
    prose += [q.phrase + "." for q in _unique_phrases(quals)[:2]]
    prose.append(_intensity_sentence(g, severity))
    if cue:
        prose.append(g.prompt["cue_sentence"].format(cue=cue))
    if secondary:
        prose.append(g.prompt["background_sentence"].format(background=g.families[secondary].background))
    return _finish(g, opts, "moment", spec, prose, g.regions[region_key].shot, removed, private_terms)


def family_of(obs: Observation, g: Grammar | None = None) -> str | None:
    """The grammar family for an observation: the catalogue's for a catalogue symptom; for a typed
    name, the family its words point to, or None (left out)."""
    g = g or grammar()
    cat = catalogue()
    if not obs.custom and obs.symptom in cat.symptoms:
        return cat.symptoms[obs.symptom].family
    return g.family_for_words(obs.symptom)


def region_of(obs: Observation | None) -> str:
    cat = catalogue()
    if obs is None:
        return "field"
    if obs.body_area in cat.areas:
        return cat.areas[obs.body_area].region
    if not obs.custom and obs.symptom in cat.symptoms:
        return cat.areas[cat.symptoms[obs.symptom].area].region
    return "field"


def best_relief(entry: Entry) -> str | None:
    levels = [d.relief for d in entry.doses if d.relief in RELIEF_LEVELS]
    return max(levels, key=RELIEF_LEVELS.index) if levels else None


def first_trigger_cue(entry: Entry, g: Grammar) -> str | None:
    key = first_trigger_key(entry, g)
    return g.triggers[key] if key is not None else None


def first_trigger_key(entry: Entry, g: Grammar) -> str | None:
    for trig in entry.triggers:
        key = " ".join(trig.casefold().split())
        if g.triggers.get(key):
            return key
    return None


def free_text_removed(entry: Entry) -> list[Removed]:
    """What of this entry the prompt leaves out: everything the person typed."""
    g, cat = grammar(), catalogue()
    out: list[Removed] = []
    if entry.notes.strip():
        out.append(Removed("notes", entry.notes, "notes are free text and are never sent"))
    for i, obs in enumerate(entry.observations):
        if obs.custom or obs.symptom not in cat.symptoms:
            fam = g.family_for_words(obs.symptom)
            why = (f"your own symptom name is not sent; shown as the {fam.replace('_', ' ')} motif" if fam
                   else "your own symptom name is not sent and matches no motif, so it is left out")
            out.append(Removed(f"observations[{i}].symptom", obs.symptom, why))
    for i, dose in enumerate(entry.doses):
        if dose.custom:
            out.append(Removed(f"doses[{i}].name", dose.name, "medication names you typed are not sent"))
    for i, tag in enumerate(entry.tags):
        out.append(Removed(f"tags[{i}]", tag, "tags are free text and are never sent"))
    for i, trig in enumerate(entry.triggers):
        if " ".join(trig.casefold().split()) not in g.triggers:
            out.append(Removed(f"triggers[{i}]", trig, "a trigger you typed is not sent"))
    return out


def _no_symptom_family(entry: Entry) -> str:
    if entry.mood is not None and entry.mood <= 3:
        return "low_mood"
    if entry.energy is not None and entry.energy <= 3:
        return "fatigue"
    if entry.sleep_hours is not None and entry.sleep_hours < 5:
        return "insomnia"
    return "calm"


def _unique_phrases(quals: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for q in quals:
        if q.phrase not in seen:
            seen.add(q.phrase)
            out.append(q)
    return out


def _intensity_sentence(g: Grammar, severity: float) -> str:
    band = catalogue().severity_band(round(severity))
    pace = g.severity.pace_for(g.severity.pulse_at(severity))
    return g.prompt["intensity_sentence"].format(strength=g.severity.strength[band],
                                                 coverage=g.severity.coverage[band], pace=pace)


def palette_for(g: Grammar, severity: float, family_key: str) -> tuple[PaletteColour, ...]:
    band = catalogue().severity_band(round(severity))
    colours = [*g.palettes[band], g.families[family_key].accent]
    unique: dict[str, PaletteColour] = {}
    for c in colours:
        unique.setdefault(c.name, c)
    return tuple(unique.values())[:5]


def _spec(g: Grammar, opts: ClipOptions, mode: str, family_key: str, severity: float, quals: list[Any],
          region: str, beats: list[str], arc: tuple[ArcPoint, ...], extra: dict[str, Any] | None = None
          ) -> SceneSpec:
    return SceneSpec(
        mode=mode, family=family_key, motif=g.families[family_key].motif, style=opts.style,
        intensity=round(severity / 10, 2), pulse_hz=g.severity.pulse_at(severity),
        scale=g.severity.scale_at(severity), palette=palette_for(g, severity, family_key),
        motions=tuple(dict.fromkeys(q.motion for q in quals)), region=region, arc=arc, beats=tuple(beats),
        seconds=opts.seconds, width=opts.width, height=opts.height, extra=dict(extra or {}),
        textures=tuple(dict.fromkeys(q.texture for q in quals)),
        colour_temperature=g.severity.kelvin_at(severity),
    )


def _finish(g: Grammar, opts: ClipOptions, mode: str, spec: SceneSpec, prose: list[str], shot: str,
            removed: list[Removed], private_terms: Sequence[str], *, needs_approval: bool = False,
            source_text: str = "") -> ComposedPrompt:
    prompt = render(g, spec, prose, shot)
    request = build_request(opts, prompt)
    vocab = g.vocabulary if mode in ("moment", "trend") else None
    typed = mode == "explainer"
    verdict = check_request(request, private_terms, vocabulary=vocab, typed=typed)
    swapped = avoid_private_words(g, prompt, verdict, private_terms) if vocab is not None else None
    if swapped is not None:
        prompt = swapped
        request = build_request(opts, prompt)
        verdict = check_request(request, private_terms, vocabulary=vocab, typed=typed)
    return ComposedPrompt(mode, spec, prompt, request, tuple(removed), verdict, tuple(private_terms),
                          needs_approval, False, source_text)


# ---- trend ------------------------------------------------------------------------------------------

def compose_trend(entries: list[Entry], date_from: date, date_to: date, *, style: str = "abstract_3d",
                  seconds: int = 8, size: str = "1280x720", model: str | None = None,
                  private_terms: Sequence[str] = ()) -> ComposedPrompt:
    """A date range → an arc: measured change in severity (first week against last week) shapes the
    weather across the clip; nights with seven hours of sleep or more become bright stars."""
    from healthviz_desktop.core.prompting.trend_metrics import measure

    g = grammar()
    opts = clip_options(g, style, seconds, size, model)
    m = measure(entries, date_from, date_to, g)
    removed: list[Removed] = []
    for e in m.entries:
        removed.extend(replace(r, field=f"entry {e.id}: {r.field}" if e.id is not None else r.field)
                       for r in free_text_removed(e))
    fam = g.families[m.family]
    shape = g.arcs[m.shape]
    quals = [g.qualities[q] for q in m.qualities]
    words = _trend_words(g, m)
    beats = [b.format(subject=fam.subject, **words) for b in pick_beats(shape.beats, g.beats_for(opts.seconds))]
    arc = tuple(ArcPoint(t, round(v / 10, 3)) for t, v in m.arc)
    spec = replace(_spec(g, opts, "trend", m.family, m.mean, quals, m.region, beats, arc, extra=m.extra()),
                   shape=m.shape)
    prose = [f"{fam.subject} {fam.action} {fam.setting}, {g.regions[m.region].phrase}."]
    prose += [q.phrase + "." for q in _unique_phrases(quals)[:2]]
    same_band = words["start"] == words["end"]
    arc_phrase = (shape.phrase_same if same_band and shape.phrase_same else shape.phrase).format(**words)
    prose.append(g.prompt["trend_sentence"].format(start=_num(m.first_mean), end=_num(m.last_mean),
                                                   arc=arc_phrase))
    if m.nights_recorded:
        prose.append(g.prompt["sleep_sentence"].format(rested=m.nights_rested,
                                                       nights=m.nights_recorded - m.nights_rested))
    return _finish(g, opts, "trend", spec, prose, g.regions[m.region].shot, removed, private_terms)


def _trend_words(g: Grammar, m: Any) -> dict[str, str]:
    """The weather at the start, the end and overall, from the absolute level (a mean of 1.6 out of 10 is a
    light haze, not a storm), and the verb from the size of the change."""
    first, last, overall = m.bands
    strength = g.severity.strength
    return {"start": g.trend_levels[first], "end": g.trend_levels[last], "level": g.trend_levels[overall],
            "verb": g.arcs[m.shape].verb(m.degree), "start_strength": strength[first],
            "end_strength": strength[last], "strength": strength[overall]}


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ---- explainer --------------------------------------------------------------------------------------

def compose_explainer(text: str, *, private_terms: Sequence[str] = (), style: str = "scientific_illustration",
                      seconds: int = 8, size: str = "1280x720", model: str | None = None) -> ComposedPrompt:
    """The person's own notes on a mechanism ("how magnesium is thought to calm nerve signals"), de-identified
    and split into counted beats. The person must approve the result before it can be sent."""
    g = grammar()
    opts = clip_options(g, style, seconds, size, model)
    if not text.strip():
        raise ValueError("the explainer text is empty")
    if len(text) > MAX_EXPLAINER_CHARS:
        raise ValueError(f"the explainer text is {len(text)} characters; keep it under {MAX_EXPLAINER_CHARS}")
    clean, removed = explainer_text(text, private_terms)
    steps = split_steps(clean, g.beats_for(opts.seconds))
    fam = g.families["explainer"]
    beats = [g.prompt["explainer_beat"].format(text=s) for s in steps]
    spec = _spec(g, opts, "explainer", "explainer", 4, [], "field", beats, ())
    prose = [g.prompt["explainer_line"].format(count=len(steps), subject=fam.subject, setting=fam.setting)]
    return _finish(g, opts, "explainer", spec, prose, g.regions["field"].shot, removed, private_terms,
                   needs_approval=True, source_text=text)


def explainer_text(text: str, private_terms: Sequence[str] = ()) -> tuple[str, list[Removed]]:
    """The person's explainer text after both layers, and what each took out (offsets in ``text``): the
    de-identifier's placeholders, then ``[WORD]``/``[NUMBER]`` for every token the allowlist does not hold."""
    from healthviz_desktop.core.prompting.allowlist import restrict, unlisted_words

    spans = deidentify(text, private_terms).spans
    unlisted = unlisted_words(text, private_terms, skip=[(s.start, s.end) for s in spans])
    removed = [Removed("text", s.text, f"{CATEGORY_LABELS[s.category]} replaced by {s.placeholder}", s.start, s.end)
               for s in spans]
    removed += [Removed("text", u.text, f"{u.reason}: replaced by {u.placeholder}", u.start, u.end) for u in unlisted]
    removed.sort(key=lambda r: r.start or 0)
    marks = [(s.start, s.end, s.placeholder) for s in spans] + [(u.start, u.end, u.placeholder) for u in unlisted]
    return restrict(text, marks), removed


def split_steps(text: str, count: int) -> list[str]:
    """Sentences grouped, in order, into at most ``count`` beats of similar length."""
    sentences: list[str] = []
    for piece in (s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text)):
        if not piece:
            continue
        if sentences and _ABBREV.search(sentences[-1]):  # "Dr. [NAME] said": not a sentence end
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    if len(sentences) <= count:
        return [s.rstrip(".") for s in sentences]
    total = sum(len(s) for s in sentences)
    steps: list[list[str]] = [[]]
    acc = 0
    for i, s in enumerate(sentences):
        left = len(sentences) - i
        if steps[-1] and len(steps) < count and (acc >= total * len(steps) / count or left < count - len(steps) + 1):
            steps.append([])
        steps[-1].append(s)
        acc += len(s)
    return [" ".join(step).rstrip(".") for step in steps]
