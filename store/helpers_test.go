package store

import (
	"bytes"
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
