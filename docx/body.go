package docx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"plandesk/reporttext"
)

// block is one paragraph or one table of a document, in reading order.
type block struct {
	para  *paragraph
	table *reporttext.Table
}

// paragraph is a paragraph as read: its text, its list label, and what its
// style and properties make of it.
type paragraph struct {
	// text is the paragraph's words, tidied, without its label or notes.
	text string
	// label is its automatic number as Word shows it (一、), suffix what
	// follows the label (see level.suffix).
	label, suffix string
	// level is the heading level, 0–8, or -1 for body text.
	level int
	kind  paraKind
	// notes are the texts of the footnotes and endnotes it refers to.
	notes []string
	// joinsNext says the paragraph's mark is a tracked deletion: accepted,
	// the paragraph runs on into the next.
	joinsNext bool
}

// display is the paragraph as a paragraph of the report: label, text and
// notes.
func (p *paragraph) display() string {
	s := withLabel(p.label, p.suffix, p.text)
	for _, n := range p.notes {
		s += noteText(n)
	}
	return s
}

// reading is the state of reading one document: what the parts read
// before the body give it, the counters and open fields that run on
// across paragraphs, and what the Result reports.
type reading struct {
	styles    *styleSheet
	numbering *numberingDefs
	counters  *counters
	notes     map[string]string
	fields    []field
	res       *Result
	textBytes int
	rawText   int
	cells     int
}

// maxRawText bounds the text of all the document's w:t, white space,
// deleted and hidden text included: twice what a report may keep.
const maxRawText = 2 * reporttext.MaxTextBytes

// field is an open complex field (w:fldChar begin … end): its instruction
// so far, and whether its result (after separate) is being read.
type field struct {
	instr     strings.Builder
	separated bool
	kind      string
}

// maxOpenFields bounds the fields open at once; Word nests a few.
const maxOpenFields = 64

// hiddenFields are the fields whose result PlanDesk leaves out: the table
// of contents and the page numbers, which repeat or depend on the layout.
var hiddenFields = map[string]bool{"TOC": true, "PAGE": true, "NUMPAGES": true, "SECTIONPAGES": true,
	"PAGEREF": true, "INDEX": true, "TOA": true}

// hidden reports whether text read now is left out: it is in a field's
// instruction, or in the result of a field PlanDesk leaves out.
func (r *reading) hidden() bool {
	for i := range r.fields {
		if !r.fields[i].separated || hiddenFields[r.fields[i].kind] {
			return true
		}
	}
	return false
}

// fieldChar opens, separates or closes a complex field.
func (r *reading) fieldChar(kind string) {
	switch kind {
	case "begin":
		r.fields = append(r.fields, field{})
		if len(r.fields) > maxOpenFields {
			// A file that opens fields without end: forget the oldest
			// rather than grow.
			r.fields = r.fields[1:]
		}
	case "separate":
		if n := len(r.fields); n > 0 {
			f := &r.fields[n-1]
			f.separated = true
			f.kind = fieldKind(f.instr.String())
		}
	case "end":
		if n := len(r.fields); n > 0 {
			r.fields = r.fields[:n-1]
		}
	}
}

// fieldKind is the first word of a field instruction, upper-cased: TOC,
// PAGE, HYPERLINK ….
func fieldKind(instr string) string {
	if f := strings.Fields(instr); len(f) > 0 {
		return strings.ToUpper(f[0])
	}
	return ""
}

// revised notes that the document holds tracked changes.
func (r *reading) revised() { r.res.HasRevisions = true }

// blocks reads the block content of the element just started (the body,
// a table cell, a note, a content control) up to its end, passing each
// paragraph and table to emit. A paragraph whose mark was deleted in a
// tracked change runs on into the next one, as accepting the change does.
func (r *reading) blocks(x *xmlReader, emit func(block) error) error {
	var carry *paragraph
	err := x.each(func(se xml.StartElement) error {
		return r.block(x, se, func(b block) error {
			if carry != nil && b.para != nil {
				b.para.text = tidy(carry.display() + " " + b.para.text)
			} else if carry != nil {
				if err := emit(block{para: carry}); err != nil {
					return err
				}
			}
			carry = nil
			if b.para != nil && b.para.joinsNext {
				carry = b.para
				return nil
			}
			return emit(b)
		})
	})
	if err == nil && carry != nil {
		err = emit(block{para: carry})
	}
	return err
}

