package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"plandesk/reporttext"
)

// Result is a .docx read as a report, with what an import should tell
// the user about how it was read.
type Result struct {
	// Report is the report: title, section tree, paragraphs and tables.
	Report *reporttext.ParsedReport
	// HasRevisions says the document holds tracked changes, read as if
	// every one were accepted (insertions kept, deletions dropped).
	HasRevisions bool
	// Images is how many pictures, drawings, text boxes and embedded
	// objects the text marks 〔图〕.
	Images int
	// Notes is how many footnotes and endnotes the text keeps, 〔注：…〕
	// at the end of the paragraph that refers to them.
	Notes int
	// Comments is how many comments the document has; they are left out.
	Comments int
	// Tables is how many tables were read.
	Tables int
	// FromStyles says the outline comes from the document's heading
	// styles; false means the document has none and its paragraphs were
	// read by the text rules, as a .txt is.
	FromStyles bool
	// SkippedContents says a table of contents was left out.
	SkippedContents bool
}

// ReadFile reads the .docx at path, as Read does. Errors from the file
// system keep their *fs.PathError; the others name the file.
func ReadFile(path string) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	res, err := Read(f, info.Size())
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return res, nil
}

// Read reads a .docx of size bytes from r into a report. A file that is
// no .docx, or is damaged or past the bounds of limits.go, is refused
// with a *FormatError (see its kinds); a report past reporttext's bounds
// with a *reporttext.LimitError; one with no text at all with
// reporttext.ErrEmptyInput. Nothing is returned with an error.
func Read(r io.ReaderAt, size int64) (*Result, error) {
	p, err := openPackage(r, size)
	if err != nil {
		return nil, err
	}
	rels, err := p.relationships("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	main := rels["officeDocument"]
	if main == "" || !p.has(main) {
		main = "word/document.xml"
	}
	if !p.has(main) {
		return nil, &FormatError{Kind: ErrNotDocx, Err: errors.New("no word/document.xml")}
	}
	rd, err := newReading(p, main)
	if err != nil {
		return nil, err
	}
	blocks, err := rd.document(p, main)
	if err != nil {
		return nil, err
	}
	report, fromStyles, err := build(blocks)
	if err != nil {
		return nil, err
	}
	rd.res.Report, rd.res.FromStyles = report, fromStyles
	return rd.res, nil
}

// newReading reads the parts the body depends on: styles, numbering, and
// the footnotes and endnotes its paragraphs refer to.
func newReading(p *pkg, main string) (*reading, error) {
	dir := path.Dir(main)
	rels, err := p.relationships(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	rd := &reading{counters: newCounters(), notes: map[string]string{}, res: &Result{}}
	if rd.styles, err = readStyles(p, rels["styles"]); err != nil {
		return nil, err
	}
	if rd.numbering, err = readNumbering(p, rels["numbering"]); err != nil {
		return nil, err
	}
	for _, kind := range []string{"footnote", "endnote"} {
		if err := rd.readNotes(p, rels[kind+"s"], kind); err != nil {
			return nil, err
		}
	}
	// The notes were read with counters and fields of their own.
	rd.counters, rd.fields, rd.textBytes = newCounters(), nil, 0
	rd.res.Images, rd.res.Tables, rd.res.Comments = 0, 0, 0
	return rd, nil
}

// readNotes reads footnotes.xml or endnotes.xml (kind footnote or
// endnote): each note's text, its paragraphs run together, by kind and id.
// Word's separator notes are not notes.
func (r *reading) readNotes(p *pkg, name, kind string) error {
	if name == "" || !p.has(name) {
		return nil
	}
	x, pr, err := p.xmlPart(name, MaxPartBytes)
	if err != nil {
		return err
	}
	defer pr.Close()
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name, kind) {
			continue
		}
		if t := attr(se, "type"); t != "" && t != "normal" {
			if err := x.skip(); err != nil {
				return err
			}
			continue
		}
		var parts []string
		err = r.blocks(x, func(b block) error {
			if b.para != nil {
				parts = append(parts, b.para.display())
			} else {
				parts = append(parts, flatten(b.table)...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		r.notes[kind+"Reference:"+attr(se, "id")] = tidy(strings.Join(parts, " "))
	}
}

// document reads the main part's body into blocks.
func (r *reading) document(p *pkg, name string) ([]block, error) {
	x, pr, err := p.xmlPart(name, MaxDocumentBytes)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	var blocks []block
	body := false
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) && !body {
			return nil, &FormatError{Kind: ErrNotDocx, Part: name, Err: errors.New("no w:body")}
		}
		if errors.Is(err, io.EOF) {
			return blocks, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && isW(se.Name, "body") {
			body = true
			err := r.blocks(x, func(b block) error {
				blocks = append(blocks, b)
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
}
