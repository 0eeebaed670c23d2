#!/usr/bin/python3
"""Draw the PlanDesk (规划评估台) application icon.

PlanDesk is a desk for reviewing a district's Five-Year-Plan mid-term
evaluation report, so the icon shows a report sheet on a deep government-red
tile, with a rising bar chart on the sheet and a gold "approved" check badge.

Everything is drawn from plain shapes (no fonts, no external images) at 4x
resolution and then downsampled, so the edges are anti-aliased yet the output
is byte-for-byte reproducible with the same Pillow version:

    /usr/bin/python3 icons/make-icon.py          # writes icons/icon.png
    /usr/bin/python3 icons/make-icon.py out.png  # writes elsewhere

Requires Pillow (Debian: apt-get install python3-pil).
"""

import os
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = 512          # final icon size in pixels
SS = 4              # supersampling factor
W = SIZE * SS       # working canvas size

# Palette.
RED_TOP = (200, 38, 38)
RED_BOTTOM = (132, 20, 24)
PAPER = (255, 253, 248)
FOLD = (226, 215, 203)
LINE_GREY = (214, 204, 194)
HEADER_RED = (182, 32, 32)
NAVY = (27, 54, 98)
NAVY_LIGHT = (58, 96, 150)
GOLD = (246, 190, 26)
GOLD_DARK = (214, 150, 10)
CHECK = (150, 22, 26)
WHITE = (255, 255, 255)


def s(v):
    """Scale a coordinate from 512-space to the working canvas."""
    return int(round(v * SS))


def box(x0, y0, x1, y1):
    return [s(x0), s(y0), s(x1), s(y1)]


def new_mask():
    return Image.new("L", (W, W), 0)


def gradient_values(top, bottom, y0, y1):
    """Per-row values of a linear gradient from top (at y0) to bottom (at y1).

    top and bottom are tuples of channel values; rows above y0 / below y1
    keep the end values. Coordinates are in 512-space.
    """
    rows = []
    for y in range(W):
        t = min(1.0, max(0.0, (y - s(y0)) / (s(y1) - s(y0))))
        rows.append(tuple(int(round(a + (b - a) * t)) for a, b in zip(top, bottom)))
    return rows


def vertical_gradient(top, bottom, y0=0, y1=SIZE):
    """An opaque RGBA canvas filled with a top-to-bottom colour gradient."""
    col = Image.new("RGBA", (1, W))
    px = col.load()
    for y, rgb in enumerate(gradient_values(top, bottom, y0, y1)):
        px[0, y] = rgb + (255,)
    return col.resize((W, W), Image.NEAREST)


def vertical_fade(top, bottom, y0=0, y1=SIZE):
    """A mask ("L" image) going from value top at y0 to value bottom at y1."""
    col = Image.new("L", (1, W))
    px = col.load()
    for y, (v,) in enumerate(gradient_values((top,), (bottom,), y0, y1)):
        px[0, y] = v
    return col.resize((W, W), Image.NEAREST)


def paint(canvas, colour, mask):
    """Composite a solid colour onto canvas through mask."""
    layer = Image.new("RGBA", (W, W), colour + (255,))
    canvas.paste(layer, (0, 0), mask)


