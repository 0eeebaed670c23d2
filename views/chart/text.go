package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// ellipsis marks a label cut to fit its column.
const ellipsis = "…"

// minTextSize keeps text legible when a chart is squeezed: below it rows
// would rather overlap a little than turn into unreadable specks.
const minTextSize = 7

// textWidth is the width of s drawn at size in the theme's font.
func textWidth(s string, size float32, style fyne.TextStyle) float32 {
	if s == "" {
		return 0
	}
	return fyne.MeasureText(s, size, style).Width
}

// lineHeight is the height of one line of text at size; measured on a
// Chinese character because CJK glyphs are the tallest the charts draw.
func lineHeight(size float32) float32 {
	return fyne.MeasureText("国", size, fyne.TextStyle{}).Height
}

// truncate shortens s with a trailing "…" to fit width; Chinese has no
// spaces to break at, so it cuts between runes, keeping as many as fit.
func truncate(s string, width, size float32, style fyne.TextStyle) string {
	if textWidth(s, size, style) <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // runes[:lo]+"…" fits; runes[:hi+1]+"…" may not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textWidth(string(runes[:mid])+ellipsis, size, style) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 && textWidth(ellipsis, size, style) > width {
		return ""
	}
	return string(runes[:lo]) + ellipsis
}

// placeText sets t's size and puts it with its left edge at x, centred
// vertically on cy, sized to its measured extent so its bounds are exact.
func placeText(t *canvas.Text, x, cy, size float32) {
	t.TextSize = size
	s := fyne.MeasureText(t.Text, size, t.TextStyle)
	t.Alignment = fyne.TextAlignLeading
	t.Resize(s)
	t.Move(fyne.NewPos(x, cy-s.Height/2))
}

// themeColor looks a colour up in the widget's theme and the app's variant,
// so a chart follows light/dark switches on its next Refresh.
func themeColor(w fyne.Widget, name fyne.ThemeColorName) color.Color {
	return theme.ColorForWidget(name, w)
}

// themeSize looks a size up in the widget's theme.
func themeSize(w fyne.Widget, name fyne.ThemeSizeName) float32 {
	return theme.SizeForWidget(name, w)
}

// refreshAll asks the canvas to redraw each object after a Refresh changed
// its text or colour; the GL driver caches text textures by object.
func refreshAll(objs []fyne.CanvasObject) {
	for _, o := range objs {
		o.Refresh()
	}
}

// blend mixes a over b by share (0 = b, 1 = a), used to derive a lighter
// shade of a theme colour that still tracks the theme.
func blend(a, b color.Color, share float64) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	// RGBA() is alpha-premultiplied, and so is RGBA64: mixing stays exact
	// for translucent colours too.
	mix := func(x, y uint32) uint16 {
		return uint16(float64(x)*share + float64(y)*(1-share))
	}
	return color.RGBA64{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: mix(aa, ba)}
}

// Compile-time checks that the widgets are what Fyne expects.
var (
	_ fyne.Widget = (*Bars)(nil)
	_ fyne.Widget = (*Progress)(nil)
	_ fyne.Widget = (*StatusChart)(nil)
)

// contrastText is near-black or white, whichever reads better on bg, for a
// count written on a segment of any status colour.
func contrastText(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	// Rec. 709 luma; above the midpoint the background is light.
	if 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) > 0.55*0xffff {
		return color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff}
	}
	return color.White
}
