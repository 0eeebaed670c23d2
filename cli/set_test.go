package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/store"
)

func runSet(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunSet(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// seededForSet is a database file holding the shipped report, closed, and
// the report's indicators.
func seededForSet(t *testing.T) (string, []plan.Indicator) {
	t.Helper()
	isolate(t)
	db := filepath.Join(t.TempDir(), "set.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, _ := s.Indicators(reports[0].ID)
	return db, list
}

func TestSetChangesOneFieldWithItsRevision(t *testing.T) {
	db, list := seededForSet(t)
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

	s, err := store.Open(db)
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

// TestTheCommandLineWordsAnErrorAsTheWindowDoes: the sentence `plandesk
// set` prints for a refused value is messages.Explain's, the one the
// window's cell editor shows under the cell.
func TestTheCommandLineWordsAnErrorAsTheWindowDoes(t *testing.T) {
	db, list := seededForSet(t)
	ind := list[0]
	refused := ind.Set(plan.FieldMidterm, "12abc")
	if refused == nil {
		t.Fatal("12abc was accepted")
	}
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	want := messages.Explain(refused)
	_, _, stderr := runSet("--db", db, strconv.FormatInt(list[0].ID, 10), "midterm", "12abc")
	if !strings.Contains(stderr, want) || want != "数字中不能含有字母。" {
		t.Errorf("the command line says %q; the window says %q", stderr, want)
	}
}

// TestSetTakesANegativeValue: `set ID midterm -3.5%` needs no `--`.
func TestSetTakesANegativeValue(t *testing.T) {
	db, list := seededForSet(t)
	var rate plan.Indicator
	for _, ind := range list {
		if ind.Unit == "%" {
			rate = ind
			break
		}
	}
	for _, args := range [][]string{
		{strconv.FormatInt(rate.ID, 10), "baseline", "-3.5%", "--db", db},
		{"--db", db, strconv.FormatInt(rate.ID, 10), "note", "-2"},
	} {
		if code, stdout, stderr := runSet(args...); code != 0 {
			t.Errorf("%q: exit %d %s %s", args, code, stdout, stderr)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Indicator(rate.ID)
	if got.Baseline != "-3.5%" || got.BaselineValue == nil || *got.BaselineValue != -3.5 || got.Note != "-2" {
		t.Errorf("after set: baseline %q (%v), note %q", got.Baseline, got.BaselineValue, got.Note)
	}
}
