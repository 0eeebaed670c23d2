package pdftext

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// glyph is one character drawn on a page, where PDFium says it stands, in
// PDF user space (points, y growing up the page).
type glyph struct {
	r rune
	// x0, x1 are the left and right of its loose box: from its origin over
	// its advance width, so the characters of a word touch.
	x0, x1 float64
	// base is its baseline (the origin's y), top the top of its loose box.
	base, top float64
	// size is its font size in points, bold whether its font is bold.
	size float64
	bold bool
}

// readPage reads page index's characters and lays them out into lines in
// reading order (see layoutPage). Only the lines are kept.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (page, error) {
	size, err := inst.FPDF_GetPageSizeByIndexF(&requests.FPDF_GetPageSizeByIndexF{Document: doc, Index: index})
	if err != nil {
		return page{}, fmt.Errorf("page size: %w", err)
	}
	loaded, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return page{}, fmt.Errorf("load page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: loaded.Page})
	text, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &loaded.Page}})
	if err != nil {
		return page{}, fmt.Errorf("load text: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: text.TextPage})
	glyphs, err := readGlyphs(inst, text.TextPage)
	if err != nil {
		return page{}, err
	}
	p := page{number: index + 1, width: float64(size.Size.Width), height: float64(size.Size.Height)}
	p.lines = layoutPage(glyphs, p.width, p.number)
	return p, nil
}

// readGlyphs reads every character PDFium found on a text page. The spaces
// and line breaks PDFium makes up between text objects are left out (the
// layout decides where words and lines end), as are characters without a
// Unicode value, which cannot be shown.
func readGlyphs(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE) ([]glyph, error) {
	count, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp})
	if err != nil {
		return nil, fmt.Errorf("count characters: %w", err)
	}
	glyphs := make([]glyph, 0, count.Count)
	for i := range count.Count {
		g, ok, err := readGlyph(inst, tp, i)
		if err != nil {
			return nil, fmt.Errorf("character %d: %w", i, err)
		}
		if ok {
			glyphs = append(glyphs, g)
		}
	}
	return glyphs, nil
}

// readGlyph reads character i; ok is false for one to leave out.
func readGlyph(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int) (g glyph, ok bool, err error) {
	u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i})
	if err != nil || u.Unicode == 0 || u.Unicode > unicode.MaxRune || u.Unicode == unicode.ReplacementChar {
		return glyph{}, false, err
	}
	gen, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp, Index: i})
	if err != nil || gen.IsGenerated || unicode.IsControl(rune(u.Unicode)) {
		return glyph{}, false, err
	}
	box, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	origin, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	size, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	font, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	weight, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp, Index: i})
	if err != nil {
		return glyph{}, false, err
	}
	r := box.Rect
	return glyph{
		r:  rune(u.Unicode),
		x0: float64(r.Left), x1: float64(r.Right),
		base: origin.Y, top: float64(r.Top),
		size: size.FontSize,
		bold: weight.FontWeight >= 600 || isBoldName(font.FontName),
	}, true, nil
}

// isBoldName reports whether a font's name says it is bold. Fonts embedded
// by LibreOffice and Word often give no weight (PDFium then says 400 or
// -1), but their names do: NotoSansCJKjp-Bold, SimHei,Bold, 方正小标宋.
func isBoldName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"bold", "heavy", "black", "semibold", "demibold", "simhei", "heiti", "黑体", "小标宋"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
