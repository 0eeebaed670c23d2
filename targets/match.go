package targets

import (
	"slices"
	"strings"

	"plandesk/plan"
)

// MinConfidence is the least confidence a row and an indicator are matched
// with: below it the names share too little, or the units measure other
// things, for the pair to be proposed at all.
const MinConfidence = 0.5

// NameAgreement says how a plan row's name and an indicator's agree.
type NameAgreement int

// The agreements, best first.
const (
	// NameSame: the same words.
	NameSame NameAgreement = iota + 1
	// NameNormalised: the same once width, spaces, punctuation, brackets,
	// place words (全区) and wordings (占GDP比重 and 占比, 年均增长 and
	// 增长) are set aside.
	NameNormalised
	// NameContains: one name holds the other (新增就业, 城镇新增就业).
	NameContains
	// NameSimilar: the names share much of their wording.
	NameSimilar
)

// Reason says why a row was matched to an indicator, for a preview to
// word: how the names agree and how the units do.
type Reason struct {
	// Name is how the names agree.
	Name NameAgreement
	// Unit is how the units agree.
	Unit UnitAgreement
	// RowUnit and IndicatorUnit are the units compared.
	RowUnit, IndicatorUnit string
}

// RowMatch is a plan row and the indicator it measures the same thing as.
type RowMatch struct {
	// Row is the plan's row.
	Row Row
	// IndicatorID is the matched indicator; 0 when none matched. A user may
	// change it, or set it to 0, before Apply.
	IndicatorID int64
	// Confidence is from 0 to 1: 1 for the same name in the same unit.
	Confidence float64
	// Reason says why they were matched.
	Reason Reason
}

// Matching is what Match found.
type Matching struct {
	// Matches holds one entry per row, in table order, matched or not.
	Matches []RowMatch
	// Unmatched are the rows no indicator matched.
	Unmatched []Row
	// NoMidterm are the matches whose indicator has no mid-term value: a
	// target the report does not say how far it has come.
	NoMidterm []RowMatch
	// Unused are the indicators no row matched, in the order given.
	Unused []plan.Indicator

	byID map[int64]plan.Indicator
}

// Indicator returns the indicator with the id among those matched against.
func (m Matching) Indicator(id int64) (plan.Indicator, bool) {
	ind, ok := m.byID[id]
	return ind, ok
}

// candidate is a scored pair of a row and an indicator.
type candidate struct {
	row, ind int
	score    float64
	reason   Reason
}

// Match matches each row of a plan's table to the indicator that measures
// the same thing: names compared once normalised (see normalise), scored
// 1 when equal, by how much of the longer one the shorter is when one
// holds the other, and by the pairs of characters they share otherwise;
// weighed by how the units agree (see unitFactor). Pairs under
// MinConfidence are never matched. The best pairs are taken first, and each
// row and each indicator is matched at most once; among equal scores the
// earlier row and the earlier indicator go first.
func Match(rows []Row, indicators []plan.Indicator) Matching {
	keys := make([]nameKey, len(indicators))
	units := make([]unitKey, len(indicators))
	index := map[uint64][]int32{}
	for i, ind := range indicators {
		keys[i], units[i] = keyOf(ind.Name), unitKeyOf(ind.Unit)
		for _, g := range keys[i].grams {
			index[g] = append(index[g], int32(i))
		}
	}
	var cands []candidate
	shared := make([]int32, len(indicators))
	var touched []int32
	for r, row := range rows {
		rk, ru := keyOf(row.Name), unitKeyOf(row.Unit)
		touched = touched[:0]
		for _, g := range rk.grams {
			for _, i := range index[g] {
				if shared[i] == 0 {
					touched = append(touched, i)
				}
				shared[i]++
			}
		}
		for _, i := range touched {
			s, name := nameScore(rk, keys[i], int(shared[i]))
			shared[i] = 0
			if s < MinConfidence {
				continue // no unit makes it more
			}
			if name == NameNormalised && strings.TrimSpace(row.Name) == strings.TrimSpace(indicators[i].Name) {
				name = NameSame
			}
			agree := ru.agreement(units[i])
			if s *= unitFactor(agree); s >= MinConfidence {
				cands = append(cands, candidate{row: r, ind: int(i), score: s,
					reason: Reason{Name: name, Unit: agree, RowUnit: row.Unit, IndicatorUnit: indicators[i].Unit}})
			}
		}
	}
	return assign(rows, indicators, cands)
}

// nameScore is how alike two names are, from 0 to 1, given their keys and
// how many pairs of characters they share: 1 when their keys are equal; by
// how much of the longer the shorter is when one holds the other; 0.85 of
// the share of their pairs in common (Dice's coefficient) otherwise. One
// key holds another only if it has all the other's pairs, so the
// comparison of texts is made only then.
func nameScore(a, b nameKey, shared int) (float64, NameAgreement) {
	short, long := min(a.runes, b.runes), max(a.runes, b.runes)
	if shared == len(a.grams) || shared == len(b.grams) {
		switch {
		case a.text == b.text:
			return 1, NameNormalised
		case short >= minKeyLength && (strings.Contains(a.text, b.text) || strings.Contains(b.text, a.text)):
			return 0.6 + 0.35*float64(short)/float64(long), NameContains
		}
	}
	dice := 2 * float64(shared) / float64(len(a.grams)+len(b.grams))
	return 0.85 * dice, NameSimilar
}

// assign takes the best pairs first, each row and indicator once, and
// sorts out what is left.
func assign(rows []Row, indicators []plan.Indicator, cands []candidate) Matching {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		case a.row != b.row:
			return a.row - b.row
		}
		return a.ind - b.ind
	})
	m := Matching{Matches: make([]RowMatch, len(rows)), byID: make(map[int64]plan.Indicator, len(indicators))}
	for r, row := range rows {
		m.Matches[r].Row = row
	}
	used := make([]bool, len(indicators))
	matched := make([]bool, len(rows))
	for _, c := range cands {
		if used[c.ind] || matched[c.row] {
			continue
		}
		used[c.ind], matched[c.row] = true, true
		m.Matches[c.row].IndicatorID = indicators[c.ind].ID
		m.Matches[c.row].Confidence, m.Matches[c.row].Reason = c.score, c.reason
	}
	for i, ind := range indicators {
		m.byID[ind.ID] = ind
		if !used[i] {
			m.Unused = append(m.Unused, ind)
		}
	}
	for r, mt := range m.Matches {
		switch {
		case !matched[r]:
			m.Unmatched = append(m.Unmatched, mt.Row)
		case strings.TrimSpace(m.byID[mt.IndicatorID].Midterm) == "":
			m.NoMidterm = append(m.NoMidterm, mt)
		}
	}
	return m
}
