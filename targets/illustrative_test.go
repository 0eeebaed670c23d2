package targets

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The illustrative target table: invented numbers in the shape of a
// district plan's main-indicator table, for the shipped report's
// indicators, with rows that match none of them. It is test data only,
// never shipped or embedded, and says so in its first row. go test
// -run TestIllustrativeFiles -update writes the files from it.

var update = flag.Bool("update", false, "rewrite the illustrative files in testdata")

// illustrativeNote is the first row of every illustrative file.
const illustrativeNote = "示例数据（非真实规划目标）：本表数值均为虚构，仅供测试，不是汉阳区或任何地方的规划目标"

// illustrativeBase names the files in testdata, one per format.
const illustrativeBase = "illustrative-targets-NOT-REAL"

var illustrativeHeader = []string{"类别", "序号", "指标", "单位", "2020年", "2025年", "年均/累计", "属性"}

// illustrativeRows are the table's rows below its header. A category is
// written on its first row only, as a merged cell reads.
var illustrativeRows = [][]string{
	{"经济发展", "1", "地区生产总值增长", "%", "3.5", "—", "6左右", "预期性"},
	{"", "2", "数字经济类企业数量", "家", "150", "300", "—", "预期性"},
	{"", "3", "智能化改造项目", "个", "—", "—", "〔40〕", "预期性"},
	{"", "4", "高新技术企业", "家", "200", "320", "—", "预期性"},
	{"", "5", "旅游业收入", "亿元", "18", "30", "—", "预期性"},
	{"城市建设", "6", "全区规划路网建成率", "％", "70", "≥80", "—", "约束性"},
	{"", "7", "新增亿元税收楼宇", "栋", "—", "—", "〔12〕", "预期性"},
	{"", "8", "主次干道机械化作业率", "%", "95", "不低于98", "—", "约束性"},
	{"", "9", "武汉国际博览中心举办展会", "场", "60", "100以上", "—", "预期性"},
	{"绿色生态", "10", "绿化覆盖率", "%", "40.5", "42", "—", "约束性"},
	{"", "11", "绿地覆盖率", "%", "35.8", "37", "—", "约束性"},
	{"", "12", "单位地区生产总值\n能源消耗降低", "%", "—", "—", "[13.5]", "约束性"},
	{"", "13", "细颗粒物（PM2.5）平均浓度", "微克/立方米", "40", "≤35", "—", "约束性"},
	{"民生保障", "14", "城镇新增就业人数", "万人", "—", "—", "〔6〕", "预期性"},
	{"", "15", "累计发放各类就业创业补贴", "亿元", "—", "—", "〔3.5〕", "预期性"},
	{"", "16", "累计发放各类就业创业补贴人数", "人", "—", "—", "〔50000〕", "预期性"},
	{"", "17", "扶持创业", "万人", "—", "—", "〔1.8〕", "预期性"},
	{"", "18", "带动就业", "万人", "—", "—", "〔2–2.5〕", "预期性"},
	{"", "19", "累计增加学位", "万个", "—", "—", "〔18〕", "预期性"},
	{"", "20", "养老机构医养结合率", "%", "90", "100", "—", "约束性"},
	{"", "21", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.5", "4.5", "—", "预期性"},
	{"文化与治理", "22", "新增国家级非物质文化遗产项目", "项", "—", "—", "〔3〕", "预期性"},
	{"", "23", "市民热线办结率", "%", "95", "≥98", "—", "约束性"},
	{"", "24", "群众满意率", "%", "90", "95", "—", "预期性"},
	{"", "25", "国企改革六大类任务", "项", "—", "完成省、市下达任务", "—", "约束性"},
}

// illustrativeTitle stands above the header, as a plan prints its table.
const illustrativeTitle = "表1 汉阳区“十四五”时期经济社会发展主要指标（示例）"

// illustrativeNotes stand under the table.
const illustrativeNotes = "注：〔〕内为五年累计数；本表为测试用示例数据。"

// illustrativeTable is the one-row-header table as the CSV and the text
// hold it: note, title, header, rows, notes.
func illustrativeTable() [][]string {
	rows := [][]string{{illustrativeNote}, {illustrativeTitle}, illustrativeHeader}
	rows = append(rows, illustrativeRows...)
	return append(rows, []string{illustrativeNotes})
}

// writeIllustrativeCSV writes the table as Excel and WPS write a CSV.
func writeIllustrativeCSV() []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.WriteAll(illustrativeTable())
	return b.Bytes()
}

