package cli

import (
	"bytes"
	"strings"
	"testing"
)

func runSearch(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(append([]string{"search"}, args...), "test", &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestSearchPrintsHitsWithKindSectionAndContext runs `plandesk search`
// on the shipped report: a full-width number finds the paragraph and the
// indicator, each line with its kind, section and context.
func TestSearchPrintsHitsWithKindSectionAndContext(t *testing.T) {
	db, _ := seededForSet(t)
	code, stdout, stderr := runSearch("２１０家", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	want := []string{
		"正文\t2.数字经济稳步发展\t",
		"指标\t2.数字经济稳步发展\t数字经济类企业：突破210家",
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, w)
		}
		if !found {
			t.Errorf("no line starting %q in:\n%s", w, stdout)
		}
	}
	if last := lines[len(lines)-1]; last != "找到 2 处“２１０家”。" {
		t.Errorf("last line %q", last)
	}

	code, stdout, _ = runSearch("--report", "1", "--db", db, "不存在的词语")
	if code != 0 || strings.TrimSpace(stdout) != "未找到“不存在的词语”。" {
		t.Errorf("nothing found: exit %d, %q", code, stdout)
	}
	for _, args := range [][]string{{"--db", db}, {"a", "b", "--db", db}} {
		if code, _, _ := runSearch(args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := runSearch("x", "--report", "99", "--db", db); code != 1 || !strings.Contains(stderr, "99") {
		t.Errorf("an unknown report: exit %d, %q", code, stderr)
	}
}
