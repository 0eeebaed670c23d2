package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"plandesk/cjk"
	"plandesk/cnnum"
	"plandesk/plan"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The columns of an indicator sheet, in the order exports write them. The
// names are the sheet's Chinese header row; re-import finds columns by
// these names, in any order.
const (
	// ColIndicatorID is the indicator's id: it matches a re-imported row to
	// the indicator it came from.
	ColIndicatorID = "指标ID"
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
	// ColTargetKind is 水平值, 年均增长, 累计, 定性 or empty.
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
	// ColState is 待确认 or 已确认.
	ColState = "确认状态"
	// ColNote is the reviewer's remark.
	ColNote = "备注"
	// ColSource is the report sentence the indicator was found in.
	ColSource = "来源"
)

// SheetName is the name of the worksheet an .xlsx export holds.
const SheetName = "指标"

// IndicatorColumns returns the header of an indicator sheet, in order.
func IndicatorColumns() []string {
	return []string{
		ColIndicatorID, ColReportID, ColReport, ColSection, ColName, ColUnit, ColAttribute, ColDirection,
		ColBaselineValue, ColBaseline, ColBaselineYear, ColTargetValue, ColTarget, ColTargetYear, ColTargetKind,
		ColMidtermValue, ColMidterm, ColMidtermAsOf, ColProgress, ColStatus, ColState, ColNote, ColSource,
	}
}

