package messages

import (
	"strings"
	"testing"

	"plandesk/plan"
)

// TestTextReplacedNamesWhatMovedAndTheBackup: the summary after a new
// text counts what was kept and moved, lists the quotes whose text is
// gone, and says where the backup is; it leaves out what did not happen.
func TestTextReplacedNamesWhatMovedAndTheBackup(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	r := plan.Replacement{SectionsKept: 16, SectionsChanged: 2, SectionsAdded: 1, SectionsMerged: 1, Paragraphs: 17,
		CommentsFound: 2, CommentsMoved: 1, CommentsTextGone: 1, TextGone: []plan.Comment{{Quote: "新能源汽车长廊加快打造"}},
		IndicatorsResourced: 20, IndicatorsSourceGone: 4, ProposalsAdded: 2}
	got := TextReplaced("某区评估报告", "修订稿.docx", r, "/tmp/a.db.before-new-text-1.bak")
	for _, want := range []string{"《某区评估报告》的原文已更新为 修订稿.docx：保留 16 节（其中 2 节文字有改动），新增 1 节，共 17 段。",
		"1 节已不在新版原文中", "2 条在新版原文中找到（其中 1 条位置有变）；1 条原文已变", "\n· “新能源汽车长廊加快打造”\n",
		"新增待确认的提议：指标 2 项", "已备份为 /tmp/a.db.before-new-text-1.bak"} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary lacks %q:\n%s", want, got)
		}
	}
	if got := TextReplaced("某区评估报告", "a.txt", plan.Replacement{SectionsKept: 3}, "b.bak"); strings.Contains(got, "节已不在新版") || strings.Contains(got, "审阅意见") {
		t.Errorf("the summary of a replacement without comments or dropped sections says\n%s", got)
	}
}
