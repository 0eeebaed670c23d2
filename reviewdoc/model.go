package reviewdoc

import "time"

// Document is a review report worded and ready to lay out: the writers
// only place its blocks, in order, and decide no word of it.
type Document struct {
	// Lang is the language tag of the text ("zh-CN" or "en-US").
	Lang string
	// Title is the report's title, on the cover and in the file's
	// properties; Subtitle names the document (审阅报告).
	Title, Subtitle string
	// Cover holds the lines under the title: reviewers, date.
	Cover []string
	// Author is who the file's properties name as its author.
	Author string
	// Date is when the review report was made.
	Date time.Time
	// Blocks are the body after the cover, in reading order.
	Blocks []Block
}

// BlockKind tells headings, paragraphs and tables apart.
type BlockKind int

// The kinds of block.
const (
	Heading BlockKind = iota
	Paragraph
	TableBlock
)

// Style is how a paragraph is set.
type Style int

// The paragraph styles.
const (
	// Body is plain text.
	Body Style = iota
	// Note is a small grey line: a comment's kind, state, who and when;
	// a section's review state.
	Note
	// Quote is indented: the text a comment is on, a proposed wording.
	Quote
	// Reply is indented further: a reply to a comment.
	Reply
	// Label is a bold line introducing a table or a list.
	Label
)

// Block is one heading, paragraph or table.
type Block struct {
	Kind BlockKind
	// Level is a heading's level, 1 (the report's parts) to 4.
	Level int
	// Style is a paragraph's style.
	Style Style
	// Runs are a heading's or paragraph's text, in pieces that may be bold.
	Runs []Run
	// Table is a table block's table.
	Table *Table
}

// Text is the block's runs joined.
func (b Block) Text() string {
	s := ""
	for _, r := range b.Runs {
		s += r.Text
	}
	return s
}

// Run is a piece of text, bold or not.
type Run struct {
	Text string
	Bold bool
}

// Table is a table with a header row, which repeats on every page.
type Table struct {
	Header []string
	Rows   [][]string
	// Widths are the columns' shares of the text width, in percent.
	Widths []int
}
