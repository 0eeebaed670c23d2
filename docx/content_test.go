package docx

import (
	"strings"
	"testing"

	"plandesk/reporttext"
)

func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// TestParagraphContent: what a paragraph holds besides plain runs — a
// text box (its words kept in the marker) and a picture, each once though
// mc:AlternateContent writes it twice; fields (a page number and a table
// of contents left out, a hyperlink's shown text kept, no instruction);
// a symbol; moved text kept where it went; a deleted paragraph mark
// joining two paragraphs; the comment counted and left out.
func TestParagraphContent(t *testing.T) {
	textBox := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent>` +
		p("", "图1 区位示意") + `</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p("", "图1 区位示意") +
		`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	field := func(instr, result string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>` + instr + `</w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run(result) + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	doc := body(
		p("Title", "某区评估报告") + `<w:p>` + textBox + `<w:r><w:drawing><wp:inline/></w:drawing></w:r>` + run("见上图。") + `</w:p>` +
			`<w:p>` + run("详见") + field(` HYPERLINK "https://example.org" `, "门户网站") + run("第") +
			field(" PAGE ", "3") + run("页") + `<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>` +
			`<w:r><w:sym w:font="Symbol" w:char="2103"/></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>` + run("。") + `</w:p>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("一、总体情况 1") + `</w:p>` +
			`<w:p>` + run("二、问题 2") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
			`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z"/></w:rPr></w:pPr>` + run("前半句，") + `</w:p>` +
			`<w:p>` + run("后半句。") + `<w:moveFrom w:id="2">` + run("移走的") + `</w:moveFrom>` +
			`<w:moveTo w:id="3">` + run("移来的") + `</w:moveTo>` + `<w:r><w:commentReference w:id="0"/></w:r></w:p>`)
	res := mustRead(t, map[string]string{"word/document.xml": doc})
	got := strings.Join(paragraphs(res.Report), "|")
	want := "〔图：图1区位示意〕〔图〕见上图。|详见门户网站第页℃。|前半句，后半句。移来的"
	if got != want {
		t.Errorf("paragraphs %q\nwant %q\n%s", got, want, dump(res.Report))
	}
	if res.Report.Title != "某区评估报告" || res.Images != 2 || !res.HasRevisions || res.Comments != 1 || !res.Report.NoHeadings {
		t.Errorf("result %+v", *res)
	}
}

// TestNotesAndTablesAroundHeadings: a heading's footnote is its section's
// first paragraph; a table before the first heading is the text of 前言; a
// note's own paragraphs run together; the title set in the Title style
// and longer than reporttext.MaxTitleRunes is cut, the rest opening 前言.
func TestNotesAndTablesAroundHeadings(t *testing.T) {
	notes := `<?xml version="1.0"?><w:footnotes ` + wordNS + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + run("第一段。") + `</w:p>` + p("", "第二段。") + `</w:footnote></w:footnotes>`
	long := strings.Repeat("某区规划纲要实施评估", 9) // 90 characters
	tbl := `<w:tbl><w:tr><w:tc>` + p("", "甲") + `</w:tc><w:tc>` + p("", "乙") + `</w:tc></w:tr></w:tbl>`
	res := mustRead(t, map[string]string{
		"word/footnotes.xml": notes,
		"word/document.xml": body(p("Title", long) + tbl + `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>` + run("一、总体情况") +
			`<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` + p("", "正文。")),
	})
	r := res.Report
	if r.Title != long[:len(string([]rune(long)[:reporttext.MaxTitleRunes]))] {
		t.Errorf("title %q", r.Title)
	}
	pre := r.Sections[0]
	if !pre.Implied || len(pre.Paragraphs) != 1 || pre.Paragraphs[0] != string([]rune(long)[reporttext.MaxTitleRunes:]) ||
		len(pre.Tables) != 1 || pre.Tables[0].After != 1 {
		t.Errorf("前言 %q, tables %+v", pre.Paragraphs, pre.Tables)
	}
	h := r.Sections[1]
	if h.Numbering != "一、" || h.Title != "总体情况" || strings.Join(h.Paragraphs, "|") != "〔注：第一段。第二段。〕|正文。" {
		t.Errorf("heading %q %q, paragraphs %q", h.Numbering, h.Title, h.Paragraphs)
	}
	if res.Notes != 1 {
		t.Errorf("notes %d", res.Notes)
	}
}

func tc(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p("", text) + `</w:tc>`
}

// TestTableMerges: gridBefore leaves plain empty cells; a legacy hMerge
// widens the cell to its left; a vMerge continue under a cell that
// started none is a plain cell; text in a covered cell joins the cell
// covering it; a nested table is flattened into its cell, a row a line;
// a deleted row is left out; a row shorter than the grid is filled.
func TestTableMerges(t *testing.T) {
	nested := `<w:tbl><w:tr>` + tc("", "子1") + tc("", "子2") + `</w:tr><w:tr>` + tc("", "子3") + tc("", "") + `</w:tr></w:tbl>`
	doc := body(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(`<w:vMerge w:val="restart"/>`, "甲") + tc(`<w:hMerge w:val="restart"/>`, "乙") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "丙") + tc(`<w:vMerge/>`, "丁") + tc("", "戊") + `</w:tr>` +
		`<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2023-01-01T00:00:00Z"/></w:trPr>` + tc("", "删") + `</w:tr>` +
		`<w:tr>` + tc(`<w:hMerge w:val="restart"/>`, "己") + tc(`<w:hMerge/>`, "") + `<w:tc>` + nested + `</w:tc></w:tr>` +
		`<w:tr>` + tc("", "庚") + `</w:tr></w:tbl>`)
	res := mustRead(t, map[string]string{"word/document.xml": doc})
	var b strings.Builder
	dumpTable(&b, "", res.Report.Sections[0].Tables[0])
	want := `|  | 甲⏎丁{1x2} | 乙 |
| 丙 | · | 戊 |
| 己{2x1} | · | 子1 子2⏎子3 |
| 庚 |  |  |
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}
