package reporttext

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The texts below are made up in the style of district evaluation reports.

// parseLines parses lines joined with "\n", checking that nothing is lost.
func parseLines(t *testing.T, lines ...string) *ParsedReport {
	t.Helper()
	input := []byte(strings.Join(lines, "\n") + "\n")
	p, err := ParseReport(input)
	if err != nil {
		t.Fatal(err)
	}
	checkNoLoss(t, input, p)
	return p
}

// assertOutline compares a parse's outline with want, the golden files' form.
func assertOutline(t *testing.T, p *ParsedReport, want string) {
	t.Helper()
	if got := outlineText(p); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

// TestTitleStopsAtDateSourceAndSalutation: the title is the title lines;
// the date, source and salutation lines and the opening prose are the
// section 前言, each of those lines a paragraph, the prose rejoined.
func TestTitleStopsAtDateSourceAndSalutation(t *testing.T) {
	p := parseLines(t,
		"江夏区国民经济和社会发展",
		"第十四个五年规划纲要实施中期评估报告",
		"二〇二三年六月十日",
		"来源：区发展和改革局",
		"主任、各位副主任、各位委员：",
		"受区人民政府委托，现将纲要实施中期评估",
		"情况报告如下，请予审议。",
		"一、总体进展",
		"纲要确定的主要指标进展总体符合预期。",
	)
	assertOutline(t, p, `title: 江夏区国民经济和社会发展第十四个五年规划纲要实施中期评估报告
region: 江夏区
plan: 十四五
evaluation date: 2023年6月
前言 [4]
一、总体进展 [1]
`)
	preface := p.Sections[0]
	if !preface.Implied || preface.Numbering != "" {
		t.Errorf("前言 = %+v, want an implied section without numbering", preface)
	}
	want := []string{"二〇二三年六月十日", "来源：区发展和改革局", "主任、各位副主任、各位委员：", "受区人民政府委托，现将纲要实施中期评估情况报告如下，请予审议。"}
	if strings.Join(preface.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("前言 paragraphs %q, want %q", preface.Paragraphs, want)
	}
}

// TestTitleStopsAtTheFirstSentence: opening prose right after the title
// line is 前言; a text that opens with prose has no title; a subtitle in
// brackets and a "——" line are title lines.
func TestTitleStopsAtTheFirstSentence(t *testing.T) {
	p := parseLines(t,
		"关于东湖新区“十四五”规划实施情况的中期评估报告",
		"2021年以来，全区上下认真贯彻落实区委决策部署。",
		"一、主要成效",
		"经济总量稳步提升。",
	)
	if p.Title != "关于东湖新区“十四五”规划实施情况的中期评估报告" || p.Sections[0].Title != PrefaceTitle || len(p.Sections) != 2 {
		t.Errorf("title %q, first section %q", p.Title, p.Sections[0].Title)
	}

	p = parseLines(t, "全区上下认真贯彻落实区委决策部署，规划实施总体顺利。", "一、主要成效", "经济总量稳步提升。")
	if p.Title != "" || p.Sections[0].Title != PrefaceTitle {
		t.Errorf("a text opening with prose: title %q, first section %q", p.Title, p.Sections[0].Title)
	}

	p = parseLines(t, "某县国土空间总体规划实施评估报告", "（征求意见稿）", "——在县人大常委会第八次会议上", "县自然资源和规划局", "2023年3月", "一、评估概况", "本次评估覆盖全县。")
	if p.Title != "某县国土空间总体规划实施评估报告（征求意见稿）——在县人大常委会第八次会议上" || p.EvaluationDate != "2023年3月" {
		t.Errorf("title %q, date %q", p.Title, p.EvaluationDate)
	}
	if got := p.Sections[0].Paragraphs; len(got) != 2 || got[0] != "县自然资源和规划局" || got[1] != "2023年3月" {
		t.Errorf("前言 %q: want the author line and the date line", got)
	}
}

// TestTitleEndsAtASubtitleOrAnAuthor: a "——" subtitle is the title's last
// line; an official's or an office's line after the title is 前言, a
// paragraph of its own; an office on the first line starts the title.
func TestTitleEndsAtASubtitleOrAnAuthor(t *testing.T) {
	p := parseLines(t,
		"关于青山区“十四五”规划纲要实施情况的",
		"中期评估报告",
		"——2023年6月28日在区人大常委会第十二次会议上",
		"区发展和改革局局长  张某某",
		"主任、各位副主任、各位委员：",
		"一、总体情况",
		"进展顺利。",
	)
	if p.Title != "关于青山区“十四五”规划纲要实施情况的中期评估报告——2023年6月28日在区人大常委会第十二次会议上" || p.EvaluationDate != "2023年6月" {
		t.Errorf("title %q, date %q", p.Title, p.EvaluationDate)
	}
	if got := p.Sections[0].Paragraphs; len(got) != 2 || got[0] != "区发展和改革局局长张某某" {
		t.Errorf("前言 %q", got)
	}
	p = parseLines(t, "某区人民政府", "关于规划纲要实施情况的报告", "某区发展和改革委员会", "一、总体情况", "进展顺利。")
	if p.Title != "某区人民政府关于规划纲要实施情况的报告" || p.Sections[0].Paragraphs[0] != "某区发展和改革委员会" {
		t.Errorf("title %q, 前言 %q", p.Title, p.Sections[0].Paragraphs)
	}
}

// TestSeedTitleHasNoPreface: the shipped report's three title lines are
// its title, and no 前言 comes before its first part.
func TestSeedTitleHasNoPreface(t *testing.T) {
	p := parseSeed(t)
	if p.Title != "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || p.Sections[0].Numbering != "一、" || p.NoHeadings {
		t.Errorf("title %q, first section %q", p.Title, p.Sections[0].Numbering+p.Sections[0].Title)
	}
	p.Walk(func(s, _ *ParsedSection, _ int) {
		if s.Implied || s.TitleEnd != "" {
			t.Errorf("the seed has a section %q implied %v, title end %q", s.Title, s.Implied, s.TitleEnd)
		}
	})
}

