package messages

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// CommentKindLabel is a comment's kind in the UI language (意见, 问题,
// 建议修改), or the code itself when it is not one.
func CommentKindLabel(code string) string {
	switch code {
	case plan.KindRemark:
		return lang.L("Remark")
	case plan.KindQuestion:
		return lang.L("Question")
	case plan.KindChange:
		return lang.L("Proposed change")
	}
	return code
}

// CommentStateLabel is a comment's state in the UI language (待处理,
// 已采纳, 未采纳, 已解决), or the code itself when it is not one.
func CommentStateLabel(code string) string {
	switch code {
	case plan.CommentOpen:
		return lang.L("Pending")
	case plan.CommentAccepted:
		return lang.L("Accepted")
	case plan.CommentRejected:
		return lang.L("Not accepted")
	case plan.CommentResolved:
		return lang.L("Resolved")
	}
	return code
}

// CommentKindChoices lists the kinds with their labels.
func CommentKindChoices() []Choice {
	var out []Choice
	for _, code := range plan.CommentKinds() {
		out = append(out, Choice{Label: CommentKindLabel(code), Value: code})
	}
	return out
}

// CommentStateChoices lists the states with their labels.
func CommentStateChoices() []Choice {
	var out []Choice
	for _, code := range plan.CommentStates() {
		out = append(out, Choice{Label: CommentStateLabel(code), Value: code})
	}
	return out
}

// CommentFieldLabel names a comment's field in a change (意见内容, 类型,
// 处理状态, 建议文字).
func CommentFieldLabel(f plan.Field) string {
	switch f {
	case plan.FieldCommentText:
		return lang.L("Comment text")
	case plan.FieldCommentKind:
		return lang.L("Comment kind")
	case plan.FieldCommentState:
		return lang.L("Comment state")
	case plan.FieldReplacement:
		return lang.L("Proposed wording")
	}
	return string(f)
}

// CommentEditText describes a comment's revision for the history and the
// status line: 处理状态: 待处理 → 已采纳.
func CommentEditText(r plan.Revision) string {
	switch r.Action {
	case plan.ActionCreate:
		return lang.L("comment added")
	case plan.ActionDelete:
		return lang.L("comment deleted")
	}
	shown := func(text string) string {
		switch r.Field {
		case plan.FieldCommentKind:
			return CommentKindLabel(text)
		case plan.FieldCommentState:
			return CommentStateLabel(text)
		}
		return Shown(Clip(text, 40))
	}
	return fmt.Sprintf("%s: %s → %s", CommentFieldLabel(r.Field), shown(r.OldText), shown(r.NewText))
}

// CommentProgress is the overview's line on comments (5 条意见待处理 ·
// 共 8 条), empty when there are none.
func CommentProgress(counts map[string]int) string {
	total := 0
	for _, n := range counts {
		total += n
	}
	if total == 0 {
		return lang.L("No comments yet")
	}
	return lang.L("{{.Open}} comments open · {{.Total}} in all", map[string]any{"Open": counts[plan.CommentOpen], "Total": total})
}

// AnchorText says what a comment is on, for its card and the review pane:
// 第2段「绿道总长」, 本节, 指标「数字经济类企业」; with 原文已变 when its
// text is no longer in the report (found is false).
func AnchorText(c plan.Comment, found bool) string {
	var s string
	switch c.Anchor {
	case plan.AnchorSection:
		s = lang.L("This section")
	case plan.AnchorParagraph:
		s = lang.L("Paragraph {{.N}}", map[string]any{"N": c.ParagraphSeq + 1})
	case plan.AnchorSpan:
		s = lang.L("Paragraph {{.N}}", map[string]any{"N": c.ParagraphSeq + 1}) + "「" + Clip(c.Quote, 24) + "」"
	case plan.AnchorIndicator:
		s = lang.L("Indicator") + "「" + Clip(c.Quote, 24) + "」"
	case plan.AnchorProject:
		s = lang.L("Project") + "「" + Clip(c.Quote, 24) + "」"
	}
	if !found {
		s += " · " + lang.L("Text changed")
	}
	return s
}

// Clip shortens s to n characters, with an ellipsis when it was longer.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
