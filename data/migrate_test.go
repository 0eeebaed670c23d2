package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMigrationBacksUpExistingFileFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	steps := append(migrations(), migration{version: 2, name: "notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"})
	if err := s.migrateWith(steps); err != nil {
		t.Fatalf("migrate to 2: %v", err)
	}
	var version int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	if version != 2 {
		t.Errorf("version = %d, want 2", version)
	}
	s.Close()

	backups, _ := filepath.Glob(path + ".v1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one .v1-*.bak", backups)
	}
	// The backup is a complete PlanDesk database at version 1 with the report.
	b, err := Open(backups[0])
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer b.Close()
	reports, err := b.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("backup reports = %v, %v", reports, err)
	}
	var tables []string
	b.db.Raw("SELECT name FROM sqlite_master WHERE type = 'table'").Scan(&tables)
	if strings.Contains(strings.Join(tables, ","), "notes") {
		t.Error("backup already has the version 2 table")
	}
}

func TestFailedMigrationStepChangesNothing(t *testing.T) {
	s := openTemp(t)
	steps := append(migrations(), migration{version: 2, name: "broken", sql: "CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table"})
	if err := s.migrateWith(steps); err == nil {
		t.Fatal("broken step succeeded")
	}
	var version, half int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'half'").Scan(&half)
	if version != 1 || half != 0 {
		t.Errorf("after a failed step: version %d, table half present %d; want 1, 0", version, half)
	}
}

func TestNewDatabaseIsNotBackedUp(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "plandesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".bak") {
			t.Errorf("unexpected backup %s", e.Name())
		}
	}
}
