package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/reporttext"
)

// lineSpacing is the distance between baselines as a multiple of the text
// size: Chinese body text reads best with generous leading.
const lineSpacing = 1.7

// Punctuation that Chinese typesetting keeps off the start of a line
// (closing marks) or off the end of one (opening marks).
const (
	noLineStart = "，。、；：？！）》」』”’〉】〕…—·%％,.;:?!)]}"
	noLineEnd   = "（《「『“‘〈【〔([{"
)

// paragraph is a block of text wrapped the way Chinese is typeset: a line
// may break between any two Chinese characters, but closing punctuation never
// starts a line, opening punctuation never ends one, and a number or Latin
// word with its unit signs ("20.8", "1+2+N", "75.3%") is never split.
// Fyne's own word wrap only breaks at spaces, which Chinese has none of.
type paragraph struct {
	widget.BaseWidget
	text     string
	sizeName fyne.ThemeSizeName
	style    fyne.TextStyle
	// spans are the styled ranges drawn over the text, by layer (the
	// search mark, the number links); see paragraph_spans.go.
	spans [layerCount][]span
	// onReveal, when set, is told where the first span to reveal is once
	// the lines are laid out, so the page can scroll to it; revealUnseen
	// says it has not been told yet.
	onReveal     func(o fyne.CanvasObject, y float32)
	revealUnseen bool
	// hits are where the tappable spans are drawn, in the paragraph's
	// coordinates, topmost last; overTap says the mouse is over one.
	hits    []spanHit
	overTap bool
	// laid is the renderer, whose lines say where each byte is drawn.
	laid *paragraphRenderer
	// selection is the text selected by dragging over it; onSelected, when
	// set, hears of a new selection, onMenu of a right click.
	selection  textSelection
	onSelected func(p *paragraph)
	onMenu     func(p *paragraph, e *fyne.PointEvent)
}

func newParagraph(text string, sizeName fyne.ThemeSizeName) *paragraph {
	p := &paragraph{text: text, sizeName: sizeName}
	p.ExtendBaseWidget(p)
	return p
}

func (p *paragraph) CreateRenderer() fyne.WidgetRenderer {
	p.laid = &paragraphRenderer{p: p, units: breakUnits(p.text)}
	return p.laid
}

// paragraphRenderer lays the units out into lines whenever the width
// changes, and draws each line as runs of text cut where a span's colour
// starts or ends, with the spans' backgrounds behind and underlines over.
type paragraphRenderer struct {
	p       *paragraph
	units   []string
	widths  []float32
	measure float32 // text size the widths were measured at
	laidOut float32 // width the lines were broken for
	// lines are the lines' texts, starts where they start in the text and
	// origins where they are drawn.
	lines   []string
	starts  []int
	origins []fyne.Position
	runs    []*canvas.Text
	fills   []*canvas.Rectangle
	unders  []*canvas.Rectangle
}

func (r *paragraphRenderer) textSize() float32 {
	return theme.SizeForWidget(r.p.sizeName, r.p)
}

func (r *paragraphRenderer) lineHeight() float32 { return r.textSize() * lineSpacing }

// measureUnits measures each unit once per text size; a line's width is the
// sum of its units' widths.
func (r *paragraphRenderer) measureUnits() {
	size := r.textSize()
	if r.measure == size && len(r.widths) == len(r.units) {
		return
	}
	r.measure = size
	r.widths = make([]float32, len(r.units))
	for i, u := range r.units {
		r.widths[i] = fyne.MeasureText(u, size, r.p.style).Width
	}
}

// indent is the first line's indent, two full-width characters as Chinese
// paragraphs are set.
func (r *paragraphRenderer) indent() float32 { return 2 * r.textSize() }

// inset is the space kept left and right of the text, as a Label keeps.
func (r *paragraphRenderer) inset() float32 {
	return theme.SizeForWidget(theme.SizeNameInnerPadding, r.p)
}

// breakLines breaks the paragraph for width at the current text size.
func (r *paragraphRenderer) breakLines(width float32) []string {
	r.measureUnits()
	return fillLines(r.units, r.widths, width, r.indent())
}

