#!/usr/bin/env python3
"""Writes charset.txt: the characters the bundled CJK font subset keeps.

GB 2312 (every character it encodes), printable ASCII and Latin-1, the
general punctuation and CJK symbol blocks, full-width forms, and every
character of the seed report and of PlanDesk's translation files, so the
shipped report always renders from the bundled font alone.
"""
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
chars = set()

# GB 2312 rows 1-87, cells 1-94, in EUC-CN byte form.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass

ranges = [
    (0x20, 0x7E),      # ASCII
    (0xA0, 0xFF),      # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation (•, —, “ ”, …)
    (0x2100, 0x214F),  # letterlike symbols (℃, №)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ Ⅲ)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numerals (① ②)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
]
for lo, hi in ranges:
    for cp in range(lo, hi + 1):
        chars.add(chr(cp))

extra = [root / "store" / "seed" / "hanyang-midterm-eval.txt"]
extra += sorted((root / "messages" / "translations").glob("*.json"))
for path in extra:
    if path.exists():
        chars.update(path.read_text(encoding="utf-8"))

chars = sorted(c for c in chars if c.isprintable() or c == "\u3000")
out = here / "charset.txt"
out.write_text("".join(chars) + "\n", encoding="utf-8")
print(f"{out.name}: {len(chars)} characters", file=sys.stderr)
