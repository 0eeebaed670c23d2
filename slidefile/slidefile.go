// Package slidefile writes a deck's slides, drawn by the caller, as one
// PNG image per slide in a folder or as one PDF, every file through
// atomicfile. The window's export and `plandesk slides` both use it.
//
// It imports no Fyne: the caller's Render draws each slide.
package slidefile

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"plandesk/atomicfile"
	"plandesk/pdf"
)

// Slide export formats.
const (
	// PNG is one image per slide, slide-01.png…, in a folder.
	PNG = "png"
	// PDF is one document with a page per slide.
	PDF = "pdf"
)

// Job is one export of a deck's slides.
type Job struct {
	// Count is the number of slides.
	Count int
	// Render draws slide i; in the window it runs on the UI thread.
	Render func(i int) (image.Image, error)
	// Title names the PDF document.
	Title string
	// Progress, if set, is told after each slide is written.
	Progress func(done int)
}

// writePNGs writes slide-01.png, slide-02.png… into dir, creating it, and
// returns the files written. Each file is written under a temporary name
// and renamed, so an interrupted export leaves no half-written image; the
// temporary files an earlier, interrupted export left are removed first,
// and the slides of an earlier, longer deck after it (slide-19.png of 20
// when the deck now has 18), so the folder holds this deck alone.
func (j Job) writePNGs(dir string) ([]string, error) {
	if err := MkdirAll(dir); err != nil {
		return nil, err
	}
	removeStaleTemps(dir)
	width := len(strconv.Itoa(j.Count))
	var files []string
	for i := range j.Count {
		img, err := j.Render(i)
		if err != nil {
			return files, err
		}
		name := filepath.Join(dir, fmt.Sprintf("slide-%0*d.png", max(2, width), i+1))
		if err := atomicfile.Write(name, func(w io.Writer) error {
			enc := png.Encoder{CompressionLevel: png.BestSpeed}
			return enc.Encode(w, img)
		}); err != nil {
			return files, err
		}
		files = append(files, name)
		if j.Progress != nil {
			j.Progress(i + 1)
		}
	}
	return files, removeOldSlides(dir, j.Count)
}

// slideName matches the names writePNGs gives, and only those.
var slideName = regexp.MustCompile(`^slide-([0-9]{2,})\.png$`)

// removeOldSlides removes the slides numbered past count: what is left of
// an earlier, longer deck. Other files in the folder are not touched.
func removeOldSlides(dir string, count int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}
	for _, e := range entries {
		m := slideName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		if n, err := strconv.Atoi(m[1]); err == nil && n > count {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("remove the old %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// removeStaleTemps removes the temporary files an interrupted export of
// ours left in dir (atomicfile's names for slide-NN.png and slides.pdf).
func removeStaleTemps(dir string) {
	for _, pattern := range []string{atomicfile.TempPattern("slide-*.png"), atomicfile.TempPattern("slides.pdf")} {
		stale, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, f := range stale {
			_ = os.Remove(f)
		}
	}
}

// MkdirAll creates dir and its parents, saying which folder failed.
func MkdirAll(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return nil
}

// writePDF writes every slide as a page of one PDF at path.
func (j Job) writePDF(path string) error {
	removeStaleTemps(filepath.Dir(path))
	return atomicfile.Write(path, func(w io.Writer) error {
		pdf := pdf.NewPDFWriter(w, j.Title)
		for i := range j.Count {
			img, err := j.Render(i)
			if err != nil {
				return err
			}
			if err := pdf.AddPage(img); err != nil {
				return err
			}
			if j.Progress != nil {
				j.Progress(i + 1)
			}
		}
		return pdf.Close()
	})
}

// Write exports in format to out (a folder for PNG, a file for PDF) and
// returns how many slides it wrote.
func (j Job) Write(format, out string) (int, error) {
	switch format {
	case PNG:
		files, err := j.writePNGs(out)
		return len(files), err
	case PDF:
		if err := j.writePDF(out); err != nil {
			return 0, err
		}
		return j.Count, nil
	}
	return 0, errors.New("unknown slide format " + format)
}
