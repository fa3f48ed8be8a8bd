"""Everything that works without a window. Never imports PySide6 (tests/test_layering.py checks)."""
