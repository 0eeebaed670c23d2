package docx

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// The fixtures are documents LibreOffice wrote from the sources in
// testdata/src/ (scripts/make-docx-fixtures.sh): what Word, WPS or
// LibreOffice saves, not what this package would write.

// TestInventedReportReadsAsWordShowsIt: the invented report's headings,
// numbered by Word's automatic numbering (一、 （一） 1.), make the tree
// with the numbers as on screen; its title is the Title style's two
// lines; the table of contents is left out; the footnote and the endnote
// end their paragraphs; the tracked changes read as accepted; the list's
// labels, the hyperlink's text, the soft line break and the tab are kept;
// the picture is 〔图〕.
func TestInventedReportReadsAsWordShowsIt(t *testing.T) {
	res := readFixture(t, "qingxi-report.docx")
	assertGolden(t, "qingxi-report.golden", dump(res.Report))
	p := res.Report
	if p.Title != "青溪区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || p.Region != "青溪区" ||
		p.PlanPeriod != "十四五" || p.EvaluationDate != "2023年6月" {
		t.Errorf("title %q, region %q, plan %q, date %q", p.Title, p.Region, p.PlanPeriod, p.EvaluationDate)
	}
	var headings []string
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		headings = append(headings, strings.Repeat("-", depth)+s.Numbering+s.Title)
	})
	want := []string{"前言", "一、总体进展", "-（一）经济发展", "--1.数字经济", "--2.现代服务业", "-（二）民生保障",
		"二、存在的问题", "三、下一步举措", "-（一）做强主导产业", "-（二）补齐民生短板"}
	if !slices.Equal(headings, want) {
		t.Errorf("headings %q\nwant %q", headings, want)
	}
	want = []string{
		"纲要实施以来，全区经济运行稳中向好，主要指标进展总体符合预期。〔注：本报告数据来源于区统计局，截至2022年底。〕",
		"全区数字经济类企业达到196家，建成5G基站1200个，详见区政府门户网站。",
		"（1）商圈提档升级。", "①滨江商圈完成改造。", "②老城商圈引进品牌首店12家。", "（2）会展经济扩容。全年举办展会46场。",
		"〔图〕", "养老服务覆盖率达到92%。〔注：按常住老年人口计算。〕",
	}
	text := strings.Join(paragraphs(p), "\n")
	for _, w := range want {
		if !strings.Contains(text, w+"\n") {
			t.Errorf("no paragraph %q", w)
		}
	}
	for _, gone := range []string{"约有一百四十家", "目录"} {
		if strings.Contains(p.Text(), gone) {
			t.Errorf("%q is in the text", gone)
		}
	}
	got := *res
	got.Report = nil
	if wantRes := (Result{HasRevisions: true, Images: 1, Notes: 2, Tables: 1, FromStyles: true, SkippedContents: true}); got != wantRes {
		t.Errorf("result %+v, want %+v", got, wantRes)
	}
}

