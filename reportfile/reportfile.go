// Package reportfile reads a report from a file of any kind PlanDesk takes
// — a text, a Word document (.docx) or a PDF — into a parsed report, going
// by what the file holds rather than by its name: a .docx renamed .txt is
// still read as Word, a text named .docx still refused as no Word file.
package reportfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"plandesk/docx"
	"plandesk/messages"
	"plandesk/pdftext"
	"plandesk/reporttext"
)

// Kind is the kind of file a report was read from.
type Kind int

// The kinds of report file.
const (
	// Text is a plain text file (UTF-8, UTF-16 or GB18030).
	Text Kind = iota
	// Word is a .docx, as Word and WPS save it.
	Word
	// PDF is a PDF with a text layer.
	PDF
)

// Document is a report read from a file, with what an import should tell
// the user about how it was read.
type Document struct {
	// Report is the parsed report.
	Report *reporttext.ParsedReport
	// Kind is the kind of file it came from.
	Kind Kind
	// Revisions says a .docx held tracked changes, read as accepted.
	Revisions bool
	// Images is how many pictures and text boxes a .docx marks 〔图〕.
	Images int
	// Notes and Comments count a .docx's footnotes and endnotes (kept in
	// the text) and its comments (left out).
	Notes, Comments int
	// TextlessPages are the pages of a PDF without text (scanned pages
	// among text ones), from 1.
	TextlessPages []int
}

// ReadNotes is what reading the file noticed, as messages.DocumentNotes
// words it.
func (d Document) ReadNotes() messages.ReadNotes {
	return messages.ReadNotes{Revisions: d.Revisions, Images: d.Images, Notes: d.Notes, Comments: d.Comments, TextlessPages: d.TextlessPages}
}

// Reader reads report files. It keeps one PDF reader, which starts PDFium
// on the first PDF only, so reading texts and Word files costs nothing of
// it. Close it when done.
type Reader struct {
	pdf *pdftext.Reader
}

// CacheDir is where PDFium's compiled code is kept between starts, for
// the window and the command line alike: PlanDesk/pdfium in the user's
// cache folder, or "" (no cache on disk) when there is none.
func CacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "PlanDesk", "pdfium")
}

// NewReader returns a Reader keeping PDFium's compiled code in cacheDir
// ("" for none on disk).
func NewReader(cacheDir string) *Reader { return &Reader{pdf: pdftext.NewReader(cacheDir)} }

// Close stops PDFium if it was started.
func (r *Reader) Close() error { return r.pdf.Close() }

// Options are what a read may be given besides the file.
type Options struct {
	// Password opens an encrypted PDF: a read without it fails with
	// pdftext.ErrPassword, so the caller asks and reads again.
	Password string
	// Progress hears a PDF read's progress (PDFium starting, then each page).
	Progress func(pdftext.Progress)
}

// Read reads the report in the file at path. The errors are the readers'
// own, for messages.Explain to word: reporttext's for a text that is not
// one (binary, empty, too large), docx's *FormatError (a .doc or .wps,
// a damaged or oversized .docx), pdftext's (a scanned, encrypted or
// broken PDF), with the file system's *fs.PathError kept.
func (r *Reader) Read(ctx context.Context, path string, opt Options) (Document, error) {
	head, err := readHead(path)
	if err != nil {
		return Document{}, err
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return r.readPDF(ctx, path, opt)
	case docx.Detect(head) != docx.FormatOther:
		// A zip (a .docx, or an .xlsx sent by mistake, which docx refuses
		// as no Word file) or a .doc/.wps, which docx asks to save as .docx.
		res, err := docx.ReadFile(path)
		if err != nil {
			return Document{}, err
		}
		return Document{Report: res.Report, Kind: Word, Revisions: res.HasRevisions, Images: res.Images,
			Notes: res.Notes, Comments: res.Comments}, nil
	}
	text, err := reporttext.ReadFile(path)
	if err != nil {
		return Document{}, err
	}
	parsed, err := reporttext.ParseReport(text)
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", path, err)
	}
	return Document{Report: parsed, Kind: Text}, nil
}

// readPDF reads a PDF's text layer and parses it as a report's text.
func (r *Reader) readPDF(ctx context.Context, path string, opt Options) (Document, error) {
	doc, err := r.pdf.ReadFile(ctx, path, pdftext.Options{Password: opt.Password, Progress: opt.Progress})
	if err != nil {
		return Document{}, err
	}
	parsed, err := reporttext.ParseReport(doc.Text())
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", path, err)
	}
	return Document{Report: parsed, Kind: PDF, TextlessPages: doc.TextlessPages}, nil
}

// readHead is the file's first bytes, enough to tell its kind.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 8)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:n], nil
}
