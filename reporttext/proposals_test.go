package reporttext

import (
	"strings"
	"testing"
)

// The sentences below are made up in the style of plan reports; their
// figures are illustrative, not statistics.

// proposalRows renders what ExtractIndicatorsUnder proposes for a
// paragraph, one row per proposal as the corpus listings show them
// (name | value | unit | baseline=… | target=… …), without the section.
func proposalRows(headings []string, paragraph string) []string {
	var rows []string
	for _, p := range ExtractIndicatorsUnder(headings, paragraph) {
		rows = append(rows, strings.TrimPrefix(proposalFields(p).String(), " | "))
	}
	return rows
}

// proposalCase is a paragraph and the rows a reviewer writes for it.
type proposalCase struct {
	rule      string
	headings  []string
	paragraph string
	want      []string
}

// checkProposals runs each case and lists every difference.
func checkProposals(t *testing.T, cases []proposalCase) {
	t.Helper()
	for _, c := range cases {
		got := proposalRows(c.headings, c.paragraph)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: %s\n got  %q\n want %q", c.rule, c.paragraph, got, c.want)
		}
	}
}

// TestNameIsTheSubjectOfTheClause: a rate is named by its clause's subject
// and a level without one takes the subject of the rate before it; clauses
// split at ASCII marks as at full-width ones.
func TestNameIsTheSubjectOfTheClause(t *testing.T) {
	checkProposals(t, []proposalCase{
		{"subject", nil, "第一产业增加值完成35亿元，同比增长4.5%；第二产业增加值完成14.5亿元，增长25%。", []string{
			"第一产业增加值 | 35亿元 | 亿元", "第一产业增加值增长 | 4.5% | %",
			"第二产业增加值 | 14.5亿元 | 亿元", "第二产业增加值增长 | 25% | %"}},
		{"ASCII marks", nil, "社会消费品零售总额完成86.4亿元,增长6.1%;进出口总额12亿元.", []string{
			"社会消费品零售总额 | 86.4亿元 | 亿元", "社会消费品零售总额增长 | 6.1% | %", "进出口总额 | 12亿元 | 亿元"}},
		{"a level after a rate", nil, "两年来地区生产总值年均增长6.4%，2022年达到812.6亿元。", []string{
			"地区生产总值年均增长 | 6.4% | %", "地区生产总值 | 812.6亿元 | 亿元 | asOf=2022"}},
		{"the year in the name", nil, "城镇调查失业率2022年为4.8%。", []string{
			"城镇调查失业率 | 4.8% | % | asOf=2022 | lowerIsBetter"}},
		{"a span of years", nil, "2021—2022年单位地区生产总值能耗累计下降8.2%。", []string{
			"单位地区生产总值能耗累计下降 | 8.2% | % | lowerIsBetter"}},
		{"a run of years", nil, "粮食总产量连续两年稳定在4.2亿斤以上，研发经费投入强度仅0.9%。", []string{
			"粮食总产量 | 4.2亿斤以上 | 亿斤", "研发经费投入强度 | 0.9% | %"}},
		{"a list item's number", nil, "②老城商圈引进品牌首店12家，(3)新建口袋公园6个。", []string{
			"老城商圈引进品牌首店 | 12家 | 家", "新建口袋公园 | 6个 | 个"}},
		{"words qualifying the noun", []string{"三、2024年工作安排"}, "扎实办好市委市政府确定的10件民生实事。", []string{
			"民生实事 |  | 件 | target=10件 | targetYear=2024"}},
	})
}

// TestFromToIsOneIndicator: 由…到… is one indicator with its baseline; a
// comparison after a value is its note, not an indicator of its own.
func TestFromToIsOneIndicator(t *testing.T) {
	checkProposals(t, []proposalCase{
		{"from to", nil, "规模以上工业增加值由2020年的312亿元提高到2023年的405.6亿元，比2020年提高3.2个百分点。", []string{
			"规模以上工业增加值 | 405.6亿元 | 亿元 | baseline=312亿元 | baselineYear=2020 | asOf=2023"}},
		{"a difference in points", nil, "社会消费品零售总额增长9.8%，增速高于全市平均水平0.4个百分点。", []string{
			"社会消费品零售总额增长 | 9.8% | %"}},
		{"than last year", nil, "实际利用外资3.2亿美元，较上年增长12%。", []string{
			"实际利用外资 | 3.2亿美元 | 亿美元", "实际利用外资增长 | 12% | %"}},
	})
}

