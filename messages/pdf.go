package messages

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/pdftext/pdferr"
)

// explainPDF words why a PDF gave no text: a scan, a password, damage, or
// a bound passed. It matches pdferr's errors, so messages need not link
// PDFium.
func explainPDF(err error) (string, bool) {
	var le *pdferr.LimitError
	var pe *pdferr.PageError
	switch {
	case errors.Is(err, pdferr.ErrScanned):
		return lang.L("This PDF is a scan: its pages are pictures, with no text to read, so nothing was imported. Run it through OCR (text recognition, in WPS or Adobe Acrobat) to make a PDF with text, or ask the report's authors for the Word file, and import that."), true
	case errors.Is(err, pdferr.ErrWrongPassword):
		return lang.L("The password is wrong. Enter the PDF's password again; if you do not know it, ask whoever sent the file."), true
	case errors.Is(err, pdferr.ErrPassword):
		return lang.L("This PDF is protected by a password. Enter its password to import it."), true
	case errors.As(err, &pe):
		return lang.L("Page {{.Page}} of this PDF is damaged and cannot be read, so nothing was imported. Download or copy the file again, or open it in a PDF reader and save a new copy, then import that.",
			map[string]any{"Page": pe.Page}), true
	case errors.Is(err, pdferr.ErrDamaged):
		return lang.L("This PDF is damaged or incomplete (a download cut short, perhaps), or not a PDF at all, so it cannot be read. Download or copy it again, or open it in a PDF reader and save a new copy, then import that."), true
	case errors.As(err, &le):
		return explainPDFLimit(le), true
	}
	return "", false
}

// explainPDFLimit says which bound a PDF passed and what to do.
func explainPDFLimit(le *pdferr.LimitError) string {
	fields := map[string]any{"Limit": le.Limit, "Found": le.Found, "MB": le.Limit >> 20}
	switch {
	case errors.Is(le, pdferr.ErrTooManyPages):
		return lang.L("The PDF has {{.Found}} pages, more than the {{.Limit}} PlanDesk reads (a plan report has tens to a few hundred), so nothing was imported. Check that this is the report; if it is, save its parts as separate PDFs and import each.", fields)
	case errors.Is(le, pdferr.ErrTextTooLarge):
		return lang.L("The PDF holds more than {{.MB}} MB of text, far more than a plan report, so nothing was imported. Check that this is the report; if it is, save its parts as separate PDFs and import each.", fields)
	}
	return lang.L("The PDF is larger than {{.MB}} MB, far more than a plan report, so nothing was imported. Check that this is the report; if it is, save its parts as separate PDFs and import each.", fields)
}

// ReadNotes is what reading a report's file noticed, for DocumentNotes.
type ReadNotes struct {
	// Revisions says a .docx held tracked changes, read as accepted.
	Revisions bool
	// Images, Notes and Comments count a .docx's pictures and text boxes
	// (marked 〔图〕), footnotes and endnotes (kept as 〔注：…〕) and comments
	// (left out).
	Images, Notes, Comments int
	// TextlessPages are a PDF's pages without text, from 1.
	TextlessPages []int
}

// DocumentNotes are what an import says of how a document was read, each a
// sentence, none when there is nothing to say.
func DocumentNotes(n ReadNotes) []string {
	var notes []string
	if n.Revisions {
		notes = append(notes, lang.L("The document has tracked changes; they were read as accepted. Check the text against the final version."))
	}
	if n.Images > 0 {
		notes = append(notes, lang.L("{{.Count}} pictures or text boxes are not read; the text marks each 〔图〕.", map[string]any{"Count": n.Images}))
	}
	if n.Notes > 0 {
		notes = append(notes, lang.L("{{.Count}} footnotes or endnotes are kept at the end of their paragraph, as 〔注：…〕.", map[string]any{"Count": n.Notes}))
	}
	if n.Comments > 0 {
		notes = append(notes, lang.L("{{.Count}} comments were left out.", map[string]any{"Count": n.Comments}))
	}
	if len(n.TextlessPages) > 0 {
		pages := make([]string, len(n.TextlessPages))
		for i, p := range n.TextlessPages {
			pages[i] = strconv.Itoa(p)
		}
		notes = append(notes, lang.L("Pages {{.Pages}} of the PDF have no text (scanned pages?); their content is missing.", map[string]any{"Pages": strings.Join(pages, "、")}))
	}
	return notes
}

// PDFStarting says, while PDFium is being prepared, that the first PDF
// takes a few seconds.
func PDFStarting() string {
	return lang.L("Preparing the PDF reader (the first time takes a few seconds)…")
}

// PDFReadingPage says which page of a PDF is being read.
func PDFReadingPage(page, pages int) string {
	return lang.L("Reading page {{.Page}} of {{.Pages}}…", map[string]any{"Page": page, "Pages": pages})
}
