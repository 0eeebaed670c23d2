package pdftext

import "plandesk/pdftext/pdferr"

// The errors Read returns, re-exported from pdferr (which words them
// without linking PDFium); see there for what each means.
var (
	ErrScanned       = pdferr.ErrScanned
	ErrPassword      = pdferr.ErrPassword
	ErrWrongPassword = pdferr.ErrWrongPassword
	ErrDamaged       = pdferr.ErrDamaged
	ErrFileTooLarge  = pdferr.ErrFileTooLarge
	ErrTooManyPages  = pdferr.ErrTooManyPages
	ErrTextTooLarge  = pdferr.ErrTextTooLarge
)

// LimitError is a PDF refused for passing one of the bounds (pdferr.LimitError).
type LimitError = pdferr.LimitError

// PageError is a page that could not be read (pdferr.PageError).
type PageError = pdferr.PageError
