"""packaging/make_icons.py: the committed PNG, ICO and ICNS files are what it makes, in the right sizes."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "packaging" / "icons"


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])  # IHDR width, height


def test_committed_pngs_have_their_sizes(make_icons, qapp):
    for size in make_icons.PNG_SIZES:
        data = (ICONS / f"hybrid-planner-{size}.png").read_bytes()
        assert _size(data) == (size, size)
        image = QImage.fromData(data)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
        assert image.pixelColor(size // 2, size // 8).alpha() == 255


def test_ico_lists_each_size_once_with_png_entries(make_icons):
    data = (ICONS / "hybrid-planner.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        png = data[offset:offset + length]
        assert _size(png) == ((w or 256), (h or 256))  # 0 stands for 256
        assert (planes, bits) == (1, 32)
        sizes.append(w or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    # Header 6 bytes + 7 entries x 16 bytes, then the images back to back to the end of the file.
    assert struct.unpack_from("<I", data, 6 + 12)[0] == 6 + 7 * 16


def test_icns_holds_every_type_with_its_size(make_icons):
    data = (ICONS / "hybrid-planner.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = [], 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found.append((kind, _size(data[pos + 8:pos + length])[0]))
        pos += length
    assert pos == len(data)
    assert found == list(make_icons.ICNS_TYPES)


def test_make_icons_writes_the_same_set(make_icons, tmp_path, qapp):
    assert make_icons.main(tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in ICONS.iterdir())
    for path in tmp_path.iterdir():
        committed = (ICONS / path.name).read_bytes()
        if path.suffix == ".png":  # same pixels (the encoder's bytes may differ between Qt versions)
            assert QImage.fromData(path.read_bytes()) == QImage.fromData(committed), path.name
