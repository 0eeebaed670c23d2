package cli

import (
	"fmt"
	"image"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"plandesk/app"
	"plandesk/icons"
	"plandesk/messages"
	"plandesk/slidefile"
	"plandesk/views"
)

// RunSlides is `plandesk slides --out DIR [--format png|pdf] [--size
// 1920x1080] [--db PATH] [--report ID] [--high-contrast]`: it draws every
// slide of a report with Fyne's software painter, which needs no display,
// and writes them as DIR/slide-01.png… or as DIR/slides.pdf. It only reads
// the database, which must exist, and works while the window holds it or
// on a locked stick. It returns the process exit code: 2 for a usage
// error.
func RunSlides(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk slides", "plandesk slides --out DIR [--format png|pdf] [--size 1920x1080] [--db PATH] [--report ID] [--high-contrast]", stderr)
	out := r.flags.String("out", "", "the folder to write the slides into (required)")
	format := r.flags.String("format", slidefile.PNG, "png (one image per slide) or pdf (one document)")
	sizeText := r.flags.String("size", "1920x1080", "slide size in pixels, WIDTHxHEIGHT")
	reportID := r.flags.Int64("report", 0, "the report to draw (default: the only one)")
	contrast := r.flags.Bool("high-contrast", false, "white on black, for washed-out projectors")
	if err := r.flags.Parse(args); err != nil {
		return 2
	}
	switch {
	case r.flags.NArg() > 0:
		return r.fail(2, tr("unexpected argument %q.", r.flags.Arg(0)))
	case *out == "":
		return r.fail(2, tr("--out is missing: name the folder to write the slides into."))
	case *format != slidefile.PNG && *format != slidefile.PDF:
		return r.fail(2, tr("unknown format %q: --format must be png or pdf.", *format))
	}
	size, ok := parseSize(*sizeText)
	if !ok {
		return r.fail(2, tr("--size must be WIDTHxHEIGHT in pixels, between 320x180 and 7680x4320, such as 1920x1080."))
	}

	st, err := r.openForReading()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return r.fail(code, err.Error())
	}
	deck, err := views.LoadDeck(st, report.ID)
	if err != nil {
		return r.fail(1, err.Error())
	}
	useSoftwareTheme()
	renderer := views.NewSlideRenderer(deck, views.SlideStyle{Zoom: 1, HighContrast: *contrast})
	job := slidefile.Job{Count: deck.Len(), Title: report.Title,
		Render: func(i int) (image.Image, error) { return renderer.Render(i, size) }}
	target := *out
	if *format == slidefile.PDF {
		target = filepath.Join(*out, "slides.pdf")
		if err := slidefile.MkdirAll(*out); err != nil {
			return r.fail(1, err.Error())
		}
	}
	n, err := job.Write(*format, target)
	if err != nil {
		return r.fail(1, err.Error())
	}
	fmt.Fprintln(stdout, messages.SlidesWritten(*format == slidefile.PDF, n, target))
	return 0
}

// useSoftwareTheme gives the software painter PlanDesk's fonts and
// colours. The painter takes them from the app's theme; the app never
// opens a window, so this works without a display. (Tests have their own
// app already.)
func useSoftwareTheme() {
	a := fyne.CurrentApp()
	if a == nil {
		a = fyneapp.NewWithID(app.AppID)
	}
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), views.VariantLight))
}

// parseSize reads "1920x1080" (or with ×); sizes outside what a projector
// or a thumbnail can use are refused.
func parseSize(s string) (fyne.Size, bool) {
	w, h, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), "x")
	if !ok {
		return fyne.Size{}, false
	}
	width, err1 := strconv.Atoi(strings.TrimSpace(w))
	height, err2 := strconv.Atoi(strings.TrimSpace(h))
	if err1 != nil || err2 != nil || width < 320 || height < 180 || width > 7680 || height > 4320 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(width), float32(height)), true
}
