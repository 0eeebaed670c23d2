package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"

	"plandesk/cjk"
)

// utf8BOM starts a CSV export so that Excel and WPS read it as UTF-8.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// WriteCSV writes a sheet as CSV: UTF-8 with a byte-order mark, CRLF line
// ends and RFC 4180 quoting, numbers without exponent. A text that a
// spreadsheet would run as a formula is written behind an apostrophe
// (guardFormula), and ReadCSV takes it off again.
func WriteCSV(w io.Writer, sheet IndicatorSheet) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(utf8BOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := writeCSVRows(cw, sheet); err != nil {
		return err
	}
	if sheet.Projects != nil {
		// The projects follow after an empty line, under their own header,
		// which ReadCSV stops at; their records are as wide as the
		// indicators' so that a reader wanting every record alike (Go's,
		// pandas') reads the file.
		cw.Flush()
		if _, err := bw.WriteString("\r\n"); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		if err := writeCSVRows(cw, padded(*sheet.Projects, len(sheet.Header))); err != nil {
			return err
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

// writeCSVRows writes a header and its rows.
func writeCSVRows(cw *csv.Writer, sheet IndicatorSheet) error {
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
			text := c.String()
			if c.Number == nil {
				text = guardFormula(text)
			}
			record = append(record, text)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write csv row %d: %w", row.Number, err)
		}
	}
	return nil
}

// ReadCSV reads a sheet from CSV with its header in the first record, in
// any encoding cjk.Decode reads (UTF-8, UTF-16 with its mark, GB18030).
func ReadCSV(r io.Reader) (IndicatorSheet, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetUnreadable, Err: err}
	}
	content, ok := cjk.Decode(content)
	if !ok {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: errors.New("the file is neither UTF-8, UTF-16 nor GB18030 text")}
	}
	cr := csv.NewReader(bytes.NewReader(content))
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		return IndicatorSheet{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	for i, record := range records {
		if i > 0 && isProjectHeader(record) {
			records = records[:i] // the projects an export adds are not imported
			break
		}
	}
	for _, record := range records {
		for i := range record {
			record[i] = unguardFormula(record[i])
		}
	}
	return newSheet(records), nil
}

// guardFormula neutralises a text cell that Excel or WPS would read as a
// formula when they open the CSV (=HYPERLINK(…), =cmd|'/C calc'!A0, +1,
// -1, @SUM): as OWASP recommends, an apostrophe in front makes it text.
// A text that already begins with an apostrophe before such a character
// gets one more, so unguardFormula can always tell them apart and a round
// trip gives back every text exactly.
func guardFormula(s string) string {
	if startsFormula(s) {
		return "'" + s
	}
	return s
}

// unguardFormula takes off the apostrophe guardFormula put in front.
func unguardFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && startsFormula(s[1:]) {
		return s[1:]
	}
	return s
}

// startsFormula reports whether a spreadsheet would read s as a formula,
// or s is one behind apostrophes.
func startsFormula(s string) bool {
	for len(s) > 0 && s[0] == '\'' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// padded is a sheet whose header and rows have at least width cells.
func padded(sheet IndicatorSheet, width int) IndicatorSheet {
	out := IndicatorSheet{Header: sheet.Header, Rows: make([]SheetRow, len(sheet.Rows))}
	for len(out.Header) < width {
		out.Header = append(out.Header[:len(out.Header):len(out.Header)], "")
	}
	for i, row := range sheet.Rows {
		cells := row.Cells
		for len(cells) < width {
			cells = append(cells[:len(cells):len(cells)], Cell{})
		}
		out.Rows[i] = SheetRow{Number: row.Number, Cells: cells}
	}
	return out
}
