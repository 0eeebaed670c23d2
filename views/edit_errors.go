package views

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"plandesk/cnnum"
	"plandesk/plan"
)

// ExplainEditError says, in the UI language, why an edit was refused.
func ExplainEditError(err error) string {
	var ne *cnnum.NumberError
	if errors.As(err, &ne) {
		switch ne.Problem {
		case cnnum.NumberEmpty:
			return lang.L("A number is required here.")
		case cnnum.NumberTwoNumbers:
			return lang.L("Enter one number, not a range or two numbers.")
		case cnnum.NumberAmbiguousScale:
			return lang.L("兆 is ambiguous (a million or a trillion); write 万, 亿 or the digits.")
		case cnnum.NumberLetters:
			return lang.L("Letters are not allowed in a number.")
		case cnnum.NumberShareOver100:
			return lang.L("A share cannot be more than 100%.")
		}
		return lang.L("This is not a number PlanDesk can read, e.g. 75.3%, 约15万个, 超20.8亿元.")
	}
	var fe *plan.FieldError
	if errors.As(err, &fe) {
		switch fe.Problem {
		case plan.ProblemEmptyName:
			return lang.L("The indicator needs a name.")
		case plan.ProblemBadYear:
			return lang.L("Enter a year such as 2025.")
		case plan.ProblemBadAttribute, plan.ProblemBadDirection, plan.ProblemBadTargetKind, plan.ProblemBadState:
			return lang.L("Choose one of the listed values.")
		}
	}
	return lang.L("The change could not be saved: {{.Err}}", map[string]any{"Err": err.Error()})
}
