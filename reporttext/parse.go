package reporttext

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"plandesk/cjk"

	"golang.org/x/text/width"
)

// Errors ParseReport returns for input it cannot read as a report. The app
// matches them with errors.Is to explain the problem in the user's language.
var (
	// ErrEmptyInput means the file holds nothing but white space.
	ErrEmptyInput = errors.New("the file is empty")
	// ErrNotText means the file holds binary data, not text.
	ErrNotText = errors.New("the file is not a text file")
	// ErrNotUTF8 means the file is text in an encoding other than UTF-8.
	ErrNotUTF8 = errors.New("the file is not UTF-8 text")
	// ErrNoHeadings means no numbered heading (一、 1. （一）) was found.
	ErrNoHeadings = errors.New("no numbered headings found")
)

// ParsedReport is a report's text split into its title and section tree,
// ready to be stored by Store.ImportReport.
type ParsedReport struct {
	// Title is the title block (the lines before the first heading) joined into one line.
	Title string
	// Region is the administrative area the title names (汉阳区), or empty.
	Region string
	// PlanPeriod is the plan the title names in its short form (十四五), or empty.
	PlanPeriod string
	// EvaluationDate is a year and month written in the title block, or empty.
	EvaluationDate string
	// Sections are the top-level parts in reading order.
	Sections []*ParsedSection
}

// ParsedSection is one numbered heading with its text and subsections.
type ParsedSection struct {
	// Numbering is the heading's label as written: "一、", "1.", "（一）".
	Numbering string
	// Title is the heading text after its numbering.
	Title string
	// Paragraphs is the text between this heading and the next, rejoined.
	Paragraphs []string
	// Children are the subsections in reading order.
	Children []*ParsedSection
}

// Walk calls visit for every section in reading order (a pre-order walk),
// with its depth (0 for top-level parts) and its parent (nil at the top).
func (p *ParsedReport) Walk(visit func(s, parent *ParsedSection, depth int)) {
	var walk func(list []*ParsedSection, parent *ParsedSection, depth int)
	walk = func(list []*ParsedSection, parent *ParsedSection, depth int) {
		for _, s := range list {
			visit(s, parent, depth)
			walk(s.Children, s, depth+1)
		}
	}
	walk(p.Sections, nil, 0)
}

// Counts returns how many sections and paragraphs the report holds.
func (p *ParsedReport) Counts() (sections, paragraphs int) {
	p.Walk(func(s, _ *ParsedSection, _ int) {
		sections++
		paragraphs += len(s.Paragraphs)
	})
	return sections, paragraphs
}

// numberStyle is a way of numbering headings; each level of an outline uses one.
type numberStyle int

const (
	styleChineseComma numberStyle = iota + 1 // 一、
	styleArabicDot                           // 1. or 1．
	styleChineseParen                        // （一） or (一)
)

var (
	chineseCommaHeading = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	arabicDotHeading    = regexp.MustCompile(`^([0-9０-９]{1,2}[.．])(.+)$`)
	chineseParenHeading = regexp.MustCompile(`^([（(][一二三四五六七八九十]+[）)])(.+)$`)
	regionInTitle       = regexp.MustCompile(`^(\p{Han}{1,8}?(?:自治区|自治州|省|市|区|县|旗))`)
	planInTitle         = regexp.MustCompile(`第([一二三四五六七八九十]+)个五年|([一二三四五六七八九十]+)五规划`)
	dateInTitle         = regexp.MustCompile(`\d{4}年\d{1,2}月`)
)

// heading is a line that looks like a numbered heading.
type heading struct {
	style     numberStyle
	number    int
	numbering string
	title     string
}

// maxHeadingRunes bounds a heading's title: a longer line is a sentence.
// (MaxTitleRunes bounds the report's title.)
const maxHeadingRunes = 40

