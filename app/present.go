package app

import (
	"time"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/views"
)

// Preference keys of the presentation: the zoom and contrast the presenter
// chose stay for the next meeting in the same room.
const (
	prefSlideZoom     = "slideZoom"
	prefSlideContrast = "slideHighContrast"
)

// presenting is what the window looked like before a presentation took it
// over, to put back when it ends.
type presenting struct {
	show      *views.Presentation
	content   fyne.CanvasObject
	menu      *fyne.MainMenu
	wasFull   bool
	size      fyne.Size // the window's content size before
	shortcuts []fyne.Shortcut
}

// slideStyle is the presenter's last zoom and contrast.
func (d *desk) slideStyle() views.SlideStyle {
	p := d.app.Preferences()
	return views.SlideStyle{
		Zoom:         float32(p.FloatWithFallback(prefSlideZoom, 1)),
		HighContrast: p.Bool(prefSlideContrast),
	}
}

func (d *desk) keepSlideStyle(s views.SlideStyle) {
	p := d.app.Preferences()
	p.SetFloat(prefSlideZoom, float64(s.Zoom))
	p.SetBool(prefSlideContrast, s.HighContrast)
}

// presentFromStart is F5: the presentation from the overview.
func (d *desk) presentFromStart() { d.present(false) }

// presentFromHere is Shift+F5: the presentation from the section on screen.
func (d *desk) presentFromHere() { d.present(true) }

// present loads the whole report off the UI thread, then fills the screen
// with it. Edits are refused until the presentation ends.
func (d *desk) present(fromHere bool) {
	if d.store == nil || d.show != nil || d.deckLoading || len(d.reports) == 0 {
		return
	}
	reportID, sectionID := d.report.ID, int64(0)
	if fromHere && d.tabs != nil && d.tabs.Selected() != nil && d.tabs.Selected().Content == d.screen {
		sectionID = d.screen.Current()
	}
	d.deckLoading = true
	var deck *views.Deck
	d.jobs.run(func() (err error) {
		deck, err = views.LoadDeck(d.store, reportID)
		return err
	}, func(err error) {
		d.deckLoading = false
		if err != nil {
			d.showTitledError(lang.L("Cannot start the presentation"), err)
			return
		}
		start := deck.SlideOf(sectionID)
		if d.presentAtStart > 0 {
			start, d.presentAtStart = d.presentAtStart-1, 0
		}
		d.startShow(deck, start)
	})
}

// startShow puts the presentation full screen on the display the window is
// on (Fyne 2.7 cannot choose a display: the window is dragged to the
// projector first), without menus, and keeps the screen awake.
func (d *desk) startShow(deck *views.Deck, start int) {
	show := views.NewPresentation(deck, start, d.slideStyle())
	show.OnExit = d.endShow
	show.OnStyleChanged = d.keepSlideStyle
	d.show = &presenting{show: show, content: d.win.Content(), menu: d.win.MainMenu(),
		wasFull: d.win.FullScreen(), size: d.win.Canvas().Size()}
	d.win.SetMainMenu(nil)
	d.win.SetPadded(false)
	d.win.SetContent(show)
	d.win.SetFullScreen(true)
	d.redrawLater(show)
	d.win.Canvas().Unfocus()
	d.app.Driver().SetDisableScreenBlanking(true)
	zoom := func(step float32) func(fyne.Shortcut) { return func(fyne.Shortcut) { show.ZoomBy(step) } }
	ctrl := fyne.KeyModifierShortcutDefault
	for _, s := range []struct {
		key fyne.KeyName
		do  func(fyne.Shortcut)
	}{
		{fyne.KeyEqual, zoom(views.ZoomStep)},
		{fyne.KeyPlus, zoom(views.ZoomStep)},
		{fyne.KeyMinus, zoom(-views.ZoomStep)},
		{fyne.Key0, func(fyne.Shortcut) { show.ResetZoom() }},
	} {
		sc := &desktop.CustomShortcut{KeyName: s.key, Modifier: ctrl}
		d.win.Canvas().AddShortcut(sc, s.do)
		d.show.shortcuts = append(d.show.shortcuts, sc)
	}
	d.notifySettled()
}

