package store

import (
	"bytes"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plandesk/plan"
)

// openTemp opens a fresh store in a temp dir and closes it with the test.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "plandesk.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenCreatesDatabaseWithPragmas(t *testing.T) {
	s := openTemp(t)
	var journal, locking string
	var fk, sync int
	s.db.Raw("PRAGMA journal_mode").Scan(&journal)
	s.db.Raw("PRAGMA locking_mode").Scan(&locking)
	s.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	s.db.Raw("PRAGMA synchronous").Scan(&sync)
	if journal != "wal" || locking != "exclusive" || fk != 1 || sync != 2 {
		t.Errorf("journal=%s locking=%s foreign_keys=%d synchronous=%d; want wal exclusive 1 2(FULL)", journal, locking, fk, sync)
	}
	var version int
	s.db.Raw("SELECT max(version) FROM schema_migrations").Scan(&version)
	if version != SchemaVersion() {
		t.Errorf("schema version %d, want %d", version, SchemaVersion())
	}
}

func TestSeedIfEmptyImportsOnceAndSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if added, err := s.SeedIfEmpty(); err != nil || !added {
		t.Fatalf("first SeedIfEmpty = %v, %v; want true", added, err)
	}
	if added, err := s.SeedIfEmpty(); err != nil || added {
		t.Fatalf("second SeedIfEmpty = %v, %v; want false", added, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	reports, err := s.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("Reports = %v, %v; want one", reports, err)
	}
	r := reports[0]
	if r.Title != "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || r.Region != "汉阳区" || r.PlanPeriod != "十四五" || r.EvaluationDate != "" {
		t.Errorf("report = %+v", r)
	}
	sections, err := s.Sections(r.ID)
	if err != nil || len(sections) != 17 {
		t.Fatalf("Sections = %d, %v; want 17", len(sections), err)
	}
	paragraphs, err := s.Paragraphs(sections[1].ID)
	if err != nil || len(paragraphs) != 1 || !strings.HasPrefix(paragraphs[0].Text, "“四区支撑”全面提升。") {
		t.Fatalf("Paragraphs of %s = %v, %v", sections[1].Heading(), paragraphs, err)
	}
}

func TestOpenRefusesWhatIsNotADatabase(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty.db":  {},
		"text.db":   []byte("汉阳区国民经济和社会发展\n"),
		"random.db": []byte("\x00\x01\x02garbage that is not sqlite at all........"),
	}
	for name, content := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		if !errors.Is(err, ErrNotDatabase) {
			t.Errorf("%s: err = %v, want ErrNotDatabase", name, err)
		}
		after, _ := os.ReadFile(path)
		if string(after) != string(content) {
			t.Errorf("%s: file was modified", name)
		}
	}
}

func TestOpenRefusesCorruptDatabase(t *testing.T) {
	path := seededFile(t)
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the header and first page, scribble over the rest.
	for i := 4096; i < len(content); i++ {
		content[i] = 0xA5
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(content) {
		t.Error("corrupt file was modified")
	}
}

func TestOpenRefusesSomeoneElsesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s := openTemp(t)
	if err := s.db.Exec("VACUUM INTO ?", path).Error; err != nil {
		t.Fatal(err)
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	other.db.Exec("PRAGMA application_id = 42")
	other.Close()
	if _, err := Open(path); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("err = %v, want ErrNotDatabase", err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', CURRENT_TIMESTAMP)", SchemaVersion()+1)
	s.Close()
	if _, err := Open(path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
}

func TestOpenRefusesFileHeldByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	// A second process, as a second PlanDesk would be.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperOpen$")
	cmd.Env = append(os.Environ(), "PLANDESK_HELPER_DB="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "kind=locked") {
		t.Fatalf("helper output = %s, want kind=locked", out)
	}
}

// TestHelperOpen is run as a separate process by other tests.
func TestHelperOpen(t *testing.T) {
	path := os.Getenv("PLANDESK_HELPER_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	s, err := Open(path)
	switch {
	case err == nil:
		s.Close()
		println("kind=none")
	case errors.Is(err, ErrLocked):
		println("kind=locked")
	default:
		println("kind=other " + err.Error())
	}
}

// TestOpenLeavesAnotherProgramsFileByteForByte uses files made by plain
// SQLite, not by PlanDesk: in rollback-journal mode, with tables of their own.
func TestOpenLeavesAnotherProgramsFileByteForByte(t *testing.T) {
	dir := t.TempDir()
	for name, setup := range map[string]string{
		"other-app.db": "PRAGMA application_id = 42; CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello')",
		"plain.db":     "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)",
	} {
		path := filepath.Join(dir, name)
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(setup); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Open(path); !errors.Is(err, ErrNotDatabase) {
			t.Errorf("%s: err = %v, want ErrNotDatabase", name, err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s: opening changed the file (header byte 18/19 %d/%d → %d/%d)", name, before[18], before[19], after[18], after[19])
		}
		if _, err := os.Stat(path + "-wal"); err == nil {
			t.Errorf("%s: a -wal file was left beside it", name)
		}
	}
}

func TestOpenRefusesTruncatedDatabase(t *testing.T) {
	path := seededFile(t)
	content, _ := os.ReadFile(path)
	half := content[:len(content)/2]
	if err := os.WriteFile(path, half, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrCorrupt) {
		t.Errorf("truncated database: err = %v, want ErrCorrupt", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(half) {
		t.Error("the truncated file was modified")
	}
}

// seededFile writes a closed database holding the shipped report and
// returns its path.
func seededFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTheDatabaseFileHoldsEveryCommittedEdit: a copy of the .db file alone,
// made while the store is open (as an official copies it to a USB stick
// with the window open) a second or more after the last edit, holds every
// edit the store said it saved.
func TestTheDatabaseFileHoldsEveryCommittedEdit(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "open.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, _ := s.Indicators(reports[0].ID)
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldTarget, "300家", "测试"); err != nil {
		t.Fatal(err)
	}
	// The file is brought up to date within a second of the last write.
	time.Sleep(checkpointDelay + 500*time.Millisecond)
	raw, err := os.ReadFile(filepath.Join(dir, "open.db"))
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "stick.db")
	if err := os.WriteFile(copyPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenReadOnly(copyPath)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer c.Close()
	got, err := c.Indicator(list[0].ID)
	if err != nil || got.Target != "300家" {
		t.Errorf("the copy of the file holds target %q (%v); the edit lives only in the -wal file", got.Target, err)
	}
	if info, err := os.Stat(filepath.Join(dir, "open.db-wal")); err == nil && info.Size() > 0 {
		t.Errorf("the -wal file still holds %d bytes after the edit", info.Size())
	}
}

// TestAFailedFirstCreationLeavesNoFile: when making a new database fails
// halfway (here a schema step fails; a full disk or a kill does the same),
// nothing is left under its name, so the next start creates it afresh
// instead of refusing an empty file forever.
func TestAFailedFirstCreationLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	broken := append(migrations()[:1], migration{version: 2, name: "broken", sql: "CREATE TABLE"})
	if _, err := openWithSteps(path, broken); err == nil {
		t.Fatal("a broken schema step was accepted")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a failed creation left %s behind: %v", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed creation left %d files in the folder", len(entries))
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("the next start: %v", err)
	}
	s.Close()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after creating, the folder holds %d entries, want the database alone", len(entries))
	}
}
