package app

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/atomicfile"
	"plandesk/pdf"
	"plandesk/plan"
	"plandesk/views"
)

// Slide export formats.
const (
	formatPNG = "png"
	formatPDF = "pdf"
)

// defaultSlideSize is a full-HD projector.
var defaultSlideSize = fyne.NewSize(1920, 1080)

// slideJob is one export of a deck's slides.
type slideJob struct {
	// count is the number of slides.
	count int
	// render draws slide i; in the window it runs on the UI thread.
	render func(i int) (image.Image, error)
	// title names the PDF document.
	title string
	// progress, if set, is told after each slide is written.
	progress func(done int)
}

// writePNGs writes slide-01.png, slide-02.png… into dir, creating it, and
// returns the files written. Each file is written under a temporary name
// and renamed, so an interrupted export leaves no half-written image.
func (j slideJob) writePNGs(dir string) ([]string, error) {
	if err := mkdirAll(dir); err != nil {
		return nil, err
	}
	width := len(strconv.Itoa(j.count))
	var files []string
	for i := range j.count {
		img, err := j.render(i)
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
		if j.progress != nil {
			j.progress(i + 1)
		}
	}
	return files, nil
}

func mkdirAll(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return nil
}

// writePDF writes every slide as a page of one PDF at path.
func (j slideJob) writePDF(path string) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		pdf := pdf.NewPDFWriter(w, j.title)
		for i := range j.count {
			img, err := j.render(i)
			if err != nil {
				return err
			}
			if err := pdf.AddPage(img); err != nil {
				return err
			}
			if j.progress != nil {
				j.progress(i + 1)
			}
		}
		return pdf.Close()
	})
}

// exportSlidesPDF asks where to save the slides as one PDF.
func (d *desk) exportSlidesPDF() {
	if d.store == nil || len(d.reports) == 0 {
		return
	}
	d.askSavePath(lang.L("Cannot export the slides"), d.report.Title+".pdf", []string{".pdf"}, func(path string) {
		d.exportSlides(formatPDF, withExtension(path, ".pdf"))
	})
}

// exportSlidesPNG asks for a folder to put one PNG per slide in.
func (d *desk) exportSlidesPNG() {
	if d.store == nil || len(d.reports) == 0 {
		return
	}
	open := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot export the slides"), err)
			return
		}
		if dir == nil {
			return
		}
		d.exportSlides(formatPNG, dir.Path())
	}, d.win)
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

// exportSlides renders and writes the current report's slides with a
// progress bar. Slides are Fyne objects, so each is drawn on the UI thread;
// loading, encoding and writing happen off it.
func (d *desk) exportSlides(format, out string) {
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons(lang.L("Exporting slides…"), bar, d.win)
	progress.Resize(fyne.NewSize(420, 120))
	progress.Show()
	reportID, style := d.report.ID, d.slideStyle()
	d.busy.Add(1)
	go func() {
		defer d.busy.Done()
		deck, err := views.LoadDeck(d.store, reportID)
		var written string
		if err == nil {
			r := views.NewSlideRenderer(deck, style)
			job := slideJob{count: deck.Len(), title: deck.Overview.Report.Title,
				render: func(i int) (img image.Image, err error) {
					fyne.DoAndWait(func() { img, err = r.Render(i, defaultSlideSize) })
					return img, err
				},
				progress: func(done int) { fyne.Do(func() { bar.SetValue(float64(done) / float64(deck.Len())) }) },
			}
			written, err = job.write(format, out)
		}
		fyne.Do(func() {
			progress.Hide()
			defer d.notifySettled()
			if err != nil {
				d.showTitledError(lang.L("Cannot export the slides"), err)
				return
			}
			dialog.ShowInformation(lang.L("PlanDesk"), written, d.win)
		})
	}()
}

// write exports in format to out (a folder for PNG, a file for PDF) and
// says in the UI language what it wrote.
func (j slideJob) write(format, out string) (string, error) {
	switch format {
	case formatPNG:
		files, err := j.writePNGs(out)
		if err != nil {
			return "", err
		}
		return lang.L("{{.Count}} slides saved as PNG images in {{.Path}}.", map[string]any{"Count": len(files), "Path": out}), nil
	case formatPDF:
		if err := j.writePDF(out); err != nil {
			return "", err
		}
		return lang.L("{{.Count}} slides saved as {{.Path}}.", map[string]any{"Count": j.count, "Path": out}), nil
	}
	return "", errors.New("unknown slide format " + format)
}

// exportChart asks where to save a section's charts as a PNG image and
// writes it there.
func (d *desk) exportChart(sectionID int64, list []plan.Indicator) {
	section, _ := d.screen.Outline().Section(sectionID)
	d.askSavePath(lang.L("Cannot save the chart"), section.Heading()+".png", []string{".png"}, func(path string) {
		path = withExtension(path, ".png")
		png, err := views.SectionChartPNG(list, 1600)
		if err == nil {
			err = atomicfile.WriteFile(path, png)
		}
		if err != nil {
			d.showTitledError(lang.L("Cannot save the chart"), err)
			return
		}
		dialog.ShowInformation(lang.L("PlanDesk"), lang.L("Chart saved as {{.Path}}.", map[string]any{"Path": path}), d.win)
	})
}
