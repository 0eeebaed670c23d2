package messages

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
	"plandesk/store/storeerr"
)

// TextReplaced is what the window and the command line say after a new
// version of a report's text replaced the old one: what was kept, what
// moved, the comments whose text is gone, what was proposed, and where
// the backup is, since Undo cannot take a replacement back. Each part is
// a paragraph of its own.
func TextReplaced(title, file string, r plan.Replacement, backup string) string {
	parts := []string{lang.L("The text of “{{.Title}}” is now {{.File}}: {{.Kept}} sections kept ({{.Changed}} of them reworded), {{.Added}} added, {{.Paragraphs}} paragraphs.",
		map[string]any{"Title": title, "File": file, "Kept": r.SectionsKept, "Changed": r.SectionsChanged, "Added": r.SectionsAdded, "Paragraphs": r.Paragraphs})}
	if r.SectionsMerged > 0 {
		parts = append(parts, lang.L("{{.Count}} sections are no longer in the text: their indicators, projects and comments are now in the section above them.",
			map[string]any{"Count": r.SectionsMerged}))
	}
	if r.CommentsFound+r.CommentsTextGone > 0 {
		parts = append(parts, lang.L("Comments: {{.Found}} found in the new text ({{.Moved}} at another place); {{.Gone}} whose text has changed, kept with the text they quote.",
			map[string]any{"Found": r.CommentsFound, "Moved": r.CommentsMoved, "Gone": r.CommentsTextGone}))
	}
	if quotes := goneQuotes(r.TextGone); quotes != "" {
		parts = append(parts, quotes)
	}
	parts = append(parts, lang.L("Indicators: every one kept; {{.Linked}} linked to their sentence in the new text, {{.Gone}} whose sentence is no longer in it. New proposals, to be confirmed: {{.Indicators}} indicators and {{.Projects}} projects.",
		map[string]any{"Linked": r.IndicatorsResourced, "Gone": r.IndicatorsSourceGone, "Indicators": r.ProposalsAdded, "Projects": r.ProjectsAdded}))
	for _, s := range []string{ProposalsLeftOut(r.ProposalsLeftOut), ProjectsLeftOut(r.ProjectsLeftOut)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, lang.L("Undo cannot take this back, nor the changes made before it. The database as it was is saved as {{.Path}}; File → Restore backup… brings it back.",
		map[string]any{"Path": backup}))
	return strings.Join(parts, "\n\n")
}

// maxGoneQuotes is how many comments whose text is gone TextReplaced
// lists by their quotes; the others are counted.
const maxGoneQuotes = 10

// goneQuotes lists the quotes of comments whose text is gone, one a line.
func goneQuotes(comments []plan.Comment) string {
	var lines []string
	for i, c := range comments {
		if i == maxGoneQuotes {
			lines = append(lines, lang.L("… and {{.Count}} more", map[string]any{"Count": len(comments) - i}))
			break
		}
		lines = append(lines, "· “"+c.Quote+"”")
	}
	return strings.Join(lines, "\n")
}

// explainNewText words the refusals of a new version of a report's text.
func explainNewText(err error) (string, bool) {
	var none *storeerr.NoReportError
	var other *storeerr.OtherReportTextError
	switch {
	case errors.As(err, &none):
		return lang.L("The database has no report {{.ID}} (it may have been deleted). Nothing was changed.", map[string]any{"ID": none.ID}), true
	case errors.As(err, &other):
		return lang.L("This text is that of another report in the database: “{{.Title}}” (id {{.ID}}). Nothing was changed; choose the new version of this report's text.",
			map[string]any{"Title": other.Title, "ID": other.ID}), true
	case errors.Is(err, storeerr.ErrNoText):
		return lang.L("The new text holds no section. Nothing was changed."), true
	}
	return "", false
}
