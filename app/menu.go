package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"

	"plandesk/icons"
	"plandesk/views"
)

// mainMenu builds the menu bar in the current language.
func (d *desk) mainMenu() *fyne.MainMenu {
	importItem := fyne.NewMenuItem(lang.L("Import report…"), d.importDialog)
	importItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}

	prev := fyne.NewMenuItem(lang.L("Previous"), func() { d.screen.Prev() })
	prev.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierAlt}
	next := fyne.NewMenuItem(lang.L("Next"), func() { d.screen.Next() })
	next.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierAlt}

	present := fyne.NewMenuItem(lang.L("Present"), d.presentFromStart)
	present.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF5}
	presentHere := fyne.NewMenuItem(lang.L("Present from this section"), d.presentFromHere)
	presentHere.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF5, Modifier: fyne.KeyModifierShift}

	review := d.reviewReportItems()
	packs := d.packItems()
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), importItem,
			fyne.NewMenuItem(lang.L("Import a new version of the text…"), d.newTextDialog),
			fyne.NewMenuItem(lang.L("Delete report…"), d.deleteReportDialog),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Export indicators…"), d.exportIndicators),
			fyne.NewMenuItem(lang.L("Import indicators…"), d.importIndicators),
			fyne.NewMenuItem(lang.L("Import the plan's indicator table…"), d.importTargetsDialog),
			fyne.NewMenuItemSeparator(),
			review[0], review[1],
			fyne.NewMenuItemSeparator(),
			packs[0], packs[1],
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Export slides as PDF…"), d.exportSlidesPDF),
			fyne.NewMenuItem(lang.L("Export slides as PNG images…"), d.exportSlidesPNG),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Back up…"), d.backupDialog),
			fyne.NewMenuItem(lang.L("Restore backup…"), d.restoreDialog),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Settings…"), d.showSettings)),
		d.editMenu(),
		d.reviewMenu(),
		fyne.NewMenu(lang.L("View"),
			d.tabItem(lang.L("Overview"), tabOverview, fyne.Key1),
			d.tabItem(lang.L("Sections"), tabSections, fyne.Key2),
			d.tabItem(lang.L("All indicators"), tabAll, fyne.Key3),
			d.tabItem(lang.L("Review pane"), tabReview, fyne.Key4),
			fyne.NewMenuItemSeparator(),
			prev, next,
			fyne.NewMenuItemSeparator(),
			present, presentHere, d.contrastItem(),
			fyne.NewMenuItemSeparator(),
			d.themeMenu(),
			d.languageMenu(),
		),
		fyne.NewMenu(lang.L("Help"),
			fyne.NewMenuItem(lang.L("Presenting"), d.showPresentHelp),
			fyne.NewMenuItem(lang.L("About PlanDesk"), d.showAbout)),
	)
}

// tabItem shows tab i, with Ctrl+key.
func (d *desk) tabItem(label string, i int, key fyne.KeyName) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, func() {
		if d.tabs != nil {
			d.tabs.SelectIndex(i)
		}
	})
	item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	return item
}

// contrastItem switches the slides' high-contrast colours, for projectors
// that wash pale colours out.
func (d *desk) contrastItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("High-contrast slides"), func() {
		s := d.slideStyle()
		s.HighContrast = !s.HighContrast
		d.keepSlideStyle(s)
		d.win.SetMainMenu(d.mainMenu())
	})
	item.Checked = d.slideStyle().HighContrast
	return item
}

func (d *desk) themeMenu() *fyne.MenuItem {
	current := d.app.Preferences().StringWithFallback(prefTheme, views.VariantSystem)
	var items []*fyne.MenuItem
	for _, v := range []struct{ value, label string }{
		{views.VariantSystem, lang.L("Follow system")},
		{views.VariantLight, lang.L("Light")},
		{views.VariantDark, lang.L("Dark")},
	} {
		choice := fyne.NewMenuItem(v.label, func() { d.setTheme(v.value) })
		choice.Checked = v.value == current
		items = append(items, choice)
	}
	item := fyne.NewMenuItem(lang.L("Theme"), nil)
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}

func (d *desk) languageMenu() *fyne.MenuItem {
	current := messages.From(d.app.Preferences().String(prefLanguage))
	var items []*fyne.MenuItem
	for _, v := range []struct{ value, label string }{
		{messages.Chinese, "简体中文"},
		{messages.English, "English"},
	} {
		choice := fyne.NewMenuItem(v.label, func() { d.setLanguage(v.value) })
		choice.Checked = v.value == current
		items = append(items, choice)
	}
	item := fyne.NewMenuItem("语言 / Language", nil)
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}

// setTheme switches between light, dark and the system's variant.
func (d *desk) setTheme(variant string) {
	d.app.Preferences().SetString(prefTheme, variant)
	d.app.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), themeVariant(d.app.Preferences())))
	d.win.SetMainMenu(d.mainMenu())
}

// setLanguage switches the UI language and rebuilds the window in it,
// keeping the section on screen.
func (d *desk) setLanguage(code string) {
	d.app.Preferences().SetString(prefLanguage, code)
	if err := messages.Use(code); err != nil {
		d.showError(err)
		return
	}
	if d.store != nil {
		d.buildUI()
	}
}

func (d *desk) showAbout() {
	img := &widget.Icon{Resource: icons.AppIcon()}
	text := container.NewVBox(
		&widget.Label{Text: "PlanDesk · " + lang.L("PlanDesk"), TextStyle: fyne.TextStyle{Bold: true}},
		widget.NewLabel(lang.L("Version {{.Version}}", map[string]any{"Version": d.version})),
		&widget.Label{Text: lang.L("PlanDesk reviews the mid-term evaluation of a Five-Year Plan, offline."), Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: lang.L("Database: {{.Path}}", map[string]any{"Path": d.dbPath}), Wrapping: fyne.TextWrapWord, Selectable: true},
	)
	about := dialog.NewCustom(lang.L("About PlanDesk"), lang.L("OK"), container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSquareSize(96), img), nil, text), d.win)
	about.Resize(fyne.NewSize(560, 280))
	about.Show()
}
