// Command gen writes the flat ODT sources of pdftext's PDF fixtures into
// the folder it is given: LibreOffice lays them out and exports them as
// PDF (scripts/make-pdf-fixtures.sh). The report fixture is the shipped
// report's text as parsed by reporttext, so the PDF holds exactly its
// title, headings and paragraphs; the others are written here.
package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"plandesk/reporttext"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen REPORT.txt OUTDIR")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	check(err)
	parsed, err := reporttext.ParseReport(raw)
	check(err)
	out := os.Args[2]
	write(out, "report.fodt", document(footerDash, reportBody(parsed)))
	write(out, "headers.fodt", document(headerAndPageOf, headersBody(parsed)))
	write(out, "twocol.fodt", document(footerEmDash, twoColumnBody()))
	write(out, "long.fodt", document(footerDash, longBody(parsed, 300)))
	write(out, "scanned.fodt", document("", scannedBody))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(dir, name, text string) {
	check(os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
}

// The page furniture of each fixture: what its master page repeats.
const (
	footerDash      = `<style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current"/> -</text:p></style:footer>`
	footerEmDash    = `<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current"/> —</text:p></style:footer>`
	headerAndPageOf = `<style:header><text:p text:style-name="Header">汉阳区发展和改革局　内部资料</text:p></style:header>` +
		`<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current"/> 页 共 <text:page-count/> 页</text:p></style:footer>`
)

const scannedBody = `<text:p text:style-name="Standard"><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="16cm" svg:height="22.6cm"><draw:image xlink:href="scan.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>`

// reportBody lays the parsed report out as a document: the title, each
// heading in the style of its level, each paragraph indented.
func reportBody(p *reporttext.ParsedReport) string {
	var b strings.Builder
	para(&b, "Title", p.Title)
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		if !s.Implied {
			para(&b, fmt.Sprintf("H%d", min(depth, 1)), s.Numbering+s.Title+s.TitleEnd)
		}
		for _, text := range s.Paragraphs {
			para(&b, "Body", text)
		}
	})
	return b.String()
}

// headersBody is the report's first paragraphs over three pages, under a
// running header and a 第N页 共M页 footer.
func headersBody(p *reporttext.ParsedReport) string {
	var b strings.Builder
	para(&b, "Title", "页眉页脚测试")
	n := 0
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		for _, text := range s.Paragraphs {
			if n < 17 {
				para(&b, "Body", text)
			}
			n++
		}
	})
	return b.String()
}

// twoColumnBody is a title across the page, then numbered paragraphs in
// two columns, then a closing paragraph across the page again: read in
// order, the numbers count up.
func twoColumnBody() string {
	var b strings.Builder
	para(&b, "Title", "两栏排版测试")
	para(&b, "Body", "本页上方的标题和这一段横跨整页，下面的文字分为左右两栏，先读完左栏再读右栏。")
	b.WriteString(`<text:section text:style-name="Cols" text:name="cols">`)
	for i := 1; i <= 8; i++ {
		para(&b, "Body", fmt.Sprintf("第%d段：这是两栏中的第%d个段落，用来检验阅读顺序是否正确，栏内的文字应当连续读出，不与另一栏的文字交错混杂。", i, i))
	}
	b.WriteString(`</text:section>`)
	para(&b, "Body", "这是两栏之后横跨整页的结束段落，它应当排在第8段之后。")
	return b.String()
}

// longBody repeats the report's paragraphs until the document has pages
// pages, one numbered section a page, ten to a part (一、 over 1. to 10.:
// reporttext numbers a level up to 99), for the bound on pages and the
// memory a long document takes.
func longBody(p *reporttext.ParsedReport, pages int) string {
	var paras []string
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) { paras = append(paras, s.Paragraphs...) })
	var b strings.Builder
	para(&b, "Title", "三百页长文档测试")
	for i := 0; i < pages; i++ {
		style := "H1"
		if i > 0 {
			style = "H1Break"
		}
		if i%10 == 0 {
			para(&b, strings.Replace(style, "H1", "H0", 1), fmt.Sprintf("%s、第%d篇", chineseNumber(i/10+1), i/10+1))
			style = "H1"
		}
		para(&b, style, fmt.Sprintf("%d.第%d部分", i%10+1, i+1))
		para(&b, "Body", paras[i%len(paras)])
	}
	return b.String()
}

// chineseNumber writes 1 … 99 in Chinese numerals.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

func para(b *strings.Builder, style, text string) {
	tag := "p"
	if strings.HasPrefix(style, "H") {
		tag = "h"
	}
	fmt.Fprintf(b, "<text:%s text:style-name=%q>%s</text:%s>\n", tag, style, html.EscapeString(text), tag)
}

// document wraps a body in a flat ODT: an A4 page with the margins of a
// government document, Liberation Serif for Latin text and Noto Serif CJK
// for Chinese (as Word users pair Times New Roman with 宋体), headings in
// Noto Sans CJK bold.
func document(furniture, body string) string {
	return strings.NewReplacer("{{FURNITURE}}", furniture, "{{BODY}}", body).Replace(template)
}

const template = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
<style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
<style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties style:punctuation-wrap="simple" fo:text-indent="24pt" fo:text-align="justify" fo:line-height="150%"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="18pt"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H0" style:family="paragraph"><style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="6pt"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="3pt"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H1Break" style:family="paragraph" style:parent-style-name="H1"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="H0Break" style:family="paragraph" style:parent-style-name="H0"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.8cm"/></style:footer-style></style:page-layout>
<style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4">{{FURNITURE}}</style:master-page>
</office:master-styles>
<office:body><office:text>
{{BODY}}
</office:text></office:body></office:document>
`
