package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/lang"
	_ "github.com/glebarez/sqlite"
	_ "gorm.io/gorm"
)

func main() {
	a := app.New()
	w := a.NewWindow("x")
	w.SetContent(widget.NewLabel("x"))
	w.ShowAndRun()
}
