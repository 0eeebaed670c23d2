package reporttext

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"plandesk/cjk"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// outlineText renders a parsed report as the golden files show it: one line
// per section, indented by depth, with its paragraph count.
func outlineText(p *ParsedReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nregion: %s\nplan: %s\nevaluation date: %s\n", p.Title, p.Region, p.PlanPeriod, p.EvaluationDate)
	p.Walk(func(s, _ *ParsedSection, depth int) {
		fmt.Fprintf(&b, "%s%s%s [%d]\n", strings.Repeat("  ", depth), s.Numbering, s.Title, len(s.Paragraphs))
	})
	return b.String()
}

// seedText reads the shipped report from the store package's copy, the one
// the binary embeds (reporttext cannot import store, which imports it).
func seedText(tb testing.TB) []byte {
	tb.Helper()
	text, err := os.ReadFile(filepath.Join("..", "store", "seed", "hanyang-midterm-eval.txt"))
	if err != nil {
		tb.Fatalf("read the shipped report: %v", err)
	}
	return text
}

func parseSeed(t testing.TB) *ParsedReport {
	t.Helper()
	p, err := ParseReport(seedText(t))
	if err != nil {
		t.Fatalf("ParseReport(seed): %v", err)
	}
	return p
}

func TestParseSeedOutlineGolden(t *testing.T) {
	assertGolden(t, "seed-outline.golden", outlineText(parseSeed(t)))
}

// assertGolden compares got with testdata/name, rewriting it with -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("differs from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
	}
}

func TestParseSeedTreeShape(t *testing.T) {
	p := parseSeed(t)
	if len(p.Sections) != 3 {
		t.Fatalf("%d parts, want 3", len(p.Sections))
	}
	wantChildren := []int{9, 0, 5}
	for i, part := range p.Sections {
		if len(part.Children) != wantChildren[i] {
			t.Errorf("part %s has %d children, want %d", part.Numbering, len(part.Children), wantChildren[i])
		}
	}
	first, last := p.Sections[0].Children[0], p.Sections[0].Children[8]
	if first.Numbering+first.Title != "1.空间布局持续优化" || last.Numbering+last.Title != "9.创新改革全面深化" {
		t.Errorf("part one runs %q … %q", first.Numbering+first.Title, last.Numbering+last.Title)
	}
	// " 4.发展空间有效拓展" follows a page break with a leading space.
	if s := p.Sections[0].Children[3]; s.Numbering != "4." || s.Title != "发展空间有效拓展" {
		t.Errorf("section 4 = %q %q", s.Numbering, s.Title)
	}
	if s := p.Sections[2].Children[4]; s.Numbering != "（五）" || s.Title != "坚持生态优先，打造宜居之城" {
		t.Errorf("（五） = %q %q", s.Numbering, s.Title)
	}
}

func TestParseSeedParagraphsVerbatim(t *testing.T) {
	p := parseSeed(t)
	cases := []struct {
		section *ParsedSection
		index   int
		want    string
	}{
		{p.Sections[0].Children[1], 0, "新型基础设施不断完善，实现辖区全域5G信号覆盖，华中地区首个“星火•链网”骨干二级节点建成上线，数字经济类企业突破210家，实施智能化改造项目20余个，“城市大脑”汉阳平台不断完善，“区-街-社区”三级政务网络实现全覆盖。"},
		{p.Sections[0].Children[6], 0, "累计增加学位约15万个，“10分钟医疗急救圈”建设工作有序推进，累计发放各类就业创业补贴4.1万余人、2.7亿余元，新增就业5.41万人，扶持创业0.97万人，带动就业1.23万人。全区养老机构医养结合率达100%，率先建成全市首家区级养老中心并投入运营。"},
		{p.Sections[0].Children[8], 0, "2022年营商环境获全省、全市双第一，基层政务网点数量位居中心城区第一。全区共有286家高新技术企业，完成国企改革六大类75项任务，7家企业成功入选市民营企业100强榜单，5家企业跻身市民营制造企业50强榜单。"},
		{p.Sections[0].Children[8], 1, "建立湖北省外贸综合服务中心汉阳分中心，为企业提供一站式外贸全流程服务。"},
		{p.Sections[1], 0, "一是新旧动能接续转换不畅，二是产业转型升级挑战加重，三是功能区打造效果不明显，四是公共服务水平仍需提高。"},
		// A paragraph that runs across a page break (" 温控、…").
		{p.Sections[2].Children[0], 1, "推动工业转型升级加速，加速黄金口工业园等园区腾笼换鸟，大力发展“工业上楼”，引进高端装备、汽车生产配套等先进制造业企业。增强现代服务业竞争力，高效推动银合温控、市政科研中心等项目。推动医药流通向产业链上下游延伸，提速医疗器械、互联网医疗“短板加长”。持续丰富金融业态，做强武汉基金产业基地投融资辐射。"},
		{p.Sections[0].Children[4], 0, "长江和汉江流域水环境系统治理成效显著，墨水湖、龙阳湖脱离劣V类湖泊，黑臭水体全面消除；绿地覆盖率达36.4%，绿化覆盖率达41.4%。再生资源循环利用体系建设不断完善，绿色低碳生活逐步推广，全面完成“双百”目标任务，实现排污许可限期整改“清零”。"},
	}
	for _, c := range cases {
		if len(c.section.Paragraphs) <= c.index {
			t.Errorf("%s has %d paragraphs", c.section.Title, len(c.section.Paragraphs))
			continue
		}
		if got := c.section.Paragraphs[c.index]; got != c.want {
			t.Errorf("%s paragraph %d:\n got %s\nwant %s", c.section.Title, c.index, got, c.want)
		}
	}
}