// TestLongTitleLineIsCapped: a first line with no punctuation longer than
// MaxTitleRunes is cut there; the rest starts 前言.
func TestLongTitleLineIsCapped(t *testing.T) {
	long := strings.Repeat("某区国民经济和社会发展规划纲要", 8) // 120 characters
	p := parseLines(t, long, "一、成效", "道路建成。")
	if []rune(p.Title)[MaxTitleRunes-1] != []rune(long)[MaxTitleRunes-1] || len([]rune(p.Title)) != MaxTitleRunes {
		t.Errorf("title %q: want the first %d characters", p.Title, MaxTitleRunes)
	}
	if p.Sections[0].Title != PrefaceTitle || p.Sections[0].Paragraphs[0] != string([]rune(long)[MaxTitleRunes:]) {
		t.Errorf("前言 %q", p.Sections[0].Paragraphs)
	}
}

// TestTextWithoutHeadingsIsOneSection: prose with no numbered heading is a
// report of one section, 正文, after its title; so is a text that is only
// a title.
func TestTextWithoutHeadingsIsOneSection(t *testing.T) {
	p := parseLines(t,
		"某区2023年重点项目推进情况",
		"2023年，全区重点项目完成投资185亿元。",
		"新开工项目32个，竣工项目18个。",
	)
	assertOutline(t, p, "title: 某区2023年重点项目推进情况\nregion: 某区\nplan: \nevaluation date: \n正文 [2]\n")
	if !p.NoHeadings || !p.Sections[0].Implied {
		t.Errorf("NoHeadings %v, implied %v", p.NoHeadings, p.Sections[0].Implied)
	}
	p = parseLines(t, "这是一段文字。", "没有编号标题。")
	if p.Title != "" || len(p.Sections) != 1 || p.Sections[0].Title != BodyTitle || len(p.Sections[0].Paragraphs) != 2 {
		t.Errorf("prose only: %q, %d sections", p.Title, len(p.Sections))
	}
	p = parseLines(t, "某区规划评估报告")
	if p.Title != "某区规划评估报告" || len(p.Sections) != 1 || p.Sections[0].Title != BodyTitle || len(p.Sections[0].Paragraphs) != 0 {
		t.Errorf("title only: %q, %+v", p.Title, p.Sections)
	}
	// A numbered line that is not a heading (2.5万人) keeps a text heading-less.
	p = parseLines(t, "某区就业情况", "2.5万人实现就业。")
	if !p.NoHeadings {
		t.Error("a decimal at a line start was taken for a heading")
	}
}

