package views

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// SectionChooser is a menu of a report's sections in reading order, each
// indented by its level, for the dialogs that put an indicator somewhere.
type SectionChooser struct {
	*widget.Select
	ids []int64
}

// NewSectionChooser lists the outline's sections with selected chosen (the
// first section when selected is not in it), or returns nil for an outline
// without sections.
func NewSectionChooser(o plan.Outline, selected int64) *SectionChooser {
	sections := o.Sections()
	if len(sections) == 0 {
		return nil
	}
	c := &SectionChooser{ids: make([]int64, len(sections))}
	options := make([]string, len(sections))
	chosen := 0
	for i, s := range sections {
		c.ids[i] = s.ID
		// A full-width space per level, as the outline indents; a
		// heading written twice (two parts with a （一）) is told apart
		// by its part, since the menu knows its options by their text.
		text := strings.Repeat("\u3000", s.Depth) + s.Heading()
		if path := o.Path(s.ID); slices.Contains(options[:i], text) && len(path) > 1 {
			text += " · " + path[0].Heading()
		}
		for slices.Contains(options[:i], text) {
			text += "\u200b"
		}
		options[i] = text
		if s.ID == selected {
			chosen = i
		}
	}
	c.Select = widget.NewSelect(options, nil)
	c.SetSelectedIndex(chosen)
	return c
}

// Chosen is the id of the section chosen.
func (c *SectionChooser) Chosen() int64 {
	if i := c.SelectedIndex(); i >= 0 && i < len(c.ids) {
		return c.ids[i]
	}
	return c.ids[0]
}
