package plan

import (
	"cmp"
	"slices"
	"strings"

	"plandesk/reporttext"
)

// Link is a number in a paragraph that an indicator was read from: the
// report's text as written, which editing the indicator never changes.
type Link struct {
	// Start and End are the number's byte range in the paragraph's text,
	// qualifier and unit included (突破210家).
	Start, End int
	// IndicatorID is the indicator read from it.
	IndicatorID int64
	// Field is the indicator's field the number became: FieldMidterm,
	// FieldTarget or FieldBaseline.
	Field Field
	// AsWritten is the number as the paragraph writes it.
	AsWritten string
}

// Edited reports whether the indicator's field no longer says what the
// text does (the reviewer corrected the value): the text stays as the
// report wrote it, and both are shown.
func (l Link) Edited(ind *Indicator) bool {
	return strings.TrimSpace(ind.Get(l.Field)) != l.AsWritten
}

// NumberLinks finds, in paragraph p, the numbers the indicators were read
// from, in the order of the text. Only an indicator whose source sentence
// is in p has links: its sentence is read again with the grammar that
// proposed it (reporttext), so a value the reviewer has since edited is
// still found as the text writes it. Two indicators read from one number
// (办结率、满意率达到100%) each have a link on it.
func NumberLinks(p Paragraph, indicators []Indicator) []Link {
	var links []Link
	for i := range indicators {
		ind := &indicators[i]
		if ind.SourceParagraphID == nil || *ind.SourceParagraphID != p.ID || ind.Source == "" {
			continue
		}
		at := strings.Index(p.Text, ind.Source)
		if at < 0 {
			continue // the sentence was cut by a page mark; nothing to point at
		}
		links = append(links, sentenceLinks(p.Text, at, ind)...)
	}
	slices.SortStableFunc(links, func(a, b Link) int { return cmp.Compare(a.Start, b.Start) })
	return links
}

// sentenceLinks links the numbers of ind's source sentence, which starts
// at byte at of text, to the fields they became: the rank-th quantity of
// the sentence written so, or the last one where the sentence writes it
// fewer times (one number for two indicators).
func sentenceLinks(text string, at int, ind *Indicator) []Link {
	sentence := ind.Source
	spans := reporttext.QuantitySpans(sentence)
	var links []Link
	for _, w := range writtenValues(sentence, ind) {
		var same [][2]int
		for _, s := range spans {
			if sameNumber(sentence[s[0]:s[1]], w.text) {
				same = append(same, s)
			}
		}
		if len(same) == 0 {
			continue
		}
		s := same[min(w.rank, len(same)-1)]
		start, end := at+s[0], at+s[1]
		links = append(links, Link{Start: start, End: end, IndicatorID: ind.ID, Field: w.field, AsWritten: text[start:end]})
	}
	return links
}

// sameNumber reports whether a quantity of the text, span, is the value
// written: the same, or the first of a 分别 list whose qualifier the
// proposal gave each item (7%、8%左右 gives 7%左右).
func sameNumber(span, value string) bool {
	return span == value || span != "" && strings.HasPrefix(value, span)
}

// fieldText is a value as the sentence writes it, the field it became,
// and how many values before it in the sentence are written the same.
type fieldText struct {
	field Field
	text  string
	rank  int
}

// writtenValues are the numbers ind was read from, as its sentence writes
// them, from the sentence's proposal that is ind (see matchProposal); the
// indicator's own values when the sentence proposes none of it.
func writtenValues(sentence string, ind *Indicator) []fieldText {
	proposals := reporttext.ExtractIndicators(sentence)
	best := matchProposal(proposals, ind)
	if best < 0 {
		return ownValues(ind)
	}
	seen := map[string]int{}
	for _, pr := range proposals[:best] {
		for _, w := range proposalValues(pr, ind) {
			seen[w.text]++
		}
	}
	out := proposalValues(proposals[best], ind)
	for i := range out {
		out[i].rank = seen[out[i].text]
		seen[out[i].text]++
	}
	return out
}

// proposalValues are a proposal's numbers in the order the sentence writes
// them, each with the field of ind it became. Read without the section's
// headings, a value under 工作打算 is a mid-term value; the indicator says
// whether it became the target.
func proposalValues(pr reporttext.Proposal, ind *Indicator) []fieldText {
	var out []fieldText
	add := func(f Field, text string) {
		if text != "" {
			out = append(out, fieldText{field: f, text: text})
		}
	}
	add(FieldBaseline, pr.Baseline)
	value := FieldMidterm
	if pr.Target == "" && ind.Midterm == "" && ind.Target != "" {
		value = FieldTarget
	}
	add(value, pr.Value)
	add(FieldTarget, pr.Target)
	return out
}

// matchProposal is the proposal of a sentence that indicator ind was
// made from: the one of its name, unit and values, or of its name, or of
// one of its values (the reviewer edited the others); -1 when none is.
func matchProposal(proposals []reporttext.Proposal, ind *Indicator) int {
	best, score := -1, 1
	for i, pr := range proposals {
		s := 0
		if pr.Name == ind.Name {
			s += 2
		}
		if sharesValue(pr, ind) {
			s += 2
		}
		if s > 0 && pr.Unit == ind.Unit {
			s++
		}
		if s > score {
			best, score = i, s
		}
	}
	return best
}

// sharesValue reports whether a proposal states one of the indicator's
// values as it stands now.
func sharesValue(pr reporttext.Proposal, ind *Indicator) bool {
	for _, v := range []string{pr.Value, pr.Target, pr.Baseline} {
		if v != "" && (v == ind.Midterm || v == ind.Target || v == ind.Baseline) {
			return true
		}
	}
	return false
}

// ownValues are the indicator's values as they stand, for a sentence the
// grammar proposes nothing of it from (the grammar changed since).
func ownValues(ind *Indicator) []fieldText {
	var out []fieldText
	for _, f := range []Field{FieldBaseline, FieldMidterm, FieldTarget} {
		if v := strings.TrimSpace(ind.Get(f)); v != "" {
			out = append(out, fieldText{field: f, text: v})
		}
	}
	return out
}
