package views

import (
	"image/color"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/plan"
)

// slideProjectSize is the type of a section slide's list of projects, in
// design pixels: the lists' size on the overview slide.
const slideProjectSize = 28

// projectsHeight is the room a section slide gives its n projects in a
// column of height h: a heading and a row each, at most half the column
// when indicator cards share it, so neither crowds the other out.
func (b *slideBuilder) projectsHeight(n int, h float32, shared bool) float32 {
	size := b.px(slideProjectSize)
	// A little over the rows' height, so that listRows, which rounds
	// down, finds every one of them.
	want := size*1.8 + float32(n)*size*1.6 + size*0.2
	if shared {
		return min(want, h*0.5)
	}
	return min(want, h)
}

// projects lists a section's projects and tasks in w×h at x, y: a dot in
// the colour of its progress, its name, its progress and, when given, its
// planned completion; when they do not all fit, the last row says how
// many more there are.
func (b *slideBuilder) projects(list []plan.Project, x, y, w, h float32) {
	size := b.px(slideProjectSize)
	b.text(lang.L("Projects and tasks"), x, y, size, b.pal.fg, true)
	y += size * 1.8
	rows := b.listRows(h, size)
	for i, p := range list {
		if i == rows-1 && len(list) > rows {
			b.text(lang.L("{{.Count}} more projects", map[string]any{"Count": len(list) - i}), x, y, size, b.pal.muted, false)
			return
		}
		if i >= rows {
			return
		}
		b.dot(x, y, size, b.progressColor(p.Progress))
		detail := messages.ProgressLabel(p.Progress)
		if p.PlannedCompletion != "" {
			detail += " · " + p.PlannedCompletion
		}
		dw := b.measure.width(detail, size, false)
		b.text(detail, x+w-dw, y, size, b.pal.muted, false)
		b.text(b.measure.fit(p.Name, size, w-size-dw-size, false), x+size, y, size, b.pal.fg, false)
		y += size * 1.6
	}
}

// progressColor is the colour of a progress, taken from the statuses it
// reads like: done as achieved, under way as on track, behind as lagging.
func (b *slideBuilder) progressColor(code string) color.Color {
	switch code {
	case plan.ProgressCompleted:
		return b.pal.status[plan.StatusAchieved]
	case plan.ProgressUnderway:
		return b.pal.status[plan.StatusOnTrack]
	case plan.ProgressDelayed:
		return b.pal.status[plan.StatusLagging]
	}
	return b.pal.status[plan.StatusUnknown]
}
