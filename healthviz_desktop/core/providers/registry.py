"""Which providers exist: the local renderer, the presets, and the services the person configured.

Provider settings live in the journal's provider_setting table (never a key: keys are in the keyring,
looked up by provider name when a request is about to go out).
"""

from __future__ import annotations

from dataclasses import dataclass

from healthviz_desktop.core.jobs_store import JobStore
from healthviz_desktop.core.keys import KeyStore
from healthviz_desktop.core.providers.base import Provider
from healthviz_desktop.core.providers.local import LOCAL_NAME, LocalProvider
from healthviz_desktop.core.providers.sora import PRESETS, SoraProvider, SoraSettings


class UnknownProvider(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"There is no provider called {name!r}. Known: {', '.join(known)}. "
                         "Add one with `healthviz providers set NAME --base-url URL`.")


@dataclass(frozen=True)
class ProviderInfo:
    name: str
    kind: str  # "local" | "sora"
    label: str
    settings: SoraSettings | None


class Providers:
    def __init__(self, store: JobStore, keys: KeyStore | None = None) -> None:
        self.store = store
        self.keys = keys or KeyStore()

    def infos(self) -> list[ProviderInfo]:
        found = {LOCAL_NAME: ProviderInfo(LOCAL_NAME, "local", LocalProvider.label, None)}
        for name, preset in PRESETS.items():
            found[name] = ProviderInfo(name, "sora", preset.label or name, preset)
        for name, (kind, data) in self.store.provider_settings().items():
            if kind == "sora":
                settings = SoraSettings.from_dict({**data, "name": name})
                found[name] = ProviderInfo(name, kind, settings.label or name, settings)
        return list(found.values())

    def names(self) -> list[str]:
        return [i.name for i in self.infos()]

    def get(self, name: str) -> Provider:
        for info in self.infos():
            if info.name == name:
                if info.settings is None:
                    return LocalProvider()
                return SoraProvider(info.settings, lambda: self.keys.get(name))
        raise UnknownProvider(name, self.names())

    def save(self, settings: SoraSettings) -> None:
        if settings.name == LOCAL_NAME:
            raise ValueError("'local' is the built-in renderer and cannot be replaced")
        data = settings.to_dict()
        data.pop("name", None)
        self.store.save_provider(settings.name, "sora", data)

    def remove(self, name: str) -> bool:
        return self.store.remove_provider(name)
