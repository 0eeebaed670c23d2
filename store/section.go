package store

import (
	"cmp"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/search"
)

// Sections returns a report's sections in reading order.
func (s *Store) Sections(reportID int64) ([]plan.Section, error) {
	var sections []plan.Section
	if err := s.db.Where("report_id = ?", reportID).Order("seq").Find(&sections).Error; err != nil {
		return nil, fmt.Errorf("load sections of report %d: %w", reportID, err)
	}
	return sections, nil
}

// Paragraphs returns a section's paragraphs in order.
func (s *Store) Paragraphs(sectionID int64) ([]plan.Paragraph, error) {
	var paragraphs []plan.Paragraph
	if err := s.db.Where("section_id = ?", sectionID).Order("seq").Find(&paragraphs).Error; err != nil {
		return nil, fmt.Errorf("load paragraphs of section %d: %w", sectionID, err)
	}
	return paragraphs, nil
}

// ReportParagraphs returns the paragraphs of every section of a report by
// section id, each in order, in one query: a presentation shows them all.
func (s *Store) ReportParagraphs(reportID int64) (map[int64][]plan.Paragraph, error) {
	var paragraphs []plan.Paragraph
	err := s.db.Joins("JOIN sections ON sections.id = paragraphs.section_id").
		Where("sections.report_id = ?", reportID).
		Order("sections.seq, paragraphs.seq").Find(&paragraphs).Error
	if err != nil {
		return nil, fmt.Errorf("load paragraphs of report %d: %w", reportID, err)
	}
	bySection := make(map[int64][]plan.Paragraph)
	for _, p := range paragraphs {
		bySection[p.SectionID] = append(bySection[p.SectionID], p)
	}
	return bySection, nil
}

// SearchContent returns what a search of a report reads (search.New): its
// sections, paragraphs, indicators and projects, in five queries whatever
// the report's size.
func (s *Store) SearchContent(reportID int64) (search.Content, error) {
	var c search.Content
	var err error
	if c.Sections, err = s.Sections(reportID); err != nil {
		return search.Content{}, err
	}
	if c.Paragraphs, err = s.ReportParagraphs(reportID); err != nil {
		return search.Content{}, err
	}
	if c.Indicators, err = s.Indicators(reportID); err != nil {
		return search.Content{}, err
	}
	if c.Projects, err = s.Projects(reportID); err != nil {
		return search.Content{}, err
	}
	if c.Comments, err = s.Comments(reportID); err != nil {
		return search.Content{}, err
	}
	return c, nil
}

// inReadingOrder sorts list, read in section id order, into the reading
// order of its report's sections, keeping each section's own order.
// Sections get their ids in reading order when a report is imported, and
// a list is then left as it is; a new version of the text
// (ReplaceReportText) adds sections with ids after every other, wherever
// they stand.
func inReadingOrder[T any](db *gorm.DB, reportID int64, list []T, section func(T) int64) error {
	var rows []struct {
		ID  int64
		Seq int
	}
	if err := db.Model(&plan.Section{}).Select("id, seq").Where("report_id = ?", reportID).Scan(&rows).Error; err != nil {
		return err
	}
	seq := make(map[int64]int, len(rows))
	for _, r := range rows {
		seq[r.ID] = r.Seq
	}
	bySeq := func(a, b T) int { return cmp.Compare(seq[section(a)], seq[section(b)]) }
	if !slices.IsSortedFunc(list, bySeq) {
		slices.SortStableFunc(list, bySeq)
	}
	return nil
}
