package app

import (
	"flag"
	"fmt"
	"image"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"plandesk/icons"
	"plandesk/views"
)

// RunSlides is `plandesk slides --out DIR [--format png|pdf] [--size
// 1920x1080] [--db PATH] [--report ID] [--high-contrast]`: it draws every
// slide of a report with Fyne's software painter, which needs no display,
// and writes them as DIR/slide-01.png… or as DIR/slides.pdf. Like the
// window, it adds the shipped report to an empty database. It returns the
// process exit code: 2 for a usage error.
func RunSlides(args []string, stdout, stderr io.Writer) int {
	useCLILanguage(stderr)
	fs := flag.NewFlagSet("plandesk slides", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the folder to write the slides into (required)")
	format := fs.String("format", formatPNG, "png (one image per slide) or pdf (one document)")
	sizeText := fs.String("size", "1920x1080", "slide size in pixels, WIDTHxHEIGHT")
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	reportID := fs.Int64("report", 0, "the report to draw (default: the only one)")
	contrast := fs.Bool("high-contrast", false, "white on black, for washed-out projectors")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk slides --out DIR [--format png|pdf] [--size 1920x1080] [--db PATH] [--report ID] [--high-contrast]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, "plandesk slides: "+msg)
		if code == 2 {
			fs.Usage()
		}
		return code
	}
	switch {
	case fs.NArg() > 0:
		return fail(2, tr("unexpected argument %q.", fs.Arg(0)))
	case *out == "":
		return fail(2, tr("--out is missing: name the folder to write the slides into."))
	case *format != formatPNG && *format != formatPDF:
		return fail(2, tr("unknown format %q: --format must be png or pdf.", *format))
	}
	size, ok := parseSize(*sizeText)
	if !ok {
		return fail(2, tr("--size must be WIDTHxHEIGHT in pixels, between 320x180 and 7680x4320, such as 1920x1080."))
	}

	st, err := openForCLI(*dbPath, false)
	if err != nil {
		return fail(1, explain(err))
	}
	defer st.Close()
	if _, err := st.SeedIfEmpty(); err != nil {
		return fail(1, explain(err))
	}
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return fail(code, err.Error())
	}
	deck, err := views.LoadDeck(st, report.ID)
	if err != nil {
		return fail(1, err.Error())
	}

	// The painter takes fonts and colours from the app's theme; the app
	// never opens a window, so this works without a display. (Tests have
	// their own app already.)
	a := fyne.CurrentApp()
	if a == nil {
		a = fyneapp.NewWithID(AppID)
	}
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), views.VariantLight))
	r := views.NewSlideRenderer(deck, views.SlideStyle{Zoom: 1, HighContrast: *contrast})
	job := slideJob{count: deck.Len(), title: report.Title,
		render: func(i int) (image.Image, error) { return r.Render(i, size) }}
	target := *out
	if *format == formatPDF {
		target = filepath.Join(*out, "slides.pdf")
		if err := mkdirAll(*out); err != nil {
			return fail(1, err.Error())
		}
	}
	msg, err := job.write(*format, target)
	if err != nil {
		return fail(1, err.Error())
	}
	fmt.Fprintln(stdout, msg)
	return 0
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
