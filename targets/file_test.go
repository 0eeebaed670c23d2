package targets

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestReadFileByExtension: .tsv and .txt are pasted text in any encoding
// officials save (GBK from Notepad's ANSI here); others are refused by
// name; every failure names the file and says what is wrong.
func TestReadFileByExtension(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("指标\t2025年\r\n新增就业\t〔6〕\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadFile(write("paste.txt", gbk))
	if err != nil || len(rows) != 2 || rows[1][1] != "〔6〕" {
		t.Errorf("GBK text: %q %v", rows, err)
	}
	cases := []struct {
		path string
		kind error
	}{
		{write("t.json", []byte("[]")), ErrFileType},
		{write("t.ods", []byte("x")), ErrFileType},
		{filepath.Join(dir, "missing.tsv"), ErrUnreadable},
		{filepath.Join(dir, "missing.xlsx"), ErrUnreadable},
		{write("bin.tsv", []byte{0xff, 0xfe, 0xfd, 0x00, 0x81}), ErrNotText},
		{write("bad.xlsx", []byte("PK\x03\x04 not a workbook")), ErrDamaged},
		{write("bad.csv", []byte("指标,\"目标\n")), ErrDamaged},
		{write("big.tsv", []byte(strings.Repeat("指标\t1\n", MaxRows+1))), ErrTooLarge},
		{write("big.csv", []byte(strings.Repeat("指标,1\n", MaxRows+1))), ErrTooLarge},
	}
	for _, c := range cases {
		_, err := ReadFile(c.path)
		var fe *FileError
		if !errors.Is(err, c.kind) || !errors.As(err, &fe) || fe.Path != c.path {
			t.Errorf("%s: %v, want %v", filepath.Base(c.path), err, c.kind)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file's cause: %v", err)
	}
}
