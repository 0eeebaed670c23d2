package store

// outlineNode is one section of an outline, old or new, as matchSections
// reads it: nodes come in reading order (a pre-order walk), so a parent
// always stands before its children.
type outlineNode struct {
	// parent is the index of the enclosing section, -1 at the top.
	parent int
	// numbering and title are the heading's two parts.
	numbering, title string
	// path is the headings from the top down to this one's, joined.
	path string
}

// sectionMatching pairs old sections (by index) with new ones.
type sectionMatching struct {
	oldTo []int // the new index of each old section, -1 when unmatched
	newTo []int // the old index of each new section, -1 when unmatched
}

// matchSections pairs the sections of a report's outline as stored (old)
// with those of a new version of its text (new), so that a section the
// new text still has keeps its row: its id, its review mark and what
// hangs on it. It returns, for each new section, the index of its old one
// or -1 for a section the new text adds.
//
// Three passes, each only among sections still unpaired, surest first:
//  1. the same heading (numbering and title) under the same headings: the
//     section as it was;
//  2. the same title alone, the nearest under the same parent preferred: a
//     section renumbered (a part inserted before it) or moved, and the
//     children of a renamed section, whose paths changed;
//  3. the same place: between the same paired siblings under the same
//     parent, the same numbering, or else, when the gap holds as many old
//     as new sections, in order: a section renamed.
//
// What stays unpaired is a section the new text dropped, or added.
func matchSections(old, new []outlineNode) []int {
	m := sectionMatching{oldTo: filled(len(old)), newTo: filled(len(new))}
	byPath := map[string][]int{}
	for i, o := range old {
		byPath[o.path] = append(byPath[o.path], i)
	}
	for j, n := range new {
		for _, i := range byPath[n.path] {
			if m.oldTo[i] < 0 {
				m.pair(i, j)
				break
			}
		}
	}
	for j, n := range new {
		if m.newTo[j] >= 0 || n.title == "" {
			continue
		}
		best := -1
		for i, o := range old {
			if m.oldTo[i] < 0 && o.title == n.title && (best < 0 || m.closer(old, new, i, best, j)) {
				best = i
			}
		}
		if best >= 0 {
			m.pair(best, j)
		}
	}
	for j := range new {
		if m.newTo[j] < 0 {
			m.pairByPlace(old, new, j)
		}
	}
	return m.newTo
}

func filled(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

func (m *sectionMatching) pair(i, j int) { m.oldTo[i], m.newTo[j] = j, i }

// closer reports whether old section a is a better match for new section
// j than old section b: under the section j's parent was paired with,
// then nearer in reading order.
func (m *sectionMatching) closer(old, new []outlineNode, a, b, j int) bool {
	sameA, sameB := m.parentPaired(old, a, new[j].parent), m.parentPaired(old, b, new[j].parent)
	if sameA != sameB {
		return sameA
	}
	return distance(a, j) < distance(b, j)
}

// parentPaired reports whether old section i stands under the old
// section paired with new section parent (both at the top when -1).
func (m *sectionMatching) parentPaired(old []outlineNode, i, parent int) bool {
	if old[i].parent < 0 {
		return parent < 0
	}
	return m.oldTo[old[i].parent] == parent && parent >= 0
}

// gap is a place between paired sections: under a parent (a new index,
// -1 at the top), after a paired sibling (its new index, -1 when none).
type gap struct{ parent, after int }

// newGap is the gap new section j stands in.
func (m *sectionMatching) newGap(new []outlineNode, j int) gap {
	g := gap{parent: new[j].parent, after: -1}
	for k := j - 1; k > new[j].parent; k-- {
		if new[k].parent == new[j].parent && m.newTo[k] >= 0 {
			g.after = k
			break
		}
	}
	return g
}

// oldGap is the gap of the new outline old section i stands in; ok is
// false when its parent is unpaired, so that it stands in none.
func (m *sectionMatching) oldGap(old []outlineNode, i int) (g gap, ok bool) {
	g = gap{parent: -1, after: -1}
	if p := old[i].parent; p >= 0 {
		if g.parent = m.oldTo[p]; g.parent < 0 {
			return g, false
		}
	}
	for k := i - 1; k > old[i].parent; k-- {
		if old[k].parent == old[i].parent && m.oldTo[k] >= 0 {
			g.after = m.oldTo[k]
			break
		}
	}
	return g, true
}

// pairByPlace pairs new section j with an unpaired old section in the
// same gap: one numbered alike, or else the first when the gap holds as
// many unpaired old sections as new ones.
func (m *sectionMatching) pairByPlace(old, new []outlineNode, j int) {
	g := m.newGap(new, j)
	var candidates []int
	for i := range old {
		if og, ok := m.oldGap(old, i); ok && m.oldTo[i] < 0 && og == g {
			if new[j].numbering != "" && old[i].numbering == new[j].numbering {
				m.pair(i, j)
				return
			}
			candidates = append(candidates, i)
		}
	}
	unpaired := 0
	for k := range new {
		if m.newTo[k] < 0 && m.newGap(new, k) == g {
			unpaired++
		}
	}
	if len(candidates) > 0 && len(candidates) == unpaired {
		m.pair(candidates[0], j)
	}
}

func distance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}
