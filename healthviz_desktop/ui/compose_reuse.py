"""Compose set up from a clip of the library: its maker, what it was made from, its style, length and size, and
its exact prompt as the person's own edit (checked again by the outbound firewall, like any edit; explainer
notes need approving again). For a remix, the maker, length and size are the earlier clip's and fixed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard


def _choose(box: Any, value: Any) -> bool:
    index = int(box.findData(value))
    if index >= 0:
        box.setCurrentIndex(index)
    return index >= 0


def apply_reuse(dialog: Any, card: ClipCard, *, remix: bool = False) -> None:
    source = card.source or {}
    _choose(dialog.provider, card.provider)
    if card.kind in ("moment", "trend", "explainer"):
        _choose(dialog.mode, card.kind)
    if card.kind == "moment" and card.entry_id is not None:
        _choose(dialog.entry, card.entry_id)
    _choose(dialog.style_box, source.get("style") or card.style)
    _choose(dialog.seconds, card.seconds)
    _choose(dialog.size_box, card.size)
    if card.kind == "explainer" and source.get("text"):
        dialog.explainer.setPlainText(str(source["text"]))
    if card.prompt and dialog.composed is not None:
        dialog.prompt.setPlainText(card.prompt)  # the person's edit from here on: checked as one
    if remix:
        for box in (dialog.provider, dialog.seconds, dialog.size_box, dialog.mode):
            box.setEnabled(False)
        dialog.setWindowTitle(f"Remix “{card.name}” at {card.provider_label}")
        dialog.send.setText("&Send remix…")
    else:
        dialog.setWindowTitle(f"Compose — reusing the prompt of “{card.name}”")
