#!/usr/bin/env bash
# Cuts the bundled CJK font from Debian's Noto Sans CJK collection (face 2 is
# Simplified Chinese). Fyne 2.7 refuses .ttc collections and parses the whole
# font at start, so PlanDesk ships a subset holding only charset.txt.
# Needs: apt-get install fonts-noto-cjk fonttools
set -euo pipefail
cd "$(dirname "$0")"
src=/usr/share/fonts/opentype/noto
/usr/bin/python3 make-charset.py
for weight in Regular Bold; do
  pyftsubset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file=charset.txt --no-hinting --layout-features=kern,ccmp --drop-tables+=vmtx,vhea,VORG \
    --name-IDs='*' --name-languages='*' \
    --output-file="NotoSansSC-$weight-subset.otf"
done
ls -l NotoSansSC-*-subset.otf
