package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxPreviewLines is how many of the changes to apply the preview lists;
// the count says how many more there are. A list of thousands of lines
// says no more than the count, and would take seconds to lay out.
const maxPreviewLines = 200

// MergeView is a merge as the preview shows it, worded: the window makes
// it from the store's plan, so that the screen needs no store.
type MergeView struct {
	// Sender says who sent the package, from which laptop, when.
	Sender string
	// Counts says how many changes apply, are here already, conflict, or
	// have nothing to apply to.
	Counts string
	// Changes are the changes that will apply, a line each.
	Changes []string
	// Conflicts are what both sides changed apart.
	Conflicts []ConflictView
}

// ConflictView is one conflict as the preview shows it.
type ConflictView struct {
	// Key names the conflict in the resolutions.
	Key string
	// Title says what it is (指标「数字经济类企业」· 目标值).
	Title string
	// Mine and Theirs are the two values; MineWho and TheirsWho who set
	// them and when.
	Mine, MineWho, Theirs, TheirsWho string
	// CanType says a value may be typed (not for a deletion).
	CanType bool
}

// The choices of a conflict.
const (
	ChoiceMine   = "mine"
	ChoiceTheirs = "theirs"
	ChoiceValue  = "value"
)

// Choice is how the user resolved one conflict: one of the Choice*
// codes, and the value typed for ChoiceValue.
type Choice struct {
	Code, Value string
}

// MergePreview shows what merging a review package would do, before
// anything changes: who sent it and when, how many changes apply, are
// here already or have nothing to apply to, the changes themselves, and
// each conflict side by side (mine / theirs, who, when) with its choice:
// keep mine, take theirs, or type a value. It changes nothing itself; the
// window applies the merge with Choices.
type MergePreview struct {
	widget.BaseWidget
	conflicts []*conflictRow
	box       *fyne.Container

	// OnResolved is called whenever a choice changes, with whether every
	// conflict is resolved (the merge may then go ahead).
	OnResolved func(all bool)
}

// NewMergePreview returns the preview of a merge.
func NewMergePreview(m MergeView) *MergePreview {
	p := &MergePreview{}
	objects := []fyne.CanvasObject{
		&widget.Label{Text: m.Sender, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: m.Counts, Wrapping: fyne.TextWrapWord},
	}
	if len(m.Conflicts) > 0 {
		objects = append(objects, subheading(lang.L("Conflicts: both sides changed these since they last agreed")))
		for _, c := range m.Conflicts {
			row := newConflictRow(c, p.changed)
			p.conflicts = append(p.conflicts, row)
			objects = append(objects, row.box, widget.NewSeparator())
		}
	}
	if len(m.Changes) > 0 {
		objects = append(objects, subheading(lang.L("What will change")))
		for i, line := range m.Changes {
			if i == maxPreviewLines {
				objects = append(objects, widget.NewLabel(lang.L("… and {{.Count}} more", map[string]any{"Count": len(m.Changes) - i})))
				break
			}
			objects = append(objects, &widget.Label{Text: line, Wrapping: fyne.TextWrapWord})
		}
	}
	p.box = container.NewVBox(objects...)
	p.ExtendBaseWidget(p)
	return p
}

func subheading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

func (p *MergePreview) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVScroll(p.box))
}

// MinSize is a readable preview; the dialog gives it more.
func (p *MergePreview) MinSize() fyne.Size { return fyne.NewSize(640, 400) }

// Resolved reports whether every conflict has a choice (a typed value
// counts once the box holds one).
func (p *MergePreview) Resolved() bool {
	for _, r := range p.conflicts {
		if _, ok := r.resolution(); !ok {
			return false
		}
	}
	return true
}

// Choices are the choices made, by conflict key.
func (p *MergePreview) Choices() map[string]Choice {
	out := make(map[string]Choice, len(p.conflicts))
	for _, r := range p.conflicts {
		if res, ok := r.resolution(); ok {
			out[r.conflict.Key] = res
		}
	}
	return out
}

// ChooseForTest makes choice (a Choice* code, with value) for conflict i,
// as a click would.
func (p *MergePreview) ChooseForTest(i int, choice, value string) {
	r := p.conflicts[i]
	r.value.SetText(value)
	r.choice.SetSelected(r.labelOf(choice))
}

func (p *MergePreview) changed() {
	if p.OnResolved != nil {
		p.OnResolved(p.Resolved())
	}
}

// conflictRow is one conflict: what it is, mine and theirs side by side,
// and the choice.
type conflictRow struct {
	conflict ConflictView
	choice   *widget.RadioGroup
	value    *widget.Entry
	box      *fyne.Container
	labels   map[string]string // choice code → label
}

func newConflictRow(c ConflictView, changed func()) *conflictRow {
	r := &conflictRow{conflict: c, value: widget.NewEntry(), labels: map[string]string{
		ChoiceMine: lang.L("Keep mine"), ChoiceTheirs: lang.L("Take theirs"), ChoiceValue: lang.L("Type a value:"),
	}}
	r.value.SetPlaceHolder(lang.L("the value to keep"))
	r.value.Disable()
	r.value.OnChanged = func(string) { changed() }
	options := []string{r.labels[ChoiceMine], r.labels[ChoiceTheirs]}
	if c.CanType {
		options = append(options, r.labels[ChoiceValue])
	}
	r.choice = widget.NewRadioGroup(options, func(string) {
		if r.code() == ChoiceValue {
			r.value.Enable()
		} else {
			r.value.Disable()
		}
		changed()
	})
	r.choice.Horizontal = true
	side := func(title, value, who string) fyne.CanvasObject {
		return container.NewVBox(
			&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}},
			&widget.Label{Text: value, Wrapping: fyne.TextWrapWord},
			&widget.Label{Text: who, Wrapping: fyne.TextWrapWord})
	}
	r.box = container.NewVBox(
		&widget.Label{Text: c.Title, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		container.NewGridWithColumns(2, side(lang.L("Mine (this laptop)"), c.Mine, c.MineWho), side(lang.L("Theirs (the package)"), c.Theirs, c.TheirsWho)),
		container.NewBorder(nil, nil, r.choice, nil, r.value))
	return r
}

func (r *conflictRow) code() string {
	for code, label := range r.labels {
		if label == r.choice.Selected {
			return code
		}
	}
	return ""
}

func (r *conflictRow) labelOf(code string) string { return r.labels[code] }

// resolution is the row's choice; ok is false until one is made (or, for
// a typed value, while the box is empty).
func (r *conflictRow) resolution() (Choice, bool) {
	switch code := r.code(); code {
	case ChoiceMine, ChoiceTheirs:
		return Choice{Code: code}, true
	case ChoiceValue:
		return Choice{Code: code, Value: r.value.Text}, r.value.Text != ""
	}
	return Choice{}, false
}
