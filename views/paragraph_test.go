package views

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"plandesk/icons"
)

func TestBreakUnitsKeepsNumbersAndPunctuationTogether(t *testing.T) {
	got := breakUnits("旅游业收入超 20.8亿元，“1+2+N”路长制达 75.3%。")
	want := []string{"旅", "游", "业", "收", "入", "超", " ", "20.8亿元，", "“1+2+N”", "路", "长", "制", "达", " ", "75.3%。"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("breakUnits =\n%q\nwant\n%q", got, want)
	}
	if strings.Join(got, "") != "旅游业收入超 20.8亿元，“1+2+N”路长制达 75.3%。" {
		t.Fatal("units do not rejoin to the text")
	}
	// A number keeps its scale word, 余 and unit: a line never breaks
	// between 0.97万 and 人.
	got = breakUnits("扶持创业0.97万人，发放补贴4.1万余人、约15万个学位，2022年")
	want = []string{"扶", "持", "创", "业", "0.97万人，", "发", "放", "补", "贴", "4.1万余人、", "约15万个", "学", "位，", "2022", "年"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("breakUnits =\n%q\nwant\n%q", got, want)
	}
}

func TestParagraphNeverStartsALineWithClosingPunctuation(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	text := "累计增加学位约 15万个，“10分钟医疗急救圈”建设工作有序推进，累计发放各类就业创业补贴 4.1万余人、2.7亿余元，新增就业 5.41万人。"
	p := newParagraph(text, theme.SizeNameText)
	w := test.NewTempWindow(t, p)
	for width := float32(60); width <= 600; width += 7 {
		w.Resize(fyne.NewSize(width, 800))
		p.Resize(fyne.NewSize(width, p.MinSize().Height))
		r := test.WidgetRenderer(p).(*paragraphRenderer)
		var joined strings.Builder
		for i, text := range r.lines {
			line := canvas.Text{Text: text}
			first := []rune(line.Text)[0]
			if i > 0 && strings.ContainsRune(noLineStart, first) {
				t.Fatalf("width %v: line %d starts with %q: %q", width, i, first, line.Text)
			}
			if last := []rune(line.Text)[len([]rune(line.Text))-1]; strings.ContainsRune(noLineEnd, last) {
				t.Fatalf("width %v: line %d ends with %q", width, i, last)
			}
			for _, n := range []string{"5.41", "4.1", "2.7", "15", "10"} {
				if strings.HasSuffix(line.Text, n[:1]) && i+1 < len(r.lines) && strings.HasPrefix(r.lines[i+1], n[1:]) && !strings.Contains(line.Text, n) {
					t.Fatalf("width %v: number %s split across lines", width, n)
				}
			}
			joined.WriteString(line.Text)
		}
		if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %v: lines lose text: %q", width, joined.String())
		}
		if got, want := p.MinSize().Height, float32(len(r.lines))*r.lineHeight(); got != want {
			t.Fatalf("width %v: MinSize height %v for %d lines, want %v", width, got, len(r.lines), want)
		}
	}
}
