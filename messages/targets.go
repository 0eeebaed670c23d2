package messages

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
	"plandesk/targets"
)

// RoleLabel names what a column of a plan's target table holds, in the UI
// language, as a preview of the columns shows it.
func RoleLabel(r targets.Role) string {
	switch r {
	case targets.RoleCategory:
		return lang.L("Category")
	case targets.RoleSeq:
		return lang.L("No.")
	case targets.RoleName:
		return FieldLabel(plan.FieldName)
	case targets.RoleUnit:
		return FieldLabel(plan.FieldUnit)
	case targets.RoleBaseline:
		return FieldLabel(plan.FieldBaseline)
	case targets.RoleBaselineYear:
		return FieldLabel(plan.FieldBaselineYear)
	case targets.RoleTarget:
		return FieldLabel(plan.FieldTarget)
	case targets.RoleTargetYear:
		return FieldLabel(plan.FieldTargetYear)
	case targets.RoleMidterm:
		return FieldLabel(plan.FieldMidterm)
	case targets.RoleMode:
		return lang.L("Annual/cumulative")
	case targets.RoleAttribute:
		return FieldLabel(plan.FieldAttribute)
	}
	return lang.L("Not read")
}

// ColumnRole says what a column of a target table is read as: its header
// (or letter), the role, and the year its header gives the values.
func ColumnRole(i int, c targets.Column) string {
	header := c.Header
	if header == "" {
		header = targets.ColumnLetter(i)
	}
	role := RoleLabel(c.Role)
	if c.Year != "" {
		role = lang.L("{{.Role}} ({{.Year}})", map[string]any{"Role": role, "Year": c.Year})
	}
	return lang.L("{{.Header}} → {{.Role}}", map[string]any{"Header": header, "Role": role})
}

// MatchReason says why a plan row was matched to an indicator: how the
// names agree and how the units do.
func MatchReason(r targets.Reason) string {
	var name string
	switch r.Name {
	case targets.NameSame:
		name = lang.L("same name")
	case targets.NameNormalised:
		name = lang.L("same name once width, punctuation, place words and wording are set aside")
	case targets.NameContains:
		name = lang.L("one name contains the other")
	default:
		name = lang.L("similar names")
	}
	units := map[string]any{"Row": r.RowUnit, "Indicator": r.IndicatorUnit}
	var unit string
	switch r.Unit {
	case targets.UnitSame:
		unit = lang.L("same unit")
	case targets.UnitScaled:
		unit = lang.L("{{.Row}} and {{.Indicator}}: one unit at another scale", units)
	case targets.UnitAkin:
		unit = lang.L("{{.Row}} and {{.Indicator}}: both counts", units)
	case targets.UnitUnknown:
		unit = lang.L("a unit is missing")
	default:
		unit = lang.L("different units ({{.Row}}, {{.Indicator}})", units)
	}
	return name + lang.L("; ") + unit
}

// explainTargets words the errors of reading a plan's target table and of
// applying matches to it.
func explainTargets(err error) (string, bool) {
	var fe *targets.FileError
	var me *targets.MatchError
	switch {
	case errors.As(err, &fe):
		return explainTargetFile(fe), true
	case errors.Is(err, targets.ErrNoHeader):
		return lang.L("No header was found in the table's first {{.Rows}} rows. It needs a column of indicators (指标, 指标名称) and one of values (2020年, 2025年, 目标值, 年均/累计).",
			map[string]any{"Rows": targets.HeaderSearch}), true
	case errors.As(err, &me) && errors.Is(err, targets.ErrMatchedTwice):
		return lang.L("Row {{.Row}} is matched to indicator #{{.ID}}, as an earlier row is; match each indicator to one row.",
			map[string]any{"Row": me.Line, "ID": me.IndicatorID}), true
	case errors.As(err, &me):
		return lang.L("Row {{.Row}} is matched to indicator #{{.ID}}, which this report does not have (deleted since?); match the row again.",
			map[string]any{"Row": me.Line, "ID": me.IndicatorID}), true
	}
	return "", false
}

// explainTargetFile says why a target table could not be read from a file.
func explainTargetFile(fe *targets.FileError) string {
	fields := map[string]any{"Path": fe.Path, "Limit": targets.MaxRows}
	switch {
	case errors.Is(fe.Kind, targets.ErrFileType):
		return lang.L("A plan's target table is read from an .xlsx, .csv, .tsv or .txt file (text copied from WPS or Excel): {{.Path}}", fields)
	case errors.Is(fe.Kind, targets.ErrTooLarge):
		return lang.L("{{.Path}} holds more than a plan's target table (at most {{.Limit}} rows), so nothing was read. Check that this is the table of the plan's main indicators; if it is, split it into parts.", fields)
	case errors.Is(fe.Kind, targets.ErrNotText):
		return lang.L("The file's characters cannot be read: it is not UTF-8, UTF-16 or GBK text. Save it as UTF-8 (in Notepad or WPS: Save as, encoding UTF-8) and import it again.")
	case errors.Is(fe.Kind, targets.ErrUnreadable):
		if s, ok := explainFile(fe.Err); ok {
			return s
		}
		return Sprintf("cannot read %s: %v", fe.Path, fe.Err)
	}
	return Sprintf("%s is damaged or incomplete (perhaps half-written) and cannot be read: %v", fe.Path, fe.Err)
}