// TestRunInHeadings: a short numbered phrase ended by 。 or ： with text
// after it on its line is a heading, the text its first paragraph; a long
// or numeric phrase is not.
func TestRunInHeadings(t *testing.T) {
	p := parseLines(t,
		"某区规划中期评估报告",
		"一、主要成效",
		"1.创新能力显著增强。全年研发投入增长12%，",
		"高新技术企业达到320家。",
		"2.城市功能持续完善：新建改造道路46公里。",
		"（一）坚持创新驱动，增强发展动能。推动产业链创新链深度融合。",
		"3.全年地区生产总值增长6.5%。增速居全市前列。",
		"二、存在问题",
		"短板依然明显。",
	)
	assertOutline(t, p, `title: 某区规划中期评估报告
region: 某区
plan: 
evaluation date: 
一、主要成效 [0]
  1.创新能力显著增强 [1]
  2.城市功能持续完善 [1]
    （一）坚持创新驱动，增强发展动能 [2]
二、存在问题 [1]
`)
	first := p.Sections[0].Children[0]
	if first.TitleEnd != "。" || first.Paragraphs[0] != "全年研发投入增长12%，高新技术企业达到320家。" {
		t.Errorf("1. = %q + %q, %q", first.Title, first.TitleEnd, first.Paragraphs)
	}
	if got := p.Sections[0].Children[1]; got.TitleEnd != "：" || got.Paragraphs[0] != "新建改造道路46公里。" {
		t.Errorf("2. = %q + %q, %q", got.Title, got.TitleEnd, got.Paragraphs)
	}
	// 3. states a quantity: it stays a sentence of the paragraph.
	if got := p.Sections[0].Children[1].Children[0].Paragraphs[1]; got != "3.全年地区生产总值增长6.5%。增速居全市前列。" {
		t.Errorf("numeric phrase: %q", got)
	}
}

// TestHeadingEndingInAColon: a heading alone on its line may end in a
// colon, dropped from its title; a numbered sentence alone is no heading.
func TestHeadingEndingInAColon(t *testing.T) {
	p := parseLines(t, "某区评估报告", "一、主要成效：", "经济平稳增长。", "1.产业结构不优。", "二、下一步工作", "加快发展。")
	assertOutline(t, p, "title: 某区评估报告\nregion: 某区\nplan: \nevaluation date: \n一、主要成效 [2]\n二、下一步工作 [1]\n")
	if p.Sections[0].TitleEnd != "：" {
		t.Errorf("title end %q", p.Sections[0].TitleEnd)
	}
}

// hardWrap cuts s into lines of n characters, as a PDF extraction gives
// a paragraph, the last line shorter.
func hardWrap(s string, n int) []string {
	var lines []string
	for r := []rune(s); len(r) > 0; r = r[min(n, len(r)):] {
		lines = append(lines, string(r[:min(n, len(r))]))
	}
	return lines
}

// wrapped is a hard-wrapped report: after each heading line, a paragraph
// wrapped at 22 characters (44 columns).
func wrapped(lines ...string) []string {
	body := hardWrap("全区坚持把创新作为引领发展的第一动力，加快建设区域科技创新中心，创新平台持续增加，"+
		"科技成果转化步伐明显加快，高新技术产业增加值占地区生产总值比重稳步提高，创新生态不断优化。", 22)
	var out []string
	for _, l := range lines {
		out = append(out, l)
		if !strings.HasPrefix(l, "某") {
			out = append(out, body...)
		}
	}
	return out
}

