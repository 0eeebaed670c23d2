package data

import "fmt"

// Section is one numbered heading of a report with its place in the tree.
type Section struct {
	// ID is the section's row id.
	ID int64
	// ReportID is the report the section belongs to.
	ReportID int64
	// ParentID is the enclosing section, or nil for a top-level part.
	ParentID *int64
	// Seq is the section's place in reading order within its report, from 0.
	Seq int
	// Depth is 0 for a top-level part (一、), 1 for its subsections, and so on.
	Depth int
	// Numbering is the heading's label as written: "一、", "1.", "（一）".
	Numbering string
	// Title is the heading text after its numbering.
	Title string
}

// Heading is the section's numbering and title as the report prints them.
func (s Section) Heading() string { return s.Numbering + s.Title }

// Paragraph is one paragraph of a section's text.
type Paragraph struct {
	// ID is the paragraph's row id.
	ID int64
	// SectionID is the section the paragraph belongs to.
	SectionID int64
	// Seq is the paragraph's place within its section, from 0.
	Seq int
	// Text is the paragraph with the PDF's line breaks removed.
	Text string
}

// Sections returns a report's sections in reading order.
func (s *Store) Sections(reportID int64) ([]Section, error) {
	var sections []Section
	if err := s.db.Where("report_id = ?", reportID).Order("seq").Find(&sections).Error; err != nil {
		return nil, fmt.Errorf("load sections of report %d: %w", reportID, err)
	}
	return sections, nil
}

// Paragraphs returns a section's paragraphs in order.
func (s *Store) Paragraphs(sectionID int64) ([]Paragraph, error) {
	var paragraphs []Paragraph
	if err := s.db.Where("section_id = ?", sectionID).Order("seq").Find(&paragraphs).Error; err != nil {
		return nil, fmt.Errorf("load paragraphs of section %d: %w", sectionID, err)
	}
	return paragraphs, nil
}

// ReportParagraphs returns the paragraphs of every section of a report by
// section id, each in order, in one query: a presentation shows them all.
func (s *Store) ReportParagraphs(reportID int64) (map[int64][]Paragraph, error) {
	var paragraphs []Paragraph
	err := s.db.Joins("JOIN sections ON sections.id = paragraphs.section_id").
		Where("sections.report_id = ?", reportID).
		Order("sections.seq, paragraphs.seq").Find(&paragraphs).Error
	if err != nil {
		return nil, fmt.Errorf("load paragraphs of report %d: %w", reportID, err)
	}
	bySection := make(map[int64][]Paragraph)
	for _, p := range paragraphs {
		bySection[p.SectionID] = append(bySection[p.SectionID], p)
	}
	return bySection, nil
}
