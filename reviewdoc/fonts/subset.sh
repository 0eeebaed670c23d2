#!/usr/bin/env bash
# Cuts the TrueType fonts the review report's PDF embeds (reviewdoc/pdf.go).
# The PDF writer embeds glyf (TrueType) outlines only, so the window's CFF
# font (icons/fonts/*.otf) will not do: these come from the TrueType Noto
# Sans SC that the npm package @expo-google-fonts/noto-sans-sc 0.4.3 ships
# (SIL Open Font License 1.1, OFL.txt here), cut to the characters the app
# can show (icons/fonts/charset.txt, GB 2312 + the shipped report + the UI
# strings) and packed with Brotli, since a binary carries them and a packed
# glyf font is about half its size. Hinting, layout tables and vertical
# metrics are dropped: the writer lays out text glyph by glyph, horizontally.
# Outlines stay glyf (no CFF conversion); pyftsubset keeps the source's
# timestamp and brotli writes no name or time, so a rerun gives the same
# bytes with the same fonttools (Debian bookworm's 4.38).
# Needs: npm, apt-get install fonttools brotli
set -euo pipefail
cd "$(dirname "$0")"
version=0.4.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@expo-google-fonts/noto-sans-sc@$version" >/dev/null && tar xzf ./*.tgz)
for weight in 400Regular 700Bold; do
	out=NotoSansSC-${weight#[0-9][0-9][0-9]}-subset.ttf
	pyftsubset "$tmp/package/$weight/NotoSansSC_$weight.ttf" \
		--text-file=../../icons/fonts/charset.txt --no-hinting \
		--layout-features='' --drop-tables+=vmtx,vhea,VORG,GSUB,GPOS,GDEF \
		--name-IDs='*' --name-languages='*' --output-file="$tmp/$out"
	brotli -q 11 -w 24 -c "$tmp/$out" >"$out.br"
done
cp "$tmp/package/LICENSE_FONT" OFL.txt
ls -l NotoSansSC-*-subset.ttf.br