// IsNumberColumn reports whether a column holds numbers rather than text.
func IsNumberColumn(name string) bool {
	switch name {
	case ColIndicatorID, ColReportID, ColBaselineValue, ColTargetValue, ColMidtermValue, ColProgress:
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
	targetKindLabels = [][2]string{{plan.TargetLevel, "水平值"}, {plan.TargetAnnual, "年均增长"}, {plan.TargetCumulative, "累计"}, {plan.TargetQualitative, "定性"}}
	stateLabels      = [][2]string{{plan.StateProposed, "待确认"}, {plan.StateConfirmed, "已确认"}}
	statusLabels     = [][2]string{{string(plan.StatusAchieved), "提前完成/已达目标"}, {string(plan.StatusAhead), "快于预期"},
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
	}
	return text
}

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

// ReportIndicators is one report's part of an export: the report, its
// sections (for the 章节 column) and its indicators in table order.
type ReportIndicators struct {
	// Report is the report exported.
	Report plan.Report
	// Sections are the report's sections, in any order.
	Sections []plan.Section
	// Indicators are the report's indicators, in section and table order.
	Indicators []plan.Indicator
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
	return []Cell{
		numberCell(float64(ind.ID)), numberCell(float64(r.ID)), text(r.Title), text(heading),
		text(ind.Name), text(ind.Unit), text(ind.Attribute), text(DisplayText(plan.FieldDirection, ind.Direction)),
		value(ind.BaselineValue), text(ind.Baseline), text(ind.BaselineYear),
		value(ind.TargetValue), text(ind.Target), text(ind.TargetYear), text(DisplayText(plan.FieldTargetKind, ind.TargetKind)),
		value(ind.MidtermValue), text(ind.Midterm), text(ind.MidtermAsOf),
		progress, text(StatusLabel(ind.Status())), text(DisplayText(plan.FieldState, ind.State)),
		text(ind.Note), text(ind.Source),
	}
}

// SheetFormat is a file format indicator sheets are written in and read from.
type SheetFormat string

// The sheet formats.
const (
	// FormatXLSX is an Excel workbook (.xlsx).
	FormatXLSX SheetFormat = "xlsx"
	// FormatCSV is comma-separated values, UTF-8 with a byte-order mark (.csv).
	FormatCSV SheetFormat = "csv"
	// FormatJSON is an array of objects keyed by the column names (.json).
	FormatJSON SheetFormat = "json"
)

// ParseSheetFormat reads a format name (xlsx, csv, json; any case, with or
// without a leading dot).
func ParseSheetFormat(name string) (SheetFormat, bool) {
	switch f := SheetFormat(strings.ToLower(strings.TrimPrefix(name, "."))); f {
	case FormatXLSX, FormatCSV, FormatJSON:
		return f, true
	}
	return "", false
}

// SheetFormatOf is the format a file's extension names.
func SheetFormatOf(path string) (SheetFormat, bool) {
	return ParseSheetFormat(filepath.Ext(path))
}

// Errors reading an indicator sheet, the Kind of a *SheetError.
var (
	// ErrSheetType means the file's extension is none of .xlsx, .csv, .json.
	ErrSheetType = errors.New("not an .xlsx, .csv or .json file")
	// ErrSheetUnreadable means the file could not be opened or read.
	ErrSheetUnreadable = errors.New("file cannot be read")
	// ErrSheetDamaged means the file's content is not a valid workbook, CSV
	// or JSON file: half-written, damaged, or of another kind.
	ErrSheetDamaged = errors.New("file is damaged or incomplete")
	// ErrSheetColumns means the header lacks the columns an import needs
	// (指标名称, and 章节 or 指标ID), names a column twice, or is missing.
	ErrSheetColumns = errors.New("sheet lacks the required columns")
)

// SheetError reports why an indicator file could not be read.
type SheetError struct {
	// Path is the file as given.
	Path string
	// Kind is one of the ErrSheet* sentinels.
	Kind error
	// Err is the underlying error.
	Err error
}

// Error describes the failure with the file's name.
func (e *SheetError) Error() string {
	return fmt.Sprintf("read indicator file %q: %v: %v", e.Path, e.Kind, e.Err)
}

// Unwrap lets errors.Is match both the kind and the cause.
func (e *SheetError) Unwrap() []error { return []error{e.Kind, e.Err} }

// WriteIndicatorFile writes a sheet to path in the given format without
// ever leaving a partial file there: it writes a temporary file in the same
// folder and renames it over path once it is complete and synced.
func WriteIndicatorFile(path string, format SheetFormat, sheet IndicatorSheet) (err error) {
	var write func(io.Writer, IndicatorSheet) error
	switch format {
	case FormatXLSX:
		write = WriteXLSX
	case FormatCSV:
		write = WriteCSV
	case FormatJSON:
		write = WriteJSON
	default:
		return fmt.Errorf("write %s: format %q: %w", path, format, ErrSheetType)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw, sheet); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteXLSX writes a sheet as an Excel workbook with one worksheet (指标):
// a bold, frozen header row, numbers as numeric cells (进度 shown as a
// percentage), text as text, and columns sized to their content.
func WriteXLSX(w io.Writer, sheet IndicatorSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), SheetName); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF3"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, width := range columnWidths(sheet) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if len(sheet.Header) > 0 {
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	values := make([]any, len(sheet.Header))
	for i, name := range sheet.Header {
		values[i] = excelize.Cell{StyleID: bold, Value: name}
	}
	if err := sw.SetRow("A1", values, excelize.RowOpts{Height: 20}); err != nil {
		return fmt.Errorf("write xlsx header: %w", err)
	}
	progress := sheet.Column(ColProgress)
	for r, row := range sheet.Rows {
		values = make([]any, len(row.Cells))
		for i, c := range row.Cells {
			switch {
			case c.Number != nil && (math.IsNaN(*c.Number) || math.IsInf(*c.Number, 0)):
				values[i] = nil
			case c.Number != nil && i == progress:
				values[i] = excelize.Cell{StyleID: percent, Value: *c.Number}
			case c.Number != nil:
				values[i] = *c.Number
			case c.Text != "":
				values[i] = c.Text
			default:
				values[i] = nil
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return fmt.Errorf("write xlsx row %d: %w", r+2, err)
		}
		if err := sw.SetRow(cell, values); err != nil {
			return fmt.Errorf("write xlsx row %d: %w", r+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// columnWidths sizes each column to its widest cell, in Excel's character
// widths (a Chinese character counts two), within bounds.
func columnWidths(sheet IndicatorSheet) []float64 {
	widths := make([]float64, len(sheet.Header))
	for i, name := range sheet.Header {
		widths[i] = float64(cjk.Width(name))
	}
	for _, row := range sheet.Rows {
		for i, c := range row.Cells {
			if i >= len(widths) {
				break
			}
			if n := float64(cjk.Width(c.String())); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for i, name := range sheet.Header {
		limit := 30.0
		switch name {
		case ColSource, ColNote:
			limit = 60
		case ColReport:
			limit = 40
		}
		widths[i] = min(max(widths[i]+2, 6), limit)
	}
	return widths
}

// utf8BOM starts a CSV export so that Excel and WPS read it as UTF-8.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// WriteCSV writes a sheet as CSV: UTF-8 with a byte-order mark, CRLF line
// ends and RFC 4180 quoting, numbers without exponent.
func WriteCSV(w io.Writer, sheet IndicatorSheet) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(utf8BOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(sheet.Header); err != nil {
		return fmt.Errorf("write csv header: %w", err)
	}
	record := make([]string, 0, len(sheet.Header))
	for _, row := range sheet.Rows {
		record = record[:0]
		for _, c := range row.Cells {
			if c.Number != nil && (math.IsNaN(*c.Number) || math.IsInf(*c.Number, 0)) {
				record = append(record, "")
				continue
			}
			record = append(record, c.String())
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write csv row %d: %w", row.Number, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// WriteJSON writes a sheet as a pretty-printed JSON array with one object
// per row, keyed by the column names in column order: numbers as JSON
// numbers (null when empty), text as strings, without HTML escaping.
func WriteJSON(w io.Writer, sheet IndicatorSheet) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	str := func(s string) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(s); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	keys := make([][]byte, len(sheet.Header))
	for i, name := range sheet.Header {
		k, err := str(name)
		if err != nil {
			return fmt.Errorf("write json header: %w", err)
		}
		keys[i] = bytes.Clone(k)
	}
	bw.WriteString("[")
	for r, row := range sheet.Rows {
		if r > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for i, name := range sheet.Header {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(keys[i])
			bw.WriteString(": ")
			var c Cell
			if i < len(row.Cells) {
				c = row.Cells[i]
			}
			switch {
			case c.Number != nil && !math.IsNaN(*c.Number) && !math.IsInf(*c.Number, 0):
				bw.WriteString(formatNumber(*c.Number))
			case c.Number != nil || IsNumberColumn(name) && c.Text == "":
				bw.WriteString("null")
			default:
				v, err := str(c.Text)
				if err != nil {
					return fmt.Errorf("write json row %d: %w", row.Number, err)
				}
				bw.Write(v)
			}
		}
		bw.WriteString("\n  }")
	}
	if len(sheet.Rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// ReadIndicatorFile reads a sheet from an .xlsx, .csv or .json file, by its
// extension, and checks that its header has the columns an import needs.
// Any failure is a *SheetError whose Kind says what is wrong.
func ReadIndicatorFile(path string) (IndicatorSheet, error) {
	format, ok := SheetFormatOf(path)
	if !ok {
		return IndicatorSheet{}, &SheetError{Path: path, Kind: ErrSheetType, Err: fmt.Errorf("extension %q", filepath.Ext(path))}
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Path: path, Kind: ErrSheetUnreadable, Err: err}
	}
	var sheet IndicatorSheet
	switch format {
	case FormatXLSX:
		sheet, err = ReadXLSX(bytes.NewReader(content))
	case FormatCSV:
		sheet, err = ReadCSV(bytes.NewReader(content))
	case FormatJSON:
		sheet, err = ReadJSON(bytes.NewReader(content))
	}
	if err == nil {
		err = sheet.CheckHeader()
	}
	if err != nil {
		var se *SheetError
		if errors.As(err, &se) {
			se.Path = path
			return IndicatorSheet{}, se
		}
		return IndicatorSheet{}, &SheetError{Path: path, Kind: ErrSheetDamaged, Err: err}
	}
	return sheet, nil
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

// newSheet builds a sheet from rows of text, the first being the header,
// numbering rows from 1 and leaving out rows with nothing written. number
// gives the raw text of a number column's cell where it differs from text.
func newSheet(rows [][]string, number func(row, col int) string) IndicatorSheet {
	if len(rows) == 0 {
		return IndicatorSheet{}
	}
	header := make([]string, len(rows[0]))
	for i, h := range rows[0] {
		header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	for len(header) > 0 && header[len(header)-1] == "" {
		header = header[:len(header)-1]
	}
	sheet := IndicatorSheet{Header: header}
	for r := 1; r < len(rows); r++ {
		cells := make([]Cell, 0, len(header))
		blank := true
		for i, text := range rows[r] {
			if i >= len(header) {
				break
			}
			c := Cell{Text: text}
			if IsNumberColumn(header[i]) {
				if number != nil {
					c.Text = number(r, i)
				}
				if v, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
					c.Number = &v
				}
			}
			if !c.IsEmpty() {
				blank = false
			}
			cells = append(cells, c)
		}
		if !blank {
			sheet.Rows = append(sheet.Rows, SheetRow{Number: r + 1, Cells: cells})
		}
	}
	return sheet
}

// ReadXLSX reads a sheet from an Excel workbook: the worksheet 指标 if there
// is one, the first otherwise, with its header in row 1. Text columns are
// read as displayed; number columns as the stored value.
func ReadXLSX(r io.Reader) (IndicatorSheet, error) {
	// A sheet of indicators is small; the limits refuse a zip bomb early.
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	defer f.Close()
	name := SheetName
	if i, err := f.GetSheetIndex(name); err != nil || i < 0 {
		list := f.GetSheetList()
		if len(list) == 0 {
			return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: errors.New("the workbook has no worksheet")}
		}
		name = list[0]
	}
	shown, err := f.GetRows(name)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	raw, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	return newSheet(shown, func(row, col int) string {
		if row < len(raw) && col < len(raw[row]) {
			return raw[row][col]
		}
		return ""
	}), nil
}

// ReadCSV reads a sheet from CSV with its header in the first record. A
// byte-order mark is optional; a file that is not UTF-8 is read as GB18030
// (what Excel and WPS write on a Chinese system) when it decodes cleanly.
func ReadCSV(r io.Reader) (IndicatorSheet, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetUnreadable, Err: err}
	}
	content = bytes.TrimPrefix(content, utf8BOM)
	if !utf8.Valid(content) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(content)
		if err != nil || bytes.ContainsRune(decoded, utf8.RuneError) {
			return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: errors.New("the file is neither UTF-8 nor GB18030 text")}
		}
		content = decoded
	}
	cr := csv.NewReader(bytes.NewReader(content))
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	return newSheet(records, nil), nil
}

// ReadJSON reads a sheet from a JSON array of objects keyed by column
// names, as WriteJSON writes it: strings, numbers or null. The header lists
// the keys in the order they first appear; the first object is row 2.
func ReadJSON(r io.Reader) (IndicatorSheet, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	damaged := func(err error) (IndicatorSheet, error) {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	expect := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			return fmt.Errorf("at offset %d: want %q, found %v", dec.InputOffset(), want, tok)
		}
		return nil
	}
	if err := expect('['); err != nil {
		return damaged(err)
	}
	columns := map[string]int{}
	var header []string
	var rows [][]string
	for dec.More() {
		if err := expect('{'); err != nil {
			return damaged(fmt.Errorf("row %d: %w", len(rows)+2, err))
		}
		row := make([]string, len(header))
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return damaged(fmt.Errorf("row %d: %w", len(rows)+2, err))
			}
			key, _ := tok.(string)
			var v any
			if err := dec.Decode(&v); err != nil {
				return damaged(fmt.Errorf("row %d, %s: %w", len(rows)+2, key, err))
			}
			var text string
			switch v := v.(type) {
			case string:
				text = v
			case json.Number:
				text = v.String()
			case nil:
			default:
				return damaged(fmt.Errorf("row %d, %s: a %T where text or a number belongs", len(rows)+2, key, v))
			}
			i, ok := columns[key]
			if !ok {
				i = len(header)
				columns[key] = i
				header = append(header, key)
			}
			for len(row) <= i {
				row = append(row, "")
			}
			row[i] = text
		}
		if err := expect('}'); err != nil {
			return damaged(fmt.Errorf("row %d: %w", len(rows)+2, err))
		}
		rows = append(rows, row)
	}
	if err := expect(']'); err != nil {
		return damaged(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return damaged(fmt.Errorf("text after the array at offset %d", dec.InputOffset()))
	}
	if len(rows) == 0 {
		return IndicatorSheet{Header: IndicatorColumns()}, nil
	}
	return newSheet(append([][]string{header}, rows...), nil), nil
}

// ImportAction is what importing a row does.
type ImportAction string

// The import actions.
const (
	// ImportUpdate edits an existing indicator.
	ImportUpdate ImportAction = "update"
	// ImportCreate adds a new indicator to a section.
	ImportCreate ImportAction = "create"
	// ImportUnchanged leaves an existing indicator as it is.
	ImportUnchanged ImportAction = "unchanged"
)

// Errors of an import plan's rows, and of applying a plan. A RowError wraps
// one of these or an Indicator.Set *FieldError.
var (
	// ErrBadIndicatorID means the 指标ID cell is not a whole number.
	ErrBadIndicatorID = errors.New("indicator id is not a whole number")
	// ErrUnknownIndicator means no indicator of the report has the row's 指标ID.
	ErrUnknownIndicator = errors.New("no such indicator in the report")
	// ErrDuplicateIndicator means two rows name the same 指标ID.
	ErrDuplicateIndicator = errors.New("indicator appears in an earlier row")
	// ErrNoSection means the row has no 指标ID and its 章节 is empty or
	// names no section of the report.
	ErrNoSection = errors.New("no section of the report has this heading")
	// ErrAmbiguousSection means several sections of the report have the heading.
	ErrAmbiguousSection = errors.New("several sections of the report have this heading")
	// ErrOtherSection means the row's 章节 is not the section its indicator is in;
	// an import does not move indicators.
	ErrOtherSection = errors.New("indicator is in another section")
	// ErrConflictingChanges means a row's changes cannot be made one field
	// at a time, each edit leaving a valid indicator.
	ErrConflictingChanges = errors.New("changes cannot be applied one at a time")
	// ErrPlanHasErrors means ApplyIndicatorImport was given a plan with row errors.
	ErrPlanHasErrors = errors.New("import plan has errors")
	// ErrPlanStale means an indicator changed after its import was planned.
	ErrPlanStale = errors.New("indicator changed since the import was planned")
)

// RowError is a problem with one cell of an imported sheet.
type RowError struct {
	// Row is the row's number, the header being row 1.
	Row int
	// Column names the column at fault.
	Column string
	// Text is the cell's text.
	Text string
	// Err is a *FieldError from Indicator.Set or one of the ErrBadIndicatorID…ErrConflictingChanges sentinels.
	Err error
}

// Error names the row and column.
func (e *RowError) Error() string {
	return fmt.Sprintf("row %d, column %s (%q): %v", e.Row, e.Column, e.Text, e.Err)
}

// Unwrap exposes the cause.
func (e *RowError) Unwrap() error { return e.Err }

// FieldChange is one field an import changes: its text before and after.
type FieldChange struct {
	// Field is the field changed.
	Field plan.Field
	// Column is the sheet column the new text came from.
	Column string
	// Old is the stored text before (empty for a new indicator).
	Old string
	// New is the stored text after.
	New string
}

// PlanRow is what importing one sheet row will do.
type PlanRow struct {
	// Row is the row's number, the header being row 1.
	Row int
	// Action is what the row does; with Errors it does nothing.
	Action ImportAction
	// IndicatorID is the indicator updated or left unchanged; 0 for a new one.
	IndicatorID int64
	// SectionID is the section of the indicator, if it was found.
	SectionID int64
	// Name is the indicator's name after the import (or as the row gives it).
	Name string
	// Changes are the fields that change, in the order they will be applied.
	Changes []FieldChange
	// Errors are the row's problems; a plan with any cannot be applied.
	Errors []*RowError

	// Want is the indicator as the row leaves it, every field checked.
	Want plan.Indicator
	// SetsState says the row gives the indicator's state (确认状态), which
	// then wins over the confirmation an edit implies.
	SetsState bool
}

// ImportPlan is what importing a sheet into a report will do, row by row.
// PlanIndicatorImport makes it; ApplyIndicatorImport carries it out.
type ImportPlan struct {
	// ReportID is the report the rows are imported into.
	ReportID int64
	// Rows are the sheet's rows with something written in them, in order.
	Rows []PlanRow
}

// Count returns how many rows without errors have the action.
func (p ImportPlan) Count(a ImportAction) int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == a && len(r.Errors) == 0 {
			n++
		}
	}
	return n
}

// ErrorRows returns how many rows have errors.
func (p ImportPlan) ErrorRows() int {
	n := 0
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			n++
		}
	}
	return n
}

