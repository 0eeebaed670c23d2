package sheet

import (
	"fmt"
	"strings"

	"plandesk/plan"
)

// The columns of an indicator sheet, in the order exports write them. The
// names are the sheet's Chinese header row; re-import finds columns by
// these names, in any order.
const (
	// ColIndicatorID is the indicator's id: it matches a re-imported row to
	// the indicator it came from.
	ColIndicatorID = "指标ID"
	// ColIndicatorUID is the indicator's identity (plan.Indicator.UID): a
	// re-imported row that gives it must match the indicator its 指标ID
	// names, so a sheet from another database, or from before a deletion,
	// never changes a different indicator.
	ColIndicatorUID = "指标标识"
	// ColReportID is the id of the indicator's report (ignored on import).
	ColReportID = "报告ID"
	// ColReport is the report's title (ignored on import).
	ColReport = "报告"
	// ColSection is the heading of the indicator's section, numbering included.
	ColSection = "章节"
	// ColName is the indicator's name.
	ColName = "指标名称"
	// ColUnit is the unit values are given in.
	ColUnit = "单位"
	// ColAttribute is 预期性, 约束性 or empty.
	ColAttribute = "属性"
	// ColDirection is 越大越好 or 越小越好.
	ColDirection = "方向"
	// ColBaselineValue is the baseline as a number in the indicator's unit.
	ColBaselineValue = "基期值"
	// ColBaseline is the baseline as written.
	ColBaseline = "基期值原文"
	// ColBaselineYear is the base year as written.
	ColBaselineYear = "基期年份"
	// ColTargetValue is the target as a number in the indicator's unit.
	ColTargetValue = "目标值"
	// ColTarget is the target as written.
	ColTarget = "目标值原文"
	// ColTargetYear is the target year as written.
	ColTargetYear = "目标年份"
	// ColTargetKind is 水平值, 年均增长, 累计, 定性, 上限, 下限, 区间 or empty.
	ColTargetKind = "目标类型"
	// ColMidtermValue is the mid-term value as a number in the indicator's unit.
	ColMidtermValue = "中期值"
	// ColMidterm is the mid-term value as written.
	ColMidterm = "中期值原文"
	// ColMidtermAsOf is when the mid-term value was measured, as written.
	ColMidtermAsOf = "中期值截至"
	// ColProgress is the computed progress as a fraction (ignored on import).
	ColProgress = "进度"
	// ColStatus is the computed status (ignored on import).
	ColStatus = "状态"
	// ColWarning says 预警 for an obligatory indicator that lags (ignored on import).
	ColWarning = "预警"
	// ColManualStatus is the reviewer's judgement of a qualitative target:
	// 已完成, 推进中, 滞后 or empty.
	ColManualStatus = "人工判定"
	// ColProjected is the value projected to the target year, in the
	// indicator's unit (plan.Indicator.Outlook; ignored on import).
	ColProjected = "预计期末值"
	// ColOutlook is 已达目标, 预计可完成 or 预计难以完成 (ignored on import).
	ColOutlook = "预计能否完成"
	// ColNeededRate is the average annual growth the years left need, as a
	// fraction (0.0767 for 7.67 %; ignored on import).
	ColNeededRate = "所需年均增速"
	// ColState is 待确认 or 已确认.
	ColState = "确认状态"
	// ColNote is the reviewer's remark.
	ColNote = "备注"
	// ColSource is the report sentence the indicator was found in.
	ColSource = "来源"
)

// IndicatorColumns returns the header of an indicator sheet, in order.
func IndicatorColumns() []string {
	return []string{
		ColIndicatorID, ColIndicatorUID, ColReportID, ColReport, ColSection, ColName, ColUnit, ColAttribute, ColDirection,
		ColBaselineValue, ColBaseline, ColBaselineYear, ColTargetValue, ColTarget, ColTargetYear, ColTargetKind,
		ColMidtermValue, ColMidterm, ColMidtermAsOf, ColProgress, ColStatus, ColWarning, ColManualStatus,
		ColProjected, ColOutlook, ColNeededRate, ColState, ColNote, ColSource,
	}
}

