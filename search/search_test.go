package search_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/search"
	"plandesk/store"
)

// shipped is the index of the shipped report, read from a store as the
// window reads it.
func shipped(t testing.TB) *search.Index {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "search.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, err := s.Reports()
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.SearchContent(reports[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return search.New(c)
}

// kinds lists each hit as kind:matched text.
func kinds(r search.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, string(h.Kind)+":"+h.Text[h.Start:h.End])
	}
	return out
}

func has(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func TestFullWidthFindsHalfWidthInTheShippedReport(t *testing.T) {
	ix := shipped(t)
	got := kinds(ix.Find("７５．３％"))
	// The paragraph writes “达到 75.3%”, the indicator 75.3%.
	for _, want := range []string{"paragraph:75.3%", "indicator:75.3%"} {
		if !has(got, want) {
			t.Errorf("７５．３％: %q lacks %s", got, want)
		}
	}
}

func TestANumberFindsTheIndicatorAndTheParagraph(t *testing.T) {
	ix := shipped(t)
	for _, q := range []string{"210", "２１０家", "突破210家"} {
		r := ix.Find(q)
		var ind, para *search.Hit
		for i := range r.Hits {
			h := &r.Hits[i]
			switch {
			case h.Kind == search.KindIndicator && ind == nil:
				ind = h
			case h.Kind == search.KindParagraph && para == nil:
				para = h
			}
		}
		if ind == nil || !strings.Contains(ind.Text, "210家") || ind.Field != plan.FieldMidterm {
			t.Errorf("%s: no indicator hit on 突破210家: %q", q, kinds(r))
		}
		if para == nil || !strings.Contains(para.Text[para.Start:para.End], "210") {
			t.Errorf("%s: no paragraph hit: %q", q, kinds(r))
		}
		if para != nil && para.Context[para.ContextStart:para.ContextEnd] != para.Text[para.Start:para.End] {
			t.Errorf("%s: the context %q marks %d:%d", q, para.Context, para.ContextStart, para.ContextEnd)
		}
	}
}

func TestANumberWrittenOtherwiseFindsTheIndicatorByItsValue(t *testing.T) {
	ix := shipped(t)
	// 新增就业 5.41万人: found as 54100人 although no text says so.
	got := kinds(ix.Find("54100人"))
	if !has(got, "indicator:5.41万人") {
		t.Errorf("54100人: %q", got)
	}
	if got := kinds(ix.Find("54100家")); len(got) != 0 {
		t.Errorf("54100家 (another unit) found %q", got)
	}
}

func TestEveryKindIsFound(t *testing.T) {
	ix := shipped(t)
	cases := map[string]string{
		"数字经济稳步发展": "section:数字经济稳步发展",
		"美术馆":      "project:美术馆",
		"旅游业收入":    "indicator:旅游业收入",
		"钟家村古城":    "paragraph:钟家村古城",
	}
	for q, want := range cases {
		if got := kinds(ix.Find(q)); !has(got, want) {
			t.Errorf("%s: %q lacks %s", q, got, want)
		}
	}
}

func TestHitsAreInReadingOrderAndCounted(t *testing.T) {
	ix := shipped(t)
	r := ix.Find("建成")
	if r.Total != len(r.Hits) || r.Total < 5 {
		t.Fatalf("建成: %d hits, total %d", len(r.Hits), r.Total)
	}
	for _, q := range []string{"", "  ", "不存在的词语"} {
		if r := ix.Find(q); r.Total != 0 || len(r.Hits) != 0 {
			t.Errorf("%q found %d", q, r.Total)
		}
	}
}

// TestSpacesAreIgnored: a PDF's text has spaces around numbers the report
// never meant; the span is the text as written, spaces inside it, none
// around it.
func TestSpacesAreIgnored(t *testing.T) {
	ix := search.New(search.Content{
		Sections:   []plan.Section{{ID: 1, Title: "数字经济"}},
		Paragraphs: map[int64][]plan.Paragraph{1: {{ID: 7, SectionID: 1, Text: "数字经济类企业突破 210家， 实施"}}},
	})
	r := ix.Find("突破２１０家，")
	if len(r.Hits) != 1 || r.Hits[0].ID != 7 {
		t.Fatalf("hits %q", kinds(r))
	}
	h := r.Hits[0]
	if m := h.Text[h.Start:h.End]; m != "突破 210家，" {
		t.Errorf("span %q", m)
	}
	if h.Context != "数字经济类企业突破 210家， 实施" || h.Context[h.ContextStart:h.ContextEnd] != "突破 210家，" {
		t.Errorf("context %q %d:%d", h.Context, h.ContextStart, h.ContextEnd)
	}
}

func TestLettersMatchInEitherCase(t *testing.T) {
	ix := shipped(t)
	if got := kinds(ix.Find("5g信号")); !has(got, "paragraph:5G信号") {
		t.Errorf("5g信号: %q", got)
	}
}

// largeContent is a made-up report of n sections of three paragraphs and
// an indicator each, about the size of the largest import; its numbers are
// illustrative.
func largeContent(n int) search.Content {
	c := search.Content{Paragraphs: map[int64][]plan.Paragraph{}}
	for i := 1; i <= n; i++ {
		id := int64(i)
		c.Sections = append(c.Sections, plan.Section{ID: id, Seq: i, Numbering: fmt.Sprintf("%d.", i), Title: fmt.Sprintf("示例章节%d", i)})
		for p := 0; p < 3; p++ {
			text := fmt.Sprintf("“四区支撑”全面提升。钟家村古城商贸区商业发展空间持续拓展，数字经济类企业突破 %d家，实施智能化改造项目 20余个，“城市大脑”汉阳平台不断完善，全区规划路网建成率达到 %d.%d%%。", 100+i, i%100, p)
			c.Paragraphs[id] = append(c.Paragraphs[id], plan.Paragraph{ID: id*10 + int64(p), SectionID: id, Seq: p, Text: text})
		}
		ind := plan.Indicator{ID: id, SectionID: id, Name: "数字经济类企业", Unit: "家", Midterm: fmt.Sprintf("突破%d家", 100+i)}
		_ = ind.ReadValues()
		c.Indicators = append(c.Indicators, ind)
	}
	return c
}

func TestTheLargeReportIsSearchedWhole(t *testing.T) {
	ix := search.New(largeContent(1000))
	r := ix.Find("突破１０５０家")
	// Section 950's three paragraphs and its indicator.
	if r.Total != 4 || r.Hits[3].Kind != search.KindIndicator || r.Hits[0].SectionID != 950 {
		t.Errorf("突破１０５０家: %d hits %q", r.Total, kinds(r))
	}
	if r := ix.Find("钟家村"); r.Total != 3000 || len(r.Hits) != search.MaxHits {
		t.Errorf("钟家村: %d hits, %d returned", r.Total, len(r.Hits))
	}
}

// BenchmarkFind1000Sections: a query over a report of 1,000 sections must
// answer in under 20 ms, as the user types. A common word returns
// MaxHits hits with their snippets, the costliest case.
func BenchmarkFind1000Sections(b *testing.B) {
	ix := search.New(largeContent(1000))
	for _, q := range []string{"钟家村", "１０５０家", "75.3%", "不存在"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Find(q)
			}
		})
	}
}

