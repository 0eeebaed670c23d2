package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plandesk/plan"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	s, list := seededWithIndicators(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "周一.db")
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldTarget, "300家", "张三"); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	info, err := ValidateBackup(backup)
	if err != nil {
		t.Fatal(err)
	}
	if info.Reports != 1 || info.Indicators != 24 || info.Revisions < 1 || !strings.Contains(info.Titles[0], "汉阳区") {
		t.Errorf("backup info %+v", info)
	}

	// Later edits are undone by restoring the backup; the state before the
	// restore is kept in a safety copy.
	if _, err := s.DeleteIndicator(list[1].ID, "张三"); err != nil {
		t.Fatal(err)
	}
	restored, safety, err := Restore(s, backup)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	got, err := restored.Indicators(list[0].ReportID)
	if err != nil || len(got) != 24 {
		t.Fatalf("restored database has %d indicators (%v), want 24", len(got), err)
	}
	if ind, _ := restored.Indicator(list[0].ID); ind.Target != "300家" {
		t.Errorf("restored target %q, want the backed-up 300家", ind.Target)
	}
	safe, err := ValidateBackup(safety)
	if err != nil || safe.Indicators != 23 {
		t.Errorf("safety copy: %+v, %v; want the 23 indicators from before the restore", safe, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(restored.Path()), ".*tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	s, list := seededWithIndicators(t)
	dir := t.TempDir()
	bad := map[string][]byte{
		"empty.db":  nil,
		"random.db": []byte("这不是数据库，只是一些文字。" + strings.Repeat("x", 5000)),
	}
	// A truncated backup: the first half of a real one.
	whole := filepath.Join(dir, "whole.db")
	if err := s.BackupTo(whole); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(whole)
	bad["truncated.db"] = raw[:len(raw)/2]
	for name, content := range bad {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Restore(s, path); err == nil {
			t.Errorf("%s: restored", name)
		}
	}
	// The open store was not touched, not even closed.
	if got, err := s.Indicators(list[0].ReportID); err != nil || len(got) != 24 {
		t.Errorf("after refused restores: %d indicators, %v", len(got), err)
	}
	if safeties, _ := filepath.Glob(s.Path() + ".before-restore-*"); len(safeties) != 0 {
		t.Errorf("safety copies made for refused restores: %v", safeties)
	}
}

func TestDailyBackupOncePerDayKeepingSeven(t *testing.T) {
	s, _ := seededWithIndicators(t)
	dir := filepath.Join(t.TempDir(), "backups")
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	for i := range 10 {
		path, made, err := DailyBackup(s, dir, day.AddDate(0, 0, i), 7)
		if err != nil || !made {
			t.Fatalf("day %d: %v, made %v", i, err, made)
		}
		if _, again, _ := DailyBackup(s, dir, day.AddDate(0, 0, i).Add(5*time.Hour), 7); again {
			t.Fatalf("day %d: a second backup on the same day", i)
		}
		if _, err := ValidateBackup(path); err != nil {
			t.Fatalf("day %d backup: %v", i, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.db"))
	if len(files) != 7 {
		t.Fatalf("%d backups kept, want 7: %v", len(files), files)
	}
	if filepath.Base(files[0]) != "plandesk-2026-11-04.db" || filepath.Base(files[6]) != "plandesk-2026-11-10.db" {
		t.Errorf("kept %s … %s, want the newest seven (11-04 … 11-10)", filepath.Base(files[0]), filepath.Base(files[6]))
	}
}

func TestBackupIntoAFolderThatIsAFile(t *testing.T) {
	s, _ := seededWithIndicators(t)
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(filepath.Join(blocker, "b.db")); err == nil {
		t.Error("a backup into a file's 'folder' succeeded")
	}
	if _, _, err := DailyBackup(s, blocker, time.Now(), 7); err == nil {
		t.Error("a daily backup into a file's 'folder' succeeded")
	}
}
