package chart

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"plandesk/icons"
)

// testTheme is Fyne's default theme in a fixed variant with the app's
// bundled CJK font, so that Chinese labels render (not as boxes) and the
// golden images are the same on every machine.
type testTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t testTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func (t testTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return icons.FontBold()
	}
	return icons.FontRegular()
}

// newApp starts a headless app with the test theme in variant.
func newApp(t testing.TB, variant fyne.ThemeVariant) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(testTheme{Theme: theme.DefaultTheme(), variant: variant})
	return a
}

// f is a float pointer, for values in tests.
func f(v float64) *float64 { return &v }

// near reports whether a and b differ by at most a pixel.
func near(a, b float32) bool { return a-b <= 1 && b-a <= 1 }

// contains reports whether objs holds o.
func contains(objs []fyne.CanvasObject, o fyne.CanvasObject) bool {
	for _, x := range objs {
		if x == o {
			return true
		}
	}
	return false
}