// matchHeading reports whether a trimmed line looks like a numbered heading.
// Whether it really is one depends on the outline so far (see outline.accept).
func matchHeading(line string) (heading, bool) {
	var h heading
	if m := chineseCommaHeading.FindStringSubmatch(line); m != nil {
		h = heading{style: styleChineseComma, number: chineseNumber(m[1]), numbering: m[1] + "、", title: m[2]}
	} else if m := arabicDotHeading.FindStringSubmatch(line); m != nil {
		if unicode.IsDigit(firstRune(strings.TrimLeftFunc(m[2], isSpace))) {
			return heading{}, false // a decimal such as 4.1万, not a heading
		}
		n, _ := strconv.Atoi(width.Narrow.String(strings.TrimRight(m[1], ".．")))
		h = heading{style: styleArabicDot, number: n, numbering: m[1], title: m[2]}
	} else if m := chineseParenHeading.FindStringSubmatch(line); m != nil {
		inner := strings.TrimFunc(m[1], func(r rune) bool { return strings.ContainsRune("（()）", r) })
		h = heading{style: styleChineseParen, number: chineseNumber(inner), numbering: m[1], title: m[2]}
	} else {
		return heading{}, false
	}
	h.title = strings.TrimLeftFunc(h.title, isSpace)
	if h.number <= 0 || h.title == "" || utf8.RuneCountInString(h.title) > maxHeadingRunes {
		return heading{}, false
	}
	if strings.ContainsAny(h.title, "。！？") || strings.ContainsRune("，、；：,;:", lastRune(h.title)) {
		return heading{}, false
	}
	return h, true
}

// chineseNumber reads 一 … 九十九; it returns 0 for anything else.
func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	runes := []rune(s)
	switch {
	case len(runes) == 1 && runes[0] == '十':
		return 10
	case len(runes) == 1:
		return digits[runes[0]]
	case len(runes) == 2 && runes[0] == '十' && digits[runes[1]] > 0:
		return 10 + digits[runes[1]]
	case len(runes) == 2 && runes[1] == '十':
		return digits[runes[0]] * 10
	case len(runes) == 3 && runes[1] == '十':
		if digits[runes[0]] == 0 || digits[runes[2]] == 0 {
			return 0
		}
		return digits[runes[0]]*10 + digits[runes[2]]
	}
	return 0
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

// fits reports whether h continues the outline: the next number of a level
// already open, or the first number of a new, deeper level. Anything else is
// a numbered line inside a paragraph.
func (o *outline) fits(h heading) bool {
	for _, l := range o.levels {
		if l.style == h.style {
			return h.number == l.last+1
		}
	}
	return h.number == 1
}