// block reads one element of block content.
func (r *reading) block(x *xmlReader, se xml.StartElement, emit func(block) error) error {
	switch {
	case isW(se.Name, "p"):
		p, err := r.paragraph(x)
		if err != nil || p == nil {
			return err
		}
		return emit(block{para: p})
	case isW(se.Name, "tbl"):
		t, err := r.table(x)
		if err != nil {
			return err
		}
		return emit(block{table: &t})
	case isW(se.Name, "sdt"):
		return r.sdt(x, func() error { return r.blocks(x, emit) })
	case isW(se.Name, "del"), isW(se.Name, "moveFrom"):
		r.revised()
		return x.skip()
	case isW(se.Name, "ins"), isW(se.Name, "moveTo"):
		r.revised()
		return r.blocks(x, emit)
	case isW(se.Name, "customXml"), isW(se.Name, "txbxContent"):
		return r.blocks(x, emit)
	case se.Name.Space == nsMC && se.Name.Local == "AlternateContent":
		return r.alternate(x, func(c xml.StartElement) error { return r.block(x, c, emit) })
	}
	return x.skip()
}

// sdt reads a content control, its content with content(); a table of
// contents (a document part of the gallery "Table of Contents", as Word
// and LibreOffice save one) is left out whole.
func (r *reading) sdt(x *xmlReader, content func() error) error {
	toc := false
	return x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "sdtPr"):
			return x.each(func(c xml.StartElement) error {
				if !isW(c.Name, "docPartObj") && !isW(c.Name, "docPartList") {
					return x.skip()
				}
				return x.each(func(c xml.StartElement) error {
					if isW(c.Name, "docPartGallery") && strings.Contains(attr(c, "val"), "Table of Contents") {
						toc = true
					}
					return x.skip()
				})
			})
		case isW(c.Name, "sdtContent"):
			if toc {
				r.res.SkippedContents = true
				return x.skip()
			}
			return content()
		}
		return x.skip()
	})
}

// alternate reads markup-compatibility content: the first choice (or the
// fallback when it comes first), each child with fn. The choices hold the
// same content in different markup, so only one is read.
func (r *reading) alternate(x *xmlReader, fn func(xml.StartElement) error) error {
	done := false
	return x.each(func(c xml.StartElement) error {
		if done || c.Name.Space != nsMC || (c.Name.Local != "Choice" && c.Name.Local != "Fallback") {
			return x.skip()
		}
		done = true
		return x.each(fn)
	})
}

// paraBuilder collects a paragraph while its element is read.
type paraBuilder struct {
	text          strings.Builder
	style         string
	numID         string
	numSet        bool
	ilvl, outline int
	markDeleted   bool
	notes         []string
}

// paragraph reads a w:p; nil for a paragraph left out: empty, or an entry
// of a table of contents.
func (r *reading) paragraph(x *xmlReader) (*paragraph, error) {
	pb := &paraBuilder{ilvl: -1, outline: -1}
	err := x.each(func(c xml.StartElement) error {
		if isW(c.Name, "pPr") {
			return r.paraProps(x, pb)
		}
		return r.inline(x, c, pb)
	})
	if err != nil {
		return nil, err
	}
	return r.finish(pb)
}

// paraProps reads a w:pPr: style, numbering, outline level, and whether
// the paragraph mark is a tracked insertion or deletion.
func (r *reading) paraProps(x *xmlReader, pb *paraBuilder) error {
	return x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "pStyle"):
			pb.style = attr(c, "val")
		case isW(c.Name, "numPr"):
			pb.numSet = true
			return readNumPr(x, &pb.numID, &pb.ilvl)
		case isW(c.Name, "outlineLvl"):
			pb.outline = intAttr(c, "val", -1)
		case isW(c.Name, "pPrChange"):
			r.revised()
		case isW(c.Name, "rPr"):
			return x.each(func(c xml.StartElement) error {
				switch {
				case isW(c.Name, "del"), isW(c.Name, "moveFrom"):
					r.revised()
					pb.markDeleted = true
				case isW(c.Name, "ins"), isW(c.Name, "moveTo"), isW(c.Name, "rPrChange"):
					r.revised()
				}
				return x.skip()
			})
		}
		return x.skip()
	})
}

