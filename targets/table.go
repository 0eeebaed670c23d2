package targets

import (
	"strings"
	"unicode"

	"plandesk/plan"
)

// Row is one indicator of a plan's target table, its values as written.
type Row struct {
	// Line is the row's number as the spreadsheet (or the pasted text)
	// numbers it, the first row being 1.
	Line int
	// Category is the part of the plan the indicator is under (经济发展),
	// from a 类别 cell merged over its rows or a row of its own above them.
	Category string
	// Seq is the indicator's number as written (1, （3）).
	Seq string
	// Name is the indicator as written (地区生产总值年均增长).
	Name string
	// Unit is the unit as written, or taken from the name's brackets when
	// the table has no unit for it (地区生产总值（亿元）).
	Unit string
	// Baseline is the base-year value as written; "" when the table gives
	// none (—).
	Baseline string
	// BaselineYear is the base year, from the column's header (2020年) or a
	// column of years; "" without a baseline.
	BaselineYear string
	// Target is the target as written (〔5.5〕, >60, ≤5.5, 6左右, 确保完成
	// 国家下达任务); "" when the table gives none.
	Target string
	// TargetYear is the target year, from the header (2025年) or a column
	// of years; "" without a target.
	TargetYear string
	// TargetKind is one of plan's Target* kinds, inferred from the column
	// the target stands in and its words (see targetKind); "" without a
	// target.
	TargetKind string
	// PeriodStart is the baseline column's year when the row gives no
	// baseline (— under 2020年): the year a total or a growth rate counts
	// from all the same.
	PeriodStart string
	// Midterm is the mid-term value as written, from a report's own table
	// (2022年完成, 中期值); "" when the table gives none, as a plan's does not.
	Midterm string
	// MidtermAsOf is the mid-term value's year, from its column's header.
	MidtermAsOf string
	// Mode is the 年均/累计 cell as written when the target came from
	// another column (a level to reach, and a growth rate beside it).
	Mode string
	// Attribute is plan.AttributeExpected (预期性), plan.AttributeObligatory
	// (约束性) or "" when the table does not say.
	Attribute string
	// Columns names, for each field of the indicator the row gives a value
	// for, the header of the column it came from, as a preview shows it.
	Columns map[plan.Field]string
}

// Table is a target table as read: how its columns are read, and its
// indicators in table order.
type Table struct {
	// Mapping says where the header is and what each column holds.
	Mapping Mapping
	// Rows are the indicators, in table order.
	Rows []Row
}

// Read reads a target table from its rows of cells: Recognise finds the
// header and its columns, Extract the indicators below.
func Read(rows [][]string) (Table, error) {
	m, err := Recognise(rows)
	if err != nil {
		return Table{}, err
	}
	return Table{Mapping: m, Rows: Extract(rows, m)}, nil
}

// Extract reads the indicators below the header with the given mapping,
// Recognise's or a user's change of it (Mapping.Assign). Empty rows, notes
// (注：…, 资料来源…) and repeats of the header (a table printed over two
// pages) are no indicators. A row holding one text and no values names
// the category of the rows below it (一、经济发展), as does a 类别 cell,
// which stays in force over the empty cells below it where the table
// merged it. A row with values but no name continues the indicator above
// it, whose name cell was merged over both.
func Extract(rows [][]string, m Mapping) []Row {
	start := 0
	if n := len(m.HeaderRows); n > 0 {
		start = m.HeaderRows[n-1] + 1
	}
	x := extractor{m: m, col: map[Role]int{}}
	for _, r := range Roles() {
		x.col[r] = m.Column(r)
	}
	var out []Row
	for i := start; i < len(rows); i++ {
		if row, ok := x.row(rows[i], i+1); ok {
			out = append(out, row)
		}
	}
	return out
}

// extractor reads the rows below a header, keeping what carries over from
// one row to the next.
type extractor struct {
	m        Mapping
	col      map[Role]int
	category string // the category in force
	lastName string // the indicator of the row above, for a merged name cell
}

// cell is a row's cleaned text in the column of the role.
func (x *extractor) cell(cells []string, r Role) string {
	i := x.col[r]
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cleanCell(cells[i])
}

// value is a row's value in the column of the role: "" for a dash or a
// slash as tables write for none.
func (x *extractor) value(cells []string, r Role) string {
	v := x.cell(cells, r)
	if noValue(v) {
		return ""
	}
	return v
}

// header is the header of the column of the role, or its letter when the
// header is empty.
func (x *extractor) header(r Role) string {
	i := x.col[r]
	if i < 0 {
		return ""
	}
	if h := x.m.Columns[i].Header; h != "" {
		return h
	}
	return ColumnLetter(i)
}

