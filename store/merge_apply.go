package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// ApplyMerge carries out a merge plan in one transaction: every change
// that does not conflict, and each conflict as resolutions (by
// Conflict.Key) say. Merged changes are recorded as revisions naming the
// reviewer and laptop that made them and their uid there; a value typed
// to resolve a conflict is reviewer's, made here. It returns them all as
// one change, which Revert takes back whole. Nothing is changed when a
// conflict is not resolved (ErrUnresolved), when the report is not here
// (ErrPackReportMissing), or when the database changed since the plan
// was made (ErrMergeStale, which is ErrChangedSince too: plan again).
func (s *Store) ApplyMerge(mp MergePlan, resolutions map[string]Resolution, reviewer string) (plan.Change, error) {
	if err := checkResolutions(mp, resolutions); err != nil {
		return nil, fmt.Errorf("merge a review package: %w", err)
	}
	var done plan.Change
	err := s.write(func(tx *gorm.DB) error {
		fresh, here, err := planMerge(tx, mp.Pack)
		if err != nil {
			return err
		}
		if fresh.LastRevision != mp.LastRevision || len(fresh.Conflicts) != len(mp.Conflicts) {
			return ErrMergeStale
		}
		a := applier{tx: tx, reportID: fresh.ReportID, reviewer: reviewer, kept: map[string]bool{}, here: here}
		done, err = a.run(fresh, resolutions)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("merge a review package: %w", err)
	}
	return done, nil
}

// checkResolutions refuses a plan that cannot be applied as resolved.
func checkResolutions(mp MergePlan, resolutions map[string]Resolution) error {
	if mp.ReportID == 0 {
		return ErrPackReportMissing
	}
	for _, c := range mp.Conflicts {
		r, ok := resolutions[c.Key]
		switch {
		case !ok:
			return fmt.Errorf("%d conflicts, %s not resolved: %w", len(mp.Conflicts), c.Key, ErrUnresolved)
		case r.Choice == TypeValue && c.Deleted != "", r.Choice != KeepMine && r.Choice != TakeTheirs && r.Choice != TypeValue:
			return fmt.Errorf("%s: %q: %w", c.Key, r.Choice, ErrBadResolution)
		}
	}
	return nil
}

// applier applies a plan's changes in one transaction.
type applier struct {
	tx       *gorm.DB
	reportID int64
	reviewer string
	done     plan.Change
	kept     map[string]bool // conflicts resolved as mine, by key
	here     *hereState      // as planned against
	// pack is the package's changes; at is each one's index by uid, and
	// byEntity the indices of each thing's, in order.
	pack     []reviewpack.Change
	at       map[string]int
	byEntity map[key][]int
	// unchanged are the package's changes applied that found their field
	// at their value already (an earlier change of the merge set it), with
	// the revision they follow: remembered as seen, in their place.
	unchanged []relayedChange
}

func (a *applier) run(mp MergePlan, resolutions map[string]Resolution) (plan.Change, error) {
	a.pack, a.at, a.byEntity = mp.Pack.Changes, make(map[string]int, len(mp.Pack.Changes)), map[key][]int{}
	for i, c := range a.pack {
		a.at[c.UID] = i
		a.byEntity[key{c.Kind, c.Entity}] = append(a.byEntity[key{c.Kind, c.Entity}], i)
	}
	for _, c := range anchorsFirst(mp.Apply) {
		if err := a.apply(c, c.New); err != nil {
			return nil, fmt.Errorf("change %s of %s %s: %w", c.UID, c.Kind, c.Entity, err)
		}
	}
	for _, c := range mp.Conflicts {
		if err := a.resolve(c, resolutions[c.Key]); err != nil {
			return nil, fmt.Errorf("conflict %s: %w", c.Key, err)
		}
	}
	if err := a.relay(mp); err != nil {
		return nil, err
	}
	return a.done, nil
}

// anchorsFirst is the changes to apply in the package's order, except
// that a creation standing on something the merge makes later (a reply
// whose thread the sender brought back after the reply was written) waits,
// with the later changes of what it makes, until that is made.
func anchorsFirst(apply []reviewpack.Change) []reviewpack.Change {
	madeAt := map[string]int{}
	for i, c := range apply {
		if c.Action == plan.ActionCreate {
			madeAt[c.Entity] = i
		}
	}
	out := make([]reviewpack.Change, 0, len(apply))
	waiting := map[string][]reviewpack.Change{} // by the uid waited for
	waitsOn := map[string]string{}              // a waiting entity → what it waits for
	var place func(c reviewpack.Change)
	place = func(c reviewpack.Change) {
		out = append(out, c)
		if c.Action != plan.ActionCreate {
			return
		}
		held := waiting[c.Entity]
		delete(waiting, c.Entity)
		for _, w := range held {
			delete(waitsOn, w.Entity)
		}
		for _, w := range held {
			place(w)
		}
	}
	for i, c := range apply {
		if dep, ok := waitsOn[c.Entity]; ok {
			waiting[dep] = append(waiting[dep], c)
			continue
		}
		if c.Action == plan.ActionCreate {
			dep := c.Parent
			if dep == "" {
				dep = c.On
			}
			if at, ok := madeAt[dep]; ok && dep != "" && at > i {
				waiting[dep] = append(waiting[dep], c)
				waitsOn[c.Entity] = dep
				continue
			}
		}
		place(c)
	}
	if len(out) < len(apply) { // a wait never met (no such package): as sent
		return apply
	}
	return out
}

// lastDone is the id of the merge's latest revision so far, or of the
// database's latest before the merge.
func (a *applier) lastDone() int64 {
	if len(a.done) > 0 {
		return a.done[len(a.done)-1].ID
	}
	return a.here.last
}

// editsBefore are the package's edits of what c makes, before c there.
func (a *applier) editsBefore(c reviewpack.Change) []reviewpack.Change {
	var out []reviewpack.Change
	for _, i := range a.byEntity[key{c.Kind, c.Entity}] {
		if i < a.at[c.UID] && a.pack[i].Action == plan.ActionEdit {
			out = append(out, a.pack[i])
		}
	}
	return out
}

// relay keeps the package's changes that this merge records no revision
// for, to be remembered as seen and passed on. One found already here, or
// in a conflict where the user kept their value, is placed before this
// side's latest revision of its field, so that, passed on, that value
// still comes last on the field's line; a making or deleting found
// already here goes where the package has it among this side's: before
// the first making or deleting after it there that is here, else last.
func (a *applier) relay(mp MergePlan) error {
	var rows []map[string]any
	add := func(c reviewpack.Change, beforeMine bool) error {
		after := a.here.last
		switch {
		case mp.lineEnds[c.UID]:
			// after every revision: see lineEnds
		case beforeMine && (c.Action == plan.ActionCreate || c.Action == plan.ActionDelete):
			after = a.existenceAfter(a.at[c.UID])
		case beforeMine:
			after = a.mineRevision(c) - 1
		}
		text, err := json.Marshal(c)
		rows = append(rows, map[string]any{"report_id": a.reportID, "uid": c.UID, "after_revision": after, "change": string(text)})
		return err
	}
	for _, c := range mp.Already {
		if err := add(c, true); err != nil {
			return err
		}
	}
	// A line end remembered before (relayed by an earlier merge) moves to
	// the end: taken out, it is remembered again with the rest (it is
	// among Already).
	var moved []string
	for uid := range mp.lineEnds {
		if a.here.seen[uid] {
			moved = append(moved, uid)
		}
	}
	for _, u := range a.unchanged {
		text, err := json.Marshal(u.change)
		if err != nil {
			return err
		}
		rows = append(rows, map[string]any{"report_id": a.reportID, "uid": u.change.UID, "after_revision": u.after, "change": string(text)})
	}
	for _, c := range mp.Conflicts {
		for _, ch := range c.Changes {
			if err := add(ch, a.kept[c.Key]); err != nil {
				return err
			}
		}
	}
	if len(moved) > 0 {
		if err := a.tx.Exec("DELETE FROM merged_changes WHERE report_id = ? AND uid IN ?", a.reportID, moved).Error; err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return a.tx.Table("merged_changes").Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 200).Error
}

// existenceAfter is where a making or deleting the package holds at i
// goes among this side's revisions: before the first making or deleting
// of the same thing after it in the package that is a revision here,
// else after every revision.
func (a *applier) existenceAfter(i int) int64 {
	c := a.pack[i]
	for _, n := range a.byEntity[key{c.Kind, c.Entity}] {
		next := a.pack[n]
		if n <= i || next.Action != plan.ActionCreate && next.Action != plan.ActionDelete {
			continue
		}
		if id, ok := a.here.revisionOf[next.UID]; ok {
			return id - 1
		}
	}
	return a.here.last
}

// mineRevision is the id of this side's latest revision of the field a
// change changes, 0 when none did.
func (a *applier) mineRevision(c reviewpack.Change) int64 {
	return a.here.latest[key{c.Kind, c.Entity}][c.Field].ID
}

// apply applies one change of the package, an edit setting value.
func (a *applier) apply(c reviewpack.Change, value string) error {
	switch c.Action {
	case plan.ActionCreate:
		if err := a.create(c); err != nil {
			return err
		}
		return a.catchUp(c.Kind, c.Entity, a.editsBefore(c)...) // made again
	case plan.ActionDelete:
		id, err := a.localID(c.Kind, c.Entity)
		if errors.Is(err, gorm.ErrRecordNotFound) && c.Parent != "" {
			// A reply gone with its thread, deleted earlier in this merge:
			// remembered as seen, in its place.
			a.unchanged = append(a.unchanged, relayedChange{after: a.lastDone(), change: c})
			return nil
		}
		if err != nil {
			return err
		}
		return a.remove(c.Kind, id, &c)
	}
	id, err := a.localID(c.Kind, c.Entity)
	if err != nil {
		return err
	}
	return a.set(c.Kind, id, c.Field, value, &c)
}

// localID is the row id here of an entity of the report.
func (a *applier) localID(kind, uid string) (int64, error) {
	var id int64
	err := a.tx.Table(tableOf(kind)).Select("id").Where("report_id = ? AND uid = ?", a.reportID, uid).Take(&id).Error
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", kind, uid, err)
	}
	return id, nil
}