// TestTheTargetOfTheStatementBefore: a clause naming only a target (规划目标为,
// 距规划目标) gives the indicator before its target, not a proposal of its own.
func TestTheTargetOfTheStatementBefore(t *testing.T) {
	checkProposals(t, []proposalCase{
		{"level and target", nil, "地区生产总值由2020年的146.2亿元增加到2022年的168.5亿元，规划目标为2025年达到210亿元。", []string{
			"地区生产总值 | 168.5亿元 | 亿元 | baseline=146.2亿元 | baselineYear=2020 | asOf=2022 | target=210亿元 | targetYear=2025"}},
		{"growth and target", nil, "规模以上工业增加值年均增长8.6%，规划目标为年均增长9%。", []string{
			"规模以上工业增加值年均增长 | 8.6% | % | target=9%"}},
		{"a cap", nil, "城镇调查失业率2022年为4.8%，规划目标为控制在5.5%以内。", []string{
			"城镇调查失业率 | 4.8% | % | asOf=2022 | target=5.5%以内 | lowerIsBetter"}},
		{"distance to the target", nil, "数字经济核心产业增加值占比达到8.6%，距规划目标10%尚有差距。", []string{
			"数字经济核心产业增加值占比 | 8.6% | % | target=10%"}},
		{"another subject's target", nil, "高新技术企业达到420家，目标是研发投入强度达到3%。", []string{
			"高新技术企业 | 420家 | 家", "研发投入强度 |  | % | target=3%"}},
	})
}

// TestListsShareTheirHeadAndVerb: 分别 lists and lists of counts.
func TestListsShareTheirHeadAndVerb(t *testing.T) {
	checkProposals(t, []proposalCase{
		{"分别 with a shared head", nil, "存款、贷款余额分别增长7.2%、10.5%。", []string{
			"存款余额增长 | 7.2% | %", "贷款余额增长 | 10.5% | %"}},
		{"分别 with a head noun", nil, "第一产业、第二产业、第三产业增加值分别增长4.2%、4.9%、5.7%。", []string{
			"第一产业增加值增长 | 4.2% | %", "第二产业增加值增长 | 4.9% | %", "第三产业增加值增长 | 5.7% | %"}},
		{"分别 with a classifier", nil, "汽车类、石油及制品类零售额分别增长9.8%、3.4%。", []string{
			"汽车类零售额增长 | 9.8% | %", "石油及制品类零售额增长 | 3.4% | %"}},
		{"分别达到", nil, "一般公共预算收入、税收收入、非税收入分别达到42亿元、31亿元、11亿元。", []string{
			"一般公共预算收入 | 42亿元 | 亿元", "税收收入 | 31亿元 | 亿元", "非税收入 | 11亿元 | 亿元"}},
		{"a verb shared by counts", nil, "引进高层次人才320人,新建院士工作站5个、博士后科研工作站8个。", []string{
			"引进高层次人才 | 320人 | 人", "新建院士工作站 | 5个 | 个", "新建博士后科研工作站 | 8个 | 个"}},
		{"a verb not shared", nil, "改造老旧小区42个、惠及居民1.3万户。", []string{
			"改造老旧小区 | 42个 | 个", "惠及居民 | 1.3万户 | 万户"}},
	})
}

// TestWhatIsNotAnIndicator: ranks, thresholds, counts in names, dates,
// document numbers and page numbers give nothing.
func TestWhatIsNotAnIndicator(t *testing.T) {
	checkProposals(t, []proposalCase{
		{"ranks", nil, "综合实力居全省第4位，位列全市第8个。", nil},
		{"thresholds", nil, "500万元以上项目加快推进，规模以上工业企业稳步发展。", nil},
		{"counts in names", nil, "深入实施“1+2+N”工程和“十四五”5G建设3年行动，培育100强企业。", nil},
		{"a document number", nil, "根据《关于印发评估办法的通知》（区政办〔2023〕8号）开展评估。", nil},
		{"ages", nil, "65岁以上老年人健康管理持续加强。", nil},
		{"a list of places", nil, "东湖、南湖、北湖三个片区同步推进。", nil},
	})
}

// TestUnitsOfAgricultureSocietyAndSpace: the units of county, social and
// spatial reports are read with their scale words.
func TestUnitsOfAgricultureSocietyAndSpace(t *testing.T) {
	for _, c := range []struct{ text, unit string }{
		{"粮食产量达到4.3亿斤。", "亿斤"}, {"蔬菜产量达到860万斤。", "万斤"}, {"水产品产量达到2.1万吨。", "万吨"},
		{"生猪出栏12.4万头。", "万头"}, {"新建高标准农田3.2万亩。", "万亩"}, {"完成造林420公顷。", "公顷"},
		{"建成区面积达到36平方公里。", "平方公里"}, {"改造棚户区18万平方米。", "万平方米"},
		{"新建农村公路126公里。", "公里"}, {"新增养老床位800张。", "张"}, {"接待游客320万人次。", "万人次"},
		{"集装箱吞吐量达到58万标准箱。", "万标准箱"}, {"光伏装机达到12万千瓦。", "万千瓦"},
		{"新增储能120兆瓦。", "兆瓦"}, {"能源消费总量控制在980万吨标准煤以内。", "万吨标准煤"},
		{"PM2.5平均浓度为28微克/立方米。", "微克/立方米"}, {"人均预期寿命达到79.2岁。", "岁"},
		{"新增停车泊位2600个。", "个"}, {"城镇化率提高1.2个百分点。", "个百分点"},
	} {
		got := ExtractIndicators(c.text)
		if len(got) != 1 || got[0].Unit != c.unit {
			t.Errorf("%s: %+v, want one proposal in %s", c.text, got, c.unit)
		}
	}
}
