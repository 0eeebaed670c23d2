package app

import (
	"image"

	"plandesk/messages"
	"plandesk/slidefile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/atomicfile"
	"plandesk/plan"
	"plandesk/views"
)

// exportSlidesPDF asks where to save the slides as one PDF.
func (d *desk) exportSlidesPDF() {
	if d.store == nil || len(d.reports) == 0 {
		return
	}
	d.askSavePath(lang.L("Cannot export the slides"), d.report.Title+".pdf", []string{".pdf"}, func(path string) {
		d.exportSlides(slidefile.PDF, withExtension(path, ".pdf"))
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
		d.exportSlides(slidefile.PNG, dir.Path())
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
	d.jobs.do(func() func() {
		deck, err := views.LoadDeck(d.store, reportID)
		var written string
		if err == nil {
			r := views.NewSlideRenderer(deck, style)
			job := slidefile.Job{Count: deck.Len(), Title: deck.Overview.Report.Title,
				Render: func(i int) (img image.Image, err error) {
					fyne.DoAndWait(func() { img, err = r.Render(i, views.FullHD()) })
					return img, err
				},
				Progress: func(done int) { fyne.Do(func() { bar.SetValue(float64(done) / float64(deck.Len())) }) },
			}
			var n int
			if n, err = job.Write(format, out); err == nil {
				written = messages.SlidesWritten(format == slidefile.PDF, n, out)
			}
		}
		return func() {
			progress.Hide()
			defer d.notifySettled()
			if err != nil {
				d.showTitledError(lang.L("Cannot export the slides"), err)
				return
			}
			dialog.ShowInformation(lang.L("PlanDesk"), written, d.win)
		}
	})
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