// keep stores revisions as made by the package's change c (nil: by the
// merging reviewer, here and now) and adds them to the merge's change.
func (a *applier) keep(change plan.Change, c *reviewpack.Change) error {
	for i := range change {
		change[i].Reviewer, change[i].At = a.reviewer, time.Now()
		if c != nil {
			change[i].Reviewer, change[i].At, change[i].Laptop, change[i].Origin = c.Reviewer, c.At, c.Laptop, c.UID
			change[i].Adopts = c.Adopts
			if change[i].EntityUID == "" && c.Kind != reviewpack.KindSection {
				change[i].EntityUID = c.Entity // known: no query for it
			}
		}
	}
	stored, err := recordStamped(a.tx, change)
	a.done = append(a.done, stored...)
	return err
}

// restamp marks revisions another function recorded as made by c.
func (a *applier) restamp(change plan.Change, c *reviewpack.Change) error {
	ids := make([]int64, len(change))
	for i := range change {
		ids[i] = change[i].ID
		if c != nil {
			change[i].Reviewer, change[i].At, change[i].Laptop, change[i].Origin = c.Reviewer, c.At, c.Laptop, c.UID
		}
	}
	a.done = append(a.done, change...)
	if c == nil || len(ids) == 0 {
		return nil
	}
	return a.tx.Model(&plan.Revision{}).Where("id IN ?", ids).
		Updates(map[string]any{"reviewer": c.Reviewer, "at": c.At, "laptop": c.Laptop, "origin": c.UID}).Error
}