// BenchmarkNew1000Sections builds the index of a 1,000-section report.
func BenchmarkNew1000Sections(b *testing.B) {
	c := largeContent(1000)
	for b.Loop() {
		search.New(c)
	}
}

// TestCommentsAreFound: a comment's text and a 建议修改's wording are
// searched, in the section the comment is on, full width folded.
func TestCommentsAreFound(t *testing.T) {
	ix := search.New(search.Content{
		Sections:   []plan.Section{{ID: 1, Title: "数字经济"}, {ID: 2, Title: "城市建设"}},
		Paragraphs: map[int64][]plan.Paragraph{1: {{ID: 7, SectionID: 1, Text: "数字经济类企业突破210家。"}}},
		Comments: []plan.Comment{
			{ID: 3, SectionID: 2, Text: "请补充2023年数据", Reviewer: "张三"},
			{ID: 4, SectionID: 2, ParentID: 3, Text: "已补充", Reviewer: "李四"},
			{ID: 5, SectionID: 1, Kind: plan.KindChange, Text: "措辞", Replacement: "超过210家"},
		},
	})
	r := ix.Find("２０２３年数据")
	if len(r.Hits) != 1 || r.Hits[0].Kind != search.KindComment || r.Hits[0].ID != 3 || r.Hits[0].SectionID != 2 || r.Hits[0].Name != "张三" {
		t.Fatalf("hits %+v", r.Hits)
	}
	if got := kinds(ix.Find("超过210家")); len(got) != 1 || got[0] != "comment:超过210家" {
		t.Errorf("a proposed wording: %q", got)
	}
	if got := kinds(ix.Find("已补充")); len(got) != 1 {
		t.Errorf("a reply: %q", got)
	}
}
