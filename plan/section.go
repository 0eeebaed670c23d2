package plan

// Section is one numbered heading of a report with its place in the tree.
type Section struct {
	// ID is the section's row id.
	ID int64
	// ReportID is the report the section belongs to.
	ReportID int64
	// UID is the section's identity beyond this database: derived from the
	// report's fingerprint and the section's place when the text was
	// imported (or, for a section a new version of the text added, that
	// text's), so two laptops that imported the same text agree on it.
	UID string
	// ParentID is the enclosing section, or nil for a top-level part.
	ParentID *int64
	// Seq is the section's place in reading order within its report, from 0.
	Seq int
	// Depth is 0 for a top-level part (一、), 1 for its subsections, and so on.
	Depth int
	// Numbering is the heading's label as written: "一、", "1.", "（一）".
	Numbering string
	// Title is the heading text after its numbering.
	Title string
	// ReviewState is one of the Review* codes: whether the reviewer has
	// read the section and what they found.
	ReviewState string
}

// Heading is the section's numbering and title as the report prints them.
func (s Section) Heading() string { return s.Numbering + s.Title }

// Paragraph is one paragraph of a section's text.
type Paragraph struct {
	// ID is the paragraph's row id.
	ID int64
	// SectionID is the section the paragraph belongs to.
	SectionID int64
	// Seq is the paragraph's place within its section, from 0.
	Seq int
	// Text is the paragraph with the PDF's line breaks removed.
	Text string
}
