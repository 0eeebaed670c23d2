package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// shippedParagraphs reads the shipped report and proposes its indicators
// as the import does (store.proposeIndicators): each proposal's value as
// its mid-term value, linked to its sentence and paragraph.
func shippedParagraphs(t *testing.T) ([]Paragraph, []Indicator) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "store", "seed", "hanyang-midterm-eval.txt"))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := reporttext.ParseReport(raw)
	if err != nil {
		t.Fatal(err)
	}
	headings := parsed.Headings()
	var paragraphs []Paragraph
	var list []Indicator
	parsed.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		for _, text := range s.Paragraphs {
			para := Paragraph{ID: int64(len(paragraphs) + 1), Text: text}
			paragraphs = append(paragraphs, para)
			for _, p := range reporttext.ExtractIndicatorsUnder(headings[s], text) {
				id := para.ID
				list = append(list, Indicator{ID: int64(len(list) + 1), Name: p.Name, Unit: p.Unit,
					Midterm: p.Value, Baseline: p.Baseline, Target: p.Target, Source: p.Sentence, SourceParagraphID: &id})
			}
		}
	})
	if len(list) < 20 {
		t.Fatalf("the shipped report proposes %d indicators", len(list))
	}
	return paragraphs, list
}

// linksOf is what NumberLinks finds in the paragraph holding want.
func linksOf(t *testing.T, paragraphs []Paragraph, list []Indicator, want string) (Paragraph, []Link) {
	t.Helper()
	for _, p := range paragraphs {
		if strings.Contains(p.Text, want) {
			return p, NumberLinks(p, list)
		}
	}
	t.Fatalf("no paragraph holds %q", want)
	return Paragraph{}, nil
}

// TestEveryProposalLinksItsNumber: each indicator proposed from the shipped
// report links the number it was read from, as written, in its paragraph,
// and no two links overlap but those of one number stated for two.
func TestEveryProposalLinksItsNumber(t *testing.T) {
	paragraphs, list := shippedParagraphs(t)
	linked := map[int64]bool{}
	for _, p := range paragraphs {
		links := NumberLinks(p, list)
		for i, l := range links {
			ind := list[l.IndicatorID-1]
			if p.Text[l.Start:l.End] != l.AsWritten || l.Edited(&ind) {
				t.Errorf("%s: link %q at %d–%d, field %s %q", ind.Name, l.AsWritten, l.Start, l.End, l.Field, ind.Get(l.Field))
			}
			if i > 0 && l.Start < links[i-1].End && l.Start != links[i-1].Start {
				t.Errorf("links %q and %q overlap", links[i-1].AsWritten, l.AsWritten)
			}
			if l.Field == FieldMidterm {
				linked[l.IndicatorID] = true
			}
		}
	}
	for _, ind := range list {
		if ind.Midterm != "" && !linked[ind.ID] {
			t.Errorf("%s (%s) has no link in %q", ind.Name, ind.Midterm, ind.Source)
		}
	}
}

// TestLinksOfTheDigitalEconomy: 2.数字经济稳步发展 links 突破210家 and
// 20余个, qualifiers included, and not the 5G of its first clause.
func TestLinksOfTheDigitalEconomy(t *testing.T) {
	paragraphs, list := shippedParagraphs(t)
	p, links := linksOf(t, paragraphs, list, "数字经济类企业突破210家")
	var got []string
	for _, l := range links {
		got = append(got, list[l.IndicatorID-1].Name+"="+l.AsWritten)
	}
	if strings.Join(got, " ") != "数字经济类企业=突破210家 实施智能化改造项目=20余个" {
		t.Errorf("links of %q: %v", p.Text[:60], got)
	}
}

// TestOneNumberForTwoIndicators: 办结率、满意率达到100% links the one 100%
// to both.
func TestOneNumberForTwoIndicators(t *testing.T) {
	paragraphs, list := shippedParagraphs(t)
	p, links := linksOf(t, paragraphs, list, "办结率、满意率达到100%")
	if len(links) != 2 || links[0].Start != links[1].Start || p.Text[links[0].Start:links[0].End] != "100%" {
		t.Fatalf("links: %+v", links)
	}
	if a, b := list[links[0].IndicatorID-1].Name, list[links[1].IndicatorID-1].Name; a != "办结率" || b != "满意率" {
		t.Errorf("100%% links %s and %s", a, b)
	}
}

// TestAnEditedValueKeepsItsLink: editing an indicator's value, or its name,
// never moves its link: the text still says what the report wrote.
func TestAnEditedValueKeepsItsLink(t *testing.T) {
	paragraphs, list := shippedParagraphs(t)
	for i := range list {
		if list[i].Name == "数字经济类企业" {
			list[i].Midterm = "215家"
		}
		if list[i].Name == "实施智能化改造项目" {
			list[i].Name = "智能化改造项目"
		}
	}
	_, links := linksOf(t, paragraphs, list, "数字经济类企业突破210家")
	if len(links) != 2 {
		t.Fatalf("after the edits %d links: %+v", len(links), links)
	}
	first, second := list[links[0].IndicatorID-1], list[links[1].IndicatorID-1]
	if links[0].AsWritten != "突破210家" || !links[0].Edited(&first) {
		t.Errorf("edited value: link %q, edited %v", links[0].AsWritten, links[0].Edited(&first))
	}
	if second.Name != "智能化改造项目" || links[1].AsWritten != "20余个" || links[1].Edited(&second) {
		t.Errorf("renamed indicator: %s link %q", second.Name, links[1].AsWritten)
	}
}

// TestBaselineAndTargetAreLinked: a 由…到… sentence links its baseline
// too, and a target the sentence measures against links as the target.
func TestBaselineAndTargetAreLinked(t *testing.T) {
	text := "规模以上工业增加值由2020年的312亿元提高到2022年的405.6亿元。数字经济核心产业增加值占比达到8.6%，距规划目标10%尚有差距。"
	p := Paragraph{ID: 7, Text: text}
	var list []Indicator
	for i, pr := range reporttext.ExtractIndicators(text) {
		id := p.ID
		list = append(list, Indicator{ID: int64(i + 1), Name: pr.Name, Midterm: pr.Value, Baseline: pr.Baseline, Target: pr.Target, Source: pr.Sentence, SourceParagraphID: &id})
	}
	var got []string
	for _, l := range NumberLinks(p, list) {
		got = append(got, string(l.Field)+"="+l.AsWritten)
	}
	if strings.Join(got, " ") != "baseline=312亿元 midterm=405.6亿元 midterm=8.6% target=10%" {
		t.Errorf("links: %v", got)
	}
	other := int64(8)
	list[0].SourceParagraphID = &other
	if links := NumberLinks(p, list); len(links) != 2 {
		t.Errorf("an indicator of another paragraph is linked here: %+v", links)
	}
}
