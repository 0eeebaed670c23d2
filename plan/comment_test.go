package plan

import (
	"strings"
	"testing"
)

// TestLocateFollowsTheQuote: a span comment finds its text where it was,
// where it moved to within its paragraph or to another paragraph, picks
// the occurrence nearest its old place, and is not found (原文已变) once
// the text is gone.
func TestLocateFollowsTheQuote(t *testing.T) {
	before := "全区新增绿道20公里，绿道总长达到210公里。"
	quote := "绿道总长"
	at := strings.Index(before, quote)
	c := Comment{Anchor: AnchorSpan, ParagraphSeq: 1, Start: at, End: at + len(quote), Quote: quote}
	para := func(id int64, seq int, text string) Paragraph {
		return Paragraph{ID: id, SectionID: 7, Seq: seq, Text: text}
	}
	cases := []struct {
		name  string
		paras []Paragraph
		want  Place
	}{
		{"unchanged", []Paragraph{para(1, 0, "概述。"), para(2, 1, before)},
			Place{ParagraphID: 2, Start: at, End: at + len(quote)}},
		{"moved within its paragraph", []Paragraph{para(3, 1, "截至2023年底，"+before)},
			Place{ParagraphID: 3, Start: at + len("截至2023年底，"), End: at + len("截至2023年底，") + len(quote)}},
		{"moved to the next paragraph", []Paragraph{para(4, 1, "概述。"), para(5, 2, before)},
			Place{ParagraphID: 5, Start: at, End: at + len(quote)}},
		{"gone", []Paragraph{para(6, 1, "全区新增绿道20公里。")}, Place{}},
	}
	for _, tc := range cases {
		if got := c.Locate(tc.paras); got != tc.want {
			t.Errorf("%s: Locate = %+v, want %+v", tc.name, got, tc.want)
		}
	}
	// Two equal quotes: the one nearest the old offset.
	twice := "绿道总长增加，" + before
	c2 := c
	c2.Start, c2.End = strings.LastIndex(twice, quote)-3, strings.LastIndex(twice, quote)-3+len(quote)
	if got := c2.Locate([]Paragraph{para(8, 1, twice)}); got.Start != strings.LastIndex(twice, quote) {
		t.Errorf("of two equal quotes Locate chose %d, want the one at %d", got.Start, strings.LastIndex(twice, quote))
	}
	if got := (Comment{Anchor: AnchorSection, Quote: "一、总体"}).Locate([]Paragraph{para(1, 0, before)}); got.Found() {
		t.Errorf("a section comment has a place in the text: %+v", got)
	}
	p := Comment{Anchor: AnchorParagraph, ParagraphSeq: 0, Quote: before}
	if got := p.Locate([]Paragraph{para(9, 0, before)}); got != (Place{ParagraphID: 9, End: len(before)}) {
		t.Errorf("paragraph comment: %+v", got)
	}
}

// TestThreadsAndCounts: replies join their thread in order, an orphan
// reply is left out, and counts are of threads, not replies.
func TestThreadsAndCounts(t *testing.T) {
	list := []Comment{
		{ID: 1, State: CommentOpen, Text: "a"},
		{ID: 2, State: CommentResolved, Text: "b"},
		{ID: 3, ParentID: 1, Text: "a1"},
		{ID: 4, ParentID: 99, Text: "orphan"},
		{ID: 5, ParentID: 1, Text: "a2"},
	}
	th := Threads(list)
	if len(th) != 2 || len(th[0].Replies) != 2 || th[0].Replies[1].Text != "a2" || len(th[1].Replies) != 0 {
		t.Fatalf("threads = %+v", th)
	}
	counts := CommentCounts(list)
	if counts[CommentOpen] != 1 || counts[CommentResolved] != 1 || counts[CommentAccepted] != 0 || len(counts) != 4 {
		t.Errorf("counts = %v", counts)
	}
	var c Comment
	if err := c.Set(FieldCommentKind, "praise"); err == nil {
		t.Error("a kind that is no code was set")
	}
	reply := Comment{ParentID: 1}
	if err := reply.Set(FieldCommentState, CommentResolved); err == nil {
		t.Error("a reply took a state")
	}
}