def shadow(canvas, mask, dx, dy, blur, opacity):
    """Soft drop shadow of mask, offset by (dx, dy) in 512-space."""
    sh = ImageChops.offset(mask, s(dx), s(dy))
    sh = sh.filter(ImageFilter.GaussianBlur(s(blur)))
    sh = sh.point(lambda v: int(v * opacity))
    black = Image.new("RGBA", (W, W), (40, 0, 0, 255))
    canvas.paste(black, (0, 0), sh)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "icon.png")

    canvas = Image.new("RGBA", (W, W), (0, 0, 0, 0))

    # 1. Rounded-square tile with a red gradient.
    tile = new_mask()
    ImageDraw.Draw(tile).rounded_rectangle(box(16, 16, 496, 496), radius=s(104), fill=255)
    canvas.paste(vertical_gradient(RED_TOP, RED_BOTTOM, 16, 496), (0, 0), tile)

    # A faint light wash over the top of the tile gives it some depth.
    # It fades out smoothly so there is no visible edge.
    sheen = vertical_fade(34, 0, 16, 300)
    paint(canvas, WHITE, ImageChops.multiply(sheen, tile))

    # 2. The report sheet: rounded rectangle with a dog-eared top-right corner.
    dx0, dy0, dx1, dy1 = 100, 76, 364, 432
    ear = 70
    doc = new_mask()
    d = ImageDraw.Draw(doc)
    d.rounded_rectangle(box(dx0, dy0, dx1, dy1), radius=s(24), fill=255)
    d.polygon([(s(dx1 - ear), s(dy0) - SS), (s(dx1) + SS, s(dy0) - SS),
               (s(dx1) + SS, s(dy0 + ear))], fill=0)
    shadow(canvas, doc, 0, 10, 12, 0.45)
    paint(canvas, PAPER, doc)

    # The folded-over flap.
    flap = new_mask()
    fd = ImageDraw.Draw(flap)
    fd.polygon([(s(dx1 - ear), s(dy0)), (s(dx1 - ear), s(dy0 + ear - 10)),
                (s(dx1 - ear + 10), s(dy0 + ear)), (s(dx1), s(dy0 + ear))], fill=255)
    shadow(canvas, flap, -3, 4, 5, 0.30)
    paint(canvas, FOLD, flap)

    # 3. Title bar and two text lines at the top of the sheet.
    lines = new_mask()
    ld = ImageDraw.Draw(lines)
    ld.rounded_rectangle(box(136, 114, 262, 136), radius=s(11), fill=255)
    paint(canvas, HEADER_RED, lines)
    lines = new_mask()
    ld = ImageDraw.Draw(lines)
    ld.rounded_rectangle(box(136, 156, 286, 170), radius=s(7), fill=255)
    ld.rounded_rectangle(box(136, 186, 240, 200), radius=s(7), fill=255)
    paint(canvas, LINE_GREY, lines)

    # 4. Rising bar chart on a baseline.
    base_y = 384
    bars = [(136, 320), (196, 276), (256, 226)]   # (left x, top y)
    bar_w = 44
    chart = new_mask()
    cd = ImageDraw.Draw(chart)
    for x, top in bars:
        cd.rounded_rectangle(box(x, top, x + bar_w, base_y), radius=s(8), fill=255)
    paint(canvas, NAVY, chart)
    # Lighter left half of each bar: a simple two-tone bevel.
    hi = new_mask()
    hd = ImageDraw.Draw(hi)
    for x, top in bars:
        hd.rectangle(box(x + bar_w / 2, top, x + bar_w, base_y), fill=255)
    paint(canvas, NAVY_LIGHT, ImageChops.multiply(hi, chart))
    axis = new_mask()
    ImageDraw.Draw(axis).rounded_rectangle(box(126, base_y + 6, 318, base_y + 16),
                                           radius=s(5), fill=255)
    paint(canvas, NAVY, axis)

    # 5. Gold "approved" badge with a check mark, overlapping the sheet corner.
    cx, cy, r = 370, 390, 80
    ring = new_mask()
    ImageDraw.Draw(ring).ellipse(box(cx - r - 12, cy - r - 12, cx + r + 12, cy + r + 12), fill=255)
    shadow(canvas, ring, 0, 8, 10, 0.45)
    paint(canvas, WHITE, ring)
    badge = new_mask()
    ImageDraw.Draw(badge).ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=255)
    canvas.paste(vertical_gradient(GOLD, GOLD_DARK, cy - r, cy + r), (0, 0), badge)

    tick = new_mask()
    pts = [(cx - 40, cy + 2), (cx - 11, cy + 31), (cx + 42, cy - 27)]
    td = ImageDraw.Draw(tick)
    width = s(26)
    td.line([(s(x), s(y)) for x, y in pts], fill=255, width=width, joint="curve")
    for x, y in (pts[0], pts[-1]):   # round the stroke ends
        rr = width / 2
        td.ellipse([s(x) - rr, s(y) - rr, s(x) + rr, s(y) + rr], fill=255)
    paint(canvas, CHECK, tick)

    # Clip everything to the tile (the shadows must not leak outside it).
    alpha = ImageChops.multiply(canvas.getchannel("A"), tile)
    canvas.putalpha(alpha)

    icon = canvas.resize((SIZE, SIZE), Image.LANCZOS)
    icon.save(out, "PNG", optimize=True)


if __name__ == "__main__":
    main()
