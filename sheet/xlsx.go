package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"plandesk/cjk"
)

// SheetName is the name of the worksheet an .xlsx export holds.
const SheetName = "指标"

// WriteXLSX writes a sheet as an Excel workbook with one worksheet (指标),
// and a second (项目) when the sheet holds projects: a bold, frozen header
// row, numbers as numeric cells (进度 shown as a percentage), text as text,
// and columns sized to their content.
func WriteXLSX(w io.Writer, sheet IndicatorSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), SheetName); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	styles, err := newXLSXStyles(f)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := writeXLSXSheet(f, SheetName, sheet, styles); err != nil {
		return err
	}
	if sheet.Projects != nil {
		if _, err := f.NewSheet(ProjectSheetName); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		if err := writeXLSXSheet(f, ProjectSheetName, *sheet.Projects, styles); err != nil {
			return err
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// writeXLSXSheet streams a sheet's header and rows into worksheet name.
func writeXLSXSheet(f *excelize.File, name string, sheet IndicatorSheet, styles xlsxStyles) error {
	// The stream writer copies the sheet's declared dimension when it
	// starts, A1 unless told: readers that trust it (openpyxl read-only,
	// some BI tools) would see an empty sheet.
	last, err := excelize.CoordinatesToCellName(max(len(sheet.Header), 1), len(sheet.Rows)+1)
	if err == nil {
		err = f.SetSheetDimension(name, "A1:"+last)
	}
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := setXLSXLayout(sw, sheet); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := fitsXLSX(sheet); err != nil {
		return err
	}
	if err := writeXLSXRows(sw, sheet, styles); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// xlsxStyles are the styles an export uses; a workbook knows its styles by
// the ids it hands out, so they are made once per file.
type xlsxStyles struct {
	bold    int // the header row
	percent int // the 进度 column
}

// newXLSXStyles adds the export's styles to f.
func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF3"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return xlsxStyles{}, err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return xlsxStyles{}, err
	}
	return xlsxStyles{bold: bold, percent: percent}, nil
}

// setXLSXLayout sizes the columns and freezes the header row. A stream
// writer takes both only before its first row.
func setXLSXLayout(sw *excelize.StreamWriter, sheet IndicatorSheet) error {
	for i, width := range columnWidths(sheet) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if len(sheet.Header) > 0 {
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}
	return nil
}

// writeXLSXRows writes the header row and then one row per indicator; an
// error names the row it failed at.
func writeXLSXRows(sw *excelize.StreamWriter, sheet IndicatorSheet, styles xlsxStyles) error {
	values := make([]any, len(sheet.Header))
	for i, name := range sheet.Header {
		values[i] = excelize.Cell{StyleID: styles.bold, Value: name}
	}
	if err := sw.SetRow("A1", values, excelize.RowOpts{Height: 20}); err != nil {
		return fmt.Errorf("write xlsx header: %w", err)
	}
	percent := []int{sheet.Column(ColProgress), sheet.Column(ColNeededRate)}
	for r, row := range sheet.Rows {
		values = xlsxValues(row, percent, styles)
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return fmt.Errorf("write xlsx row %d: %w", r+2, err)
		}
		if err := sw.SetRow(cell, values); err != nil {
			return fmt.Errorf("write xlsx row %d: %w", r+2, err)
		}
	}
	return nil
}

// xlsxValues is a row's cells as the stream writer takes them. A number
// that is not finite is left empty: a workbook cannot hold NaN or ±Inf.
func xlsxValues(row SheetRow, percent []int, styles xlsxStyles) []any {
	values := make([]any, len(row.Cells))
	for i, c := range row.Cells {
		switch {
		case c.Number != nil && (math.IsNaN(*c.Number) || math.IsInf(*c.Number, 0)):
			values[i] = nil
		case c.Number != nil && slices.Contains(percent, i):
			values[i] = excelize.Cell{StyleID: styles.percent, Value: *c.Number}
		case c.Number != nil:
			values[i] = *c.Number
		case c.Text != "":
			values[i] = c.Text
		default:
			values[i] = nil
		}
	}
	return values
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

// MaxSheetRows is the most rows below the header a workbook import reads.
// A report has tens to a few thousand indicators; a sheet far past that is
// not one of indicators, and reading it whole would hold it all in memory.
const MaxSheetRows = 50000

// TooManyRowsError refuses a sheet with more rows than an import reads;
// reading stopped at the first row past the limit.
type TooManyRowsError struct {
	// Limit is the most rows below the header a sheet may hold (MaxSheetRows).
	Limit int
}

func (e *TooManyRowsError) Error() string {
	return fmt.Sprintf("more than %d rows below the header", e.Limit)
}

// xlsxOpenOptions are the limits excelize opens a workbook with. Beyond
// refusing a zip bomb, a worksheet or string table over UnzipXMLSizeLimit
// is unpacked to a temporary file and streamed from there instead of being
// held in memory whole. 4 MB keeps the string table of a few thousand
// indicators in memory (a lookup from the file costs a read each) and
// spills that of tens of thousands, which unpacked in memory is ten times
// its size. Measured peak RSS against 16 MB: 65 MB instead of 82 MB for
// 10,000 full rows at the same speed; 180 MB instead of 295 MB for 50,000,
// taking about 15% longer.
var xlsxOpenOptions = excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: 4 << 20}

