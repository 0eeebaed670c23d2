package targets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
)

// seedIndicators are the shipped report's proposed indicators as
// reporttext's golden list, written by hand, gives them: ids from 1 in
// its order, mid-term values and units as the import stores them.
func seedIndicators(t testing.TB) []plan.Indicator {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("..", "reporttext", "testdata", "seed-indicators.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var list []plan.Indicator
	for _, line := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		f := strings.Split(line, " | ")
		if len(f) != 4 {
			t.Fatalf("golden line %q", line)
		}
		ind := plan.Indicator{ID: int64(len(list) + 1), ReportID: 1, SectionID: 1, Name: f[1], Midterm: f[2], Unit: f[3],
			Direction: plan.DirectionUp, State: plan.StateProposed}
		if err := ind.ReadValues(); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		list = append(list, ind)
	}
	return list
}
