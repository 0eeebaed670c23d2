package sheet

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
)

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
