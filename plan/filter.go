package plan

import (
	"cmp"
	"slices"
	"strings"
)

// IndicatorFilter selects indicators for the all-indicators page. Zero
// fields select everything.
type IndicatorFilter struct {
	// SectionID keeps the indicators of one section (0: all).
	SectionID int64
	// Status keeps one status ("": all).
	Status Status
	// Attribute keeps one attribute; AttributeAny ("*") keeps all.
	Attribute string
	// Proposed keeps only indicators waiting for confirmation.
	Proposed bool
	// Text keeps indicators whose name, unit, values, note or source contain it.
	Text string
	// Gap keeps the indicators whose status lacks it (缺目标值…; "": all).
	Gap Gap
	// Warnings keeps only the obligatory indicators that lag (预警).
	Warnings bool
	// Verdict keeps one outlook verdict ("": all).
	Verdict Verdict
}

// AttributeAny is the IndicatorFilter.Attribute that keeps every attribute.
const AttributeAny = "*"

// FilterIndicators returns the indicators the filter keeps, in their order.
func FilterIndicators(list []Indicator, f IndicatorFilter) []Indicator {
	text := strings.ToLower(strings.TrimSpace(f.Text))
	var out []Indicator
	for i := range list {
		ind := &list[i]
		switch {
		case f.SectionID != 0 && ind.SectionID != f.SectionID:
		case f.Status != "" && ind.Status() != f.Status:
		case f.Attribute != AttributeAny && f.Attribute != "" && ind.Attribute != f.Attribute:
		case f.Proposed && ind.State != StateProposed:
		case text != "" && !ind.contains(text):
		case f.Gap != "" && !slices.Contains(ind.Gaps(), f.Gap):
		case f.Warnings && !ind.Warning():
		case f.Verdict != "" && ind.Outlook().Verdict != f.Verdict:
		default:
			out = append(out, *ind)
		}
	}
	return out
}

// contains reports whether a text field holds lowerText; letters match in
// either case.
func (ind *Indicator) contains(lowerText string) bool {
	for _, s := range []string{ind.Name, ind.Unit, ind.Baseline, ind.Target, ind.Midterm, ind.Note, ind.Source} {
		if strings.Contains(s, lowerText) || hasUpper(s) && strings.Contains(strings.ToLower(s), lowerText) {
			return true
		}
	}
	return false
}

// hasUpper reports whether s has an ASCII capital, the only case that
// lowering changes in these fields.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// SortIndicators orders list in place by a field (the value fields by their
// numbers, empty last) or by status, keeping ties in their previous order.
func SortIndicators(list []Indicator, by Field, descending bool) {
	key := func(ind *Indicator) (num *float64, text string) {
		switch by {
		case FieldBaseline:
			return ind.BaselineValue, ind.Baseline
		case FieldTarget:
			return ind.TargetValue, ind.Target
		case FieldMidterm:
			return ind.MidtermValue, ind.Midterm
		case FieldStatus:
			if ind.Warning() {
				return nil, "/" // before every status: 预警 first
			}
			return nil, string(rune('0' + slices.Index(Statuses(), ind.Status())))
		}
		return nil, ind.Get(by)
	}
	slices.SortStableFunc(list, func(a, b Indicator) int {
		na, ta := key(&a)
		nb, tb := key(&b)
		var c int
		switch {
		case na != nil && nb != nil:
			c = cmp.Compare(*na, *nb)
		case na != nil:
			return -1 // numbers before blanks, whichever the direction
		case nb != nil:
			return 1
		default:
			if ta == "" || tb == "" {
				return cmp.Compare(len(tb), len(ta)) // blanks last
			}
			c = strings.Compare(ta, tb)
		}
		if descending {
			c = -c
		}
		return c
	})
}
