package docx

import (
	"strings"
	"unicode/utf8"

	"plandesk/reporttext"
)

// build makes the report from a document's blocks: from its heading
// styles when it has a heading, else from its paragraphs by the text
// rules (fromStyles false).
func build(blocks []block) (report *reporttext.ParsedReport, fromStyles bool, err error) {
	for i, b := range blocks {
		if isHeading(b) {
			report, err = buildOutline(blocks, i)
			return report, true, err
		}
	}
	report, err = buildFromText(blocks)
	return report, false, err
}

// isHeading reports whether b is a heading paragraph: one with an outline
// level, some text, and not the title.
func isHeading(b block) bool {
	return b.para != nil && b.para.level >= 0 && b.para.text != "" && b.para.kind != kindTitle
}

// outline builds the section tree while the blocks from the first
// heading on are read: the open sections, one a level, deepest last.
type outline struct {
	report   *reporttext.ParsedReport
	open     []openSection
	current  *reporttext.ParsedSection
	sections int
}

type openSection struct {
	level   int
	section *reporttext.ParsedSection
}

// buildOutline builds the report of a document whose first heading is
// blocks[first]: the title and 前言 from the blocks before it (see
// front), the tree from the heading levels. A heading goes under the
// nearest heading before it of a higher level (a smaller number), so a
// level skipped (Heading 1, then Heading 3) still nests.
func buildOutline(blocks []block, first int) (*reporttext.ParsedReport, error) {
	o := &outline{report: &reporttext.ParsedReport{}}
	o.front(blocks[:first])
	for _, b := range blocks[first:] {
		switch {
		case b.table != nil:
			o.addTable(*b.table)
		case isHeading(b):
			if o.sections++; o.sections > reporttext.MaxSections {
				return nil, &reporttext.LimitError{Err: reporttext.ErrTooManySections, Limit: reporttext.MaxSections}
			}
			o.addHeading(b.para)
		default:
			o.current.Paragraphs = append(o.current.Paragraphs, b.para.display())
		}
	}
	return o.report, nil
}

// front reads the blocks before the first heading: the paragraphs in the
// Title style at the top are the title (else reporttext's title rules
// pick it from the first paragraphs); the others, and any table, are the
// section 前言.
func (o *outline) front(blocks []block) {
	var title, paragraphs []string
	var tables []reporttext.Table
	for _, b := range blocks {
		switch {
		case b.table != nil:
			t := *b.table
			t.After = len(paragraphs)
			tables = append(tables, t)
		case b.para.kind == kindTitle && len(paragraphs) == 0 && len(tables) == 0:
			title = append(title, b.para.display())
		default:
			paragraphs = append(paragraphs, b.para.display())
		}
	}
	f := reporttext.ReadFront(joinTitle(title), paragraphs)
	r := o.report
	r.Title, r.Region, r.PlanPeriod, r.EvaluationDate = f.Title, f.Region, f.PlanPeriod, f.EvaluationDate
	if len(f.Preface) == 0 && len(tables) == 0 {
		return
	}
	// The title rules took len(paragraphs)-len(f.Preface) paragraphs from
	// the top (or added one, a title cut short): the tables move with them.
	shift := len(paragraphs) - len(f.Preface)
	for i := range tables {
		tables[i].After = min(max(tables[i].After-shift, 0), len(f.Preface))
	}
	o.current = &reporttext.ParsedSection{Title: reporttext.PrefaceTitle, Implied: true, Paragraphs: f.Preface, Tables: tables}
	r.Sections = append(r.Sections, o.current)
}

// joinTitle joins the title's paragraphs (a title set over two lines) as
// reporttext joins title lines.
func joinTitle(parts []string) string {
	return tidy(strings.Join(parts, " "))
}

// addTable puts a table after the current section's paragraphs; a table
// before any text is the text of a 前言 of its own.
func (o *outline) addTable(t reporttext.Table) {
	if o.current == nil {
		o.current = &reporttext.ParsedSection{Title: reporttext.PrefaceTitle, Implied: true}
		o.report.Sections = append(o.report.Sections, o.current)
	}
	t.After = len(o.current.Paragraphs)
	o.current.Tables = append(o.current.Tables, t)
}

// addHeading opens the section of heading paragraph p.
func (o *outline) addHeading(p *paragraph) {
	s := headingSection(p)
	for len(o.open) > 0 && o.open[len(o.open)-1].level >= p.level {
		o.open = o.open[:len(o.open)-1]
	}
	if len(o.open) == 0 {
		o.report.Sections = append(o.report.Sections, s)
	} else {
		parent := o.open[len(o.open)-1].section
		parent.Children = append(parent.Children, s)
	}
	o.open = append(o.open, openSection{level: p.level, section: s})
	o.current = s
}

