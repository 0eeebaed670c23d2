package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"plandesk/atomicfile"
)

// BackupInfo describes a backup file that passed validation.
type BackupInfo struct {
	// Path is the backup file.
	Path string
	// Reports, Indicators and Revisions count what it holds.
	Reports, Indicators, Revisions int64
	// Titles lists its reports' titles.
	Titles []string
}

// BackupTo writes a consistent copy of the database to path with VACUUM
// INTO, through atomicfile: a backup interrupted halfway leaves nothing
// that looks like a backup. An existing file at path is replaced. User
// backups, daily backups, safety copies and the copy made before a schema
// upgrade all come from here.
func (s *Store) BackupTo(path string) error {
	err := atomicfile.Place(path, func(tmp string) error {
		return s.db.Exec("VACUUM INTO ?", tmp).Error
	})
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return nil
}

// ValidateBackup checks, without changing it, that path is a whole
// PlanDesk database this release can open: a SQLite file with PlanDesk's
// id, passing SQLite's full integrity check, at this release's schema.
func ValidateBackup(path string) (BackupInfo, error) {
	s, err := OpenReadOnly(path)
	if err != nil {
		return BackupInfo{}, err
	}
	defer s.Close()
	if err := s.IntegrityCheck(); err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{Path: s.path}
	for table, n := range map[string]*int64{"reports": &info.Reports, "indicators": &info.Indicators, "revisions": &info.Revisions} {
		if err := s.db.Raw("SELECT count(*) FROM " + table).Scan(n).Error; err != nil {
			return BackupInfo{}, classify(s.path, err)
		}
	}
	reports, err := s.Reports()
	if err != nil {
		return BackupInfo{}, err
	}
	for _, r := range reports {
		info.Titles = append(info.Titles, r.Title)
	}
	return info, nil
}

// IntegrityCheck runs SQLite's full integrity check, which reads every
// page; Open runs only the quick one.
func (s *Store) IntegrityCheck() error {
	var results []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&results).Error; err != nil {
		return classify(s.path, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return &OpenError{Path: s.path, Kind: ErrCorrupt, Err: fmt.Errorf("integrity_check: %s", strings.Join(results, "; "))}
	}
	return nil
}

// Restore replaces the database of s with the backup at path. It validates
// the backup first and writes the current database to a safety copy
// beside it (returned) before anything is replaced; s is closed, and the
// restored database is returned open. If the restored file will not open,
// the safety copy is put back.
func Restore(s *Store, backup string) (restored *Store, safety string, err error) {
	if s.readOnly {
		return nil, "", &OpenError{Path: s.path, Kind: ErrReadOnly, Err: errors.New("opened read-only")}
	}
	abs, err := filepath.Abs(backup)
	if err != nil {
		return nil, "", err
	}
	if abs == s.path {
		return nil, "", errors.New("restore: the backup is the open database itself")
	}
	if _, err := ValidateBackup(abs); err != nil {
		return nil, "", fmt.Errorf("restore from %s: %w", backup, err)
	}
	safety = fmt.Sprintf("%s.before-restore-%s.bak", s.path, time.Now().Format("20060102-150405"))
	if err := s.BackupTo(safety); err != nil {
		return nil, "", fmt.Errorf("restore: keep the current database first: %w", err)
	}
	path := s.path
	if err := s.Close(); err != nil {
		return nil, safety, fmt.Errorf("restore: close the current database: %w", err)
	}
	if err := replaceFile(path, abs); err != nil {
		reopened, _ := Open(path)
		return reopened, safety, fmt.Errorf("restore: %w", err)
	}
	restored, err = Open(path)
	if err != nil {
		// Put the safety copy back rather than leave an unusable file.
		if rerr := replaceFile(path, safety); rerr == nil {
			reopened, _ := Open(path)
			return reopened, safety, fmt.Errorf("restore: the restored database did not open, the previous one is back: %w", err)
		}
		return nil, safety, fmt.Errorf("restore: the restored database did not open; the previous one is in %s: %w", safety, err)
	}
	return restored, safety, nil
}

// replaceFile copies src over dst through a synced temporary file renamed
// into place, after removing dst's -wal and -shm files, which belong to the
// database being replaced.
func replaceFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return atomicfile.Place(dst, func(tmp string) error {
		out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, atomicfile.Mode)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, in)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		for _, side := range []string{"-wal", "-shm"} {
			if err := os.Remove(dst + side); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		return nil
	})
}

// DailyBackupDir is the folder the automatic backups of the database at
// dbPath go to: "backups" beside it.
func DailyBackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// DailyBackup makes the day's automatic backup of s in dir, named after
// the database and the date (plandesk-2026-11-24.db), unless one exists
// for that day, and then keeps only the newest keep of them. It returns
// the backup's path and whether it was made now.
func DailyBackup(s *Store, dir string, now time.Time, keep int) (string, bool, error) {
	stem := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	path := filepath.Join(dir, stem+"-"+now.Format("2006-01-02")+".db")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, fmt.Errorf("daily backup: %w", err)
	}
	if err := s.BackupTo(path); err != nil {
		return "", false, fmt.Errorf("daily backup: %w", err)
	}
	old, err := filepath.Glob(filepath.Join(dir, stem+"-????-??-??.db"))
	if err != nil {
		return path, true, err
	}
	slices.Sort(old) // dates sort as text
	for len(old) > keep {
		if err := os.Remove(old[0]); err != nil {
			return path, true, fmt.Errorf("daily backup: prune: %w", err)
		}
		old = old[1:]
	}
	return path, true, nil
}
