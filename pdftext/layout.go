package pdftext

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
)

// page is one page of a PDF as read: its size and its lines in reading order.
type page struct {
	number        int
	width, height float64
	lines         []line
}

// textBytes is how many bytes of text the page holds.
func (p page) textBytes() int {
	n := 0
	for _, l := range p.lines {
		n += len(l.text)
	}
	return n
}

// line is one line of text on a page, within one column.
type line struct {
	text string
	// x0, x1 are its left and right ends, base its baseline and top the
	// top of its tallest character, in points (y up the page).
	x0, x1, base, top float64
	// size is the font size most of its characters have, bold whether
	// most of them are bold.
	size  float64
	bold  bool
	runes int
	page  int
	// col is 0 for a line across the page (or on a one-column page), 1 in
	// the left column and 2 in the right; band counts the stretches of the
	// page that are across the page or in columns, top to bottom.
	col, band int
}

// fragment is a run of characters on one baseline with no wide gap.
type fragment struct {
	glyphs    []glyph
	row       int
	x0, x1    float64
	col, band int
}

// layoutPage puts a page's characters into lines in reading order: rows
// of characters on one baseline, ordered left to right by where they
// stand (never by the order the PDF draws them in: LibreOffice draws a
// quotation mark in another font after the text around it), split into
// the left and right column where the page has two, each column read top
// to bottom before the next.
func layoutPage(glyphs []glyph, width float64, number int) []line {
	frags := splitRows(groupRows(glyphs))
	gutter, ok := findGutter(frags, width)
	assignColumns(frags, gutter, ok)
	lines := joinFragments(frags, number)
	slices.SortStableFunc(lines, func(a, b line) int {
		return cmp.Or(cmp.Compare(a.band, b.band), cmp.Compare(a.col, b.col), cmp.Compare(b.base, a.base))
	})
	return lines
}

// rowTolerance is how far apart, in ems, two baselines may be and still
// be one row: enough for a Latin font and a Chinese one that disagree by a
// fraction of a point, too little for two lines.
const rowTolerance = 0.4

// groupRows sorts glyphs into rows, top to bottom, each left to right.
func groupRows(glyphs []glyph) [][]glyph {
	slices.SortStableFunc(glyphs, func(a, b glyph) int { return cmp.Compare(b.base, a.base) })
	var rows [][]glyph
	start := 0
	for i := 1; i <= len(glyphs); i++ {
		if i < len(glyphs) {
			first, g := glyphs[start], glyphs[i]
			if first.base-g.base <= rowTolerance*math.Max(first.size, g.size) {
				continue
			}
		}
		row := glyphs[start:i]
		slices.SortStableFunc(row, func(a, b glyph) int { return cmp.Compare(a.x0, b.x0) })
		rows = append(rows, row)
		start = i
	}
	return rows
}

// splitGap is the gap, in ems, that splits a row into fragments: wider
// than any space justification stretches, narrower than a column gutter.
const splitGap = 1.0

// splitRows cuts each row where a gap wider than splitGap opens.
func splitRows(rows [][]glyph) []fragment {
	var frags []fragment
	for r, row := range rows {
		start := 0
		for i := 1; i <= len(row); i++ {
			if i < len(row) && row[i].x0-row[i-1].x1 <= splitGap*math.Max(row[i].size, row[i-1].size) {
				continue
			}
			gs := row[start:i]
			frags = append(frags, fragment{glyphs: gs, row: r, x0: gs[0].x0, x1: gs[len(gs)-1].x1})
			start = i
		}
	}
	return frags
}

