// The crash test needs Unix signals: a process killed on Windows cannot be
// told apart from one that failed.

//go:build unix

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"plandesk/plan"
	"plandesk/store"
)

// killRounds is how many PlanDesk processes the crash test kills.
const killRounds = 400

// killWindow is how long after its start a process is killed at the
// latest: one and a half times as long as a change takes here when left
// alone, so that most kills land while it runs however fast the machine.
func killWindow(t *testing.T, bin string, env []string, db string, id int64) time.Duration {
	t.Helper()
	var runs []time.Duration
	for i := range 5 {
		cmd := exec.Command(bin, "set", strconv.FormatInt(id, 10), string(plan.FieldNote), fmt.Sprintf("计时%d", i), "--db", db)
		cmd.Env = env
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("a timing run failed: %v\n%s", err, out)
		}
		runs = append(runs, time.Since(start))
	}
	slices.Sort(runs)
	return runs[len(runs)/2] * 3 / 2
}

// attempt is one change a killed process was asked to make.
type attempt struct {
	value    string
	reported bool // the process said it was saved before it died
}

// TestKilledProcessesLoseNothingCommitted runs real PlanDesk processes that
// edit indicators (plandesk set) and import reports (plandesk import) on
// one database, and kills each with SIGKILL at a random moment, from
// before it opened the file to after it finished. After every kill the
// database must pass SQLite's full integrity check; at the end every
// change a process reported saved must be there (or a later one of the
// same field), and every report must be whole.
func TestKilledProcessesLoseNothingCommitted(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test starts hundreds of processes")
	}
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	db := filepath.Join(dir, "crash.db")
	ids, seedSections := seedDatabase(t, db)
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, store.SeedText(), 0o644); err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	fields := []plan.Field{plan.FieldTarget, plan.FieldMidterm, plan.FieldNote}
	attempts := map[string][]attempt{} // by "id/field"
	importsReported, importsTried, killedMidway := 0, 0, 0
	env := append(os.Environ(), "PLANDESK_LANG=en", "HOME="+dir, "XDG_CONFIG_HOME="+dir)
	window := killWindow(t, bin, env, db, ids[0])
	for round := range killRounds {
		var args []string
		key := ""
		value := ""
		if rng.IntN(10) < 7 {
			id := ids[rng.IntN(len(ids))]
			f := fields[rng.IntN(len(fields))]
			// A bare number is in the indicator's own unit, whatever it is,
			// and stays under 100 for the shares; each round's is its own.
			value = fmt.Sprintf("%d.%d", round%90+1, round/90)
			if f == plan.FieldNote {
				value = fmt.Sprintf("第%d次修改", round+1)
			}
			key = fmt.Sprintf("%d/%s", id, f)
			args = []string{"set", strconv.FormatInt(id, 10), string(f), value, "--db", db}
		} else {
			importsTried++
			args = []string{"import", report, "--again", "--db", db}
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Most kills land while the process opens the file or commits;
		// some after it is done, which must change nothing either. The
		// window follows how long a run takes now (other tests share the
		// machine): a run that ends before its kill pulls it towards 1.2×
		// that run, a kill mid-run widens it a little.
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
			window = (3*window + time.Since(start)*6/5) / 4
		case <-time.After(time.Duration(rng.Int64N(int64(window)))):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			err = <-done
			window += window / 50
		}
		if ee, ok := err.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatalf("round %d: plandesk %s failed by itself: %v\n%s", round, args[0], err, stderr.String())
			}
			killedMidway++
		}
		// A process prints its message only after the commit.
		out := stdout.String()
		if key != "" {
			attempts[key] = append(attempts[key], attempt{value: value, reported: strings.Contains(out, "Saved:")})
		} else if strings.Contains(out, "Imported") {
			importsReported++
		}
		if round%20 == 19 {
			checkDatabase(t, db, round)
		}
	}
	s := checkDatabase(t, db, killRounds)
	defer s.Close()

	// Every reported edit is there, or a later attempt on the same field.
	reportedEdits := 0
	for key, list := range attempts {
		idText, field, _ := strings.Cut(key, "/")
		id, _ := strconv.ParseInt(idText, 10, 64)
		ind, err := s.Indicator(id)
		if err != nil {
			t.Fatal(err)
		}
		got := ind.Get(plan.Field(field))
		last := -1
		for i, a := range list {
			if a.reported {
				last = i
				reportedEdits++
			}
		}
		if last < 0 {
			continue
		}
		ok := false
		for _, a := range list[last:] {
			ok = ok || a.value == got
		}
		if !ok {
			t.Errorf("%s = %q, but %q was reported saved (attempts %v)", key, got, list[last].value, list)
		}
	}

	// Every report is whole: no import is half present.
	reports, err := s.Reports()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		sections, err := s.Sections(r.ID)
		if err != nil || len(sections) != seedSections {
			t.Errorf("report %d has %d sections (%v), want %d: a half import", r.ID, len(sections), err, seedSections)
		}
	}
	imported := len(reports) - 1
	if imported < importsReported || imported > importsTried {
		t.Errorf("%d reports imported; %d were reported, %d tried", imported, importsReported, importsTried)
	}
	t.Logf("%d processes, %d killed before they ended; %d edits reported saved, all there; %d of %d imports reported, %d reports whole",
		killRounds, killedMidway, reportedEdits, importsReported, importsTried, len(reports))
	if killedMidway < 200 {
		t.Errorf("only %d processes were killed while running, want at least 200", killedMidway)
	}
}

// buildPlandesk builds the real binary into dir.
func buildPlandesk(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "plandesk")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestParallelSetsAllLand: eight `plandesk set` processes started at once
// on one database, five times over, each wait for the others instead of
// being refused; every edit is saved.
func TestParallelSetsAllLand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts forty processes")
	}
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	db := filepath.Join(dir, "parallel.db")
	ids, _ := seedDatabase(t, db)
	const writers, rounds = 8, 5
	for round := range rounds {
		var wg sync.WaitGroup
		failures := make(chan string, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				value := fmt.Sprintf("第%d轮第%d个", round, w)
				out, err := exec.Command(bin, "set", fmt.Sprint(ids[w]), "note", value, "--db", db).CombinedOutput()
				if err != nil {
					failures <- fmt.Sprintf("writer %d: %v: %s", w, err, out)
				}
			}()
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Errorf("round %d: %s", round, f)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for w := range writers {
		if got, _ := s.Indicator(ids[w]); got.Note != fmt.Sprintf("第%d轮第%d个", rounds-1, w) {
			t.Errorf("indicator %d holds note %q after the last round", ids[w], got.Note)
		}
	}
}

// seedDatabase creates db with the shipped report and returns the ids of
// its indicators and its number of sections.
func seedDatabase(t *testing.T, db string) ([]int64, int) {
	t.Helper()
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
	sections, _ := s.Sections(reports[0].ID)
	ids := make([]int64, len(list))
	for i, ind := range list {
		ids[i] = ind.ID
	}
	return ids, len(sections)
}

// checkDatabase opens db as the next PlanDesk would (recovering the WAL)
// and runs the full integrity check.
func checkDatabase(t *testing.T, db string, round int) *store.Store {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatalf("after round %d the database does not open: %v", round, err)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatalf("after round %d: %v", round, err)
	}
	if round < killRounds {
		s.Close()
		return nil
	}
	return s
}
