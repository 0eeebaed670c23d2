// Package reviewdoc writes a report's review (审阅报告) as a Word .docx and
// as a PDF: a cover, a summary (indicators by status, the lagging and 预警
// ones, projects by progress, how far the review has come, comments by
// state), then each section with its indicators, projects, review state
// and comments, and an appendix of every value changed.
//
// Input holds plain plan values; Gather fills it from anything with the
// store's read methods. Build words it into a Document (every word from
// messages, in Chinese or English), which WriteDOCX and WritePDF lay out.
// The .docx is WordprocessingML written by hand with archive/zip, since no
// maintained free writer is to be had; the PDF is laid out with
// codeberg.org/go-pdf/fpdf and embeds a TrueType Noto Sans SC subset
// (fonts/). It links no database and no Fyne beyond messages' lang.
package reviewdoc
