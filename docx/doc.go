// Package docx reads a Word document (.docx, as Word, WPS and LibreOffice
// save it) into a *reporttext.ParsedReport: the report's title, its tree of
// numbered sections, their paragraphs and their tables.
//
// The structure comes from the document itself first: paragraphs in a
// heading style (Heading 1–9, 标题 1–9, the styles WPS and Word save under
// ids such as "1" or "2", and any style, or paragraph, with an outline
// level) make the tree, and Word's automatic numbering is rebuilt as Word
// shows it, so a heading reads 一、纲要重大任务推进情况 with Numbering "一、"
// although the file holds only 纲要重大任务推进情况 and a list definition.
// A document without heading styles is read by reporttext's text rules,
// one line a paragraph, exactly like a .txt.
//
// Nothing silently vanishes: footnotes and endnotes are kept at the end of
// their paragraph (〔注：…〕), each picture, drawing, text box or embedded
// object is the marker 〔图〕 (a text box's words kept inside it: 〔图：…〕),
// tracked changes are read as accepted and said so (Result.HasRevisions).
// Only the table of contents, page numbers and comments are left out:
// they repeat or annotate the text rather than add to it.
//
// # Why no library
//
// The Go libraries that read .docx were weighed against what a report
// needs: styles with their basedOn inheritance, numbering definitions with
// overrides, merged table cells, and bounded memory on a hostile file.
// unioffice reads all of that but is paid; gooxml, its free predecessor,
// is no longer served by the module proxy; the small free readers
// (godocx and the like) give a document's runs or text without numbering,
// styles' outline levels or vertical merges, and load every part whole.
// So this package reads WordprocessingML itself with archive/zip and
// encoding/xml's streaming decoder: about a thousand lines, every part
// read through a bound (see limits.go), no dependency to keep up.
//
// It is pure Go: it imports neither GORM nor Fyne, and nothing that stores.
package docx
