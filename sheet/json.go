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
// numbers (null when empty), text as strings, without HTML escaping. A
// sheet that holds projects is written as an object instead, its
// indicators under "指标" and its projects under "项目", each such an
// array.
func WriteJSON(w io.Writer, sheet IndicatorSheet) error {
	bw := bufio.NewWriter(w)
	if sheet.Projects == nil {
		if err := writeJSONArray(bw, sheet, "\n"); err != nil {
			return err
		}
	} else {
		bw.WriteString("{\n  \"" + SheetName + "\": ")
		if err := writeJSONArray(bw, sheet, "\n  "); err != nil {
			return err
		}
		bw.WriteString(",\n  \"" + ProjectSheetName + "\": ")
		if err := writeJSONArray(bw, *sheet.Projects, "\n  "); err != nil {
			return err
		}
		bw.WriteString("\n}")
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// writeJSONArray writes a sheet's rows as an array of objects, each line
// starting with nl (a line end and the array's indent).
func writeJSONArray(bw *bufio.Writer, sheet IndicatorSheet, nl string) error {
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
		bw.WriteString(nl + "  {")
		for i, name := range sheet.Header {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString(nl + "    ")
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
		bw.WriteString(nl + "  }")
	}
	if len(sheet.Rows) > 0 {
		bw.WriteString(nl)
	}
	bw.WriteString("]")
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
	first, err := dec.Token()
	if err != nil {
		return damaged(err)
	}
	keys := jsonKeys{columns: map[string]int{}}
	var rows [][]string
	if first == json.Delim('{') {
		// An export with projects: the indicators are under 指标, and
		// the projects, which are not imported, are skipped.
		rows, err = readJSONParts(dec, &keys)
	} else if first == json.Delim('[') {
		rows, err = readJSONRows(dec, &keys)
	} else {
		err = fmt.Errorf("at offset %d: want '[' or '{', found %v", dec.InputOffset(), first)
	}
	if err != nil {
		return damaged(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return damaged(fmt.Errorf("text after the array at offset %d", dec.InputOffset()))
	}
	if len(rows) == 0 {
		return IndicatorSheet{Header: IndicatorColumns()}, nil
	}
	return newSheet(append([][]string{keys.header}, rows...)), nil
}

// readJSONRows reads the objects of an array whose '[' was read, and its ']'.
func readJSONRows(dec *json.Decoder, keys *jsonKeys) ([][]string, error) {
	var rows [][]string
	for dec.More() {
		row, err := readJSONRow(dec, keys, len(rows)+2)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, expectDelim(dec, ']')
}

// readJSONParts reads an object whose '{' was read: the rows of its 指标
// array, every other member skipped. An object without 指标 is no export.
func readJSONParts(dec *json.Decoder, keys *jsonKeys) ([][]string, error) {
	var rows [][]string
	found := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if tok != SheetName {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fmt.Errorf("%v: %w", tok, err)
			}
			continue
		}
		found = true
		if err := expectDelim(dec, '['); err != nil {
			return nil, err
		}
		if rows, err = readJSONRows(dec, keys); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, fmt.Errorf("an object without %q", SheetName)
	}
	return rows, expectDelim(dec, '}')
}

// expectDelim reads the next token, which must be want; the error gives the
// offset, since a damaged file is easiest to mend by going there.
func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("at offset %d: want %q, found %v", dec.InputOffset(), want, tok)
	}
	return nil
}

// jsonKeys gives each key a column in the order the keys first appear, so
// objects may list their keys in any order and leave some out.
type jsonKeys struct {
	header  []string
	columns map[string]int
}

// column is the index of key's column, a new one for a key not seen before.
func (k *jsonKeys) column(key string) int {
	i, ok := k.columns[key]
	if !ok {
		i = len(k.header)
		k.columns[key] = i
		k.header = append(k.header, key)
	}
	return i
}

// readJSONRow reads one object as a row of texts, the given row number
// naming it in errors. The row is as long as the header so far and grows
// with the keys it adds.
func readJSONRow(dec *json.Decoder, keys *jsonKeys, number int) ([]string, error) {
	if err := expectDelim(dec, '{'); err != nil {
		return nil, fmt.Errorf("row %d: %w", number, err)
	}
	row := make([]string, len(keys.header))
	for dec.More() {
		key, text, err := readJSONField(dec, number)
		if err != nil {
			return nil, err
		}
		i := keys.column(key)
		for len(row) <= i {
			row = append(row, "")
		}
		row[i] = text
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, fmt.Errorf("row %d: %w", number, err)
	}
	return row, nil
}

// readJSONField reads one key and its value as text: a number as written,
// since UseNumber keeps its digits, and null as empty. An array, object or
// boolean is refused: no cell holds one.
func readJSONField(dec *json.Decoder, number int) (key, text string, err error) {
	tok, err := dec.Token()
	if err != nil {
		return "", "", fmt.Errorf("row %d: %w", number, err)
	}
	key, _ = tok.(string)
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", "", fmt.Errorf("row %d, %s: %w", number, key, err)
	}
	switch v := v.(type) {
	case string:
		text = v
	case json.Number:
		text = v.String()
	case nil:
	default:
		return "", "", fmt.Errorf("row %d, %s: a %T where text or a number belongs", number, key, v)
	}
	return key, text, nil
}
