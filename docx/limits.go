package docx

import "plandesk/reporttext"

// The bounds on what Read takes from a file. A .docx is a zip archive, so
// its size on disk says little: a few kilobytes can unpack to gigabytes (a
// zip bomb). Every part is read as a stream through a bound, and only the
// parts that hold text are read at all (never the pictures), so memory
// stays bounded whatever the file. Each bound is many times what a real
// report needs: the shipped report's document.xml is about 40 KB, and a
// long district report's well under 2 MB.
const (
	// MaxEntries is the most files a .docx may hold. Word writes a dozen
	// or two, and one more for every picture.
	MaxEntries = 10000
	// MaxDirectoryBytes bounds the zip's central directory, read whole by
	// archive/zip before any entry can be counted.
	MaxDirectoryBytes = 4 << 20
	// MaxDocumentBytes is the most word/document.xml may unpack to: four
	// times the text a report may have, for the markup around it.
	MaxDocumentBytes = reporttext.MaxTextBytes * 4
	// MaxPartBytes bounds every other part read (styles, numbering,
	// footnotes, endnotes, relationships).
	MaxPartBytes = reporttext.MaxTextBytes * 2
	// MaxUnpackedBytes bounds all the parts read, together.
	MaxUnpackedBytes = reporttext.MaxTextBytes * 8
	// MaxDepth is how deeply elements may nest. Word's deepest real
	// structures (a table in a table in a text box) stay under fifty;
	// the bound keeps a file of nested tags from growing the decoder's
	// stack without end.
	MaxDepth = 256
	// MaxColumns is the widest table grid read: Word allows 63 columns.
	MaxColumns = 64
	// MaxTableCells bounds the cells of all tables together, each grid
	// cell counted, merged or not.
	MaxTableCells = 200000
	// maxTagBytes bounds one tag with its attributes; Word's longest are
	// a few hundred bytes.
	maxTagBytes = 1 << 20
	// maxStyleChain bounds a basedOn chain (Word allows about ten), so a
	// cycle in a damaged styles.xml ends.
	maxStyleChain = 32
)
