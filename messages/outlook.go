package messages

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"plandesk/cnnum"
	"plandesk/plan"
)

// VerdictLabel is an outlook's verdict in the UI language.
func VerdictLabel(v plan.Verdict) string {
	switch v {
	case plan.VerdictMet:
		return lang.L("Target met")
	case plan.VerdictLikely:
		return lang.L("Likely to be met")
	case plan.VerdictUnlikely:
		return lang.L("Unlikely to be met")
	}
	return ""
}

// OutlookOf says where an indicator is heading: the verdict and, when the
// target is not met yet, the pace the years left need (后3年需年均增长7.7%);
// where nothing can be projected, what is missing.
func OutlookOf(ind *plan.Indicator) string {
	o := ind.Outlook()
	if o.Verdict == plan.VerdictUnknown {
		if len(o.Missing) == 0 {
			return ""
		}
		return lang.L("No outlook: {{.Missing}}", map[string]any{"Missing": GapsLabel(o.Missing)})
	}
	need := NeededPace(ind, o)
	if need == "" {
		return VerdictLabel(o.Verdict)
	}
	return VerdictLabel(o.Verdict) + lang.L(", ") + need
}

// NeededPace is the pace the years left need, in words: a growth rate for
// levels in amounts and growth targets, a yearly change in the unit (or in
// percentage points for a rate in %) otherwise; empty when nothing is needed.
func NeededPace(ind *plan.Indicator, o plan.Outlook) string {
	years := map[string]any{"Years": o.YearsLeft}
	switch {
	case o.HasNeededRate && o.NeededRate >= 0:
		years["Rate"] = decimal(o.NeededRate, 1) + "%"
		return lang.L("the next {{.Years}} years need {{.Rate}} growth a year", years)
	case o.HasNeededRate:
		years["Rate"] = decimal(-o.NeededRate, 1) + "%"
		return lang.L("the next {{.Years}} years need a {{.Rate}} fall a year", years)
	case !o.HasNeededStep:
		return ""
	}
	unit := ind.Unit
	step := o.NeededStep / cnnum.UnitScale(unit)
	if unit == "%" {
		unit = lang.L(" percentage points")
	}
	years["Step"] = decimal(math.Abs(step), 2) + unit
	if step >= 0 {
		return lang.L("the next {{.Years}} years need {{.Step}} more a year", years)
	}
	return lang.L("the next {{.Years}} years need {{.Step}} less a year", years)
}

// decimal writes v with at most digits decimals and no trailing zeros.
func decimal(v float64, digits int) string {
	return strconv.FormatFloat(math.Round(v*math.Pow10(digits))/math.Pow10(digits), 'f', -1, 64)
}
