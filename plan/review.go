package plan

// Review states of a section (审阅状态): how far the reviewer has read and
// judged it. The codes are stored; messages labels them 未审阅, 已审阅 and
// 需修改.
const (
	ReviewNone         = "unreviewed"    // 未审阅
	ReviewDone         = "reviewed"      // 已审阅
	ReviewNeedsChanges = "needs_changes" // 需修改
)

// FieldReview is a section's review state. A revision of a section
// records it in the Field column, as fields of indicators and projects are.
const FieldReview Field = "review_state"

// Reviews lists the review states in the order controls and menus offer
// them.
func Reviews() []string { return []string{ReviewNone, ReviewDone, ReviewNeedsChanges} }

// ValidReview reports whether code is one of the review states.
func ValidReview(code string) bool {
	switch code {
	case ReviewNone, ReviewDone, ReviewNeedsChanges:
		return true
	}
	return false
}

// Reviewed reports whether the section has been looked at, whatever the
// verdict: 需修改 is reviewed too, it just found something.
func (s Section) Reviewed() bool {
	return s.ReviewState == ReviewDone || s.ReviewState == ReviewNeedsChanges
}

// ReviewCounts says how far the review of a report has come.
type ReviewCounts struct {
	// Total is the number of sections.
	Total int
	// ByState holds the number of sections in each review state; every
	// state of Reviews() is present, zero counts included.
	ByState map[string]int
}

// Reviewed is how many sections have been reviewed, 需修改 included.
func (c ReviewCounts) Reviewed() int { return c.ByState[ReviewDone] + c.ByState[ReviewNeedsChanges] }

// CountReviews counts the sections in each review state. A state that is
// none of the codes counts as not reviewed.
func CountReviews(sections []Section) ReviewCounts {
	c := ReviewCounts{Total: len(sections), ByState: make(map[string]int, 3)}
	for _, code := range Reviews() {
		c.ByState[code] = 0
	}
	for _, s := range sections {
		state := s.ReviewState
		if !ValidReview(state) {
			state = ReviewNone
		}
		c.ByState[state]++
	}
	return c
}

// WithReview is the outline with section id in review state state; the
// outline itself is left as it was (its sections may be shared with the
// screens that hold it).
func (o Outline) WithReview(id int64, state string) Outline {
	i, ok := o.index[id]
	if !ok {
		return o
	}
	sections := append([]Section(nil), o.sections...)
	sections[i].ReviewState = state
	return Outline{sections: sections, index: o.index, children: o.children}
}

// NextUnreviewed is the first section after id in reading order that is
// not yet reviewed, going on from the top after the last; 0 when every
// other section is reviewed.
func (o Outline) NextUnreviewed(id int64) int64 {
	start, ok := o.index[id]
	if !ok {
		start = -1
	}
	for n := 1; n <= len(o.sections); n++ {
		s := o.sections[(start+n)%len(o.sections)]
		if s.ID != id && !s.Reviewed() {
			return s.ID
		}
	}
	return 0
}
