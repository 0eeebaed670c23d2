package targets

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"plandesk/plan"
)

// Role is what a column of a target table holds.
type Role string

// The roles a column can have. A table need not have them all; a column
// with none (RoleNone: a note, a mid-term column, one not recognised) is
// not read.
const (
	RoleNone         Role = ""
	RoleCategory     Role = "category"      // 类别: the part of the plan, often merged over its rows
	RoleSeq          Role = "seq"           // 序号
	RoleName         Role = "name"          // 指标, 指标名称
	RoleUnit         Role = "unit"          // 单位
	RoleBaseline     Role = "baseline"      // 2020年, 基期值
	RoleBaselineYear Role = "baseline_year" // 基期年份, when each row gives its own
	RoleTarget       Role = "target"        // 2025年, 目标值
	RoleTargetYear   Role = "target_year"   // 目标年份, when each row gives its own
	RoleMidterm      Role = "midterm"       // 2022年完成, 中期值: a report's own table of results
	RoleMode         Role = "mode"          // 年均/累计: a growth rate or a total over the period
	RoleAttribute    Role = "attribute"     // 属性: 预期性 or 约束性
)

// Roles lists the roles a user can give a column, in the order a table
// usually has them, RoleNone last.
func Roles() []Role {
	return []Role{RoleCategory, RoleSeq, RoleName, RoleUnit, RoleBaseline, RoleBaselineYear,
		RoleTarget, RoleTargetYear, RoleMidterm, RoleMode, RoleAttribute, RoleNone}
}

// headerWords are the header words of each role, Chinese and English,
// compared once folded and without spaces, punctuation and years
// (2020年基期值 is 基期值 of 2020). A mode column is also any header
// naming 年均 or 累计 (2021—2025年年均增长, 五年累计).
var headerWords = []struct {
	role  Role
	words []string
}{
	{RoleCategory, []string{"类别", "分类", "领域", "维度", "板块", "方面", "category", "domain", "area"}},
	{RoleSeq, []string{"序号", "编号", "序", "no", "number", "seq"}},
	{RoleName, []string{"指标", "指标名称", "名称", "主要指标", "指标项", "指标项目", "具体指标", "指标内容", "项目",
		"indicator", "indicators", "indicatorname", "name", "item"}},
	{RoleUnit, []string{"单位", "计量单位", "指标单位", "unit", "units"}},
	{RoleBaseline, []string{"基期", "基期值", "基期数", "基数", "基准值", "基期水平", "基年值", "现状值", "实际", "实际值",
		"baseline", "base", "basevalue", "baselinevalue"}},
	{RoleTarget, []string{"目标", "目标值", "规划目标", "规划目标值", "规划值", "预期目标", "预期值", "目标水平",
		"target", "targetvalue", "goal"}},
	{RoleMode, []string{"annual", "cumulative", "annualcumulative", "averageannual", "annualgrowth", "cagr"}},
	{RoleAttribute, []string{"属性", "指标属性", "性质", "指标性质", "attribute", "nature"}},
	{RoleMidterm, []string{"完成", "完成值", "完成情况", "实际完成", "中期", "中期值", "中期完成", "中期评估值", "现值",
		"midterm", "midtermvalue", "actual", "achieved"}},
	{RoleTargetYear, []string{"目标年份", "目标年", "目标年度", "规划年份", "targetyear"}},
	{RoleBaselineYear, []string{"基期年份", "基期年", "基年", "基准年", "基准年份", "baseyear", "baselineyear"}},
}

// Column is one column of a target table as its header names it.
type Column struct {
	// Header is the header as written; a header of two rows is both,
	// joined by " / ".
	Header string
	// Role is what the column holds.
	Role Role
	// Year is the year a baseline or target column's header names
	// (2020年), which each of its values is of; "" when it names none.
	Year string
}

// Mapping is how a target table's columns are read: where its header is
// and what each column holds. Recognise finds it; a preview shows it, and
// Assign changes it when a user gives a column another role.
type Mapping struct {
	// HeaderRows are the rows the header takes, one or two, as indexes
	// into the table's rows (from 0); the rows below are read.
	HeaderRows []int
	// Columns are the table's columns, left to right.
	Columns []Column
}

// ErrNoHeader means no row near the top of the table names an indicator
// column and a column of values (a baseline, a target, or a growth rate).
var ErrNoHeader = errors.New("no header row naming an indicator column and a value column")

// HeaderSearch is how many rows from the top Recognise looks for the
// header in: above it stand a title, a note, a blank line or two.
const HeaderSearch = 15

