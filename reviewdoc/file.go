package reviewdoc

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"plandesk/atomicfile"
)

// Format is a file format of the review report.
type Format string

// The formats the review report is written in.
const (
	DOCX Format = "docx" // for WPS, Word and LibreOffice
	PDF  Format = "pdf"  // for printing
)

// FormatOf reads a format's name (docx, pdf), or when name is empty the
// extension of path; ok is false for anything else.
func FormatOf(name, path string) (Format, bool) {
	if name == "" {
		name = strings.TrimPrefix(filepath.Ext(path), ".")
	}
	switch f := Format(strings.ToLower(name)); f {
	case DOCX, PDF:
		return f, true
	}
	return "", false
}

// WriteFile builds the review report of in and writes it to path in
// format f, through a temporary file renamed into place: a failed export
// never leaves half a file, nor harms one already there.
func WriteFile(path string, f Format, in Input) error {
	doc, err := Build(in)
	if err != nil {
		return err
	}
	write := WriteDOCX
	if f == PDF {
		write = WritePDF
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { return write(w, doc) }); err != nil {
		return fmt.Errorf("write the review report to %s: %w", path, err)
	}
	return nil
}
