package store

import (
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reporttext"
)

// Projects returns a report's projects and tasks in section and list
// order. A report has tens of them, not thousands, so they are read
// through GORM as they are, not packed as indicator rows are.
func (s *Store) Projects(reportID int64) ([]plan.Project, error) {
	var list []plan.Project
	err := s.db.Where("report_id = ?", reportID).Order("section_id, seq, id").Find(&list).Error
	if err == nil {
		err = inReadingOrder(s.db, reportID, list, func(p plan.Project) int64 { return p.SectionID })
	}
	if err != nil {
		return nil, fmt.Errorf("load projects of report %d: %w", reportID, err)
	}
	return list, nil
}

// SectionProjects returns one section's projects in list order.
func (s *Store) SectionProjects(sectionID int64) ([]plan.Project, error) {
	var list []plan.Project
	if err := s.db.Where("section_id = ?", sectionID).Order("seq, id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load projects of section %d: %w", sectionID, err)
	}
	return list, nil
}

// Project returns one project by id; gorm.ErrRecordNotFound when there is
// none.
func (s *Store) Project(id int64) (plan.Project, error) {
	var p plan.Project
	if err := s.db.Take(&p, id).Error; err != nil {
		return plan.Project{}, fmt.Errorf("load project %d: %w", id, err)
	}
	return p, nil
}

// AddProject stores a new project at the end of its section's list, with
// its revision so the addition can be undone. Its fields are checked as
// an edit checks them; an empty progress is 未启动 and an empty state
// confirmed (a reviewer adding a project vouches for it).
func (s *Store) AddProject(p plan.Project, reviewer string) (plan.Project, plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = createProject(tx, &p, reviewer)
		return err
	})
	if err != nil {
		return plan.Project{}, nil, fmt.Errorf("add project %q: %w", p.Name, err)
	}
	return p, change, nil
}

func createProject(tx *gorm.DB, p *plan.Project, reviewer string) (plan.Change, error) {
	if err := insertProject(tx, p); err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: p.ReportID, ProjectID: p.ID, Action: plan.ActionCreate, NewText: string(snapshot)}}, reviewer)
}

// insertProject checks a new project and stores it at the end of its
// section's list. The section must be one of the project's report.
func insertProject(tx *gorm.DB, p *plan.Project) error {
	if p.Progress == "" {
		p.Progress = plan.ProgressNotStarted
	}
	if p.State == "" {
		p.State = plan.StateConfirmed
	}
	if err := p.Validate(); err != nil {
		return err
	}
	var sec plan.Section
	if err := tx.Take(&sec, p.SectionID).Error; err != nil {
		return fmt.Errorf("section %d: %w", p.SectionID, err)
	}
	if sec.ReportID != p.ReportID {
		return fmt.Errorf("section %d: %w", p.SectionID, ErrOtherReport)
	}
	if p.Seq == 0 {
		var last *int
		if err := tx.Model(&plan.Project{}).Where("section_id = ?", p.SectionID).Select("max(seq)").Scan(&last).Error; err != nil {
			return err
		}
		if last != nil {
			p.Seq = *last + 1
		}
	}
	if p.UID == "" {
		uid, err := randomUID()
		if err != nil {
			return err
		}
		p.UID = uid
	}
	p.ID = 0
	p.UpdatedAt = time.Now()
	return tx.Create(p).Error
}

// EditProject sets one field of a project to text, checking it first; a
// refused edit returns a *plan.FieldError and changes nothing. Editing a
// proposed project also confirms it, as for indicators. Nothing is
// recorded when the text is unchanged (the Change is empty). It returns
// the project as stored after the edit.
func (s *Store) EditProject(id int64, f plan.Field, text, reviewer string) (plan.Project, plan.Change, error) {
	var change plan.Change
	var p plan.Project
	err := s.write(func(tx *gorm.DB) error {
		var err error
		p, change, err = editProject(tx, id, f, text, reviewer)
		return err
	})
	if err != nil {
		return plan.Project{}, nil, fmt.Errorf("edit %s of project %d: %w", f, id, err)
	}
	return p, change, nil
}

