package reporttext

import (
	"fmt"
	"strings"
	"testing"
)

// The sentences below are made up in the style of plan reports; the
// projects are illustrative.

// progressWord is a progress as the golden lists write it.
func progressWord(p ProjectProgress) string {
	return [...]string{"未启动", "推进中", "已完成"}[p]
}

// projectRows renders what ExtractProjectsUnder proposes for a paragraph,
// one row per proposal: name | planned completion | progress.
func projectRows(headings []string, paragraph string) []string {
	var rows []string
	for _, p := range ExtractProjectsUnder(headings, paragraph) {
		rows = append(rows, fmt.Sprintf("%s | %s | %s", p.Name, p.PlannedCompletion, progressWord(p.Progress)))
	}
	return rows
}

func TestExtractProjects(t *testing.T) {
	plans := []string{"三、2024年重点任务"}
	for _, c := range []struct {
		rule      string
		headings  []string
		paragraph string
		want      []string
	}{
		{"the thing before its verb", nil, "汉江湾大桥建成通车。", []string{"汉江湾大桥 |  | 已完成"}},
		{"开工 is under way; a line number is part of the name", nil, "武汉轨道交通12号线开工建设。", []string{"武汉轨道交通12号线 |  | 推进中"}},
		{"全面消除 names the removal", nil, "全面消除劣V类水体。", []string{"消除劣V类水体 |  | 已完成"}},
		{"…and so does a thing removed before it", nil, "黑臭水体全面消除。", []string{"消除黑臭水体 |  | 已完成"}},
		{"the thing after its verb, up to 并", nil, "率先建成全市首家区级养老中心并投入运营。", []string{"全市首家区级养老中心 |  | 已完成"}},
		{"获批 and 投入运营", nil, "高铁产城融合区规划获批，江汉七桥正式投入运营。", []string{"高铁产城融合区规划 |  | 已完成", "江汉七桥 |  | 已完成"}},
		{"a planned year, written as given", nil, "力争到2025年底建成汉江湾大桥。", []string{"汉江湾大桥 | 2025年底 | 推进中"}},
		{"a year the sentence opens with", nil, "2023年，汉阳大道快速化改造工程顺利完工。", []string{"汉阳大道快速化改造工程 | 2023年 | 已完成"}},
		{"under plans: to be begun", plans, "鹦鹉洲片区综合改造工程开工建设。", []string{"鹦鹉洲片区综合改造工程 | 2024年 | 未启动"}},
		{"under plans: to be finished", plans, "琴台大剧院二期建成。", []string{"琴台大剧院二期 | 2024年 | 推进中"}},
		{"a list with a verb per item", nil, "甲桥建成通车、乙路开工建设。", []string{"甲桥 |  | 已完成", "乙路 |  | 推进中"}},
		{"quoted names keep their marks", nil, "全面完成“双百”目标任务。", []string{"“双百”目标任务 |  | 已完成"}},
		{"once per paragraph", nil, "汉江湾大桥建成通车。汉江湾大桥建成后交通更便捷。", []string{"汉江湾大桥 |  | 已完成"}},
	} {
		if got := projectRows(c.headings, c.paragraph); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: %s\n got  %q\n want %q", c.rule, c.paragraph, got, c.want)
		}
	}
}

func TestExtractProjectsLeavesQuantitiesKindsAndNounsAlone(t *testing.T) {
	for _, text := range []string{
		"全区规划路网建成率达到75.3%。",         // a rate: an indicator
		"完成国企改革六大类75项任务。",           // a count: an indicator
		"累计建成高标准农田61.2万亩。",          // a quantity built: an indicator
		"中心城区建成区面积达到168.5平方公里。",     // 建成区 is a noun
		"各类议提案保持高质量办理完成。",           // business as usual
		"推动重大产业项目、重大基础设施项目等加快开工建设。", // kinds of project
		"确保省市县重点项目按期开工。",            // a kind of project
		"经济社会发展主要目标任务圆满完成。",         // a summary
		"主要指标完成情况良好。",               // 完成情况 is a noun
		"新能源汽车长廊加快打造。",              // no verb of a project
	} {
		if got := ExtractProjects(text); len(got) > 0 {
			t.Errorf("%q proposed %+v", text, got)
		}
	}
}

func TestExtractProjectsKeepsTheSentence(t *testing.T) {
	got := ExtractProjects("钟家村古城商贸区商业发展空间持续拓展，琴台中央文化艺术区美术馆建成开放。下一句。")
	if len(got) != 1 || got[0].Sentence != "钟家村古城商贸区商业发展空间持续拓展，琴台中央文化艺术区美术馆建成开放。" || got[0].Verb != "建成" {
		t.Errorf("got %+v", got)
	}
}

// seedProjects lists what the importer would propose as projects for the
// shipped report, section by section.
func seedProjects(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	p := parseSeed(t)
	headings := p.Headings()
	p.Walk(func(s, _ *ParsedSection, _ int) {
		for _, para := range s.Paragraphs {
			for _, pr := range ExtractProjectsUnder(headings[s], para) {
				fmt.Fprintf(&b, "%s | %s | %s | %s | %s\n", s.Numbering+s.Title, pr.Name, pr.PlannedCompletion, progressWord(pr.Progress), pr.Verb)
			}
		}
	})
	return b.String()
}

// TestExtractSeedProjectsGolden compares with the list checked by hand
// against the shipped report: every project or task it reports done or
// begun, and no rate, count or kind of project.
func TestExtractSeedProjectsGolden(t *testing.T) {
	assertGolden(t, "seed-projects.golden", seedProjects(t))
}
