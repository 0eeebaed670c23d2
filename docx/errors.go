package docx

import (
	"errors"
	"fmt"
)

// The kinds of file Read refuses. A *FormatError carries one; the app
// matches them with errors.Is to explain the problem in the user's
// language. Nothing of a refused file is returned.
var (
	// ErrLegacyFormat means the file is a Word 97–2003 document (.doc),
	// an old WPS one (.wps) or an RTF file: formats PlanDesk does not
	// read, which WPS and Word save as .docx in a minute.
	ErrLegacyFormat = errors.New("the file is a .doc, .wps or .rtf document, not .docx")
	// ErrEncrypted means the document is protected by a password.
	ErrEncrypted = errors.New("the document is protected by a password")
	// ErrNotDocx means the file is neither a .docx nor a format PlanDesk
	// knows to ask to be saved as one: a text, a spreadsheet, a picture.
	ErrNotDocx = errors.New("the file is not a Word document (.docx)")
	// ErrDamaged means the file starts as a .docx but cannot be read
	// whole: cut short, or with a part whose XML or checksum is broken.
	ErrDamaged = errors.New("the .docx file is damaged or incomplete")
	// ErrTooLarge means the document unpacks to more than a report holds
	// (see limits.go): a zip bomb, or not one report.
	ErrTooLarge = errors.New("the .docx file unpacks to more than a report holds")
)

// FormatError is a file Read refuses: which kind of problem, where, and
// the error underneath, if any.
type FormatError struct {
	// Kind is ErrLegacyFormat, ErrEncrypted, ErrNotDocx, ErrDamaged or
	// ErrTooLarge.
	Kind error
	// Part is the part of the package the problem is in
	// (word/document.xml), or empty.
	Part string
	// Limit is, for ErrTooLarge, the bound passed (bytes or entries).
	Limit int64
	// Err is the cause (zip.ErrFormat, an *xml.SyntaxError …), or nil.
	Err error
}

// Error says what is wrong, in English, for logs; messages.Explain words
// it for the user.
func (e *FormatError) Error() string {
	msg := e.Kind.Error()
	if e.Part != "" {
		msg += " (" + e.Part + ")"
	}
	if e.Limit > 0 {
		msg += fmt.Sprintf(": more than %d", e.Limit)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap gives both the kind and the cause to errors.Is and errors.As.
func (e *FormatError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func damaged(part string, err error) error {
	return &FormatError{Kind: ErrDamaged, Part: part, Err: err}
}

func tooLarge(part string, limit int64) error {
	return &FormatError{Kind: ErrTooLarge, Part: part, Limit: limit}
}