func editProject(tx *gorm.DB, id int64, f plan.Field, text, reviewer string) (plan.Project, plan.Change, error) {
	var p plan.Project
	if err := tx.Take(&p, id).Error; err != nil {
		return plan.Project{}, nil, err
	}
	old := p.Get(f)
	if err := p.Set(f, text); err != nil {
		return plan.Project{}, nil, err
	}
	if p.Get(f) == old {
		return p, nil, nil
	}
	change := plan.Change{{ReportID: p.ReportID, ProjectID: id, Action: plan.ActionEdit, Field: f, OldText: old, NewText: p.Get(f)}}
	if p.State == plan.StateProposed && f != plan.FieldState {
		p.State = plan.StateConfirmed
		change = append(change, plan.Revision{ReportID: p.ReportID, ProjectID: id, Action: plan.ActionEdit, Field: plan.FieldState, OldText: plan.StateProposed, NewText: plan.StateConfirmed})
	}
	if err := saveProjectFields(tx, &p, f, plan.FieldState); err != nil {
		return plan.Project{}, nil, err
	}
	change, err := record(tx, change, reviewer)
	return p, change, err
}

// saveProjectFields writes the given fields of a project and its time of
// change; the other columns are left alone.
func saveProjectFields(tx *gorm.DB, p *plan.Project, fields ...plan.Field) error {
	p.UpdatedAt = time.Now()
	columns := []string{"updated_at"}
	for _, f := range fields {
		columns = append(columns, string(f))
	}
	return tx.Model(p).Select(columns).Updates(p).Error
}

// DeleteProject removes a project, keeping it in its revision so the
// deletion can be undone.
func (s *Store) DeleteProject(id int64, reviewer string) (plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = deleteProject(tx, id, reviewer)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("delete project %d: %w", id, err)
	}
	return change, nil
}

func deleteProject(tx *gorm.DB, id int64, reviewer string) (plan.Change, error) {
	var p plan.Project
	if err := tx.Take(&p, id).Error; err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	if err := tx.Delete(&plan.Project{}, id).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: p.ReportID, ProjectID: id, Action: plan.ActionDelete, OldText: string(snapshot)}}, reviewer)
}

// restoreProject puts back a project from a revision's snapshot, with its
// old id and place.
func restoreProject(tx *gorm.DB, snapshot, reviewer string) (plan.Change, error) {
	var p plan.Project
	if err := json.Unmarshal([]byte(snapshot), &p); err != nil {
		return nil, fmt.Errorf("read project snapshot: %w", err)
	}
	p.UpdatedAt = time.Now()
	if err := tx.Create(&p).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: p.ReportID, ProjectID: p.ID, Action: plan.ActionCreate, NewText: snapshot}}, reviewer)
}

// replayProjectStep undoes or redoes one revision of a project, after
// checking that the project still stands as the revision left it (or, for
// a redo, found it), as replayStep does for indicators.
func replayProjectStep(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	var exists int64
	if err := tx.Model(&plan.Project{}).Where("id = ?", rev.ProjectID).Count(&exists).Error; err != nil {
		return nil, err
	}
	wantThere := rev.Action == plan.ActionEdit || rev.Action == plan.ActionCreate && undo || rev.Action == plan.ActionDelete && !undo
	if (exists > 0) != wantThere {
		return nil, fmt.Errorf("project %d: %w", rev.ProjectID, ErrChangedSince)
	}
	switch {
	case rev.Action == plan.ActionEdit:
		text, expect := rev.NewText, rev.OldText
		if undo {
			text, expect = rev.OldText, rev.NewText
		}
		var p plan.Project
		if err := tx.Take(&p, rev.ProjectID).Error; err != nil {
			return nil, err
		}
		old := p.Get(rev.Field)
		if old != expect {
			return nil, fmt.Errorf("project %d, %s is %q, not %q: %w", rev.ProjectID, rev.Field, old, expect, ErrChangedSince)
		}
		if err := p.Set(rev.Field, text); err != nil {
			return nil, err
		}
		if err := saveProjectFields(tx, &p, rev.Field); err != nil {
			return nil, err
		}
		return record(tx, plan.Change{{ReportID: p.ReportID, ProjectID: p.ID, Action: plan.ActionEdit, Field: rev.Field, OldText: old, NewText: text}}, reviewer)
	case rev.Action == plan.ActionCreate && undo, rev.Action == plan.ActionDelete && !undo:
		return deleteProject(tx, rev.ProjectID, reviewer)
	case rev.Action == plan.ActionCreate && !undo:
		return restoreProject(tx, rev.NewText, reviewer)
	case rev.Action == plan.ActionDelete && undo:
		return restoreProject(tx, rev.OldText, reviewer)
	}
	return nil, fmt.Errorf("project %d: unknown revision action %s", rev.ProjectID, rev.Action)
}