// Errors returns every row error of the plan, in row order.
func (p ImportPlan) Errors() []*RowError {
	var all []*RowError
	for _, r := range p.Rows {
		all = append(all, r.Errors...)
	}
	return all
}

// valueFields are the fields read as numbers.
var valueFields = []plan.Field{plan.FieldBaseline, plan.FieldTarget, plan.FieldMidterm}

// Plan works out what importing a sheet into a report would do, given the
// report's sections and indicators; it changes nothing. A row with a 指标ID
// updates that indicator of the report; a row without one adds an
// indicator to the section whose heading is its 章节. Every field is
// checked with Indicator.Set; a problem is a RowError naming the row and
// column, and no row is ever dropped. The text as written (…原文) wins over
// the number column beside it, which is used only when the text cell is
// empty. 报告ID, 报告, 进度 and 状态 are derived and ignored; 来源 is kept
// only for new indicators. Columns the sheet lacks leave their fields as
// they are; an empty cell empties its field, except 方向 and 确认状态, which
// an empty cell leaves as they are. The caller checks the header first
// (CheckHeader).
func Plan(sh IndicatorSheet, reportID int64, sections []plan.Section, list []plan.Indicator) ImportPlan {
	pl := planner{
		sheet:      sh,
		reportID:   reportID,
		byID:       make(map[int64]plan.Indicator, len(list)),
		byHeading:  make(map[string][]int64),
		headingOf:  make(map[int64]string, len(sections)),
		seenInRows: make(map[int64]int),
	}
	for _, ind := range list {
		pl.byID[ind.ID] = ind
	}
	for _, sec := range sections {
		h := sec.Heading()
		pl.byHeading[h] = append(pl.byHeading[h], sec.ID)
		pl.headingOf[sec.ID] = h
	}
	p := ImportPlan{ReportID: reportID}
	for _, row := range sh.Rows {
		p.Rows = append(p.Rows, pl.planRow(row))
	}
	return p
}

