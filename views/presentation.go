package views

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Presentation shows a deck one slide at a time, filling its area, driven
// by the keys PowerPoint uses (a clicker sends PageUp/PageDown). It never
// edits anything: it only reads the deck it was given. The window routes
// its key events here with TypedKey and TypedRune.
type Presentation struct {
	widget.BaseWidget

	deck    *Deck
	measure textMeasure
	index   int
	style   SlideStyle
	cover   color.Color // black or white while the screen is blanked, else nil
	jump    string      // digits typed towards "number, then Enter"

	// OnExit is called when the presenter presses Esc.
	OnExit func()
	// OnStyleChanged is called after zoom or contrast changed, to keep them.
	OnStyleChanged func(SlideStyle)
	// OnSlideShown is called after another slide came on screen.
	OnSlideShown func(index int)
}

// NewPresentation returns a presentation of deck starting at slide start
// (0 is the overview).
func NewPresentation(deck *Deck, start int, style SlideStyle) *Presentation {
	if style.Zoom <= 0 {
		style.Zoom = 1
	}
	p := &Presentation{deck: deck, style: style, index: clampInt(start, 0, deck.Len()-1)}
	p.ExtendBaseWidget(p)
	return p
}

// Deck is the deck presented.
func (p *Presentation) Deck() *Deck { return p.deck }

// Index is the slide on screen, 0 for the overview.
func (p *Presentation) Index() int { return p.index }

// Style is the current zoom and contrast.
func (p *Presentation) Style() SlideStyle { return p.style }

// Blanked reports the colour the screen is blanked with, or nil.
func (p *Presentation) Blanked() color.Color { return p.cover }

// Next shows the following slide; with the screen blanked it only brings
// the slide back, as PowerPoint does.
func (p *Presentation) Next() { p.GoTo(p.index + 1) }

// Prev shows the preceding slide, or brings a blanked slide back.
func (p *Presentation) Prev() { p.GoTo(p.index - 1) }

// GoTo goes to slide i, clamped to the deck.
func (p *Presentation) GoTo(i int) {
	p.jump = ""
	if p.cover != nil {
		p.cover = nil
		p.Refresh()
		return
	}
	i = clampInt(i, 0, p.deck.Len()-1)
	if i == p.index {
		p.Refresh() // drops a half-typed jump number
		return
	}
	p.index = i
	p.Refresh()
	if p.OnSlideShown != nil {
		p.OnSlideShown(i)
	}
}

// Blank covers the screen with c (black or white), or uncovers it when it
// is already covered with c.
func (p *Presentation) Blank(c color.Color) {
	if p.cover == c {
		p.cover = nil
	} else {
		p.cover = c
	}
	p.Refresh()
}

// ZoomBy changes the type size by step (ZoomStep or −ZoomStep).
func (p *Presentation) ZoomBy(step float32) {
	z := min(MaxZoom, max(MinZoom, p.style.Zoom+step))
	// Keep the zoom on whole steps despite float sums.
	z = float32(int(z/ZoomStep+0.5)) * ZoomStep
	p.setStyle(SlideStyle{Zoom: z, HighContrast: p.style.HighContrast})
}

// ResetZoom goes back to type scaled to the screen only.
func (p *Presentation) ResetZoom() {
	p.setStyle(SlideStyle{Zoom: 1, HighContrast: p.style.HighContrast})
}

// ToggleContrast switches the high-contrast colours on or off.
func (p *Presentation) ToggleContrast() {
	p.setStyle(SlideStyle{Zoom: p.style.Zoom, HighContrast: !p.style.HighContrast})
}

func (p *Presentation) setStyle(s SlideStyle) {
	if s == p.style {
		return
	}
	p.style = s
	p.Refresh()
	if p.OnStyleChanged != nil {
		p.OnStyleChanged(s)
	}
}

// TypedKey handles the navigation keys.
func (p *Presentation) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyN:
		p.Next()
	case fyne.KeyReturn, fyne.KeyEnter:
		p.onEnter()
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyP:
		p.Prev()
	case fyne.KeyBackspace:
		p.onBackspace()
	case fyne.KeyHome:
		p.GoTo(0)
	case fyne.KeyEnd:
		p.GoTo(p.deck.Len() - 1)
	case fyne.KeyEscape:
		p.onEscape()
	}
}

