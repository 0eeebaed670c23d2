package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plandesk/store"
)

// indicatorTarget is the target text of an indicator in the database file.
func indicatorTarget(t *testing.T, db string, id int64) string {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ind, err := s.Indicator(id)
	if err != nil {
		t.Fatal(err)
	}
	return ind.Target
}

// mustRun runs the command line and fails the test unless it exits with
// want; it returns what it printed.
func mustRun(t *testing.T, want int, args ...string) string {
	t.Helper()
	code, stdout, stderr := runMain(args...)
	if code != want {
		t.Fatalf("%q: exit %d, want %d\n%s%s", args, code, want, stdout, stderr)
	}
	return stdout + stderr
}

// TestReviewPackThenMerge: a package written by `plandesk review-pack`
// carries an edit and a comment to another database; `plandesk merge
// --dry-run` shows who sent it and what it holds and changes nothing;
// `plandesk merge` applies it and says so; the same package again changes
// nothing; --since leaves out what the earlier package held.
func TestReviewPackThenMerge(t *testing.T) {
	a, list := seededForSet(t)
	b, _ := seededForSet(t)
	dir := t.TempDir()
	pack := filepath.Join(dir, "a.pdpack")
	id := strconv.FormatInt(list[0].ID, 10)
	t.Setenv("PLANDESK_REVIEWER", "王处长")
	mustRun(t, 0, "laptop", "--name", "王处长的笔记本", "--db", a)
	mustRun(t, 0, "set", id, "target", "300家", "--db", a)
	mustRun(t, 0, "comment", "add", "--indicator", id, "--db", a, "数据来源？")
	if out := mustRun(t, 0, "review-pack", "--out", pack, "--db", a); !strings.Contains(out, "含 3 项更改") || !strings.Contains(out, pack) {
		t.Errorf("review-pack said: %s", out)
	}

	t.Setenv("PLANDESK_REVIEWER", "汇总人")
	out := mustRun(t, 0, "merge", pack, "--dry-run", "--db", b)
	for _, w := range []string{"来自 王处长（王处长的笔记本）", "将应用 3 项更改 · 已有 0 项 · 冲突 0 项", "王处长 · 指标「" + list[0].Name + "」 · 目标值：（空） → 300家", "试运行"} {
		if !strings.Contains(out, w) {
			t.Errorf("the dry run lacks %q:\n%s", w, out)
		}
	}
	if got := indicatorTarget(t, b, list[0].ID); got != "" {
		t.Fatalf("the dry run changed the target to %q", got)
	}
	if out := mustRun(t, 0, "merge", pack, "--db", b); !strings.Contains(out, "已合并来自 王处长 的 3 项更改") {
		t.Errorf("merge said: %s", out)
	}
	if got := indicatorTarget(t, b, list[0].ID); got != "300家" {
		t.Errorf("after the merge the target is %q", got)
	}
	if out := mustRun(t, 0, "comments", "--db", b); !strings.Contains(out, "王处长") || !strings.Contains(out, "数据来源？") {
		t.Errorf("the comment did not arrive:\n%s", out)
	}
	if out := mustRun(t, 0, "merge", pack, "--db", b); !strings.Contains(out, "已有 3 项") || !strings.Contains(out, "没有需要合并的内容") {
		t.Errorf("the same package again: %s", out)
	}

	t.Setenv("PLANDESK_REVIEWER", "王处长")
	mustRun(t, 0, "set", id, "note", "已核对", "--db", a)
	if out := mustRun(t, 0, "review-pack", "--out", filepath.Join(dir, "a2.pdpack"), "--since", pack, "--db", a); !strings.Contains(out, "含 1 项更改") {
		t.Errorf("--since: %s", out)
	}
}

// TestMergeConflictExitsThreeUntilResolved: the same target set apart on
// two laptops is a conflict: merge lists both sides (value, who) and
// exits 3 having changed nothing, --dry-run too; --conflicts theirs
// takes the package's value; a bad --conflicts is a usage error.
func TestMergeConflictExitsThreeUntilResolved(t *testing.T) {
	a, list := seededForSet(t)
	b, _ := seededForSet(t)
	pack := filepath.Join(t.TempDir(), "a.pdpack")
	id := strconv.FormatInt(list[0].ID, 10)
	t.Setenv("PLANDESK_REVIEWER", "王处长")
	mustRun(t, 0, "set", id, "target", "300家", "--db", a)
	mustRun(t, 0, "review-pack", "--out", pack, "--db", a)
	t.Setenv("PLANDESK_REVIEWER", "李委员")
	mustRun(t, 0, "set", id, "target", "320家", "--db", b)

	for _, args := range [][]string{{"merge", pack, "--db", b}, {"merge", pack, "--dry-run", "--db", b}} {
		out := mustRun(t, 3, args...)
		for _, w := range []string{"冲突 1 项", "指标「" + list[0].Name + "」 · 目标值", "本机：320家\t李委员", "对方（审阅包）：300家\t王处长", "--conflicts theirs"} {
			if !strings.Contains(out, w) {
				t.Errorf("%q lacks %q:\n%s", args, w, out)
			}
		}
		if got := indicatorTarget(t, b, list[0].ID); got != "320家" {
			t.Fatalf("%q changed the target to %q", args, got)
		}
	}
	mustRun(t, 2, "merge", pack, "--conflicts", "both", "--db", b)
	if out := mustRun(t, 0, "merge", pack, "--conflicts", "theirs", "--db", b); !strings.Contains(out, "1 项冲突采用了审阅包的值") {
		t.Errorf("--conflicts theirs said: %s", out)
	}
	if got := indicatorTarget(t, b, list[0].ID); got != "300家" {
		t.Errorf("--conflicts theirs left the target %q", got)
	}
}

