package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"plandesk/cnnum"
	"plandesk/plan"
)

// MaxHits is the most hits Find returns: more than anyone reads in a list,
// and building their snippets is most of a query's cost. Result.Total
// still counts them all.
const MaxHits = 500

// Hit is one place a query was found.
type Hit struct {
	// Kind is what it was found in.
	Kind Kind
	// SectionID is the section to open to show it.
	SectionID int64
	// ID is the paragraph, indicator or project it is in; for a section
	// heading, the section again.
	ID int64
	// Field is the indicator's or project's field that holds it (name,
	// baseline, target, mid-term value); empty for a heading or paragraph.
	Field plan.Field
	// Name is the indicator's or project's name, which a list shows
	// beside a value; empty for a heading or paragraph.
	Name string
	// Text is the text searched, as written.
	Text string
	// Start and End are the match's byte offsets in Text. A value found by
	// its number (75.30% for 75.3%) spans the whole field.
	Start, End int
	// Context is the match with some text either side, on one line, cut
	// with … where the text goes on.
	Context string
	// ContextStart and ContextEnd are the match's byte offsets in Context.
	ContextStart, ContextEnd int
}

// Result is what Find found.
type Result struct {
	// Hits are at most MaxHits hits in reading order: each section's
	// heading, paragraphs, indicators and projects in turn. An indicator
	// is one hit however many of its fields hold the query.
	Hits []Hit
	// Total counts every hit, beyond MaxHits too.
	Total int
}

// match is a hit before its snippet is made: which doc, and where in
// the doc's folded text (end < 0: the whole text).
type match struct {
	doc        int
	start, end int
}

// Find returns where query occurs. An empty query (or one of white space)
// finds nothing.
func (ix *Index) Find(query string) Result {
	q := foldQuery(query)
	if q == "" {
		return Result{}
	}
	matches, total := ix.substrings(q)
	if numbers := ix.numbers(query, matches); len(numbers) > 0 {
		total += len(numbers)
		matches = append(matches, numbers...)
		slices.SortStableFunc(matches, func(a, b match) int { return cmp.Compare(a.doc, b.doc) })
	}
	if len(matches) > MaxHits {
		matches = matches[:MaxHits]
	}
	hits := make([]Hit, len(matches))
	for i, m := range matches {
		hits[i] = ix.hit(m)
	}
	return Result{Hits: hits, Total: total}
}

// substrings finds q in the folded text: at most MaxHits matches, and the
// count of all of them. One indicator's fields count once.
func (ix *Index) substrings(q string) ([]match, int) {
	var out []match
	total, d := 0, 0
	lastIndicator := int64(-1)
	for at := 0; ; {
		i := strings.Index(ix.folded[at:], q)
		if i < 0 {
			return out, total
		}
		i += at
		at = i + len(q)
		for d+1 < len(ix.docs) && ix.docs[d+1].start <= i {
			d++ // matches come in order: the doc only moves on
		}
		doc := &ix.docs[d]
		if doc.kind == KindIndicator {
			if doc.id == lastIndicator {
				continue
			}
			lastIndicator = doc.id
		}
		total++
		if len(out) < MaxHits {
			out = append(out, match{doc: d, start: i - doc.start, end: at - doc.start})
		}
	}
}

// numbers finds the indicators holding the value query reads as, that
// the substrings did not find already. A query without a digit is not a
// number here (一 is a word more often than 1).
func (ix *Index) numbers(query string, found []match) []match {
	if !strings.ContainsFunc(cnnum.FoldString(query), unicode.IsDigit) {
		return nil
	}
	n, err := cnnum.ParseNumber(query, cnnum.NumberRule{})
	if err != nil || n.IsEmpty() {
		return nil
	}
	seen := map[int64]bool{}
	for _, m := range found {
		if ix.docs[m.doc].kind == KindIndicator {
			seen[ix.docs[m.doc].id] = true
		}
	}
	var out []match
	for _, v := range ix.values {
		if !seen[v.id] && v.holds(n) {
			seen[v.id] = true
			out = append(out, match{doc: v.doc, end: -1})
		}
	}
	return out
}

// holds reports whether the value is n: a bare number in the indicator's
// unit and scale (210 for 210亿元), anything else in base units and, when
// it names a unit, in the indicator's.
func (v indicatorValue) holds(n cnnum.Number) bool {
	want := n.Base()
	if n.Unit == "" && n.Scale == 1 {
		want *= v.scale
	} else if n.Unit != "" && n.Unit != v.unit {
		return false
	}
	return math.Abs(want-v.value) <= 1e-9*math.Max(math.Abs(want), 1)
}

// hit makes a match into a Hit, mapping its place back to the text as
// written and cutting its snippet.
func (ix *Index) hit(m match) Hit {
	d := ix.docs[m.doc]
	h := Hit{Kind: d.kind, SectionID: d.section, ID: d.id, Field: d.field, Name: d.name, Text: d.text}
	if m.end < 0 {
		h.Start, h.End = 0, len(d.text)
	} else {
		h.Start, h.End = original(d.text, m.start, true), original(d.text, m.end, false)
	}
	h.Context, h.ContextStart, h.ContextEnd = snippet(d.text, h.Start, h.End)
	return h
}

// Runes of text a snippet keeps before and after the match.
const (
	contextBefore = 16
	contextAfter  = 32
)

// snippet is text[start:end] with some text either side, white space runs
// as one space, … where the text was cut, and the match's place in it.
func snippet(text string, start, end int) (string, int, int) {
	from := start
	for n := 0; n < contextBefore && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	to := end
	for n := 0; n < contextAfter && to < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(oneLine(text[from:start]))
	s := b.Len()
	b.WriteString(oneLine(text[start:end]))
	e := b.Len()
	b.WriteString(oneLine(text[end:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return b.String(), s, e
}

// oneLine is s with each run of white space as one space.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
