package messages

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"plandesk/pdftext/pdferr"
)

// TestExplainWordsPDFErrors: each reason a PDF gives no text is a sentence
// with the next step, in Chinese and in English, never pdftext's own words.
func TestExplainWordsPDFErrors(t *testing.T) {
	cases := []struct {
		err    error
		zh, en string
	}{
		{fmt.Errorf("read a.pdf: %w", pdferr.ErrScanned), "此 PDF 是扫描件，没有可读取的文字", "OCR"},
		{pdferr.ErrPassword, "请输入密码", "Enter its password"},
		{pdferr.ErrWrongPassword, "密码不正确", "password is wrong"},
		{fmt.Errorf("%w: 3: incorrect format", pdferr.ErrDamaged), "已损坏或不完整", "damaged or incomplete"},
		{&pdferr.PageError{Page: 7, Err: errors.New("x")}, "第 7 页已损坏", "Page 7"},
		{&pdferr.LimitError{Err: pdferr.ErrTooManyPages, Limit: 1000, Found: 1200}, "有 1200 页，超过规划评估台能读取的 1000 页", "1200 pages"},
		{&pdferr.LimitError{Err: pdferr.ErrFileTooLarge, Limit: 64 << 20, Found: 70 << 20}, "超过 64 MB", "larger than 64 MB"},
		{&pdferr.LimitError{Err: pdferr.ErrTextTooLarge, Limit: 8 << 20}, "文字超过 8 MB", "more than 8 MB of text"},
	}
	for _, lang := range []string{Chinese, English} {
		if err := Use(lang); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			want := c.zh
			if lang == English {
				want = c.en
			}
			if got := Explain(c.err); !strings.Contains(got, want) || strings.Contains(got, c.err.Error()) {
				t.Errorf("%s %v: %q lacks %q", lang, c.err, got, want)
			}
		}
	}
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
}
