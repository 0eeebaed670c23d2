package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"plandesk/cjk"
)

// The readers below give a table that is not an indicator sheet (a plan's
// main-indicator table, 纲要指标表) as rows of cell text, leaving it to the
// caller to find its header: such a table has a title row above the header,
// a header over two rows, cells merged over several rows. They keep the
// limits an indicator sheet is read with.

// MaxTableBytes is the most bytes a CSV table may hold: what a workbook may
// unpack to, so that neither format reads more than the other.
const MaxTableBytes = xlsxUnzipLimit

// tableLimit is the row limit a table is read with: limit, within
// MaxSheetRows.
func tableLimit(limit int) int {
	if limit <= 0 || limit > MaxSheetRows {
		return MaxSheetRows
	}
	return limit
}

// ReadTableFile reads the rows of a table from an .xlsx file (its first
// worksheet) or a .csv file, by the extension. Row i of the result is the
// spreadsheet's row i+1, empty rows included, so that a caller's messages
// can name rows as the spreadsheet does; trailing empty rows and cells are
// cut. A table with more than limit rows holding something (at most
// MaxSheetRows; 0 means that) is refused. Any failure is a *SheetError.
func ReadTableFile(path string, limit int) ([][]string, error) {
	format, ok := SheetFormatOf(path)
	if !ok || format == FormatJSON {
		return nil, &SheetError{Path: path, Kind: ErrSheetType, Err: fmt.Errorf("extension %q", filepath.Ext(path))}
	}
	content, err := readLimited(path, MaxTableBytes)
	if errors.Is(err, errTooManyBytes) {
		return nil, &SheetError{Path: path, Kind: ErrSheetTooLarge, Err: err}
	}
	if err != nil {
		return nil, &SheetError{Path: path, Kind: ErrSheetUnreadable, Err: err}
	}
	var rows [][]string
	if format == FormatXLSX {
		rows, err = ReadXLSXTable(content, limit)
	} else {
		rows, err = ReadCSVTable(content, limit)
	}
	var se *SheetError
	if errors.As(err, &se) {
		se.Path = path
	}
	return rows, err
}

// errTooManyBytes refuses a file larger than a table is read from.
var errTooManyBytes = errors.New("the file is larger than a table is read from")

// readLimited reads a file whole, refusing from its size one over max
// bytes before reading any of it.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%d bytes, more than %d: %w", info.Size(), max, errTooManyBytes)
	}
	// The size may grow while it is read; never read past the limit.
	content, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(content)) > max {
		err = fmt.Errorf("more than %d bytes: %w", max, errTooManyBytes)
	}
	return content, err
}

// ReadXLSXTable reads the first worksheet of a workbook as rows of cell
// text, as displayed (5.5% for a number formatted as a percentage). A cell
// merged over several rows or columns holds its text in its first cell
// only; the others read empty. It stops, with a *SheetError of kind
// ErrSheetTooLarge, at the first row past limit rows holding something.
func ReadXLSXTable(content []byte, limit int) ([][]string, error) {
	limit = tableLimit(limit)
	f, err := excelize.OpenReader(bytes.NewReader(content), xlsxOpenOptions)
	if err != nil {
		return nil, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, &SheetError{Kind: ErrSheetDamaged, Err: errors.New("the workbook has no worksheet")}
	}
	rows, err := f.Rows(names[0])
	if err != nil {
		return nil, &SheetError{Kind: ErrSheetDamaged, Err: fmt.Errorf("worksheet %s: %w", names[0], err)}
	}
	defer rows.Close()
	var t tableRows
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, &SheetError{Kind: ErrSheetDamaged, Err: fmt.Errorf("worksheet %s, row %d: %w", names[0], n, err)}
		}
		if err := t.add(cells, limit); err != nil {
			return nil, err
		}
	}
	// The iterator stops at an error without saying so; a table cut short
	// must not pass for a whole one.
	if err := rows.Error(); err != nil {
		return nil, &SheetError{Kind: ErrSheetDamaged, Err: fmt.Errorf("worksheet %s: %w", names[0], err)}
	}
	return t.done(), nil
}

// ReadCSVTable reads a CSV table as rows of cell text, in any encoding
// cjk.Decode reads (UTF-8 with or without its mark, UTF-16 with its mark,
// GB18030), refusing it past limit rows holding something as
// ReadXLSXTable does.
func ReadCSVTable(content []byte, limit int) ([][]string, error) {
	limit = tableLimit(limit)
	content, ok := cjk.Decode(content)
	if !ok {
		return nil, &SheetError{Kind: ErrSheetDamaged, Err: errors.New("the file is neither UTF-8, UTF-16 nor GB18030 text")}
	}
	cr := csv.NewReader(bytes.NewReader(content))
	cr.FieldsPerRecord = -1
	var t tableRows
	lastLine := 0 // the line the previous record ended on
	for {
		record, err := cr.Read()
		if err == io.EOF {
			return t.done(), nil
		}
		if err != nil {
			return nil, &SheetError{Kind: ErrSheetDamaged, Err: err}
		}
		// The reader skips empty lines, which a spreadsheet shows as empty
		// rows: put them back so rows are numbered as Excel numbers them.
		line, _ := cr.FieldPos(0)
		for ; lastLine+1 < line; lastLine++ {
			t.rows = append(t.rows, nil)
		}
		end, _ := cr.FieldPos(len(record) - 1)
		lastLine = end + strings.Count(record[len(record)-1], "\n")
		if err := t.add(record, limit); err != nil {
			return nil, err
		}
	}
}

// tableRows collects a table's rows, counting those that hold something.
type tableRows struct {
	rows    [][]string
	written int
}

// add takes the next row, its trailing empty cells cut; past limit rows
// holding something it refuses the table.
func (t *tableRows) add(cells []string, limit int) error {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) > 0 {
		if t.written == limit {
			return &SheetError{Kind: ErrSheetTooLarge, Err: &TooManyRowsError{Limit: limit}}
		}
		t.written++
	}
	t.rows = append(t.rows, cells)
	return nil
}

// done returns the rows without the empty ones at the end.
func (t *tableRows) done() [][]string {
	rows := t.rows
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}
