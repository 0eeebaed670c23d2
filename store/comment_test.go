package store

import (
	"errors"
	"strings"
	"testing"

	"plandesk/plan"
)

// spanIn is a comment on the first occurrence of quote in a paragraph of
// the section.
func spanIn(t *testing.T, s *Store, sec plan.Section, quote string) plan.Comment {
	t.Helper()
	paras, err := s.Paragraphs(sec.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paras {
		if at := strings.Index(p.Text, quote); at >= 0 {
			return plan.Comment{SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: p.Seq, Start: at, End: at + len(quote)}
		}
	}
	t.Fatalf("%q is not in section %s", quote, sec.Heading())
	return plan.Comment{}
}

// sectionWithText is the first section with a paragraph.
func sectionWithText(t *testing.T, s *Store, sections []plan.Section) (plan.Section, plan.Paragraph) {
	t.Helper()
	for _, sec := range sections {
		paras, err := s.Paragraphs(sec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(paras) > 0 && len(paras[0].Text) > 12 {
			return sec, paras[0]
		}
	}
	t.Fatal("no section has text")
	return plan.Section{}, plan.Paragraph{}
}

// TestCommentAddEditDeleteUndo: a span comment is stored with its quote,
// a reply joins its thread, every change is one revision naming the
// comment, and undo and redo take back an edit and a deletion of the
// whole thread, on the real file.
func TestCommentAddEditDeleteUndo(t *testing.T) {
	s, sections := seededSections(t)
	sec, para := sectionWithText(t, s, sections)
	quote := para.Text[:9] // three Chinese characters
	c := spanIn(t, s, sec, quote)
	c.Text, c.Kind, c.Replacement = "建议改写", plan.KindChange, "改后的文字"
	added, change, err := s.AddComment(c, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if added.Quote != quote || added.State != plan.CommentOpen || added.ReportID != sec.ReportID || added.UID == "" || added.Reviewer != "张三" {
		t.Errorf("added = %+v", added)
	}
	if len(change) != 1 || change[0].CommentID != added.ID || change[0].IndicatorID != 0 || change[0].SectionID != 0 || change[0].Action != plan.ActionCreate {
		t.Errorf("creation revision = %+v", change)
	}
	reply, _, err := s.AddComment(plan.Comment{ParentID: added.ID, Text: "同意", Kind: plan.KindQuestion}, "李四")
	if err != nil {
		t.Fatal(err)
	}
	if reply.SectionID != sec.ID || reply.Kind != "" || reply.State != "" || reply.Anchor != "" {
		t.Errorf("reply = %+v: a reply takes its thread's section and holds no kind or state", reply)
	}
	// A reply to the reply joins the same thread.
	nested, _, err := s.AddComment(plan.Comment{ParentID: reply.ID, Text: "补充"}, "王五")
	if err != nil || nested.ParentID != added.ID {
		t.Fatalf("reply to a reply: %+v, %v", nested, err)
	}

	_, edit, err := s.EditComment(added.ID, plan.FieldCommentState, plan.CommentAccepted, "李四")
	if err != nil || len(edit) != 1 || edit[0].OldText != plan.CommentOpen || edit[0].NewText != plan.CommentAccepted {
		t.Fatalf("edit state = %+v, %v", edit, err)
	}
	if _, none, err := s.EditComment(added.ID, plan.FieldCommentState, plan.CommentAccepted, "李四"); err != nil || len(none) != 0 {
		t.Errorf("the same state again = %+v, %v; want no change", none, err)
	}
	if _, _, err := s.EditComment(reply.ID, plan.FieldCommentState, plan.CommentResolved, "李四"); err == nil {
		t.Error("a reply took a state of its own")
	}
	if _, _, err := s.EditComment(added.ID, plan.FieldCommentText, "  ", "李四"); err == nil {
		t.Error("an empty text was stored")
	}
	if _, err := s.Revert(edit, "李四"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Comment(added.ID); got.State != plan.CommentOpen {
		t.Errorf("after undo the state is %q", got.State)
	}

	del, err := s.DeleteComment(added.ID, "张三")
	if err != nil || len(del) != 3 {
		t.Fatalf("delete thread = %d revisions, %v; want 3 (two replies, then the comment)", len(del), err)
	}
	if list, _ := s.Comments(sec.ReportID); len(list) != 0 {
		t.Errorf("after deleting the thread %d comments remain", len(list))
	}
	if _, err := s.Revert(del, "张三"); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Comments(sec.ReportID)
	threads := plan.Threads(list)
	if len(threads) != 1 || len(threads[0].Replies) != 2 || threads[0].ID != added.ID || threads[0].UID != added.UID {
		t.Fatalf("after undoing the deletion: %+v", threads)
	}
	if _, err := s.Reapply(del, "张三"); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Comments(sec.ReportID); len(list) != 0 {
		t.Errorf("after redo %d comments remain", len(list))
	}
	if h, _ := s.CommentRevisions(added.ID); len(h) != 6 {
		t.Errorf("history of the comment = %d revisions; want add, edit, undo, delete, undo, redo", len(h))
	}
}

// TestCommentAnchorsAreChecked: anchors that do not match the report are
// refused and nothing is stored; an indicator comment keeps the name and
// the section of its indicator, and follows it when it moves.
func TestCommentAnchorsAreChecked(t *testing.T) {
	s, sections := seededSections(t)
	sec, para := sectionWithText(t, s, sections)
	for _, bad := range []plan.Comment{
		{SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: para.Seq, Start: 0, End: len(para.Text) + 1, Text: "x"},
		{SectionID: sec.ID, Anchor: plan.AnchorSpan, ParagraphSeq: para.Seq, Start: 5, End: 5, Text: "x"},
		{SectionID: sec.ID, Anchor: plan.AnchorParagraph, ParagraphSeq: 9999, Text: "x"},
		{SectionID: 9999, Anchor: plan.AnchorSection, Text: "x"},
		{Anchor: plan.AnchorIndicator, IndicatorID: 9999, Text: "x"},
		{Anchor: "elsewhere", SectionID: sec.ID, Text: "x"},
		{ParentID: 9999, Text: "x"},
	} {
		if _, _, err := s.AddComment(bad, "张三"); !errors.Is(err, ErrBadAnchor) {
			t.Errorf("AddComment(%+v) = %v, want ErrBadAnchor", bad, err)
		}
	}
	if _, _, err := s.AddComment(plan.Comment{SectionID: sec.ID, Anchor: plan.AnchorSection, Text: "x", Kind: "praise"}, "张三"); err == nil {
		t.Error("a kind that is no code was stored")
	}
	if _, _, err := s.AddComment(plan.Comment{SectionID: sec.ID, Anchor: plan.AnchorSection, Text: " "}, "张三"); err == nil {
		t.Error("an empty comment was stored")
	}
	if list, _ := s.Comments(sec.ReportID); len(list) != 0 {
		t.Fatalf("refused comments left %d rows", len(list))
	}

	inds, err := s.Indicators(sec.ReportID)
	if err != nil || len(inds) == 0 {
		t.Fatal(err)
	}
	ind := inds[0]
	c, _, err := s.AddComment(plan.Comment{Anchor: plan.AnchorIndicator, IndicatorID: ind.ID, Text: "数据来源？", Kind: plan.KindQuestion}, "张三")
	if err != nil || c.SectionID != ind.SectionID || c.Quote != ind.Name || c.ReportID != ind.ReportID {
		t.Fatalf("indicator comment = %+v, %v", c, err)
	}
	to := sections[len(sections)-1]
	if _, _, err := s.MoveIndicator(ind.ID, to.ID, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Comment(c.ID); got.SectionID != to.ID {
		t.Errorf("after moving the indicator its comment is in section %d, want %d", got.SectionID, to.ID)
	}
	if got, _ := s.SectionComments(to.ID); len(got) != 1 {
		t.Errorf("section comments of the new section = %d", len(got))
	}
	// Editing the indicator leaves its comment as it was.
	if _, _, err := s.EditIndicator(ind.ID, plan.FieldNote, "改过", "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Comment(c.ID); got.Text != "数据来源？" || got.IndicatorID != ind.ID {
		t.Errorf("after an edit of its indicator: %+v", got)
	}
}

// TestUpgradeToCommentsKeepsData: a file of schema 7 opens at schema 8
// with its section marks and revisions as they were, and takes comments.
func TestUpgradeToCommentsKeepsData(t *testing.T) {
	s := upgradedFrom(t, 7,
		`INSERT INTO reports (id, title, imported_at) VALUES (1, '示例报告', '2026-01-01 00:00:00')`,
		`INSERT INTO sections (id, report_id, seq, depth, numbering, title, review_state) VALUES (1, 1, 0, 0, '一、', '示例', 'reviewed')`,
		`INSERT INTO paragraphs (section_id, seq, text) VALUES (1, 0, '道路建成。')`,
		`INSERT INTO revisions (report_id, indicator_id, section_id, action, field, old_text, new_text, at) VALUES (1, 0, 1, 'edit', 'review_state', 'unreviewed', 'reviewed', '2026-01-01 00:00:00')`,
	)
	revs, err := s.SectionRevisions(1)
	if err != nil || len(revs) != 1 || revs[0].CommentID != 0 {
		t.Fatalf("revisions after the upgrade = %+v, %v", revs, err)
	}
	c, _, err := s.AddComment(plan.Comment{SectionID: 1, Anchor: plan.AnchorParagraph, ParagraphSeq: 0, Text: "好"}, "张三")
	if err != nil || c.Quote != "道路建成。" {
		t.Fatalf("comment after the upgrade = %+v, %v", c, err)
	}
}