// finish turns what was read of a paragraph into one: its style's
// outline level and kind, and its list label, counted in document order.
func (r *reading) finish(pb *paraBuilder) (*paragraph, error) {
	// Bound the text before tidying it: a paragraph of megabytes of
	// spaces is no report's, and would be copied again.
	if r.textBytes+pb.text.Len() > reporttext.MaxTextBytes {
		return nil, errTextTooLarge()
	}
	style := pb.style
	if style == "" {
		style = r.styles.defaultID
	}
	p := &paragraph{text: tidy(pb.text.String()), level: -1, kind: r.styles.kind(style), notes: pb.notes}
	if pb.outline >= 0 && pb.outline <= 9 {
		p.level = pb.outline
	} else {
		p.level = r.styles.outlineLevel(style)
	}
	if p.level > 8 {
		p.level = -1
	}
	numID, ilvl := pb.numID, pb.ilvl
	if !pb.numSet || numID == "" {
		sid, silvl := r.styles.numberingOf(style)
		numID = sid
		if ilvl < 0 {
			ilvl = silvl
		}
	}
	if l, ok := r.numbering.resolve(numID, r.styles); ok {
		if ilvl < 0 {
			ilvl = l.levelOfStyle(style)
		}
		p.label, p.suffix = r.counters.next(l, ilvl)
	}
	if p.kind == kindTOC {
		r.res.SkippedContents = true
		return nil, nil
	}
	if p.text == "" && len(p.notes) == 0 {
		return nil, nil
	}
	if r.textBytes += len(p.text) + len(p.label); r.textBytes > reporttext.MaxTextBytes {
		return nil, errTextTooLarge()
	}
	p.joinsNext = pb.markDeleted
	return p, nil
}

// errTextTooLarge refuses a document with more text than a report may
// have: as too large a .docx, and as reporttext.ErrTextTooLarge too, for a
// caller that treats every report text past the bound alike.
func errTextTooLarge() error {
	return &FormatError{Kind: ErrTooLarge, Limit: reporttext.MaxTextBytes, Err: reporttext.ErrTextTooLarge}
}

// inline reads one element of a paragraph's content.
func (r *reading) inline(x *xmlReader, c xml.StartElement, pb *paraBuilder) error {
	switch {
	case isW(c.Name, "r"):
		return x.each(func(c xml.StartElement) error { return r.runChild(x, c, pb) })
	case isW(c.Name, "del"), isW(c.Name, "moveFrom"):
		r.revised()
		return x.skip()
	case isW(c.Name, "ins"), isW(c.Name, "moveTo"):
		r.revised()
		return x.each(func(c xml.StartElement) error { return r.inline(x, c, pb) })
	case isW(c.Name, "fldSimple"):
		if hiddenFields[fieldKind(attr(c, "instr"))] {
			return x.skip()
		}
		return x.each(func(c xml.StartElement) error { return r.inline(x, c, pb) })
	case isW(c.Name, "hyperlink"), isW(c.Name, "smartTag"), isW(c.Name, "customXml"),
		isW(c.Name, "bdo"), isW(c.Name, "dir"):
		return x.each(func(c xml.StartElement) error { return r.inline(x, c, pb) })
	case isW(c.Name, "sdt"):
		return r.sdt(x, func() error {
			return x.each(func(c xml.StartElement) error { return r.inline(x, c, pb) })
		})
	case c.Name.Space == nsMC && c.Name.Local == "AlternateContent":
		return r.alternate(x, func(c xml.StartElement) error { return r.inline(x, c, pb) })
	case c.Name.Local == "oMath" || c.Name.Local == "oMathPara":
		return r.collect(x, &pb.text, "t")
	}
	return x.skip()
}

