package targets

import (
	"fmt"
	"testing"
	"time"

	"plandesk/plan"
)

func indicator(id int64, name, unit, midterm string) plan.Indicator {
	return plan.Indicator{ID: id, ReportID: 1, SectionID: 1, Name: name, Unit: unit, Midterm: midterm,
		Direction: plan.DirectionUp, State: plan.StateConfirmed}
}

// matchedIDs is each row's indicator, 0 for none.
func matchedIDs(m Matching) []int64 {
	ids := make([]int64, len(m.Matches))
	for i, mt := range m.Matches {
		ids[i] = mt.IndicatorID
	}
	return ids
}

// TestMatchNormalisesNamesAndWeighsUnits: normalised names match, with the
// reason; of two indicators of one name the one in the row's unit wins,
// and a unit of another scale still matches; one of another quantity
// never does.
func TestMatchNormalisesNamesAndWeighsUnits(t *testing.T) {
	inds := []plan.Indicator{
		indicator(1, "数字经济核心产业增加值占地区生产总值比重", "%", "8.1%"),
		indicator(2, "地区生产总值增长", "%", "6.2%"),
		indicator(3, "累计发放各类就业创业补贴", "万人", "4.1万余人"),
		indicator(4, "累计发放各类就业创业补贴", "亿元", "2.7亿余元"),
		indicator(5, "规划路网建成率", "%", "75.3%"),
		indicator(6, "高新技术企业", "家", ""),
		indicator(7, "新增就业", "万人", "5.41万人"),
	}
	rows := []Row{
		{Line: 3, Name: "数字经济核心产业增加值占GDP比重", Unit: "％"},
		{Line: 4, Name: "地区生产总值年均增长", Unit: "%"},
		{Line: 5, Name: "累计发放各类就业创业补贴", Unit: "亿元"},
		{Line: 6, Name: "累计发放各类就业创业补贴人数", Unit: "人"},
		{Line: 7, Name: "全区规划路网建成率", Unit: "%"},
		{Line: 8, Name: "高新技术企业", Unit: "亿元"},
		{Line: 9, Name: "城镇新增就业", Unit: "万人"},
		{Line: 10, Name: "细颗粒物平均浓度", Unit: "微克/立方米"},
	}
	m := Match(rows, inds)
	want := []int64{1, 2, 4, 3, 5, 0, 7, 0}
	if got := matchedIDs(m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("matched %v, want %v", got, want)
	}
	reasons := []Reason{
		{NameNormalised, UnitSame, "％", "%"},
		{NameNormalised, UnitSame, "%", "%"},
		{NameSame, UnitSame, "亿元", "亿元"},
		{NameNormalised, UnitScaled, "人", "万人"},
		{NameNormalised, UnitSame, "%", "%"},
	}
	for i, r := range reasons {
		if m.Matches[i].Reason != r {
			t.Errorf("row %d: reason %+v, want %+v", i, m.Matches[i].Reason, r)
		}
	}
	if c := m.Matches[2].Confidence; c != 1 {
		t.Errorf("the same name and unit: confidence %v", c)
	}
	if c := m.Matches[3].Confidence; c <= MinConfidence || c >= 1 {
		t.Errorf("another scale: confidence %v", c)
	}
	if c := m.Matches[6].Confidence; c <= MinConfidence || c >= 0.95 {
		t.Errorf("a name in another: confidence %v", c)
	}
	// Lists: the rows without a match, the matches without a mid-term
	// value, the indicators no row took.
	if len(m.Unmatched) != 2 || m.Unmatched[0].Line != 8 || m.Unmatched[1].Line != 10 {
		t.Errorf("unmatched %+v", m.Unmatched)
	}
	if len(m.NoMidterm) != 0 {
		t.Errorf("no mid-term %+v", m.NoMidterm)
	}
	if len(m.Unused) != 1 || m.Unused[0].ID != 6 {
		t.Errorf("unused %+v", m.Unused)
	}
	if ind, ok := m.Indicator(4); !ok || ind.Unit != "亿元" {
		t.Errorf("Indicator(4) = %+v, %v", ind, ok)
	}
}

// TestMatchTakesEachIndicatorOnceBestFirst: two rows that both fit one
// indicator: the better takes it, the other takes the next best or none;
// among equals the earlier row wins.
func TestMatchTakesEachIndicatorOnceBestFirst(t *testing.T) {
	inds := []plan.Indicator{indicator(1, "绿化覆盖率", "%", "41.4%"), indicator(2, "绿地覆盖率", "%", "")}
	m := Match([]Row{{Line: 1, Name: "绿地覆盖率", Unit: "%"}, {Line: 2, Name: "绿化覆盖率", Unit: "%"}, {Line: 3, Name: "绿化覆盖率", Unit: "%"}}, inds)
	if got := matchedIDs(m); fmt.Sprint(got) != "[2 1 0]" {
		t.Errorf("matched %v, want [2 1 0]", got)
	}
	if len(m.NoMidterm) != 1 || m.NoMidterm[0].IndicatorID != 2 || len(m.Unmatched) != 1 || m.Unmatched[0].Line != 3 {
		t.Errorf("no mid-term %+v, unmatched %+v", m.NoMidterm, m.Unmatched)
	}
	seen := map[int64]bool{}
	for _, mt := range Match(seedTable(t).Rows, seedIndicators(t)).Matches {
		if mt.IndicatorID != 0 && seen[mt.IndicatorID] {
			t.Errorf("indicator %d matched twice", mt.IndicatorID)
		}
		seen[mt.IndicatorID] = true
	}
}

