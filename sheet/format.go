package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"plandesk/atomicfile"
	"plandesk/cnnum"
)

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
	// ErrSheetTooLarge means the sheet holds more rows than an import
	// reads (MaxSheetRows); its Err is a *TooManyRowsError.
	ErrSheetTooLarge = errors.New("sheet has too many rows")
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
func WriteIndicatorFile(path string, format SheetFormat, sheet IndicatorSheet) error {
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
	return atomicfile.Write(path, func(w io.Writer) error { return write(w, sheet) })
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
		sheet, err = readXLSX(content, MaxSheetRows)
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

// newSheet builds a sheet from rows of text, the first being the header,
// numbering rows from 1 and leaving out rows with nothing written.
func newSheet(rows [][]string) IndicatorSheet {
	if len(rows) == 0 {
		return IndicatorSheet{}
	}
	sheet := IndicatorSheet{Header: headerOf(rows[0])}
	for r := 1; r < len(rows); r++ {
		if cells, ok := sheet.rowCells(rows[r], nil); ok {
			sheet.Rows = append(sheet.Rows, SheetRow{Number: r + 1, Cells: cells})
		}
	}
	return sheet
}

// headerOf reads a header row: names trimmed, a CSV's byte-order mark
// dropped, trailing empty names cut.
func headerOf(row []string) []string {
	header := make([]string, len(row))
	for i, h := range row {
		header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	for len(header) > 0 && header[len(header)-1] == "" {
		header = header[:len(header)-1]
	}
	return header
}

// rowCells reads one row below the header: a cell per header column, up
// to the row's last; false when nothing is written in it. shown is each
// cell's text; raw, when given, is the text a number column is read from
// where it differs (a workbook's stored value rather than as displayed).
func (sh IndicatorSheet) rowCells(shown, raw []string) ([]Cell, bool) {
	cells := make([]Cell, 0, min(len(shown), len(sh.Header)))
	blank := true
	for i, text := range shown {
		if i >= len(sh.Header) {
			break
		}
		c := Cell{Text: text}
		if IsNumberColumn(sh.Header[i]) {
			if raw != nil {
				c.Text = ""
				if i < len(raw) {
					c.Text = raw[i]
				}
			}
			c.Number = plainNumber(c.Text)
		}
		if !c.IsEmpty() {
			blank = false
		}
		cells = append(cells, c)
	}
	return cells, !blank
}

// plainNumber reads a number column's cell with the grammar every value
// goes through (cnnum), as a plain number: digits, a sign, decimals and
// thousands separators, nothing else. Go's own syntax (0x1p4, 1_2_3,
// 1e-400) is not a number a report writes; such a cell stays text, and
// the import reports it as the value it cannot read.
func plainNumber(text string) *float64 {
	n, err := cnnum.ParseNumber(text, cnnum.NumberRule{})
	if err != nil || n.IsEmpty() || n.Unit != "" || n.Scale != 1 || n.Qualifier != cnnum.Exact {
		return nil
	}
	v := n.Value
	return &v
}
