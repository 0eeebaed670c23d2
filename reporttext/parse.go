package reporttext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"plandesk/cjk"
)

// Errors ParseReport returns for input it cannot read as a report. The app
// matches them with errors.Is to explain the problem in the user's language.
// A text without numbered headings is read, as one section (see
// ParsedReport.NoHeadings).
var (
	// ErrEmptyInput means the file holds nothing but white space.
	ErrEmptyInput = errors.New("the file is empty")
	// ErrNotText means the file holds binary data, not text.
	ErrNotText = errors.New("the file is not a text file")
	// ErrNotUTF8 means the file is text in an encoding other than UTF-8.
	ErrNotUTF8 = errors.New("the file is not UTF-8 text")
)

// The titles PlanDesk gives the sections that have no heading in the text.
const (
	// PrefaceTitle names the text between the title and the first heading.
	PrefaceTitle = "前言"
	// BodyTitle names the whole text, after the title, of a text with no
	// numbered heading.
	BodyTitle = "正文"
)

// ParsedReport is a report's text split into its title and section tree,
// ready to be stored by Store.ImportReport.
type ParsedReport struct {
	// Title is the document's title line(s) at its top, joined into one
	// line, at most MaxTitleRunes characters (see the comment in title.go);
	// empty when the text opens with prose.
	Title string
	// Region is the administrative area the title names (汉阳区), or empty.
	Region string
	// PlanPeriod is the plan the title names in its short form (十四五), or empty.
	PlanPeriod string
	// EvaluationDate is a year and month written in the title, or else in a
	// date or source line before the first heading ("2023年1月"), or empty.
	EvaluationDate string
	// Sections are the top-level parts in reading order. The text between
	// the title and the first heading, if any, is the first: a section
	// titled PrefaceTitle.
	Sections []*ParsedSection
	// NoHeadings says the text has no numbered heading: everything after
	// the title is one section, titled BodyTitle.
	NoHeadings bool
}

// ParsedSection is one numbered heading with its text and subsections.
type ParsedSection struct {
	// Numbering is the heading's label as written: "一、", "1.", "（一）",
	// "（1）", "①"; empty for an appendix's title line and for the sections
	// PlanDesk names (Implied).
	Numbering string
	// Title is the heading text after its numbering, without the 。 or ：
	// that ended it (TitleEnd).
	Title string
	// TitleEnd is the 。 or ： the heading ended with in the text, dropped
	// from Title: a run-in heading's (1.创新能力显著增强。全年…) or a
	// heading's that ends in a colon. Text keeps it; a stored section does
	// not, its heading being Numbering and Title.
	TitleEnd string
	// Implied says the section has no heading in the text: Title is the
	// name PlanDesk gives it (PrefaceTitle, BodyTitle), which Text leaves out.
	Implied bool
	// Paragraphs is the text between this heading and the next, rejoined.
	Paragraphs []string
	// Tables are the section's tables, in reading order, from a document
	// that has them (.docx); a text file has none.
	Tables []Table
	// Children are the subsections in reading order.
	Children []*ParsedSection
}

// Table is a table of a report as its document lays it out: rows of
// cells, the header row or rows first. A merged cell's text stands in the
// first cell it covers; the cells it spans are there too, empty and marked
// Covered, so every row has one cell per grid column.
type Table struct {
	// After is how many of the section's paragraphs come before the table.
	After int
	// Rows are the table's rows, top to bottom.
	Rows [][]TableCell
}

// TableCell is one cell of a table's grid.
type TableCell struct {
	// Text is the cell's text, its paragraphs joined with a line break.
	Text string
	// ColSpan and RowSpan are how many grid columns and rows the cell
	// covers (1 for a plain cell); 0 in a cell another one covers.
	ColSpan, RowSpan int
	// Covered says another cell (to the left or above) spans this one.
	Covered bool
}

// Walk calls visit for every section in reading order (a pre-order walk),
// with its depth (0 for top-level parts) and its parent (nil at the top).
func (p *ParsedReport) Walk(visit func(s, parent *ParsedSection, depth int)) {
	var walk func(list []*ParsedSection, parent *ParsedSection, depth int)
	walk = func(list []*ParsedSection, parent *ParsedSection, depth int) {
		for _, s := range list {
			visit(s, parent, depth)
			walk(s.Children, s, depth+1)
		}
	}
	walk(p.Sections, nil, 0)
}

// Counts returns how many sections and paragraphs the report holds.
func (p *ParsedReport) Counts() (sections, paragraphs int) {
	p.Walk(func(s, _ *ParsedSection, _ int) {
		sections++
		paragraphs += len(s.Paragraphs)
	})
	return sections, paragraphs
}

