package messages

import (
	"fmt"
	"strings"
	"testing"

	"plandesk/docx"
	"plandesk/reporttext"
)

// TestExplainSaysToSaveAsDocx: a .doc or .wps is told, in both languages,
// to be saved as .docx in WPS or Word; the other refused Word files say
// what is wrong and what to do; none shows the error's English.
func TestExplainSaysToSaveAsDocx(t *testing.T) {
	t.Cleanup(func() { _ = Use(Chinese) })
	wrap := func(kind error) error {
		return fmt.Errorf("read 报告.doc: %w", &docx.FormatError{Kind: kind})
	}
	text := &docx.FormatError{Kind: docx.ErrTooLarge, Limit: reporttext.MaxTextBytes, Err: reporttext.ErrTextTooLarge}
	for code, want := range map[string][]string{
		Chinese: {"请在 WPS 或 Word 中“另存为” .docx 后再导入", "密码", "不是 Word 文档", "已损坏或不完整", "解压后的内容远多于一份规划报告", "请确认选的是报告文件"},
		English: {"Open it in WPS or Word, “Save as” .docx, then import that file.", "password", "not a Word document", "damaged or incomplete", "unpacks to far more", "Check that this is the report"},
	} {
		if err := Use(code); err != nil {
			t.Fatal(err)
		}
		got := []string{Explain(wrap(docx.ErrLegacyFormat)), Explain(wrap(docx.ErrEncrypted)), Explain(wrap(docx.ErrNotDocx)),
			Explain(wrap(docx.ErrDamaged)), Explain(wrap(docx.ErrTooLarge)), Explain(text)}
		for i, w := range want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: %q lacks %q", code, got[i], w)
			}
			if strings.Contains(got[i], "the file is") || strings.Contains(got[i], "(.docx)\n") {
				t.Errorf("%s: the error's own English reached the user: %q", code, got[i])
			}
		}
	}
}

// TestDocumentNotesSayWhatWasMarked: after reading a document, the tracked
// changes, pictures, notes, comments and textless pages are said; nothing
// for a plain one.
func TestDocumentNotesSayWhatWasMarked(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(DocumentNotes(ReadNotes{Revisions: true, Images: 2, Notes: 3, Comments: 1, TextlessPages: []int{3, 5}}), " ")
	for _, w := range []string{"接受全部修订", "2 处图片", "〔图〕", "3 条脚注", "〔注：…〕", "1 条批注未导入", "第 3、5 页"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q lacks %q", got, w)
		}
	}
	if s := DocumentNotes(ReadNotes{}); len(s) != 0 {
		t.Errorf("a plain document: %q", s)
	}
}
