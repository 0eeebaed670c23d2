package targets

import (
	"errors"
	"testing"
)

// roles is a mapping's roles, with each column's year after a colon.
func roles(m Mapping) []string {
	var out []string
	for _, c := range m.Columns {
		s := string(c.Role)
		if c.Year != "" {
			s += ":" + c.Year
		}
		out = append(out, s)
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRecogniseHeaderWords: the header words plans and their English
// versions use, a title and a note above the header, years in the header.
func TestRecogniseHeaderWords(t *testing.T) {
	cases := []struct {
		name   string
		rows   [][]string
		header int
		want   []string
	}{
		{"national layout under a title",
			[][]string{{"表1 “十四五”时期经济社会发展主要指标"}, {}, {"类别", "序号", "指标", "单位", "2020年", "2025年", "年均/累计", "属性"}},
			2, []string{"category", "seq", "name", "unit", "baseline:2020", "target:2025", "mode", "attribute"}},
		{"named values and years per row",
			[][]string{{"指标名称", "计量单位", "基期值", "基期年份", "目标值", "目标年份", "指标属性"}},
			0, []string{"name", "unit", "baseline", "baseline_year", "target", "target_year", "attribute"}},
		{"words with years",
			[][]string{{"序号", "名称", "单位", "2020年基期值", "2025年目标", "2021—2025年年均增长", "性质"}},
			0, []string{"seq", "name", "unit", "baseline:2020", "target:2025", "mode:2025", "attribute"}},
		{"English",
			[][]string{{"Category", "No.", "Indicator", "Unit", "Baseline", "Target", "Annual/Cumulative", "Attribute"}},
			0, []string{"category", "seq", "name", "unit", "baseline", "target", "mode", "attribute"}},
		{"full-width and spaced",
			[][]string{{"指 标", "单　位", "２０２０年", "２０２５年", "〔累计〕"}},
			0, []string{"name", "unit", "baseline:2020", "target:2025", "mode"}},
		{"a single year is the target",
			[][]string{{"指标", "单位", "2025年", "备注"}},
			0, []string{"name", "unit", "target:2025", ""}},
		{"a single year beside a target is the baseline",
			[][]string{{"指标", "2020年", "规划目标"}},
			0, []string{"name", "baseline:2020", "target"}},
		{"a year between baseline and target is the mid-term value",
			[][]string{{"指标", "2020年", "2022年", "2025年"}},
			0, []string{"name", "baseline:2020", "midterm:2022", "target:2025"}},
		{"two years before a named target are baseline and mid-term",
			[][]string{{"指标", "2020年", "2022年", "2025年目标"}},
			0, []string{"name", "baseline:2020", "midterm:2022", "target:2025"}},
		{"a 完成 column is the mid-term value",
			[][]string{{"指标名称", "基期值", "2023年完成", "目标值"}},
			0, []string{"name", "baseline", "midterm:2023", "target"}},
		{"a second indicator column is not read",
			[][]string{{"指标", "名称", "目标"}},
			0, []string{"name", "", "target"}},
	}
	for _, c := range cases {
		m, err := Recognise(c.rows)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(m.HeaderRows) != 1 || m.HeaderRows[0] != c.header || !equalStrings(roles(m), c.want) {
			t.Errorf("%s: header rows %v, roles %q, want row %d %q", c.name, m.HeaderRows, roles(m), c.header, c.want)
		}
	}
}

// TestRecogniseTwoRowHeader: 规划目标 merged over 2025年 and 年均增速 (the
// cell under a merge is empty), 基期 over 2020年: the lower row's words
// win, the years come from either, and the header is both rows.
func TestRecogniseTwoRowHeader(t *testing.T) {
	rows := [][]string{
		{"示例数据（非真实规划目标）"},
		{"类别", "指标", "单位", "基期", "规划目标", "", "属性"},
		{"", "", "", "2020年", "2025年", "年均增速", ""},
		{"经济发展", "地区生产总值", "亿元", "1000", "1500", "8.5", "预期性"},
	}
	m, err := Recognise(rows)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"category", "name", "unit", "baseline:2020", "target:2025", "mode", "attribute"}
	if !equalStrings(roles(m), want) || len(m.HeaderRows) != 2 || m.HeaderRows[1] != 2 {
		t.Fatalf("roles %q, header rows %v", roles(m), m.HeaderRows)
	}
	if m.Columns[4].Header != "规划目标 / 2025年" || m.Columns[5].Header != "年均增速" {
		t.Errorf("headers %q, %q", m.Columns[4].Header, m.Columns[5].Header)
	}
	// A data row below a one-row header does not continue it.
	m, _ = Recognise([][]string{{"指标", "2025年"}, {"人口", "100"}})
	if len(m.HeaderRows) != 1 {
		t.Errorf("a data row taken for the header: %v", m.HeaderRows)
	}
}

// TestRecogniseRefusesATableWithoutHeader: no indicator column, or no
// value column, or a header too far down.
func TestRecogniseRefusesATableWithoutHeader(t *testing.T) {
	far := make([][]string, HeaderSearch)
	far = append(far, []string{"指标", "目标"})
	for _, rows := range [][][]string{
		nil,
		{{"地区生产总值", "6"}},
		{{"指标", "单位", "属性"}},
		{{"表1 主要指标"}, {"单位", "2025年"}},
		far,
	} {
		if _, err := Recognise(rows); !errors.Is(err, ErrNoHeader) {
			t.Errorf("%q: %v", rows, err)
		}
	}
}

// TestAssignReassignsOneColumn: a user's re-assignment moves a role off
// the column that had it, reads the new column's year from its header and
// leaves the mapping it was made from as it was.
func TestAssignReassignsOneColumn(t *testing.T) {
	m, err := Recognise([][]string{{"指标", "单位", "2020年", "备注（2025年）"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := roles(m); !equalStrings(got, []string{"name", "unit", "target:2020", ""}) {
		t.Fatalf("recognised %q", got)
	}
	n := m.Assign(2, RoleBaseline).Assign(3, RoleTarget)
	if got := roles(n); !equalStrings(got, []string{"name", "unit", "baseline:2020", "target:2025"}) {
		t.Errorf("assigned %q", got)
	}
	if got := roles(m); !equalStrings(got, []string{"name", "unit", "target:2020", ""}) {
		t.Errorf("the original changed: %q", got)
	}
	n = n.Assign(1, RoleName)
	if got := roles(n); !equalStrings(got, []string{"", "name", "baseline:2020", "target:2025"}) {
		t.Errorf("name moved: %q", got)
	}
	if got := roles(n.Assign(5, RoleAttribute)); len(got) != 6 || got[5] != "attribute" {
		t.Errorf("a column past the header: %q", got)
	}
	if got := roles(n.Assign(-1, RoleName)); !equalStrings(got, roles(n)) {
		t.Errorf("a negative column changed %q", got)
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 7: "H", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColumnLetter(i); got != want {
			t.Errorf("ColumnLetter(%d) = %s, want %s", i, got, want)
		}
	}
}
