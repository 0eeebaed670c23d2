package app

import (
	"errors"
	"fmt"
	"sync"

	"plandesk/plan"
	"plandesk/store"
	"plandesk/views"
)

// errNothing is returned by Undo and Redo when their stack is empty.
var errNothing = errors.New("nothing to undo or redo")

// errStoreReadOnly is returned by every change to a database that could
// only be opened for reading; messages.Explain words it.
var errStoreReadOnly = fmt.Errorf("the database is open read-only: %w", store.ErrReadOnly)

// indicatorStore is what the undo history needs from the store.
type indicatorStore interface {
	EditIndicator(id int64, f plan.Field, text, reviewer string) (plan.Indicator, plan.Change, error)
	AddIndicator(ind plan.Indicator, reviewer string) (plan.Indicator, plan.Change, error)
	DeleteIndicator(id int64, reviewer string) (plan.Change, error)
	MoveIndicator(id, sectionID int64, reviewer string) (plan.Indicator, plan.Change, error)
	ConfirmProposals(ids []int64, reviewer string) (plan.Change, error)
	Revert(c plan.Change, reviewer string) (plan.Change, error)
	Reapply(c plan.Change, reviewer string) (plan.Change, error)
}

// undoHistory makes every indicator change through the store, each its own
// transaction and revision, off the UI thread and in the order asked for,
// and keeps the session's changes for Undo and Redo. A new change clears
// what could be redone. Every callback runs on the UI thread once a change
// is on the disk: the caller's done first, then changed.
type undoHistory struct {
	store indicatorStore
	// projects makes the project changes; nil, they are refused.
	projects projectStore
	jobs     *background
	reviewer func() string
	// changed hears every change once it is on the disk.
	changed func(views.IndicatorsChange)
	// projectsChanged hears every change of projects once it is on the disk.
	projectsChanged func(views.ProjectsChange)
	// reportsChanged hears a change that deleted a report or brought one
	// back: the window's list of reports is out of date.
	reportsChanged func()
	// reviews marks sections; reviewsChanged hears an undo or redo of
	// marks, and a mark, once on the disk.
	reviews        reviewStore
	reviewsChanged func(views.ReviewsChange)
	// comments writes comments; commentsChanged hears every change of
	// them once it is on the disk.
	comments        commentStore
	commentsChanged func(views.CommentsChange)
	// askName, when set, runs a change once the reviewer's name is known,
	// asking for it at the first change without one.
	askName func(then func())
	// locked, when set, says why no change may be made now (a
	// presentation must not alter what the room is looking at; a
	// read-only file cannot take one), or nil when changes may be made.
	locked func() error

	// mu guards the stacks, which the background jobs change one at a
	// time and the menus read.
	mu   sync.Mutex
	undo []plan.Change
	redo []plan.Change
}

// Edit implements views.IndicatorEditor.
func (h *undoHistory) Edit(id int64, f plan.Field, text string, done func(plan.Indicator, error)) {
	h.named(func() { h.edit(id, f, text, done) })
}

