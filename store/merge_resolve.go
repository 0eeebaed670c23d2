package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// resolve applies a conflict as the user resolved it. Keeping mine
// changes nothing (the package's changes are only remembered as seen).
func (a *applier) resolve(c Conflict, r Resolution) error {
	if r.Choice == KeepMine {
		a.kept[c.Key] = true
		return nil
	}
	switch c.Deleted {
	case DeletedThere:
		id, err := a.localID(c.Kind, c.Entity)
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil // a reply gone with its thread, deleted earlier in this merge
		}
		if err != nil {
			return err
		}
		// The deletion, like any choice, is this reviewer's change, made
		// knowing both sides: passed on, it comes after whatever the other
		// side did to the thing meanwhile (brought it back, say).
		return a.remove(c.Kind, id, nil)
	case DeletedHere:
		return a.restore(c)
	}
	id, err := a.localID(c.Kind, c.Entity)
	if err != nil {
		return err
	}
	if r.Choice == TypeValue {
		// A value typed is a change of its own, by the merging reviewer,
		// new to both sides. The package's changes are remembered as seen
		// (relay).
		return a.set(c.Kind, id, c.Field, r.Value, nil)
	}
	// Taking theirs is a change of its own too, by the merging reviewer,
	// from this side's value: passed on, it moves a laptop still at that
	// value to theirs, and two laptops that each took the other's value
	// see their choices apart at the next merge. It adopts their last
	// change: this side stands where the sender does on the field's line,
	// so the sender's later edits apply here without a conflict.
	n := len(a.done)
	if err := a.set(c.Kind, id, c.Field, c.Theirs.Value, nil); err != nil || len(a.done) == n {
		return err
	}
	a.done[n].Adopts = c.Changes[len(c.Changes)-1].UID
	return a.tx.Model(&plan.Revision{}).Where("id = ?", a.done[n].ID).Update("adopts", a.done[n].Adopts).Error
}

// restore brings back what this side deleted and the package edited, as
// the deletion kept it (by the merging reviewer), then sets each field
// the package edited to its value there (as the package's changes).
func (a *applier) restore(c Conflict) error {
	if err := a.bringBack(c.Kind, c.Entity); err != nil {
		return err
	}
	return a.restoreEdits(c)
}

// catchUp applies to a thing just made again here, from a snapshot that
// may be older than what is known of it, the edits of it known here —
// made here before it was deleted, or brought by merges while it was
// gone (they found nothing to change then) — and those the package made
// before it made the thing again (extra): a field at the value such an
// edit was made on moves on to the value it gave, as that edit, so the
// thing comes back as everyone who kept it has it.
func (a *applier) catchUp(kind, uid string, extra ...reviewpack.Change) error {
	edits := a.here.knownEdits[key{kind, uid}]
	for _, e := range extra {
		edits = append(edits, knownEdit{change: e})
	}
	if len(edits) == 0 {
		return nil
	}
	id, err := a.localID(kind, uid)
	if err != nil {
		return err
	}
	var values map[string]string
	switch kind {
	case kindIndicator:
		var ind plan.Indicator
		err = a.tx.Take(&ind, id).Error
		var sec plan.Section
		if err == nil {
			err = a.tx.Take(&sec, ind.SectionID).Error
		}
		values = indicatorEntity(ind, sec.UID).fields
	case kindProject:
		var p plan.Project
		err = a.tx.Take(&p, id).Error
		values = projectEntity(p).fields
	default:
		var cm plan.Comment
		err = a.tx.Take(&cm, id).Error
		values = commentEntity(cm).fields
	}
	if err != nil {
		return err
	}
	moved := map[string]reviewpack.Change{}
	var order []string
	for _, known := range edits {
		e := known.change
		if v, ok := values[e.Field]; ok && v == e.Old && e.New != e.Old {
			values[e.Field] = e.New
			if _, seen := moved[e.Field]; !seen {
				order = append(order, e.Field)
			}
			moved[e.Field] = e
		}
	}
	for _, f := range order {
		e := moved[f]
		if err := a.set(kind, id, f, e.New, &e); err != nil {
			return err
		}
	}
	return nil
}

// bringBack makes again, as the merging reviewer's change, a thing
// deleted here, and catches it up with the edits learnt while it was gone.
func (a *applier) bringBack(kind, uid string) error {
	if _, err := a.localID(kind, uid); err == nil {
		return nil // back already: a reply brought back earlier in this merge brought its thread
	} else if !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	if err := a.makeAgain(kind, uid); err != nil {
		return err
	}
	return a.catchUp(kind, uid)
}

