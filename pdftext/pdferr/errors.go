// Package pdferr holds the errors pdftext returns for a PDF it cannot read.
// They live apart from pdftext so that what only words them (messages,
// and through it every screen) need not link PDFium, its WebAssembly
// module and wazero; pdftext re-exports each under the same name.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package pdferr

import (
	"errors"
	"fmt"
)

// Errors for a PDF that gives no text. The app matches them with errors.Is
// to tell the user, in their language, what happened and what to do next.
var (
	// ErrScanned means the PDF has pages but no text on any of them: it is
	// a scan (page images), so there is nothing to read without OCR.
	ErrScanned = errors.New("the PDF has no text layer (a scanned document)")
	// ErrPassword means the PDF is encrypted and needs its password to be
	// opened: none was given, or (ErrWrongPassword) the one given is wrong.
	ErrPassword = errors.New("the PDF is protected by a password")
	// ErrWrongPassword means a password was given and the PDF refused it.
	// It wraps ErrPassword, so a caller that only asks for a password
	// matches both.
	ErrWrongPassword = fmt.Errorf("%w, and the password given is wrong", ErrPassword)
	// ErrDamaged means the file is not a PDF, or a PDF too damaged
	// (truncated, half-written) for its pages to be read.
	ErrDamaged = errors.New("the PDF is damaged or not a PDF")
)

// Errors for a PDF past one of pdftext's bounds; a *LimitError carries them.
var (
	// ErrFileTooLarge means the file is larger than the bound on bytes.
	ErrFileTooLarge = errors.New("the PDF file is too large")
	// ErrTooManyPages means the PDF has more pages than the bound.
	ErrTooManyPages = errors.New("the PDF has too many pages")
	// ErrTextTooLarge means the PDF's text is longer than a report's text
	// may be (reporttext.MaxTextBytes).
	ErrTextTooLarge = errors.New("the PDF holds too much text")
)

// LimitError is a PDF refused for passing one of the bounds.
type LimitError struct {
	// Err is ErrFileTooLarge, ErrTooManyPages or ErrTextTooLarge.
	Err error
	// Limit is the bound passed: bytes, pages, or bytes of text.
	Limit int64
	// Found is the size found, or 0 when reading stopped at the bound
	// without learning the whole size (the text of a PDF is not read past
	// its bound).
	Found int64
}

func (e *LimitError) Error() string {
	if e.Found > 0 {
		return fmt.Sprintf("%v: %d, more than %d", e.Err, e.Found, e.Limit)
	}
	return fmt.Sprintf("%v: more than %d", e.Err, e.Limit)
}

func (e *LimitError) Unwrap() error { return e.Err }

// PageError is a page PDFium could not load or read in a PDF it opened:
// the file is damaged from that page on. It wraps ErrDamaged.
type PageError struct {
	// Page is the page's number, from 1.
	Page int
	// Err is what PDFium said.
	Err error
}

func (e *PageError) Error() string {
	return fmt.Sprintf("page %d: %v: %v", e.Page, ErrDamaged, e.Err)
}

// Unwrap gives both ErrDamaged and PDFium's own error to errors.Is.
func (e *PageError) Unwrap() []error { return []error{ErrDamaged, e.Err} }
