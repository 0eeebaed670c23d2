package reporttext

import (
	"strings"
	"testing"
)

// TestReadFrontAsTheTitleRules: a document's paragraphs before its first
// heading are read as a text's lines: the title lines, then the date,
// source and salutation paragraphs for 前言, each whole; a title the
// document marks is kept, cut at MaxTitleRunes with the rest in 前言; the
// facts come from the title or a date paragraph, a plan named in quotes
// (“十四五”规划) too.
func TestReadFrontAsTheTitleRules(t *testing.T) {
	f := ReadFront("", []string{"江夏区国民经济和社会发展", "第十四个五年规划纲要实施中期评估报告", "二〇二三年六月十日", "主任、各位委员：", "受区人民政府委托，现将情况报告如下"})
	if f.Title != "江夏区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || f.Region != "江夏区" || f.PlanPeriod != "十四五" ||
		f.EvaluationDate != "2023年6月" || strings.Join(f.Preface, "|") != "二〇二三年六月十日|主任、各位委员：|受区人民政府委托，现将情况报告如下" {
		t.Errorf("%+v", f)
	}
	f = ReadFront("某县评估报告", []string{"某县发展和改革局", "2023年3月"})
	if f.Title != "某县评估报告" || f.EvaluationDate != "2023年3月" || len(f.Preface) != 2 {
		t.Errorf("marked title: %+v", f)
	}
	long := strings.Repeat("某区规划纲要实施评估", 10)
	f = ReadFront(long, nil)
	if len([]rune(f.Title)) != MaxTitleRunes || len(f.Preface) != 1 || f.Title+f.Preface[0] != long {
		t.Errorf("long title: %+v", f)
	}
	// The plan named in quotes, as most titles name it.
	if f := ReadFront("", []string{"江北县“十四五”规划实施情况中期评估报告"}); f.PlanPeriod != "十四五" || f.Region != "江北县" {
		t.Errorf("quoted plan: %+v", f)
	}
	if f := ReadFront("", []string{"全区上下认真贯彻落实区委决策部署。"}); f.Title != "" || len(f.Preface) != 1 {
		t.Errorf("prose: %+v", f)
	}
}

func TestSplitNumberingAsTheHeadingRules(t *testing.T) {
	for text, want := range map[string][2]string{
		"一、总体情况":  {"一、", "总体情况"},
		"（三）民生保障": {"（三）", "民生保障"},
		"2.数字经济":  {"2.", "数字经济"},
		"①子项":     {"①", "子项"},
		"4.1万人就业": {"", "4.1万人就业"},
		" 总体情况 ":  {"", "总体情况"},
	} {
		if n, title := SplitNumbering(text); n != want[0] || title != want[1] {
			t.Errorf("SplitNumbering(%q) = %q, %q; want %q", text, n, title, want)
		}
	}
}
