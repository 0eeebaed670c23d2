package reporttext

import (
	"strings"
	"unicode/utf8"

	"plandesk/cjk"
)

// What a reader of a structured document (a .docx, whose paragraphs and
// headings the file itself marks) borrows from the text rules, so that a
// report reads the same whichever file it came in: the title block, the
// facts its title gives, and a heading's numbering written by hand.

// Front is what a document's paragraphs before its first heading hold.
type Front struct {
	// Title is the report's title, at most MaxTitleRunes characters.
	Title string
	// Region, PlanPeriod and EvaluationDate are what the title, or a date
	// paragraph after it, says (see ParsedReport).
	Region, PlanPeriod, EvaluationDate string
	// Preface is the paragraphs left for the section PrefaceTitle, one for
	// each paragraph of the document that is not the title, in order.
	Preface []string
}

// ReadFront reads the paragraphs before a document's first heading as
// ParseReport reads the lines before a text's first heading, each
// paragraph a line that is never joined with another. The title is the
// paragraphs the title rules take (see the comment above maxTitleLines),
// or, when the document marks its title (a paragraph in its Title style),
// title as given; a title over MaxTitleRunes is cut there, and the rest of
// it is the Preface's first paragraph, so nothing is lost.
func ReadFront(title string, paragraphs []string) Front {
	lines := make([]line, 0, len(paragraphs))
	for _, p := range paragraphs {
		if t := strings.TrimFunc(p, isSpace); t != "" {
			lines = append(lines, line{text: t, cols: cjk.Width(t)})
		}
	}
	var f Front
	var rest []line
	title = strings.TrimFunc(title, isSpace)
	if title == "" {
		f.Title, rest = splitTitle(lines, wrapWidth{})
	} else {
		f.Title = title
		if utf8.RuneCountInString(title) > MaxTitleRunes {
			cut := runeOffset(title, MaxTitleRunes)
			f.Title = strings.TrimRightFunc(title[:cut], isSpace)
			rest = append(rest, line{text: strings.TrimLeftFunc(title[cut:], isSpace)})
		}
		for _, l := range lines {
			l.alone = stopsTitle(l.text) || isAuthor(l.text)
			rest = append(rest, l)
		}
	}
	f.Region, f.PlanPeriod, f.EvaluationDate = titleFacts(f.Title, rest)
	for _, l := range rest {
		f.Preface = append(f.Preface, l.text)
	}
	return f
}

// SplitNumbering splits a heading's text into the numbering it opens with,
// as the text rules read one (一、 1. 1、 （一） （1） ①), and its title
// after it; numbering is empty, and title the whole text trimmed, when it
// opens with none or with a number that is part of its words (4.1万).
func SplitNumbering(text string) (numbering, title string) {
	text = strings.TrimFunc(text, isSpace)
	if h, ok := numbered(text); ok {
		return h.numbering, h.title
	}
	return "", text
}