// IsNumberColumn reports whether a column holds numbers rather than text.
func IsNumberColumn(name string) bool {
	switch name {
	case ColIndicatorID, ColReportID, ColBaselineValue, ColTargetValue, ColMidtermValue, ColProgress, ColProjected, ColNeededRate:
		return true
	}
	return false
}

// Cell is one value of an indicator sheet: a number when Number is set,
// text otherwise. A cell read from a file keeps its text too, so a number
// column holding words can still be reported or imported as written.
type Cell struct {
	// Text is the cell's text; for an exported number it is empty.
	Text string
	// Number is the cell's number, or nil for a text or empty cell.
	Number *float64
	// Uncalculated says the cell holds a formula whose value was never
	// computed (a workbook written by a program rather than saved by Excel
	// or WPS): it reads as empty, but is no value at all, so an import
	// leaves its field as it is instead of emptying it.
	Uncalculated bool
}

// IsEmpty reports whether the cell holds nothing.
func (c Cell) IsEmpty() bool { return c.Number == nil && strings.TrimSpace(c.Text) == "" }

// String is the cell as text: a number is written without exponent.
func (c Cell) String() string {
	if c.Number != nil {
		return formatNumber(*c.Number)
	}
	return c.Text
}

// SheetRow is one row of an indicator sheet below its header.
type SheetRow struct {
	// Number is the row's number as a spreadsheet counts it, the header
	// being row 1.
	Number int
	// Cells holds the row's values, one per header column; a short row
	// lacks its trailing empty cells.
	Cells []Cell
}

// IndicatorSheet is a table of indicators: a header row of column names and
// one row per indicator. Exports write it; imports read it back.
type IndicatorSheet struct {
	// Header names the columns.
	Header []string
	// Rows are the indicators, in report, section and table order when exported.
	Rows []SheetRow
	// Projects, in an export, are the reports' projects and tasks (header
	// ProjectColumns), nil when there are none: a worksheet of their own
	// (项目) in .xlsx, rows after the indicators' in .csv, a list of their
	// own in .json. Reading a file leaves them out: an import changes only
	// indicators.
	Projects *IndicatorSheet
}