// endShow puts the window back as it was, at the section the presentation
// ended on.
func (d *desk) endShow() {
	if d.show == nil {
		return
	}
	s := d.show
	d.show = nil
	for _, sc := range s.shortcuts {
		d.win.Canvas().RemoveShortcut(sc)
	}
	d.app.Driver().SetDisableScreenBlanking(false)
	d.win.SetPadded(true)
	d.win.SetContent(s.content)
	d.win.SetMainMenu(s.menu)
	d.win.SetFullScreen(s.wasFull)
	if !s.wasFull {
		// Leaving full screen restores the size the driver recorded, which
		// a late resize event of the full-screen window can overwrite.
		d.win.Resize(s.size)
	}
	d.redrawLater(s.content)
	if sec, ok := s.show.Deck().Section(s.show.Index()); ok {
		d.showSectionsTab(sec.ID)
		d.screen.ShowSection(sec.ID) // settled when it is shown
		if sec.ID != d.screen.Current() {
			return
		}
	} else if d.tabs.SelectedIndex() == tabOverview && d.overview.CatchUp(d.report.ID) {
		return // settled when it is shown
	}
	d.notifySettled()
}

// redrawAfterResize draws obj again a little after the window changed to
// or from full screen: some OpenGL drivers (Mesa's software one under
// Xvfb, seen here) draw the first frames into the old window size until
// another frame comes.
func redrawAfterResize(obj fyne.CanvasObject) {
	for _, after := range []time.Duration{300 * time.Millisecond, time.Second} {
		time.AfterFunc(after, func() { fyne.Do(obj.Refresh) })
	}
}

// presentingNow reports whether a presentation holds the window; changes
// are refused meanwhile.
func (d *desk) presentingNow() bool { return d.show != nil }

// lockReason says why no change may be made now, or nil.
func (d *desk) lockReason() error {
	switch {
	case d.show != nil:
		return messages.ErrPresenting
	case d.store != nil && d.store.ReadOnly():
		return errStoreReadOnly
	}
	return nil
}

// showPresentHelp explains presenting: the keys, and that the window goes
// to the projector before F5.
func (d *desk) showPresentHelp() {
	keys := [][2]string{
		{"F5 / Shift+F5", lang.L("Present from the overview / from this section")},
		{"→ ↓ Space PageDown Enter", lang.L("Next slide")},
		{"← ↑ PageUp Backspace", lang.L("Previous slide")},
		{"Home / End", lang.L("First / last slide")},
		{lang.L("number, Enter"), lang.L("Go to that slide")},
		{"B  .", lang.L("Black screen (again to return)")},
		{"W  ,", lang.L("White screen (again to return)")},
		{"C", lang.L("High contrast on or off")},
		{"Ctrl +  Ctrl −  Ctrl 0", lang.L("Larger / smaller / original type")},
		{"Esc", lang.L("End the presentation")},
	}
	grid := container.NewGridWithColumns(2)
	for _, k := range keys {
		grid.Add(&widget.Label{Text: k[0], TextStyle: fyne.TextStyle{Bold: true}})
		grid.Add(widget.NewLabel(k[1]))
	}
	note := &widget.Label{Text: lang.L("To present on a projector, first drag the PlanDesk window onto the projector's screen, then press F5: the presentation fills the screen the window is on."), Wrapping: fyne.TextWrapWord}
	dlg := dialog.NewCustom(lang.L("Presenting"), lang.L("OK"), container.NewVBox(note, widget.NewSeparator(), grid), d.win)
	dlg.Resize(fyne.NewSize(720, 560))
	dlg.Show()
}
