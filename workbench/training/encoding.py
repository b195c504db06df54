"""Data files in other encodings than UTF-8: recognised (charset-normalizer), named, read as UTF-8.

Chinese text is often saved as GB18030 / GBK (Windows' default code page in mainland China), and
older files in Big5 or Shift-JIS. Such a file is detected, converted once into a UTF-8
copy with the same name and the same lines (so every message still names the right file and
line), and the user is told which encoding was read. A file that is neither UTF-8 nor a
recognisable text encoding is refused with the first line that does not decode.
"""

from __future__ import annotations

import codecs
import logging
import tempfile
from pathlib import Path
from typing import NoReturn

from workbench.errors import InputError

log = logging.getLogger("workbench")
SAMPLE_BYTES = 4 << 20  # what the detector reads: enough for any encoding, fast on a big file
# GB2312 and GBK are subsets of GB18030: decoding as GB18030 reads them all, and more characters.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030"}
# Read after conversion: multi-byte encodings, whose byte patterns charset-normalizer recognises
# reliably. One-byte code pages (cp1252, latin-1 ...) all decode any bytes, so a wrong guess would
# give wrong letters silently: those files are refused with the guess named.
# UTF-16 is left out: without a BOM its guesses are as unsafe (a stray 0xff 0xfe reads as one).
READ = frozenset({"gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949"})
_copies: dict[tuple[str, float], Path] = {}  # (file, mtime) -> its UTF-8 copy, made once per process


def decode_problem(path: Path, encoding: str = "utf-8") -> tuple[int, int | None] | None:
    """None when the whole file decodes as `encoding`, else where it stops: (line, the first byte
    that does not decode), the byte None when the last character is cut off."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad = line + chunk[:exc.start].count(b"\n")
                return bad, chunk[exc.start]
            line += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return line, None
    return None


def detect_encoding(path: Path) -> str:
    """'utf-8', or the encoding charset-normalizer recognises (GB2312/GBK widened to GB18030).
    InputError when there is none, or when the whole file does not decode with it."""
    problem = decode_problem(path)
    if problem is None:
        return "utf-8"
    from charset_normalizer import from_bytes

    with path.open("rb") as f:
        best = from_bytes(f.read(SAMPLE_BYTES)).best()
    encoding = _WIDER.get(best.encoding.lower(), best.encoding.lower()) if best is not None else ""
    if encoding not in READ:  # unrecognised, or a one-byte code page whose guess could be silently wrong
        _refuse(path, problem, encoding.upper(), read=False)
    problem = decode_problem(path, encoding)
    if problem is not None:
        _refuse(path, problem, encoding.upper(), read=True)
    return encoding


def _refuse(path: Path, problem: tuple[int, int | None], guess: str, read: bool) -> NoReturn:
    """InputError: `path` is not UTF-8 (read: nor the `guess` it was read as), with where it stops."""
    line, byte = problem
    fields = {"name": path.name, "line": line, "byte": byte, "encoding": guess}
    if read and byte is None:
        raise InputError("{name} looks like {encoding} text but does not decode as it (line {line}, the last "
                         "character is cut off); save the file with UTF-8 encoding", **fields)
    if read:
        raise InputError("{name} looks like {encoding} text but does not decode as it (line {line}, "
                         "byte 0x{byte:02x}); save the file with UTF-8 encoding", **fields)
    if guess and byte is None:
        raise InputError("{name} is not UTF-8 text (line {line}, the last character is cut off; it looks like "
                         "{encoding}); save it with UTF-8 encoding", **fields)
    if guess:
        raise InputError("{name} is not UTF-8 text (line {line}, byte 0x{byte:02x}; it looks like {encoding}); "
                         "save it with UTF-8 encoding", **fields)
    if byte is None:
        raise InputError("{name} is not UTF-8 text (line {line}, the last character is cut off); "
                         "save it with UTF-8 encoding", **fields)
    raise InputError("{name} is not UTF-8 text (line {line}, byte 0x{byte:02x}); save it with UTF-8 encoding",
                     **fields)


def utf8_file(path: Path) -> tuple[Path, str]:
    """(a UTF-8 file with the same text, name and lines, the encoding it was read as)."""
    if not path.is_file():
        return path, "utf-8"  # check_file says what is wrong with it
    encoding = detect_encoding(path)
    if encoding == "utf-8":
        return path, encoding
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _copies:
        copy = Path(tempfile.mkdtemp(prefix="workbench-utf8-")) / path.name
        with path.open("r", encoding=encoding, newline="") as src, copy.open("w", encoding="utf-8", newline="") as dst:
            while block := src.read(1 << 20):
                dst.write(block)
        _copies[key] = copy
        log.info("%s is %s text; it is read as %s (converted to UTF-8)", path.name, encoding.upper(), encoding.upper())
    return _copies[key], encoding
