package reviewdoc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The page, in twentieths of a point: A4, with the margins of Chinese
// official documents (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left,
// 26 mm right), a little tighter at top and bottom so tables get room.
const (
	pageWidthTwips  = 11906
	pageHeightTwips = 16838
	marginTop       = 1701 // 30 mm
	marginBottom    = 1587 // 28 mm
	marginLeft      = 1588 // 28 mm
	marginRight     = 1474 // 26 mm
	textWidthTwips  = pageWidthTwips - marginLeft - marginRight
)

// WriteDOCX writes doc as a Word document: the cover, then each block with
// the styles of styles.xml (宋体 body, 黑体 and 仿宋 headings, Times New
// Roman for Latin), A4 pages numbered in the footer.
func WriteDOCX(w io.Writer, doc *Document) error {
	z := zip.NewWriter(w)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", packageRelsXML},
		{"docProps/core.xml", coreXML(doc)},
		{"docProps/app.xml", appXML},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/styles.xml", stylesXML(doc.Lang)},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML},
		{"word/document.xml", documentXML(doc)},
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: doc.Date})
		if err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

// escaper escapes text for an XML element's content or an attribute.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// esc is text cleaned of what XML forbids and escaped.
func esc(s string) string { return escaper.Replace(clean(s)) }

// documentXML is the body: the cover, the blocks, and the page setup.
func documentXML(doc *Document) string {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	docxPara(&b, "Title", []Run{{Text: doc.Title}})
	docxPara(&b, "Subtitle", []Run{{Text: doc.Subtitle}})
	for _, line := range doc.Cover {
		docxPara(&b, "CoverLine", []Run{{Text: line}})
	}
	for _, blk := range doc.Blocks {
		switch blk.Kind {
		case Heading:
			docxPara(&b, "Heading"+strconv.Itoa(blk.Level), blk.Runs)
		case Paragraph:
			docxPara(&b, docxStyles[blk.Style], blk.Runs)
		case TableBlock:
			docxTable(&b, blk.Table)
			// Word joins two tables that touch; a paragraph keeps them apart.
			docxPara(&b, "AfterTable", nil)
		}
	}
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/>`+
		`<w:pgNumType w:fmt="decimal"/><w:titlePg/></w:sectPr></w:body></w:document>`,
		pageWidthTwips, pageHeightTwips, marginTop, marginRight, marginBottom, marginLeft)
	return b.String()
}

// docxStyles names the paragraph style of each Style in styles.xml.
var docxStyles = map[Style]string{Body: "BodyText", Note: "Note", Quote: "QuoteText", Reply: "ReplyText", Label: "Label"}

// docxPara writes one paragraph in style, its runs bold where they say.
func docxPara(b *bytes.Buffer, style string, runs []Run) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	for _, r := range runs {
		docxRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

// docxRun writes a run, its newlines as line breaks and tabs as tabs.
func docxRun(b *bytes.Buffer, r Run) {
	b.WriteString(`<w:r>`)
	if r.Bold {
		b.WriteString(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
	}
	for i, line := range strings.Split(clean(r.Text), "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if piece != "" {
				b.WriteString(`<w:t xml:space="preserve">` + escaper.Replace(piece) + `</w:t>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// docxTable writes a table with borders, its header row repeated on each
// page, columns fixed to their shares of the text width.
func docxTable(b *bytes.Buffer, t *Table) {
	widths := twipWidths(t.Widths, len(t.Header))
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(textWidthTwips) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	docxRow(b, t.Header, widths, true)
	for _, row := range t.Rows {
		docxRow(b, row, widths, false)
	}
	b.WriteString(`</w:tbl>`)
}

// docxRow writes one row; a header row repeats on every page and is shaded.
func docxRow(b *bytes.Buffer, cells []string, widths []int, header bool) {
	b.WriteString(`<w:tr>`)
	style, shade := "TableText", ""
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		style, shade = "TableHeader", `<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`
	}
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>` + shade + `</w:tcPr>`)
		docxPara(b, style, []Run{{Text: text}})
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// twipWidths turns percentages into column widths that fill the text
// width; missing shares are split evenly.
func twipWidths(shares []int, n int) []int {
	out := make([]int, n)
	total := 0
	for i := range out {
		s := 100 / max(n, 1)
		if i < len(shares) && shares[i] > 0 {
			s = shares[i]
		}
		out[i] = s
		total += s
	}
	used := 0
	for i := range out {
		out[i] = out[i] * textWidthTwips / max(total, 1)
		used += out[i]
	}
	if n > 0 {
		out[n-1] += textWidthTwips - used
	}
	return out
}
