package sheet

import (
	"math"
	"strconv"

	"plandesk/cnnum"
	"plandesk/plan"
)

// ReportIndicators is one report's part of an export: the report, its
// sections (for the 章节 column) and its indicators in table order.
type ReportIndicators struct {
	// Report is the report exported.
	Report plan.Report
	// Sections are the report's sections, in any order.
	Sections []plan.Section
	// Indicators are the report's indicators, in section and table order.
	Indicators []plan.Indicator
	// Projects are the report's projects and tasks, in section and list
	// order.
	Projects []plan.Project
}

// Export builds the indicator sheet of one or more reports, in the order
// given; with several the 报告 column tells them apart.
func Export(parts []ReportIndicators) IndicatorSheet {
	sh := IndicatorSheet{Header: IndicatorColumns()}
	for _, part := range parts {
		headings := make(map[int64]string, len(part.Sections))
		for _, sec := range part.Sections {
			headings[sec.ID] = sec.Heading()
		}
		for i := range part.Indicators {
			ind := &part.Indicators[i]
			sh.Rows = append(sh.Rows, SheetRow{
				Number: len(sh.Rows) + 2,
				Cells:  indicatorCells(part.Report, headings[ind.SectionID], ind),
			})
		}
	}
	sh.Projects = exportProjects(parts)
	return sh
}

// indicatorCells is one indicator's row, in IndicatorColumns order.
func indicatorCells(r plan.Report, heading string, ind *plan.Indicator) []Cell {
	text := func(s string) Cell { return Cell{Text: s} }
	value := func(v *float64) Cell { return Cell{Number: inUnit(v, ind.Unit)} }
	progress := Cell{}
	if p, ok := ind.Progress(); ok && !math.IsNaN(p) && !math.IsInf(p, 0) {
		progress = numberCell(math.Round(p*1e4) / 1e4)
	}
	o := ind.Outlook()
	projected, needed := Cell{}, Cell{}
	if o.Verdict != plan.VerdictUnknown {
		// An annual target given as a rate projects the rate itself, in %.
		v := o.Projected
		if ind.Kind() != plan.TargetAnnual || ind.Unit != "" && ind.Unit != "%" {
			v /= cnnum.UnitScale(ind.Unit)
		}
		projected = numberCell(roundSignificant(v, 6))
	}
	if o.HasNeededRate {
		needed = numberCell(math.Round(o.NeededRate*100) / 1e4)
	}
	return []Cell{
		numberCell(float64(ind.ID)), text(ind.UID), numberCell(float64(r.ID)), text(r.Title), text(heading),
		text(ind.Name), text(ind.Unit), text(ind.Attribute), text(DisplayText(plan.FieldDirection, ind.Direction)),
		value(ind.BaselineValue), text(ind.Baseline), text(ind.BaselineYear),
		value(ind.TargetValue), text(ind.Target), text(ind.TargetYear), text(DisplayText(plan.FieldTargetKind, ind.TargetKind)),
		value(ind.MidtermValue), text(ind.Midterm), text(ind.MidtermAsOf),
		progress, text(StatusLabel(ind.Status())), text(warningText(ind)), text(DisplayText(plan.FieldManualStatus, ind.ManualStatus)),
		projected, text(OutlookLabel(o.Verdict)), needed,
		text(DisplayText(plan.FieldState, ind.State)), text(ind.Note), text(ind.Source),
	}
}

// warningText is 预警 for an obligatory indicator that lags.
func warningText(ind *plan.Indicator) string {
	if ind.Warning() {
		return "预警"
	}
	return ""
}

// formatNumber writes a number without exponent and without trailing zeros.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// inUnit converts a value in base units to the indicator's unit, rounded to
// 15 significant digits so 2.08e9 in 亿元 reads 20.8, not 20.800000000000001.
func inUnit(v *float64, unit string) *float64 {
	if v == nil {
		return nil
	}
	x := roundSignificant(*v/cnnum.UnitScale(unit), 15)
	return &x
}

func roundSignificant(v float64, digits int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if err != nil {
		return v
	}
	return r
}

func numberCell(v float64) Cell { return Cell{Number: &v} }