// Recognise finds a target table's header and what each column holds: the
// first row near the top with an indicator column and a column of values,
// and the row below it when that continues the header (its indicator cell
// empty and every cell a header word or a year, as when 规划目标 stands
// over 2025年 and 年均增速). A column of a bare year (2020年) is the
// baseline or the target: the earliest year the baseline, the latest the
// target, a single one the target unless another column is the target.
// It returns ErrNoHeader when it finds none.
func Recognise(rows [][]string) (Mapping, error) {
	for i := 0; i < len(rows) && i < HeaderSearch; i++ {
		parts := [][]string{rows[i]}
		if !isHeader(headerColumns(parts)) {
			continue
		}
		m := Mapping{HeaderRows: []int{i}}
		if i+1 < len(rows) && continuesHeader(headerColumns(parts), rows[i+1]) {
			parts = append(parts, rows[i+1])
			m.HeaderRows = append(m.HeaderRows, i+1)
		}
		m.Columns = resolveYears(headerColumns(parts))
		return m, nil
	}
	return Mapping{}, ErrNoHeader
}

// headerColumn is a column's header as first read, before bare years are
// resolved.
type headerColumn struct {
	Column
	bareYear bool // the header is a year and nothing else
}

// headerColumns reads each column's role from its header over the given
// rows: the lower row's word wins over the upper's (规划目标 over
// 年均增速 is a growth rate), a year may come from either. A role only
// the first column naming it gets.
func headerColumns(parts [][]string) []headerColumn {
	width := 0
	for _, p := range parts {
		width = max(width, len(p))
	}
	cols := make([]headerColumn, width)
	taken := map[Role]bool{}
	for c := range cols {
		var texts []string
		var years []string
		role := RoleNone
		for _, p := range parts {
			if c >= len(p) || strings.TrimSpace(p[c]) == "" {
				continue
			}
			texts = append(texts, cleanCell(p[c]))
			r, ys := headerRole(p[c])
			years = append(years, ys...)
			if r != RoleNone {
				role = r
			}
		}
		cols[c].Header = strings.Join(texts, " / ")
		cols[c].bareYear = role == RoleNone && len(years) > 0 && len(texts) > 0 && allYears(texts)
		if role != RoleNone && taken[role] {
			role = RoleNone
		}
		taken[role] = true
		cols[c].Role = role
		cols[c].Year = yearFor(role, years)
	}
	return cols
}

// yearFor is the year a column of the role is of, among those its header
// names: the first for a baseline, the last for a target or a rate
// (2021—2025年 is a rate to 2025); other columns are of no year.
func yearFor(role Role, years []string) string {
	switch {
	case len(years) == 0:
		return ""
	case role == RoleBaseline:
		return years[0]
	case role == RoleTarget, role == RoleMode, role == RoleMidterm:
		return years[len(years)-1]
	}
	return ""
}

// allYears reports whether each text is only years (2020年, 2025).
func allYears(texts []string) bool {
	for _, t := range texts {
		if r, ys := headerRole(t); r != RoleNone || len(ys) == 0 || headerKey(t) != "" {
			return false
		}
	}
	return true
}

// headerRole is the role a header cell names and the years in it.
func headerRole(text string) (Role, []string) {
	key := headerKey(text)
	years := yearsIn(text)
	if key == "" {
		return RoleNone, years
	}
	for _, hw := range headerWords {
		if slices.Contains(hw.words, key) {
			return hw.role, years
		}
	}
	if strings.Contains(key, "年均") || strings.Contains(key, "累计") {
		return RoleMode, years
	}
	return RoleNone, years
}

// headerKey is a header cell as its words are compared: folded, without
// its years, white space and punctuation.
func headerKey(text string) string {
	t := fold(text)
	for _, y := range yearsIn(t) {
		t = strings.ReplaceAll(t, y+"年", " ")
		t = strings.ReplaceAll(t, y, " ")
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, t)
}

// isHeader reports whether a row's columns make a header: an indicator
// column and a column of values.
func isHeader(cols []headerColumn) bool {
	name, values := false, false
	for _, c := range cols {
		switch {
		case c.Role == RoleName:
			name = true
		case c.Role == RoleBaseline, c.Role == RoleTarget, c.Role == RoleMode, c.bareYear:
			values = true
		}
	}
	return name && values
}

// continuesHeader reports whether row is the second row of the header
// cols was read from: nothing under the indicator column, something
// elsewhere, and each cell a header word or a year.
func continuesHeader(cols []headerColumn, row []string) bool {
	some := false
	for c, text := range row {
		if strings.TrimSpace(text) == "" {
			continue
		}
		if c < len(cols) && cols[c].Role == RoleName {
			return false
		}
		if r, ys := headerRole(text); r == RoleNone && (len(ys) == 0 || headerKey(text) != "") {
			return false
		}
		some = true
	}
	return some
}

