package reviewdoc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// readDocx is a python-docx script printing a document's paragraphs, each
// with its style, then every table cell, as Word's object model sees them.
const readDocx = `
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print("P", p.style.name, "|", p.text)
for t in d.tables:
    for r in t.rows:
        print("R", " | ".join(c.text for c in r.cells))
s = d.sections[0]
print("PAGE", s.page_width.mm, s.page_height.mm)
print("FOOTER", d.sections[0].footer.paragraphs[0]._p.xml.count("PAGE"))
`

func writeDocxFile(t *testing.T, in Input) string {
	t.Helper()
	doc, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "review.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDocxOfTheShippedReportReadsBack writes the shipped report's review
// and reads it with python-docx: headings, the indicator table's cells and
// the comments are there.
func TestDocxOfTheShippedReportReadsBack(t *testing.T) {
	in := shippedInput(t, "zh")
	path := writeDocxFile(t, in)
	if dir := os.Getenv("REVIEWDOC_KEEP"); dir != "" {
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(filepath.Join(dir, "review.docx"), data, 0o644)
	}
	out := python(t, "docx", readDocx, path)
	ind := in.Indicators[0]
	contains(t, "docx", out,
		"P Title | "+in.Report.Title, "P Subtitle | 审阅报告", "审阅人：张三、李四、王五", "日期：2026年12月3日",
		"P Heading 1 | 审阅概况", "P Heading 1 | 分节审阅情况", "P Heading 1 | 附录：数值修改记录",
		"P Heading 2 | "+in.Sections[0].Heading(),
		"R 指标 | 单位 | 基期值 | 目标值 | 中期值 | 状态 | 预计",
		"R "+ind.Name+" | "+ind.Unit+" | "+ind.Baseline+" | "+ind.Target+" | "+ind.Midterm+" | ",
		"此处表述需与统计公报口径一致。", "李四 回复（2026-11-20 10:30）：已按2023年统计公报核对。",
		"建议改为：“建议改为更精炼的表述。”", "建议修改 · 已采纳 · 张三", "（原文已变）", "针对指标："+ind.Name,
		"审阅状态：需修改", "已审阅 3/", "备注: （空） → 已核对统计公报",
		"PAGE 210", "FOOTER 1")
	if t.Failed() {
		t.Log(out)
	}
}
