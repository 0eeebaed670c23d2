package reviewdoc

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"plandesk/messages"
	"plandesk/plan"
)

// builder words an Input into a Document, block by block.
type builder struct {
	in       Input
	w        messages.ReviewWords
	doc      Document
	sections map[int64]plan.Section
	// indicators and projects of each section, in their table's order.
	indicators map[int64][]plan.Indicator
	projects   map[int64][]plan.Project
	threads    map[int64][]plan.Thread
}

// Build words the review report of in: every heading, label and status in
// the language in.Lang (or the messages' current one).
func Build(in Input) (*Document, error) {
	if in.Lang != "" {
		if err := messages.Use(in.Lang); err != nil {
			return nil, fmt.Errorf("review report language: %w", err)
		}
	}
	b := &builder{in: in, w: messages.ReviewReportWords()}
	b.index()
	b.cover()
	b.summary()
	b.sectionPages()
	b.appendix()
	return &b.doc, nil
}

// index groups the report's rows by section, each in its list's order.
func (b *builder) index() {
	b.sections = make(map[int64]plan.Section, len(b.in.Sections))
	for _, s := range b.in.Sections {
		b.sections[s.ID] = s
	}
	b.indicators = map[int64][]plan.Indicator{}
	for _, ind := range b.in.Indicators {
		b.indicators[ind.SectionID] = append(b.indicators[ind.SectionID], ind)
	}
	for _, list := range b.indicators {
		slices.SortStableFunc(list, func(a, c plan.Indicator) int { return cmp.Or(cmp.Compare(a.Seq, c.Seq), cmp.Compare(a.ID, c.ID)) })
	}
	b.projects = map[int64][]plan.Project{}
	for _, p := range b.in.Projects {
		b.projects[p.SectionID] = append(b.projects[p.SectionID], p)
	}
	for _, list := range b.projects {
		slices.SortStableFunc(list, func(a, c plan.Project) int { return cmp.Or(cmp.Compare(a.Seq, c.Seq), cmp.Compare(a.ID, c.ID)) })
	}
	comments := slices.Clone(b.in.Comments)
	slices.SortStableFunc(comments, func(a, c plan.Comment) int { return cmp.Compare(a.ID, c.ID) })
	b.threads = map[int64][]plan.Thread{}
	for _, t := range plan.Threads(comments) {
		b.threads[t.SectionID] = append(b.threads[t.SectionID], t)
	}
}

func (b *builder) cover() {
	lang := "zh-CN"
	if b.in.Lang == messages.English {
		lang = "en-US"
	}
	b.doc.Lang = lang
	b.doc.Title = b.in.Report.Title
	b.doc.Subtitle = b.w.ReportName
	b.doc.Date = b.in.Date
	if len(b.in.Reviewers) > 0 {
		b.doc.Cover = append(b.doc.Cover, messages.ReviewersLine(b.in.Reviewers))
		b.doc.Author = b.in.Reviewers[0]
	}
	b.doc.Cover = append(b.doc.Cover, messages.ReviewDateLine(messages.ReviewDate(b.in.Date)))
}

// Helpers that append blocks.

func (b *builder) heading(level int, text string) {
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Heading, Level: level, Runs: []Run{{Text: text}}})
}

func (b *builder) para(style Style, runs ...Run) {
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Paragraph, Style: style, Runs: runs})
}

func (b *builder) text(style Style, text string) { b.para(style, Run{Text: text}) }

func (b *builder) table(t *Table) {
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: TableBlock, Table: t})
}

// countTable is a two-column table of labels and counts, with a total.
func (b *builder) countTable(header string, labels []string, counts []int) {
	t := &Table{Header: []string{header, b.w.Count}, Widths: []int{70, 30}}
	total := 0
	for i, l := range labels {
		t.Rows = append(t.Rows, []string{l, strconv.Itoa(counts[i])})
		total += counts[i]
	}
	t.Rows = append(t.Rows, []string{b.w.Total, strconv.Itoa(total)})
	b.table(t)
}

// sectionHeading is a section's heading as the screens show it.
func (b *builder) sectionHeading(id int64) string {
	if s, ok := b.sections[id]; ok {
		return messages.Heading(s.Heading())
	}
	return ""
}

// indicatorName is the name of indicator id, or of the indicator a
// revision's snapshot kept, or the words for a deleted one.
func (b *builder) indicatorName(id int64, snapshot string) string {
	for _, ind := range b.in.Indicators {
		if ind.ID == id {
			return ind.Name
		}
	}
	var ind plan.Indicator
	if json.Unmarshal([]byte(snapshot), &ind) == nil && ind.Name != "" {
		return ind.Name
	}
	return messages.DeletedName(false)
}

// projectName is indicatorName for projects.
func (b *builder) projectName(id int64, snapshot string) string {
	for _, p := range b.in.Projects {
		if p.ID == id {
			return p.Name
		}
	}
	var p plan.Project
	if json.Unmarshal([]byte(snapshot), &p) == nil && p.Name != "" {
		return p.Name
	}
	return messages.DeletedName(true)
}
