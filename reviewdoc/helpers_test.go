package reviewdoc

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plandesk/plan"
	"plandesk/store"
)

// The store is a Source.
var _ Source = (*store.Store)(nil)

// reviewDate is the date every test's report carries.
var reviewDate = time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)

// shippedInput is the shipped report as a reviewer leaves it: two sections
// reviewed, a value edited, a project's progress set, and comments — a
// remark on a paragraph with a reply, a 建议修改 with its wording, one on
// an indicator, and one whose text is no longer in the report.
func shippedInput(t testing.TB, lang string) Input {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "plandesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if _, err := st.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, err := st.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatalf("Reports: %v %v", reports, err)
	}
	id := reports[0].ID
	sections, _ := st.Sections(id)
	indicators, _ := st.Indicators(id)
	projects, _ := st.Projects(id)
	paragraphs, _ := st.ReportParagraphs(id)
	if len(sections) < 3 || len(indicators) == 0 || len(projects) == 0 {
		t.Fatalf("shipped report: %d sections, %d indicators, %d projects", len(sections), len(indicators), len(projects))
	}
	for _, s := range sections[:2] {
		if _, err := st.SetSectionReview(s.ID, plan.ReviewDone, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SetSectionReview(sections[2].ID, plan.ReviewNeedsChanges, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.EditIndicator(indicators[0].ID, plan.FieldNote, "已核对统计公报", "张三"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.EditProject(projects[0].ID, plan.FieldProgress, plan.ProgressDelayed, "李四"); err != nil {
		t.Fatal(err)
	}
	in, err := Gather(st, id, "张三", reviewDate, lang)
	if err != nil {
		t.Fatal(err)
	}
	// The comments are made here rather than through the store, which
	// dates them now: these have fixed times, and one quotes text the
	// report no longer holds.
	in.Comments = shippedComments(t, sections, paragraphs, indicators[0])
	in.Reviewers = reviewersOf("张三", in.Comments, in.Revisions)
	return in
}

// shippedComments are comments on the shipped report: on the first
// paragraph that says something, on an indicator, a 建议修改, and one on
// text that is gone.
func shippedComments(t testing.TB, sections []plan.Section, paragraphs map[int64][]plan.Paragraph, ind plan.Indicator) []plan.Comment {
	t.Helper()
	var sec plan.Section
	var para plan.Paragraph
	for _, s := range sections {
		if ps := paragraphs[s.ID]; len(ps) > 0 && len([]rune(ps[0].Text)) > 20 {
			sec, para = s, ps[0]
			break
		}
	}
	if sec.ID == 0 {
		t.Fatal("no paragraph to comment on")
	}
	quote := string([]rune(para.Text)[:8])
	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)
	return []plan.Comment{
		{ID: 1, SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: para.Seq, Start: 0, End: len(quote), Quote: quote,
			Kind: plan.KindRemark, State: plan.CommentOpen, Text: "此处表述需与统计公报口径一致。", Reviewer: "张三", CreatedAt: at},
		{ID: 2, ParentID: 1, SectionID: sec.ID, Text: "已按2023年统计公报核对。", Reviewer: "李四", CreatedAt: at.Add(time.Hour)},
		{ID: 3, SectionID: sec.ID, Anchor: plan.AnchorParagraph, ParagraphSeq: para.Seq, Quote: para.Text,
			Kind: plan.KindChange, State: plan.CommentAccepted, Replacement: "建议改为更精炼的表述。", Text: "本段过长。", Reviewer: "张三", CreatedAt: at.Add(2 * time.Hour)},
		{ID: 4, SectionID: ind.SectionID, Anchor: plan.AnchorIndicator, IndicatorID: ind.ID, ParagraphSeq: -1,
			Kind: plan.KindQuestion, State: plan.CommentResolved, Text: "中期值的统计年份？", Reviewer: "王五", CreatedAt: at.Add(3 * time.Hour)},
		{ID: 5, SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: para.Seq, Start: 0, End: 9, Quote: "已删去的一句话",
			Kind: plan.KindRemark, State: plan.CommentRejected, Text: "原文已改，意见保留。", Reviewer: "张三", CreatedAt: at.Add(4 * time.Hour)},
	}
}

// systemPython is Debian's Python, which has the python3-docx package
// (a python3 earlier on PATH, pyenv's say, may not).
const systemPython = "/usr/bin/python3"

// python runs a Python script with args, skipping the test when python3
// or the module it needs is missing.
func python(t *testing.T, module, script string, args ...string) string {
	t.Helper()
	if err := exec.Command(systemPython, "-c", "import "+module).Run(); err != nil {
		t.Skipf("%s with the module %s is not installed (apt-get install python3-docx)", systemPython, module)
	}
	out, err := exec.Command(systemPython, append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	return string(out)
}

func contains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}
