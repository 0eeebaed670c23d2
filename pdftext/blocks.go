package pdftext

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a block of text is in its document.
type Kind int

const (
	// Paragraph is body text.
	Paragraph Kind = iota
	// Heading is a heading: set larger or bolder than the body text, or a
	// numbered line of its own (一、 （一） 1.).
	Heading
	// Title is the document's title: the large headings that open its
	// first page.
	Title
)

// Block is one paragraph, heading or title, its lines joined.
type Block struct {
	Kind Kind
	// Text is the block's text on one line: its lines joined with nothing
	// between them, or a space between two Latin words.
	Text string
	// Page is the page the block starts on, from 1.
	Page int
	// Size is its font size in points, Bold whether its font is bold.
	Size float64
	Bold bool
}

// Document is the text a PDF holds, in reading order.
type Document struct {
	// Pages is how many pages the PDF has.
	Pages int
	// Blocks are its title, headings and paragraphs, without the running
	// headers, footers and page numbers.
	Blocks []Block
	// TextlessPages are the pages, from 1, with no text: scanned pages in a
	// document with text elsewhere, or empty ones.
	TextlessPages []int
}

// Text is the document as reporttext.ParseReport reads a report: every
// block on a line of its own, a blank line between blocks. Headings then
// stand alone on their lines, where ParseReport recognises them by their
// numbering; a paragraph is one line, which ParseReport ends, as in any
// text that was not hard-wrapped, at its closing 。！？.
func (d *Document) Text() []byte {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	b.WriteByte('\n')
	return []byte(b.String())
}

// assemble joins the lines of every page into blocks.
func assemble(pages []page) *Document {
	doc := &Document{Pages: len(pages)}
	for _, p := range pages {
		if len(p.lines) == 0 {
			doc.TextlessPages = append(doc.TextlessPages, p.number)
		}
	}
	var all []line
	for _, p := range pages {
		all = append(all, p.lines...)
	}
	dropFurniture(pages, bodySize(all))
	all = all[:0]
	for _, p := range pages {
		all = append(all, p.lines...)
	}
	m := measure(all)
	var group []line
	for i := range all {
		if i > 0 && m.breaksBefore(all[i-1], all[i]) {
			doc.Blocks = append(doc.Blocks, m.block(group))
			group = nil
		}
		group = append(group, all[i])
	}
	if len(group) > 0 {
		doc.Blocks = append(doc.Blocks, m.block(group))
	}
	markTitle(doc.Blocks, m.body)
	return doc
}

// metrics are the measures of a document's body text that tell where its
// paragraphs end.
type metrics struct {
	// body is the font size most characters are set in, bodyBold whether
	// those are bold; pitch is the usual distance between two lines of a
	// paragraph.
	body     float64
	bodyBold bool
	pitch    float64
	// margins are the left and right ends of the body lines of each page
	// and column.
	margins map[place]margin
	// wide are the margins of each column over the whole document, for a
	// page with too few lines to tell its own.
	wide map[int]margin
}

type place struct{ page, col int }

type margin struct{ left, right float64 }

// minMarginLines is how many body lines a page's column needs for its own
// margins to be measured from them.
const minMarginLines = 5

// measure finds the body size, line pitch and margins of a document.
func measure(all []line) metrics {
	m := metrics{margins: map[place]margin{}, wide: map[int]margin{}, body: bodySize(all)}
	bold, body, count := 0, 0, map[place]int{}
	var pitches []float64
	for i, l := range all {
		if !m.isBody(l) {
			continue
		}
		body += l.runes
		if l.bold {
			bold += l.runes
		}
		count[place{l.page, l.col}]++
		widen(m.margins, place{l.page, l.col}, l)
		if i > 0 && samePlace(all[i-1], l) && m.isBody(all[i-1]) {
			if d := all[i-1].base - l.base; d > 0 && d < 3*m.body {
				pitches = append(pitches, d)
			}
		}
	}
	m.bodyBold = bold*2 > body
	for k, n := range count {
		if n < minMarginLines {
			delete(m.margins, k)
			continue
		}
		widen(m.wide, k.col, line{x0: m.margins[k].left, x1: m.margins[k].right})
	}
	m.pitch = 1.5 * m.body
	if len(pitches) > 0 {
		slices.Sort(pitches)
		m.pitch = pitches[len(pitches)/2]
	}
	return m
}

// bodySize is the font size most characters are set in.
func bodySize(all []line) float64 {
	sizes := map[float64]int{}
	body := 0.0
	for _, l := range all {
		sizes[l.size] += l.runes
	}
	for s, n := range sizes {
		if n > sizes[body] || n == sizes[body] && s < body {
			body = s
		}
	}
	return body
}