type planner struct {
	sheet      IndicatorSheet
	reportID   int64
	byID       map[int64]plan.Indicator
	byHeading  map[string][]int64
	headingOf  map[int64]string
	seenInRows map[int64]int // indicator id → the row that named it first
}

// cell returns a row's trimmed text in a column, and whether the sheet has
// the column at all.
func (pl *planner) cell(row SheetRow, column string) (Cell, bool) {
	i := pl.sheet.Column(column)
	if i < 0 {
		return Cell{}, false
	}
	if i >= len(row.Cells) {
		return Cell{}, true
	}
	c := row.Cells[i]
	c.Text = strings.TrimSpace(c.Text)
	return c, true
}

func (pl *planner) planRow(row SheetRow) PlanRow {
	pr := PlanRow{Row: row.Number}
	fail := func(column, text string, err error) {
		pr.Errors = append(pr.Errors, &RowError{Row: row.Number, Column: column, Text: text, Err: err})
	}

	// Which indicator, or which section for a new one.
	var existing *plan.Indicator
	idCell, _ := pl.cell(row, ColIndicatorID)
	heading, hasSection := pl.cell(row, ColSection)
	if idText := idCell.String(); idText != "" {
		pr.Action = ImportUpdate
		id, err := strconv.ParseInt(strings.TrimSpace(idText), 10, 64)
		switch ind, ok := pl.byID[id]; {
		case err != nil:
			fail(ColIndicatorID, idText, ErrBadIndicatorID)
		case !ok:
			fail(ColIndicatorID, idText, ErrUnknownIndicator)
		case pl.seenInRows[id] != 0:
			fail(ColIndicatorID, idText, fmt.Errorf("%w (row %d)", ErrDuplicateIndicator, pl.seenInRows[id]))
		default:
			pl.seenInRows[id] = row.Number
			existing = &ind
			pr.IndicatorID, pr.SectionID, pr.Name = ind.ID, ind.SectionID, ind.Name
			if hasSection && heading.Text != "" && heading.Text != pl.headingOf[ind.SectionID] {
				fail(ColSection, heading.Text, fmt.Errorf("%w %q", ErrOtherSection, pl.headingOf[ind.SectionID]))
			}
		}
	} else {
		pr.Action = ImportCreate
		switch ids := pl.byHeading[heading.Text]; {
		case heading.Text == "" || len(ids) == 0:
			fail(ColSection, heading.Text, ErrNoSection)
		case len(ids) > 1:
			fail(ColSection, heading.Text, ErrAmbiguousSection)
		default:
			pr.SectionID = ids[0]
		}
	}

	// The indicator as the row leaves it: every field the sheet has a column
	// for, as written.
	var want plan.Indicator
	if existing != nil {
		want = *existing
	} else {
		want = plan.Indicator{ReportID: pl.reportID, SectionID: pr.SectionID, Direction: plan.DirectionUp, State: plan.StateConfirmed}
		if c, ok := pl.cell(row, ColSource); ok {
			want.Source = c.Text
		}
	}
	given := make(map[plan.Field]string) // field → the column its text came from
	for _, fc := range fieldColumns {
		text, textOK := pl.cell(row, fc.text)
		column := fc.text
		if fc.number != "" {
			if num, ok := pl.cell(row, fc.number); ok && (!textOK || text.Text == "") && !num.IsEmpty() {
				text, textOK, column = Cell{Text: strings.TrimSpace(num.String())}, true, fc.number
			}
		}
		if !textOK {
			continue
		}
		if text.Text == "" && (fc.field == plan.FieldDirection || fc.field == plan.FieldState) {
			continue
		}
		want.Put(fc.field, storedText(fc.field, text.Text))
		given[fc.field] = column
		if fc.field == plan.FieldState {
			pr.SetsState = true
		}
	}
	pr.Name = want.Name

	// Check each field given on its own, in the context of the others (unit,
	// name, target kind) but without the other values, so that every bad
	// cell is reported, not only the first.
	reported := make(map[plan.Field]bool)
	for _, f := range plan.Fields() {
		column, ok := given[f]
		if !ok {
			continue
		}
		probe := want
		for _, vf := range valueFields {
			if vf != f {
				probe.Put(vf, "")
			}
		}
		if err := probe.Set(f, want.Get(f)); err != nil {
			fail(column, want.Get(f), err)
			reported[f] = true
		}
	}
	if len(reported) == 0 {
		// All together: a new unit must suit the values the row leaves as they are.
		if err := want.ReadValues(); err != nil {
			f := plan.FieldName
			var fe *plan.FieldError
			if errors.As(err, &fe) {
				f = fe.Field
			}
			column, ok := given[f]
			if !ok {
				column = ColumnOf(f)
			}
			fail(column, want.Get(f), err)
		}
	}
	if len(pr.Errors) > 0 {
		return pr
	}
	pr.Want = want

	if existing == nil {
		for _, f := range plan.Fields() {
			if v := want.Get(f); v != "" {
				column, ok := given[f]
				if !ok {
					column = ColumnOf(f)
				}
				pr.Changes = append(pr.Changes, FieldChange{Field: f, Column: column, New: v})
			}
		}
		return pr
	}
	pr.Changes, pr.Errors = orderChanges(*existing, want, given, row.Number)
	if len(pr.Changes) == 0 && len(pr.Errors) == 0 {
		pr.Action = ImportUnchanged
	}
	return pr
}

