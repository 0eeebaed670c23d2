package views

import (
	"errors"
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"plandesk/views/chart"
)

// FullHD is the size slides are exported at: a full-HD projector.
func FullHD() fyne.Size { return fyne.NewSize(1920, 1080) }

// SlideRenderer draws the slides of one deck to images with Fyne's
// software painter, which needs no window or GPU: a window capture is
// black under Xvfb and on some remote desktops. It measures text once for
// all slides. Use it on the UI thread (or, in a command without a window,
// on the main goroutine): slides are Fyne objects.
type SlideRenderer struct {
	deck    *Deck
	style   SlideStyle
	measure textMeasure
}

// NewSlideRenderer returns a renderer of deck's slides in style.
func NewSlideRenderer(deck *Deck, style SlideStyle) *SlideRenderer {
	return &SlideRenderer{deck: deck, style: style}
}

// Render draws slide i at size pixels. A Fyne app must exist: the painter
// looks fonts up in its theme.
func (r *SlideRenderer) Render(i int, size fyne.Size) (image.Image, error) {
	if i < 0 || i >= r.deck.Len() {
		return nil, fmt.Errorf("slide %d: the deck has %d slides", i+1, r.deck.Len())
	}
	if size.Width < 16 || size.Height < 16 {
		return nil, fmt.Errorf("slide size %v×%v is too small", size.Width, size.Height)
	}
	if fyne.CurrentApp() == nil {
		return nil, errors.New("rendering slides needs a Fyne app for its theme")
	}
	// A transparent canvas and no background rectangle: the painter's
	// fills go through image/draw's slow generic path, which would take
	// half the time at 1920×1080; OnBackground fills directly.
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetContent(buildSlide(r.deck, &r.measure, i, size, r.style, false))
	c.Resize(size)
	return chart.OnBackground(c.Capture(), paletteFor(r.style).bg), nil
}
