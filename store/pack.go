package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/reviewpack"
)

// ExportPack is a review package of a report: its text and every change
// this database holds of it — made here or merged from other laptops, so
// that a package passed on from laptop to laptop carries everyone's work —
// from reviewer on this laptop. With since (a package sent to or received
// from the same peer) it leaves out the changes that package holds and
// those the peer's own laptop made: the peer has them. A report's own
// revisions (its deletion, a new text) are not changes a package carries:
// the text is in the package whole.
func (s *Store) ExportPack(reportID int64, since *reviewpack.Pack, reviewer string) (reviewpack.Pack, error) {
	var p reviewpack.Pack
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		p, err = exportPack(tx, reportID, since, reviewer)
		return err
	})
	if err != nil {
		return reviewpack.Pack{}, fmt.Errorf("export a review package of report %d: %w", reportID, err)
	}
	return p, nil
}

func exportPack(tx *gorm.DB, reportID int64, since *reviewpack.Pack, reviewer string) (reviewpack.Pack, error) {
	var rep plan.Report
	if err := tx.Where("removed_at IS NULL").Take(&rep, reportID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return reviewpack.Pack{}, &NoReportError{ID: reportID}
	} else if err != nil {
		return reviewpack.Pack{}, err
	}
	var laptop plan.Laptop
	if err := tx.Table("laptops").Select("uid, name").Take(&laptop).Error; err != nil {
		return reviewpack.Pack{}, err
	}
	text, err := packReport(tx, rep)
	if err != nil {
		return reviewpack.Pack{}, err
	}
	changes, err := packChanges(tx, reportID)
	if err != nil {
		return reviewpack.Pack{}, err
	}
	if since != nil {
		changes = changesNotIn(changes, since, laptop.UID)
	}
	return reviewpack.Pack{
		Sender:  reviewpack.Sender{Reviewer: reviewer, Laptop: laptop.UID, LaptopName: laptop.Name},
		Created: time.Now(), Report: text, Changes: changes,
	}, nil
}

// changesNotIn leaves out the changes since holds, and those made on the
// laptop that wrote since when it is another's — except on a line (one
// field of one thing, or its making and deleting) with a change new to
// the peer: such a line goes whole, so that the peer finds on it the
// change it stands at, and knows its place on the line by uid.
func changesNotIn(changes []reviewpack.Change, since *reviewpack.Pack, me string) []reviewpack.Change {
	known := since.UIDs()
	peer := since.Sender.Laptop
	type line struct{ kind, entity, field string }
	lineOf := func(c reviewpack.Change) line {
		if c.Action == plan.ActionCreate || c.Action == plan.ActionDelete {
			return line{c.Kind, c.Entity, ""}
		}
		return line{c.Kind, c.Entity, c.Field}
	}
	fresh := map[line]bool{}
	for _, c := range changes {
		if !known[c.UID] && (peer == me || c.Laptop != peer) {
			fresh[lineOf(c)] = true
		}
	}
	out := changes[:0:0]
	for _, c := range changes {
		if fresh[lineOf(c)] {
			out = append(out, c)
		}
	}
	return out
}

// packReport is a report's text as a package carries it.
func packReport(tx *gorm.DB, rep plan.Report) (reviewpack.Report, error) {
	out := reviewpack.Report{Fingerprint: rep.Fingerprint, Title: rep.Title, Region: rep.Region, PlanPeriod: rep.PlanPeriod,
		EvaluationDate: rep.EvaluationDate, SourceName: rep.SourceName}
	var sections []plan.Section
	if err := tx.Where("report_id = ?", rep.ID).Order("seq").Find(&sections).Error; err != nil {
		return out, err
	}
	var paragraphs []plan.Paragraph
	if err := tx.Where("section_id IN (SELECT id FROM sections WHERE report_id = ?)", rep.ID).Order("section_id, seq").Find(&paragraphs).Error; err != nil {
		return out, err
	}
	var tables []tableRow
	if err := tx.Where("section_id IN (SELECT id FROM sections WHERE report_id = ?)", rep.ID).Order("section_id, seq").Find(&tables).Error; err != nil {
		return out, err
	}
	uids := make(map[int64]string, len(sections))
	at := make(map[int64]int, len(sections))
	for i, sec := range sections {
		uids[sec.ID], at[sec.ID] = sec.UID, i
		ps := reviewpack.Section{UID: sec.UID, Depth: sec.Depth, Numbering: sec.Numbering, Title: sec.Title, Paragraphs: []string{}}
		if sec.ParentID != nil {
			ps.Parent = uids[*sec.ParentID]
		}
		out.Sections = append(out.Sections, ps)
	}
	for _, p := range paragraphs {
		s := &out.Sections[at[p.SectionID]]
		s.Paragraphs = append(s.Paragraphs, p.Text)
	}
	for _, t := range tables {
		var cells [][]plan.TableCell
		if err := json.Unmarshal([]byte(t.Cells), &cells); err != nil {
			return out, fmt.Errorf("table %d: %w", t.ID, err)
		}
		s := &out.Sections[at[t.SectionID]]
		s.Tables = append(s.Tables, reviewpack.Table{After: t.AfterParagraph, Rows: packCells(cells)})
	}
	return out, nil
}

