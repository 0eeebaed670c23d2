package views

import (
	"fmt"

	"plandesk/plan"
)

// DeckSource is what a presentation needs from storage: the whole report at
// once, so that moving between slides never waits for the disk.
type DeckSource interface {
	Overview(reportID int64) (plan.Overview, error)
	Sections(reportID int64) ([]plan.Section, error)
	ReportParagraphs(reportID int64) (map[int64][]plan.Paragraph, error)
	Indicators(reportID int64) ([]plan.Indicator, error)
	Projects(reportID int64) ([]plan.Project, error)
}

// Deck is a report laid out as slides: the overview first, then one slide
// per section in reading order.
type Deck struct {
	// Overview is the report's summary, shown on the first slide.
	Overview plan.Overview
	// Sections lists the report's sections in reading order.
	Sections []plan.Section
	// Paragraphs holds each section's text by section id.
	Paragraphs map[int64][]plan.Paragraph
	// Indicators holds each section's indicators by section id, in table order.
	Indicators map[int64][]plan.Indicator
	// Projects holds each section's projects and tasks by section id, in
	// list order.
	Projects map[int64][]plan.Project
	// Tables holds each section's own tables (from a .docx) by section id.
	Tables map[int64][]plan.Table
	// outline answers which sections are a section's subsections.
	outline plan.Outline
}

// LoadDeck reads a report for presenting. It does disk work: call it off
// the UI thread.
func LoadDeck(src DeckSource, reportID int64) (*Deck, error) {
	overview, err := src.Overview(reportID)
	if err != nil {
		return nil, fmt.Errorf("load slides: %w", err)
	}
	sections, err := src.Sections(reportID)
	if err != nil {
		return nil, fmt.Errorf("load slides: %w", err)
	}
	paragraphs, err := src.ReportParagraphs(reportID)
	if err != nil {
		return nil, fmt.Errorf("load slides: %w", err)
	}
	list, err := src.Indicators(reportID)
	if err != nil {
		return nil, fmt.Errorf("load slides: %w", err)
	}
	projects, err := src.Projects(reportID)
	if err != nil {
		return nil, fmt.Errorf("load slides: %w", err)
	}
	d := NewDeck(overview, sections, paragraphs, list)
	for _, p := range projects {
		d.Projects[p.SectionID] = append(d.Projects[p.SectionID], p)
	}
	if ts, ok := src.(interface {
		ReportTables(reportID int64) (map[int64][]plan.Table, error)
	}); ok {
		if d.Tables, err = ts.ReportTables(reportID); err != nil {
			return nil, fmt.Errorf("load slides: %w", err)
		}
	}
	return d, nil
}

// NewDeck arranges a report's parts as slides; indicators are grouped by
// their section, keeping their order.
func NewDeck(o plan.Overview, sections []plan.Section, paragraphs map[int64][]plan.Paragraph, indicators []plan.Indicator) *Deck {
	d := &Deck{Overview: o, Sections: sections, Paragraphs: paragraphs,
		Indicators: make(map[int64][]plan.Indicator), Projects: make(map[int64][]plan.Project), outline: plan.NewOutline(sections)}
	for _, ind := range indicators {
		d.Indicators[ind.SectionID] = append(d.Indicators[ind.SectionID], ind)
	}
	return d
}

// Len is the number of slides: the overview and one per section.
func (d *Deck) Len() int { return 1 + len(d.Sections) }

// SlideOf returns the slide that shows section id, or 0 (the overview) when
// the report has no such section.
func (d *Deck) SlideOf(sectionID int64) int {
	for i, s := range d.Sections {
		if s.ID == sectionID {
			return i + 1
		}
	}
	return 0
}

// Section returns the section slide i shows; ok is false for the overview.
func (d *Deck) Section(i int) (s plan.Section, ok bool) {
	if i < 1 || i > len(d.Sections) {
		return plan.Section{}, false
	}
	return d.Sections[i-1], true
}

// children returns the direct subsections of section id.
func (d *Deck) children(id int64) []plan.Section {
	var list []plan.Section
	for _, c := range d.outline.Children(id) {
		if s, ok := d.outline.Section(c); ok {
			list = append(list, s)
		}
	}
	return list
}

// parents returns the headings above section id, outermost first.
func (d *Deck) parents(id int64) []string {
	path := d.outline.Path(id)
	if len(path) == 0 {
		return nil
	}
	headings := make([]string, 0, len(path)-1)
	for _, s := range path[:len(path)-1] {
		headings = append(headings, s.Heading())
	}
	return headings
}
