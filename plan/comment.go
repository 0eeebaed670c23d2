package plan

import (
	"slices"
	"strings"
	"time"
)

// What a comment is anchored to (批注的位置). The codes are stored.
const (
	AnchorSection   = "section"   // a whole section
	AnchorParagraph = "paragraph" // one paragraph of a section's text
	AnchorSpan      = "span"      // a span of text inside a paragraph
	AnchorIndicator = "indicator" // one indicator (指标)
	AnchorProject   = "project"   // one project or task
)

// Kinds of comment (意见类型). The codes are stored; messages labels them
// 意见, 问题 and 建议修改.
const (
	KindRemark   = "remark"   // 意见: an opinion
	KindQuestion = "question" // 问题: something the drafters must answer
	KindChange   = "change"   // 建议修改: a proposed rewording, with its text
)

// States of a comment (处理状态). The codes are stored; messages labels
// them 待处理, 已采纳, 未采纳 and 已解决.
const (
	CommentOpen     = "open"     // 待处理
	CommentAccepted = "accepted" // 已采纳
	CommentRejected = "rejected" // 未采纳
	CommentResolved = "resolved" // 已解决
)

// The fields of a comment a reviewer changes after writing it. Revisions
// record them in the Field column, as the fields of indicators.
const (
	FieldCommentText  Field = "text"
	FieldCommentKind  Field = "kind"
	FieldCommentState Field = "comment_state"
	// FieldReplacement is the proposed text of a 建议修改.
	FieldReplacement Field = "replacement"
)

// CommentKinds lists the kinds in the order controls offer them.
func CommentKinds() []string { return []string{KindRemark, KindQuestion, KindChange} }

// CommentStates lists the states in the order controls offer them.
func CommentStates() []string {
	return []string{CommentOpen, CommentAccepted, CommentRejected, CommentResolved}
}

// ValidCommentKind reports whether code is one of the kinds.
func ValidCommentKind(code string) bool { return slices.Contains(CommentKinds(), code) }

// ValidCommentState reports whether code is one of the states.
func ValidCommentState(code string) bool { return slices.Contains(CommentStates(), code) }

// Comment is one opinion a reviewer wrote down (审阅意见), or a reply to
// one. A thread is a comment with its replies: the replies name it by
// ParentID and share its anchor, kind and state, which only the first
// comment of a thread holds.
type Comment struct {
	// ID is the comment's row id; a deleted comment's id is never given to
	// another.
	ID int64
	// UID is the comment's identity beyond this database, random, so that
	// comments written on two laptops never collide.
	UID string
	// ReportID is the report commented on.
	ReportID int64
	// ParentID is the comment a reply answers; 0 for a thread's first
	// comment.
	ParentID int64
	// SectionID is the section the anchor lies in: the section itself, the
	// paragraph's or the span's section, or the indicator's or project's.
	SectionID int64
	// Anchor is one of the Anchor* codes; empty for a reply.
	Anchor string
	// ParagraphSeq is the anchored paragraph's place in its section, for a
	// paragraph or a span; -1 otherwise.
	ParagraphSeq int
	// Start and End are the byte offsets of a span in its paragraph's text
	// when the comment was written (the span's anchor is Quote; these say
	// which of several equal quotes was meant). Their columns are named
	// span_start and span_end: END is a word of SQL.
	Start int `gorm:"column:span_start"`
	End   int `gorm:"column:span_end"`
	// Quote is the anchored text as it read when the comment was written:
	// the span, or the paragraph; the indicator's or project's name. It is kept when the report's text
	// changes, so a comment whose text is gone still says what it was on.
	Quote string
	// IndicatorID is the indicator commented on; 0 for other anchors.
	IndicatorID int64
	// ProjectID is the project commented on; 0 for other anchors.
	ProjectID int64
	// Kind is one of the Kind* codes; empty for a reply.
	Kind string
	// Replacement is the wording a 建议修改 proposes for its span.
	Replacement string
	// State is one of the Comment* states; empty for a reply.
	State string
	// Text is what the reviewer wrote.
	Text string
	// Reviewer is who wrote it.
	Reviewer string
	// CreatedAt is when it was written, UpdatedAt when it last changed.
	CreatedAt, UpdatedAt time.Time
}

// IsReply reports whether the comment answers another.
func (c Comment) IsReply() bool { return c.ParentID != 0 }

// Get returns a field of the comment as text.
func (c Comment) Get(f Field) string {
	switch f {
	case FieldCommentText:
		return c.Text
	case FieldCommentKind:
		return c.Kind
	case FieldCommentState:
		return c.State
	case FieldReplacement:
		return c.Replacement
	}
	return ""
}

// Set changes a field of the comment, refusing a kind or state that is
// none of the codes and an empty text.
func (c *Comment) Set(f Field, text string) error {
	switch f {
	case FieldCommentText:
		if strings.TrimSpace(text) == "" {
			return &FieldError{Field: f, Problem: ProblemEmptyComment}
		}
		c.Text = text
	case FieldCommentKind:
		if !ValidCommentKind(text) || c.IsReply() {
			return &FieldError{Field: f, Problem: ProblemBadCommentCode}
		}
		c.Kind = text
	case FieldCommentState:
		if !ValidCommentState(text) || c.IsReply() {
			return &FieldError{Field: f, Problem: ProblemBadCommentCode}
		}
		c.State = text
	case FieldReplacement:
		c.Replacement = text
	default:
		return &FieldError{Field: f, Problem: ProblemBadCommentCode}
	}
	return nil
}