// set sets one field of an entity, recorded as made by c (nil: by the
// merging reviewer). Unlike a reviewer's edit it confirms nothing by
// itself: the package carries the confirmation as a change of its own.
func (a *applier) set(kind string, id int64, field, value string, c *reviewpack.Change) error {
	if kind == kindIndicator && field == reviewpack.FieldSection {
		return a.move(id, value, c)
	}
	rev, err := a.write(kind, id, plan.Field(field), value)
	if err != nil {
		return err
	}
	if rev.OldText == rev.NewText {
		if c != nil {
			a.unchanged = append(a.unchanged, relayedChange{after: a.lastDone(), change: *c})
		}
		return nil
	}
	return a.keep(plan.Change{rev}, c)
}

// write sets field f of an entity and returns the revision of it, not
// yet recorded.
func (a *applier) write(kind string, id int64, f plan.Field, value string) (plan.Revision, error) {
	rev := plan.Revision{ReportID: a.reportID, Action: plan.ActionEdit, Field: f, NewText: value}
	switch kind {
	case kindIndicator:
		var ind plan.Indicator
		if err := a.tx.Take(&ind, id).Error; err != nil {
			return rev, err
		}
		rev.IndicatorID, rev.OldText = id, ind.Get(f)
		if err := ind.Set(f, value); err != nil {
			return rev, err
		}
		rev.NewText = ind.Get(f)
		return rev, saveFields(a.tx, &ind, f)
	case kindProject:
		var p plan.Project
		if err := a.tx.Take(&p, id).Error; err != nil {
			return rev, err
		}
		rev.ProjectID, rev.OldText = id, p.Get(f)
		if err := p.Set(f, value); err != nil {
			return rev, err
		}
		return rev, saveProjectFields(a.tx, &p, f)
	case kindComment:
		var cm plan.Comment
		if err := a.tx.Take(&cm, id).Error; err != nil {
			return rev, err
		}
		rev.CommentID, rev.OldText = id, cm.Get(f)
		if err := cm.Set(f, value); err != nil {
			return rev, err
		}
		return rev, saveComment(a.tx, &cm, f)
	}
	if !plan.ValidReview(value) || f != plan.FieldReview {
		return rev, fmt.Errorf("review %q of %s: %w", value, f, ErrBadReview)
	}
	var sec plan.Section
	if err := a.tx.Take(&sec, id).Error; err != nil {
		return rev, err
	}
	rev.SectionID, rev.OldText = id, sec.ReviewState
	return rev, saveReview(a.tx, id, value)
}

