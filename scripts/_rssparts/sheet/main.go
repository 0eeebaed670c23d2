// Command sheet is a bare Fyne window that also links what scripts/rss-breakdown.sh
// measures under this name; see there.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
	_ "plandesk/sheet"
)

func main() {
	a := app.NewWithID("org.plandesk.bare")

	w := a.NewWindow("Bare Window")
	w.SetContent(widget.NewLabel("bare 规划评估台"))
	w.Resize(fyne.NewSize(1024, 680))
	w.ShowAndRun()
}
