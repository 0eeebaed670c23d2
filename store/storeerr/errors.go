// Package storeerr holds the errors store returns when a database file
// cannot be used. They live apart from store so that what only words them
// (messages, and through it every screen) need not link SQLite and GORM;
// store re-exports each under the same name.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package storeerr

import (
	"errors"
	"fmt"
)

// Errors Open returns, wrapped in an *OpenError that names the file. The app
// matches them with errors.Is to tell the user, in their language, what
// happened and what to do; none of them ever leads to the file being touched.
var (
	// ErrNotDatabase means the file exists but is not an SQLite database.
	ErrNotDatabase = errors.New("not a PlanDesk database")
	// ErrCorrupt means the file is an SQLite database that fails its check.
	ErrCorrupt = errors.New("database is corrupt")
	// ErrLocked means another PlanDesk (or another program) holds the file.
	ErrLocked = errors.New("database is in use by another program")
	// ErrReadOnly means the file or its folder cannot be written.
	ErrReadOnly = errors.New("database or its folder is read-only")
	// ErrNewerSchema means a newer PlanDesk wrote the file.
	ErrNewerSchema = errors.New("database was written by a newer PlanDesk")
)

// ErrDiskFull means a write failed for want of space on the disk; the
// transaction was rolled back, so nothing of it was saved.
var ErrDiskFull = errors.New("the disk is full")

// ErrChangedSince means an undo or redo was refused because the indicator
// changed after the change being undone or redone (another edit, an
// import, a deletion): nothing was changed.
var ErrChangedSince = errors.New("the indicator changed since")

// ErrBadAnchor means a comment whose anchor does not name what it is on:
// a span outside its paragraph, a paragraph, section, indicator or project
// that is not there or is of another report, or a reply to a comment that
// is not there.
var ErrBadAnchor = errors.New("comment anchor does not match the report")

// DuplicateReportError refuses to import a report the database already
// holds: the same text, imported before.
type DuplicateReportError struct {
	// ID and Title name the report already there.
	ID    int64
	Title string
}

func (e *DuplicateReportError) Error() string {
	return fmt.Sprintf("the database already holds this report (%d %s)", e.ID, e.Title)
}

// ErrNoText refuses a new version of a report's text that holds no
// section.
var ErrNoText = errors.New("the new text holds no section")

// NoReportError refuses a change to a report the database does not hold
// (never imported, or deleted).
type NoReportError struct {
	// ID is the report asked for.
	ID int64
}

func (e *NoReportError) Error() string { return fmt.Sprintf("the database has no report %d", e.ID) }

// OtherReportTextError refuses a new version of a report's text that is
// the text of another report of the database: most likely the wrong file,
// and two reports with one text would be one report twice.
type OtherReportTextError struct {
	// ID and Title name the report whose text it is.
	ID    int64
	Title string
}

func (e *OtherReportTextError) Error() string {
	return fmt.Sprintf("the text is that of another report (%d %s)", e.ID, e.Title)
}

// OpenError reports why a database file could not be opened.
type OpenError struct {
	// Path is the database file as given to Open.
	Path string
	// Kind is one of the Err* sentinels above, or nil for an unclassified failure.
	Kind error
	// Err is the underlying error from the file system or SQLite.
	Err error
}

func (e *OpenError) Error() string {
	if e.Kind != nil {
		return fmt.Sprintf("open database %q: %v: %v", e.Path, e.Kind, e.Err)
	}
	return fmt.Sprintf("open database %q: %v", e.Path, e.Err)
}

// Unwrap lets errors.Is match both the kind and the underlying cause.
func (e *OpenError) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.Err}
	}
	return []error{e.Kind, e.Err}
}

// ErrUnresolved refuses to merge a review package while a conflict
// between its changes and this database's has not been resolved: nothing
// was changed.
var ErrUnresolved = errors.New("the merge has unresolved conflicts")

// ErrPackReportMissing refuses to merge a review package of a report the
// database does not hold: the report must be added first.
var ErrPackReportMissing = errors.New("the database does not hold the package's report")

// ErrBadResolution refuses a conflict's resolution that cannot be: a
// typed value for a deletion, or an unknown choice.
var ErrBadResolution = errors.New("not a resolution of this conflict")

// ErrMergeStale refuses to apply a merge planned against a database that
// changed since (another window or command edited it): the preview the
// user agreed to is no longer what would happen, so nothing was changed.
// It wraps ErrChangedSince too, for callers that match either.
var ErrMergeStale = fmt.Errorf("the database changed since the merge was planned: %w", ErrChangedSince)

// ErrBadLaptopName refuses an empty laptop name or one too long to show.
var ErrBadLaptopName = errors.New("a laptop name must be 1 to 100 characters")
