package reviewdoc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noLineStart are the characters Chinese typesetting never starts a line
// with (避头): closing punctuation hangs at the end of the line instead.
const noLineStart = "，。、；：？！）》」』”’〉】〕…—·%,.;:?!)]}"

// noLineEnd are the characters no line ends with (避尾): opening
// punctuation moves to the next line with what it opens.
const noLineEnd = "（《「『“‘〈【〔([{"

// breakLines splits text into lines no wider than width, as measure
// measures: between any two Chinese characters, at spaces, and inside a
// Latin word or number only when it is wider than a line on its own.
// Newlines in the text start new lines.
func breakLines(text string, width float64, measure func(string) float64) []string {
	lines := breakRuns([]Run{{Text: text}}, width, func(s string, _ bool) float64 { return measure(s) })
	out := make([]string, len(lines))
	for i, l := range lines {
		for _, r := range l {
			out[i] += r.Text
		}
	}
	return out
}

// lineBreaker fills lines with runs, piece by piece.
type lineBreaker struct {
	width   float64
	measure func(string, bool) float64
	lines   [][]Run
	line    []Run
	used    float64
}

// breakRuns is breakLines for text in runs, some bold: each line is the
// runs' pieces on it, measured in their own font.
func breakRuns(runs []Run, width float64, measure func(string, bool) float64) [][]Run {
	lb := &lineBreaker{width: width, measure: measure}
	for _, run := range runs {
		for i, para := range strings.Split(run.Text, "\n") {
			if i > 0 {
				lb.flush()
			}
			for _, unit := range units(para) {
				lb.add(unit, run.Bold)
			}
		}
	}
	if len(lb.line) > 0 || len(lb.lines) == 0 {
		lb.flush()
	}
	return lb.lines
}

func (lb *lineBreaker) add(unit string, bold bool) {
	w := lb.measure(unit, bold)
	if lb.used > 0 && lb.used+w > lb.width && !strings.Contains(noLineStart, firstRune(unit)) {
		carry := lb.openerAtEnd()
		lb.flush()
		if unit == " " {
			return
		}
		if carry.Text != "" {
			lb.put(carry.Text, carry.Bold, lb.measure(carry.Text, carry.Bold))
		}
	}
	if w <= lb.width || lb.used > 0 {
		lb.put(unit, bold, w)
		return
	}
	// A word wider than the line: cut it where the line is full.
	for _, r := range unit {
		rw := lb.measure(string(r), bold)
		if lb.used > 0 && lb.used+rw > lb.width {
			lb.flush()
		}
		lb.put(string(r), bold, rw)
	}
}

// put appends text to the line, to its last run when the style is the same.
func (lb *lineBreaker) put(text string, bold bool, w float64) {
	if n := len(lb.line); n > 0 && lb.line[n-1].Bold == bold {
		lb.line[n-1].Text += text
	} else {
		lb.line = append(lb.line, Run{Text: text, Bold: bold})
	}
	lb.used += w
}

func (lb *lineBreaker) flush() {
	if n := len(lb.line); n > 0 {
		lb.line[n-1].Text = strings.TrimRight(lb.line[n-1].Text, " ")
	}
	lb.lines = append(lb.lines, lb.line)
	lb.line, lb.used = nil, 0
}

// openerAtEnd takes an opening punctuation mark off the end of the line,
// to start the next one with it.
func (lb *lineBreaker) openerAtEnd() Run {
	n := len(lb.line)
	if n == 0 {
		return Run{}
	}
	last := &lb.line[n-1]
	r, size := utf8.DecodeLastRuneInString(last.Text)
	if size == 0 || !strings.ContainsRune(noLineEnd, r) || size == len(last.Text) && n == 1 {
		return Run{}
	}
	last.Text = last.Text[:len(last.Text)-size]
	return Run{Text: string(r), Bold: last.Bold}
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// units cuts text where a line may break: each Chinese character (or
// other wide one) and each space on its own, runs of Latin letters,
// digits and their punctuation kept whole.
func units(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if r == ' ' || wide(r) {
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
			out = append(out, string(r))
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// wide reports a character that stands alone between breaks: Chinese,
// Japanese and Korean characters and the full-width punctuation.
func wide(r rune) bool {
	return r >= 0x2E80 || unicode.Is(unicode.Han, r) || strings.ContainsRune(noLineStart+noLineEnd, r) && r > 0x7F
}
