package app

import (
	"runtime/debug"

	"plandesk/messages"
	"plandesk/store"

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
	// MergePath is a review package to preview for merging once the
	// window is up: a .pdpack the user opened from the file manager.
	MergePath string
}

// Run starts the desktop app and returns when its window is closed. If
// the graphics driver cannot start, it says why in the user's language
// and returns an error instead of crashing with a trace.
func Run(opts Options) (err error) {
	path := opts.DBPath
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	// The heap is small and long-lived (mostly parsed font tables), so a
	// tighter GC target costs little CPU and keeps the peak memory of an
	// official's laptop close to what PlanDesk really holds.
	debug.SetGCPercent(50)

	a := fyneapp.NewWithID(AppID)
	prefs := a.Preferences()
	if err := messages.Use(messages.From(prefs.String(prefLanguage))); err != nil {
		fyne.LogError("load translations", err)
	}
	a.SetIcon(icons.AppIcon())
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), themeVariant(prefs)))

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
	d.mergeAtStart = opts.MergePath
	if opts.Present {
		d.presentAtStart = max(1, opts.Slide)
	}
	d.start()
	d.win.ShowAndRun()
	d.close()
	return nil
}