// add places a heading that fits and returns its new section.
func (o *outline) add(h heading) *ParsedSection {
	s := &ParsedSection{Numbering: h.numbering, Title: h.title}
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

// line is one non-blank input line, trimmed, with what it turned out to be.
type line struct {
	text    string
	heading *heading
}

// ParseReport splits the plain text of a plan evaluation report, as
// extracted from its PDF, into a title and a tree of numbered sections.
//
// Hard-wrapped lines are rejoined into paragraphs and the spaces PDF
// extraction leaves next to Chinese characters are dropped; every other
// character of the input is kept, in order, exactly once.
//
// Input past the bounds in limits.go is refused with a *LimitError: more
// than MaxTextBytes (callers that read a file check that first, with
// ReadFile or ReadText) or more than MaxSections headings. A title block
// longer than MaxTitleRunes is cut there; the rest of it becomes the text
// of an untitled first section.
func ParseReport(raw []byte) (*ParsedReport, error) {
	if err := checkSize(int64(len(raw)), true); err != nil {
		return nil, err
	}
	if len(bytes.TrimFunc(raw, isSpace)) == 0 {
		return nil, ErrEmptyInput
	}
	text, ok := cjk.Decode(raw)
	if !ok {
		if checkText(raw) == ErrNotText {
			return nil, ErrNotText // binary rather than text in an unknown encoding
		}
		return nil, ErrNotUTF8
	}
	if err := checkText(text); err != nil {
		return nil, err
	}
	normalized := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n").Replace(string(text))
	titleLines, lines, err := outlineLines(normalized)
	if err != nil {
		return nil, err
	}

	// Second pass: the outline is known; attach the body lines to their sections.
	report := &ParsedReport{}
	titleLines, preamble := splitTitle(titleLines)
	report.Title = joinLines(titleLines)
	report.Region, report.PlanPeriod, report.EvaluationDate = titleFacts(report.Title)
	attachLines(report, append(preamble, lines...))
	return report, nil
}

// splitTitle keeps the lines before the first heading in the title while
// they fit in MaxTitleRunes, and returns the rest as body lines. A first
// line that alone is longer is cut there. The title is bounded so a text
// with no heading for megabytes cannot become a title that every list of
// reports has to lay out; the rest is kept, as text, so nothing is lost.
func splitTitle(lines []string) (title []string, rest []line) {
	runes := 0
	for i, l := range lines {
		n := utf8.RuneCountInString(l)
		if i > 0 {
			n++ // joinLines may put a space between two lines
		}
		if runes+n <= MaxTitleRunes {
			runes += n
			continue
		}
		title, lines = lines[:i], lines[i:]
		if i == 0 {
			cut := runeOffset(l, MaxTitleRunes)
			title = []string{strings.TrimRightFunc(l[:cut], isSpace)}
			if t := strings.TrimLeftFunc(l[cut:], isSpace); t != "" {
				rest = append(rest, line{text: t})
			}
			lines = lines[1:]
		}
		for _, t := range lines {
			rest = append(rest, line{text: t})
		}
		return title, rest
	}
	return lines, nil
}

// runeOffset is the byte offset of s's n-th rune, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// outlineLines is the first pass: it tells the headings that form the
// outline from numbered lines inside paragraphs, and returns the lines
// before the first heading (the title) and every line after it.
func outlineLines(normalized string) (titleLines []string, lines []line, err error) {
	// The sections built here only let the outline judge which headings
	// fit; attachLines builds them again with their paragraphs.
	report := &ParsedReport{}
	o := &outline{report: report}
	// A heading starts a line that follows a finished sentence or another
	// heading; a numbered line in the middle of a sentence is the sentence
	// wrapping ("…第一、\n二、三产业融合…").
	afterSentence := true
	sections := 0
	for _, raw := range strings.Split(normalized, "\n") {
		t := strings.TrimFunc(raw, isSpace)
		if t == "" {
			continue
		}
		if h, ok := matchHeading(t); ok && o.fits(h) && (afterSentence || len(report.Sections) == 0) {
			// Stop at the first heading past the bound: the text is refused
			// anyway, and its outline would only take memory.
			if sections++; sections > MaxSections {
				return nil, nil, &LimitError{Err: ErrTooManySections, Limit: MaxSections}
			}
			o.add(h)
			lines = append(lines, line{text: t, heading: &h})
			afterSentence = true
			continue
		}
		if len(report.Sections) == 0 {
			titleLines = append(titleLines, t)
			continue
		}
		lines = append(lines, line{text: t})
		afterSentence = endsSentence(t)
	}
	if len(report.Sections) == 0 {
		return nil, nil, ErrNoHeadings
	}
	return titleLines, lines, nil
}

// attachLines builds report's sections from the heading lines and joins
// the lines between them into paragraphs. It runs only once every line is
// known, because where a paragraph ends depends on the width the whole text
// was wrapped at.
func attachLines(report *ParsedReport, lines []line) {
	o := &outline{report: report}
	wrap := measureWrap(lines)
	var current *ParsedSection
	var paragraph []string
	flush := func() {
		if len(paragraph) > 0 {
			current.Paragraphs = append(current.Paragraphs, joinLines(paragraph))
			paragraph = nil
		}
	}
	for _, l := range lines {
		if l.heading != nil {
			if current != nil {
				flush()
			}
			current = o.add(*l.heading)
			current.Title = cleanSpaces(current.Title)
			continue
		}
		if current == nil {
			// Text before the first heading that did not fit in the title
			// (splitTitle): an untitled section outside the outline keeps it.
			current = &ParsedSection{}
			report.Sections = append(report.Sections, current)
		}
		paragraph = append(paragraph, l.text)
		if wrap.endsParagraph(l.text) {
			flush()
		}
	}
	flush()
}

// checkText rejects input that is empty, binary or not UTF-8.
func checkText(text []byte) error {
	if len(bytes.TrimFunc(text, isSpace)) == 0 {
		return ErrEmptyInput
	}
	controls := 0
	for _, b := range text {
		if b == 0 {
			return ErrNotText
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	if controls*100 > len(text) {
		return ErrNotText
	}
	if !utf8.Valid(text) {
		lineNo := 1
		for len(text) > 0 {
			r, size := utf8.DecodeRune(text)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				lineNo++
			}
			text = text[size:]
		}
		return fmt.Errorf("line %d: %w", lineNo, ErrNotUTF8)
	}
	return nil
}

// wrapWidth describes how the source was hard-wrapped: full lines are about
// full display columns wide. A paragraph ends on a line that closes a
// sentence and stops visibly short of that width (the PDF's line was not
// full). Text that was not hard-wrapped ends a paragraph at every sentence end
// that also ends a line.
type wrapWidth struct {
	full    int
	wrapped bool
}

func measureWrap(lines []line) wrapWidth {
	var widths []int
	for _, l := range lines {
		if l.heading == nil {
			widths = append(widths, cjk.Width(l.text))
		}
	}
	if len(widths) == 0 {
		return wrapWidth{}
	}
	slices.Sort(widths)
	full := widths[len(widths)*9/10]
	nearFull := 0
	for _, w := range widths {
		if w*100 >= full*85 {
			nearFull++
		}
	}
	return wrapWidth{full: full, wrapped: nearFull*2 >= len(widths)}
}

// shortBy is how many display columns short of full a line must stop to count
// as the last line of its paragraph (a full-width character is two columns).
const shortBy = 3

func (w wrapWidth) endsParagraph(text string) bool {
	trimmed := strings.TrimRightFunc(text, isClosingMark)
	if !strings.ContainsRune("。！？!?…", lastRune(trimmed)) {
		return false
	}
	return !w.wrapped || cjk.Width(text) <= w.full-shortBy
}

// endsSentence reports whether a line ends a sentence or clause list, after
// which a numbered heading may follow.
func endsSentence(text string) bool {
	return strings.ContainsRune("。！？!?…；;：:", lastRune(strings.TrimRightFunc(text, isClosingMark)))
}

func isClosingMark(r rune) bool { return strings.ContainsRune("”’」』）)\"'", r) }

// joinLines rejoins hard-wrapped lines: nothing between them, except one
// space where a Latin word was split across two lines.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = cleanSpaces(l)
		if i > 0 && b.Len() > 0 && isLatinLetter(lastRune(b.String())) && isLatinLetter(firstRune(l)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// cleanSpaces drops white space next to Chinese characters and punctuation,
// which PDF extraction inserts around numbers ("突破 210家"), and folds other
// runs of white space into one space.
func cleanSpaces(s string) string {
	runes := []rune(strings.TrimFunc(s, isSpace))
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		if !isSpace(runes[i]) {
			b.WriteRune(runes[i])
			continue
		}
		j := i
		for j < len(runes) && isSpace(runes[j]) {
			j++
		}
		if !isWide(runes[i-1]) && !isWide(runes[j]) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// titleFacts reads what a report's title says about itself.
func titleFacts(title string) (region, pl, date string) {
	if m := regionInTitle.FindStringSubmatch(title); m != nil {
		region = m[1]
	}
	if m := planInTitle.FindStringSubmatch(title); m != nil {
		pl = m[1] + m[2] + "五"
	}
	date = dateInTitle.FindString(title)
	return region, pl, date
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// isWide reports whether r is a CJK character or punctuation, next to which
// Chinese typesetting puts no space.
func isWide(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return true
	}
	return r >= 0x2000 && r <= 0x206F || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// Text is the report's title, headings and paragraphs joined in reading
// order, nothing between them: what a store of the report must give back.
func (p *ParsedReport) Text() string {
	var b strings.Builder
	b.WriteString(p.Title)
	p.Walk(func(s, _ *ParsedSection, _ int) {
		b.WriteString(s.Numbering + s.Title)
		for _, para := range s.Paragraphs {
			b.WriteString(para)
		}
	})
	return b.String()
}
