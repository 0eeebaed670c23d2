package messages

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// StatusReason says why an indicator has its status, for the tip of a
// number in the text: progress against the time gone by, growth against
// an annual target, the reviewer's judgement; empty where the status
// itself says it (缺目标值).
func StatusReason(ind *plan.Indicator) string {
	if len(ind.Gaps()) > 0 {
		return ""
	}
	switch {
	case ind.Kind() == plan.TargetQualitative:
		return lang.L("Judged by the reviewer")
	case ind.Status() == plan.StatusAchieved:
		return lang.L("The mid-term value reaches the target")
	case ind.Kind() == plan.TargetAnnual:
		if r, ok := ind.AchievedRate(); ok {
			return lang.L("Growth so far {{.Rate}} a year against {{.Target}}", map[string]any{
				"Rate": percent(r / 100), "Target": ind.Target})
		}
	}
	if p, ok := ind.Progress(); ok && !math.IsInf(p, 0) && !math.IsNaN(p) {
		return lang.L("{{.Progress}} of the way to the target, with {{.Expected}} of the plan period gone", map[string]any{
			"Progress": percent(p), "Expected": percent(ind.ExpectedProgress())})
	}
	return ""
}

// percent writes a share as a whole percentage (0.48 is 48%).
func percent(share float64) string { return fmt.Sprintf("%.0f%%", share*100) }

// TargetOf is an indicator's target with its year, for a tip (目标
// 10%（2025年）); empty when it has none, which its status says.
func TargetOf(ind *plan.Indicator) string {
	if ind.Target == "" {
		return ""
	}
	target := lang.L("Target {{.Target}}", map[string]any{"Target": ind.Target})
	if ind.TargetYear != "" {
		target += lang.L(" (by {{.Year}})", map[string]any{"Year": strings.TrimSuffix(ind.TargetYear, "年")})
	}
	return target
}

// MidtermOf is an indicator's mid-term value with its date, for a tip
// (中期值 突破210家（2022年底）); empty when it has none.
func MidtermOf(ind *plan.Indicator) string {
	if ind.Midterm == "" {
		return ""
	}
	value := lang.L("Mid-term {{.Value}}", map[string]any{"Value": ind.Midterm})
	if ind.MidtermAsOf != "" {
		value += lang.L(" ({{.AsOf}})", map[string]any{"AsOf": ind.MidtermAsOf})
	}
	return value
}

// AsWrittenAndNow shows the number the report writes beside the value the
// indicator has now, which a reviewer edited: editing never changes the
// report's text (原文 210家 · 现值 215家).
func AsWrittenAndNow(asWritten, now string) string {
	if now == "" {
		now = lang.L("(empty)")
	}
	return lang.L("Report {{.Text}} · now {{.Now}}", map[string]any{"Text": asWritten, "Now": now})
}
