package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// packChanges are a report's revisions as a package carries them, in the
// order they were made or merged here, each naming what it changed by uid.
func packChanges(tx *gorm.DB, reportID int64) ([]reviewpack.Change, error) {
	var revs []plan.Revision
	if err := tx.Where("report_id = ? AND entity_uid <> ''", reportID).Order("id").Find(&revs).Error; err != nil {
		return nil, err
	}
	uids, err := knownEntityUIDs(tx, revs)
	if err != nil {
		return nil, err
	}
	relayed, err := relayedChanges(tx, reportID)
	if err != nil {
		return nil, err
	}
	// A relayed change a revision here also carries (it came again, and
	// applied) goes once, as the revision.
	have := make(map[string]bool, len(revs))
	for _, r := range revs {
		have[r.Identity()] = true
	}
	relayed = slices.DeleteFunc(relayed, func(rc relayedChange) bool { return have[rc.change.UID] })
	out := make([]reviewpack.Change, 0, len(revs)+len(relayed))
	next := 0 // the next relayed change
	for _, r := range revs {
		for ; next < len(relayed) && relayed[next].after < r.ID; next++ {
			out = append(out, asRelayed(relayed[next].change))
		}
		c, err := packChange(r, uids)
		if err != nil {
			return nil, fmt.Errorf("revision %d: %w", r.ID, err)
		}
		out = append(out, c)
	}
	for _, rc := range relayed[next:] {
		out = append(out, asRelayed(rc.change))
	}
	return out, nil
}

// asRelayed is a change this database only relayed, marked so.
func asRelayed(c reviewpack.Change) reviewpack.Change {
	c.Relayed = true
	return c
}

// relayedChange is a change a merge kept without a revision, passed on.
type relayedChange struct {
	after  int64
	change reviewpack.Change
}

// relayedChanges are a report's relayed changes, in the order they sort
// among its revisions.
func relayedChanges(tx *gorm.DB, reportID int64) ([]relayedChange, error) {
	var rows []struct {
		AfterRevision int64
		Change        string
	}
	if err := tx.Table("merged_changes").Where("report_id = ?", reportID).Order("after_revision, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]relayedChange, len(rows))
	for i, r := range rows {
		out[i].after = r.AfterRevision
		if err := json.Unmarshal([]byte(r.Change), &out[i].change); err != nil {
			return nil, fmt.Errorf("a relayed change: %w", err)
		}
	}
	return out, nil
}

// packChange is one revision as a package carries it.
func packChange(r plan.Revision, uids map[entityKey]string) (reviewpack.Change, error) {
	kind, _ := entityOf(r)
	c := reviewpack.Change{UID: r.Identity(), Laptop: r.Laptop, Reviewer: r.Reviewer, At: r.At, Kind: kind, Entity: r.EntityUID,
		Action: r.Action, Field: string(r.Field), Old: r.OldText, New: r.NewText, Replay: r.Replay, Adopts: r.Adopts}
	switch r.Action {
	case plan.ActionMove:
		c.Field = reviewpack.FieldSection
		c.Old, c.New = placementUID(r.OldText, uids), placementUID(r.NewText, uids)
	case plan.ActionCreate:
		snap, err := portable(kind, r.NewText, uids, &c)
		c.New = snap
		return c, err
	case plan.ActionDelete:
		snap, err := portable(kind, r.OldText, uids, &c)
		c.Old = snap
		return c, err
	}
	return c, nil
}

// placementUID is the uid of the section a move's placement names.
func placementUID(text string, uids map[entityKey]string) string {
	p, err := plan.ParsePlacement(text)
	if err != nil {
		return ""
	}
	return uids[entityKey{kindSection, p.SectionID}]
}

// portable is a creation's or deletion's snapshot with its local ids left
// out, and where it stands (its section, a reply's thread, a comment's
// indicator or project) set on c by uid.
func portable(kind, snapshot string, uids map[entityKey]string, c *reviewpack.Change) (string, error) {
	var v any
	switch kind {
	case kindIndicator:
		var ind plan.Indicator
		if err := json.Unmarshal([]byte(snapshot), &ind); err != nil {
			return "", err
		}
		c.Section = uids[entityKey{kindSection, ind.SectionID}]
		ind.ID, ind.ReportID, ind.SectionID, ind.Seq, ind.SourceParagraphID = 0, 0, 0, 0, nil
		v = ind
	case kindProject:
		var p plan.Project
		if err := json.Unmarshal([]byte(snapshot), &p); err != nil {
			return "", err
		}
		c.Section = uids[entityKey{kindSection, p.SectionID}]
		p.ID, p.ReportID, p.SectionID, p.Seq, p.SourceParagraphID = 0, 0, 0, 0, nil
		v = p
	case kindComment:
		var cm plan.Comment
		if err := json.Unmarshal([]byte(snapshot), &cm); err != nil {
			return "", err
		}
		c.Section = uids[entityKey{kindSection, cm.SectionID}]
		c.Parent = uids[entityKey{kindComment, cm.ParentID}]
		if cm.IndicatorID != 0 {
			c.On = uids[entityKey{kindIndicator, cm.IndicatorID}]
		}
		if cm.ProjectID != 0 {
			c.On = uids[entityKey{kindProject, cm.ProjectID}]
		}
		cm.ID, cm.ReportID, cm.ParentID, cm.SectionID, cm.IndicatorID, cm.ProjectID = 0, 0, 0, 0, 0, 0
		v = cm
	default:
		return "", fmt.Errorf("a %s is not created or deleted", kind)
	}
	out, err := json.Marshal(v)
	return string(out), err
}