// nonSpace is the text with all white space removed.
func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkNoLoss fails unless every non-space character of the input is in the
// parsed report, in order, exactly once.
func checkNoLoss(t testing.TB, input []byte, p *ParsedReport) {
	t.Helper()
	in := nonSpace(strings.TrimPrefix(string(input), "\uFEFF"))
	out := nonSpace(p.Text())
	if in != out {
		ir, or := []rune(in), []rune(out)
		i := 0
		for i < len(ir) && i < len(or) && ir[i] == or[i] {
			i++
		}
		t.Fatalf("text lost or duplicated at rune %d of %d/%d: input …%q… output …%q…", i, len(ir), len(or),
			string(ir[i:min(i+20, len(ir))]), string(or[i:min(i+20, len(or))]))
	}
}

func TestParseSeedLosesNothing(t *testing.T) {
	checkNoLoss(t, seedText(t), parseSeed(t))
}

func TestParseSeedHasNoStraySpaces(t *testing.T) {
	p := parseSeed(t)
	check := func(where, s string) {
		for _, r := range s {
			if unicode.IsSpace(r) {
				t.Errorf("%s keeps white space: %q", where, s)
				return
			}
		}
	}
	check("title", p.Title)
	p.Walk(func(s, _ *ParsedSection, _ int) {
		check("heading", s.Title)
		for _, para := range s.Paragraphs {
			check(s.Title, para)
		}
	})
}

func TestParseHeadingsAndNumbersInText(t *testing.T) {
	input := strings.Join([]string{
		"某区规划",
		"评估报告",
		"",
		"一、总体情况",
		"1．进展", // full-width dot
		"全区规划路网建成率达到",
		"4.1万人次，", // a decimal at a line start stays in its paragraph
		"15万个学位建成。",
		"2022年营商环境获全省第一。", // a year at a line start
		"2．问题",
		"二、对策",
		"(一)聚焦能级跃升", // half-width parentheses
		"推进数字经济。",
		"(二) 增强发展动能", // a space after the numbering
		"3.不是标题因为编号不连续",
		"句子到此结束。",
		"三、保障",
	}, "\n")
	p, err := ParseReport([]byte(input))
	if err != nil {
		t.Fatal(err)
	}
	want := `title: 某区规划评估报告
region: 某区
plan: 
evaluation date: 
一、总体情况 [0]
  1．进展 [2]
  2．问题 [0]
二、对策 [0]
  (一)聚焦能级跃升 [1]
  (二)增强发展动能 [1]
三、保障 [0]
`
	if got := outlineText(p); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	if got := p.Sections[0].Children[0].Paragraphs[0]; got != "全区规划路网建成率达到4.1万人次，15万个学位建成。" {
		t.Errorf("paragraph = %q", got)
	}
	if got := p.Sections[1].Children[1].Paragraphs[0]; got != "3.不是标题因为编号不连续句子到此结束。" {
		t.Errorf("out-of-sequence number = %q", got)
	}
	checkNoLoss(t, []byte(input), p)
}