// ProjectRevisions returns a project's history, newest first.
func (s *Store) ProjectRevisions(id int64) ([]plan.Revision, error) {
	var list []plan.Revision
	if err := s.db.Where("project_id = ?", id).Order("id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load history of project %d: %w", id, err)
	}
	return list, nil
}

// proposeProjects stores the projects the text reports on as projects
// waiting for a reviewer (待确认), each linked to its sentence and
// paragraph, with a uid from the text's fingerprint and its place in the
// text, as proposeIndicators does for indicators, within the same bounds
// (a quota of their own); it returns how many it left out.
func proposeProjects(tx *gorm.DB, reportID int64, fingerprint string, sectionSeq map[int64]int, headings map[int64][]string, paragraphs []plan.Paragraph) (leftOut int, err error) {
	list, leftOut := projectProposals(reportID, fingerprint, sectionSeq, headings, paragraphs)
	if len(list) == 0 {
		return leftOut, nil
	}
	return leftOut, tx.CreateInBatches(list, 100).Error
}

// projectProposals are the projects proposeProjects stores, with how many
// it left out.
func projectProposals(reportID int64, fingerprint string, sectionSeq map[int64]int, headings map[int64][]string, paragraphs []plan.Paragraph) ([]plan.Project, int) {
	var list []plan.Project
	var quota reporttext.ProposalQuota
	seq := map[int64]int{} // next list position per section
	for _, para := range paragraphs {
		for n, p := range reporttext.ExtractProjectsUnder(headings[para.SectionID], para.Text) {
			if !quota.Take(sectionSeq[para.SectionID]) {
				continue
			}
			paraID := para.ID
			list = append(list, plan.Project{
				UID:      projectUID(fingerprint, sectionSeq[para.SectionID], para.Seq, n),
				ReportID: reportID, SectionID: para.SectionID, Seq: seq[para.SectionID],
				Name: p.Name, PlannedCompletion: p.PlannedCompletion, Progress: ProposedProgress(p.Progress),
				Source: p.Sentence, SourceParagraphID: &paraID, State: plan.StateProposed, UpdatedAt: time.Now(),
			})
			seq[para.SectionID]++
		}
	}
	return list, quota.LeftOut()
}

// ProposedProgress is the progress code (plan.Progress*) of what a sentence
// says of a project: the import and import --dry-run read it alike.
func ProposedProgress(p reporttext.ProjectProgress) string {
	switch p {
	case reporttext.ProjectCompleted:
		return plan.ProgressCompleted
	case reporttext.ProjectUnderway:
		return plan.ProgressUnderway
	}
	return plan.ProgressNotStarted
}

// projectUID is the identity of a project proposed from a report's text:
// as proposalUID, from the text's fingerprint and the place, marked as a
// project's so that it never equals the uid of an indicator proposed from
// the same sentence.
func projectUID(fingerprint string, sectionSeq, paragraphSeq, n int) string {
	return proposalUID("project|"+fingerprint, sectionSeq, paragraphSeq, n)
}