// row reads one row below the header; ok is false for a row that is no
// indicator.
func (x *extractor) row(cells []string, line int) (Row, bool) {
	texts := nonEmpty(cells)
	if len(texts) == 0 || isNote(texts[0]) || x.repeatsHeader(cells) {
		return Row{}, false
	}
	if c := x.cell(cells, RoleCategory); c != "" {
		x.category = c
	}
	name := x.cell(cells, RoleName)
	hasValues := x.value(cells, RoleBaseline) != "" || x.value(cells, RoleTarget) != "" || x.value(cells, RoleMode) != "" ||
		x.value(cells, RoleMidterm) != ""
	switch {
	case !hasValues && len(texts) == 1:
		// A row of its own naming the part of the plan below it.
		x.category, x.lastName = texts[0], ""
		return Row{}, false
	case name == "" && hasValues && x.lastName != "":
		name = x.lastName
	case name == "":
		return Row{}, false
	}
	x.lastName = name
	row := Row{Line: line, Category: x.category, Seq: x.cell(cells, RoleSeq), Name: name,
		Unit: x.value(cells, RoleUnit), Attribute: attributeOf(x.cell(cells, RoleAttribute)),
		Columns: map[plan.Field]string{}}
	if u := unitFromName(name); u != "" && (row.Unit == "" || row.Unit == u) {
		// 地区生产总值（亿元）: the unit in brackets is the unit, not the name.
		row.Unit = u
		row.Name = strings.TrimSpace(strings.TrimSuffix(strings.TrimRightFunc(name, unicode.IsSpace), bracketedTail(name)))
	}
	x.baseline(cells, &row)
	x.target(cells, &row)
	x.midterm(cells, &row)
	if row.Attribute != "" {
		row.Columns[plan.FieldAttribute] = x.header(RoleAttribute)
	}
	return row, true
}

// baseline reads a row's baseline and its year.
func (x *extractor) baseline(cells []string, row *Row) {
	row.Baseline = x.value(cells, RoleBaseline)
	if row.Baseline == "" {
		// No value, but the column still says when the period starts,
		// which a cumulative or annual target counts from (— under 2020年).
		if i := x.col[RoleBaseline]; i >= 0 && x.m.Columns[i].Year != "" {
			row.PeriodStart = x.m.Columns[i].Year
		}
		return
	}
	row.Columns[plan.FieldBaseline] = x.header(RoleBaseline)
	if y := yearsIn(x.cell(cells, RoleBaselineYear)); len(y) > 0 {
		row.BaselineYear = y[0]
		row.Columns[plan.FieldBaselineYear] = x.header(RoleBaselineYear)
	} else if i := x.col[RoleBaseline]; x.m.Columns[i].Year != "" {
		row.BaselineYear = x.m.Columns[i].Year
		row.Columns[plan.FieldBaselineYear] = x.header(RoleBaseline)
	}
}

// target reads a row's target, its year and its kind: the target column's
// value, or else the 年均/累计 column's, whose label (年均, 累计) otherwise
// tells how to read the target beside it.
func (x *extractor) target(cells []string, row *Row) {
	in := kindInput{name: row.Name, unit: row.Unit, modeHeader: x.header(RoleMode)}
	from := RoleTarget
	mode := x.value(cells, RoleMode)
	row.Target = x.value(cells, RoleTarget)
	switch {
	case row.Target == "" && mode != "":
		row.Target, in.fromMode, from = mode, true, RoleMode
	case hasDigit(mode):
		row.Mode = mode
	default:
		in.modeWord = mode
	}
	if row.Target == "" {
		return
	}
	in.target = row.Target
	row.TargetKind = targetKind(in)
	row.Columns[plan.FieldTarget] = x.header(from)
	row.Columns[plan.FieldTargetKind] = x.header(from)
	if y := yearsIn(x.cell(cells, RoleTargetYear)); len(y) > 0 {
		row.TargetYear = y[len(y)-1]
		row.Columns[plan.FieldTargetYear] = x.header(RoleTargetYear)
		return
	}
	for _, r := range []Role{from, RoleTarget} {
		if i := x.col[r]; i >= 0 && x.m.Columns[i].Year != "" {
			row.TargetYear = x.m.Columns[i].Year
			row.Columns[plan.FieldTargetYear] = x.header(r)
			return
		}
	}
}

// midterm reads a row's mid-term value and its year.
func (x *extractor) midterm(cells []string, row *Row) {
	row.Midterm = x.value(cells, RoleMidterm)
	if row.Midterm == "" {
		return
	}
	row.Columns[plan.FieldMidterm] = x.header(RoleMidterm)
	if i := x.col[RoleMidterm]; x.m.Columns[i].Year != "" {
		row.MidtermAsOf = x.m.Columns[i].Year
		row.Columns[plan.FieldMidtermAsOf] = x.header(RoleMidterm)
	}
}

// repeatsHeader reports whether a row is the header again, as a table
// printed over two pages repeats it.
func (x *extractor) repeatsHeader(cells []string) bool {
	i := x.col[RoleName]
	if i < 0 || i >= len(cells) {
		return false
	}
	r, _ := headerRole(cells[i])
	return r == RoleName && isHeader(headerColumns([][]string{cells}))
}

// nonEmpty returns a row's cells that hold something, cleaned.
func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = cleanCell(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// isNote reports whether a cell starts a note under the table (注：, 备注,
// 说明, 资料来源, Note).
func isNote(s string) bool {
	s = fold(s)
	for _, p := range []string{"注", "备注", "说明", "资料来源", "数据来源", "note", "source"} {
		if strings.HasPrefix(s, p) {
			rest := strings.TrimPrefix(s, p)
			if rest == "" || strings.ContainsAny(rest[:1], ":：1234567890 ") || strings.HasPrefix(rest, "：") {
				return true
			}
		}
	}
	return false
}
