"""Chinese renders on a machine with no CJK font: the bundled font is the interface's fallback.

Each check runs in a subprocess whose fontconfig sees only the DejaVu fonts (no CJK font at all),
so the system's own CJK fonts, if any, cannot make the test pass. A character drawn as a box
looks the same as any other missing character; real glyphs of two characters differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
PROBE = r'''
import sys
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

app = QApplication([])
if sys.argv[1] == "install":
    from workbench.gui.fonts import install_cjk_font
    assert install_cjk_font() == "Droid Sans Fallback"

def drawn(text):
    img = QImage(120, 48, QImage.Format_Grayscale8)
    img.fill(255)
    p = QPainter(img)
    font = QFont(app.font().family())
    font.setPixelSize(32)
    p.setFont(font)
    p.drawText(4, 40, text)
    p.end()
    return bytes(img.constBits())

boxes = drawn("注意") == drawn("\U0010fffd\U0010fffe")  # two private-use characters no font has
print("boxes" if boxes else "glyphs")
'''


def _probe(tmp_path: Path, mode: str) -> str:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / "cache"}</cachedir>'
                    "</fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE, mode], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts for a CJK-free font set")
def test_chinese_is_drawn_as_glyphs_without_any_system_cjk_font(tmp_path):
    assert _probe(tmp_path, "plain") == "boxes"  # the premise: this font set has no CJK glyphs
    assert _probe(tmp_path, "install") == "glyphs"


def test_the_font_and_its_licence_are_bundled():
    from workbench.gui.fonts import CJK_FONT
    from workbench.paths import resource_path

    assert resource_path("fonts", CJK_FONT).stat().st_size > 3_000_000
    assert "Apache License" in resource_path("fonts", "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    spec = (Path(__file__).resolve().parents[2] / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert '"resources" / "fonts"' in spec
