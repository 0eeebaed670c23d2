// Package pdftext reads the text layer of a PDF report into blocks (the
// title, headings, paragraphs) in reading order, and into plain text that
// reporttext.ParseReport reads as it reads a .txt report.
//
// PDFium reads the PDF, compiled to WebAssembly and run by wazero (through
// go-pdfium), so no C library or compiler is needed and a hostile PDF runs
// inside a sandbox: the sandbox sees no file system at all, and is handed
// the file's bytes. The module is compiled on the first read (seconds),
// then kept compiled in a cache folder for later starts (a tenth of a
// second); nothing is started before the first read.
//
// Text is put in order by where each character stands on the page, not by
// the order the PDF draws it in; lines become paragraphs by their layout
// (first-line indents, short last lines, gaps, font size and weight); two
// columns are read one after the other; running headers, footers and page
// numbers are left out. See Document.Text for what reporttext is given.
package pdftext
