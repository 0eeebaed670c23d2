package plan

import (
	"time"
)

// Revision actions.
const (
	ActionEdit   = "edit"
	ActionCreate = "create"
	ActionDelete = "delete"
	// ActionRemoveReport is a whole report deleted (its IndicatorID is 0,
	// NewText its title).
	ActionRemoveReport = "remove_report"
)

// Replay kinds: what a revision made by Undo or Redo says it did.
const (
	ReplayUndo = "undo" // 撤销
	ReplayRedo = "redo" // 重做
)

// Revision is one recorded change to an indicator: the field's text before
// and after, who made it and when. A creation keeps the new indicator, a
// deletion the deleted one (as JSON), so both can be undone.
type Revision struct {
	// ID is the revision's row id; ids grow with time.
	ID int64
	// ReportID is the report whose indicator changed.
	ReportID int64
	// IndicatorID is the indicator that changed (it may since have been deleted).
	IndicatorID int64
	// Action is ActionEdit, ActionCreate or ActionDelete.
	Action string
	// Field is the edited field; empty for a creation or deletion.
	Field Field
	// OldText is the field's text before an edit, or the deleted indicator.
	OldText string
	// NewText is the field's text after an edit, or the created indicator.
	NewText string
	// Reviewer is the name the reviewer gave in the preferences.
	Reviewer string
	// Replay is ReplayUndo or ReplayRedo for a revision that undid or
	// redid an earlier change, empty for a change made.
	Replay string
	// At is when the change was committed.
	At time.Time
}

// Change is what one user action did: its revisions in the order they were
// made, all committed in one transaction. Undo reverts them in reverse.
type Change []Revision
