package store

import "plandesk/store/storeerr"

// The errors Open returns, wrapped in an *OpenError that names the file;
// they are storeerr's, so errors.Is matches either name.
var (
	// ErrNotDatabase means the file exists but is not an SQLite database.
	ErrNotDatabase = storeerr.ErrNotDatabase
	// ErrCorrupt means the file is an SQLite database that fails its check.
	ErrCorrupt = storeerr.ErrCorrupt
	// ErrLocked means another PlanDesk (or another program) holds the file.
	ErrLocked = storeerr.ErrLocked
	// ErrReadOnly means the file or its folder cannot be written.
	ErrReadOnly = storeerr.ErrReadOnly
	// ErrNewerSchema means a newer PlanDesk wrote the file.
	ErrNewerSchema = storeerr.ErrNewerSchema
	// ErrChangedSince means an undo or redo found the indicator changed.
	ErrChangedSince = storeerr.ErrChangedSince
	// ErrDiskFull means a write failed for want of space.
	ErrDiskFull = storeerr.ErrDiskFull
	// ErrBadAnchor means a comment whose anchor does not match the report.
	ErrBadAnchor = storeerr.ErrBadAnchor
)

// OpenError reports why a database file could not be opened.
type OpenError = storeerr.OpenError

// DuplicateReportError refuses to import a report the database holds.
type DuplicateReportError = storeerr.DuplicateReportError

// NoReportError refuses a change to a report the database does not hold.
type NoReportError = storeerr.NoReportError

// OtherReportTextError refuses a new version of a report's text that is
// another report's text.
type OtherReportTextError = storeerr.OtherReportTextError

// The errors of merging a review package; storeerr's, as above.
var (
	// ErrUnresolved means a merge with conflicts not all resolved.
	ErrUnresolved = storeerr.ErrUnresolved
	// ErrPackReportMissing means a package of a report not here.
	ErrPackReportMissing = storeerr.ErrPackReportMissing
	// ErrBadResolution means a resolution that does not fit its conflict.
	ErrBadResolution = storeerr.ErrBadResolution
	// ErrMergeStale means the database changed since the merge was
	// planned; it is ErrChangedSince too.
	ErrMergeStale = storeerr.ErrMergeStale
)