// TestMergeRefusesWhatIsNoGoodPackage: a tampered or truncated package, a
// file that is no package, one from a newer PlanDesk and one not there are
// refused with exit 1 and a sentence
// saying nothing was changed; the database is as it was.
func TestMergeRefusesWhatIsNoGoodPackage(t *testing.T) {
	a, list := seededForSet(t)
	b, _ := seededForSet(t)
	dir := t.TempDir()
	pack := filepath.Join(dir, "a.pdpack")
	mustRun(t, 0, "set", strconv.FormatInt(list[0].ID, 10), "target", "300家", "--db", a)
	mustRun(t, 0, "review-pack", "--out", pack, "--db", a)
	data, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	tampered := filepath.Join(dir, "tampered.pdpack")
	if err := os.WriteFile(tampered, []byte(strings.Replace(string(data), "300家", "900家", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"other.json":       `{"指标": []}`,
		"newer.pdpack":     `{"format":"plandesk-review-pack","version":99,"checksum":"","pack":{}}`,
		"truncated.pdpack": string(data[:len(data)/2]),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for file, want := range map[string]string{
		tampered: "校验和不符", filepath.Join(dir, "truncated.pdpack"): "校验和不符", filepath.Join(dir, "other.json"): "不是规划评估台的审阅包",
		filepath.Join(dir, "newer.pdpack"): "请升级规划评估台", filepath.Join(dir, "none.pdpack"): "找不到",
	} {
		if out := mustRun(t, 1, "merge", file, "--db", b); !strings.Contains(out, want) {
			t.Errorf("%s: %s lacks %q", file, out, want)
		}
		if out := mustRun(t, 1, "review-pack", "--out", filepath.Join(dir, "x.pdpack"), "--since", file, "--db", a); !strings.Contains(out, want) {
			t.Errorf("--since %s: %s lacks %q", file, out, want)
		}
	}
	if got := indicatorTarget(t, b, list[0].ID); got != "" {
		t.Errorf("a refused package changed the target to %q", got)
	}
	mustRun(t, 2, "merge", "--db", b)
	mustRun(t, 2, "review-pack", "--db", a)
}

// TestMergeAddsTheReportItDoesNotHold: merging a package into a database
// without its report adds the report from the package and says so; a dry
// run only says it would.
func TestMergeAddsTheReportItDoesNotHold(t *testing.T) {
	a, list := seededForSet(t)
	empty := filepath.Join(t.TempDir(), "empty.db")
	s, err := store.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	pack := filepath.Join(t.TempDir(), "a.pdpack")
	mustRun(t, 0, "set", strconv.FormatInt(list[0].ID, 10), "target", "300家", "--db", a)
	mustRun(t, 0, "review-pack", "--out", pack, "--db", a)
	if out := mustRun(t, 0, "merge", pack, "--dry-run", "--db", empty); !strings.Contains(out, "合并时将先从审阅包添加该报告") {
		t.Errorf("the dry run said: %s", out)
	}
	if out := mustRun(t, 0, "reports", "--db", empty); strings.Contains(out, "汉阳区") {
		t.Errorf("the dry run added the report: %s", out)
	}
	out := mustRun(t, 0, "merge", pack, "--db", empty)
	if !strings.Contains(out, "已从审阅包添加") || !strings.Contains(out, "已合并来自 命令行 的") {
		t.Errorf("merge said: %s", out)
	}
	if out := mustRun(t, 0, "export", "--format", "json", "--out", filepath.Join(t.TempDir(), "x.json"), "--db", empty); !strings.Contains(out, "24") {
		t.Errorf("the added report: %s", out)
	}
}

// TestLaptopShowsAndSetsTheName: `plandesk laptop` shows the name and
// uid; --name sets it; an empty or overlong name is refused.
func TestLaptopShowsAndSetsTheName(t *testing.T) {
	db, _ := seededForSet(t)
	out := mustRun(t, 0, "laptop", "--db", db)
	if !strings.Contains(out, "本机名称为") || !strings.Contains(out, "uid ") {
		t.Errorf("laptop: %s", out)
	}
	mustRun(t, 0, "laptop", "--name", "王处长的笔记本", "--db", db)
	if out := mustRun(t, 0, "laptop", "--db", db); !strings.Contains(out, "“王处长的笔记本”") {
		t.Errorf("after --name: %s", out)
	}
	for _, bad := range []string{"", " ", strings.Repeat("长", 101)} {
		if out := mustRun(t, 1, "laptop", "--name", bad, "--db", db); !strings.Contains(out, "1 至 100 个字符") {
			t.Errorf("--name %q: %s", bad, out)
		}
	}
	mustRun(t, 2, "laptop", "extra", "--db", db)
	mustRun(t, 1, "laptop", "--db", filepath.Join(t.TempDir(), "none.db"))
}