// Problems of a comment, numbered apart from those of indicators and
// projects.
const (
	// ProblemEmptyComment means a comment with no text.
	ProblemEmptyComment FieldProblem = 201
	// ProblemBadCommentCode means a kind or state that is none of the
	// codes, or one given to a reply.
	ProblemBadCommentCode FieldProblem = 202
)

// Place is where a comment's anchor stands in the report's text now.
type Place struct {
	// ParagraphID is the paragraph holding the anchor; 0 when the text the
	// comment was on is no longer there (原文已变).
	ParagraphID int64
	// Start and End are the byte offsets of the anchored span in the
	// paragraph's text; the whole paragraph for a paragraph anchor.
	Start, End int
}

// Found reports whether the anchor's text is still in the report.
func (p Place) Found() bool { return p.ParagraphID != 0 }

// Locate finds a paragraph or span comment's text among its section's
// paragraphs as they read now: at its paragraph and offsets when the text
// there is still the quote, else the occurrence of the quote nearest to
// where it was, in its paragraph first, then in the section's other
// paragraphs. A quote found nowhere gives a Place that is not Found. A
// section, indicator or project anchor has no place in the text.
func (c Comment) Locate(paragraphs []Paragraph) Place {
	if c.Anchor != AnchorParagraph && c.Anchor != AnchorSpan || c.Quote == "" {
		return Place{}
	}
	// Where it was written, unchanged.
	for _, p := range paragraphs {
		if p.Seq != c.ParagraphSeq {
			continue
		}
		if c.Anchor == AnchorParagraph && p.Text == c.Quote {
			return Place{ParagraphID: p.ID, End: len(p.Text)}
		}
		if c.Anchor == AnchorSpan && c.End <= len(p.Text) && c.Start <= c.End && p.Text[c.Start:c.End] == c.Quote {
			return Place{ParagraphID: p.ID, Start: c.Start, End: c.End}
		}
		if at := nearestIndex(p.Text, c.Quote, c.Start); at >= 0 {
			return c.placeAt(p, at)
		}
	}
	// Moved to another paragraph: the nearest one holding the quote.
	best, bestAt, bestDist := Paragraph{}, -1, 0
	for _, p := range paragraphs {
		if at := strings.Index(p.Text, c.Quote); at >= 0 {
			dist := distance(p.Seq, c.ParagraphSeq)
			if bestAt < 0 || dist < bestDist {
				best, bestAt, bestDist = p, at, dist
			}
		}
	}
	if bestAt >= 0 {
		return c.placeAt(best, bestAt)
	}
	return Place{}
}

func (c Comment) placeAt(p Paragraph, at int) Place {
	if c.Anchor == AnchorParagraph && at == 0 && len(c.Quote) == len(p.Text) {
		return Place{ParagraphID: p.ID, End: len(p.Text)}
	}
	return Place{ParagraphID: p.ID, Start: at, End: at + len(c.Quote)}
}

// nearestIndex is the byte offset of the occurrence of sub in s that
// starts nearest to near, or -1 when s does not hold it.
func nearestIndex(s, sub string, near int) int {
	best := -1
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			break
		}
		at := from + i
		if best < 0 || distance(at, near) < distance(best, near) {
			best = at
		}
		from = at + 1
	}
	return best
}

func distance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}

// Thread is a comment with its replies, oldest first.
type Thread struct {
	Comment
	Replies []Comment
}

// Threads groups comments into threads in the order of their first
// comments; a reply whose thread is not among them is left out.
func Threads(comments []Comment) []Thread {
	var threads []Thread
	index := map[int64]int{}
	for _, c := range comments {
		if !c.IsReply() {
			index[c.ID] = len(threads)
			threads = append(threads, Thread{Comment: c})
		}
	}
	for _, c := range comments {
		if i, ok := index[c.ParentID]; ok && c.IsReply() {
			threads[i].Replies = append(threads[i].Replies, c)
		}
	}
	return threads
}

// CommentCounts counts the threads of a report by state.
func CommentCounts(comments []Comment) map[string]int {
	counts := make(map[string]int, 4)
	for _, s := range CommentStates() {
		counts[s] = 0
	}
	for _, c := range comments {
		if !c.IsReply() {
			counts[c.State]++
		}
	}
	return counts
}

// CommentFilter picks the threads a review pane lists; an empty field
// (0 for the section) lets every thread through.
type CommentFilter struct {
	// Reviewer is who wrote the thread's first comment or one of its
	// replies.
	Reviewer string
	// State and Kind are codes.
	State, Kind string
	// SectionID is the section the thread is anchored in.
	SectionID int64
}

// Filter returns the threads f lets through, in their order.
func (f CommentFilter) Filter(threads []Thread) []Thread {
	var out []Thread
	for _, th := range threads {
		if f.State != "" && th.State != f.State || f.Kind != "" && th.Kind != f.Kind ||
			f.SectionID != 0 && th.SectionID != f.SectionID || f.Reviewer != "" && !th.hasReviewer(f.Reviewer) {
			continue
		}
		out = append(out, th)
	}
	return out
}

func (th Thread) hasReviewer(name string) bool {
	if th.Reviewer == name {
		return true
	}
	for _, r := range th.Replies {
		if r.Reviewer == name {
			return true
		}
	}
	return false
}

// Reviewers lists who wrote the comments, in the order they first did.
func Reviewers(comments []Comment) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range comments {
		if !seen[c.Reviewer] {
			seen[c.Reviewer] = true
			out = append(out, c.Reviewer)
		}
	}
	return out
}