// TestWrappedHeadingJoins: a heading that fills its line and goes on on a
// short next line is one heading; a short heading is never joined with
// the line after it, nor a heading with a sentence or a following heading.
func TestWrappedHeadingJoins(t *testing.T) {
	lines := wrapped(
		"某区规划中期评估报告",
		"一、纲要实施以来全区经济社会发展取得的主要",
	)
	lines = append(lines[:2], append([]string{"成效和基本经验"}, lines[2:]...)...)
	lines = append(lines, "二、问题", "产业结构不优", "仍需加快调整。", "三、坚持创新驱动发展全面塑造区域发展新优势", "（一）加快建设科技创新平台体系")
	lines = append(lines, wrapped("四、保障")...)
	p := parseLines(t, lines...)
	assertOutline(t, p, `title: 某区规划中期评估报告
region: 某区
plan: 
evaluation date: 
一、纲要实施以来全区经济社会发展取得的主要成效和基本经验 [1]
二、问题 [1]
三、坚持创新驱动发展全面塑造区域发展新优势 [0]
  （一）加快建设科技创新平台体系 [0]
四、保障 [1]
`)
	// 二、问题 is short, so it did not wrap: the short line after it is text.
	if got := p.Sections[1].Paragraphs; len(got) != 1 || got[0] != "产业结构不优仍需加快调整。" {
		t.Errorf("二、问题's text %q", got)
	}
}

// TestWrappedHeadingIsNotJoinedWithText: after a full heading line, a
// line with a sentence in it, a full line, or a line ending in a comma
// is body text.
func TestWrappedHeadingIsNotJoinedWithText(t *testing.T) {
	const first = "纲要实施以来全区经济社会发展取得的主要"
	for _, next := range []string{"成效和基本经验", "成效显著。", "成效显著，", "全区经济总量稳步提升产业结构持续优化升级"} {
		lines := wrapped("某区规划中期评估报告", "一、"+first, "二、问题")
		lines = append(lines[:2], append([]string{next}, lines[2:]...)...)
		p := parseLines(t, lines...)
		want := first
		if next == "成效和基本经验" { // the control: the same text with a heading's end
			want += next
		}
		if got := p.Sections[0].Title; got != want {
			t.Errorf("after %q the heading is %q, want %q", next, got, want)
		}
	}
}

// TestRunInHeadingAloneOnItsLine: a run-in heading with nothing after its
// 。 continues the run-in headings before it; the first of a level alone
// with a 。 is a sentence (TestHeadingEndingInAColon).
func TestRunInHeadingAloneOnItsLine(t *testing.T) {
	p := parseLines(t, "某区工作安排", "一、保障措施",
		"1.强化组织领导：建立周调度机制。", "2.强化督查考核。实行月通报。", "3.强化安全发展。",
		"全年开展安全检查不少于4轮。")
	assertOutline(t, p, `title: 某区工作安排
region: 某区
plan: 
evaluation date: 
一、保障措施 [0]
  1.强化组织领导 [1]
  2.强化督查考核 [1]
  3.强化安全发展 [1]
`)
	if got := p.Sections[0].Children[2]; got.TitleEnd != "。" {
		t.Errorf("3. ends with %q", got.TitleEnd)
	}
}

// TestHeadingCutInATextNotHardWrapped: in a text whose lines are
// paragraphs, a long heading broken by hand joins with the few characters
// on the next line; a short heading, or a next line with punctuation or a
// digit, does not.
func TestHeadingCutInATextNotHardWrapped(t *testing.T) {
	p := parseLines(t, "某县评估报告", "一、重大任务推进情况",
		"1、推动产业转型升级，加快构建具有本县特色的现代", "产业体系", "全县规模以上工业企业达到86家。",
		"2、统筹城乡融合发展", "稳步推进", "累计建成高标准农田12.6万亩。",
		"3、加快推进基础设施建设，着力提升城乡互联互通水平", "全年完成投资", "新建道路12公里。",
		"4、深入实施创新驱动发展战略，加快建设创新型县城", "成效2项", "新增平台4个。")
	assertOutline(t, p, `title: 某县评估报告
region: 某县
plan: 
evaluation date: 
一、重大任务推进情况 [0]
  1、推动产业转型升级，加快构建具有本县特色的现代产业体系 [1]
  2、统筹城乡融合发展 [1]
  3、加快推进基础设施建设，着力提升城乡互联互通水平全年完成投资 [1]
  4、深入实施创新驱动发展战略，加快建设创新型县城 [1]
`)
}

