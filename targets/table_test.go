package targets

import (
	"testing"

	"plandesk/plan"
)

// readPasted reads a pasted table, failing the test when it has no header.
func readPasted(t *testing.T, text string) Table {
	t.Helper()
	tab, err := Read(ParsePasted(text))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestExtractCarriesMergedCategoriesAndSkipsNotes: a 类别 merged over its
// rows reads empty below its first and stays in force; a row of one text
// names the category; notes, blank lines and the header printed again on a
// second page are no indicators; rows are numbered as the table numbers
// them.
func TestExtractCarriesMergedCategoriesAndSkipsNotes(t *testing.T) {
	tab := readPasted(t, "表1 主要指标\n"+
		"类别\t指标\t单位\t2020年\t2025年\t属性\n"+
		"经济发展\t地区生产总值\t亿元\t1000\t1500\t预期性\n"+
		"\t社会消费品零售总额\t亿元\t600\t900\t预期性\n"+
		"\n"+
		"类别\t指标\t单位\t2020年\t2025年\t属性\n"+
		"二、民生福祉\n"+
		"\t城镇新增就业\t万人\t—\t〔6〕\t预期性\n"+
		"注：〔〕内为五年累计数。\n"+
		"资料来源：区统计局\n")
	want := []struct {
		line           int
		category, name string
	}{{3, "经济发展", "地区生产总值"}, {4, "经济发展", "社会消费品零售总额"}, {8, "二、民生福祉", "城镇新增就业"}}
	if len(tab.Rows) != len(want) {
		t.Fatalf("rows = %+v", tab.Rows)
	}
	for i, w := range want {
		r := tab.Rows[i]
		if r.Line != w.line || r.Category != w.category || r.Name != w.name {
			t.Errorf("row %d = line %d %s %s, want %+v", i, r.Line, r.Category, r.Name, w)
		}
	}
}

// TestExtractReadsValuesAsWritten: baselines and targets as written, a
// dash as no value, years from the header, the target from the 年均/累计
// column when the 2025年 one has none, the unit from the name's brackets,
// a name wrapped in its cell joined, a name cell merged over two rows.
func TestExtractReadsValuesAsWritten(t *testing.T) {
	tab := readPasted(t, "类别\t序号\t指标\t单位\t2020年\t2025年\t年均/累计\t属性\n"+
		"经济发展\t1\t地区生产总值增长\t%\t3.5\t—\t6左右\t预期性\n"+
		"\t2\t常住人口城镇化率\t%\t80\t85\t—\t预期\n"+
		"\t3\t地区生产总值（亿元）\t\t1000\t1500\t8.5\t\n"+
		"\t4\t\"单位地区生产总值\n能源消耗降低\"\t%\t/\t-\t[13.5]\t约束\n"+
		"\t5\t累计发放就业补贴\t万人\t\t\t〔4〕\t\n"+
		"\t\t\t亿元\t\t\t〔2.5〕\t\n")
	type row struct{ name, unit, baseline, baselineYear, target, targetYear, kind, mode, attribute string }
	want := []row{
		{"地区生产总值增长", "%", "3.5", "2020", "6左右", "2025", plan.TargetAnnual, "", plan.AttributeExpected},
		{"常住人口城镇化率", "%", "80", "2020", "85", "2025", plan.TargetLevel, "", plan.AttributeExpected},
		{"地区生产总值", "亿元", "1000", "2020", "1500", "2025", plan.TargetLevel, "8.5", ""},
		{"单位地区生产总值能源消耗降低", "%", "", "", "[13.5]", "2025", plan.TargetCumulative, "", plan.AttributeObligatory},
		{"累计发放就业补贴", "万人", "", "", "〔4〕", "2025", plan.TargetCumulative, "", ""},
		{"累计发放就业补贴", "亿元", "", "", "〔2.5〕", "2025", plan.TargetCumulative, "", ""},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("rows = %+v", tab.Rows)
	}
	for i, w := range want {
		r := tab.Rows[i]
		got := row{r.Name, r.Unit, r.Baseline, r.BaselineYear, r.Target, r.TargetYear, r.TargetKind, r.Mode, r.Attribute}
		if got != w {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	first := tab.Rows[0].Columns
	if first[plan.FieldBaseline] != "2020年" || first[plan.FieldTarget] != "年均/累计" || first[plan.FieldTargetYear] != "2025年" {
		t.Errorf("columns of the first row: %v", first)
	}
}

// TestExtractReadsPerRowYearsAndAnOverride: years in columns of their own
// win over the header's; a user's mapping reads a column Recognise did not.
func TestExtractReadsPerRowYearsAndAnOverride(t *testing.T) {
	rows := ParsePasted("指标名称\t基期值\t基期年份\t目标值\t目标年份\t说明\n" +
		"研发经费投入强度\t2.1\t2019年\t≥3\t2025\t预期性\n")
	tab, err := Read(rows)
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows[0]
	if r.BaselineYear != "2019" || r.TargetYear != "2025" || r.TargetKind != plan.TargetFloor || r.Attribute != "" {
		t.Errorf("row = %+v", r)
	}
	rows2 := Extract(rows, tab.Mapping.Assign(5, RoleAttribute))
	if rows2[0].Attribute != plan.AttributeExpected || rows2[0].Columns[plan.FieldAttribute] != "说明" {
		t.Errorf("with 说明 as the attribute: %+v", rows2[0])
	}
}

// TestTargetKinds: each kind from the column and the words as written.
func TestTargetKinds(t *testing.T) {
	cases := []struct {
		in   kindInput
		want string
	}{
		{kindInput{target: "300"}, plan.TargetLevel},
		{kindInput{target: "6左右"}, plan.TargetLevel},
		{kindInput{target: "〔5.5〕"}, plan.TargetCumulative},
		{kindInput{target: "[13.5]"}, plan.TargetCumulative},
		{kindInput{target: "［13.5］"}, plan.TargetCumulative},
		{kindInput{target: "【2】"}, plan.TargetCumulative},
		{kindInput{target: "累计6万人"}, plan.TargetCumulative},
		{kindInput{target: "6", name: "累计新增就业"}, plan.TargetCumulative},
		{kindInput{target: "年均增长6%"}, plan.TargetAnnual},
		{kindInput{target: "6", name: "地区生产总值年均增长"}, plan.TargetAnnual},
		{kindInput{target: "6左右", name: "地区生产总值增长", unit: "％"}, plan.TargetAnnual},
		{kindInput{target: "≥7", name: "研发经费投入增长", unit: "%"}, plan.TargetAnnual},
		{kindInput{target: "5", name: "人口自然增长率", unit: "‰"}, plan.TargetLevel},
		{kindInput{target: "1500", name: "地区生产总值", unit: "亿元"}, plan.TargetLevel},
		{kindInput{target: "5.5", fromMode: true, modeHeader: "年均增速"}, plan.TargetAnnual},
		{kindInput{target: ">5.5", fromMode: true, modeHeader: "年均增速"}, plan.TargetAnnual},
		{kindInput{target: "15", fromMode: true, modeHeader: "累计"}, plan.TargetCumulative},
		{kindInput{target: "5.5", fromMode: true, modeHeader: "年均/累计", name: "全员劳动生产率增长"}, plan.TargetAnnual},
		{kindInput{target: "<5.5", fromMode: true, modeHeader: "年均/累计", name: "城镇调查失业率"}, plan.TargetCap},
		{kindInput{target: "65", fromMode: true, modeHeader: "年均/累计", name: "常住人口城镇化率"}, plan.TargetLevel},
		{kindInput{target: "7", fromMode: true, modeHeader: "年均/累计", name: "研发经费投入"}, plan.TargetAnnual},
		{kindInput{target: "300", modeWord: "累计"}, plan.TargetCumulative},
		{kindInput{target: "6", modeWord: "年均"}, plan.TargetAnnual},
		{kindInput{target: "不超过5.5"}, plan.TargetCap},
		{kindInput{target: "控制在5%以内"}, plan.TargetCap},
		{kindInput{target: "≤5.5"}, plan.TargetCap},
		{kindInput{target: "＜35"}, plan.TargetCap},
		{kindInput{target: "5%以下"}, plan.TargetCap},
		{kindInput{target: "不低于98"}, plan.TargetFloor},
		{kindInput{target: "98%以上"}, plan.TargetFloor},
		{kindInput{target: "≥80"}, plan.TargetFloor},
		{kindInput{target: ">60"}, plan.TargetFloor},
		{kindInput{target: "＞60"}, plan.TargetFloor},
		{kindInput{target: "6–6.5"}, plan.TargetRange},
		{kindInput{target: "6%～6.5%"}, plan.TargetRange},
		{kindInput{target: "6至6.5"}, plan.TargetRange},
		{kindInput{target: "〔2–2.5〕"}, plan.TargetRange},
		{kindInput{target: "-3.5"}, plan.TargetLevel},
		{kindInput{target: "确保完成国家下达任务"}, plan.TargetQualitative},
		{kindInput{target: "确保完成2025年目标"}, plan.TargetQualitative},
		{kindInput{target: "2021—2025年保持稳定"}, plan.TargetQualitative},
		{kindInput{target: "保持在合理区间", fromMode: true, modeHeader: "年均/累计"}, plan.TargetQualitative},
		{kindInput{target: ""}, ""},
	}
	for _, c := range cases {
		if got := targetKind(c.in); got != c.want {
			t.Errorf("%+v: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAttributes(t *testing.T) {
	for in, want := range map[string]string{"预期性": plan.AttributeExpected, "预期": plan.AttributeExpected, "约束性": plan.AttributeObligatory,
		"约束": plan.AttributeObligatory, "Binding": plan.AttributeObligatory, "Expected": plan.AttributeExpected, "—": "", "其他": ""} {
		if got := attributeOf(in); got != want {
			t.Errorf("attributeOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCellsAndYears(t *testing.T) {
	for in, want := range map[string]string{" 地区生产总值 ": "地区生产总值", "单位地区生产总值\n能源消耗降低": "单位地区生产总值能源消耗降低",
		"GDP\ngrowth": "GDP growth", "a \t b": "a b", "研发\r\n(R&D)": "研发(R&D)"} {
		if got := cleanCell(in); got != want {
			t.Errorf("cleanCell(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"", "—", "——", "-", "－", "/", "…", " — "} {
		if !noValue(s) {
			t.Errorf("%q is a value", s)
		}
	}
	if got := yearsIn("2021—２０２５年，12020，2200"); !equalStrings(got, []string{"2021", "2025"}) {
		t.Errorf("yearsIn = %q", got)
	}
}