// TestMergedCellsResolveToTheGrid: the 主要指标 table's header 类别 and 指标
// span two rows (vMerge) and 数值 two columns (gridSpan); 经济发展 spans
// two rows of the body; every row has one cell per grid column, the
// covered ones marked; a cell of two paragraphs has two lines.
func TestMergedCellsResolveToTheGrid(t *testing.T) {
	s := readFixture(t, "qingxi-report.docx").Report.Sections[1].Children[0]
	if len(s.Tables) != 1 || s.Tables[0].After != 1 {
		t.Fatalf("section %q: tables %+v, want one after its first paragraph", s.Title, s.Tables)
	}
	var b strings.Builder
	dumpTable(&b, "", s.Tables[0])
	want := `| 类别{1x2} | 指标{1x2} | 数值{2x1} | · |
| · | · | 2020年 | 2022年 |
| 经济发展{1x2} | 地区生产总值（亿元） | 1180 | 1325 |
| · | 数字经济类企业（家） | 138 | 196⏎（含在建） |
| 民生福祉 | 城镇新增就业（万人） | 2.3 | 4.86 |
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, row := range s.Tables[0].Rows {
		for _, c := range row {
			if c.Covered != (c.ColSpan == 0 && c.RowSpan == 0) || c.Covered && c.Text != "" {
				t.Errorf("cell %+v: a covered cell has no spans and no text, any other has both", c)
			}
		}
	}
}

// TestShippedReportDocxReadsAsItsText: the shipped report laid out in
// Word, its headings in heading styles numbered automatically (一、, and
// 1. under part 一 but （一） under part 三, two lists), reads to the same
// title, tree and paragraphs as its .txt through the text rules.
func TestShippedReportDocxReadsAsItsText(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "store", "seed", "hanyang-midterm-eval.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := reporttext.ParseReport(text)
	if err != nil {
		t.Fatal(err)
	}
	res := readFixture(t, "hanyang-midterm-eval.docx")
	if got := dump(res.Report); got != dump(want) {
		t.Errorf("the .docx reads\n%s\nthe .txt\n%s", got, dump(want))
	}
	if !res.FromStyles || res.HasRevisions || res.Images != 0 || res.Tables != 0 {
		t.Errorf("result %+v", *res)
	}
	if res.Report.Text() != want.Text() {
		t.Error("the texts differ")
	}
}

// TestDocumentWithoutHeadingStylesReadsByTheTextRules: a report typed
// without heading styles, its numbering typed, is read by the text rules:
// the typed headings make the tree, but each of the document's paragraphs
// stays a paragraph (主要数据如下： does not run into the next), the list
// keeps its labels and the table stands where it stood.
func TestDocumentWithoutHeadingStylesReadsByTheTextRules(t *testing.T) {
	res := readFixture(t, "plain-report.docx")
	assertGolden(t, "plain-report.golden", dump(res.Report))
	if res.FromStyles || res.Tables != 1 {
		t.Errorf("result %+v", *res)
	}
	s := res.Report.Sections[1].Children[0]
	if s.Numbering+s.Title != "（一）经济运行" || len(s.Paragraphs) != 2 || len(s.Tables) != 1 || s.Tables[0].After != 1 {
		t.Errorf("section %q: paragraphs %q, tables %+v", s.Numbering+s.Title, s.Paragraphs, s.Tables)
	}
	if strings.Contains(res.Report.Text(), "第1页") {
		t.Error("the footer's page number is in the text")
	}
}

// TestFixturesLoseNothing: every non-space character of every body
// paragraph and table cell of each fixture (as a plain scan of its
// document.xml finds them, deleted text and the table of contents left
// out) appears once, in order, in the report's title, headings,
// paragraphs and tables; what the report adds is only the automatic
// numbers and the markers.
func TestFixturesLoseNothing(t *testing.T) {
	for _, name := range []string{"qingxi-report.docx", "hanyang-midterm-eval.docx", "plain-report.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := readBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		checkNoLoss(t, name, sourceText(t, data), res.Report)
	}
}

// paragraphs lists every paragraph of the report in reading order.
func paragraphs(p *reporttext.ParsedReport) []string {
	var all []string
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) { all = append(all, s.Paragraphs...) })
	return all
}

// TestNumbersAreAsLibreOfficeShowsThem: every heading, its number first,
// and the start of every paragraph, a list item's label first, stand in
// the text of the PDF LibreOffice printed of the same document (made with
// the fixture, testdata/NAME.pdf.txt): the numbers the reader rebuilds
// from the list definitions are the ones on the page.
func TestNumbersAreAsLibreOfficeShowsThem(t *testing.T) {
	for _, name := range []string{"qingxi-report", "hanyang-midterm-eval"} {
		printed, err := os.ReadFile(filepath.Join("testdata", name+".pdf.txt"))
		if err != nil {
			t.Fatal(err)
		}
		page := keepNonSpace(string(printed))
		readFixture(t, name+".docx").Report.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
			if !s.Implied && !strings.Contains(page, keepNonSpace(s.Numbering+s.Title)) {
				t.Errorf("%s: heading %q is not on the page", name, s.Numbering+s.Title)
			}
			for _, para := range s.Paragraphs {
				start := []rune(keepNonSpace(picturesIn.ReplaceAllString(para, "")))
				if head := string(start[:min(len(start), 8)]); !strings.Contains(page, head) {
					t.Errorf("%s: a paragraph starting %q is not on the page", name, head)
				}
			}
		})
	}
}