// findGutter looks for the gap between two columns: an x in the middle
// half of the page that few fragments cross while many end just left of
// it and many begin just right of it. ok is false for a page of one column.
func findGutter(frags []fragment, width float64) (x float64, ok bool) {
	if len(frags) < 6 {
		return 0, false
	}
	sizes := make([]float64, 0, len(frags))
	for _, f := range frags {
		sizes = append(sizes, f.glyphs[0].size)
	}
	slices.Sort(sizes)
	window := 4 * sizes[len(sizes)/2]
	bestScore, bestFrom, bestTo := math.MinInt, 0.0, 0.0
	for x := math.Round(width * 0.25); x <= width*0.75; x++ {
		cross, left, right := 0, 0, 0
		for _, f := range frags {
			switch {
			case f.x0 < x && f.x1 > x:
				cross++
			case f.x1 <= x && f.x1 >= x-window:
				left++
			case f.x0 >= x && f.x0 <= x+window:
				right++
			}
		}
		both := min(left, right)
		if both < 3 || cross*2 > both {
			continue
		}
		switch score := both - 3*cross; {
		case score > bestScore:
			bestScore, bestFrom, bestTo = score, x, x
		case score == bestScore && x == bestTo+1:
			bestTo = x
		}
	}
	if bestScore == math.MinInt {
		return 0, false
	}
	return (bestFrom + bestTo) / 2, true
}

// assignColumns marks each fragment left (1) or right (2) of the gutter,
// or across the page (0), with every fragment of a row that holds one
// across the page, and numbers the bands: runs of rows across the page,
// and runs of rows in columns.
func assignColumns(frags []fragment, gutter float64, ok bool) {
	across := map[int]bool{}
	for i := range frags {
		f := &frags[i]
		switch {
		case !ok || f.x0 < gutter && f.x1 > gutter:
			f.col = 0
			across[f.row] = true
		case f.x1 <= gutter:
			f.col = 1
		default:
			f.col = 2
		}
	}
	band, lastRow, lastAcross := 0, -1, false
	for i := range frags {
		f := &frags[i]
		if across[f.row] {
			f.col = 0
		}
		if f.row != lastRow {
			if lastRow >= 0 && across[f.row] != lastAcross {
				band++
			}
			lastRow, lastAcross = f.row, across[f.row]
		}
		f.band = band
	}
}

// joinFragments makes a line of the fragments of each row and column.
func joinFragments(frags []fragment, number int) []line {
	var lines []line
	for i := 0; i < len(frags); {
		j := i + 1
		var gs []glyph
		gs = append(gs, frags[i].glyphs...)
		for ; j < len(frags) && frags[j].row == frags[i].row && frags[j].col == frags[i].col; j++ {
			gs = append(gs, frags[j].glyphs...)
		}
		l := makeLine(gs)
		l.page, l.col, l.band = number, frags[i].col, frags[i].band
		if l.text != "" {
			lines = append(lines, l)
		}
		i = j
	}
	return lines
}

// makeLine measures a row's glyphs, left to right, and writes their text.
func makeLine(gs []glyph) line {
	l := line{x0: gs[0].x0, x1: gs[len(gs)-1].x1, text: lineText(gs)}
	sizes := map[float64]int{}
	bold := 0
	for _, g := range gs {
		l.base += g.base / float64(len(gs))
		l.top = math.Max(l.top, g.top)
		if !unicode.IsSpace(g.r) {
			sizes[math.Round(g.size*2)/2]++
			l.runes++
			if g.bold {
				bold++
			}
		}
	}
	for s, n := range sizes {
		if n > sizes[l.size] || n == sizes[l.size] && s > l.size {
			l.size = s
		}
	}
	l.bold = bold*2 > l.runes
	return l
}

// lineText writes glyphs' text with a space where the PDF has one or
// leaves a gap between Latin letters or digits, and none next to Chinese
// characters, where the gaps are the room LibreOffice and Word leave
// between Chinese and Latin text (突破 210家 is written 突破210家). A gap
// of more than an em, between table cells, is a space whatever the script.
func lineText(gs []glyph) string {
	var b strings.Builder
	var prev *glyph
	space := false
	for i := range gs {
		g := &gs[i]
		if unicode.IsSpace(g.r) || g.r == '\u3000' {
			space = true
			continue
		}
		if prev != nil {
			gap, em := g.x0-prev.x1, math.Max(g.size, prev.size)
			latin := !isWide(prev.r) && !isWide(g.r)
			if gap > em || latin && (space || gap > 0.2*em) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
		prev, space = g, false
	}
	return b.String()
}

// isWide reports whether r is a CJK character or punctuation, next to which
// Chinese typesetting puts no space (as reporttext reads text).
func isWide(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return true
	}
	return r >= 0x2000 && r <= 0x206F || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
