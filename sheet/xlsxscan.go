package sheet

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/htmlindex"
)

// The first pass over a workbook. Before excelize unpacks anything, the
// worksheet is read once straight from the zip, streaming: to count its rows,
// refusing a sheet past the limit without reading further (excelize would
// unpack all of it first), and to find the formula cells without a cached
// value, which excelize's row iterator reads as empty and does not flag.
// It looks only at element names and a few attributes, never keeping a
// cell's text, so it needs next to no memory.

// xlsxUnzipLimit is the most bytes a workbook may unpack to. A sheet of
// indicators is small; the limit refuses a zip bomb early.
const xlsxUnzipLimit = 256 << 20

// chooseWorksheet picks the worksheet an import reads, 指标 if there is one
// and the first otherwise, and finds the part of the zip holding it, as
// excelize does: through the package's and the workbook's relationships.
func chooseWorksheet(zr *zip.Reader) (name, part string, err error) {
	book := "xl/workbook.xml"
	var rels xlsxRels
	if err := readZipXML(zr, "_rels/.rels", &rels); err != nil && !errors.Is(err, errNoPart) {
		return "", "", err
	}
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"` // r:id
		} `xml:"sheets>sheet"`
	}
	if err := readZipXML(zr, book, &wb); err != nil {
		return "", "", err
	}
	if len(wb.Sheets) == 0 {
		return "", "", errors.New("the workbook has no worksheet")
	}
	sheet := wb.Sheets[0]
	for _, s := range wb.Sheets {
		if strings.EqualFold(s.Name, SheetName) {
			sheet = s
			break
		}
	}
	rels = xlsxRels{}
	if err := readZipXML(zr, path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"), &rels); err != nil {
		return "", "", err
	}
	for _, r := range rels.Rels {
		if r.ID != sheet.RID {
			continue
		}
		target := strings.ReplaceAll(r.Target, `\`, "/")
		if !strings.HasPrefix(target, "/") {
			target = path.Join(path.Dir(book), target)
		}
		return sheet.Name, strings.TrimPrefix(path.Clean(target), "/"), nil
	}
	return "", "", fmt.Errorf("worksheet %q has no part in the workbook", sheet.Name)
}

// xlsxRels is a relationships part: which part each id of a workbook names.
type xlsxRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// errNoPart means the zip lacks a part.
var errNoPart = errors.New("no such part")

// openZipPart opens a part of the zip by name, as excelize names them
// (a backslash, written by some tools on Windows, read as a slash), once
// its declared size is known to be within the unzip limit; the zip reader
// then refuses a part that unpacks to more than it declares.
func openZipPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if strings.ReplaceAll(f.Name, `\`, "/") != name {
			continue
		}
		if f.UncompressedSize64 > xlsxUnzipLimit {
			return nil, fmt.Errorf("%s unpacks to %d bytes, more than %d", name, f.UncompressedSize64, xlsxUnzipLimit)
		}
		return f.Open()
	}
	return nil, fmt.Errorf("%s: %w", name, errNoPart)
}

// readZipXML decodes a small part of the zip into v.
func readZipXML(zr *zip.Reader, name string, v any) error {
	r, err := openZipPart(zr, name)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := newXMLDecoder(r).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// newXMLDecoder reads a part of the zip. Like excelize's, it reads a part
// declared in another encoding than UTF-8 (GBK from some older tools), so
// that the first pass refuses no workbook excelize reads.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("XML encoding %q: %w", label, err)
		}
		return enc.NewDecoder().Reader(input), nil
	}
	return d
}

// xlsxScan is what the first pass found in a worksheet.
type xlsxScan struct {
	// uncalculated holds the cells (cellKey) that have a formula but no
	// cached value, in order.
	uncalculated []uint64
}

// cellKey orders cells by row, then column (at most 16,384 in a sheet).
func cellKey(row, col int) uint64 { return uint64(row)<<16 | uint64(col) }

// mark flags the cells of a row that read empty because their formula was
// never computed. A row's cells stop at its last value, so a flagged cell
// past them extends the row.
func (s xlsxScan) mark(row int, cells []Cell, width int) []Cell {
	i, _ := slices.BinarySearch(s.uncalculated, cellKey(row, 0))
	for ; i < len(s.uncalculated) && s.uncalculated[i]>>16 == uint64(row); i++ {
		col := int(s.uncalculated[i] & 0xFFFF)
		if col > width {
			break
		}
		for len(cells) < col {
			cells = append(cells, Cell{})
		}
		if cells[col-1].IsEmpty() {
			cells[col-1] = Cell{Uncalculated: true}
		}
	}
	return cells
}

// scanWorksheet reads the worksheet part once, refusing it with
// ErrSheetTooLarge as soon as more than limit rows below the header hold
// something in the header's columns.
func scanWorksheet(zr *zip.Reader, part string, limit int) (xlsxScan, error) {
	r, err := openZipPart(zr, part)
	if err != nil {
		return xlsxScan{}, &SheetError{Kind: ErrSheetDamaged, Err: err}
	}
	defer r.Close()
	sc := worksheetScanner{limit: limit}
	d := newXMLDecoder(r)
	for !sc.done {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err == nil {
			err = sc.token(tok)
		}
		if err != nil {
			var se *SheetError
			if errors.As(err, &se) {
				return xlsxScan{}, err
			}
			return xlsxScan{}, &SheetError{Kind: ErrSheetDamaged, Err: fmt.Errorf("%s: %w", part, err)}
		}
	}
	slices.Sort(sc.found)
	return xlsxScan{uncalculated: slices.Compact(sc.found)}, nil
}

// worksheetScanner follows a worksheet's XML element by element.
type worksheetScanner struct {
	limit    int
	done     bool // the sheet's data has ended
	row, col int  // the row and the cell being read
	rows     int  // rows below the header with something written
	width    int  // the header's columns: the last one with something in row 1
	written  bool // the row holds something within the header's columns
	formula  bool // the cell has a formula
	value    bool // the cell has a value (cached or typed)
	arrayRef string
	// arrayUntil is, for each header column, the last row of an array
	// formula without cached values over it: Excel keeps the formula in
	// the range's first cell only, and the others have nothing else.
	arrayUntil []int
	found      []uint64
}

// token takes the next element of the worksheet.
func (sc *worksheetScanner) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return sc.start(t)
	case xml.EndElement:
		sc.end(t.Name.Local)
		if t.Name.Local == "row" && sc.rows > sc.limit {
			return &SheetError{Kind: ErrSheetTooLarge, Err: &TooManyRowsError{Limit: sc.limit}}
		}
	}
	return nil
}

// start begins a row, a cell or a part of a cell. Rows and cells may leave
// out their reference; they then follow the previous one, as in excelize.
func (sc *worksheetScanner) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "row":
		sc.row, sc.col, sc.written = sc.row+1, 0, false
		if r := attr(t, "r"); r != "" {
			n, err := strconv.Atoi(r)
			if err != nil {
				return fmt.Errorf("row number %q: %w", r, err)
			}
			sc.row = n
		}
	case "c":
		sc.col, sc.formula, sc.value, sc.arrayRef = sc.col+1, false, false, ""
		if r := attr(t, "r"); r != "" {
			col, _, err := excelize.CellNameToCoordinates(r)
			if err != nil {
				return err
			}
			sc.col = col
		}
	case "f":
		sc.formula = true
		if attr(t, "t") == "array" {
			sc.arrayRef = attr(t, "ref")
		}
	case "v", "is":
		sc.value = true
	}
	return nil
}

// end closes a cell or a row.
func (sc *worksheetScanner) end(name string) {
	switch name {
	case "c":
		if !sc.formula && !sc.value {
			return
		}
		if sc.row == 1 {
			sc.width = max(sc.width, sc.col)
		}
		if sc.col <= sc.width || sc.row == 1 {
			sc.written = true
		}
		if sc.formula && !sc.value && sc.row > 1 && sc.col <= sc.width {
			sc.found = append(sc.found, cellKey(sc.row, sc.col))
			sc.uncachedArray()
		}
	case "row":
		if sc.row == 1 {
			sc.arrayUntil = make([]int, sc.width)
			return
		}
		for i, last := range sc.arrayUntil {
			if last >= sc.row {
				sc.found = append(sc.found, cellKey(sc.row, i+1))
			}
		}
		if sc.written {
			sc.rows++
		}
	case "sheetData":
		sc.done = true
	}
}

// uncachedArray notes the range of an array formula without cached
// values, from the cell just read.
func (sc *worksheetScanner) uncachedArray() {
	first, last, ok := strings.Cut(sc.arrayRef, ":")
	if !ok {
		return
	}
	c1, _, err1 := excelize.CellNameToCoordinates(first)
	c2, r2, err2 := excelize.CellNameToCoordinates(last)
	if err1 != nil || err2 != nil {
		return
	}
	for c := max(c1, 1); c <= min(c2, sc.width); c++ {
		sc.arrayUntil[c-1] = max(sc.arrayUntil[c-1], r2)
	}
}

// attr is an attribute's value, "" when the element has none.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
