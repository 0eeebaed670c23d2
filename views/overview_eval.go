package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/views/chart"
)

// evaluationBlock is the part of the overview that says what the
// evaluation finds beyond the counts: the warnings (预警), the indicators
// unlikely to be met by the plan's end, the targets without a mid-term
// value, and, while indicators lack targets, the next step as buttons.
type evaluationBlock struct {
	screen *OverviewScreen

	warning  *canvas.Text
	warnRow  *fyne.Container
	empty    *widget.Label
	steps    *fyne.Container
	confirm  *widget.Button
	importBt *widget.Button
	outlook  *widget.Label
	unlikely *fyne.Container
	noValue  *widget.Label
	missing  *fyne.Container
}

func newEvaluationBlock(s *OverviewScreen) *evaluationBlock {
	b := &evaluationBlock{screen: s,
		warning:  &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		empty:    &widget.Label{Wrapping: fyne.TextWrapWord},
		outlook:  &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}},
		unlikely: container.NewVBox(),
		noValue:  &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}},
		missing:  container.NewVBox(),
	}
	show := widget.NewButtonWithIcon(lang.L("Show them"), theme.WarningIcon(), s.onWarnings)
	show.Importance = widget.DangerImportance
	b.warnRow = container.NewHBox(show, container.NewCenter(b.warning))
	b.importBt = widget.NewButtonWithIcon(lang.L("Import the plan's indicator table…"), theme.FolderOpenIcon(), s.onImportTargets)
	b.importBt.Importance = widget.HighImportance
	fill := widget.NewButtonWithIcon(lang.L("Fill in one by one"), theme.DocumentCreateIcon(), s.onFillTargets)
	b.confirm = widget.NewButtonWithIcon("", theme.ConfirmIcon(), s.onConfirmAll)
	b.steps = container.NewHBox(b.importBt, fill, b.confirm)
	return b
}

// show fills the block from o, hiding what o gives no cause to say.
func (b *evaluationBlock) show(o plan.Overview) {
	b.warning.Text = lang.L("{{.Count}} obligatory (约束性) indicators lag: warning (预警)", map[string]any{"Count": o.Warnings})
	b.warning.Color = chart.DefaultStatusColor(plan.StatusLagging)
	b.warning.TextSize = theme.SizeForWidget(theme.SizeNameSubHeadingText, b.screen)
	b.warnRow.Hidden = o.Warnings == 0

	b.empty.SetText(lang.L("{{.Count}} of {{.Total}} indicators have no target, so their status cannot be judged. Import the plan's (纲要) indicator table, fill the targets in, or confirm the proposals first.",
		map[string]any{"Count": o.NoTarget, "Total": o.Total}))
	b.empty.Hidden, b.steps.Hidden = o.NoTarget == 0, o.NoTarget == 0
	b.importBt.Hidden = b.screen.OnImportTargets == nil
	b.confirm.SetText(lang.L("Confirm all {{.Count}} proposals", map[string]any{"Count": o.Proposed}))
	b.confirm.Hidden = o.Proposed == 0 || b.screen.OnConfirmAll == nil

	if len(o.Unlikely) == 0 {
		b.outlook.SetText(lang.L("At the pace so far, all {{.Projected}} indicators with an outlook are likely to be met by the plan's end.",
			map[string]any{"Projected": o.Projected}))
	} else {
		b.outlook.SetText(lang.L("Unlikely to be met by the plan's end at the pace so far: {{.Count}} of {{.Projected}} indicators with an outlook",
			map[string]any{"Count": len(o.Unlikely), "Projected": o.Projected}))
	}
	b.outlook.Hidden = o.Projected == 0
	b.unlikely.Objects = b.rows(o.Unlikely[:min(len(o.Unlikely), overviewPage)], messages.OutlookOf)
	b.unlikely.Refresh()

	b.noValue.SetText(lang.L("Targets the report gives no mid-term value for: {{.Count}}", map[string]any{"Count": len(o.NoValue)}))
	b.noValue.Hidden = len(o.NoValue) == 0
	b.missing.Objects = b.rows(o.NoValue[:min(len(o.NoValue), overviewPage)], func(ind *plan.Indicator) string {
		return lang.L("Target {{.Target}}", map[string]any{"Target": ind.Target}) + " · " + messages.StatusOf(ind)
	})
	b.missing.Refresh()
}

// rows are clickable rows for indicators, each with a line of detail.
func (b *evaluationBlock) rows(list []plan.Indicator, detail func(*plan.Indicator) string) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(list))
	for _, ind := range list {
		ind := ind
		rows = append(rows, newOverviewRow(ind.Status(), ind.Name, detail(&ind), func() { b.screen.onIndicator(ind) }))
	}
	alignTitles(rows)
	return rows
}

func (s *OverviewScreen) onWarnings() {
	if s.OnWarnings != nil {
		s.OnWarnings()
	}
}

func (s *OverviewScreen) onImportTargets() {
	if s.OnImportTargets != nil {
		s.OnImportTargets()
	}
}

func (s *OverviewScreen) onFillTargets() {
	if s.OnFillTargets != nil {
		s.OnFillTargets()
	}
}

func (s *OverviewScreen) onConfirmAll() {
	if s.OnConfirmAll != nil {
		s.OnConfirmAll()
	}
}