// headingSection is the section a heading paragraph opens: its automatic
// number as Numbering, or else the numbering typed at its start (一、 1.
// （一）) as the text rules read it; a 。 or ： that ends it is TitleEnd,
// as for a heading in a text. Its notes are the section's first
// paragraphs.
func headingSection(p *paragraph) *reporttext.ParsedSection {
	s := &reporttext.ParsedSection{Numbering: p.label, Title: p.text}
	if s.Numbering == "" {
		s.Numbering, s.Title = reporttext.SplitNumbering(p.text)
	}
	for _, end := range []string{"：", ":", "。"} {
		if title, ok := strings.CutSuffix(s.Title, end); ok && utf8.RuneCountInString(title) > 0 {
			s.Title, s.TitleEnd = strings.TrimRightFunc(title, isSpace), end
			break
		}
	}
	for _, n := range p.notes {
		s.Paragraphs = append(s.Paragraphs, noteText(n))
	}
	return s
}

// buildFromText reads a document without headings as reporttext reads a
// text, each paragraph (its list label first) a line, so the text rules
// find its title and its typed headings. The document's paragraphs stay
// paragraphs (the rules would join a line that ends on no full stop to
// the next, as a hard-wrapped text needs), and its tables go after the
// paragraph they follow: both found by counting the characters before
// them, which reporttext keeps, in order.
func buildFromText(blocks []block) (*reporttext.ParsedReport, error) {
	var text strings.Builder
	var ends, offsets []int
	var tables []reporttext.Table
	offset := 0
	for _, b := range blocks {
		if b.table != nil {
			offsets, tables = append(offsets, offset), append(tables, *b.table)
			continue
		}
		line := b.para.display()
		text.WriteString(line + "\n")
		offset += nonSpace(line)
		ends = append(ends, offset)
	}
	if text.Len() == 0 && len(tables) == 0 {
		return nil, reporttext.ErrEmptyInput
	}
	report := &reporttext.ParsedReport{NoHeadings: true,
		Sections: []*reporttext.ParsedSection{{Title: reporttext.BodyTitle, Implied: true}}}
	if text.Len() > 0 {
		var err error
		if report, err = reporttext.ParseReport([]byte(text.String())); err != nil {
			return nil, err
		}
	}
	splitAt(report, ends)
	placeTables(report, offsets, tables)
	return report, nil
}

// splitAt cuts every paragraph of the report that runs over one of ends
// (counts of non-space characters from the start of the report's text)
// there.
func splitAt(report *reporttext.ParsedReport, ends []int) {
	pos := nonSpace(report.Title)
	next := 0
	report.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		if !s.Implied {
			pos += nonSpace(s.Numbering + s.Title + s.TitleEnd)
		}
		var split []string
		for _, p := range s.Paragraphs {
			end := pos + nonSpace(p)
			for ; next < len(ends) && ends[next] <= pos; next++ {
			}
			for ; next < len(ends) && ends[next] < end; next++ {
				head, tail := cutAfter(p, ends[next]-pos)
				split = append(split, head)
				p, pos = tail, ends[next]
			}
			split = append(split, p)
			pos = end
		}
		s.Paragraphs = split
	})
}

// cutAfter cuts s after its n-th non-space character, trimming both parts.
func cutAfter(s string, n int) (head, tail string) {
	for i, r := range s {
		if n == 0 {
			return strings.TrimRightFunc(s[:i], isSpace), strings.TrimLeftFunc(s[i:], isSpace)
		}
		if !isSpace(r) {
			n--
		}
	}
	return s, ""
}

// placeTables puts each table, whose offset is the count of non-space
// characters before it in the report's text, into the section whose text
// reaches that point, after the paragraphs before it.
func placeTables(report *reporttext.ParsedReport, offsets []int, tables []reporttext.Table) {
	pos := nonSpace(report.Title)
	next := 0
	var last *reporttext.ParsedSection
	report.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		if !s.Implied {
			pos += nonSpace(s.Numbering + s.Title + s.TitleEnd)
		}
		for k, p := range s.Paragraphs {
			for ; next < len(tables) && offsets[next] <= pos; next++ {
				tables[next].After = k
				s.Tables = append(s.Tables, tables[next])
			}
			pos += nonSpace(p)
		}
		for ; next < len(tables) && offsets[next] <= pos; next++ {
			tables[next].After = len(s.Paragraphs)
			s.Tables = append(s.Tables, tables[next])
		}
		last = s
	})
	for ; next < len(tables); next++ {
		tables[next].After = len(last.Paragraphs)
		last.Tables = append(last.Tables, tables[next])
	}
}
