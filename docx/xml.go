package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The namespaces of WordprocessingML's elements: the transitional one
// Word, WPS and LibreOffice write, and ISO 29500 Strict's.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// isW reports whether n is the WordprocessingML element local.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

// xmlReader streams a part's elements, refusing nesting past MaxDepth.
type xmlReader struct {
	d     *xml.Decoder
	pr    *part
	depth int
}

// xmlPart opens the part name as a stream of elements, bounded to limit
// bytes. The caller closes the part.
func (p *pkg) xmlPart(name string, limit int64) (*xmlReader, *part, error) {
	pr, err := p.open(name, limit)
	if err != nil {
		return nil, nil, err
	}
	return &xmlReader{d: xml.NewDecoder(pr), pr: pr}, pr, nil
}

// next returns the next start element, end element or text, skipping
// comments and processing instructions; io.EOF at the part's end. A
// text's bytes are the decoder's until the next call.
func (x *xmlReader) next() (xml.Token, error) {
	for {
		tok, err := x.d.Token()
		if errors.Is(err, io.EOF) && x.depth == 0 {
			return nil, io.EOF
		}
		if err != nil {
			return nil, x.pr.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if x.depth++; x.depth > MaxDepth {
				return nil, damaged(x.pr.name, fmt.Errorf("elements nested more than %d deep", MaxDepth))
			}
			return t, nil
		case xml.EndElement:
			x.depth--
			return t, nil
		case xml.CharData:
			return t, nil
		}
	}
}

// skip reads up to the end of the element whose start was just read.
func (x *xmlReader) skip() error {
	for depth := 1; depth > 0; {
		tok, err := x.next()
		if err != nil {
			return noEOF(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// each calls fn for every child element of the element whose start was
// just read, up to its end; fn reads the child through its end (with skip
// at least). Text between the children is passed over.
func (x *xmlReader) each(fn func(xml.StartElement) error) error {
	for {
		tok, err := x.next()
		if err != nil {
			return noEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// noEOF turns an end of part inside an element into damage.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return damaged("", io.ErrUnexpectedEOF)
	}
	return err
}

// intAttr is the attribute local of se as a number, or def when absent
// or unreadable (Word writes "true"/"on" in a few places; none here).
func intAttr(se xml.StartElement, local string, def int) int {
	v := attr(se, local)
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	return def
}

// onAttr reads an on/off property (w:val absent, "1", "true" or "on").
func onAttr(se xml.StartElement) bool {
	switch attr(se, "val") {
	case "", "1", "true", "on":
		return true
	}
	return false
}
