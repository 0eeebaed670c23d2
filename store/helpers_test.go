package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"plandesk/reporttext"
)

// parseSeed parses the shipped report as the importer does.
func parseSeed(t testing.TB) *reporttext.ParsedReport {
	t.Helper()
	p, err := reporttext.ParseReport(SeedText())
	if err != nil {
		t.Fatalf("ParseReport(seed): %v", err)
	}
	return p
}

// seedProposalCount is how many proposals the shipped report gives, as
// reporttext's golden list, written by hand, counts them.
func seedProposalCount(t testing.TB) int {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "reporttext", "testdata", "seed-indicators.golden"))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(golden, []byte("\n"))
}

// seedProjectCount is how many projects the shipped report gives, as
// reporttext's golden list, checked by hand, counts them.
func seedProjectCount(t testing.TB) int {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "reporttext", "testdata", "seed-projects.golden"))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(golden, []byte("\n"))
}

// upgradedFrom writes a database file at schema version (the first
// version steps of the migrations), runs the statements on it, and opens
// it with every step, as a newer PlanDesk would, checking that the old
// file was backed up beside it once.
func upgradedFrom(t *testing.T, version int, statements ...string) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", version))
	old, err := openWithSteps(path, migrations()[:version])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range statements {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("upgrade from schema %d: %v", version, err)
	}
	t.Cleanup(func() { s.Close() })
	if backups, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, version)); len(backups) != 1 {
		t.Errorf("backups = %v, want one .v%d-*.bak", backups, version)
	}
	return s
}
