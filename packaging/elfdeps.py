"""The libraries an ELF file asks the dynamic loader for (DT_NEEDED), read with the standard library alone.

Used by the spec to prune libraries only a removed plugin needed, and by tests/test_packaging_unused.py
to follow what the app's Qt modules and plugins link to. 64-bit little-endian ELF (x86-64, arm64) only;
anything else reads as needing nothing.
"""

from __future__ import annotations

import mmap
import struct
from pathlib import Path

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_NEEDED, DT_STRTAB = 0, 1, 5


def needed(path: str | Path) -> list[str]:
    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _needed(data)
    except (OSError, ValueError, struct.error):  # empty, unreadable or not ELF
        return []


def _needed(data: mmap.mmap) -> list[str]:
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []
    names, strtab = [], None
    for offset in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == DT_NULL:
            break
        if tag == DT_NEEDED:
            names.append(value)
        elif tag == DT_STRTAB:
            strtab = _file_offset(loads, value)
    if strtab is None:
        return []
    return [_string(data, strtab + name) for name in names]


def _file_offset(loads: list[tuple[int, int, int]], vaddr: int) -> int | None:
    for start, offset, size in loads:
        if start <= vaddr < start + size:
            return offset + vaddr - start
    return None


def _string(data: mmap.mmap, offset: int) -> str:
    end = data.find(b"\0", offset)
    return data[offset:end].decode("utf-8", "replace")
