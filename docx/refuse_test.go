package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// refused reads data and checks it is refused with a *FormatError of
// kind want, and nothing returned.
func refused(t *testing.T, name string, data []byte, want error) {
	t.Helper()
	res, err := readBytes(data)
	var fe *FormatError
	if res != nil || !errors.As(err, &fe) || !errors.Is(err, want) {
		t.Errorf("%s: result %v, error %v; want nothing and %v", name, res, err, want)
	}
}

// TestWrongFilesAreRefusedByKind: a .doc (and a .wps, the same OLE
// compound file) and an RTF are legacy formats, to be saved as .docx; a
// password-protected .docx says so; a renamed .txt or a spreadsheet is no
// .docx; a .docx cut short, or with broken XML, is damaged.
func TestWrongFilesAreRefusedByKind(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	encrypted := append(bytes.Clone(ole), utf16Bytes("EncryptedPackage")...)
	seed, err := os.ReadFile(filepath.Join("..", "store", "seed", "hanyang-midterm-eval.txt"))
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile(filepath.Join("testdata", "qingxi-report.docx"))
	if err != nil {
		t.Fatal(err)
	}
	var xlsx bytes.Buffer
	zw := zip.NewWriter(&xlsx)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	zw.Close()
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{".doc", ole, ErrLegacyFormat},
		{"rtf", []byte(`{\rtf1\ansi 汉阳区}`), ErrLegacyFormat},
		{"password", encrypted, ErrEncrypted},
		{"renamed .txt", seed, ErrNotDocx},
		{"empty file", nil, ErrNotDocx},
		{".xlsx", xlsx.Bytes(), ErrNotDocx},
		{"cut in half", docx[:len(docx)/2], ErrDamaged},
		{"cut before its end record", docx[:len(docx)-10], ErrDamaged},
		{"broken XML", makeDocx(t, map[string]string{"word/document.xml": body(`<w:p><w:r><w:t>半句`)}), ErrDamaged},
		{"no body", makeDocx(t, map[string]string{"word/document.xml": `<html/>`}), ErrNotDocx},
		{"nested too deep", makeDocx(t, map[string]string{"word/document.xml": body(strings.Repeat("<w:sdt>", 300))}), ErrDamaged},
	}
	for _, c := range cases {
		refused(t, c.name, c.data, c.want)
	}
	if Detect(ole) != FormatLegacy || Detect(docx) != FormatZip || Detect(seed) != FormatOther {
		t.Error("Detect tells the formats apart wrongly")
	}
	if _, err := readBytes(makeDocx(t, map[string]string{"word/document.xml": body(p("", " "))})); !errors.Is(err, reporttext.ErrEmptyInput) {
		t.Errorf("a document with no text: %v, want ErrEmptyInput", err)
	}
}

// zipBomb is a .docx whose document.xml unpacks to size bytes: a paragraph
// of spaces, which deflate packs about a thousand to one.
func zipBomb(tb testing.TB, size int64) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		tb.Fatal(err)
	}
	head := strings.TrimSuffix(body(`<w:p><w:r><w:t xml:space="preserve">`), "</w:body></w:document>")
	io.WriteString(w, head)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := int64(len(head)); n < size; n += int64(len(chunk)) {
		w.Write(chunk)
	}
	io.WriteString(w, "</w:t></w:r></w:p></w:body></w:document>")
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestZipBombIsRefused: a document.xml that unpacks to 256 MiB from
// 256 KB is refused as too large after MaxDocumentBytes are read;
// so is one whose header claims a small size, which archive/zip catches;
// so is a zip of more entries than MaxEntries, from its directory alone.
func TestZipBombIsRefused(t *testing.T) {
	bomb := zipBomb(t, 256<<20)
	t.Logf("bomb: %d bytes unpacking to 256 MiB", len(bomb))
	refused(t, "zip bomb", bomb, ErrTooLarge)

	// The same, its sizes in the directory lowered to 100 bytes.
	lying := bytes.Clone(bomb)
	dir := bytes.LastIndex(lying, []byte("PK\x01\x02"))
	copy(lying[dir+24:], []byte{100, 0, 0, 0})
	refused(t, "zip bomb that lies", lying, ErrDamaged)

	// Just under MaxDocumentBytes, so it is read, as a stream, and
	// refused for the text of its one paragraph.
	refused(t, "a paragraph of 30 MiB", zipBomb(t, 30<<20), ErrTooLarge)

	var many bytes.Buffer
	zw := zip.NewWriter(&many)
	for i := range MaxEntries + 1 {
		zw.Create(fmt.Sprintf("word/media/image%d.png", i))
	}
	zw.Close()
	refused(t, "too many entries", many.Bytes(), ErrTooLarge)
}

// TestTextPastTheBoundIsRefused: a document whose paragraphs, or one
// paragraph, hold more than reporttext.MaxTextBytes is refused as too
// large, also as
// reporttext.ErrTextTooLarge; one with more headings than
// reporttext.MaxSections with reporttext's *LimitError.
func TestTextPastTheBoundIsRefused(t *testing.T) {
	para := p("", strings.Repeat("很长的段落。", 1000))
	doc := body(strings.Repeat(para, reporttext.MaxTextBytes/len(para)*2))
	res, err := readBytes(makeDocx(t, map[string]string{"word/document.xml": doc}))
	if res != nil || !errors.Is(err, ErrTooLarge) || !errors.Is(err, reporttext.ErrTextTooLarge) {
		t.Errorf("too much text: %v", err)
	}
	// One paragraph of many runs, refused while it is read.
	r := run(strings.Repeat("很长的句子。", 100))
	doc = body(`<w:p>` + strings.Repeat(r, reporttext.MaxTextBytes/len(r)*2) + `</w:p>`)
	if _, err := readBytes(makeDocx(t, map[string]string{"word/document.xml": doc})); !errors.Is(err, reporttext.ErrTextTooLarge) {
		t.Errorf("one paragraph of too much text: %v", err)
	}
	doc = body(strings.Repeat(p("Heading1", "标题"), reporttext.MaxSections+1))
	res, err = readBytes(makeDocx(t, map[string]string{"word/document.xml": doc}))
	var le *reporttext.LimitError
	if res != nil || !errors.As(err, &le) || !errors.Is(err, reporttext.ErrTooManySections) {
		t.Errorf("too many headings: %v", err)
	}
}

// TestReadFileNamesTheFile: ReadFile keeps the file system's errors as
// they are and names the file in the others.
func TestReadFileNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "none.docx")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	path := filepath.Join(dir, "报告.doc")
	os.WriteFile(path, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644)
	if _, err := ReadFile(path); !errors.Is(err, ErrLegacyFormat) || !strings.Contains(err.Error(), "报告.doc") {
		t.Errorf(".doc: %v", err)
	}
}
