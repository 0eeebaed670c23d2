package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"plandesk/icons"
	"plandesk/views"
)

// AppID is PlanDesk's application id; preferences are stored under it.
const AppID = "cn.plandesk.desk"

// Options are the settings given on the command line.
type Options struct {
	// DBPath is the database file; empty means the default location.
	DBPath string
	// Present starts the presentation as soon as the report is loaded.
	Present bool
	// Slide is the slide a presentation starts on, from 1; 0 for the first.
	Slide int
	// Version is PlanDesk's version, from FyneApp.toml.
	Version string
}

// DefaultDBPath is the database in the user's per-user config folder
// (~/.config/PlanDesk on Linux, %AppData%\PlanDesk on Windows,
// ~/Library/Application Support/PlanDesk on macOS).
func DefaultDBPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user's config folder: %w", err)
	}
	return filepath.Join(dir, "PlanDesk", "plandesk.db"), nil
}

// Run starts the desktop app and returns when its window is closed. If
// the graphics driver cannot start, it says why in the user's language
// and returns an error instead of crashing with a trace.
func Run(opts Options) (err error) {
	path := opts.DBPath
	if path == "" {
		var err error
		if path, err = DefaultDBPath(); err != nil {
			return err
		}
	}
	// The heap is small and long-lived (mostly parsed font tables), so a
	// tighter GC target costs little CPU and keeps the peak memory of an
	// official's laptop close to what PlanDesk really holds.
	debug.SetGCPercent(50)

	a := fyneapp.NewWithID(AppID)
	prefs := a.Preferences()
	if err := useLanguage(languageFrom(prefs.String(prefLanguage))); err != nil {
		fyne.LogError("load translations", err)
	}
	a.SetIcon(icons.AppIcon())
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), prefs.StringWithFallback(prefTheme, views.VariantSystem)))

	defer func() {
		if reason := recover(); reason != nil {
			err = startFailure(reason)
			// A GUI program started from the Start menu has no console:
			// Windows gets a message box too. The caller prints err.
			showFatalBox(err.Error())
		}
	}()
	d := newDesk(a, path)
	d.version = opts.Version
	if opts.Present {
		d.presentAtStart = max(1, opts.Slide)
	}
	d.start()
	d.win.ShowAndRun()
	d.close()
	return nil
}

// RunPresent is `plandesk present [--db PATH] [--slide N]`: the window,
// straight into the presentation of the last report shown. It returns the
// process exit code.
func RunPresent(args []string, version string, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandesk present", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	slide := fs.Int("slide", 1, "the slide to start on (1 is the overview)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *slide < 1 {
		fmt.Fprintln(stderr, "usage: plandesk present [--db PATH] [--slide N]")
		return 2
	}
	if err := Run(Options{DBPath: *dbPath, Present: true, Slide: *slide, Version: version}); err != nil {
		fmt.Fprintln(stderr, "plandesk:", err)
		return 1
	}
	return 0
}
