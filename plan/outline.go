package plan

// Outline indexes a report's sections as a tree for navigation: children of
// a section, the previous and next section in reading order, and the path
// from the top for a breadcrumb.
type Outline struct {
	sections []Section
	index    map[int64]int
	children map[int64][]int64
}

// NewOutline indexes sections given in reading order (as Store.Sections
// returns them). Top-level sections are the children of id 0.
func NewOutline(sections []Section) Outline {
	o := Outline{
		sections: sections,
		index:    make(map[int64]int, len(sections)),
		children: make(map[int64][]int64),
	}
	for i, s := range sections {
		o.index[s.ID] = i
		var parent int64
		if s.ParentID != nil {
			parent = *s.ParentID
		}
		o.children[parent] = append(o.children[parent], s.ID)
	}
	return o
}

// Sections lists the sections in reading order; the slice is the
// caller's.
func (o Outline) Sections() []Section { return append([]Section(nil), o.sections...) }

// Len is the number of sections.
func (o Outline) Len() int { return len(o.sections) }

// Children lists the sections directly under id (0 for the top level).
func (o Outline) Children(id int64) []int64 { return o.children[id] }

// Section returns the section with id, and whether it is in the outline.
func (o Outline) Section(id int64) (Section, bool) {
	i, ok := o.index[id]
	if !ok {
		return Section{}, false
	}
	return o.sections[i], true
}

// First is the first section in reading order, or 0 for an empty outline.
func (o Outline) First() int64 {
	if len(o.sections) == 0 {
		return 0
	}
	return o.sections[0].ID
}

// Next is the section after id in reading order, or 0 at the end.
func (o Outline) Next(id int64) int64 { return o.step(id, +1) }

// Prev is the section before id in reading order, or 0 at the start.
func (o Outline) Prev(id int64) int64 { return o.step(id, -1) }

func (o Outline) step(id int64, by int) int64 {
	i, ok := o.index[id]
	if !ok || i+by < 0 || i+by >= len(o.sections) {
		return 0
	}
	return o.sections[i+by].ID
}

// Path lists the sections from the top level down to id, for a breadcrumb.
func (o Outline) Path(id int64) []Section {
	var path []Section
	for s, ok := o.Section(id); ok; {
		path = append([]Section{s}, path...)
		if s.ParentID == nil {
			break
		}
		s, ok = o.Section(*s.ParentID)
	}
	return path
}
