package views

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// seededDeck loads the shipped report as a deck, drawn with the bundled font.
func seededDeck(t testing.TB) (*Deck, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	deck, err := LoadDeck(st, report.ID)
	if err != nil {
		t.Fatal(err)
	}
	return deck, st
}

func TestDeckHasOverviewAndOneSlidePerSection(t *testing.T) {
	deck, st := seededDeck(t)
	sections, _ := st.Sections(deck.Overview.Report.ID)
	if deck.Len() != len(sections)+1 {
		t.Fatalf("deck has %d slides, want %d sections + the overview", deck.Len(), len(sections))
	}
	if _, ok := deck.Section(0); ok {
		t.Error("slide 0 should be the overview")
	}
	for i, s := range sections {
		got, ok := deck.Section(i + 1)
		if !ok || got.ID != s.ID {
			t.Errorf("slide %d shows %v, want %s", i+1, got.Heading(), s.Heading())
		}
		if deck.SlideOf(s.ID) != i+1 {
			t.Errorf("SlideOf(%s) = %d, want %d", s.Heading(), deck.SlideOf(s.ID), i+1)
		}
	}
}

// texts collects the text objects of a slide with their bounds.
func texts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	switch v := o.(type) {
	case *canvas.Text:
		if !v.Hidden && v.Text != "" {
			out = append(out, v)
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, texts(c)...)
		}
	}
	return out
}

func TestSlidesFitWithoutCutOrOverlap(t *testing.T) {
	deck, _ := seededDeck(t)
	var m textMeasure
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1024, Height: 768}, {Width: 1280, Height: 800}} {
		for _, zoom := range []float32{1, 1.5} {
			for i := 0; i < deck.Len(); i++ {
				slide := buildSlide(deck, &m, i, size, SlideStyle{Zoom: zoom}, true)
				list := texts(slide)
				if len(list) < 3 {
					t.Fatalf("%v slide %d: only %d texts", size, i+1, len(list))
				}
				for a, ta := range list {
					ra := rectOf(ta, m)
					if ra.Min.X < 0 || ra.Min.Y < 0 || ra.Max.X > int(size.Width)+1 || ra.Max.Y > int(size.Height)+1 {
						t.Errorf("%v zoom %v slide %d: %q at %v is cut off", size, zoom, i+1, ta.Text, ra)
					}
					for _, tb := range list[a+1:] {
						if rb := rectOf(tb, m); ra.Overlaps(rb) {
							t.Errorf("%v zoom %v slide %d: %q %v overlaps %q %v", size, zoom, i+1, ta.Text, ra, tb.Text, rb)
						}
					}
				}
			}
		}
	}
}

// rectOf is the box a text's glyphs take: its measured width and the
// height of a line, shrunk by a pixel so touching lines do not count.
func rectOf(t *canvas.Text, m textMeasure) image.Rectangle {
	w := m.width(t.Text, t.TextSize, t.TextStyle.Bold)
	p := t.Position()
	return image.Rect(int(p.X)+1, int(p.Y)+1, int(p.X+w)-1, int(p.Y+t.TextSize*1.2)-1)
}

func TestSlideBodyShrinksThenCondenses(t *testing.T) {
	deck, _ := seededDeck(t)
	var m textMeasure
	long := ""
	for len([]rune(long)) < 3000 {
		long += "全区养老机构医养结合率达100%，率先建成全市首家区级养老中心并投入运营。"
	}
	s := deck.Sections[1]
	deck.Paragraphs[s.ID] = []plan.Paragraph{{Text: long}, {Text: "第二段。还有一句。"}}
	slide := buildSlide(deck, &m, 2, fyne.NewSize(1920, 1080), SlideStyle{Zoom: 1}, false)
	found := false
	for _, tx := range texts(slide) {
		if tx.TextSize == slideBodyMin {
			found = true
		}
		if tx.TextSize > slideBodyMin && tx.TextSize < slideBodyMax {
			t.Errorf("body text at %v: expected the smallest body size for a text this long", tx.TextSize)
		}
	}
	if !found {
		t.Fatal("no body text at the smallest size")
	}
	var all string
	for _, tx := range texts(slide) {
		all += tx.Text
	}
	if !strings.Contains(all, "……") {
		t.Error("a condensed text should show where it was cut with ……")
	}
}

