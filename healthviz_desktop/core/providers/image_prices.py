"""What a picture costs: the published per-picture prices (the estimate before sending) and per-token prices
(what the ledger records from the answer's ``usage``), kept as data in ``data/image_prices.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from healthviz_desktop.core.providers.base import PicturePrice

PER_MILLION = 1_000_000


@dataclass(frozen=True)
class TokenPrices:
    """US dollars per million tokens."""

    text_input: float
    cached_text_input: float
    image_input: float
    cached_image_input: float
    image_output: float
    text_output: float

    def cost(self, usage: dict[str, Any]) -> float | None:
        """Dollars for a response's ``usage`` (input and output tokens, with their details); None when it
        does not say enough to price (then the estimate stands)."""
        try:
            given_in, given_out = int(usage["input_tokens"]), int(usage["output_tokens"])
        except (KeyError, TypeError, ValueError):
            return None
        into = usage.get("input_tokens_details") or {}
        out = usage.get("output_tokens_details") or {}
        cached = int(into.get("cached_tokens", 0) or 0)
        text_in = int(into.get("text_tokens", given_in - int(into.get("image_tokens", 0) or 0)) or 0)
        image_in = max(0, given_in - text_in)
        cached_text = min(cached, text_in)
        # a picture's output is image tokens unless the answer says some were text
        text_out = int(out.get("text_tokens", 0) or 0)
        image_out = int(out.get("image_tokens", given_out - text_out) or 0)
        dollars = ((text_in - cached_text) * self.text_input + cached_text * self.cached_text_input
                   + image_in * self.image_input + text_out * self.text_output + image_out * self.image_output)
        return round(dollars / PER_MILLION, 6)


@cache
def _table() -> dict[str, Any]:
    from healthviz_desktop.core.resources import load_toml

    return dict(load_toml("image_prices.toml").get("models", {}))


def token_prices(model: str) -> TokenPrices | None:
    row = _table().get(model, {}).get("tokens")
    return TokenPrices(**{k: float(v) for k, v in row.items()}) if row else None


def picture_prices(model: str) -> tuple[PicturePrice, ...]:
    """Every published (quality, size, price) of ``model``, cheapest quality first; () when not listed."""
    rows = _table().get(model, {}).get("pictures", {})
    return tuple(PicturePrice(quality, size, float(price)) for quality, sizes in rows.items()
                 for size, price in sizes.items())


def usage_cost(model: str, usage: dict[str, Any] | None) -> float | None:
    """Dollars for a response's usage by ``model``'s published token prices; None when either is unknown."""
    prices = token_prices(model)
    if prices is None or not usage:
        return None
    return prices.cost(usage)