// Column returns the index of the named column, or -1.
func (sh IndicatorSheet) Column(name string) int {
	for i, h := range sh.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// Value returns the cell of a row in the named column; an empty cell when
// the sheet has no such column or the row is short.
func (sh IndicatorSheet) Value(row SheetRow, name string) Cell {
	i := sh.Column(name)
	if i < 0 || i >= len(row.Cells) {
		return Cell{}
	}
	return row.Cells[i]
}

// Labels of the coded fields, as sheets write them.
var (
	directionLabels  = [][2]string{{plan.DirectionUp, "越大越好"}, {plan.DirectionDown, "越小越好"}}
	targetKindLabels = [][2]string{{plan.TargetLevel, "水平值"}, {plan.TargetAnnual, "年均增长"}, {plan.TargetCumulative, "累计"}, {plan.TargetQualitative, "定性"},
		{plan.TargetCap, "上限"}, {plan.TargetFloor, "下限"}, {plan.TargetRange, "区间"}}
	stateLabels     = [][2]string{{plan.StateProposed, "待确认"}, {plan.StateConfirmed, "已确认"}}
	judgementLabels = [][2]string{{string(plan.StatusAchieved), "已完成"}, {string(plan.StatusOnTrack), "推进中"}, {string(plan.StatusLagging), "滞后"}}
	outlookLabels   = [][2]string{{string(plan.VerdictMet), "已达目标"}, {string(plan.VerdictLikely), "预计可完成"}, {string(plan.VerdictUnlikely), "预计难以完成"}}
	statusLabels    = [][2]string{{string(plan.StatusAchieved), "提前完成/已达目标"}, {string(plan.StatusAhead), "快于预期"},
		{string(plan.StatusOnTrack), "符合预期"}, {string(plan.StatusLagging), "滞后"}, {string(plan.StatusUnknown), "无目标/无数据"}}
)

func labelOf(labels [][2]string, code string) string {
	for _, l := range labels {
		if l[0] == code {
			return l[1]
		}
	}
	return code
}

func codeOf(labels [][2]string, text string) string {
	for _, l := range labels {
		if l[1] == text {
			return l[0]
		}
	}
	return text
}

// StatusLabel is a status as sheets write it: 提前完成/已达目标, 快于预期,
// 符合预期, 滞后 or 无目标/无数据.
func StatusLabel(st plan.Status) string { return labelOf(statusLabels, string(st)) }

// DisplayText is a field's stored text as sheets write it: the Chinese
// label for a direction, target kind or state; the text itself otherwise.
func DisplayText(f plan.Field, text string) string {
	switch f {
	case plan.FieldDirection:
		return labelOf(directionLabels, text)
	case plan.FieldTargetKind:
		return labelOf(targetKindLabels, text)
	case plan.FieldState:
		return labelOf(stateLabels, text)
	case plan.FieldManualStatus:
		return labelOf(judgementLabels, text)
	}
	return text
}

// OutlookLabel is a verdict as sheets write it: 已达目标, 预计可完成,
// 预计难以完成, or empty when unknown.
func OutlookLabel(v plan.Verdict) string { return labelOf(outlookLabels, string(v)) }

// storedText is the inverse of DisplayText. Text that is no label (the codes
// themselves, or a typo) is returned as it is, for Indicator.Set to judge.
func storedText(f plan.Field, text string) string {
	switch f {
	case plan.FieldDirection:
		return codeOf(directionLabels, text)
	case plan.FieldTargetKind:
		return codeOf(targetKindLabels, text)
	case plan.FieldState:
		return codeOf(stateLabels, text)
	case plan.FieldManualStatus:
		return codeOf(judgementLabels, text)
	}
	return text
}

// fieldColumns ties each editable field to its sheet column and, for the
// values, to the column of the number read from it.
var fieldColumns = []struct {
	field        plan.Field
	text, number string
}{
	{plan.FieldName, ColName, ""},
	{plan.FieldUnit, ColUnit, ""},
	{plan.FieldAttribute, ColAttribute, ""},
	{plan.FieldDirection, ColDirection, ""},
	{plan.FieldBaseline, ColBaseline, ColBaselineValue},
	{plan.FieldBaselineYear, ColBaselineYear, ""},
	{plan.FieldTarget, ColTarget, ColTargetValue},
	{plan.FieldTargetYear, ColTargetYear, ""},
	{plan.FieldTargetKind, ColTargetKind, ""},
	{plan.FieldMidterm, ColMidterm, ColMidtermValue},
	{plan.FieldMidtermAsOf, ColMidtermAsOf, ""},
	{plan.FieldManualStatus, ColManualStatus, ""},
	{plan.FieldNote, ColNote, ""},
	{plan.FieldState, ColState, ""},
}

// ColumnOf names the sheet column holding a field's text.
func ColumnOf(f plan.Field) string {
	for _, fc := range fieldColumns {
		if fc.field == f {
			return fc.text
		}
	}
	return string(f)
}

// CheckHeader checks that the sheet names no column twice and has the
// columns an import needs: 指标名称, and 章节 or 指标ID. The error is a
// *SheetError of kind ErrSheetColumns.
func (sh IndicatorSheet) CheckHeader() error {
	bad := func(format string, args ...any) error {
		return &SheetError{Kind: ErrSheetColumns, Err: fmt.Errorf(format, args...)}
	}
	if len(sh.Header) == 0 {
		return bad("no header row")
	}
	seen := make(map[string]bool, len(sh.Header))
	for _, h := range sh.Header {
		if h != "" && seen[h] {
			return bad("column %s appears twice", h)
		}
		seen[h] = true
	}
	if !seen[ColName] {
		return bad("no column %s", ColName)
	}
	if !seen[ColSection] && !seen[ColIndicatorID] {
		return bad("neither %s nor %s column", ColSection, ColIndicatorID)
	}
	return nil
}