// orderChanges lists the fields in which want differs from existing, in an
// order in which editing them one by one (as editIndicator does) leaves a
// valid indicator after every step: a new unit may need its new values
// first, or the other way round. The state comes last.
func orderChanges(existing, want plan.Indicator, given map[plan.Field]string, row int) ([]FieldChange, []*RowError) {
	var pending []FieldChange
	var state *FieldChange
	for _, f := range plan.Fields() {
		if existing.Get(f) == want.Get(f) {
			continue
		}
		ch := FieldChange{Field: f, Column: given[f], Old: existing.Get(f), New: want.Get(f)}
		if ch.Column == "" {
			ch.Column = ColumnOf(f)
		}
		if f == plan.FieldState {
			state = &ch
			continue
		}
		pending = append(pending, ch)
	}
	var ordered []FieldChange
	cur := existing
	for len(pending) > 0 {
		var firstErr error
		applied := -1
		for i, ch := range pending {
			trial := cur
			err := trial.Set(ch.Field, ch.New)
			if err == nil {
				cur, applied = trial, i
				break
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		if applied < 0 {
			return nil, []*RowError{{Row: row, Column: pending[0].Column, Text: pending[0].New,
				Err: fmt.Errorf("%w: %w", ErrConflictingChanges, firstErr)}}
		}
		ordered = append(ordered, pending[applied])
		pending = append(pending[:applied], pending[applied+1:]...)
	}
	if state != nil {
		ordered = append(ordered, *state)
	}
	return ordered, nil
}