// TestMatchIllustrativeTable: the illustrative table against the shipped
// report's indicators: the rows written for them match them, the others
// match nothing.
func TestMatchIllustrativeTable(t *testing.T) {
	inds := seedIndicators(t)
	m := Match(seedTable(t).Rows, inds)
	names := map[string]string{} // row → indicator
	for _, mt := range m.Matches {
		ind, _ := m.Indicator(mt.IndicatorID)
		names[mt.Row.Name+"/"+mt.Row.Unit] = ind.Name + "/" + ind.Unit
	}
	for row, want := range map[string]string{
		"数字经济类企业数量/家":            "数字经济类企业/家",
		"智能化改造项目/个":              "实施智能化改造项目/个",
		"全区规划路网建成率/％":            "规划路网建成率/%",
		"绿化覆盖率/%":                "绿化覆盖率/%",
		"绿地覆盖率/%":                "绿地覆盖率/%",
		"城镇新增就业人数/万人":            "新增就业/万人",
		"累计发放各类就业创业补贴/亿元":        "累计发放各类就业创业补贴/亿元",
		"累计发放各类就业创业补贴人数/人":       "累计发放各类就业创业补贴/万人",
		"市民热线办结率/%":              "办结率/%",
		"地区生产总值增长/%":             "/",
		"细颗粒物（PM2.5）平均浓度/微克/立方米": "/",
	} {
		if names[row] != want {
			t.Errorf("%s matched %s, want %s", row, names[row], want)
		}
	}
	if len(m.Unmatched) != 4 || len(m.Unused) != 3 {
		t.Errorf("%d unmatched rows, %d unused indicators", len(m.Unmatched), len(m.Unused))
	}
}

// seedTable is the illustrative table as its CSV holds it.
func seedTable(t testing.TB) Table {
	t.Helper()
	rows, err := ReadFile("testdata/" + illustrativeBase + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Read(rows)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// benchTable is n plan rows and m indicators with names of the shapes
// plans use, some of them alike, a tenth of the rows with an indicator of
// their own.
func benchTable(n, m int) ([]Row, []plan.Indicator) {
	subjects := []string{"地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "固定资产投资", "高新技术企业", "数字经济核心产业增加值",
		"城镇居民人均可支配收入", "农村居民人均可支配收入", "常住人口城镇化率", "研发经费投入", "新增就业", "绿化覆盖率"}
	tails := []string{"", "增长", "占比", "年均增长", "总量", "数量", "覆盖率", "建成率"}
	units := []string{"%", "亿元", "家", "万人", "个"}
	name := func(i int) string {
		return fmt.Sprintf("%s%s第%d项", subjects[i%len(subjects)], tails[(i/len(subjects))%len(tails)], i)
	}
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = Row{Line: i + 1, Name: "全区" + name(i*10), Unit: units[i%len(units)]}
	}
	inds := make([]plan.Indicator, m)
	for i := range inds {
		inds[i] = indicator(int64(i+1), name(i), units[(i/10)%len(units)], "1")
	}
	return rows, inds
}

// BenchmarkMatch200Rows2000Indicators matches a large plan table against a
// large report.
func BenchmarkMatch200Rows2000Indicators(b *testing.B) {
	rows, inds := benchTable(200, 2000)
	b.ResetTimer()
	for range b.N {
		Match(rows, inds)
	}
}

// TestMatchIsFastEnough: 200 rows against 2,000 indicators within 50 ms,
// the time a preview may take to redraw after a user's change (checked
// on the best of three runs, since the machine is shared).
func TestMatchIsFastEnough(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	rows, inds := benchTable(200, 2000)
	best := time.Hour
	var m Matching
	for range 3 {
		start := time.Now()
		m = Match(rows, inds)
		best = min(best, time.Since(start))
	}
	if best > 50*time.Millisecond {
		t.Errorf("matching 200 rows against 2,000 indicators took %v", best)
	}
	if n := len(m.Matches) - len(m.Unmatched); n < 180 {
		t.Errorf("only %d of 200 rows matched", n)
	}
	t.Logf("200 rows × 2,000 indicators: %v, %d matched", best, len(m.Matches)-len(m.Unmatched))
}
