package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	sqlite "github.com/glebarez/go-sqlite"
	gormsqlite "github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store wraps the GORM handle of one PlanDesk database file.
type Store struct {
	db   *gorm.DB
	path string
	// readOnly is true for a store opened with OpenReadOnly: every write
	// fails, and the window says so.
	readOnly bool
	// idle guards the timer that checkpoints the file a second after the
	// last write (checkpointSoon), and closed, which stops it for good.
	idle      sync.Mutex
	idleTimer *time.Timer
	closed    bool
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// pragmas are applied to the store's one connection when it opens; none of
// them writes to the file. The exclusive locking mode is set before WAL
// (switched on later, once the file is known to be ours) so that SQLite keeps
// the WAL index in memory and holds the file lock for as long as the store
// is open: a second PlanDesk on the same file gets SQLITE_BUSY at once
// instead of writing beside us. busy_timeout is how long to wait for the
// file before saying another program holds it.
func pragmas(busy time.Duration) []string {
	return []string{
		fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()),
		"locking_mode(EXCLUSIVE)",
		"synchronous(FULL)",
		"foreign_keys(1)",
		"temp_store(MEMORY)", // statement journals in memory, not in temp files
	}
}

// How long Open and OpenWaiting wait for a file another PlanDesk holds:
// the window says so at once; a command waits out the other commands
// queued before it (each holds the file for its whole run, tens of
// milliseconds, several times that on a busy laptop) before giving up.
const (
	quickBusy   = 300 * time.Millisecond
	patientBusy = 10 * time.Second
)

// DefaultPath is the database in the user's per-user config folder
// (~/.config/PlanDesk on Linux, %AppData%\PlanDesk on Windows,
// ~/Library/Application Support/PlanDesk on macOS).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user's config folder: %w", err)
	}
	return filepath.Join(dir, "PlanDesk", "plandesk.db"), nil
}

// Open opens the PlanDesk database at path, creating it (and its folder) if
// it does not exist, and brings its schema up to date. A file that cannot be
// used is never modified; the error is an *OpenError whose Kind says why.
func Open(path string) (*Store, error) { return openWith(path, migrations(), quickBusy) }

// OpenWaiting is Open for a command-line write: when another PlanDesk
// command holds the file it waits for it (up to ten seconds) instead of
// failing at once; waiting, if set, is called once when the wait begins to
// be felt, after a second.
//
// SQLite's own busy handler is not asked in every case where a WAL file is
// held in exclusive mode (a second opener can get SQLITE_BUSY at once), so
// the wait is also a loop here.
func OpenWaiting(path string, waiting func()) (*Store, error) {
	start := time.Now()
	deadline := start.Add(patientBusy)
	for pause := 20 * time.Millisecond; ; pause = min(2*pause, 250*time.Millisecond) {
		s, err := openWith(path, migrations(), quickBusy)
		if !errors.Is(err, ErrLocked) || time.Now().Add(pause).After(deadline) {
			return s, err
		}
		if waiting != nil && time.Since(start) > time.Second {
			waiting()
			waiting = nil
		}
		time.Sleep(pause)
	}
}

// openWithSteps is Open with a given schema history; tests use it to make
// files as older releases did.
func openWithSteps(path string, steps []migration) (*Store, error) {
	return openWith(path, steps, quickBusy)
}

// openWith opens path with schema steps, SQLite waiting up to busy for a
// lock held by another connection.
func openWith(path string, steps []migration, busy time.Duration) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	if err := preflight(abs); err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		if err := create(abs, steps); err != nil {
			return nil, err
		}
	}
	return openAt(abs, steps, busy)
}

