package docx

import (
	"strings"
	"testing"
)

func TestFormatNumberWritesWhatWordShows(t *testing.T) {
	cases := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 7, "7"},
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"}, {"chineseCounting", 99, "九十九"}, {"chineseCountingThousand", 105, "一百零五"},
		{"chineseCountingThousand", 110, "一百一十"}, {"taiwaneseCountingThousand", 1010, "一千零一十"},
		{"taiwaneseCountingThousand", 3, "三"}, {"ideographDigital", 10, "一〇"}, {"ideographDigital", 102, "一〇二"},
		{"chineseLegalSimplified", 12, "拾贰"}, {"chineseLegalSimplified", 3, "叁"},
		{"decimalEnclosedCircle", 3, "③"}, {"decimalEnclosedCircleChinese", 20, "⑳"}, {"decimalEnclosedCircle", 21, "㉑"},
		{"decimalEnclosedCircle", 51, "51"}, {"decimalEnclosedParen", 2, "⑵"}, {"decimalEnclosedFullstop", 4, "⒋"},
		{"decimalFullWidth", 12, "１２"}, {"decimalZero", 5, "05"}, {"decimalZero", 12, "12"},
		{"upperLetter", 2, "B"}, {"lowerLetter", 28, "bb"}, {"upperRoman", 14, "XIV"}, {"lowerRoman", 9, "ix"},
		{"ideographTraditional", 3, "丙"}, {"ideographZodiac", 1, "子"}, {"none", 4, ""}, {"ordinalText", 4, "4"},
	}
	for _, c := range cases {
		if got := formatNumber(c.n, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// wpsStyles are styles as WPS saves them: ids that are numbers, the
// built-in names in English, the outline level on the heading styles, and
// numbering attached to the heading styles.
const wpsStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="4"><w:name w:val="标题 3"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="要点"/><w:basedOn w:val="4"/></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="Title"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="toc 1"/><w:basedOn w:val="1"/></w:style>`

// chineseOutline numbers level 1 一、 (chineseCounting, as WPS saves it),
// level 2 （一）, level 3 1. starting again under each level 2, and level
// 4 (1) that never starts again (lvlRestart 0).
const chineseOutline = `<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="2"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%4)"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%5"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`

func numbered(style, numID string, ilvl int, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:numPr><w:ilvl w:val="` + string(rune('0'+ilvl)) + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// TestWPSHeadingStylesAndChineseNumbering: WPS's numbered style ids, the
// heading names in English and Chinese, an outline level inherited along
// basedOn (要点 is based on 标题 3), and numbering from the styles:
// 一、 （一） 1. counted as Word does, lower levels starting again under a
// higher one, a level with lvlRestart 0 counting on, isLgl writing every
// level in digits, the space after a label dropped before Chinese text (1.工业).
func TestWPSHeadingStylesAndChineseNumbering(t *testing.T) {
	res := mustRead(t, map[string]string{
		"word/styles.xml":    styles(wpsStyles),
		"word/numbering.xml": numbering(chineseOutline),
		"word/document.xml": body(p("a6", "某区规划评估报告") + p("a7", "一、总体情况	1") +
			p("2", "总体情况") + p("3", "经济") + numbered("1", "1", 2, "工业") + numbered("1", "1", 3, "甲") +
			numbered("1", "1", 2, "服务业") + numbered("1", "1", 3, "乙") + p("3", "社会") + numbered("1", "1", 2, "教育") +
			p("2", "问题") + p("1", "正文。") + p("3", "短板") + p("a5", "要点一") + numbered("1", "1", 4, "细目") +
			p("2", "举措") + p("2", "十") + p("2", "十一")),
	})
	want := `title: 某区规划评估报告
region: 某区
plan: 
evaluation date: 
no headings: false
一、|总体情况|
  （一）|经济|
    > 1.工业
    > (1)甲
    > 2.服务业
    > (2)乙
  （二）|社会|
    > 1.教育
二、|问题|
  > 正文。
  （一）|短板|
    |要点一|
      > 2.1.1细目
三、|举措|
四、|十|
五、|十一|
`
	if got := dump(res.Report); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !res.SkippedContents {
		t.Error("the toc 1 paragraph was not said to be left out")
	}
}

// TestStartOverrideAndNumStyleLink: a second list instance of the same
// definition counts on, unless it has a startOverride, which starts it
// again where it is first used; an abstractNum that links to a numbering
// style numbers by the definition that style names.
func TestStartOverrideAndNumStyleLink(t *testing.T) {
	defs := `<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="6"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>`
	sty := `<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="List Style"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
	res := mustRead(t, map[string]string{
		"word/styles.xml":    styles(sty),
		"word/numbering.xml": numbering(defs),
		"word/document.xml": body(numbered("", "1", 0, "甲。") + numbered("", "2", 0, "乙。") + numbered("", "3", 0, "丙。") +
			numbered("", "4", 0, "丁。") + numbered("", "5", 0, "戊。") + numbered("", "0", 0, "己。")),
	})
	got := strings.Join(paragraphs(res.Report), "|")
	if want := "①甲。|②乙。|①丙。|②丁。|C)戊。|己。"; got != want {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// TestTypedNumberingInHeadingStyles: a heading style whose numbering is
// typed (一、 （一） 1.) gives the typed numbering; an outline level set on
// the paragraph itself makes a heading; a level skipped nests all the
// same; a heading ending in ： keeps it apart.
func TestTypedNumberingInHeadingStyles(t *testing.T) {
	outline := func(lvl, text string) string {
		return `<w:p><w:pPr><w:outlineLvl w:val="` + lvl + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	res := mustRead(t, map[string]string{
		"word/document.xml": body(p("Title", "某县评估报告") + p("", "2023年3月") + p("Heading1", "一、总体情况") +
			p("Heading3", "1.工业：") + p("", "工业增长。") + outline("0", "二、问题") + outline("9", "正文不是标题。") +
			p("Heading2", "（一）短板") + p("heading 2", "（二）风险")),
	})
	want := `title: 某县评估报告
region: 某县
plan: 
evaluation date: 2023年3月
no headings: false
[前言]
  > 2023年3月
一、|总体情况|
  1.|工业|：
    > 工业增长。
二、|问题|
  > 正文不是标题。
  （一）|短板|
  （二）|风险|
`
	if got := dump(res.Report); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