func (h *undoHistory) edit(id int64, f plan.Field, text string, done func(plan.Indicator, error)) {
	if err := h.lockedBy(); err != nil {
		callDone(done, plan.Indicator{}, err)
		return
	}
	reviewer := h.reviewer()
	var ind plan.Indicator
	var c plan.Change
	h.jobs.run(func() (err error) {
		ind, c, err = h.store.EditIndicator(id, f, text, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		callDone(done, ind, err)
		if err == nil && len(c) > 0 {
			h.notify(views.IndicatorsChange{ReportID: ind.ReportID, Updated: []plan.Indicator{ind}})
		}
	})
}

// Add stores a new indicator; done gets it as stored.
func (h *undoHistory) Add(ind plan.Indicator, done func(plan.Indicator, error)) {
	h.named(func() { h.add(ind, done) })
}

func (h *undoHistory) add(ind plan.Indicator, done func(plan.Indicator, error)) {
	if err := h.lockedBy(); err != nil {
		callDone(done, plan.Indicator{}, err)
		return
	}
	reviewer := h.reviewer()
	var added plan.Indicator
	var c plan.Change
	h.jobs.run(func() (err error) {
		added, c, err = h.store.AddIndicator(ind, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		callDone(done, added, err)
		if err == nil {
			h.notify(views.IndicatorsChange{ReportID: added.ReportID})
		}
	})
}

// Delete removes an indicator; Undo brings it back.
func (h *undoHistory) Delete(id int64, done func(plan.Change, error)) {
	h.namedChange(done, func(reviewer string) (plan.Change, error) {
		c, err := h.store.DeleteIndicator(id, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return c, err
	})
}

// Move puts an indicator at the end of another section's table; Undo puts
// it back in its old row.
func (h *undoHistory) Move(id, sectionID int64, done func(plan.Change, error)) {
	h.namedChange(done, func(reviewer string) (plan.Change, error) {
		_, c, err := h.store.MoveIndicator(id, sectionID, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return c, err
	})
}

// ConfirmProposals accepts the proposed indicators among ids as they
// stand, in one change that one Undo reverts.
func (h *undoHistory) ConfirmProposals(ids []int64, done func(plan.Change, error)) {
	h.namedChange(done, func(reviewer string) (plan.Change, error) {
		c, err := h.store.ConfirmProposals(ids, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return c, err
	})
}

// Push records a change made elsewhere (an import), already on the disk,
// so it can be undone. It runs on the UI thread.
func (h *undoHistory) Push(c plan.Change) {
	if len(c) == 0 {
		return
	}
	h.pushDone(c)
	h.notifyChange(c)
}

// Undo reverts the last change; done gets the change undone.
func (h *undoHistory) Undo(done func(plan.Change, error)) {
	h.change(done, func(reviewer string) (plan.Change, error) {
		return h.step(&h.undo, &h.redo, "undo", func(c plan.Change) error {
			_, err := h.store.Revert(c, reviewer)
			return err
		})
	})
}

// Redo applies again the last change Undo reverted; done gets it.
func (h *undoHistory) Redo(done func(plan.Change, error)) {
	h.change(done, func(reviewer string) (plan.Change, error) {
		return h.step(&h.redo, &h.undo, "redo", func(c plan.Change) error {
			_, err := h.store.Reapply(c, reviewer)
			return err
		})
	})
}

// change runs one write of a whole change in the background and tells the
// screens to read the report again once it is on the disk.
func (h *undoHistory) change(done func(plan.Change, error), write func(reviewer string) (plan.Change, error)) {
	if err := h.lockedBy(); err != nil {
		if done != nil {
			done(nil, err)
		}
		return
	}
	reviewer := h.reviewer()
	var c plan.Change
	h.jobs.run(func() (err error) {
		c, err = write(reviewer)
		return err
	}, func(err error) {
		if done != nil {
			done(c, err)
		}
		if err == nil {
			h.notifyChange(c)
		}
	})
}

// namedChange is change for a change the reviewer makes (not an undo or
// redo, which make none of their own): the name is asked for first.
func (h *undoHistory) namedChange(done func(plan.Change, error), write func(reviewer string) (plan.Change, error)) {
	h.named(func() { h.change(done, write) })
}

// step moves the top change of from to to once do has made it on the
// disk; it runs in a background job, so stack and store stay in step.
func (h *undoHistory) step(from, to *[]plan.Change, what string, do func(plan.Change) error) (plan.Change, error) {
	h.mu.Lock()
	if len(*from) == 0 {
		h.mu.Unlock()
		return nil, errNothing
	}
	c := (*from)[len(*from)-1]
	h.mu.Unlock()
	if err := do(c); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	h.mu.Lock()
	*from = (*from)[:len(*from)-1]
	*to = append(*to, c)
	h.mu.Unlock()
	return c, nil
}

// pushDone records a change that is on the disk: it can be undone, and
// nothing can be redone any more.
func (h *undoHistory) pushDone(c plan.Change) {
	if len(c) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.undo = append(h.undo, c)
	h.redo = nil
}

func (h *undoHistory) lockedBy() error {
	if h.locked == nil {
		return nil
	}
	return h.locked()
}

// Forget empties both stacks, after a change Undo cannot take back (a new
// version of a report's text): the changes before it may name paragraphs
// and sections it replaced.
func (h *undoHistory) Forget() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.undo, h.redo = nil, nil
}

// CanUndo and CanRedo say whether the stacks hold anything.
func (h *undoHistory) CanUndo() bool { h.mu.Lock(); defer h.mu.Unlock(); return len(h.undo) > 0 }
func (h *undoHistory) CanRedo() bool { h.mu.Lock(); defer h.mu.Unlock(); return len(h.redo) > 0 }

func (h *undoHistory) notify(c views.IndicatorsChange) {
	if h.changed != nil {
		h.changed(c)
	}
}

// notifyChange tells what a whole change did: the reports it deleted or
// brought back, else the indicators of its report.
func (h *undoHistory) notifyChange(c plan.Change) {
	if len(c) == 0 {
		return
	}
	for _, r := range c {
		if r.Action == plan.ActionRemoveReport && h.reportsChanged != nil {
			h.reportsChanged()
			return
		}
	}
	if mixed(c) && h.reportsChanged != nil {
		// A merge changes everything at once: the window is built again
		// on the report, one load after the other, rather than every
		// screen reading its part at the same moment.
		h.reportsChanged()
		return
	}
	if c[0].CommentID != 0 {
		h.notifyComments(views.CommentsChange{ReportID: c[0].ReportID})
		return
	}
	if c[0].SectionID != 0 {
		h.notifyReviews(views.ReviewsChange{ReportID: c[0].ReportID})
		return
	}
	if c[0].ProjectID != 0 {
		h.notifyProjects(views.ProjectsChange{ReportID: c[0].ReportID})
		return
	}
	h.notify(views.IndicatorsChange{ReportID: c[0].ReportID})
}

func callDone(done func(plan.Indicator, error), ind plan.Indicator, err error) {
	if done != nil {
		done(ind, err)
	}
}

// mixed reports whether a change touches more than one kind of thing
// (indicators, projects, comments, review marks), as a merge does.
func mixed(c plan.Change) bool {
	kind := func(r plan.Revision) int {
		switch {
		case r.CommentID != 0:
			return 1
		case r.SectionID != 0:
			return 2
		case r.ProjectID != 0:
			return 3
		}
		return 0
	}
	for _, r := range c[1:] {
		if kind(r) != kind(c[0]) {
			return true
		}
	}
	return false
}
