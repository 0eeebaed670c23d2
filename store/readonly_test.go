package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"plandesk/plan"
)

// readOnlyDir returns a folder holding a PlanDesk database (db.db) that the
// test process cannot write to: a read-only tmpfs remount when running as
// root (root ignores permission bits), permission bits otherwise.
func readOnlyDir(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Windows ignores a folder's permission bits; no read-only folder to test with")
	}
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).Run(); err != nil {
			t.Skipf("running as root without permission to mount a read-only folder: %v", err)
		}
		t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	}
	s, err := Open(filepath.Join(dir, "db.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount read-only: %v %s", err, out)
		}
	} else {
		if err := os.Chmod(filepath.Join(dir, "db.db"), 0o444); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	}
	return dir
}

func TestOpenInReadOnlyFolder(t *testing.T) {
	dir := readOnlyDir(t)
	before, err := os.ReadFile(filepath.Join(dir, "db.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"db.db", "new.db"} {
		_, err := Open(filepath.Join(dir, name))
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: err = %v, want ErrReadOnly", name, err)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "db.db"))
	if string(before) != string(after) {
		t.Error("read-only database changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("new.db was created: %v", err)
	}
}

func TestOpenReadOnlyReadsAndRefusesWrites(t *testing.T) {
	dir := readOnlyDir(t)
	path := filepath.Join(dir, "db.db")
	before, _ := os.ReadFile(path)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	reports, err := s.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports: %v, %v", reports, err)
	}
	list, err := s.Indicators(reports[0].ID)
	if err != nil || len(list) != 24 {
		t.Fatalf("indicators: %d, %v", len(list), err)
	}
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldTarget, "300家", "测试"); err == nil {
		t.Error("an edit went through on a read-only store")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the read-only file changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s file created beside a read-only database", side)
		}
	}
}

func TestOpenReadOnlyRefusesWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(empty); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("empty file: %v, want ErrNotDatabase", err)
	}
	if _, err := OpenReadOnly(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("a missing file opened")
	}
}

func TestOpenReadOnlyPathWithSpacesAndChinese(t *testing.T) {
	src := seededFile(t)
	dir := filepath.Join(t.TempDir(), "评估 资料#1")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(src)
	path := filepath.Join(dir, "汉阳 中期%评估.db")
	if err := os.WriteFile(path, raw, 0o444); err != nil {
		t.Fatal(err)
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if reports, err := s.Reports(); err != nil || len(reports) != 1 {
		t.Errorf("reports %v, %v", reports, err)
	}
	if s.Path() != path {
		t.Errorf("path %q, want %q", s.Path(), path)
	}
}
