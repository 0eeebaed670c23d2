package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plandesk/slidefile"
)

func TestDeskExportsSlidesFromTheMenu(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "menu.db"))
	d.wait(t)
	out := t.TempDir()
	d.exportSlides(slidefile.PNG, filepath.Join(out, "png"))
	d.waitUpTo(t, time.Minute)
	if files, _ := filepath.Glob(filepath.Join(out, "png", "slide-*.png")); len(files) != 18 {
		t.Errorf("menu export wrote %d PNG files, want 18", len(files))
	}
	pdf := filepath.Join(out, "评估.pdf")
	d.exportSlides(slidefile.PDF, pdf)
	d.waitUpTo(t, time.Minute)
	raw, err := os.ReadFile(pdf)
	if err != nil || !bytes.Contains(raw, []byte("/Count 18 ")) {
		t.Errorf("menu export PDF: %v, 18 pages: %v", err, bytes.Contains(raw, []byte("/Count 18 ")))
	}

	// A folder that cannot be made (its parent is a file): the error is
	// shown in a dialog, and nothing is written.
	blocker := filepath.Join(out, "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.exportSlides(slidefile.PNG, filepath.Join(blocker, "slides"))
	d.wait(t)
	overlays := d.win.Canvas().Overlays().List()
	if len(overlays) == 0 || !strings.Contains(visibleText(overlays[len(overlays)-1]), "无法导出幻灯片") {
		t.Error("no error dialog for an export into a file")
	}
}
