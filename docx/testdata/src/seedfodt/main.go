// Command seedfodt writes the shipped report, read from the .txt on its
// standard input, as a LibreOffice flat ODT document on its standard
// output: its title in the Title style, its headings in heading styles
// whose numbering is automatic (the numbers are not in the text: the
// office suite adds them), its paragraphs as the text rules read them.
// scripts/make-docx-fixtures.sh turns it into a .docx and a .pdf.
//
// The parts are numbered 一、 (Heading 1, outline numbering); the
// subsections of part 一 1. and those of part 三 （一）, the way the
// report writes them: two paragraph styles based on Heading 2, each with a
// list style of its own, so the two lists count apart.
package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"plandesk/reporttext"
)

func main() {
	raw, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	p, err := reporttext.ParseReport(raw)
	if err != nil {
		fail(err)
	}
	var body strings.Builder
	body.WriteString(`<text:p text:style-name="Title">` + strings.Join(titleLines(string(raw), p.Title), "<text:line-break/>") + "</text:p>\n")
	p.Walk(func(s, parent *reporttext.ParsedSection, depth int) {
		style := "Heading_20_1"
		if depth > 0 {
			style = "Section_20_Decimal"
			if strings.HasPrefix(s.Numbering, "（") {
				style = "Section_20_Chinese"
			}
		}
		h := fmt.Sprintf("<text:h text:style-name=%q text:outline-level=\"%d\">%s</text:h>", style, depth+1, esc(s.Title))
		if depth > 0 {
			// A list of one item, numbered on from the list before it of
			// the same style: LibreOffice numbers a heading by its style's
			// list only inside a list.
			list := strings.TrimPrefix(style, "Section_20_")
			h = fmt.Sprintf("<text:list text:style-name=%q text:continue-numbering=\"true\"><text:list-item>%s</text:list-item></text:list>", list, h)
		}
		body.WriteString(h + "\n")
		for _, para := range s.Paragraphs {
			fmt.Fprintf(&body, "<text:p text:style-name=\"Text_20_body\">%s</text:p>\n", esc(para))
		}
	})
	os.Stdout.WriteString(strings.Replace(template, "@BODY@", body.String(), 1))
}

// titleLines are the lines at the top of the text that make the title,
// each escaped, so the document sets the title over the same lines.
func titleLines(text, title string) []string {
	var lines []string
	joined := ""
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if joined += l; !strings.HasPrefix(title, joined) {
			fail(fmt.Errorf("title %q does not start the text", title))
		}
		lines = append(lines, esc(l))
		if joined == title {
			return lines
		}
	}
	fail(fmt.Errorf("title %q not found", title))
	return nil
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "seedfodt:", err)
	os.Exit(1)
}

const template = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
  <style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:line-height="150%"/>
   <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:text-indent="0.85cm" fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
   <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
   <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/>
  </style:style>
  <style:style style:name="Section_20_Decimal" style:display-name="分节标题（数字）" style:family="paragraph" style:parent-style-name="Heading_20_2" style:default-outline-level="2" style:list-style-name="Decimal" style:class="text"/>
  <style:style style:name="Section_20_Chinese" style:display-name="分节标题（汉字）" style:family="paragraph" style:parent-style-name="Heading_20_2" style:default-outline-level="2" style:list-style-name="Chinese" style:class="text"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="20pt" style:font-size-asian="20pt"/>
  </style:style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:outline-level-style>
  </text:outline-style>
  <text:list-style style:name="Decimal">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="Chinese">
   <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body>
  <office:text>
@BODY@  </office:text>
 </office:body>
</office:document>
`