// makeAgain makes again a thing deleted here: from this laptop's latest
// deletion of it, else from the deletion a package merged here before
// brought. A reply's thread, when it is gone too, comes back first: a
// reply stands on its thread.
func (a *applier) makeAgain(kind, uid string) error {
	var del plan.Revision
	err := a.tx.Where("report_id = ? AND entity_uid = ? AND action = ?", a.reportID, uid, plan.ActionDelete).Order("id DESC").Take(&del).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		seen, ok := a.here.seenDeleted[key{kind, uid}]
		if !ok {
			return fmt.Errorf("the deletion of %s: %w", uid, err)
		}
		if err := a.bringBackThread(seen.Parent); err != nil {
			return err
		}
		laptop, lerr := laptopUID(a.tx)
		if lerr != nil {
			return lerr
		}
		back := seen
		back.UID, back.Laptop, back.Reviewer, back.At = "", laptop, a.reviewer, time.Now()
		back.Action, back.New, back.Old = plan.ActionCreate, seen.Old, ""
		return a.create(back)
	}
	if err != nil {
		return fmt.Errorf("the deletion of %s: %w", uid, err)
	}
	var change plan.Change
	switch kind {
	case kindIndicator:
		change, err = restoreIndicator(a.tx, del.OldText, a.reviewer)
	case kindProject:
		change, err = restoreProject(a.tx, del.OldText, a.reviewer)
	default:
		var snapshot string
		if snapshot, err = a.onThread(del.OldText); err == nil {
			change, err = restoreComment(a.tx, snapshot, a.reviewer)
		}
	}
	if err != nil {
		return err
	}
	return a.restamp(change, nil)
}

// onThread is a deleted comment's snapshot with its thread here: a
// reply's thread, deleted too, is brought back first, and the reply
// points at it as it stands now.
func (a *applier) onThread(snapshot string) (string, error) {
	var cm plan.Comment
	if err := json.Unmarshal([]byte(snapshot), &cm); err != nil {
		return "", fmt.Errorf("read comment snapshot: %w", err)
	}
	if cm.ParentID == 0 {
		return snapshot, nil
	}
	var threads []string
	if err := a.tx.Model(&plan.Revision{}).Where("comment_id = ? AND entity_uid <> ''", cm.ParentID).Limit(1).Pluck("entity_uid", &threads).Error; err != nil || len(threads) == 0 {
		return snapshot, err // a thread no revision knows: as it was
	}
	if err := a.bringBackThread(threads[0]); err != nil {
		return "", err
	}
	id, err := a.localID(kindComment, threads[0])
	if err != nil {
		return "", err
	}
	cm.ParentID = id
	text, err := json.Marshal(cm)
	return string(text), err
}

// bringBackThread brings back the thread uid when it is not here.
func (a *applier) bringBackThread(uid string) error {
	if uid == "" {
		return nil
	}
	_, err := a.localID(kindComment, uid)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return a.bringBack(kindComment, uid)
	}
	return err
}

// restoreEdits sets each field the package edited of what was brought
// back to its value there (as the package's changes), and adds the
// comments the package wrote on it.
func (a *applier) restoreEdits(c Conflict) error {
	id, err := a.localID(c.Kind, c.Entity)
	if err != nil {
		return err
	}
	final := map[string]reviewpack.Change{}
	var order []string
	for _, ch := range c.Changes {
		if ch.Entity != c.Entity || ch.Action != plan.ActionEdit && ch.Action != plan.ActionMove {
			continue
		}
		if _, ok := final[ch.Field]; !ok {
			order = append(order, ch.Field)
		}
		final[ch.Field] = ch
	}
	for _, f := range order {
		ch := final[f]
		if err := a.set(c.Kind, id, f, ch.New, &ch); err != nil {
			return err
		}
	}
	// The comments the package wrote on it, now that it is back, and their
	// later edits.
	for _, ch := range c.Changes {
		if ch.Action == plan.ActionCreate && ch.Entity != c.Entity {
			if err := a.create(ch); err != nil {
				return err
			}
		}
	}
	for _, ch := range c.Changes {
		if ch.Action != plan.ActionEdit || ch.Entity == c.Entity {
			continue
		}
		rid, err := a.localID(ch.Kind, ch.Entity)
		if err != nil {
			return err
		}
		if err := a.set(ch.Kind, rid, ch.Field, ch.New, &ch); err != nil {
			return err
		}
	}
	return nil
}
