package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewMessagePanel fills a window with one message: an icon, a bold title,
// an explanation and the buttons that act on it. PlanDesk uses it where
// there is nothing else to show, such as a database that cannot be opened.
func NewMessagePanel(icon fyne.Resource, title, message string, actions ...*widget.Button) fyne.CanvasObject {
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(64))
	buttons := container.NewHBox(layout.NewSpacer())
	for _, b := range actions {
		buttons.Add(b)
	}
	body := container.NewVBox(
		container.NewCenter(img),
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: message, Wrapping: fyne.TextWrapWord, Selectable: true},
		buttons,
	)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 360), body))
}