func packCells(cells [][]plan.TableCell) [][]reviewpack.Cell {
	rows := make([][]reviewpack.Cell, len(cells))
	for r, row := range cells {
		rows[r] = make([]reviewpack.Cell, len(row))
		for c, cell := range row {
			rows[r][c] = reviewpack.Cell{Text: cell.Text, ColSpan: cell.ColSpan, RowSpan: cell.RowSpan, Covered: cell.Covered}
		}
	}
	return rows
}

// AddPackReport adds the report a package is of to a database that does
// not hold it, as an import of the same text would: its sections take the
// sender's uids and its proposals are derived from the same fingerprint,
// so the package's changes then find what they change. The review marks,
// edits and comments are not added: merging the package brings them.
// A database already holding the report refuses it (*DuplicateReportError).
func (s *Store) AddPackReport(p reviewpack.Pack) (plan.Report, error) {
	var rep ImportedReport
	err := s.write(func(tx *gorm.DB) error {
		var there plan.Report
		err := tx.Where("fingerprint = ? AND removed_at IS NULL", p.Report.Fingerprint).Order("id").Limit(1).Find(&there).Error
		if err != nil {
			return err
		}
		if there.ID != 0 {
			return &DuplicateReportError{ID: there.ID, Title: there.Title}
		}
		parsed, err := parsedFromPack(p.Report)
		if err != nil {
			return err
		}
		sections := p.Report.Sections
		rep, err = insertReportAs(tx, parsed, p.Report.SourceName, p.Report.Fingerprint, func(seq int) string { return sections[seq].UID })
		return err
	})
	if err != nil {
		return plan.Report{}, fmt.Errorf("add the report of a review package: %w", err)
	}
	return rep.Report, nil
}

// parsedFromPack is a package's report as the parser would have read its
// text: the same tree, in the same reading order.
func parsedFromPack(r reviewpack.Report) (*reporttext.ParsedReport, error) {
	out := &reporttext.ParsedReport{Title: r.Title, Region: r.Region, PlanPeriod: r.PlanPeriod, EvaluationDate: r.EvaluationDate}
	if len(r.Sections) == 0 {
		return nil, ErrNoText
	}
	byUID := make(map[string]*reporttext.ParsedSection, len(r.Sections))
	for _, s := range r.Sections {
		ps := &reporttext.ParsedSection{Numbering: s.Numbering, Title: s.Title, Paragraphs: s.Paragraphs}
		for _, t := range s.Tables {
			ps.Tables = append(ps.Tables, unpackTable(t))
		}
		if _, dup := byUID[s.UID]; dup {
			return nil, fmt.Errorf("section %s twice: %w", s.UID, reviewpack.ErrCorruptPack)
		}
		byUID[s.UID] = ps
		parent, ok := byUID[s.Parent]
		switch {
		case s.Parent == "":
			out.Sections = append(out.Sections, ps)
		case !ok:
			return nil, fmt.Errorf("section %s before its parent: %w", s.UID, reviewpack.ErrCorruptPack)
		default:
			parent.Children = append(parent.Children, ps)
		}
	}
	// The tree must read back in the package's order, or the uids would
	// go to the wrong sections.
	n := 0
	var misplaced bool
	out.Walk(func(ps, _ *reporttext.ParsedSection, _ int) {
		misplaced = misplaced || byUID[r.Sections[n].UID] != ps
		n++
	})
	if misplaced {
		return nil, fmt.Errorf("sections out of reading order: %w", reviewpack.ErrCorruptPack)
	}
	return out, nil
}

func unpackTable(t reviewpack.Table) reporttext.Table {
	rows := make([][]reporttext.TableCell, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = make([]reporttext.TableCell, len(row))
		for c, cell := range row {
			rows[r][c] = reporttext.TableCell{Text: cell.Text, ColSpan: cell.ColSpan, RowSpan: cell.RowSpan, Covered: cell.Covered}
		}
	}
	return reporttext.Table{After: t.After, Rows: rows}
}