// runChild reads one element of a run (w:r).
func (r *reading) runChild(x *xmlReader, c xml.StartElement, pb *paraBuilder) error {
	switch {
	case isW(c.Name, "t"):
		return r.chars(x, func(s string) {
			if !r.hidden() {
				pb.text.WriteString(s)
			}
		})
	case isW(c.Name, "instrText"):
		return r.chars(x, func(s string) {
			if n := len(r.fields); n > 0 && !r.fields[n-1].separated {
				r.fields[n-1].instr.WriteString(s)
			}
		})
	case isW(c.Name, "fldChar"):
		r.fieldChar(attr(c, "fldCharType"))
	case isW(c.Name, "tab"), isW(c.Name, "ptab"), isW(c.Name, "br"), isW(c.Name, "cr"):
		// A soft line break or a tab separates words; Chinese text runs on
		// across it (tidy). A page or column break inside a paragraph is
		// only layout, and the same.
		pb.text.WriteByte(' ')
	case isW(c.Name, "noBreakHyphen"):
		pb.text.WriteByte('-')
	case isW(c.Name, "sym"):
		if n, err := strconv.ParseUint(attr(c, "char"), 16, 32); err == nil && !(n >= 0xE000 && n <= 0xF8FF) {
			pb.text.WriteRune(rune(n))
		}
	case isW(c.Name, "footnoteReference"), isW(c.Name, "endnoteReference"):
		if note, ok := r.notes[c.Name.Local+":"+attr(c, "id")]; ok && note != "" && !r.hidden() {
			pb.notes = append(pb.notes, note)
			r.res.Notes++
		}
	case isW(c.Name, "commentReference"):
		r.res.Comments++
	case isW(c.Name, "drawing"), isW(c.Name, "pict"), isW(c.Name, "object"):
		return r.picture(x, pb)
	case c.Name.Space == nsMC && c.Name.Local == "AlternateContent":
		return r.alternate(x, func(c xml.StartElement) error { return r.runChild(x, c, pb) })
	case isW(c.Name, "rPr"):
		return r.runProps(x)
	}
	return x.skip()
}

// runProps reads a run's properties for a tracked change of format.
func (r *reading) runProps(x *xmlReader) error {
	return x.each(func(c xml.StartElement) error {
		if isW(c.Name, "rPrChange") {
			r.revised()
		}
		return x.skip()
	})
}

// picture reads a picture, drawing, text box or embedded object and
// writes its marker, with the words of a text box in it.
func (r *reading) picture(x *xmlReader, pb *paraBuilder) error {
	var words strings.Builder
	if err := r.collect(x, &words, "t"); err != nil {
		return err
	}
	if !r.hidden() {
		pb.text.WriteString(imageText(words.String()))
		r.res.Images++
	}
	return nil
}

// collect writes the text of every element local (w:t in a text box, m:t
// in an equation) inside the element just started, a space between
// paragraphs, leaving out deleted text.
func (r *reading) collect(x *xmlReader, b *strings.Builder, local string) error {
	return x.each(func(c xml.StartElement) error {
		switch {
		case c.Name.Local == local && c.Name.Space != nsMC:
			return r.chars(x, func(s string) { b.WriteString(s) })
		case isW(c.Name, "del"), isW(c.Name, "moveFrom"):
			r.revised()
			return x.skip()
		case isW(c.Name, "p"), isW(c.Name, "br"), isW(c.Name, "tab"):
			b.WriteByte(' ')
		}
		return r.collect(x, b, local)
	})
}

// chars reads the text of the element just started up to its end.
func (r *reading) chars(x *xmlReader, write func(string)) error {
	for {
		tok, err := x.next()
		if err != nil {
			return noEOF(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			// Every text passes here: bounding them all bounds what the
			// paragraph, note and text box being read can grow to.
			if r.rawText += len(t); r.rawText > maxRawText {
				return errTextTooLarge()
			}
			write(string(t))
		case xml.StartElement:
			if err := x.skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}
