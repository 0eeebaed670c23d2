package plan

// Replacement counts what a new version of a report's text (the drafters'
// revision, imported over the report under review) did to the report and
// its review. Nothing of the review is dropped: these say where it went.
type Replacement struct {
	// SectionsKept are the old sections the new text still has (their
	// ids and review marks kept); SectionsChanged of them read otherwise
	// now, and may want reviewing again.
	SectionsKept, SectionsChanged int
	// SectionsAdded are the new text's sections the old had not, 未审阅.
	SectionsAdded int
	// SectionsMerged are the old sections the new text no longer has:
	// their indicators, projects and comments went to the nearest kept
	// section above them (or the first section), and the sections went.
	SectionsMerged int
	// Paragraphs is how many paragraphs the report holds now.
	Paragraphs int
	// CommentsFound are the paragraph and span comments whose quote the
	// new text still holds, CommentsMoved of them at another place than
	// before; CommentsTextGone are those whose quote it does not hold
	// (原文已变), kept as they were, quote and all.
	CommentsFound, CommentsMoved, CommentsTextGone int
	// TextGone are those CommentsTextGone counts, oldest first.
	TextGone []Comment
	// CommentsRehomed are the comments of dropped sections, now on the
	// section their indicators and projects went to.
	CommentsRehomed int
	// IndicatorsResourced are the indicators whose sentence the new text
	// holds, linked to its paragraph now; IndicatorsSourceGone had a
	// paragraph and no longer have one (their sentence is kept).
	IndicatorsResourced, IndicatorsSourceGone int
	// ProjectsResourced and ProjectsSourceGone count the same of projects.
	ProjectsResourced, ProjectsSourceGone int
	// ProposalsAdded and ProjectsAdded are what the new text states that
	// the report had no indicator or project for, added as proposals
	// (待确认); ProposalsLeftOut and ProjectsLeftOut are those beyond the
	// bounds on proposals, as for an import.
	ProposalsAdded, ProjectsAdded, ProposalsLeftOut, ProjectsLeftOut int
}
