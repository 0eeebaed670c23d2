package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plandesk/store"
)

func runSet(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunSet(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSetChangesOneFieldWithItsRevision(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "set.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, _ := s.Indicators(reports[0].ID)
	s.Close()
	id := strconv.FormatInt(list[0].ID, 10)

	code, stdout, stderr := runSet(id, "target", "300家", "--db", db)
	if code != 0 || !strings.Contains(stdout, "已保存") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	code, _, stderr = runSet("--db", db, id, "baseline", "abc")
	if code != 1 || !strings.Contains(stderr, "plandesk set: ") || !strings.ContainsAny(stderr, "数字") {
		t.Errorf("a bad number: exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{id, "colour", "red", "--db", db}, {"x", "target", "1", "--db", db}, {id, "target", "--db", db}} {
		if code, _, _ := runSet(args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}

	s, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Indicator(list[0].ID)
	if got.Target != "300家" || got.Baseline != "" {
		t.Errorf("after set: target %q baseline %q", got.Target, got.Baseline)
	}
	revs, _ := s.IndicatorRevisions(list[0].ID)
	if len(revs) == 0 || revs[0].Reviewer != defaultReviewer {
		t.Errorf("revisions %+v", revs)
	}
}
