package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/store"

	"fyne.io/fyne/v2/test"
)

func runSlides(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunSlides(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSlidesWritesOnePNGPerSlideAtTheAskedSize(t *testing.T) {
	isolate(t)
	test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "幻灯片")
	db := seededDB(t)
	code, stdout, stderr := runSlides("--out", dir, "--size", "960x540", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	// The shipped report has 17 sections: 18 slides with the overview.
	if len(files) != 18 {
		t.Fatalf("%d PNG files, want 18 (overview + 17 sections): %v", len(files), files)
	}
	if !strings.Contains(stdout, "18") {
		t.Errorf("stdout does not say how many slides: %q", stdout)
	}
	for _, f := range []string{files[0], files[9], files[17]} {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if b := img.Bounds(); b.Dx() != 960 || b.Dy() != 540 {
			t.Errorf("%s is %dx%d, want 960x540", f, b.Dx(), b.Dy())
		}
		seen := map[uint32]bool{}
		for y := 0; y < 540; y += 4 {
			for x := 0; x < 960; x += 4 {
				r, g, b, _ := img.At(x, y).RGBA()
				seen[r>>8<<16|g>>8<<8|b>>8] = true
			}
		}
		if len(seen) < 4 {
			t.Errorf("%s looks blank: %d colours", f, len(seen))
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSlidesWritesOnePDF(t *testing.T) {
	isolate(t)
	test.NewTempApp(t)
	dir := t.TempDir()
	code, _, stderr := runSlides("--out", dir, "--format", "pdf", "--size", "640x360", "--db", seededDB(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "slides.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-")) || !bytes.Contains(raw, []byte("%%EOF")) {
		t.Fatal("slides.pdf is not a complete PDF")
	}
	if n := bytes.Count(raw, []byte("/Type /Page ")); n != 18 || !bytes.Contains(raw, []byte("/Count 18 ")) {
		t.Errorf("slides.pdf has %d pages, want 18", n)
	}
}

func TestSlidesRefusesBadArguments(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{},
		{"--out", t.TempDir(), "--format", "gif"},
		{"--out", t.TempDir(), "--size", "huge"},
		{"--out", t.TempDir(), "--size", "10x10"},
		{"--out", t.TempDir(), "extra"},
	} {
		code, _, stderr := runSlides(args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "plandesk slides") {
			t.Errorf("%q: no message: %q", args, stderr)
		}
	}
}

func TestPresentRefusesBadArguments(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"--slide", "0"}, {"--slide", "x"}} {
		var errOut bytes.Buffer
		if code := RunPresent(args, "test", &errOut); code != 2 || !strings.Contains(errOut.String(), "usage: plandesk present") {
			t.Errorf("%q: exit %d, %q", args, code, errOut.String())
		}
	}
}

// TestReadingCommandsNeverMakeADatabase: slides, export and reports on a
// mistyped --db say the file does not exist and create nothing, not even
// its folder; they never add the shipped report.
func TestReadingCommandsNeverMakeADatabase(t *testing.T) {
	isolate(t)
	test.NewTempApp(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "review.db")
	for name, run := range map[string]func() (int, string, string){
		"slides":  func() (int, string, string) { return runSlides("--out", filepath.Join(dir, "out"), "--db", missing) },
		"export":  func() (int, string, string) { return runExport("--db", missing, "--out", filepath.Join(dir, "x.csv")) },
		"reports": func() (int, string, string) { return runReportsCmd("--db", missing) },
	} {
		code, _, stderr := run()
		if code != 1 || !strings.Contains(stderr, "不存在") {
			t.Errorf("%s on a missing database: exit %d, %q", name, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !os.IsNotExist(err) {
		t.Error("a reading command made the database's folder")
	}
}

// TestReadingCommandsWorkWhileTheFileIsHeld: with the database held by
// another PlanDesk (the window), reports and export still read it.
func TestReadingCommandsWorkWhileTheFileIsHeld(t *testing.T) {
	db := seededDB(t)
	held, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if code, stdout, stderr := runReportsCmd("--db", db); code != 0 || !strings.Contains(stdout, "汉阳区") {
		t.Errorf("reports while held: exit %d %q %q", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "held.csv")
	if code, _, stderr := runExport("--db", db, "--out", out); code != 0 {
		t.Errorf("export while held: exit %d %q", code, stderr)
	}
}

func runReportsCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunReports(args, &out, &errOut)
	return code, out.String(), errOut.String()
}