// presenter is a presentation of the seeded deck in a test window.
func presenter(t *testing.T) (*Presentation, *Deck, fyne.Window) {
	t.Helper()
	deck, _ := seededDeck(t)
	p := NewPresentation(deck, 0, SlideStyle{Zoom: 1})
	w := test.NewTempWindow(t, container.NewStack(p))
	w.SetPadded(false) // as the presenting window is
	w.Resize(fyne.NewSize(1024, 768))
	return p, deck, w
}

func TestPresentationKeys(t *testing.T) {
	p, deck, _ := presenter(t)
	last := deck.Len() - 1
	steps := []struct {
		name string
		do   func()
		want int
	}{
		{"Right", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) }, 1},
		{"Down", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, 2},
		{"Space", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) }, 3},
		{"PageDown", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) }, 4},
		{"Enter", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }, 5},
		{"Left", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }, 4},
		{"Up", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }, 3},
		{"PageUp", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp}) }, 2},
		{"Backspace", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) }, 1},
		{"End", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd}) }, last},
		{"next past the end", func() { p.Next() }, last},
		{"Home", func() { p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) }, 0},
		{"previous before the start", func() { p.Prev() }, 0},
		{"1 2 Enter", func() {
			p.TypedRune('1')
			p.TypedRune('2')
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
		}, 11},
		{"9 9 Enter goes to the last", func() {
			p.TypedRune('9')
			p.TypedRune('9')
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}, last},
		{"3 Backspace 4 Enter", func() {
			p.TypedRune('3')
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			p.TypedRune('4')
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}, 3},
		{"click", func() { test.Tap(p) }, 4},
		{"right click", func() { test.TapSecondary(p) }, 3},
	}
	for _, s := range steps {
		s.do()
		if p.Index() != s.want {
			t.Fatalf("%s: on slide %d, want %d", s.name, p.Index(), s.want)
		}
	}
}

func TestPresentationBlanksAndLeaves(t *testing.T) {
	p, _, w := presenter(t)
	p.GoTo(2)
	exited := 0
	p.OnExit = func() { exited++ }

	p.TypedRune('b')
	if p.Blanked() != color.Black {
		t.Fatalf("B: blanked with %v, want black", p.Blanked())
	}
	if img := w.Canvas().Capture(); !uniform(img, color.Black) {
		t.Error("B: the screen is not all black")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if p.Blanked() != nil || p.Index() != 2 {
		t.Errorf("a key on a black screen should bring slide 3 back: blank %v, slide %d", p.Blanked(), p.Index()+1)
	}
	p.TypedRune('.')
	p.TypedRune('.')
	if p.Blanked() != nil {
		t.Error(". twice should blank and unblank")
	}
	p.TypedRune('W')
	if img := w.Canvas().Capture(); !uniform(img, color.White) {
		t.Error("W: the screen is not all white")
	}
	p.TypedRune('w')
	if p.Blanked() != nil {
		t.Error("W again should bring the slide back")
	}

	p.TypedRune('5')
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if exited != 0 {
		t.Error("Esc with a half-typed number should only drop the number")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if exited != 1 {
		t.Error("Esc should end the presentation")
	}
}

func uniform(img image.Image, c color.Color) bool {
	r0, g0, b0, _ := c.RGBA()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 != r0>>8 || g>>8 != g0>>8 || bl>>8 != b0>>8 {
				return false
			}
		}
	}
	return true
}

func TestPresentationZoomAndContrast(t *testing.T) {
	p, _, w := presenter(t)
	var kept []SlideStyle
	p.OnStyleChanged = func(s SlideStyle) { kept = append(kept, s) }
	p.GoTo(1)
	before := largestText(w.Content())
	p.ZoomBy(ZoomStep)
	p.ZoomBy(ZoomStep)
	if z := p.Style().Zoom; z < 1.19 || z > 1.21 {
		t.Fatalf("zoom = %v after two steps in, want 1.2", z)
	}
	if after := largestText(w.Content()); after <= before {
		t.Errorf("zooming in left the largest text at %v (was %v)", after, before)
	}
	for range 30 {
		p.ZoomBy(-ZoomStep)
	}
	if z := p.Style().Zoom; z < MinZoom-0.001 {
		t.Errorf("zoom went below the minimum: %v", z)
	}
	p.ResetZoom()
	p.TypedRune('c')
	if !p.Style().HighContrast {
		t.Fatal("C should switch high contrast on")
	}
	if img := w.Canvas().Capture(); !mostly(img, color.Black) {
		t.Error("high contrast should draw on black")
	}
	if len(kept) < 3 || !kept[len(kept)-1].HighContrast {
		t.Errorf("style changes reported: %v", kept)
	}
}

