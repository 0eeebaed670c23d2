package store

import (
	"fmt"
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
	next := SchemaVersion() + 1
	steps := append(migrations(), migration{version: next, name: "notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"})
	if err := s.migrateWith(steps); err != nil {
		t.Fatalf("migrate to %d: %v", next, err)
	}
	var version int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	if version != next {
		t.Errorf("version = %d, want %d", version, next)
	}
	s.Close()

	backups, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, next-1))
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one .v%d-*.bak", backups, next-1)
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
		t.Error("backup already has the new table")
	}
}

// TestUpgradeFromVersionOneKeepsReports opens a file made by the first
// release (schema 1, with the shipped report) with the current PlanDesk.
func TestUpgradeFromVersionOneKeepsReports(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Rebuild the file as schema 1 only.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		_ = os.Remove(path + suffix)
	}
	old, err := openWithSteps(path, migrations()[:1])
	if err != nil {
		t.Fatal(err)
	}
	// What the first release stored for a report, written as it did.
	if err := old.db.Exec(`INSERT INTO reports (id, title, imported_at) VALUES (1, '旧报告', CURRENT_TIMESTAMP);
		INSERT INTO sections (id, report_id, seq, depth, numbering, title) VALUES (1, 1, 0, 0, '一、', '成效');
		INSERT INTO paragraphs (section_id, seq, text) VALUES (1, 0, '道路建成。')`).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	var version int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	if version != SchemaVersion() {
		t.Errorf("version %d after upgrade, want %d", version, SchemaVersion())
	}
	reports, err := s.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports after upgrade = %v, %v", reports, err)
	}
	if _, err := s.Indicators(reports[0].ID); err != nil {
		t.Errorf("indicators table after upgrade: %v", err)
	}
	if backups, _ := filepath.Glob(path + ".v1-*.bak"); len(backups) != 1 {
		t.Errorf("backups = %v, want one .v1-*.bak", backups)
	}
}

func TestFailedMigrationStepChangesNothing(t *testing.T) {
	s := openTemp(t)
	steps := append(migrations(), migration{version: SchemaVersion() + 1, name: "broken", sql: "CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table"})
	if err := s.migrateWith(steps); err == nil {
		t.Fatal("broken step succeeded")
	}
	var version, half int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'half'").Scan(&half)
	if version != SchemaVersion() || half != 0 {
		t.Errorf("after a failed step: version %d, table half present %d; want %d, 0", version, half, SchemaVersion())
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
