package messages

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// PackSender says who sent a review package: 来自 李委员（李委员的笔记本），
// 2026-12-03 14:20.
func PackSender(reviewer, laptopName string, created time.Time) string {
	return lang.L("From {{.Who}} ({{.Laptop}}), {{.When}}", map[string]any{
		"Who": Shown(reviewer), "Laptop": Shown(laptopName), "When": created.Local().Format("2006-01-02 15:04")})
}

// MergeCounts is the preview's summary line: how many changes apply, are
// here already, conflict, and have nothing here to apply to.
func MergeCounts(apply, already, conflicts, orphans int) string {
	s := lang.L("{{.Apply}} changes to apply · {{.Already}} already here · {{.Conflicts}} conflicts",
		map[string]any{"Apply": apply, "Already": already, "Conflicts": conflicts})
	if orphans > 0 {
		s += " · " + lang.L("{{.Count}} on things this database never had (merge the sender's earlier package first, or ask for a whole package)", map[string]any{"Count": orphans})
	}
	return s
}

// PackKindLabel names what a change changes: 指标, 项目, 意见, 章节.
func PackKindLabel(kind string) string {
	switch kind {
	case reviewpack.KindIndicator:
		return lang.L("Indicator")
	case reviewpack.KindProject:
		return lang.L("Project")
	case reviewpack.KindComment:
		return lang.L("Comment")
	case reviewpack.KindSection:
		return lang.L("Section")
	}
	return kind
}

// PackFieldLabel names a field of what a change changes.
func PackFieldLabel(kind, field string) string {
	f := plan.Field(field)
	switch kind {
	case reviewpack.KindProject:
		return ProjectFieldLabel(f)
	case reviewpack.KindComment:
		return CommentFieldLabel(f)
	}
	return FieldLabel(f)
}

// PackValue is a field's value as the preview shows it: a code by its
// label (a state, a progress, a review mark), text as written.
func PackValue(kind, field, value string) string {
	f := plan.Field(field)
	switch {
	case kind == reviewpack.KindComment && f == plan.FieldCommentState:
		return CommentStateLabel(value)
	case kind == reviewpack.KindComment && f == plan.FieldCommentKind:
		return CommentKindLabel(value)
	case kind == reviewpack.KindProject && f == plan.FieldProgress:
		return ProgressLabel(value)
	case f == plan.FieldReview:
		return ReviewLabel(value)
	}
	return ShownField(f, Clip(value, 80))
}

// PackChangeLine is one change of a package on a line: who, what, and
// the value before and after (李委员 · 指标「数字经济类企业」· 目标值：（空）
// → 300家), or that it was added or deleted.
func PackChangeLine(c reviewpack.Change, name string) string {
	what := PackKindLabel(c.Kind) + "「" + Clip(name, 30) + "」"
	var did string
	switch c.Action {
	case plan.ActionCreate:
		did = lang.L("added")
	case plan.ActionDelete:
		did = lang.L("deleted")
	case plan.ActionMove:
		did = lang.L("moved to another section")
	default:
		did = PackFieldLabel(c.Kind, c.Field) + "：" + PackValue(c.Kind, c.Field, c.Old) + " → " + PackValue(c.Kind, c.Field, c.New)
	}
	return Shown(c.Reviewer) + " · " + what + " · " + did
}

// ConflictTitle says what a conflict is about: 指标「数字经济类企业」·
// 目标值, or that one side deleted what the other edited.
func ConflictTitle(kind, name, field string, deletedHere, deletedThere bool) string {
	title := PackKindLabel(kind) + "「" + Clip(name, 40) + "」"
	switch {
	case deletedHere:
		return title + " · " + lang.L("deleted here, edited in the package")
	case deletedThere:
		return title + " · " + lang.L("deleted in the package, edited here")
	}
	return title + " · " + PackFieldLabel(kind, field)
}

// SideWho says who set one side of a conflict and when; a value no
// change set (the import's) says so.
func SideWho(reviewer string, at time.Time) string {
	if at.IsZero() {
		return lang.L("as imported")
	}
	return Shown(reviewer) + " · " + at.Local().Format("2006-01-02 15:04")
}
