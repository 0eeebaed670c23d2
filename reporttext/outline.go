package reporttext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plandesk/cjk"
)

// line is one non-blank input line, trimmed, with what it turned out to be.
type line struct {
	text string
	// cols is the display width of the input line the text came from: for
	// the text after a run-in heading, the whole line's, which tells
	// whether the line was full.
	cols    int
	heading *heading
	// alone marks a line that is a paragraph by itself: a date, source or
	// salutation line before the first heading, or the subtitle line under
	// an appendix's title line.
	alone bool
}

// splitLines returns the non-blank lines of a normalized text, trimmed.
func splitLines(normalized string) []line {
	var lines []line
	for _, raw := range strings.Split(normalized, "\n") {
		if t := strings.TrimFunc(raw, isSpace); t != "" {
			lines = append(lines, line{text: t, cols: cjk.Width(t)})
		}
	}
	return lines
}

// outline tracks the open headings while lines are read: one entry a level,
// each with the numbering style that level uses and its last number.
type outline struct {
	levels []outlineLevel
	report *ParsedReport
}

type outlineLevel struct {
	style   numberStyle
	last    int
	section *ParsedSection
}

// accept reports whether a line is a heading of the outline: a heading
// starts a line that follows a finished sentence or another heading (a
// numbered line in the middle of a sentence is the sentence wrapping,
// "…第一、\n二、三产业融合…"), except for the first one; an appendix's
// title line is one only once the outline has begun.
func (o *outline) accept(text string, afterSentence bool) (heading, bool) {
	started := len(o.report.Sections) > 0
	if started && !afterSentence {
		return heading{}, false
	}
	if started {
		if h, ok := matchAppendix(text); ok {
			return h, true
		}
	}
	h, ok := matchHeading(text)
	return h, ok && o.fits(h)
}

// fits reports whether h continues the outline: the next number of a level
// already open, or the first number of a new, deeper level. Anything else is
// a numbered line inside a paragraph.
func (o *outline) fits(h heading) bool {
	for _, l := range o.levels {
		if l.style == h.style {
			return h.number == l.last+1
		}
	}
	return h.number == 1 && !h.stopped
}

// add places a heading that fits and returns its new section. An appendix
// is a top-level section that closes every level, so the numbering after
// it (一、 again) starts new top-level parts.
func (o *outline) add(h heading) *ParsedSection {
	s := &ParsedSection{Numbering: h.numbering, Title: h.title, TitleEnd: h.mark}
	if h.style == styleAppendix {
		o.levels = nil
		o.report.Sections = append(o.report.Sections, s)
		return s
	}
	depth := len(o.levels)
	for i, l := range o.levels {
		if l.style == h.style {
			depth = i
			break
		}
	}
	o.levels = append(o.levels[:depth], outlineLevel{style: h.style, last: h.number, section: s})
	if depth == 0 {
		o.report.Sections = append(o.report.Sections, s)
	} else {
		parent := o.levels[depth-1].section
		parent.Children = append(parent.Children, s)
	}
	return s
}

// outlineLines is the first pass: it tells the headings that form the
// outline from numbered lines inside paragraphs, and returns the lines
// before the first heading and the lines from it on, headings marked. A
// run-in heading's line becomes the heading and a line with the rest; a
// heading wrapped onto a second line (see continuesHeading) takes it in.
func outlineLines(all []line, wrap wrapWidth) (before, after []line, err error) {
	// The sections built here only let the outline judge which headings
	// fit; attachLines builds them again with their paragraphs.
	o := &outline{report: &ParsedReport{}}
	afterSentence := true
	sections := 0
	for i := 0; i < len(all); i++ {
		l := all[i]
		h, ok := o.accept(l.text, afterSentence)
		if !ok {
			if len(o.report.Sections) == 0 {
				before = append(before, l)
			} else {
				after = append(after, l)
				// A page number ends nothing: what follows it continues
				// the line before it.
				if !isPageMark(l.text) {
					afterSentence = endsSentence(l.text)
				}
			}
			continue
		}
		// Stop at the first heading past the bound: the text is refused
		// anyway, and its outline would only take memory.
		if sections++; sections > MaxSections {
			return nil, nil, &LimitError{Err: ErrTooManySections, Limit: MaxSections}
		}
		if i+1 < len(all) && wrap.continuesHeading(h, l, all[i+1]) {
			i++
			h.title = joinLines([]string{h.title, all[i].text})
		}
		o.add(h)
		after = append(after, line{text: l.text, cols: l.cols, heading: &h})
		afterSentence = true
		if h.style == styleAppendix && i+1 < len(all) && wrap.isSubtitle(all[i+1]) {
			// 附表 / 主要指标完成情况表 / 一、…: the table's name ends no
			// sentence, and the numbering under it starts again all the same.
			i++
			after = append(after, line{text: all[i].text, cols: all[i].cols, alone: true})
		}
		if h.rest != "" {
			after = append(after, line{text: h.rest, cols: l.cols})
			afterSentence = endsSentence(h.rest)
		}
	}
	return before, after, nil
}

// continuesHeading reports whether next is the end of heading h wrapped
// from the line hl: h stands alone on a full line (a heading that fits on
// its line never wraps, so a short heading is never joined with the line
// after it) and stops on no punctuation, and next is short, no heading,
// and no sentence or clause (no 。！？；： in it, no ，、 at its end). The
// first line of a body paragraph is full, or a sentence, so it is never
// taken for a heading's end.
func (w wrapWidth) continuesHeading(h heading, hl, next line) bool {
	if h.mark != "" || h.style == styleAppendix || endsOpen(h.title) {
		return false
	}
	n := utf8.RuneCountInString(next.text)
	if n > maxHeadingTailRunes || utf8.RuneCountInString(h.title)+n > maxWrappedHeadingRunes {
		return false
	}
	if strings.ContainsAny(next.text, "。！？!?；;：:") || strings.ContainsRune("，,、", lastRune(next.text)) {
		return false
	}
	if !w.wrapped && !cutHeading(h, next) {
		return false
	}
	if w.wrapped && (!w.isFull(hl.cols) || w.isFull(next.cols)) {
		return false
	}
	if _, ok := numbered(next.text); ok {
		return false
	}
	_, appendix := matchAppendix(next.text)
	return !appendix
}

// cutHeading reports, for a text that was not hard-wrapped, whether next
// is the end of a long heading broken by hand (1、推动产业转型升级，加快构建
// 具有白水特色的现代 / 产业体系): the heading is long and next a few
// characters with no punctuation or digit at all, which no body text is.
func cutHeading(h heading, next line) bool {
	if utf8.RuneCountInString(h.title) < minCutHeadingRunes || utf8.RuneCountInString(next.text) > maxCutTailRunes {
		return false
	}
	return strings.IndexFunc(next.text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsDigit(r) }) < 0
}

// isSubtitle reports whether l, the line under an appendix's title line,
// names the appendix: short, no sentence or clause in it, not numbered and
// not a full line of text.
func (w wrapWidth) isSubtitle(l line) bool {
	if !plainTitle(l.text, maxHeadingRunes) || strings.ContainsAny(l.text, "；;：:") || w.isFull(l.cols) {
		return false
	}
	_, isNumbered := numbered(l.text)
	return !isNumbered
}
