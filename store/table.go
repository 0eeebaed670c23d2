package store

import (
	"encoding/json"
	"fmt"

	"plandesk/plan"
	"plandesk/reporttext"

	"gorm.io/gorm"
)

// tableRow is a plan.Table as the section_tables table holds it: the grid
// as JSON.
type tableRow struct {
	ID             int64
	SectionID      int64
	Seq            int
	AfterParagraph int
	Cells          string
}

func (tableRow) TableName() string { return "section_tables" }

// insertTables stores the tables of one parsed section.
func insertTables(tx *gorm.DB, sectionID int64, tables []reporttext.Table) error {
	for i, t := range tables {
		cells, err := json.Marshal(tableCells(t))
		if err != nil {
			return fmt.Errorf("table %d: %w", i, err)
		}
		if err := tx.Create(&tableRow{SectionID: sectionID, Seq: i, AfterParagraph: t.After, Cells: string(cells)}).Error; err != nil {
			return fmt.Errorf("table %d: %w", i, err)
		}
	}
	return nil
}

// TableOf is a parsed table as the store keeps it, for reading its
// indicators the way an import does (its Texts go to targets.TableProposals).
func TableOf(t reporttext.Table) plan.Table { return plan.Table{After: t.After, Rows: tableCells(t)} }

// tableCells is a parsed table's grid as plan holds it.
func tableCells(t reporttext.Table) [][]plan.TableCell {
	rows := make([][]plan.TableCell, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = make([]plan.TableCell, len(row))
		for c, cell := range row {
			rows[r][c] = plan.TableCell{Text: cell.Text, ColSpan: cell.ColSpan, RowSpan: cell.RowSpan, Covered: cell.Covered}
		}
	}
	return rows
}

// SectionTables returns one section's tables in order.
func (s *Store) SectionTables(sectionID int64) ([]plan.Table, error) {
	tables, err := s.readTables(s.db.Where("section_id = ?", sectionID))
	if err != nil {
		return nil, fmt.Errorf("load tables of section %d: %w", sectionID, err)
	}
	return tables, nil
}

// ReportTables returns every table of a report by section id, each
// section's in order: a presentation shows them all.
func (s *Store) ReportTables(reportID int64) (map[int64][]plan.Table, error) {
	q := s.db.Joins("JOIN sections ON sections.id = section_tables.section_id").Where("sections.report_id = ?", reportID)
	tables, err := s.readTables(q)
	if err != nil {
		return nil, fmt.Errorf("load tables of report %d: %w", reportID, err)
	}
	out := map[int64][]plan.Table{}
	for _, t := range tables {
		out[t.SectionID] = append(out[t.SectionID], t)
	}
	return out, nil
}

func (s *Store) readTables(q *gorm.DB) ([]plan.Table, error) {
	var rows []tableRow
	if err := q.Order("section_tables.section_id, section_tables.seq").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]plan.Table, len(rows))
	for i, r := range rows {
		out[i] = plan.Table{ID: r.ID, SectionID: r.SectionID, Seq: r.Seq, After: r.AfterParagraph}
		if err := json.Unmarshal([]byte(r.Cells), &out[i].Rows); err != nil {
			return nil, fmt.Errorf("table %d: %w", r.ID, err)
		}
	}
	return out, nil
}
