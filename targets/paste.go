package targets

import "strings"

// ParsePasted reads text copied from a spreadsheet (WPS or Excel) as rows
// of cells: lines end with CRLF, LF or a lone CR, cells are separated by
// tabs. A cell that holds a tab, a line break or a quote comes quoted, as
// Excel quotes it ("a ""b"" c"), and may run over several lines. A quote
// that does not open such a cell, or one that is not closed before the
// cell ends, is read as the character it is, so text a person typed with
// quotes in it is never lost. Trailing empty lines and trailing empty
// cells of a line are dropped.
func ParsePasted(text string) [][]string {
	text = strings.TrimPrefix(text, "\uFEFF")
	var rows [][]string
	var row []string
	for i := 0; i <= len(text); {
		cell, next, end := pastedCell(text, i)
		row = append(row, cell)
		i = next
		if end {
			rows = append(rows, trimRow(row))
			row = nil
		}
		if i >= len(text) {
			break
		}
	}
	if row != nil {
		rows = append(rows, trimRow(row))
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// pastedCell reads the cell starting at byte i: its text, where the next
// cell starts, and whether the cell ends its line (or the text).
func pastedCell(text string, i int) (cell string, next int, endOfLine bool) {
	if i < len(text) && text[i] == '"' {
		if cell, next, ok := quotedCell(text, i); ok {
			return cell, next, next >= len(text) || text[next-1] != '\t'
		}
	}
	j := i
	for j < len(text) && text[j] != '\t' && text[j] != '\n' && text[j] != '\r' {
		j++
	}
	cell = text[i:j]
	switch {
	case j >= len(text):
		return cell, j, true
	case text[j] == '\t':
		return cell, j + 1, false
	case text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n':
		return cell, j + 2, true
	}
	return cell, j + 1, true
}

// quotedCell reads a cell Excel quoted, starting at the quote at byte i:
// its text with doubled quotes made single, and where the next cell
// starts. ok is false when the quotes do not close right before a tab, a
// line end or the end of the text: the cell is then read as written.
func quotedCell(text string, i int) (cell string, next int, ok bool) {
	var b strings.Builder
	for j := i + 1; j < len(text); j++ {
		if text[j] != '"' {
			b.WriteByte(text[j])
			continue
		}
		if j+1 < len(text) && text[j+1] == '"' {
			b.WriteByte('"')
			j++
			continue
		}
		switch k := j + 1; {
		case k >= len(text):
			return b.String(), k, true
		case text[k] == '\t', text[k] == '\n':
			return b.String(), k + 1, true
		case text[k] == '\r' && k+1 < len(text) && text[k+1] == '\n':
			return b.String(), k + 2, true
		case text[k] == '\r':
			return b.String(), k + 1, true
		}
		return "", 0, false
	}
	return "", 0, false
}

// trimRow cuts a row's trailing empty cells.
func trimRow(row []string) []string {
	for len(row) > 0 && strings.TrimSpace(row[len(row)-1]) == "" {
		row = row[:len(row)-1]
	}
	return row
}
