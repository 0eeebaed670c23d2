package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"image"
	"image/color"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// testImages are three pages: full HD, 4:3, and a small grey image drawn
// through the generic path.
func testImages() []image.Image {
	hd := image.NewNRGBA(image.Rect(0, 0, 1920, 1080))
	for i := range hd.Pix {
		hd.Pix[i] = 0xff
	}
	for y := 100; y < 300; y++ {
		for x := 200; x < 600; x++ {
			hd.SetNRGBA(x, y, color.NRGBA{R: 0xd0, G: 0x20, B: 0x30, A: 0xff})
		}
	}
	hd.SetNRGBA(0, 0, color.NRGBA{R: 0, G: 0, B: 0, A: 0x80}) // half black on white
	rgba := image.NewRGBA(image.Rect(0, 0, 1024, 768))
	for y := 0; y < 768; y++ {
		for x := 0; x < 1024; x++ {
			rgba.SetRGBA(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 0x40, A: 0xff})
		}
	}
	gray := image.NewGray(image.Rect(10, 10, 50, 30))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i)
	}
	return []image.Image{hd, rgba, gray}
}

func writeTestPDF(t *testing.T, title string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewPDFWriter(&buf, title)
	for _, img := range testImages() {
		if err := w.AddPage(img); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFStructureAndPixels(t *testing.T) {
	raw := writeTestPDF(t, "汉阳区中期评估报告")
	if !bytes.HasPrefix(raw, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(raw, []byte("%%EOF\n")) {
		t.Fatal("header or end marker missing")
	}
	// startxref points at the table; every entry at its object.
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(raw[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	head := regexp.MustCompile(`^xref\n0 (\d+)\n`).FindSubmatch(raw[xref:])
	size, _ := strconv.Atoi(string(head[1]))
	entries := raw[xref+len(head[0]):]
	for n := 1; n < size; n++ {
		e := string(entries[20*n : 20*n+20])
		if len(e) != 20 || !strings.HasSuffix(e, " n\r\n") {
			t.Fatalf("xref entry %d = %q", n, e)
		}
		off, _ := strconv.Atoi(e[:10])
		if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(raw[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n, raw[off:off+12])
		}
	}
	if !bytes.Contains(raw, []byte("/Size "+strconv.Itoa(size)+" ")) {
		t.Errorf("trailer /Size differs from the table's %d entries", size)
	}
	if !bytes.Contains(raw, []byte("/Count 3 ")) {
		t.Error("page tree does not count 3 pages")
	}

	// Page boxes follow the images' aspect ratios at 960 points wide.
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`).FindAllSubmatch(raw, -1)
	if len(boxes) != 3 {
		t.Fatalf("%d pages with a MediaBox", len(boxes))
	}
	for i, img := range testImages() {
		w, _ := strconv.ParseFloat(string(boxes[i][1]), 64)
		h, _ := strconv.ParseFloat(string(boxes[i][2]), 64)
		b := img.Bounds()
		if w != 960 || math.Abs(h/w-float64(b.Dy())/float64(b.Dx())) > 0.001 {
			t.Errorf("page %d is %v×%v for a %v image", i+1, w, h, b.Size())
		}
	}

	// Each image decompresses to its source's pixels.
	streams := regexp.MustCompile(`(?s)/Width (\d+) /Height (\d+) [^>]*/Length (\d+) >>\nstream\n`).FindAllSubmatchIndex(raw, -1)
	if len(streams) != 3 {
		t.Fatalf("%d image streams", len(streams))
	}
	for i, img := range testImages() {
		s := streams[i]
		length, _ := strconv.Atoi(string(raw[s[6]:s[7]]))
		z, err := zlib.NewReader(bytes.NewReader(raw[s[1] : s[1]+length]))
		if err != nil {
			t.Fatal(err)
		}
		pix, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if len(pix) != 3*b.Dx()*b.Dy() {
			t.Fatalf("page %d: %d bytes of pixels, want %d", i+1, len(pix), 3*b.Dx()*b.Dy())
		}
		for _, pt := range []image.Point{{0, 0}, {1, 1}, {250, 150}, {b.Dx() - 1, b.Dy() - 1}, {17, 9}} {
			if pt.X >= b.Dx() || pt.Y >= b.Dy() {
				continue
			}
			r, g, bl, _ := img.At(b.Min.X+pt.X, b.Min.Y+pt.Y).RGBA()
			want := []byte{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}
			if i == 0 && pt == (image.Point{}) {
				want = []byte{0x7f, 0x7f, 0x7f} // half black over white
			}
			o := 3 * (pt.Y*b.Dx() + pt.X)
			if got := pix[o : o+3]; !bytes.Equal(got, want) && !(i == 0 && pt == (image.Point{}) && near(got, want)) {
				t.Errorf("page %d pixel %v = %v, want %v", i+1, pt, got, want)
			}
		}
	}
}

func near(a, b []byte) bool {
	for i := range a {
		if d := int(a[i]) - int(b[i]); d < -1 || d > 1 {
			return false
		}
	}
	return true
}

func TestPDFTitleIsUTF16(t *testing.T) {
	title := "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告"
	raw := writeTestPDF(t, title)
	m := regexp.MustCompile(`/Title <FEFF([0-9A-F]+)>`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("no UTF-16 title")
	}
	var units []uint16
	for i := 0; i+4 <= len(m[1]); i += 4 {
		v, _ := strconv.ParseUint(string(m[1][i:i+4]), 16, 16)
		units = append(units, uint16(v))
	}
	if got := string(utf16.Decode(units)); got != title {
		t.Errorf("title decodes to %q", got)
	}
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestPDFErrors(t *testing.T) {
	if err := NewPDFWriter(io.Discard, "x").Close(); err == nil {
		t.Error("a PDF without pages should not close without error")
	}
	w := NewPDFWriter(&failingWriter{after: 100}, "x")
	img := testImages()[0]
	err1 := w.AddPage(img)
	err2 := w.AddPage(img)
	err3 := w.Close()
	for i, err := range []error{err1, err2, err3} {
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("call %d: %v, want the disk-full error", i+1, err)
		}
	}
}

// TestPDFOpensInPoppler reads the file as a PDF reader does, when poppler's
// tools are installed (scripts/deps.sh installs them).
func TestPDFOpensInPoppler(t *testing.T) {
	info, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed")
	}
	path := filepath.Join(t.TempDir(), "slides.pdf")
	if err := os.WriteFile(path, writeTestPDF(t, "汉阳区评估"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(info, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	for k, want := range map[string]string{"Pages": "3", "Title": "汉阳区评估", "Page size": "960 x 540 pts"} {
		if fields[k] != want {
			t.Errorf("pdfinfo says %s: %q, want %q", k, fields[k], want)
		}
	}
	if ppm, err := exec.LookPath("pdftoppm"); err == nil {
		png := filepath.Join(t.TempDir(), "page")
		if out, err := exec.Command(ppm, "-r", "20", "-f", "1", "-l", "1", "-png", path, png).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
	}
}

func BenchmarkPDFPage1920x1080(b *testing.B) {
	img := testImages()[0].(*image.NRGBA)
	// Speckle a band like text, which compresses worse than flat colour.
	for y := 400; y < 900; y++ {
		for x := 100; x < 1800; x++ {
			if (x*7+y*13)%11 < 4 {
				img.SetNRGBA(x, y, color.NRGBA{R: 0x1f, G: 0x1f, B: 0x1f, A: 0xff})
			}
		}
	}
	w := NewPDFWriter(io.Discard, "bench")
	b.ResetTimer()
	for b.Loop() {
		if err := w.AddPage(img); err != nil {
			b.Fatal(err)
		}
	}
}
