package store

import (
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
	last := c.Changes[len(c.Changes)-1]
	switch c.Deleted {
	case DeletedThere:
		id, err := a.localID(c.Kind, c.Entity)
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil // a reply gone with its thread, deleted earlier in this merge
		}
		if err != nil {
			return err
		}
		return a.remove(c.Kind, id, &last)
	case DeletedHere:
		return a.restore(c)
	}
	id, err := a.localID(c.Kind, c.Entity)
	if err != nil {
		return err
	}
	value := c.Theirs.Value
	if r.Choice == TypeValue {
		value = r.Value
	}
	// The choice is a change of its own, by the merging reviewer, from
	// this side's value: passed on, it moves a laptop still at that value
	// (which has seen the package's changes already) to the one chosen,
	// so every laptop comes to the same value. The package's changes are
	// remembered as seen (relay).
	return a.set(c.Kind, id, c.Field, value, nil)
}

// restore brings back what this side deleted and the package edited, as
// the deletion kept it (by the merging reviewer), then sets each field
// the package edited to its value there (as the package's changes).
func (a *applier) restore(c Conflict) error {
	var del plan.Revision
	err := a.tx.Where("report_id = ? AND entity_uid = ? AND action = ?", a.reportID, c.Entity, plan.ActionDelete).Order("id DESC").Take(&del).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		// Deleted by a package merged before, with no revision here: made
		// again from that deletion's snapshot, as this reviewer's change.
		seen, ok := a.here.seenDeleted[key{c.Kind, c.Entity}]
		if !ok {
			return fmt.Errorf("the deletion of %s: %w", c.Entity, err)
		}
		laptop, lerr := laptopUID(a.tx)
		if lerr != nil {
			return lerr
		}
		back := seen
		back.UID, back.Laptop, back.Reviewer, back.At = "", laptop, a.reviewer, time.Now()
		back.Action, back.New, back.Old = plan.ActionCreate, seen.Old, ""
		if err := a.create(back); err != nil {
			return err
		}
		return a.restoreEdits(c)
	}
	if err != nil {
		return fmt.Errorf("the deletion of %s: %w", c.Entity, err)
	}
	var change plan.Change
	switch c.Kind {
	case kindIndicator:
		change, err = restoreIndicator(a.tx, del.OldText, a.reviewer)
	case kindProject:
		change, err = restoreProject(a.tx, del.OldText, a.reviewer)
	default:
		change, err = restoreComment(a.tx, del.OldText, a.reviewer)
	}
	if err != nil {
		return err
	}
	if err := a.restamp(change, nil); err != nil {
		return err
	}
	return a.restoreEdits(c)
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
