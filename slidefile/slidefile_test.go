package slidefile

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// plain draws a slide as a small grey picture; what a slide shows is the
// views package's business.
func plain(int) (image.Image, error) {
	img := image.NewNRGBA(image.Rect(0, 0, 32, 18))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	return img, nil
}

// TestAShorterDeckReplacesALongerOne: exporting 3 slides into a folder that
// holds a deck of 5, temporary files an interrupted export left and a file
// of the user's leaves the 3 new slides and the user's file, nothing else;
// every file is readable by everyone.
func TestAShorterDeckReplacesALongerOne(t *testing.T) {
	dir := t.TempDir()
	if n, err := (Job{Count: 5, Render: plain}).Write(PNG, dir); err != nil || n != 5 {
		t.Fatalf("first deck: %d, %v", n, err)
	}
	for _, name := range []string{".slide-02.png.123.tmp", ".slides.pdf.456.tmp", "备注.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := (Job{Count: 3, Render: plain}).Write(PNG, dir); err != nil || n != 3 {
		t.Fatalf("second deck: %d, %v", n, err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if info, _ := e.Info(); e.Name() != "备注.txt" && info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", e.Name(), info.Mode().Perm())
		}
	}
	want := []string{"slide-01.png", "slide-02.png", "slide-03.png", "备注.txt"}
	if !slices.Equal(names, want) {
		t.Errorf("the folder holds %v, want %v", names, want)
	}
}