// create makes a new database at path under a temporary name and puts it
// in place only once its schema is in: a first start killed halfway, or
// one on a full disk, leaves no empty file that every later start would
// refuse as not a database. Should another PlanDesk have created the file
// meanwhile, that one is kept.
func create(path string, steps []migration) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return &OpenError{Path: path, Kind: kindOf(err), Err: err}
	}
	tmp := f.Name()
	_ = f.Close()
	_ = os.Remove(tmp) // SQLite creates it, as a database
	defer func() {
		for _, side := range []string{"", "-wal", "-shm", "-journal"} {
			_ = os.Remove(tmp + side)
		}
	}()
	s, err := openAt(tmp, steps, quickBusy)
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) {
			oe.Path = path
		}
		return err
	}
	if err := s.Close(); err != nil {
		return &OpenError{Path: path, Err: err}
	}
	// A hard link puts the file in place without replacing one another
	// process created meanwhile; FAT and exFAT sticks have no links, and
	// a rename does the same there.
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.Rename(tmp, path); err != nil {
			return &OpenError{Path: path, Kind: kindOf(err), Err: err}
		}
	}
	return nil
}

// openAt opens the database file at abs, which may be new, checks it and
// brings its schema up to date.
func openAt(abs string, steps []migration, busy time.Duration) (*Store, error) {
	var dsn strings.Builder
	dsn.WriteString(abs + "?_time_format=sqlite")
	for _, p := range pragmas(busy) {
		dsn.WriteString("&_pragma=" + p)
	}
	db, sqlDB, err := openOneConnection(abs, dsn.String())
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: abs}
	if err := s.check(); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	if err := s.migrateWith(steps); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	s.purgeRemoved() // left by a session that did not close
	return s, nil
}

// openOneConnection opens GORM on dsn with exactly one SQLite connection,
// kept open: the bundled SQLite 3.41 can corrupt a WAL file when several
// connections write, and the exclusive lock lives on the connection.
func openOneConnection(abs, dsn string) (*gorm.DB, *sql.DB, error) {
	db, err := gorm.Open(gormsqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
	})
	if err != nil {
		return nil, nil, classify(abs, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, nil, &OpenError{Path: abs, Err: err}
	}
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	sqlDB.SetConnMaxIdleTime(0)
	return db, sqlDB, nil
}

// OpenReadOnly opens a PlanDesk database that cannot be written, a file
// on a read-only stick or in a folder the user may not change, for reading
// only. SQLite is told the file is immutable, so it creates no -wal or
// -shm file beside it and takes no lock. The schema must already be this
// release's: an older file would need an upgrade, which is a write.
func OpenReadOnly(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, &OpenError{Path: abs, Kind: kindOf(err), Err: err}
	}
	if err := checkHeader(abs, info.Size()); err != nil {
		return nil, err
	}
	// A file: URI carries the read-only flags; on Windows the drive letter
	// needs the leading slash (file:///C:/…).
	uriPath := filepath.ToSlash(abs)
	if !strings.HasPrefix(uriPath, "/") {
		uriPath = "/" + uriPath
	}
	dsn := "file://" + (&url.URL{Path: uriPath}).EscapedPath() + "?mode=ro&immutable=1&_time_format=sqlite&_pragma=foreign_keys(1)"
	db, sqlDB, err := openOneConnection(abs, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: abs, readOnly: true}
	if err := s.check(); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	fresh, err := s.identify()
	if err == nil && fresh {
		err = &OpenError{Path: abs, Kind: ErrNotDatabase, Err: errors.New("an empty database")}
	}
	if err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	version, err := s.schemaVersion(false)
	if err == nil && version != SchemaVersion() {
		kind := ErrNewerSchema
		if version < SchemaVersion() {
			kind = ErrReadOnly // an upgrade is due, and the file cannot take it
		}
		err = &OpenError{Path: abs, Kind: kind, Err: fmt.Errorf("schema version %d, this release reads %d", version, SchemaVersion())}
	}
	if err != nil {
		_ = sqlDB.Close()
		return nil, classify(abs, err)
	}
	return s, nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// write runs fn in one transaction and, a second after the last write,