// TestPageNumbersAreReadAcross: a page number on a line of its own ends no
// sentence, so a heading after it is one, and is a paragraph of its own
// between paragraphs; inside a sentence it stays in the paragraph, and
// the extractor reads the sentence across it.
func TestPageNumbersAreReadAcross(t *testing.T) {
	p := parseLines(t, "某区评估报告", "一、经济发展", "地区生产总值由2020年的312亿元提高到", "- 2 -",
		"2023年的405.6亿元。", "创新平台加快建设。", "— 3 —", "（一）协调发展", "新增园区4个。", "第4页 共9页",
		"附件1：主要指标表", "一、经济类")
	assertOutline(t, p, `title: 某区评估报告
region: 某区
plan: 
evaluation date: 
一、经济发展 [3]
  （一）协调发展 [2]
附件1：主要指标表 [0]
一、经济类 [0]
`)
	first := p.Sections[0].Paragraphs
	if first[0] != "地区生产总值由2020年的312亿元提高到- 2 -2023年的405.6亿元。" || first[2] != "—3—" {
		t.Errorf("paragraphs %q", first)
	}
	got := ExtractIndicators(first[0])
	if len(got) != 1 || got[0].Name != "地区生产总值" || got[0].Value != "405.6亿元" || got[0].Baseline != "312亿元" {
		t.Errorf("across the page number: %+v", got)
	}
	if got := ExtractIndicators("2021-2022年新增园区4个，占比10-12%。"); len(got) == 0 {
		t.Errorf("a range is no page number: %+v", got)
	}
}

// TestFourthLevelAndOtherNumberings: （1）, (1) and ① on lines of their own
// are one level deeper; 1、 numbers like 1.; ASCII brackets and commas
// read like full-width ones; （1） inside a paragraph is text.
func TestFourthLevelAndOtherNumberings(t *testing.T) {
	p := parseLines(t,
		"某区评估报告",
		"一、主要任务",
		"(一)聚焦能级跃升,塑造产业优势",
		"1、做强主导产业",
		"（1）汽车及零部件",
		"推进整车项目。",
		"（2）大健康产业",
		"①医疗器械",
		"引进企业。",
		"②生物医药",
		"2、培育新兴产业",
		"推进项目建设，（1）加快审批；",
		"(1)数字经济",
		"（二）增强发展动能",
	)
	assertOutline(t, p, `title: 某区评估报告
region: 某区
plan: 
evaluation date: 
一、主要任务 [0]
  (一)聚焦能级跃升,塑造产业优势 [0]
    1、做强主导产业 [0]
      （1）汽车及零部件 [1]
      （2）大健康产业 [0]
        ①医疗器械 [1]
        ②生物医药 [0]
    2、培育新兴产业 [1]
      (1)数字经济 [0]
  （二）增强发展动能 [0]
`)
	// A run-in （1） or ① is a list item inside a paragraph.
	p = parseLines(t, "某区评估报告", "一、任务", "1.产业", "（1）汽车产业：推进整车项目。", "①医疗器械：引进企业。")
	if got := p.Sections[0].Children[0]; len(got.Children) != 0 || len(got.Paragraphs) != 2 {
		t.Errorf("run-in （1）/① made sections: %d children, paragraphs %q", len(got.Children), got.Paragraphs)
	}
}

