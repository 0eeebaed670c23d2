package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// ReviewsChange is what changed among the review states of a report's
// sections.
type ReviewsChange struct {
	// ReportID is the report whose sections changed.
	ReportID int64
	// States holds the sections' states as stored after a change that set
	// them; when it is empty (an undo, a redo) screens read them again.
	States map[int64]string
}

// reviewIcon is how the tree marks a section's state: a green tick once
// reviewed, an orange pencil where it needs changes, and nothing before it
// is reviewed (the space kept, so the headings stay in line).
func reviewIcon(state string) fyne.Resource {
	switch state {
	case plan.ReviewDone:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case plan.ReviewNeedsChanges:
		return theme.NewWarningThemedResource(theme.DocumentCreateIcon())
	}
	return nil
}

// reviewControl is the section page's three review states as segmented
// buttons: the section's state stands out, a tap on another sets it.
type reviewControl struct {
	widget.BaseWidget
	label   *widget.Label
	buttons []*widget.Button
	state   string
	// onSet is called with the state tapped, when it is not the current.
	onSet func(state string)
}

func newReviewControl() *reviewControl {
	c := &reviewControl{label: widget.NewLabel(lang.L("Review state"))}
	for _, choice := range messages.ReviewChoices() {
		state := choice.Value
		b := widget.NewButtonWithIcon(choice.Label, reviewIcon(state), func() { c.tapped(state) })
		c.buttons = append(c.buttons, b)
	}
	c.ExtendBaseWidget(c)
	return c
}

func (c *reviewControl) CreateRenderer() fyne.WidgetRenderer {
	row := container.NewHBox(c.label)
	for _, b := range c.buttons {
		row.Add(b)
	}
	return widget.NewSimpleRenderer(row)
}

// set shows state as the section's.
func (c *reviewControl) set(state string) {
	c.state = state
	for i, code := range plan.Reviews() {
		b := c.buttons[i]
		b.Importance = widget.LowImportance
		if code == state {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

func (c *reviewControl) tapped(state string) {
	if state != c.state && c.onSet != nil {
		c.onSet(state)
	}
}

// reviewMenu is the tree's context menu of a section: its three states,
// the current one ticked, and 添加意见 when comment is set.
func reviewMenu(current string, set func(state string), comment func()) *fyne.Menu {
	items := make([]*fyne.MenuItem, 0, 5)
	if comment != nil {
		items = append(items, fyne.NewMenuItem(lang.L("Add comment…"), comment), fyne.NewMenuItemSeparator())
	}
	for _, choice := range messages.ReviewChoices() {
		state := choice.Value
		item := fyne.NewMenuItem(choice.Label, func() { set(state) })
		item.Icon = reviewIcon(state)
		item.Checked = state == current
		items = append(items, item)
	}
	return fyne.NewMenu("", items...)
}
