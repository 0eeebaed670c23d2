package pdftext

import (
	"slices"
	"testing"
)

// row lays text out as glyphs of size 12 from x, on baseline base, one
// em each.
func row(text string, x, base float64) []glyph {
	var gs []glyph
	for _, r := range text {
		gs = append(gs, glyph{r: r, x0: x, x1: x + 12, base: base, top: base + 10, size: 12})
		x += 12
	}
	return gs
}

// TestCharactersReadByPositionNotDrawingOrder: a closing quotation mark
// the PDF draws after the rest of its line (as LibreOffice does with a
// mark in another font) is read where it stands, and so is a line drawn
// before the one above it.
func TestCharactersReadByPositionNotDrawingOrder(t *testing.T) {
	first := row("“四区支撑”全面提升。", 100, 700)
	second := row("《纲要》实施", 100, 682)
	quote := first[5]
	drawn := append(append(append(second, first[:5]...), first[6:]...), quote)
	lines := layoutPage(drawn, 595, 1)
	var got []string
	for _, l := range lines {
		got = append(got, l.text)
	}
	if want := []string{"“四区支撑”全面提升。", "《纲要》实施"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSpacesOnlyBetweenLatinWords: a gap between Latin words is a space;
// the room left between Chinese and Latin text is none (突破210家), and
// an em-wide gap, between table cells, is one whatever the script.
func TestSpacesOnlyBetweenLatinWords(t *testing.T) {
	gs := append(row("突破", 0, 0), row("210", 27, 0)...)
	gs = append(gs, row("家", 66, 0)...)
	gs = append(gs, row("5G", 78, 0)...)
	gs = append(gs, row("net", 106, 0)...)
	gs = append(gs, row("单位", 160, 0)...)
	if got, want := lineText(gs), "突破210家5G net 单位"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := joinLines([]string{"达到75.", "3%，the", "end"}); got != "达到75.3%，the end" {
		t.Errorf("joined %q", got)
	}
}

// TestPageNumbersAreRecognised: the page numbers Chinese documents print,
// and none of the lines that only look like one.
func TestPageNumbersAreRecognised(t *testing.T) {
	for _, s := range []string{"- 3 -", "— 3 —", "－12－", "第3页", "第 3 页 共 9 页", "第3页，共9页", "3/9", "3", "Page 3 of 9"} {
		if !pageNumber.MatchString(furnitureKey(s)) {
			t.Errorf("%q is no page number", s)
		}
	}
	for _, s := range []string{"2022年", "一、总体情况", "3.产业体系", "第3部分", "- 3 - 4"} {
		if pageNumber.MatchString(furnitureKey(s)) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}

// TestGutterSplitsColumns: lines in two columns with a gap between them
// are read left column first; lines across the page are not split.
func TestGutterSplitsColumns(t *testing.T) {
	var gs []glyph
	gs = append(gs, row("横跨整页的标题文字横跨整页的标题文字横跨整页的标题文字横跨整页", 60, 780)...)
	for i, base := 0, 760.0; i < 5; i, base = i+1, base-18 {
		gs = append(gs, row("左栏左栏左栏左栏左栏左栏左栏", 60, base)...)
		gs = append(gs, row("右栏右栏右栏右栏右栏右栏右栏", 320, base)...)
	}
	lines := layoutPage(gs, 595, 1)
	var cols []int
	for _, l := range lines {
		cols = append(cols, l.col)
	}
	if want := []int{0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}; !slices.Equal(cols, want) {
		t.Errorf("columns %v, want %v", cols, want)
	}
}
