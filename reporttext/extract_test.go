package reporttext

import (
	"fmt"
	"strings"
	"testing"
)

// seedProposals renders what extraction finds in the shipped report, one
// line per statement: section, name, value as written, unit.
func seedProposals(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	parseSeed(t).Walk(func(s, _ *ParsedSection, _ int) {
		for _, para := range s.Paragraphs {
			for _, p := range ExtractIndicators(para) {
				fmt.Fprintf(&b, "%s | %s | %s | %s\n", s.Numbering+s.Title, p.Name, p.Value, p.Unit)
			}
		}
	})
	return b.String()
}

// TestExtractSeedGolden compares with the list written by hand from the
// report's text: every quantitative statement once, and nothing else.
func TestExtractSeedGolden(t *testing.T) {
	assertGolden(t, "seed-indicators.golden", seedProposals(t))
}

func TestExtractIgnoresYearsDurationsAndNames(t *testing.T) {
	for _, text := range []string{
		"2022年营商环境获全省、全市双第一。",
		"打造15分钟便民生活圈。",
		"“10分钟医疗急救圈”建设工作有序推进。",
		"实现辖区全域5G信号覆盖。",
		"7家企业成功入选市民营企业100强榜单。", // the count is proposed, the rank is not
		"持续优化“1+2+N”路长制共治工作机制。",
		"“十四五”时期，三级政务网络实现全覆盖。",
		"墨水湖、龙阳湖脱离劣V类湖泊。",
		"用3个月完成整改。",
	} {
		for _, p := range ExtractIndicators(text) {
			if p.Value != "7家" {
				t.Errorf("%q proposed %+v", text, p)
			}
		}
	}
}

func TestExtractNamesAndLinksSentence(t *testing.T) {
	got := ExtractIndicators("各类议提案保持高质量办理完成，办结率、满意率达到100%。全区共有286家高新技术企业。")
	want := []Proposal{
		{Name: "办结率", Unit: "%", Value: "100%", Sentence: "各类议提案保持高质量办理完成，办结率、满意率达到100%。"},
		{Name: "满意率", Unit: "%", Value: "100%", Sentence: "各类议提案保持高质量办理完成，办结率、满意率达到100%。"},
		{Name: "高新技术企业", Unit: "家", Value: "286家", Sentence: "全区共有286家高新技术企业。"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func BenchmarkExtractSeed(b *testing.B) {
	p := parseSeed(b)
	var paragraphs []string
	p.Walk(func(s, _ *ParsedSection, _ int) { paragraphs = append(paragraphs, s.Paragraphs...) })
	for b.Loop() {
		n := 0
		for _, para := range paragraphs {
			n += len(ExtractIndicators(para))
		}
		if n == 0 {
			b.Fatal("nothing found")
		}
	}
}

// TestSeedGivesNoTargets: the shipped report states no target, baseline or
// year, so none of its proposals may carry one.
func TestSeedGivesNoTargets(t *testing.T) {
	p := parseSeed(t)
	headings := p.Headings()
	p.Walk(func(s, _ *ParsedSection, _ int) {
		for _, para := range s.Paragraphs {
			for _, prop := range ExtractIndicatorsUnder(headings[s], para) {
				if prop.Target != "" || prop.Baseline != "" || prop.TargetYear != "" || prop.BaselineYear != "" || prop.Value == "" {
					t.Errorf("%s: %+v", s.Title, prop)
				}
			}
		}
	})
}