// ReadXLSX reads a sheet from an Excel workbook: the worksheet 指标 if there
// is one, the first otherwise, with its header in row 1. Text columns are
// read as displayed; number columns as the stored value. A formula cell
// without a cached value is flagged Uncalculated. A sheet with more than
// MaxSheetRows rows below the header is refused with a *SheetError of kind
// ErrSheetTooLarge, whose Err is a *TooManyRowsError.
func ReadXLSX(r io.Reader) (IndicatorSheet, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetUnreadable, Err: err}
	}
	return readXLSX(content, MaxSheetRows)
}

// readXLSX is ReadXLSX of a workbook already in memory (ReadIndicatorFile
// reads the file whole, and a copy would double it), with the row limit as
// a parameter for tests.
func readXLSX(content []byte, limit int) (IndicatorSheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	name, part, err := chooseWorksheet(zr)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	scan, err := scanWorksheet(zr, part, limit)
	if err != nil {
		return IndicatorSheet{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(content), xlsxOpenOptions)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	defer f.Close()
	sheet, err := readXLSXRows(f, name, scan, limit)
	if err != nil {
		var se *SheetError
		if errors.As(err, &se) {
			return IndicatorSheet{}, err
		}
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: fmt.Errorf("worksheet %s: %w", name, err)}
	}
	return sheet, nil
}

// readXLSXRows streams a worksheet's rows into a sheet. Two iterators go
// through it side by side, one giving each cell as displayed and one as
// stored, so every row is read once for each but the sheet is never held
// whole. It stops past limit rows, as the first pass does (which counts a
// little more generously, so this is only a second guard).
func readXLSXRows(f *excelize.File, name string, scan xlsxScan, limit int) (IndicatorSheet, error) {
	shown, err := f.Rows(name)
	if err != nil {
		return IndicatorSheet{}, err
	}
	defer shown.Close()
	raw, err := f.Rows(name)
	if err != nil {
		return IndicatorSheet{}, err
	}
	defer raw.Close()
	var sheet IndicatorSheet
	for row := 1; shown.Next(); row++ {
		if !raw.Next() {
			return IndicatorSheet{}, fmt.Errorf("row %d: the two readings of the sheet disagree", row)
		}
		text, err := shown.Columns()
		if err != nil {
			return IndicatorSheet{}, fmt.Errorf("row %d: %w", row, err)
		}
		stored, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return IndicatorSheet{}, fmt.Errorf("row %d: %w", row, err)
		}
		if row == 1 {
			if sheet.Header = headerOf(text); len(sheet.Header) == 0 {
				return sheet, nil // CheckHeader refuses it; the rest is no use
			}
			continue
		}
		cells, ok := sheet.rowCells(text, stored)
		if !ok {
			continue
		}
		if len(sheet.Rows) == limit {
			return IndicatorSheet{}, &SheetError{Kind: ErrSheetTooLarge, Err: &TooManyRowsError{Limit: limit}}
		}
		sheet.Rows = append(sheet.Rows, SheetRow{Number: row, Cells: scan.mark(row, cells, len(sheet.Header))})
	}
	// The iterator stops at an error, such as a row past Excel's last
	// (1,048,576), without saying so; a sheet cut short must not pass.
	if err := shown.Error(); err != nil {
		return IndicatorSheet{}, err
	}
	return sheet, raw.Error()
}

// MaxCellText is the most characters a spreadsheet cell holds (Excel's
// limit, which WPS and LibreOffice keep to as well).
const MaxCellText = 32767

// CellTooLongError refuses an export with a text that a workbook cell
// cannot hold: writing it would cut it, and a re-import would then cut
// what is stored.
type CellTooLongError struct {
	// Row is the row's number, the header being row 1.
	Row int
	// Column names the column.
	Column string
	// Length is the text's length in characters.
	Length int
}

func (e *CellTooLongError) Error() string {
	return fmt.Sprintf("row %d, column %s: %d characters, more than a cell holds (%d)", e.Row, e.Column, e.Length, MaxCellText)
}

// fitsXLSX finds a text too long for a cell, before anything is written.
func fitsXLSX(sheet IndicatorSheet) error {
	for _, row := range sheet.Rows {
		for i, c := range row.Cells {
			if n := utf8.RuneCountInString(c.Text); n > MaxCellText && i < len(sheet.Header) {
				return &CellTooLongError{Row: row.Number, Column: sheet.Header[i], Length: n}
			}
		}
	}
	return nil
}