// TypedRune handles digits of a slide number and the blanking keys.
func (p *Presentation) TypedRune(r rune) {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if len(p.jump) < 4 {
			p.jump += string(r)
			p.Refresh()
		}
	case 'b', 'B', '.':
		p.Blank(color.Black)
	case 'w', 'W', ',':
		p.Blank(color.White)
	case 'c', 'C':
		p.ToggleContrast()
	}
}

// onEnter jumps to the typed slide number, or goes on as Next.
func (p *Presentation) onEnter() {
	if p.jump == "" {
		p.Next()
		return
	}
	n, _ := strconv.Atoi(p.jump)
	p.cover = nil
	p.GoTo(n - 1) // slides are numbered from 1 on screen
}

// onBackspace deletes a typed digit, or goes back a slide.
func (p *Presentation) onBackspace() {
	if p.jump != "" {
		p.jump = p.jump[:len(p.jump)-1]
		p.Refresh()
		return
	}
	p.Prev()
}

// onEscape drops a typed number, or else ends the presentation.
func (p *Presentation) onEscape() {
	if p.jump != "" {
		p.jump = ""
		p.Refresh()
		return
	}
	if p.OnExit != nil {
		p.OnExit()
	}
}

// Tapped goes to the next slide, as a click does in PowerPoint.
func (p *Presentation) Tapped(*fyne.PointEvent) { p.Next() }

// TappedSecondary goes back a slide.
func (p *Presentation) TappedSecondary(*fyne.PointEvent) { p.Prev() }

func (p *Presentation) CreateRenderer() fyne.WidgetRenderer {
	r := &presentationRenderer{p: p, cover: canvas.NewRectangle(color.Black), jump: canvas.NewText("", color.White)}
	r.jumpBack = canvas.NewRectangle(color.NRGBA{A: 0xd0})
	return r
}

// presentationRenderer draws the current slide for the widget's size,
// rebuilding it when the slide, the style or the size changed.
type presentationRenderer struct {
	p        *Presentation
	slide    fyne.CanvasObject
	cover    *canvas.Rectangle
	jumpBack *canvas.Rectangle
	jump     *canvas.Text

	builtIndex int
	builtStyle SlideStyle
	builtSize  fyne.Size
}

func (r *presentationRenderer) Layout(size fyne.Size) {
	p := r.p
	if r.slide == nil || size != r.builtSize || p.index != r.builtIndex || p.style != r.builtStyle {
		r.slide = buildSlide(p.deck, &p.measure, p.index, size, p.style, true)
		r.builtIndex, r.builtSize, r.builtStyle = p.index, size, p.style
	}
	r.cover.Resize(size)
	r.cover.Hidden = p.cover == nil
	if p.cover != nil {
		r.cover.FillColor = p.cover
	}
	r.layoutJump(size)
}

// layoutJump shows the slide number being typed in the top-left corner.
func (r *presentationRenderer) layoutJump(size fyne.Size) {
	p := r.p
	r.jump.Hidden, r.jumpBack.Hidden = p.jump == "", p.jump == ""
	if p.jump == "" {
		return
	}
	ts := 36 * slideScale(size)
	r.jump.Text = lang.L("Go to slide {{.Number}}", map[string]any{"Number": p.jump})
	r.jump.TextSize = ts
	tw := p.measure.width(r.jump.Text, ts, false)
	r.jumpBack.Move(fyne.NewPos(ts*0.5, ts*0.5))
	r.jumpBack.Resize(fyne.NewSize(tw+ts, ts*1.8))
	r.jumpBack.CornerRadius = ts * 0.3
	r.jump.Move(fyne.NewPos(ts, ts*0.7))
	r.jump.Resize(fyne.NewSize(tw+1, ts*1.3))
}

func (r *presentationRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 180) }

func (r *presentationRenderer) Objects() []fyne.CanvasObject {
	if r.slide == nil {
		return []fyne.CanvasObject{r.cover, r.jumpBack, r.jump}
	}
	return []fyne.CanvasObject{r.slide, r.cover, r.jumpBack, r.jump}
}

func (r *presentationRenderer) Refresh() {
	r.Layout(r.p.Size())
	r.cover.Refresh()
	r.jump.Refresh()
	r.jumpBack.Refresh()
	canvas.Refresh(r.p)
}

func (r *presentationRenderer) Destroy() {}

func clampInt(v, lo, hi int) int { return max(lo, min(hi, v)) }
