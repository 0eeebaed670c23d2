package pdftext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Running headers and footers: the page's own furniture, not the report's
// text. A line is furniture when it stands in the top or bottom margin
// zone of its page, is one of the two outermost lines there, and is a page
// number (- 3 -, — 3 —, 第3页, 第3页 共9页, 3/9, 3), or stands there on
// many pages the same, digits aside, and either word for word or in type
// smaller than the body's. (A heading that opens every page, 1.第1部分
// then 2.第2部分, reads the same digits aside too, but is not small.) A
// header on a document of one page cannot be told from a first line, and
// stays.
const (
	// marginZone is the share of the page height, at its top and at its
	// bottom, where headers and footers stand.
	marginZone = 0.1
	// outermost is how many lines from the top and from the bottom of a
	// page may be furniture.
	outermost = 2
)

// pageNumber matches a page number once digits are # and spaces gone.
var pageNumber = regexp.MustCompile(`^(?:[-—–－]+#[-—–－]+|第#页(?:[，,/]?共#页)?|#(?:/#)?|page#(?:of#)?|#页)$`)

// furnitureKey is a line's text with its digits as # and no spaces, the
// same on every page a running header or footer stands on.
func furnitureKey(text string) string {
	var b strings.Builder
	digit := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		default:
			b.WriteRune(r)
		}
		digit = false
	}
	return b.String()
}

// marginLines returns the indexes of a page's lines that could be
// furniture: the outermost in each margin zone.
func marginLines(p page) []int {
	byHeight := make([]int, len(p.lines))
	for i := range byHeight {
		byHeight[i] = i
	}
	slices.SortStableFunc(byHeight, func(a, b int) int {
		return compareFloat(p.lines[b].base, p.lines[a].base)
	})
	var out []int
	for k, i := range byHeight {
		near := k < outermost || k >= len(byHeight)-outermost
		l := p.lines[i]
		if near && (l.base > p.height*(1-marginZone) || l.base < p.height*marginZone) {
			out = append(out, i)
		}
	}
	return out
}

// dropFurniture removes the running headers, footers and page numbers
// from pages whose body text is set in size body.
func dropFurniture(pages []page, body float64) {
	seen, exact := map[string]int{}, map[string]int{}
	for _, p := range pages {
		keys, texts := map[string]bool{}, map[string]bool{}
		for _, i := range marginLines(p) {
			keys[furnitureKey(p.lines[i].text)] = true
			texts[p.lines[i].text] = true
		}
		for k := range keys {
			seen[k]++
		}
		for t := range texts {
			exact[t]++
		}
	}
	running := max(2, (len(pages)*2+4)/5) // on two pages and 40 % of them
	for pi := range pages {
		p := &pages[pi]
		drop := map[int]bool{}
		for _, i := range marginLines(*p) {
			l := p.lines[i]
			k := furnitureKey(l.text)
			repeated := seen[k] >= running && (exact[l.text] >= running || l.size < body-0.5)
			if pageNumber.MatchString(k) || repeated {
				drop[i] = true
			}
		}
		kept := p.lines[:0]
		for i, l := range p.lines {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		p.lines = kept
	}
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