// copies what was committed from the -wal file into the database file
// itself (a checkpoint). Officials copy the .db file to a USB stick with
// the window open; without the checkpoint the copy would lack every edit
// since the last one, and a lost -wal file would lose them for good. The
// second's wait keeps a checkpoint (an fsync of the database file) out of
// each edit's time: a burst of edits is checkpointed once.
func (s *Store) write(fn func(tx *gorm.DB) error) error {
	if err := s.db.Transaction(fn); err != nil {
		if kindOf(err) == ErrDiskFull || errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("%w: %w", ErrDiskFull, err)
		}
		return err
	}
	s.checkpointSoon()
	return nil
}

// checkpointDelay is how long after the last write the database file is
// brought up to date.
const checkpointDelay = time.Second

// checkpointSoon (re)starts the wait before the next checkpoint.
func (s *Store) checkpointSoon() {
	s.idle.Lock()
	defer s.idle.Unlock()
	if s.closed {
		return
	}
	if s.idleTimer == nil {
		s.idleTimer = time.AfterFunc(checkpointDelay, s.checkpoint)
		return
	}
	s.idleTimer.Reset(checkpointDelay)
}

// checkpoint moves every committed change into the database file and
// empties the -wal file. The change is already durable in the -wal file
// (synchronous=FULL), so a checkpoint that fails costs nothing but the
// copy's freshness; the next write or Close tries again.
func (s *Store) checkpoint() {
	if s.readOnly {
		return
	}
	_ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
}

// Close moves every change into the database file and releases the file
// and its lock.
func (s *Store) Close() error {
	s.idle.Lock()
	s.closed = true
	if s.idleTimer != nil {
		s.idleTimer.Stop()
	}
	s.idle.Unlock()
	s.purgeRemoved()
	s.checkpoint()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// preflight checks, before SQLite touches anything, that an existing file
// looks like a database and that the file and its folder can be written
// (SQLite must create a -wal file beside it).
func preflight(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &OpenError{Path: path, Kind: kindOf(err), Err: err}
		}
	case err != nil:
		return &OpenError{Path: path, Kind: kindOf(err), Err: err}
	case info.IsDir():
		return &OpenError{Path: path, Kind: ErrNotDatabase, Err: errors.New("is a folder")}
	default:
		if err := checkHeader(path, info.Size()); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return &OpenError{Path: path, Kind: kindOf(err), Err: err}
		}
		_ = f.Close()
	}
	probe, err := os.CreateTemp(dir, ".plandesk-write-check-*")
	if err != nil {
		return &OpenError{Path: path, Kind: ErrReadOnly, Err: err}
	}
	_ = probe.Close()
	_ = os.Remove(probe.Name())
	return nil
}

// checkHeader rejects an existing file that does not start like a database.
func checkHeader(path string, size int64) error {
	if size == 0 {
		return &OpenError{Path: path, Kind: ErrNotDatabase, Err: errors.New("the file is empty")}
	}
	f, err := os.Open(path)
	if err != nil {
		return &OpenError{Path: path, Kind: kindOf(err), Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return &OpenError{Path: path, Kind: ErrNotDatabase, Err: errors.New("no SQLite header")}
	}
	return nil
}

// check runs SQLite's quick integrity check on the open file.
func (s *Store) check() error {
	var results []string
	if err := s.db.Raw("PRAGMA quick_check").Scan(&results).Error; err != nil {
		return classify(s.path, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return &OpenError{Path: s.path, Kind: ErrCorrupt, Err: fmt.Errorf("quick_check: %s", strings.Join(results, "; "))}
	}
	return nil
}

// classify turns an error from opening or first reading the file into an
// *OpenError with the matching kind.
func classify(path string, err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	return &OpenError{Path: path, Kind: kindOf(err), Err: err}
}

// kindOf maps SQLite result codes and file-system errors to the Err* kinds.
func kindOf(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return ErrLocked
		case 3, 8: // SQLITE_PERM, SQLITE_READONLY
			return ErrReadOnly
		case 11: // SQLITE_CORRUPT
			return ErrCorrupt
		case 13: // SQLITE_FULL
			return ErrDiskFull
		case 26: // SQLITE_NOTADB
			return ErrNotDatabase
		}
		return nil
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return ErrReadOnly
	}
	return nil
}
