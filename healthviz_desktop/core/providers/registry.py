"""Which providers exist: the local renderer, the presets, and the services the person configured: kind
"sora" (the /videos protocol, sora.py) or "images" (an Images API: a still the job brings to life, images.py).

Provider settings live in the journal's provider_setting table (``ProviderSettingsStore``; never a key:
keys are in the keyring, looked up by provider name when a request is about to go out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from healthviz_desktop.core.keys import KeyStore
from healthviz_desktop.core.providers.base import Capabilities, Provider
from healthviz_desktop.core.providers.images import PRESETS as IMAGE_PRESETS
from healthviz_desktop.core.providers.images import ImagesProvider, ImagesSettings
from healthviz_desktop.core.providers.local import LOCAL_NAME, LocalProvider
from healthviz_desktop.core.providers.settings_store import ProviderSettingsStore
from healthviz_desktop.core.providers.sora import PRESETS, SoraProvider, SoraSettings

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database

DEFAULT_PROVIDER = LOCAL_NAME  # offline, free: what a clip is made with unless the person chooses


class UnknownProvider(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"There is no provider called {name!r}. Known: {', '.join(known)}. "
                         "Add one with `healthviz providers set NAME --base-url URL` (--kind images for an "
                         "Images API).")


@dataclass(frozen=True)
class ProviderInfo:
    name: str
    kind: str  # "local" | "sora" | "images": which implementation speaks for it
    label: str
    settings: SoraSettings | ImagesSettings | None


@dataclass(frozen=True)
class Offer:
    """A provider as a chooser shows it: what it makes, and whether it works now."""

    name: str
    label: str
    capabilities: Capabilities
    available: bool
    reason: str = ""


class Providers:
    def __init__(self, store: ProviderSettingsStore | Database, keys: KeyStore | None = None) -> None:
        self.store = store if isinstance(store, ProviderSettingsStore) else ProviderSettingsStore(store)
        self.keys = keys or KeyStore()

    def infos(self) -> list[ProviderInfo]:
        found = {LOCAL_NAME: ProviderInfo(LOCAL_NAME, "local", LocalProvider.label, None)}
        for name, preset in PRESETS.items():
            found[name] = ProviderInfo(name, "sora", preset.label or name, preset)
        for name, image_preset in IMAGE_PRESETS.items():
            found[name] = ProviderInfo(name, "images", image_preset.label or name, image_preset)
        for name, (kind, data) in self.store.all().items():
            settings: SoraSettings | ImagesSettings
            if kind == "sora":
                settings = SoraSettings.from_dict({**data, "name": name})
            elif kind == "images":
                settings = ImagesSettings.from_dict({**data, "name": name})
            else:
                continue
            found[name] = ProviderInfo(name, kind, settings.label or name, settings)
        return list(found.values())

    def info(self, name: str) -> ProviderInfo:
        for info in self.infos():
            if info.name == name:
                return info
        raise UnknownProvider(name, self.names())

    def names(self) -> list[str]:
        return [i.name for i in self.infos()]

    def get(self, name: str) -> Provider:
        return self._make(self.info(name))

    def offers(self) -> list[Offer]:
        out = []
        for info in self.infos():
            provider = self._make(info)
            avail = provider.availability()
            out.append(Offer(info.name, provider.label, provider.capabilities(), avail.available, avail.reason))
        return out

    def _make(self, info: ProviderInfo) -> Provider:
        if info.settings is None:
            return LocalProvider()
        name = info.name
        if isinstance(info.settings, ImagesSettings):
            # pictures are kept where the journal keeps its clips, the moment they arrive (image_store.py)
            received = self.store.db.paths.clips / ".received"
            return ImagesProvider(info.settings, lambda: self.keys.get(name), received)
        return SoraProvider(info.settings, lambda: self.keys.get(name))

    def save(self, settings: SoraSettings | ImagesSettings) -> None:
        if settings.name == LOCAL_NAME:
            raise ValueError(f"{LOCAL_NAME!r} is the built-in renderer and cannot be replaced")
        if isinstance(settings, ImagesSettings):
            problems = settings.problems()
            if problems:
                raise ValueError(f"provider {settings.name} not saved: {'; '.join(problems)}")
        data = settings.to_dict()
        data.pop("name", None)
        self.store.save(settings.name, "images" if isinstance(settings, ImagesSettings) else "sora", data)

    def remove(self, name: str) -> bool:
        return self.store.remove(name)