// move moves an indicator to the section uid names.
func (a *applier) move(id int64, sectionUID string, c *reviewpack.Change) error {
	to, err := a.localID(kindSection, sectionUID)
	if err != nil {
		return err
	}
	var ind plan.Indicator
	if err := a.tx.Take(&ind, id).Error; err != nil {
		return err
	}
	if ind.SectionID == to {
		return nil
	}
	from, err := placementOf(a.tx, ind)
	if err != nil {
		return err
	}
	var sec plan.Section
	if err := a.tx.Take(&sec, to).Error; err != nil {
		return err
	}
	change, err := moveTo(a.tx, ind, from, plan.Placement{SectionID: to, Seq: -1, Heading: sec.Heading()}, a.reviewer)
	if err != nil {
		return err
	}
	return a.restamp(change, c)
}

// remove deletes an entity (a comment with any replies left here first,
// those by the merging reviewer), recorded as made by c.
func (a *applier) remove(kind string, id int64, c *reviewpack.Change) error {
	var change plan.Change
	var err error
	switch kind {
	case kindIndicator:
		change, err = deleteIndicator(a.tx, id, a.reviewer)
	case kindProject:
		change, err = deleteProject(a.tx, id, a.reviewer)
	default:
		var replies []int64
		if err := a.tx.Model(&plan.Comment{}).Where("parent_id = ?", id).Order("id DESC").Pluck("id", &replies).Error; err != nil {
			return err
		}
		for _, r := range replies {
			step, err := deleteComment(a.tx, r, a.reviewer)
			if err != nil {
				return err
			}
			a.done = append(a.done, step...)
		}
		change, err = deleteComment(a.tx, id, a.reviewer)
	}
	if err != nil {
		return err
	}
	return a.restamp(change, c)
}

// create adds what a change created, with its uid, where it stood there.
func (a *applier) create(c reviewpack.Change) error {
	section, err := a.localID(kindSection, c.Section)
	if err != nil {
		return err
	}
	var change plan.Change
	switch c.Kind {
	case kindIndicator:
		var ind plan.Indicator
		if err := json.Unmarshal([]byte(c.New), &ind); err != nil {
			return err
		}
		ind.ID, ind.UID, ind.ReportID, ind.SectionID, ind.Seq = 0, c.Entity, a.reportID, section, 0
		change, err = createIndicator(a.tx, &ind, c.Reviewer)
	case kindProject:
		var p plan.Project
		if err := json.Unmarshal([]byte(c.New), &p); err != nil {
			return err
		}
		p.ID, p.UID, p.ReportID, p.SectionID, p.Seq = 0, c.Entity, a.reportID, section, 0
		change, err = createProject(a.tx, &p, c.Reviewer)
	default:
		return a.createComment(c, section)
	}
	if err != nil {
		return err
	}
	return a.restamp(change, &c)
}

// createComment adds a comment or reply a change wrote, as written.
func (a *applier) createComment(c reviewpack.Change, section int64) error {
	var cm plan.Comment
	if err := json.Unmarshal([]byte(c.New), &cm); err != nil {
		return err
	}
	cm.ID, cm.UID, cm.ReportID, cm.SectionID = 0, c.Entity, a.reportID, section
	var err error
	if c.Parent != "" {
		if cm.ParentID, err = a.localID(kindComment, c.Parent); err != nil {
			return err
		}
	}
	if c.On != "" && cm.Anchor == plan.AnchorIndicator {
		cm.IndicatorID, err = a.localID(kindIndicator, c.On)
	} else if c.On != "" {
		cm.ProjectID, err = a.localID(kindProject, c.On)
	}
	if err != nil {
		return err
	}
	if err := a.tx.Create(&cm).Error; err != nil {
		return err
	}
	snapshot, err := json.Marshal(cm)
	if err != nil {
		return err
	}
	return a.keep(plan.Change{{ReportID: a.reportID, CommentID: cm.ID, Action: plan.ActionCreate, NewText: string(snapshot)}}, &c)
}
