package plan

import (
	"fmt"
	"strings"
	"time"
)

// Revision actions.
const (
	ActionEdit   = "edit"
	ActionCreate = "create"
	ActionDelete = "delete"
	// ActionMove is an indicator moved to another section: OldText and
	// NewText are its Placement before and after.
	ActionMove = "move"
	// ActionRemoveReport is a whole report deleted (its IndicatorID is 0,
	// NewText its title).
	ActionRemoveReport = "remove_report"
	// ActionReplaceText is a report's text replaced by a new version of it
	// (IndicatorID 0, OldText and NewText the file names before and
	// after). It is history only: it cannot be undone, the backup made
	// before it is the way back.
	ActionReplaceText = "replace_text"
)

// Replay kinds: what a revision made by Undo or Redo says it did.
const (
	ReplayUndo = "undo" // 撤销
	ReplayRedo = "redo" // 重做
)

// Revision is one recorded change to an indicator or a project: the
// field's text before and after, who made it and when. A creation keeps the new indicator, a
// deletion the deleted one (as JSON), so both can be undone.
// IndicatorID, ProjectID or SectionID says which was changed.
type Revision struct {
	// ID is the revision's row id; ids grow with time.
	ID int64
	// ReportID is the report whose indicator changed.
	ReportID int64
	// IndicatorID is the indicator that changed (it may since have been
	// deleted); 0 for a change to a project or a report.
	IndicatorID int64
	// ProjectID is the project that changed (it may since have been
	// deleted); 0 for a change to an indicator or a report.
	ProjectID int64
	// SectionID is the section whose review state changed; 0 for any
	// other change. (A move names its sections in its texts, not here.)
	SectionID int64
	// CommentID is the comment that was written, changed or deleted; 0
	// for any other change.
	CommentID int64
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
	// At is when the change was committed; for a change merged from
	// another laptop, when it was made there.
	At time.Time
	// UID is the revision's identity across laptops (random, or the
	// laptop's uid and the local id for revisions older than packages).
	UID string
	// Laptop is the uid of the laptop where the change was made: this
	// one's, or the sender's for a change merged from a review package.
	Laptop string
	// Origin is, for a change merged from a review package, the uid the
	// change has on the laptop that made it: a change is known by it
	// wherever it travels, and never applied twice. Empty otherwise.
	Origin string
	// Adopts is, for a merge conflict resolved by taking the other side's
	// value, the uid of the change taken: the field then stands where
	// that change left it on the other side. Empty otherwise.
	Adopts string
	// EntityUID is the uid of the indicator, project, comment or section
	// that changed, kept with the revision so a package can name it after
	// it is gone.
	EntityUID string
}

// Identity is the uid a change is known by on every laptop: its origin's
// when it was merged from another laptop, else its own.
func (r Revision) Identity() string {
	if r.Origin != "" {
		return r.Origin
	}
	return r.UID
}

// Change is what one user action did: its revisions in the order they were
// made, all committed in one transaction. Undo reverts them in reverse.
type Change []Revision

// Placement is where an indicator stands: its section and its row in the
// section's table. A move's revision keeps both ends as text, with the
// section's heading so the history reads without a lookup.
type Placement struct {
	// SectionID is the section.
	SectionID int64
	// Seq is the indicator's row in the section's table.
	Seq int
	// Heading is the section's heading when the move was made.
	Heading string
}

// String is the placement as a revision stores it: "12/3 2.数字经济稳步发展".
func (p Placement) String() string {
	return fmt.Sprintf("%d/%d %s", p.SectionID, p.Seq, p.Heading)
}

// ParsePlacement reads a placement written by String.
func ParsePlacement(s string) (Placement, error) {
	ids, heading, _ := strings.Cut(s, " ")
	var p Placement
	if _, err := fmt.Sscanf(ids, "%d/%d", &p.SectionID, &p.Seq); err != nil {
		return Placement{}, fmt.Errorf("placement %q: %w", s, err)
	}
	p.Heading = heading
	return p, nil
}

// HeadingOf is the section heading a placement's text names, or the text
// itself when it is not a placement.
func HeadingOf(s string) string {
	if p, err := ParsePlacement(s); err == nil {
		return p.Heading
	}
	return s
}