// widen stretches the margin at k to take in line l.
func widen[K comparable](ms map[K]margin, k K, l line) {
	mg, ok := ms[k]
	if !ok {
		ms[k] = margin{l.x0, l.x1}
		return
	}
	ms[k] = margin{math.Min(mg.left, l.x0), math.Max(mg.right, l.x1)}
}

// isBody reports whether l is set in the body size.
func (m metrics) isBody(l line) bool { return math.Abs(l.size-m.body) <= 0.5 }

// isHeadingStyle reports whether l is set larger, or bolder, than the body.
func (m metrics) isHeadingStyle(l line) bool {
	return l.size >= m.body*1.15 || l.bold && !m.bodyBold
}

// marginOf is the margin of l's page and column, or its column's over the
// document, or l's own ends when there is neither.
func (m metrics) marginOf(l line) margin {
	if mg, ok := m.margins[place{l.page, l.col}]; ok {
		return mg
	}
	if mg, ok := m.wide[l.col]; ok {
		return mg
	}
	return margin{l.x0, l.x1}
}

func samePlace(a, b line) bool { return a.page == b.page && a.col == b.col && a.band == b.band }

func sameStyle(a, b line) bool {
	return math.Abs(a.size-b.size) <= 0.1*math.Max(a.size, b.size) && a.bold == b.bold
}

// Where paragraphs end, in ems of the line's size.
const (
	// indentEms is the least first-line indent (Chinese documents indent
	// two characters).
	indentEms = 0.6
	// shortEms is how far short of the right margin a line must end to be
	// the last of its paragraph.
	shortEms = 1.2
	// gapPitches is the gap, in line pitches, that parts two paragraphs
	// set without indents.
	gapPitches = 1.6
	// headingGapEms is the widest gap between the lines of one heading.
	headingGapEms = 2.0
)

// breaksBefore reports whether a new block starts at l, after prev: where
// the style changes, a line is indented, the line before stopped short of
// the margin, or a wide gap opens. Across a column or page break a
// paragraph goes on only where its last line was full and the next is not
// indented. A heading's lines join while they are close together and the
// next does not start a numbering of its own.
func (m metrics) breaksBefore(prev, l line) bool {
	if !sameStyle(prev, l) {
		return true
	}
	if m.isHeadingStyle(l) {
		return !samePlace(prev, l) || prev.base-l.base > headingGapEms*l.size ||
			numbered.MatchString(l.text) || endsSentence(prev.text)
	}
	em := l.size
	indented := l.x0 > m.marginOf(l).left+indentEms*em
	short := prev.x1 < m.marginOf(prev).right-shortEms*em
	if indented || short || !samePlace(prev, l) {
		return indented || short
	}
	return prev.base-l.base > gapPitches*m.pitch
}

// numbered matches the numbering a heading opens with.
var numbered = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d０-９]+[）)]|[\d０-９]{1,2}[.．、][^\d０-９]|[①-⑳]|第[一二三四五六七八九十百\d]+[章节部分条篇])`)

// endsSentence reports whether text ends a sentence or a clause list.
func endsSentence(text string) bool {
	text = strings.TrimRight(text, "”’」』）)\"' ")
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune("。！？!?…；;：:", r)
}

// maxHeadingRunes and maxHeadingLines bound a heading: a longer block set
// in bold is a bold paragraph.
const (
	maxHeadingRunes = 80
	maxHeadingLines = 3
	// maxNumberedRunes bounds a numbered heading in the body's style.
	maxNumberedRunes = 40
)

// block joins a group of lines into a block and tells its kind.
func (m metrics) block(lines []line) Block {
	texts := make([]string, len(lines))
	runes := 0
	for i, l := range lines {
		texts[i] = l.text
		runes += l.runes
	}
	first := lines[0]
	b := Block{Kind: Paragraph, Text: joinLines(texts), Page: first.page, Size: first.size, Bold: first.bold}
	switch {
	case m.isHeadingStyle(first) && len(lines) <= maxHeadingLines && runes <= maxHeadingRunes:
		b.Kind = Heading
	case len(lines) == 1 && runes <= maxNumberedRunes && numbered.MatchString(first.text) &&
		first.x1 < m.marginOf(first).right-shortEms*first.size:
		b.Kind = Heading
	}
	return b
}

// titleScale is how much larger than the body a title is set.
const titleScale = 1.3

// markTitle makes Title of the headings set large that open the first page.
func markTitle(blocks []Block, body float64) {
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != Heading || b.Page != 1 || b.Size < body*titleScale || numbered.MatchString(b.Text) {
			return
		}
		b.Kind = Title
	}
}

// joinLines joins a block's lines: nothing between them, as Chinese is
// written and as a number broken after its point (75. / 3%) reads, but a
// space between two Latin words.
func joinLines(texts []string) string {
	var b strings.Builder
	for i, t := range texts {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(t)
			if isLatinLetter(last) && isLatinLetter(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }
