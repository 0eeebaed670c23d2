// Package search finds text in one report: section titles, paragraphs,
// indicator names and values as written, project names and comments, matched as
// substrings after folding (full-width and half-width digits, letters and
// punctuation alike, letters in either case, white space ignored), so that
// ７５．３％ finds 75.3% and 突破210家 finds “突破 210家”. A query that
// reads as a number finds the indicators holding that value too, however
// it is written (5.41万人 finds 54100人).
//
// It is pure Go: the window and the command line build an Index from what
// the store reads and ask it; it imports nothing of GORM or Fyne.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plandesk/cnnum"
	"plandesk/plan"
)

// Kind says what a hit was found in.
type Kind string

// The kinds of text searched, in the order a section shows them.
const (
	KindSection   Kind = "section"   // a section's heading
	KindParagraph Kind = "paragraph" // a paragraph of a section's text
	KindIndicator Kind = "indicator" // an indicator's name or a value as written
	KindProject   Kind = "project"   // a project's or task's name
	KindComment   Kind = "comment"   // a reviewer's comment or reply
)

// Content is what an Index is built from: one report as the store reads it.
type Content struct {
	// Sections are the report's sections in reading order.
	Sections []plan.Section
	// Paragraphs are each section's paragraphs in order, by section id.
	Paragraphs map[int64][]plan.Paragraph
	// Indicators are the report's indicators in table order.
	Indicators []plan.Indicator
	// Projects are the report's projects in list order.
	Projects []plan.Project
	// Comments are the report's comments and replies, oldest first.
	Comments []plan.Comment
}

// doc is one text searched: a heading, a paragraph, a field.
type doc struct {
	kind    Kind
	section int64
	id      int64 // the paragraph, indicator or project; the section for a heading
	field   plan.Field
	name    string // the indicator's or project's name
	text    string // as written
	start   int    // where its folded text starts in Index.folded
}

// Index is a report's texts, folded and joined so that one scan of one
// string answers a query. It is read-only once built: Find may run from
// several goroutines at once.
type Index struct {
	// folded holds every doc's folded text in reading order, each followed
	// by a NUL, which no folded query holds: a match never spans two docs.
	folded string
	docs   []doc
	// values are the indicators' values, for a query that is a number.
	values []indicatorValue
}

// indicatorValue is one value field of an indicator, read as a number.
type indicatorValue struct {
	doc   int // the field's doc
	id    int64
	value float64 // in base units, as plan reads it
	unit  string  // the indicator's unit without its scale word (家, 元, %)
	scale float64 // what the unit's scale word multiplies by
}

// indicatorFields are the fields of an indicator searched, in table order.
var indicatorFields = [...]plan.Field{plan.FieldName, plan.FieldBaseline, plan.FieldTarget, plan.FieldMidterm}

// New builds the index of a report. Its cost is one folding pass over the
// text: a few milliseconds for a report of a thousand sections.
func New(c Content) *Index {
	ix := &Index{}
	var b strings.Builder
	add := func(d doc) int {
		if d.text == "" {
			return -1
		}
		d.start = b.Len()
		ix.docs = append(ix.docs, d)
		foldInto(&b, d.text)
		b.WriteByte(0)
		return len(ix.docs) - 1
	}
	indicators := groupBySection(c.Indicators, func(ind plan.Indicator) int64 { return ind.SectionID })
	projects := groupBySection(c.Projects, func(p plan.Project) int64 { return p.SectionID })
	comments := groupBySection(c.Comments, func(c plan.Comment) int64 { return c.SectionID })
	for _, s := range c.Sections {
		add(doc{kind: KindSection, section: s.ID, id: s.ID, text: s.Heading()})
		for _, p := range c.Paragraphs[s.ID] {
			add(doc{kind: KindParagraph, section: s.ID, id: p.ID, text: p.Text})
		}
		for _, ind := range indicators[s.ID] {
			ix.addIndicator(add, ind)
		}
		for _, p := range projects[s.ID] {
			add(doc{kind: KindProject, section: s.ID, id: p.ID, field: plan.FieldName, name: p.Name, text: p.Name})
		}
		for _, cm := range comments[s.ID] {
			add(doc{kind: KindComment, section: s.ID, id: cm.ID, field: plan.FieldCommentText, name: cm.Reviewer, text: cm.Text})
			add(doc{kind: KindComment, section: s.ID, id: cm.ID, field: plan.FieldReplacement, name: cm.Reviewer, text: cm.Replacement})
		}
	}
	ix.folded = b.String()
	return ix
}

// addIndicator adds an indicator's searched fields, and its values for a
// query that is a number.
func (ix *Index) addIndicator(add func(doc) int, ind plan.Indicator) {
	word, scale := cnnum.ScaleOf(ind.Unit)
	for _, f := range indicatorFields {
		n := add(doc{kind: KindIndicator, section: ind.SectionID, id: ind.ID, field: f, name: ind.Name, text: ind.Get(f)})
		var v *float64
		switch f {
		case plan.FieldBaseline:
			v = ind.BaselineValue
		case plan.FieldTarget:
			v = ind.TargetValue
		case plan.FieldMidterm:
			v = ind.MidtermValue
		}
		if n >= 0 && v != nil {
			ix.values = append(ix.values, indicatorValue{doc: n, id: ind.ID, value: *v, unit: ind.Unit[len(word):], scale: scale})
		}
	}
}

// groupBySection lists items by their section, keeping their order.
func groupBySection[T any](list []T, section func(T) int64) map[int64][]T {
	m := make(map[int64][]T)
	for _, v := range list {
		m[section(v)] = append(m[section(v)], v)
	}
	return m
}

// foldInto writes s folded as a search compares it: each rune through
// cnnum.Fold, white space dropped (a PDF's text puts spaces around numbers
// and Latin words that the report never meant: 突破 210家), NUL dropped
// (it ends a doc).
func foldInto(b *strings.Builder, s string) {
	for _, r := range s {
		if r = cnnum.Fold(r); !dropped(r) {
			b.WriteRune(r)
		}
	}
}

// dropped reports whether a folded rune is left out of the folded text.
func dropped(r rune) bool { return r == 0 || unicode.IsSpace(r) }

// foldQuery is a query folded as the texts are.
func foldQuery(q string) string {
	var b strings.Builder
	foldInto(&b, q)
	return b.String()
}

// original maps a byte offset in the folded form of text to one in text.
// A start skips the runes folding drops (a match never starts on a space
// that is not there); an end stops before them.
func original(text string, folded int, start bool) int {
	pos := 0
	for i, r := range text {
		f := cnnum.Fold(r)
		size := utf8.RuneLen(f)
		if dropped(f) {
			size = 0
		}
		if pos > folded || pos == folded && (!start || size > 0) {
			return i
		}
		pos += size
	}
	return len(text)
}
