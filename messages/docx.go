package messages

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"plandesk/docx"
)

// explainDocx words why a Word document was not imported, with what to
// do instead: most often, save it again as .docx in WPS or Word.
func explainDocx(err error) (string, bool) {
	var fe *docx.FormatError
	if !errors.As(err, &fe) {
		return "", false
	}
	switch fe.Kind {
	case docx.ErrLegacyFormat:
		return lang.L("This is a Word 97–2003 (.doc), WPS (.wps) or RTF file, which PlanDesk cannot read. Open it in WPS or Word, “Save as” .docx, then import that file."), true
	case docx.ErrEncrypted:
		return lang.L("The document is protected by a password, so PlanDesk cannot read it. Open it in WPS or Word, remove the password (or “Save as” .docx without one), then import it again."), true
	case docx.ErrNotDocx:
		return lang.L("The file is not a Word document (.docx), whatever its name says. If it is the report in another format, open it in WPS or Word and “Save as” .docx; a .txt file is imported as text."), true
	case docx.ErrDamaged:
		return lang.L("The .docx file is damaged or incomplete (perhaps copied only in part), so nothing was imported. Open it in WPS or Word; if it opens, “Save as” .docx again and import that copy."), true
	case docx.ErrTooLarge:
		return lang.L("The .docx file unpacks to far more than a plan report holds, so nothing was imported. Check that this is the report; if it is, split it into parts and import each."), true
	}
	return "", false
}