// TestAppendixRestartsTheNumbering: an appendix title line is a top-level
// section titled as written, and the 一、 after it starts new top-level
// parts instead of being read as text.
func TestAppendixRestartsTheNumbering(t *testing.T) {
	p := parseLines(t,
		"某区规划中期评估报告",
		"一、成效",
		"经济平稳增长。",
		"二、对策",
		"加快发展。",
		"附件1：重点项目推进情况",
		"一、产业类项目",
		"完成投资50亿元。",
		"二、民生类项目",
		"1.教育",
		"新建学校3所。",
		"附表",
		"主要指标完成情况表",
		"一、经济发展",
		"详见附件1。",
	)
	assertOutline(t, p, `title: 某区规划中期评估报告
region: 某区
plan: 
evaluation date: 
一、成效 [1]
二、对策 [1]
附件1：重点项目推进情况 [0]
一、产业类项目 [1]
二、民生类项目 [0]
  1.教育 [1]
附表 [1]
一、经济发展 [1]
`)
	if s := p.Sections[2]; s.Numbering != "" || s.Implied {
		t.Errorf("appendix = %+v", s)
	}
}

// TestLineEndsAndEncodings: a small report reads the same in UTF-8 with and
// without a byte-order mark, UTF-16 LE and BE with one, and GB18030, and
// with LF, CRLF or lone CR line ends.
func TestLineEndsAndEncodings(t *testing.T) {
	text := "某区规划中期评估报告\n2023年6月\n一、成效\n1.创新能力显著增强。全年研发投入增长12%。\n（1）数字经济\n二、问题\n短板明显。\n"
	want, err := ParseReport([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	encode := func(enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
		b, err := enc.Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, ends := range []string{"\n", "\r\n", "\r"} {
		s := strings.ReplaceAll(text, "\n", ends)
		inputs := map[string][]byte{
			"UTF-8":     []byte(s),
			"UTF-8 BOM": append([]byte("\uFEFF"), s...),
			"UTF-16LE":  encode(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder(), s),
			"UTF-16BE":  encode(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder(), s),
			"GB18030":   encode(simplifiedchinese.GB18030.NewEncoder(), s),
			"GBK":       encode(simplifiedchinese.GBK.NewEncoder(), s),
		}
		for name, input := range inputs {
			if bytes.Equal(input, []byte(s)) && name != "UTF-8" {
				t.Fatalf("%s encoded nothing", name)
			}
			p, err := ParseReport(input)
			if err != nil {
				t.Errorf("%s %q: %v", name, ends, err)
				continue
			}
			if outlineText(p) != outlineText(want) || p.Text() != want.Text() {
				t.Errorf("%s %q parses differently:\n%s", name, ends, outlineText(p))
			}
		}
	}
}

// TestNoLossAcrossTheRules: every rule above keeps every character once,
// in order, over texts that mix them (the property FuzzParseReport checks).
func TestNoLossAcrossTheRules(t *testing.T) {
	for _, input := range noLossCases {
		p, err := ParseReport([]byte(input))
		if err != nil {
			t.Fatalf("%q: %v", input, err)
		}
		checkNoLoss(t, []byte(input), p)
	}
}

// noLossCases are texts for the no-loss property, also fuzz seeds.
var noLossCases = []string{
	"某区规划评估报告\n二〇二三年一月\n主任、各位副主任、各位委员：\n现将情况报告如下。\n一、成效\n道路建成。\n",
	"某区规划评估报告\n1.创新能力显著增强。全年研发投入增长12%。\n2.城市功能完善：新建道路46公里。\n",
	"某区规划评估报告\n一、主要成效：\n（1）数字经济\n①平台\n1、产业\n附件1：项目表\n一、产业类项目\n",
	"只有一段文字，没有标题。\n第二行。\n",
	"某区规划评估报告 (征求意见稿)\n来源: 区发改局\n一、 成效 。 全年 增长 12%。\n",
	"一、甲。\n乙\n附件\n一、丙：丁\n",
	strings.Repeat("标题", 50) + "\n一、甲\n",
	"某区报告\n一、甲\n1.乙：丙。\n2.丁。\n- 2 -\n3.戊\n己庚\n由1亿元提高到\n— 3 —\n2亿元。\n",
	"某县报告\n1、推动产业转型升级，加快构建具有本县特色的现代\n产业体系\n第1页 共2页\n",
}