func TestParseKeepsWrappedNumbersInTheirSentence(t *testing.T) {
	input := strings.Join([]string{
		"某区评估报告",
		"一、成效",
		"第一产业稳定，第",
		"二、三产业融合发展势头良好，",
		"累计完成投资",
		"2.“十四五”以来累计完成，投资增长。",
		"二、问题",
		"短板明显。",
	}, "\n")
	p, err := ParseReport([]byte(input))
	if err != nil {
		t.Fatal(err)
	}
	want := "title: 某区评估报告\nregion: 某区\nplan: \nevaluation date: \n一、成效 [1]\n二、问题 [1]\n"
	if got := outlineText(p); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	checkNoLoss(t, []byte(input), p)
}

func TestParseJoinsLatinWordsWithASpace(t *testing.T) {
	p, err := ParseReport([]byte("Report\n一、Summary\nThe plan is on\ntrack overall.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Sections[0].Paragraphs[0]; got != "The plan is on track overall." {
		t.Errorf("paragraph = %q", got)
	}
}

func TestParseWindowsLineEndingsAndBOM(t *testing.T) {
	unix := seedText(t)
	dos := append([]byte("\uFEFF"), bytes.ReplaceAll(unix, []byte("\n"), []byte("\r\n"))...)
	p, err := ParseReport(dos)
	if err != nil {
		t.Fatal(err)
	}
	if outlineText(p) != outlineText(parseSeed(t)) {
		t.Error("CRLF + BOM input parses differently from the original")
	}
}

func TestParseRejectsUnreadableInput(t *testing.T) {
	cases := []struct {
		name  string
		input []byte
		want  error
	}{
		{"empty", nil, ErrEmptyInput},
		{"blank", []byte(" \n\n\t \r\n"), ErrEmptyInput},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), ErrNotText},
		{"latin-1", []byte("R\xe9sum\xe9 du rapport\n"), ErrNotUTF8},
		// Byte-order marks and nothing else (the fuzzer's find).
		{"two UTF-16 marks", []byte("\xfe\xff\xfe\xff"), ErrEmptyInput},
		{"UTF-8 marks", []byte("\uFEFF\uFEFF\n\uFEFF"), ErrEmptyInput},
	}
	for _, c := range cases {
		if _, err := ParseReport(c.input); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "九": 9, "十": 10, "十一": 11, "二十": 20, "二十三": 23, "九十九": 99, "零": 0, "十十": 0, "一二三": 0} {
		if got := chineseNumber(s); got != want {
			t.Errorf("chineseNumber(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzParseReport(f *testing.F) {
	f.Add(seedText(f))
	f.Add([]byte("标题\n一、甲\n1.乙\n正文 12.5%。\n（一）丙\n"))
	f.Add([]byte("x\n 4.1万\n二、\n"))
	// A title block past MaxTitleRunes, cut inside a line and between lines.
	f.Add([]byte(strings.Repeat("标题 ab", 30) + "\n短行\n一、甲\n正文。\n"))
	f.Add([]byte("标题\n" + strings.Repeat("一行说明文字，\n", 30) + "一、甲\n"))
	for _, text := range corpusTexts(f) {
		f.Add(text)
	}
	// The title block, run-in and wrapped headings, fourth levels, appendices.
	for _, c := range noLossCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(strings.Join(wrapped("某区规划中期评估报告", "一、纲要实施以来全区经济社会发展取得的主要", "成效", "二、问题"), "\r")))
	f.Fuzz(func(t *testing.T, input []byte) {
		p, err := ParseReport(input)
		if err != nil {
			return
		}
		text, _ := cjk.Decode(input)
		checkNoLoss(t, text, p)
	})
}

func BenchmarkParseSeed(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseReport(text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseReadsTheEncodingsWindowsWrites: the shipped report saved as
// UTF-16 (little and big endian, with the mark Notepad writes) and as
// GB18030 parses to the same outline and text as the UTF-8 original.
func TestParseReadsTheEncodingsWindowsWrites(t *testing.T) {
	utf8Text := seedText(t)
	want := parseSeed(t)
	le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes(utf8Text)
	be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes(utf8Text)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf8Text)
	if err != nil {
		t.Fatal(err)
	}
	for name, input := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be, "GB18030": gb} {
		p, err := ParseReport(input)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if outlineText(p) != outlineText(want) || p.Text() != want.Text() {
			t.Errorf("%s parses differently from the UTF-8 original", name)
		}
	}
}
