// Command barewindow is the startup baseline for scripts/startup-bench.sh.
//
// It opens the barest possible Fyne window (default theme, no custom fonts,
// a single label) so that the real PlanDesk binary's time to first frame and
// peak RSS can be compared against what Fyne itself costs on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.plandesk.bare")
	w := a.NewWindow("Bare Window")
	w.SetContent(widget.NewLabel("bare"))
	w.Resize(fyne.NewSize(1024, 680)) // as PlanDesk's first window
	w.ShowAndRun()
}
