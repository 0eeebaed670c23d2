package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
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

// TestIDsAreNeverReused: after the newest indicator is deleted, the next
// one added gets a new id, in a new file and in one upgraded from schema 2
// (whose keys could be reused), where the deleted id lives on only in the
// revisions; every upgraded indicator gets its own uid.
func TestIDsAreNeverReused(t *testing.T) {
	s, list := seededWithIndicators(t)
	newest := list[len(list)-1]
	if _, err := s.DeleteIndicator(newest.ID, "测试"); err != nil {
		t.Fatal(err)
	}
	added, _, err := s.AddIndicator(plan.Indicator{ReportID: newest.ReportID, SectionID: newest.SectionID, Name: "示例新指标"}, "测试")
	if err != nil {
		t.Fatal(err)
	}
	if added.ID <= newest.ID || added.UID == "" || added.UID == newest.UID {
		t.Errorf("new indicator id %d uid %q after deleting id %d uid %q", added.ID, added.UID, newest.ID, newest.UID)
	}

	path := filepath.Join(t.TempDir(), "v2.db")
	old, err := openWithSteps(path, migrations()[:2])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO reports (id, title, imported_at) VALUES (1, '示例报告', '2026-01-01 00:00:00')`,
		`INSERT INTO sections (id, report_id, seq, depth, numbering, title) VALUES (1, 1, 0, 0, '一、', '示例')`,
		`INSERT INTO indicators (id, report_id, section_id, seq, name, updated_at) VALUES (1, 1, 1, 0, '甲', '2026-01-01 00:00:00'), (2, 1, 1, 1, '乙', '2026-01-01 00:00:00'), (3, 1, 1, 2, '丙', '2026-01-01 00:00:00')`,
		`DELETE FROM indicators WHERE id = 3`,
		`INSERT INTO revisions (report_id, indicator_id, action, old_text, at) VALUES (1, 3, 'delete', '{}', '2026-01-01 00:00:00')`,
	} {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	up, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer up.Close()
	kept, err := up.Indicators(1)
	if err != nil || len(kept) != 2 {
		t.Fatalf("after the upgrade: %d indicators, %v", len(kept), err)
	}
	if kept[0].UID == "" || kept[0].UID == kept[1].UID {
		t.Errorf("uids after the upgrade: %q, %q", kept[0].UID, kept[1].UID)
	}
	next, _, err := up.AddIndicator(plan.Indicator{ReportID: 1, SectionID: 1, Name: "丁"}, "测试")
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= 3 {
		t.Errorf("an upgraded file gave the new indicator id %d, which the deleted indicator 3 had or is below it", next.ID)
	}
	var fk int64
	up.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys stayed off after the upgrade")
	}
}

// TestProposalsGetTheSameUIDOnEveryLaptop: the same report imported into
// two databases gives its proposals the same uids.
func TestProposalsGetTheSameUIDOnEveryLaptop(t *testing.T) {
	_, a := seededWithIndicators(t)
	_, b := seededWithIndicators(t)
	if len(a) != len(b) {
		t.Fatalf("%d and %d proposals", len(a), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].UID != b[i].UID || a[i].UID == "" || seen[a[i].UID] {
			t.Errorf("proposal %d: uids %q and %q", i, a[i].UID, b[i].UID)
		}
		seen[a[i].UID] = true
	}
}
