package store

import (
	"cmp"
	"encoding/json"
	"slices"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// mergedIndicatorFields are the fields of an indicator a merge compares
// and sets: what a reviewer edits.
func mergedIndicatorFields() []plan.Field {
	return []plan.Field{plan.FieldName, plan.FieldUnit, plan.FieldAttribute, plan.FieldDirection,
		plan.FieldBaseline, plan.FieldBaselineYear, plan.FieldTarget, plan.FieldTargetYear, plan.FieldTargetKind,
		plan.FieldManualStatus, plan.FieldMidterm, plan.FieldMidtermAsOf, plan.FieldNote, plan.FieldState}
}

// mergedCommentFields are the fields of a comment a merge compares and
// sets.
func mergedCommentFields() []plan.Field {
	return []plan.Field{plan.FieldCommentText, plan.FieldCommentKind, plan.FieldCommentState, plan.FieldReplacement}
}

// entity is one indicator, project, comment or section as a merge sees
// it: its local id (0 when it is not here) and its fields' values, an
// indicator's section by uid under reviewpack.FieldSection.
type entity struct {
	kind, uid, name string
	id              int64
	fields          map[string]string
	// replies counts, for a thread's first comment, its replies here.
	replies map[string]bool
}

// key names an entity of a package.
type key struct{ kind, uid string }

// hereState is the report as a merge plans against it.
type hereState struct {
	reportID int64
	entities map[key]*entity
	sections map[string]int64 // section uid → local id
	seen     map[string]bool  // every change uid known here
	// deleted holds, by entity, this laptop's latest deletion of it.
	deleted map[key]plan.Revision
	// revisionOf is the id of the latest revision here of each change uid.
	revisionOf map[string]int64
	// seenDeleted holds the deletions a merge brought here that recorded
	// no revision (the thing was gone on both sides then), by entity.
	seenDeleted map[key]reviewpack.Change
	// knownEdits holds, by entity, every edit of it known here — made or
	// merged here, or relayed (learnt while it was gone here) — in this
	// database's order: what a thing made again here catches up with.
	knownEdits map[key][]knownEdit
	// latest holds, by entity and field, the latest revision of it here.
	latest map[key]map[string]plan.Revision
	last   int64 // the newest revision id of the database
}

// loadHere reads what a merge into a report compares with.
func loadHere(tx *gorm.DB, reportID int64) (*hereState, error) {
	h := &hereState{reportID: reportID, entities: map[key]*entity{}, sections: map[string]int64{}, seen: map[string]bool{},
		deleted: map[key]plan.Revision{}, revisionOf: map[string]int64{},
		seenDeleted: map[key]reviewpack.Change{}, knownEdits: map[key][]knownEdit{}, latest: map[key]map[string]plan.Revision{}}
	if err := tx.Raw("SELECT coalesce(max(id), 0) FROM revisions").Scan(&h.last).Error; err != nil {
		return nil, err
	}
	if err := h.loadRows(tx); err != nil {
		return nil, err
	}
	if err := h.loadRevisions(tx); err != nil {
		return nil, err
	}
	if err := h.loadRelayed(tx); err != nil {
		return nil, err
	}
	for _, edits := range h.knownEdits {
		// A relayed change sorts after the revision it was placed after.
		slices.SortStableFunc(edits, func(a, b knownEdit) int {
			if a.after != b.after {
				return cmp.Compare(a.after, b.after)
			}
			return cmp.Compare(btoi(a.relayed), btoi(b.relayed))
		})
	}
	return h, nil
}

// loadRevisions reads the report's revisions: what this side has seen,
// made and deleted, and its latest change of every field.
func (h *hereState) loadRevisions(tx *gorm.DB) error {
	var revs []plan.Revision
	if err := tx.Where("report_id = ?", h.reportID).Order("id").Find(&revs).Error; err != nil {
		return err
	}
	for _, r := range revs {
		h.revisionOf[r.Identity()] = r.ID
		h.seen[r.UID] = true
		if r.Origin != "" {
			h.seen[r.Origin] = true
		}
		kind, _ := entityOf(r)
		k := key{kind, r.EntityUID}
		switch r.Action {
		case plan.ActionDelete:
			h.deleted[k] = r
		case plan.ActionEdit:
			h.knownEdits[k] = append(h.knownEdits[k], knownEdit{after: r.ID, change: reviewpack.Change{
				UID: r.Identity(), Laptop: r.Laptop, Reviewer: r.Reviewer, At: r.At, Kind: kind, Entity: r.EntityUID,
				Action: r.Action, Field: string(r.Field), Old: r.OldText, New: r.NewText, Adopts: r.Adopts}})
		}
		field := string(r.Field)
		if r.Action == plan.ActionMove {
			field = reviewpack.FieldSection
		}
		if h.latest[k] == nil {
			h.latest[k] = map[string]plan.Revision{}
		}
		h.latest[k][field] = r
		h.latest[k][""] = r
	}
	return nil
}

// loadRelayed reads the changes merges remembered without a revision.
func (h *hereState) loadRelayed(tx *gorm.DB) error {
	var merged []struct {
		UID, Change   string
		AfterRevision int64
	}
	if err := tx.Table("merged_changes").Select("uid, change, after_revision").Where("report_id = ?", h.reportID).Order("after_revision, id").Find(&merged).Error; err != nil {
		return err
	}
	for _, m := range merged {
		h.seen[m.UID] = true
		var c reviewpack.Change
		if json.Unmarshal([]byte(m.Change), &c) != nil {
			continue
		}
		k := key{c.Kind, c.Entity}
		switch c.Action {
		case plan.ActionDelete:
			h.seenDeleted[k] = c
		case plan.ActionEdit:
			h.knownEdits[k] = append(h.knownEdits[k], knownEdit{after: m.AfterRevision, relayed: true, change: c})
		}
	}
	return nil
}

// knownEdit is an edit known here, where it sorts among the revisions.
type knownEdit struct {
	after   int64 // the revision's id, or the one a relayed change follows
	relayed bool
	change  reviewpack.Change
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// loadRows reads the report's sections, indicators, projects and
// comments.
func (h *hereState) loadRows(tx *gorm.DB) error {
	var sections []plan.Section
	if err := tx.Where("report_id = ?", h.reportID).Find(&sections).Error; err != nil {
		return err
	}
	sectionUIDs := map[int64]string{}
	for _, s := range sections {
		h.sections[s.UID], sectionUIDs[s.ID] = s.ID, s.UID
		h.add(&entity{kind: kindSection, uid: s.UID, id: s.ID, name: s.Heading(), fields: map[string]string{string(plan.FieldReview): s.ReviewState}})
	}
	var inds []plan.Indicator
	if err := tx.Where("report_id = ?", h.reportID).Find(&inds).Error; err != nil {
		return err
	}
	for _, ind := range inds {
		h.add(indicatorEntity(ind, sectionUIDs[ind.SectionID]))
	}
	var projects []plan.Project
	if err := tx.Where("report_id = ?", h.reportID).Find(&projects).Error; err != nil {
		return err
	}
	for _, p := range projects {
		h.add(projectEntity(p))
	}
	var comments []plan.Comment
	if err := tx.Where("report_id = ?", h.reportID).Order("id").Find(&comments).Error; err != nil {
		return err
	}
	byID := map[int64]*entity{}
	for _, c := range comments {
		e := commentEntity(c)
		byID[c.ID] = e
		h.add(e)
		if parent := byID[c.ParentID]; parent != nil {
			parent.replies[c.UID] = true
		}
	}
	return nil
}

func (h *hereState) add(e *entity) { h.entities[key{e.kind, e.uid}] = e }

func indicatorEntity(ind plan.Indicator, sectionUID string) *entity {
	e := &entity{kind: kindIndicator, uid: ind.UID, id: ind.ID, name: ind.Name, fields: map[string]string{reviewpack.FieldSection: sectionUID}}
	for _, f := range mergedIndicatorFields() {
		e.fields[string(f)] = ind.Get(f)
	}
	return e
}

func projectEntity(p plan.Project) *entity {
	e := &entity{kind: kindProject, uid: p.UID, id: p.ID, name: p.Name, fields: map[string]string{}}
	for _, f := range plan.ProjectFields() {
		e.fields[string(f)] = p.Get(f)
	}
	return e
}

func commentEntity(c plan.Comment) *entity {
	e := &entity{kind: kindComment, uid: c.UID, id: c.ID, name: c.Quote, fields: map[string]string{}, replies: map[string]bool{}}
	if e.name == "" {
		e.name = c.Text
	}
	for _, f := range mergedCommentFields() {
		e.fields[string(f)] = c.Get(f)
	}
	return e
}

// snapshotEntity is the entity a package's snapshot of a creation or
// deletion describes, its section by the change's uid.
func snapshotEntity(c reviewpack.Change, snapshot string) (*entity, error) {
	switch c.Kind {
	case kindIndicator:
		var ind plan.Indicator
		if err := json.Unmarshal([]byte(snapshot), &ind); err != nil {
			return nil, err
		}
		ind.UID = c.Entity
		return indicatorEntity(ind, c.Section), nil
	case kindProject:
		var p plan.Project
		if err := json.Unmarshal([]byte(snapshot), &p); err != nil {
			return nil, err
		}
		p.UID = c.Entity
		return projectEntity(p), nil
	}
	var cm plan.Comment
	if err := json.Unmarshal([]byte(snapshot), &cm); err != nil {
		return nil, err
	}
	cm.UID = c.Entity
	return commentEntity(cm), nil
}
