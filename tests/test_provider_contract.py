"""Every provider against one contract (tests/provider_contract.py): the local renderer, the /videos provider
and the Images provider, each through the real openai SDK against its local fake service."""

from __future__ import annotations

from typing import Any

import pytest

from healthviz_desktop.core.providers.base import Provider
from healthviz_desktop.core.providers.images import ImagesProvider, ImagesSettings
from healthviz_desktop.core.providers.local import LocalProvider
from healthviz_desktop.core.providers.sora import SoraProvider, SoraSettings
from tests.provider_contract import ProviderContract

SECRET = "test-key-0123456789abcdef"


class TestLocalProvider(ProviderContract):
    @pytest.fixture
    def provider(self) -> Provider:
        return LocalProvider()


class TestVideosProvider(ProviderContract):
    @pytest.fixture
    def secret(self) -> str:
        return SECRET

    @pytest.fixture
    def provider(self, fake: Any) -> Provider:
        fake.key = SECRET
        return SoraProvider(SoraSettings(name="fake", base_url=fake.url, timeout=5.0, settle=0.3,
                                         label="Fake service", price_per_second=0.12), lambda: SECRET)


class TestImagesProvider(ProviderContract):
    @pytest.fixture
    def secret(self) -> str:
        return SECRET

    @pytest.fixture
    def provider(self, fake_images: Any, tmp_path: Any) -> Provider:
        fake_images.key = SECRET
        return ImagesProvider(ImagesSettings(name="fake-images", base_url=fake_images.url, timeout=5.0,
                                             label="Fake images"), lambda: SECRET, tmp_path / "received")
