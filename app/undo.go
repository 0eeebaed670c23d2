package app

import (
	"errors"
	"fmt"

	"plandesk/plan"
	"plandesk/store"
)

// errNothing is returned by Undo and Redo when their stack is empty.
var errNothing = errors.New("nothing to undo or redo")

// errStoreReadOnly is returned by every change to a database that could
// only be opened for reading; messages.Explain words it.
var errStoreReadOnly = fmt.Errorf("the database is open read-only: %w", store.ErrReadOnly)

// indicatorStore is what the undo history needs from the store.
type indicatorStore interface {
	EditIndicator(id int64, f plan.Field, text, reviewer string) (plan.Change, error)
	AddIndicator(ind plan.Indicator, reviewer string) (plan.Indicator, plan.Change, error)
	DeleteIndicator(id int64, reviewer string) (plan.Change, error)
	Revert(c plan.Change, reviewer string) (plan.Change, error)
	Reapply(c plan.Change, reviewer string) (plan.Change, error)
}

// undoHistory makes every indicator change through the store, each its own
// transaction and revision, and keeps the session's changes for Undo and
// Redo. A new change clears what could be redone.
type undoHistory struct {
	store    indicatorStore
	reviewer func() string
	changed  func()
	// locked, when set, says why no change may be made now (a
	// presentation must not alter what the room is looking at; a
	// read-only file cannot take one), or nil when changes may be made.
	locked func() error
	undo   []plan.Change
	redo   []plan.Change
}

// Edit implements views.IndicatorEditor.
func (h *undoHistory) Edit(id int64, f plan.Field, text string) error {
	if err := h.lockedBy(); err != nil {
		return err
	}
	c, err := h.store.EditIndicator(id, f, text, h.reviewer())
	if err != nil {
		return err
	}
	h.done(c)
	return nil
}

// Add stores a new indicator.
func (h *undoHistory) Add(ind plan.Indicator) (plan.Indicator, error) {
	if err := h.lockedBy(); err != nil {
		return plan.Indicator{}, err
	}
	added, c, err := h.store.AddIndicator(ind, h.reviewer())
	if err != nil {
		return plan.Indicator{}, err
	}
	h.done(c)
	return added, nil
}

// Delete removes an indicator; Undo brings it back.
func (h *undoHistory) Delete(id int64) error {
	if err := h.lockedBy(); err != nil {
		return err
	}
	c, err := h.store.DeleteIndicator(id, h.reviewer())
	if err != nil {
		return err
	}
	h.done(c)
	return nil
}

// Push records a change made elsewhere (an import) so it can be undone.
func (h *undoHistory) Push(c plan.Change) { h.done(c) }

func (h *undoHistory) done(c plan.Change) {
	if len(c) == 0 {
		return
	}
	h.undo = append(h.undo, c)
	h.redo = nil
	h.notify()
}

// Undo reverts the last change.
func (h *undoHistory) Undo() error {
	if err := h.lockedBy(); err != nil {
		return err
	}
	if len(h.undo) == 0 {
		return errNothing
	}
	c := h.undo[len(h.undo)-1]
	if _, err := h.store.Revert(c, h.reviewer()); err != nil {
		return fmt.Errorf("undo: %w", err)
	}
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, c)
	h.notify()
	return nil
}

// Redo applies again the last change Undo reverted.
func (h *undoHistory) Redo() error {
	if err := h.lockedBy(); err != nil {
		return err
	}
	if len(h.redo) == 0 {
		return errNothing
	}
	c := h.redo[len(h.redo)-1]
	if _, err := h.store.Reapply(c, h.reviewer()); err != nil {
		return fmt.Errorf("redo: %w", err)
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, c)
	h.notify()
	return nil
}

func (h *undoHistory) lockedBy() error {
	if h.locked == nil {
		return nil
	}
	return h.locked()
}

// CanUndo and CanRedo say whether the stacks hold anything.
func (h *undoHistory) CanUndo() bool { return len(h.undo) > 0 }
func (h *undoHistory) CanRedo() bool { return len(h.redo) > 0 }

func (h *undoHistory) notify() {
	if h.changed != nil {
		h.changed()
	}
}