// writeIllustrativeTSV writes the table as Excel puts it on the clipboard:
// tabs, CRLF, a cell with a line break or a quote in quotes.
func writeIllustrativeTSV() []byte {
	var b strings.Builder
	for _, row := range illustrativeTable() {
		for i, c := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			if strings.ContainsAny(c, "\t\n\"") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// writeIllustrativeXLSX writes the table as a plan's workbook looks: the
// note and the title, a header over two rows (基期 over 2020年, 规划目标
// merged over 2025年 and 年均/累计), each category merged down its rows.
func writeIllustrativeXLSX(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName(sh, "主要指标（示例）"))
	sh = "主要指标（示例）"
	setRow := func(row int, cells []string) {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = c
		}
		must(f.SetSheetRow(sh, "A"+strconv.Itoa(row), &vals))
	}
	setRow(1, []string{illustrativeNote})
	setRow(2, []string{illustrativeTitle})
	setRow(3, []string{"类别", "序号", "指标", "单位", "基期", "规划目标", "", "属性"})
	setRow(4, []string{"", "", "", "", "2020年", "2025年", "年均/累计", ""})
	for _, r := range []string{"A", "B", "C", "D", "H"} {
		must(f.MergeCell(sh, r+"3", r+"4"))
	}
	must(f.MergeCell(sh, "F3", "G3"))
	first := 5
	for i, row := range illustrativeRows {
		setRow(first+i, row)
	}
	// Each category's cell merged down to the row before the next one.
	start := first
	for i := 1; i <= len(illustrativeRows); i++ {
		if i == len(illustrativeRows) || illustrativeRows[i][0] != "" {
			if end := first + i - 1; end > start {
				must(f.MergeCell(sh, "A"+strconv.Itoa(start), "A"+strconv.Itoa(end)))
			}
			start = first + i
		}
	}
	setRow(first+len(illustrativeRows), []string{illustrativeNotes})
	must(f.SetColWidth(sh, "C", "C", 34))
	var b bytes.Buffer
	must(f.Write(&b))
	return b.Bytes()
}

// TestIllustrativeFiles reads each illustrative file: the same indicators
// from each format, as the rows above give them, with a note in the first
// row saying they are not real. With -update it writes them first.
func TestIllustrativeFiles(t *testing.T) {
	files := map[string]func() []byte{
		".csv":  writeIllustrativeCSV,
		".tsv":  writeIllustrativeTSV,
		".xlsx": func() []byte { return writeIllustrativeXLSX(t) },
	}
	var first []Row
	for _, ext := range []string{".csv", ".tsv", ".xlsx"} {
		path := filepath.Join("testdata", illustrativeBase+ext)
		if *update {
			if err := os.WriteFile(path, files[ext](), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if ext != ".xlsx" { // a workbook holds the time it was written
			if content, err := os.ReadFile(path); err != nil || !bytes.Equal(content, files[ext]()) {
				t.Errorf("%s is not what the rows above write (%v): run go test -run TestIllustrativeFiles -update", path, err)
			}
		}
		rows, err := ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(rows) == 0 || len(rows[0]) == 0 || !strings.HasPrefix(rows[0][0], "示例数据（非真实规划目标）") {
			t.Errorf("%s does not start with its note that it is not real: %q", path, rows[:1])
		}
		tab, err := Read(rows)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(tab.Rows) != len(illustrativeRows) {
			t.Fatalf("%s: %d rows, want %d", path, len(tab.Rows), len(illustrativeRows))
		}
		if first == nil {
			first = tab.Rows
			continue
		}
		for i, r := range tab.Rows {
			a, b := r, first[i]
			a.Line, b.Line, a.Columns, b.Columns = 0, 0, nil, nil
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s row %d = %+v\nwant (as the CSV) %+v", path, i, a, b)
			}
		}
	}
}
