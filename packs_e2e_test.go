// Uses buildPlandesk from the crash test, which needs Unix.

//go:build unix

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"plandesk/store"
)

// laptopProc is one reviewer's laptop in the end-to-end test: a database
// of its own, driven only by running the real plandesk binary, one
// process a command, as reviewers would from a terminal.
type laptopProc struct {
	t        *testing.T
	bin, dir string
	name     string // the database file's stem: a, b, c
	reviewer string
	env      []string
}

func (l *laptopProc) db() string { return filepath.Join(l.dir, l.name+".db") }

// run runs plandesk with args and --db, as reviewer, and fails the test
// unless the process exits with want; it returns what it printed.
func (l *laptopProc) run(want int, args ...string) string {
	l.t.Helper()
	cmd := exec.Command(l.bin, append(args, "--db", l.db())...)
	cmd.Env = append(slices.Clone(l.env), "PLANDESK_REVIEWER="+l.reviewer)
	out, err := cmd.CombinedOutput()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		l.t.Fatalf("%s: %q: %v", l.name, args, err)
	}
	if code != want {
		l.t.Fatalf("%s: plandesk %q: exit %d, want %d\n%s", l.name, args, code, want, out)
	}
	return string(out)
}

// pack writes a review package of the laptop's report, named for it.
func (l *laptopProc) pack(name string) string {
	l.t.Helper()
	path := filepath.Join(l.dir, name+".pdpack")
	l.run(0, "review-pack", "--out", path)
	return path
}

// state is what must agree between laptops after every merge: each
// indicator's and project's fields by uid (local ids and report ids left
// out: each database numbers its own), and the comments as listed, their
// local ids left out, in a sorted order.
func (l *laptopProc) state() (rows map[string]map[string]any, comments []string) {
	l.t.Helper()
	var sheet map[string][]map[string]any
	l.export(&sheet)
	rows = map[string]map[string]any{}
	for kind, list := range sheet {
		for _, row := range list {
			uid, _ := row["指标标识"].(string)
			if kind == "项目" {
				uid, _ = row["项目标识"].(string)
			}
			for k := range row {
				if strings.HasSuffix(k, "ID") {
					delete(row, k)
				}
			}
			rows[kind+" "+uid] = row
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(l.run(0, "comments")), "\n") {
		// The first field of a thread, the second of a reply, is a local id.
		fields := strings.Split(line, "\t")
		if i := slices.IndexFunc(fields, func(f string) bool { return f != "" }); i >= 0 && i < len(fields)-1 {
			fields = slices.Delete(fields, i, i+1)
		}
		comments = append(comments, strings.Join(fields, "\t"))
	}
	slices.Sort(comments)
	return rows, comments
}

// export runs `plandesk export --format json` and decodes the file into v.
func (l *laptopProc) export(v any) {
	l.t.Helper()
	out := filepath.Join(l.dir, l.name+"-export.json")
	l.run(0, "export", "--format", "json", "--out", out)
	data, err := os.ReadFile(out)
	if err != nil {
		l.t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		l.t.Fatal(err)
	}
}

// indicatorIDs are the local ids of the laptop's indicators, in the order
// the export lists them: the same order on every laptop that imported
// the same text.
func (l *laptopProc) indicatorIDs() []string {
	l.t.Helper()
	var sheet struct {
		Indicators []struct {
			ID int64 `json:"指标ID"`
		} `json:"指标"`
	}
	l.export(&sheet)
	ids := make([]string, len(sheet.Indicators))
	for i, ind := range sheet.Indicators {
		ids[i] = fmt.Sprint(ind.ID)
	}
	return ids
}

// threeLaptops builds the binary once and gives three laptops, each with
// a database of the shipped report imported from the same text and a
// laptop name of its own.
func threeLaptops(t *testing.T) (a, b, c *laptopProc) {
	t.Helper()
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, store.SeedText(), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "PLANDESK_LANG=en", "HOME="+dir, "XDG_CONFIG_HOME="+dir)
	laptops := []*laptopProc{
		{t: t, bin: bin, dir: dir, name: "a", reviewer: "王处长", env: env},
		{t: t, bin: bin, dir: dir, name: "b", reviewer: "李委员", env: env},
		{t: t, bin: bin, dir: dir, name: "c", reviewer: "张科长", env: env},
	}
	for _, l := range laptops {
		l.run(0, "import", report)
		l.run(0, "laptop", "--name", l.reviewer+"的笔记本")
	}
	return laptops[0], laptops[1], laptops[2]
}

