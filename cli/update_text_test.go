package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/store"
)

func runUpdateText(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(append([]string{"update-text"}, args...), "test", &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestUpdateTextKeepsTheReport: a revised text replaces the report's
// (the same report, its id and its indicators kept), saying what it did
// and where the backup is; a file that is no report, and a report the
// database does not hold, change nothing.
func TestUpdateTextKeepsTheReport(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "cli.db")
	if code, _, errOut := runImport(seedFile(t), "--db", db); code != 0 {
		t.Fatalf("import: exit %d %s", code, errOut)
	}
	before := reportOf(t, db)
	dir := t.TempDir()
	revised := filepath.Join(dir, "修订稿.txt")
	text := strings.Replace(string(store.SeedText()), "6.文化强区加快建设", "6.文化强区建设成效明显", 1)
	if err := os.WriteFile(revised, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "图片.txt")
	if err := os.WriteFile(binary, []byte{0x89, 'P', 'N', 'G', 0, 0, 1}, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runUpdateText(binary, "--db", db); code != 1 || !strings.Contains(errOut, "不是文本文件") {
		t.Errorf("a file that is no text: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runUpdateText(revised, "--db", db, "--report", "99"); code != 1 || !strings.Contains(errOut, "99") {
		t.Errorf("no such report: exit %d, %q", code, errOut)
	}
	if got := reportOf(t, db); got.Fingerprint != before.Fingerprint {
		t.Errorf("a refused update changed the report: %+v", got)
	}
	if m, _ := filepath.Glob(db + ".before-new-text-*"); len(m) != 0 {
		t.Errorf("refusals left backups %v", m)
	}
	code, out, errOut := runUpdateText(revised, "--db", db)
	if code != 0 || !strings.Contains(out, "的原文已更新为 修订稿.txt：保留 17 节") || !strings.Contains(out, db+".before-new-text-") {
		t.Fatalf("update-text: exit %d\n%s%s", code, out, errOut)
	}
	after := reportOf(t, db)
	if after.ID != before.ID || after.SourceName != "修订稿.txt" || after.Fingerprint == before.Fingerprint {
		t.Errorf("after: %+v, before %+v", after, before)
	}
	if code, _, errOut := runUpdateText(revised, "--db", filepath.Join(dir, "none.db")); code != 1 || !strings.Contains(errOut, "不存在") {
		t.Errorf("a database that does not exist: exit %d, %q", code, errOut)
	}
}

// reportOf is the one report of the database at db.
func reportOf(t *testing.T, db string) plan.Report {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reports, err := s.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports %+v, %v", reports, err)
	}
	return reports[0]
}
