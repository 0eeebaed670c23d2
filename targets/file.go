package targets

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"plandesk/cjk"
	"plandesk/sheet"
)

// MaxRows is the most rows holding something a target table may have. A
// plan's main-indicator table has a few dozen, all of a plan's tables a
// few hundred; a file far past that is not such a table, and matching its
// rows against a report's thousands of indicators would take long.
const MaxRows = 2000

// MaxTextBytes is the most bytes a pasted table saved as text may hold:
// a thousand times what a plan's table takes.
const MaxTextBytes = 16 << 20

// Errors reading a target table from a file, the Kind of a *FileError.
var (
	// ErrFileType means the file's extension is none of .xlsx, .csv, .tsv
	// and .txt.
	ErrFileType = errors.New("not an .xlsx, .csv, .tsv or .txt file")
	// ErrTooLarge means the table has more than MaxRows rows, or its file
	// more than a table's bytes.
	ErrTooLarge = errors.New("the file holds more than a plan's target table")
	// ErrNotText means a .tsv or .txt file is not text in an encoding
	// PlanDesk reads (UTF-8, UTF-16 with its mark, GB18030).
	ErrNotText = errors.New("the file is not text PlanDesk reads")
	// ErrUnreadable means the file could not be opened or read.
	ErrUnreadable = errors.New("the file cannot be read")
	// ErrDamaged means a workbook or CSV file is damaged or incomplete.
	ErrDamaged = errors.New("the file is damaged or incomplete")
)

// FileError says why a target table could not be read from a file.
type FileError struct {
	// Path is the file as given.
	Path string
	// Kind is one of ErrFileType, ErrTooLarge, ErrNotText, ErrUnreadable
	// and ErrDamaged.
	Kind error
	// Err is the underlying error.
	Err error
}

func (e *FileError) Error() string {
	return fmt.Sprintf("read target table %q: %v: %v", e.Path, e.Kind, e.Err)
}

// Unwrap lets errors.Is match both the kind and the cause.
func (e *FileError) Unwrap() []error { return []error{e.Kind, e.Err} }

// ReadFile reads the rows of a target table from a file, by its extension:
// the first worksheet of an .xlsx and the records of a .csv through sheet,
// and a .tsv or .txt as text pasted from a spreadsheet (ParsePasted), in
// any encoding cjk.Decode reads. Rows are numbered as the spreadsheet (or
// the text's lines) number them. Any failure is a *FileError.
func ReadFile(path string) ([][]string, error) {
	fail := func(kind, err error) ([][]string, error) {
		return nil, &FileError{Path: path, Kind: kind, Err: err}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".csv":
		rows, err := sheet.ReadTableFile(path, MaxRows)
		switch {
		case err == nil:
			return rows, nil
		case errors.Is(err, sheet.ErrSheetTooLarge):
			return fail(ErrTooLarge, err)
		case errors.Is(err, sheet.ErrSheetUnreadable):
			var se *sheet.SheetError
			if errors.As(err, &se) {
				err = se.Err // the file system's error, which names the file
			}
			return fail(ErrUnreadable, err)
		}
		return fail(ErrDamaged, err)
	case ".tsv", ".txt", ".tab":
		return readText(path)
	}
	return fail(ErrFileType, fmt.Errorf("extension %q", filepath.Ext(path)))
}

// readText reads a table saved as tab-separated text.
func readText(path string) ([][]string, error) {
	fail := func(kind, err error) ([][]string, error) {
		return nil, &FileError{Path: path, Kind: kind, Err: err}
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(ErrUnreadable, err)
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, MaxTextBytes+1))
	if err != nil {
		return fail(ErrUnreadable, err)
	}
	if len(content) > MaxTextBytes {
		return fail(ErrTooLarge, fmt.Errorf("more than %d bytes", MaxTextBytes))
	}
	text, ok := cjk.Decode(content)
	if !ok {
		return fail(ErrNotText, errors.New("neither UTF-8, UTF-16 nor GB18030"))
	}
	rows, err := PastedRows(string(text))
	var fe *FileError
	if errors.As(err, &fe) {
		fe.Path = path
	}
	return rows, err
}

// PastedRows is ParsePasted refusing, with ErrTooLarge, a table of more
// than MaxRows rows holding something, as a file of one is refused.
func PastedRows(text string) ([][]string, error) {
	rows := ParsePasted(text)
	written := 0
	for _, r := range rows {
		if len(r) > 0 {
			written++
		}
	}
	if written > MaxRows {
		return nil, &FileError{Kind: ErrTooLarge, Err: fmt.Errorf("%d rows, more than %d", written, MaxRows)}
	}
	return rows, nil
}
