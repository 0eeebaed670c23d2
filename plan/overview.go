package plan

import (
	"cmp"
	"slices"
)

// Overview is what a report's first page summarises: how many indicators
// have each status, how each section stands, and which indicators lag.
type Overview struct {
	// Report is the report summarised.
	Report Report
	// Counts holds the number of indicators per status; every status of
	// Statuses() is present, zero counts included.
	Counts map[Status]int
	// Total is the number of indicators in the report.
	Total int
	// Sections lists every section that has indicators of its own, in
	// reading order.
	Sections []SectionOverview
	// Indicators lists every indicator of the report, warnings (约束性 and
	// lagging) first, then the others worst status first; within a status
	// in reading order.
	Indicators []Indicator
	// Warnings counts the obligatory indicators that lag (预警).
	Warnings int
	// Unlikely lists the indicators whose outlook says the target will not
	// be met at the pace so far, warnings first, then in reading order.
	Unlikely []Indicator
	// Projected counts the indicators with an outlook (a verdict).
	Projected int
	// NoTarget counts the indicators without a target value, qualitative
	// ones aside: the overview offers the next step for them.
	NoTarget int
	// Proposed counts the indicators still waiting for confirmation.
	Proposed int
	// NoValue lists the indicators with a target the report gives no
	// mid-term value for: an evaluation's finding in itself.
	NoValue []Indicator
	// Projects counts the report's projects and tasks by progress; Summarize
	// leaves it empty, and the store fills it (CountProjects).
	Projects ProjectCounts
	// Reviews counts the report's sections by review state; Summarize
	// leaves it empty, and the store fills it (CountReviews).
	Reviews ReviewCounts
	// Comments counts the report's comment threads by state (CommentCounts);
	// the store fills it too.
	Comments map[string]int
	// Reviewers says who did what, busiest first (the store fills it).
	Reviewers []ReviewerStats
}

// SectionOverview is how one section's indicators stand.
type SectionOverview struct {
	// Section is the section summarised.
	Section Section
	// Parents are the sections that enclose it, outermost first, so a
	// list of sections can show each under its part.
	Parents []Section
	// Count is how many indicators the section lists.
	Count int
	// Worst is the worst status among them (see Worse); StatusUnknown only
	// when none of them has a status that can be computed.
	Worst Status
	// Lagging is how many of them lag.
	Lagging int
	// Gaps is what the indicators without a status lack, each gap once,
	// in the order of the first indicator that has it.
	Gaps []Gap
}

// severity ranks statuses for Worse: lagging is the worst news, an
// indicator without a status says nothing and ranks below every known one.
func severity(s Status) int {
	switch s {
	case StatusLagging:
		return 4
	case StatusOnTrack:
		return 3
	case StatusAhead:
		return 2
	case StatusAchieved:
		return 1
	}
	return 0
}

// Worse reports whether status a is worse news than b. A known status is
// worse than StatusUnknown, so a section's worst status is unknown only when
// none of its indicators can be judged.
func Worse(a, b Status) bool { return severity(a) > severity(b) }

// Summarize builds the overview of a report from its sections and
// indicators, as Store.Sections and Store.Indicators return them.
func Summarize(report Report, sections []Section, indicators []Indicator) Overview {
	o := Overview{Report: report, Counts: make(map[Status]int, len(Statuses())), Total: len(indicators)}
	for _, s := range Statuses() {
		o.Counts[s] = 0
	}
	bySection := make(map[int64]*SectionOverview, len(sections))
	order := make(map[int64]int, len(sections))
	for i, s := range sections {
		order[s.ID] = i
	}
	statuses := make([]Status, len(indicators))
	for i := range indicators {
		ind := &indicators[i]
		st := ind.Status()
		statuses[i] = st
		o.Counts[st]++
		o.tally(ind)
		so := bySection[indicators[i].SectionID]
		if so == nil {
			so = &SectionOverview{Worst: StatusUnknown}
			bySection[indicators[i].SectionID] = so
		}
		so.Count++
		if Worse(st, so.Worst) {
			so.Worst = st
		}
		if st == StatusLagging {
			so.Lagging++
		}
		for _, g := range indicators[i].Gaps() {
			if !slices.Contains(so.Gaps, g) {
				so.Gaps = append(so.Gaps, g)
			}
		}
	}
	byID := make(map[int64]Section, len(sections))
	for _, s := range sections {
		byID[s.ID] = s
	}
	for _, s := range sections {
		if so := bySection[s.ID]; so != nil {
			so.Section = s
			so.Parents = parentsOf(s, byID)
			o.Sections = append(o.Sections, *so)
		}
	}
	o.Indicators = byStatus(indicators, statuses, order)
	for _, ind := range o.Indicators {
		// byStatus's order puts warnings first, then reading order.
		if ind.Outlook().Verdict == VerdictUnlikely {
			o.Unlikely = append(o.Unlikely, ind)
		}
	}
	return o
}

// tally counts what the overview says of one indicator besides its status.
func (o *Overview) tally(ind *Indicator) {
	if ind.Warning() {
		o.Warnings++
	}
	if ind.State == StateProposed {
		o.Proposed++
	}
	kind := ind.Kind()
	if ind.TargetValue == nil && kind != TargetQualitative && !ind.TargetRelative {
		o.NoTarget++
	}
	if ind.TargetValue != nil && ind.MidtermValue == nil {
		o.NoValue = append(o.NoValue, *ind)
	}
	if ind.Outlook().Verdict != VerdictUnknown {
		o.Projected++
	}
}

// byStatus sorts a copy of indicators by status severity, keeping reading
// order within a status: section order, then the indicator's place in its
// table.
func byStatus(indicators []Indicator, statuses []Status, order map[int64]int) []Indicator {
	idx := make([]int, len(indicators))
	for i := range idx {
		idx[i] = i
	}
	warn := func(i int) int {
		if indicators[i].Attribute == AttributeObligatory && statuses[i] == StatusLagging {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(warn(b), warn(a)); c != 0 {
			return c // 预警 first in every list
		}
		if c := cmp.Compare(severity(statuses[b]), severity(statuses[a])); c != 0 {
			return c
		}
		if c := cmp.Compare(order[indicators[a].SectionID], order[indicators[b].SectionID]); c != 0 {
			return c
		}
		return cmp.Compare(indicators[a].Seq, indicators[b].Seq)
	})
	sorted := make([]Indicator, len(idx))
	for i, j := range idx {
		sorted[i] = indicators[j]
	}
	return sorted
}

// parentsOf lists the sections enclosing s, outermost first. A parent
// missing from byID ends the chain; a loop cannot occur, as a section is
// stored after its parent, but the depth bound keeps a damaged file from
// hanging the overview.
func parentsOf(s Section, byID map[int64]Section) []Section {
	var chain []Section
	for p := s.ParentID; p != nil && len(chain) <= s.Depth; {
		parent, ok := byID[*p]
		if !ok {
			break
		}
		chain = append(chain, parent)
		p = parent.ParentID
	}
	slices.Reverse(chain)
	return chain
}
