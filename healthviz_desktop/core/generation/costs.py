"""What clips cost: the estimate shown before sending, the ledger of what completed jobs cost, and a
monthly budget that stops new sends before they happen.

The budget counts the month's ledger plus every job that may still be charged (sent or about to be),
so two quick sends cannot slip past it together. Amounts are the provider's price per second times the
clip's seconds, or for an Images provider the published price of the picture (quality x size), as
configured: an estimate, since the service's own bill is the final word. An Images job's ledger entry is
what its answer's usage says (core/providers/image_prices.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.providers.base import CostEstimate, format_money

BUDGET_KEY = "generation.monthly_budget"


class BudgetExceeded(Exception):
    """A send refused because the monthly budget would be passed; the message says what to do."""


@dataclass(frozen=True)
class BudgetState:
    month: str
    budget: float | None
    spent: float
    committed: float
    currency: str = "USD"

    @property
    def remaining(self) -> float | None:
        return None if self.budget is None else max(0.0, self.budget - self.spent - self.committed)

    def describe(self) -> str:
        used = f"{format_money(self.spent, self.currency)} spent"
        if self.committed:
            used += f", {format_money(self.committed, self.currency)} in jobs still running"
        if self.budget is None:
            return f"{self.month}: {used}; no monthly budget set"
        return f"{self.month}: {used} of a {format_money(self.budget, self.currency)} monthly budget"


def current_month(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y-%m")


class Costs:
    def __init__(self, store: JobStore) -> None:
        self.store = store

    def budget(self) -> float | None:
        value = self.store.get_meta(BUDGET_KEY)
        try:
            return None if value is None else float(value)
        except ValueError:
            return None

    def set_budget(self, amount: float | None) -> None:
        if amount is not None and amount < 0:
            raise ValueError("a budget cannot be negative")
        self.store.set_meta(BUDGET_KEY, None if amount is None else repr(float(amount)))

    def state(self, month: str | None = None) -> BudgetState:
        month = month or current_month()
        return BudgetState(month, self.budget(), self.store.spent(month), self.store.committed())

    def refusal(self, estimate: CostEstimate) -> str | None:
        """Why sending this would take the month past the budget, or None when it would not."""
        if estimate.amount <= 0:
            return None
        st = self.state()
        if st.budget is None or st.spent + st.committed + estimate.amount <= st.budget + 1e-9:
            return None
        return (f"Not sent: this clip would cost {format_money(estimate.amount, estimate.currency)}, and "
                f"{st.describe()}. Raise the budget with `healthviz jobs budget AMOUNT`, wait until next "
                "month, or make it on this computer for free (the local renderer).")

    def check(self, estimate: CostEstimate) -> None:
        """Raise BudgetExceeded when sending this would take the month past the budget."""
        problem = self.refusal(estimate)
        if problem:
            raise BudgetExceeded(problem)

    def ledger(self, month: str | None = None) -> list[dict[str, object]]:
        return list(self.store.ledger(month))