// TestThreeLaptopsAgreeThroughTheBinary: three databases, three
// reviewers, every step its own plandesk process. Each edits and
// comments; packages go round A→B, B→C, C→A and once more A→B, after
// which the three hold the same data. Then both A and B change one target
// apart: B's merge of A's package lists the conflict and exits 3 having
// changed nothing (a dry run exits 3 too), --conflicts theirs resolves
// it, and B's package brings the outcome to A and C. Merging a package
// twice, or a laptop's own, changes nothing; a package with one byte
// flipped is refused with exit 1 and changes
// nothing. At the end all three agree.
func TestThreeLaptopsAgreeThroughTheBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts some forty processes")
	}
	a, b, c := threeLaptops(t)
	ids := a.indicatorIDs()
	if !slices.Equal(ids, b.indicatorIDs()) || !slices.Equal(ids, c.indicatorIDs()) || len(ids) < 4 {
		t.Fatalf("the three imports differ: %v", ids)
	}
	a.run(0, "set", ids[0], "target", "300家")
	a.run(0, "comment", "add", "--indicator", ids[1], "数据来源？")
	b.run(0, "set", ids[2], "note", "已与统计局核对")
	b.run(0, "comment", "add", "--section", "数字经济稳步发展", "请补充2023年的企业数")
	c.run(0, "set", ids[3], "note", "张科长的备注")
	c.run(0, "comment", "add", "--indicator", ids[0], "--kind", "question", "300家的依据？")

	if out := b.run(0, "merge", a.pack("a1")); !strings.Contains(out, "From 王处长 (王处长的笔记本)") || !strings.Contains(out, "Merged") {
		t.Errorf("B merging A's package said:\n%s", out)
	}
	c.run(0, "merge", b.pack("b1"))
	a.run(0, "merge", c.pack("c1"))
	b.run(0, "merge", a.pack("a2"))
	agree(t, "after the rounds", a, b, c)
	rows, comments := a.state()
	listed := strings.Join(comments, "\n")
	for _, w := range []string{"王处长\t", "数据来源？", "李委员\t", "请补充2023年的企业数", "张科长\t", "300家的依据？", "3 comments."} {
		if !strings.Contains(listed, w) {
			t.Errorf("after the rounds the comments lack %q:\n%s", w, listed)
		}
	}
	if !holdsTarget(rows, "300家") || !holdsField(rows, "备注", "已与统计局核对") || !holdsField(rows, "备注", "张科长的备注") {
		t.Errorf("after the rounds an edit is missing")
	}

	a.run(0, "set", ids[0], "target", "310家")
	b.run(0, "set", ids[0], "target", "320家")
	a3 := a.pack("a3")
	before, _ := b.state()
	b.run(3, "merge", a3, "--dry-run")
	out := b.run(3, "merge", a3)
	for _, w := range []string{"1 conflicts", "Mine (this laptop)：320家\t李委员", "Theirs (the package)：310家\t王处长", "--conflicts theirs"} {
		if !strings.Contains(out, w) {
			t.Errorf("the conflict lacks %q:\n%s", w, out)
		}
	}
	if after, _ := b.state(); !reflect.DeepEqual(before, after) {
		t.Errorf("a merge refused for its conflict changed the database")
	}
	b.run(0, "merge", a3, "--conflicts", "theirs")
	b3 := b.pack("b3")
	a.run(0, "merge", b3)
	c.run(0, "merge", b3)
	agree(t, "after the conflict", a, b, c)
	if rows, _ := c.state(); !holdsTarget(rows, "310家") || holdsTarget(rows, "320家") {
		t.Errorf("the target taken from the package is not the one on C")
	}

	mergesToNothing(t, c, b3)           // the same package twice
	mergesToNothing(t, a, a.pack("a4")) // a laptop's own package
	tamperedPackage(t, c, b3)
	agree(t, "at the end", a, b, c)
}

// agree fails the test unless the three laptops hold the same data.
func agree(t *testing.T, when string, laptops ...*laptopProc) {
	t.Helper()
	rows, comments := laptops[0].state()
	for _, l := range laptops[1:] {
		r, c := l.state()
		for key, row := range rows {
			if !reflect.DeepEqual(row, r[key]) {
				t.Errorf("%s, %s and %s differ on %s:\n%v\n%v", when, laptops[0].name, l.name, key, row, r[key])
			}
		}
		if len(r) != len(rows) {
			t.Errorf("%s, %s holds %d indicators and projects, %s %d", when, laptops[0].name, len(rows), l.name, len(r))
		}
		if !slices.Equal(comments, c) {
			t.Errorf("%s, the comments of %s and %s differ:\n%s\n--\n%s", when, laptops[0].name, l.name, strings.Join(comments, "\n"), strings.Join(c, "\n"))
		}
	}
}

// holdsTarget says whether an indicator's target is written text.
func holdsTarget(rows map[string]map[string]any, text string) bool {
	return holdsField(rows, "目标值原文", text)
}

// holdsField says whether a row's column holds text.
func holdsField(rows map[string]map[string]any, column, text string) bool {
	for _, row := range rows {
		if row[column] == text {
			return true
		}
	}
	return false
}

// mergesToNothing: merging a package whose every change the laptop holds
// (merged before, or its own) finds them all here and changes nothing.
func mergesToNothing(t *testing.T, l *laptopProc, pack string) {
	t.Helper()
	before, comments := l.state()
	if out := l.run(0, "merge", pack); !strings.Contains(out, "0 changes to apply") || !strings.Contains(out, "Nothing to merge") {
		t.Errorf("a package already here:\n%s", out)
	}
	if after, again := l.state(); !reflect.DeepEqual(before, after) || !slices.Equal(comments, again) {
		t.Errorf("merging a package already here changed the database")
	}
}

// tamperedPackage: a package with one byte of its body flipped is refused
// by its checksum with exit 1 and a sentence, and changes nothing.
func tamperedPackage(t *testing.T, l *laptopProc, pack string) {
	t.Helper()
	data, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(data), "310")
	if i < 0 {
		t.Fatal("the package does not hold the value to flip")
	}
	data[i] ^= 0x01 // 310 → 210
	bad := filepath.Join(filepath.Dir(pack), "tampered.pdpack")
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	before, comments := l.state()
	if out := l.run(1, "merge", bad); !strings.Contains(out, "checksum does not match") || !strings.Contains(out, "nothing was changed") {
		t.Errorf("the tampered package:\n%s", out)
	}
	if after, again := l.state(); !reflect.DeepEqual(before, after) || !slices.Equal(comments, again) {
		t.Errorf("a tampered package changed the database")
	}
}
