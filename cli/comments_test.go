package cli

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(args, "test", &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestCommentAddThenList: `plandesk comment add` on a section named by
// part of its heading and on an indicator, then `plandesk comments` lists
// both with their state, kind, section and reviewer, filtered by state;
// an ambiguous or unknown section and a bad usage are refused and add
// nothing.
func TestCommentAddThenList(t *testing.T) {
	db, list := seededForSet(t)
	code, stdout, stderr := runMain("comment", "add", "--section", "数字经济稳步发展", "--reviewer", "王处长", "--db", db, "请补充2023年的企业数")
	if code != 0 || !strings.Contains(stdout, "王处长") {
		t.Fatalf("add on a section: exit %d, %s %s", code, stdout, stderr)
	}
	id := strconv.FormatInt(list[0].ID, 10)
	t.Setenv("PLANDESK_REVIEWER", "李四")
	code, stdout, stderr = runMain("comment", "add", "--indicator", id, "--kind", "question", "--db", db, "数据来源？")
	if code != 0 || !strings.Contains(stdout, list[0].Name) || !strings.Contains(stdout, "李四") {
		t.Fatalf("add on an indicator: exit %d, %s %s", code, stdout, stderr)
	}
	for _, bad := range [][]string{
		{"comment", "add", "--section", "发展", "--db", db, "x"},                      // several sections
		{"comment", "add", "--section", "不存在的标题", "--db", db, "x"},                  // none
		{"comment", "add", "--section", "数字经济", "--indicator", id, "--db", db, "x"}, // both
		{"comment", "add", "--indicator", id, "--db", db},                           // no text
		{"comment", "add", "--indicator", id, "--kind", "praise", "--db", db, "x"},
		{"comment", "remove", "--db", db},
	} {
		if code, _, stderr := runMain(bad...); code == 0 || stderr == "" {
			t.Errorf("%q: exit %d, %q", bad, code, stderr)
		}
	}
	if code, _, stderr := runMain("comment", "add", "--section", "发展", "--db", db, "x"); code != 2 || !strings.Contains(stderr, "2.数字经济稳步发展") {
		t.Errorf("an ambiguous section: exit %d, want 2 and the sections listed: %s", code, stderr)
	}

	code, stdout, stderr = runMain("comments", "--db", db)
	if code != 0 {
		t.Fatalf("comments: exit %d, %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "待处理\t意见\t2.数字经济稳步发展\t本节\t王处长") ||
		!strings.HasSuffix(lines[0], "请补充2023年的企业数") || !strings.Contains(lines[1], "问题") || lines[2] != "2 条意见。" {
		t.Errorf("comments printed:\n%s", stdout)
	}
	if code, stdout, _ := runMain("comments", "--state", "已解决", "--db", db); code != 0 || strings.TrimSpace(stdout) != "0 条意见。" {
		t.Errorf("--state 已解决: exit %d, %q", code, stdout)
	}
	if code, _, _ := runMain("comments", "--state", "done", "--db", db); code != 2 {
		t.Errorf("an unknown state: exit %d, want 2", code)
	}
}
