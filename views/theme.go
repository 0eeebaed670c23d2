package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Variant names as stored in preferences.
const (
	VariantSystem = "system"
	VariantLight  = "light"
	VariantDark   = "dark"
)

// Theme is Fyne's default theme drawn with PlanDesk's bundled CJK font, in
// the light or dark variant the user chose (or the system's).
type Theme struct {
	fyne.Theme
	regular, bold fyne.Resource
	variant       string
}

// NewTheme returns the theme with the given font faces and variant name.
func NewTheme(regular, bold fyne.Resource, variant string) *Theme {
	return &Theme{Theme: theme.DefaultTheme(), regular: regular, bold: bold, variant: variant}
}

// lightForeground is darker than Fyne's light grey text: dense Chinese body
// text needs the contrast, above all on a projector.
var lightForeground = color.NRGBA{R: 0x1f, G: 0x1f, B: 0x1f, A: 0xff}

// lightStatus are darker shades of Fyne's success, warning and error
// colours for the light variant: Fyne's bright green and orange text on
// white reads at under 2:1, and a washed-out projector loses it; these
// read at about 5:1.
var lightStatus = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameSuccess: color.NRGBA{R: 0x18, G: 0x80, B: 0x38, A: 0xff},
	theme.ColorNameWarning: color.NRGBA{R: 0xb0, G: 0x60, B: 0x00, A: 0xff},
	theme.ColorNameError:   color.NRGBA{R: 0xc5, G: 0x22, B: 0x1f, A: 0xff},
}

// ColorNameComment is the background of text a reviewer commented on: the
// pale amber of a highlighter, as WPS marks its 批注, and a dark amber in
// the dark variant.
const ColorNameComment fyne.ThemeColorName = "plandeskComment"

// Color forces the chosen variant, if any, and darkens light-theme text.
func (t *Theme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case VariantLight:
		v = theme.VariantLight
	case VariantDark:
		v = theme.VariantDark
	}
	if name == ColorNameComment {
		if v == theme.VariantLight {
			return color.NRGBA{R: 0xff, G: 0xe3, B: 0x94, A: 0xff}
		}
		return color.NRGBA{R: 0x6b, G: 0x55, B: 0x12, A: 0xff}
	}
	if v == theme.VariantLight {
		if name == theme.ColorNameForeground {
			return lightForeground
		}
		if c, ok := lightStatus[name]; ok {
			return c
		}
	}
	return t.Theme.Color(name, v)
}

// Font draws all proportional text with the CJK font; Chinese has no
// italic, so italic falls back to the upright face of the same weight.
func (t *Theme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return t.Theme.Font(style)
	}
	if style.Bold {
		return t.bold
	}
	return t.regular
}