// ParseReport splits the plain text of a plan evaluation report, as
// extracted from its PDF, into a title and a tree of numbered sections.
// The bytes may be UTF-8 (with or without a byte-order mark), UTF-16 with
// its mark, or GB18030/GBK (cjk.Decode), with any line ends (LF, CRLF, CR).
//
// Hard-wrapped lines are rejoined into paragraphs and the spaces PDF
// extraction leaves next to Chinese characters are dropped; every other
// character of the input is kept, in order, exactly once (see Text).
//
// Input past the bounds in limits.go is refused with a *LimitError: more
// than MaxTextBytes (callers that read a file check that first, with
// ReadFile or ReadText) or more than MaxSections headings. Only empty,
// binary and undecodable input is refused otherwise: a text without
// numbered headings is one section.
func ParseReport(raw []byte) (*ParsedReport, error) {
	text, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	lines := splitLines(strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n").Replace(string(text)))
	wrap := measureWrap(lines)
	before, after, err := outlineLines(lines, wrap)
	if err != nil {
		return nil, err
	}

	// Second pass: the outline is known; attach the body lines to their sections.
	report := &ParsedReport{NoHeadings: len(after) == 0}
	title, rest := splitTitle(before, wrap)
	report.Title = title
	report.Region, report.PlanPeriod, report.EvaluationDate = titleFacts(title, rest)
	name := PrefaceTitle
	if report.NoHeadings {
		name = BodyTitle
	}
	attachLines(report, append(rest, after...), wrap, name)
	if len(report.Sections) == 0 {
		// A text that is all title: its body is empty, but it is a report.
		report.Sections = []*ParsedSection{{Title: name, Implied: true}}
	}
	return report, nil
}

// decodeText checks and decodes a report's bytes into UTF-8.
func decodeText(raw []byte) ([]byte, error) {
	if err := checkSize(int64(len(raw)), true); err != nil {
		return nil, err
	}
	if len(bytes.TrimFunc(raw, isSpace)) == 0 {
		return nil, ErrEmptyInput
	}
	text, ok := cjk.Decode(raw)
	if !ok {
		if checkText(raw) == ErrNotText {
			return nil, ErrNotText // binary rather than text in an unknown encoding
		}
		return nil, ErrNotUTF8
	}
	if err := checkText(text); err != nil {
		return nil, err
	}
	return text, nil
}

// attachLines builds report's sections from the heading lines and joins
// the lines between them into paragraphs. It runs only once every line is
// known, because where a paragraph ends depends on the width the whole text
// was wrapped at. Lines before the first heading are the text of a section
// PlanDesk names name.
func attachLines(report *ParsedReport, lines []line, wrap wrapWidth, name string) {
	o := &outline{report: report}
	var current *ParsedSection
	var paragraph []string
	flush := func() {
		if len(paragraph) > 0 {
			current.Paragraphs = append(current.Paragraphs, joinLines(paragraph))
			paragraph = nil
		}
	}
	for _, l := range lines {
		if l.heading != nil {
			if current != nil {
				flush()
			}
			current = o.add(*l.heading)
			current.Title = cleanSpaces(current.Title)
			continue
		}
		if current == nil {
			current = &ParsedSection{Title: name, Implied: true}
			report.Sections = append(report.Sections, current)
		}
		// A page number between paragraphs is a paragraph of its own; one
		// inside a paragraph, where the page broke a sentence, stays in it
		// (the extractor reads across it, see withoutPageMarks).
		alone := l.alone || isPageMark(l.text) && len(paragraph) == 0
		if alone {
			flush()
		}
		paragraph = append(paragraph, l.text)
		if alone || wrap.endsParagraph(l) {
			flush()
		}
	}
	if current != nil {
		flush()
	}
}

// checkText rejects input that is empty, binary or not UTF-8.
func checkText(text []byte) error {
	if len(bytes.TrimFunc(text, isSpace)) == 0 {
		return ErrEmptyInput
	}
	controls := 0
	for _, b := range text {
		if b == 0 {
			return ErrNotText
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	if controls*100 > len(text) {
		return ErrNotText
	}
	if !utf8.Valid(text) {
		lineNo := 1
		for len(text) > 0 {
			r, size := utf8.DecodeRune(text)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				lineNo++
			}
			text = text[size:]
		}
		return fmt.Errorf("line %d: %w", lineNo, ErrNotUTF8)
	}
	return nil
}

// Text is the report's title, headings (with the marks that ended them,
// TitleEnd) and paragraphs joined in reading order, nothing between them:
// every non-space character of the input, in order, once. The names
// PlanDesk gives the sections without a heading (Implied) are not part of
// it. A store of the report gives it back but for the TitleEnd marks.
func (p *ParsedReport) Text() string {
	var b strings.Builder
	b.WriteString(p.Title)
	p.Walk(func(s, _ *ParsedSection, _ int) {
		if !s.Implied {
			b.WriteString(s.Numbering + s.Title + s.TitleEnd)
		}
		for _, para := range s.Paragraphs {
			b.WriteString(para)
		}
	})
	return b.String()
}
