package views

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"plandesk/data"
)

// ExplainEditError says, in the UI language, why an edit was refused.
func ExplainEditError(err error) string {
	var ne *data.NumberError
	if errors.As(err, &ne) {
		switch ne.Problem {
		case data.NumberEmpty:
			return lang.L("A number is required here.")
		case data.NumberTwoNumbers:
			return lang.L("Enter one number, not a range or two numbers.")
		case data.NumberAmbiguousScale:
			return lang.L("兆 is ambiguous (a million or a trillion); write 万, 亿 or the digits.")
		case data.NumberLetters:
			return lang.L("Letters are not allowed in a number.")
		case data.NumberShareOver100:
			return lang.L("A share cannot be more than 100%.")
		}
		return lang.L("This is not a number PlanDesk can read, e.g. 75.3%, 约15万个, 超20.8亿元.")
	}
	var fe *data.FieldError
	if errors.As(err, &fe) {
		switch fe.Problem {
		case data.ProblemEmptyName:
			return lang.L("The indicator needs a name.")
		case data.ProblemBadYear:
			return lang.L("Enter a year such as 2025.")
		case data.ProblemBadAttribute, data.ProblemBadDirection, data.ProblemBadTargetKind, data.ProblemBadState:
			return lang.L("Choose one of the listed values.")
		}
	}
	return lang.L("The change could not be saved: {{.Err}}", map[string]any{"Err": err.Error()})
}