// resolveYears gives the bare-year columns their roles: the earliest the
// baseline and the latest the target, unless a column already has that
// role; a single one is the target unless there is one already. The last
// year before the target's is the mid-term value (a report's own table).
func resolveYears(cols []headerColumn) []Column {
	has := map[Role]bool{}
	var bare []int
	for i, c := range cols {
		has[c.Role] = true
		if c.bareYear {
			bare = append(bare, i)
		}
	}
	slices.SortStableFunc(bare, func(a, b int) int {
		return strings.Compare(yearsIn(cols[a].Header)[0], yearsIn(cols[b].Header)[0])
	})
	assign := func(i int, r Role) {
		cols[i].Role, has[r] = r, true
		cols[i].Year = yearFor(r, yearsIn(cols[i].Header))
	}
	switch {
	case len(bare) == 1 && !has[RoleTarget]:
		assign(bare[0], RoleTarget)
	case len(bare) == 1 && !has[RoleBaseline]:
		assign(bare[0], RoleBaseline)
	case len(bare) == 2 && has[RoleTarget] && !has[RoleBaseline]:
		// 2020年 | 2022年 | 2025年目标: the years before the target are the
		// baseline and the mid-term value.
		assign(bare[0], RoleBaseline)
		assign(bare[1], RoleMidterm)
	case len(bare) > 1:
		if !has[RoleBaseline] {
			assign(bare[0], RoleBaseline)
		}
		first, _ := strconv.Atoi(yearsIn(cols[bare[0]].Header)[0])
		last, _ := strconv.Atoi(yearsIn(cols[bare[len(bare)-1]].Header)[0])
		switch {
		case has[RoleTarget]:
		case last-first >= 5:
			// A five-year plan's span: the latest year is its target.
			assign(bare[len(bare)-1], RoleTarget)
		case !has[RoleMidterm]:
			// 2020年 | 2022年: a report's table of where it stands, no target.
			assign(bare[len(bare)-1], RoleMidterm)
			return columnsOf(cols)
		}
		if len(bare) > 2 && !has[RoleMidterm] {
			// 2020年 | 2022年 | 2025年: the latest year before the target is
			// where the report stands.
			assign(bare[len(bare)-2], RoleMidterm)
		}
	}
	return columnsOf(cols)
}

// columnsOf is the columns of a header as a Mapping holds them.
func columnsOf(cols []headerColumn) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		out[i] = c.Column
	}
	return out
}

// Column returns the index of the column with the role, or -1.
func (m Mapping) Column(r Role) int {
	if r == RoleNone {
		return -1
	}
	for i, c := range m.Columns {
		if c.Role == r {
			return i
		}
	}
	return -1
}

// Assign gives column col the role r, as a user re-assigning a column in
// the preview does, and returns the new mapping; m is left as it is. The
// column that had r before has none now, since a role is one column's.
// The column's year is read again from its header. A column past the
// header's is added; a negative one changes nothing.
func (m Mapping) Assign(col int, r Role) Mapping {
	if col < 0 {
		return m
	}
	next := Mapping{HeaderRows: slices.Clone(m.HeaderRows), Columns: slices.Clone(m.Columns)}
	for len(next.Columns) <= col {
		next.Columns = append(next.Columns, Column{})
	}
	if r != RoleNone {
		for i := range next.Columns {
			if next.Columns[i].Role == r {
				next.Columns[i].Role = RoleNone
			}
		}
	}
	c := &next.Columns[col]
	c.Role = r
	c.Year = yearFor(r, yearsIn(c.Header))
	return next
}

// modeKind is the kind of target a mode column's header says its values
// are: TargetAnnual for 年均 alone, TargetCumulative for 累计 alone, ""
// when it names both (年均/累计) or neither, and each value then says.
func modeKind(header string) string {
	key := headerKey(header)
	annual := strings.Contains(key, "年均") || strings.Contains(key, "annual") || strings.Contains(key, "cagr")
	cumulative := strings.Contains(key, "累计") || strings.Contains(key, "cumulative")
	switch {
	case annual && !cumulative:
		return plan.TargetAnnual
	case cumulative && !annual:
		return plan.TargetCumulative
	}
	return ""
}

// ColumnLetter names a column as a spreadsheet does: A for 0, Z, AA….
func ColumnLetter(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
