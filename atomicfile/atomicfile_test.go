package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesOnlyWhenComplete(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "指标 2026.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(path, func(w io.Writer) error {
		if _, err := w.Write([]byte("half")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("a failed write changed the file to %q", got)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q", got)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != Mode {
		t.Errorf("mode %v, %v; want %v", info.Mode().Perm(), err, os.FileMode(Mode))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the file (no temporary left)", len(entries))
	}
}

func TestPlaceLetsTheProducerCreateTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	var seen string
	err := Place(path, func(tmp string) error {
		seen = tmp
		if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the temporary name exists before the producer runs: %v", err)
		}
		return os.WriteFile(tmp, []byte("db"), 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(seen) != dir {
		t.Errorf("temporary %s is not beside the target", seen)
	}
	if got, _ := os.ReadFile(path); string(got) != "db" {
		t.Errorf("file holds %q", got)
	}
	if err := Place(filepath.Join(dir, "none", "x.db"), func(string) error { return nil }); err == nil {
		t.Error("a folder that does not exist was accepted")
	}
}