func largestText(o fyne.CanvasObject) float32 {
	var best float32
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			best = max(best, v.TextSize)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return best
}

// mostly reports whether most sampled pixels are c.
func mostly(img image.Image, c color.Color) bool {
	r0, g0, b0, _ := c.RGBA()
	b := img.Bounds()
	hit, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 5 {
		for x := b.Min.X; x < b.Max.X; x += 5 {
			r, g, bl, _ := img.At(x, y).RGBA()
			all++
			if r>>8 == r0>>8 && g>>8 == g0>>8 && bl>>8 == b0>>8 {
				hit++
			}
		}
	}
	return hit*2 > all
}

func TestSlideRendererDrawsEverySlideAtTheAskedSize(t *testing.T) {
	deck, _ := seededDeck(t)
	r := NewSlideRenderer(deck, SlideStyle{Zoom: 1})
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 800, Height: 600}} {
		for i := 0; i < deck.Len(); i++ {
			img, err := r.Render(i, size)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
				t.Fatalf("slide %d is %v, want %v", i+1, b, size)
			}
			if mostly(img, color.Black) || colours(img) < 3 {
				t.Errorf("slide %d at %v looks blank", i+1, size)
			}
		}
	}
	if _, err := r.Render(deck.Len(), fyne.NewSize(100, 100)); err == nil {
		t.Error("rendering a slide past the end should fail")
	}
}

// colours counts distinct colours among sampled pixels, up to 16.
func colours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 16; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}] = true
		}
	}
	return len(seen)
}

func BenchmarkRenderSlide1920(b *testing.B) {
	deck, _ := seededDeck(b)
	r := NewSlideRenderer(deck, SlideStyle{Zoom: 1})
	i := deck.SlideOf(deck.Sections[8].ID) // 7.公共服务持续完善: text, cards and a chart
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(i, fyne.NewSize(1920, 1080)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSwitchSlide(b *testing.B) {
	deck, _ := seededDeck(b)
	p := NewPresentation(deck, 0, SlideStyle{Zoom: 1})
	w := test.NewWindow(container.NewStack(p))
	defer w.Close()
	w.Resize(fyne.NewSize(1920, 1080))
	b.ResetTimer()
	for b.Loop() {
		p.Next()
		if p.Index() == deck.Len()-1 {
			p.GoTo(0)
		}
	}
}

// TestSectionSlidesShowEveryIndicator: every indicator of a section has its
// card on the section's slide (7.公共服务持续完善 has seven), at projector
// and laptop sizes and zoomed; nothing is folded into "N more".
func TestSectionSlidesShowEveryIndicator(t *testing.T) {
	deck, _ := seededDeck(t)
	var m textMeasure
	seven := false
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1024, Height: 768}} {
		for _, zoom := range []float32{1, 1.5} {
			for i := 1; i < deck.Len(); i++ {
				sec, _ := deck.Section(i)
				list := deck.Indicators[sec.ID]
				if len(list) == 0 {
					continue
				}
				seven = seven || len(list) == 7
				var shown []string
				for _, tx := range texts(buildSlide(deck, &m, i, size, SlideStyle{Zoom: zoom}, true)) {
					shown = append(shown, tx.Text)
				}
				all := strings.Join(shown, "\n")
				if strings.Contains(all, "more indicators") {
					t.Errorf("%v zoom %v %s hides indicators: %q", size, zoom, sec.Heading(), all)
				}
				for _, ind := range list {
					prefix := string([]rune(ind.Name)[:2])
					found := false
					for _, s := range shown {
						if strings.HasPrefix(s, prefix) {
							found = true
						}
					}
					if !found {
						t.Errorf("%v zoom %v %s: no card for %s", size, zoom, sec.Heading(), ind.Name)
					}
				}
			}
		}
	}
	if !seven {
		t.Error("no section with seven indicators: the test lost its case")
	}
}
