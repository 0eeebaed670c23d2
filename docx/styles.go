package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// style is what PlanDesk needs of one paragraph or numbering style in
// styles.xml; properties it does not set are inherited along basedOn.
type style struct {
	id, name, basedOn string
	// outline is the style's own w:outlineLvl: 0–8 a heading level, 9 body
	// text, -1 when the style sets none.
	outline int
	// numID and ilvl are the style's own numbering (w:numPr); numSet says
	// it sets one (numID "0" takes the inherited numbering away), ilvl is
	// -1 when it names no level.
	numID  string
	numSet bool
	ilvl   int
}

// styleSheet is a document's paragraph styles by id, and its numbering
// styles (the target of an abstractNum's numStyleLink) by id.
type styleSheet struct {
	paragraph map[string]*style
	numbering map[string]*style
	defaultID string
}

// paraKind is what a paragraph style makes of a paragraph besides its
// outline level.
type paraKind int

const (
	kindBody paraKind = iota
	// kindTitle is the document's title (Title, Subtitle).
	kindTitle
	// kindTOC is a table of contents entry or its heading, left out.
	kindTOC
)

var (
	headingName = regexp.MustCompile(`^(?i)(?:heading|标题)\s*([1-9])$`)
	// headingID is how a heading style's id reads when its definition is
	// missing: Heading1 (Word in English, LibreOffice), 1 … 9 (Word in
	// Chinese, which keeps the digit of 标题 1).
	headingID = regexp.MustCompile(`^(?i)(?:heading\s*|标题\s*)?([1-9])$`)
	titleName = regexp.MustCompile(`^(?i)(?:title|subtitle|标题|副标题)$`)
	tocName   = regexp.MustCompile(`^(?i)(?:toc|contents|目录)\s*(?:[1-9]|heading|标题)?$`)
)

// readStyles reads styles.xml; a document without one has no styles.
func readStyles(p *pkg, name string) (*styleSheet, error) {
	ss := &styleSheet{paragraph: map[string]*style{}, numbering: map[string]*style{}}
	if name == "" || !p.has(name) {
		return ss, nil
	}
	x, pr, err := p.xmlPart(name, MaxPartBytes)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) {
			return ss, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && isW(se.Name, "style") {
			if err := ss.readStyle(x, se); err != nil {
				return nil, err
			}
		}
	}
}

// readStyle reads one w:style, keeping paragraph and numbering styles.
func (ss *styleSheet) readStyle(x *xmlReader, se xml.StartElement) error {
	kind := attr(se, "type")
	if kind != "paragraph" && kind != "numbering" && kind != "" {
		return x.skip()
	}
	s := &style{id: attr(se, "styleId"), outline: -1, ilvl: -1}
	err := x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "name"):
			s.name = attr(c, "val")
		case isW(c.Name, "basedOn"):
			s.basedOn = attr(c, "val")
		case isW(c.Name, "pPr"):
			return x.each(func(c xml.StartElement) error {
				switch {
				case isW(c.Name, "outlineLvl"):
					s.outline = intAttr(c, "val", -1)
				case isW(c.Name, "numPr"):
					s.numSet = true
					return readNumPr(x, &s.numID, &s.ilvl)
				}
				return x.skip()
			})
		}
		return x.skip()
	})
	if err != nil {
		return err
	}
	if kind == "numbering" {
		ss.numbering[s.id] = s
		return nil
	}
	if d := attr(se, "default"); d == "1" || d == "true" || d == "on" {
		ss.defaultID = s.id
	}
	ss.paragraph[s.id] = s
	return nil
}

// readNumPr reads a w:numPr's numId and ilvl into numID and ilvl (left
// as they are when absent).
func readNumPr(x *xmlReader, numID *string, ilvl *int) error {
	return x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "numId"):
			*numID = attr(c, "val")
		case isW(c.Name, "ilvl"):
			*ilvl = intAttr(c, "val", 0)
		}
		return x.skip()
	})
}

// chain calls fn with the style id, then each style it is based on,
// until fn returns true. A missing style ends the chain; so does a cycle,
// after maxStyleChain steps.
func (ss *styleSheet) chain(id string, fn func(*style) bool) {
	for range maxStyleChain {
		s := ss.paragraph[id]
		if s == nil || fn(s) {
			return
		}
		id = s.basedOn
	}
}

// outlineLevel is the heading level (0–8) the style id gives a paragraph,
// 9 for body text, or -1 when neither it nor the styles it is based on say
// either: an outline level set on the style, else a heading style's name
// (heading 1, 标题 1), else, for a style the sheet lacks, its id.
func (ss *styleSheet) outlineLevel(id string) int {
	if _, ok := ss.paragraph[id]; !ok {
		if m := headingID.FindStringSubmatch(id); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n - 1
		}
		return -1
	}
	level := -1
	ss.chain(id, func(s *style) bool {
		if s.outline >= 0 && s.outline <= 9 {
			level = s.outline
			return true
		}
		if m := headingName.FindStringSubmatch(strings.TrimSpace(s.name)); m != nil {
			n, _ := strconv.Atoi(m[1])
			level = n - 1
			return true
		}
		return false
	})
	return level
}

// kind is what the style id makes of a paragraph: the title, a table of
// contents entry, or anything else; the nearest style in its chain with a
// name (or, nameless, an id) PlanDesk knows decides.
func (ss *styleSheet) kind(id string) paraKind {
	kind := kindBody
	test := func(name string) bool {
		switch {
		case titleName.MatchString(name):
			kind = kindTitle
		case tocName.MatchString(name):
			kind = kindTOC
		default:
			return false
		}
		return true
	}
	if _, ok := ss.paragraph[id]; !ok {
		test(id)
		return kind
	}
	ss.chain(id, func(s *style) bool {
		name := strings.TrimSpace(s.name)
		if name == "" {
			name = s.id
		}
		return test(name)
	})
	return kind
}

// numberingOf is the list the style id numbers its paragraphs with, from
// the nearest style in its chain that sets one: numID "" (or "0") for
// none, ilvl -1 when the style names no level.
func (ss *styleSheet) numberingOf(id string) (numID string, ilvl int) {
	ilvl = -1
	ss.chain(id, func(s *style) bool {
		if s.numSet {
			numID, ilvl = s.numID, s.ilvl
		}
		return s.numSet
	})
	return numID, ilvl
}