// fillLines fills lines greedily with units whose widths are given: as
// many units as fit in width, the first line starting after indent.
func fillLines(units []string, widths []float32, width, indent float32) []string {
	var lines []string
	var line strings.Builder
	used := indent
	for i, u := range units {
		w := widths[i]
		if line.Len() > 0 && used+w > width {
			lines = append(lines, strings.TrimRightFunc(line.String(), unicode.IsSpace))
			line.Reset()
			used = 0
			if strings.TrimSpace(u) == "" {
				continue // a space that fell at a line break is dropped
			}
		}
		line.WriteString(u)
		used += w
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

func (r *paragraphRenderer) Layout(size fyne.Size) {
	if size.Width == r.laidOut && len(r.lines) > 0 {
		return
	}
	r.laidOut = size.Width
	inset := r.inset()
	r.lines = r.breakLines(size.Width - 2*inset)
	lh := r.lineHeight()
	th := r.glyphHeight()
	r.origins = make([]fyne.Position, len(r.lines))
	for i := range r.lines {
		x := inset
		if i == 0 {
			x += r.indent()
		}
		r.origins[i] = fyne.NewPos(x, float32(i)*lh+(lh-th)/2)
	}
	r.starts = lineStarts(r.p.text, r.lines)
	r.p.revealUnseen = r.p.revealing()
	// The height depends on the width: ask the container to lay out again.
	r.p.Refresh()
}

// glyphHeight is the height of a line's glyphs, less than the line's.
func (r *paragraphRenderer) glyphHeight() float32 {
	return fyne.MeasureText("汉", r.textSize(), r.p.style).Height
}

// MinSize is one line-height per line at the width last laid out, and a
// width of a few characters so the text can always be narrowed.
func (r *paragraphRenderer) MinSize() fyne.Size {
	lines := len(r.lines)
	if lines == 0 {
		lines = 1
	}
	return fyne.NewSize(r.textSize()*4+2*r.inset(), float32(lines)*r.lineHeight())
}

// Refresh draws the lines again, in the theme's colours, with the spans
// as they are now.
func (r *paragraphRenderer) Refresh() {
	r.placeRuns()
	r.placeSpans()
}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject {
	objects := make([]fyne.CanvasObject, 0, len(r.fills)+len(r.runs)+len(r.unders))
	for _, f := range r.fills {
		objects = append(objects, f)
	}
	for _, t := range r.runs {
		objects = append(objects, t)
	}
	for _, u := range r.unders {
		objects = append(objects, u)
	}
	return objects
}

func (r *paragraphRenderer) Destroy() {}

// breakUnits splits text into the pieces a line may break between: each
// Chinese character, each quantity with its unit (4.1万余人), each run of
// Latin letters and digits with the signs that belong to a number, each
// space. Closing punctuation is glued to the
// unit before it and opening punctuation to the unit after it.
func breakUnits(text string) []string {
	var units []string
	// A quantity with its scale word and unit is one unit: 0.97万人 is
	// never broken between 万 and 人.
	quantityEnd := map[int]int{}
	for _, s := range reporttext.QuantitySpans(text) {
		quantityEnd[s[0]] = s[1]
	}
	glueNext := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		j := i + size
		if end, ok := quantityEnd[i]; ok {
			j = end
		} else if isWordRune(r) {
			j = wordEnd(text, j)
		}
		unit := text[i:j]
		switch {
		case glueNext && len(units) > 0:
			units[len(units)-1] += unit
		case strings.ContainsRune(noLineStart, r) && len(units) > 0:
			units[len(units)-1] += unit
		default:
			units = append(units, unit)
		}
		glueNext = strings.ContainsRune(noLineEnd, r)
		i = j
	}
	return units
}

// wordEnd returns where the Latin word or number running up to i ends: it
// goes on through letters and digits, through a sign between two of them
// (20.8, 1,234, 1+2+N) and through a trailing percent sign.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r), r == '%', r == '％':
			i += n
		case strings.ContainsRune(".,:/+-", r) && i+n < len(text) && isWordRune(firstRuneOf(text[i+n:])):
			i += n
		default:
			return i
		}
	}
	return i
}

func isWordRune(r rune) bool {
	return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
