package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// level is one level of a list definition (w:lvl).
type level struct {
	start int
	// format is w:numFmt (decimal, chineseCounting …); text is w:lvlText,
	// where %1 … %9 stand for the numbers of levels 1 … 9.
	format, text string
	// suffix is what follows the label: "tab" (Word's default), "space"
	// or "nothing".
	suffix string
	// restart is w:lvlRestart: -1 when absent (the level starts again
	// after any level above it), 0 never, n after level n (1-based).
	restart int
	// legal is w:isLgl: every level's number shown in Arabic digits.
	legal bool
	// pStyle is the paragraph style the level belongs to: a paragraph in
	// that style with no level of its own is at this one.
	pStyle  string
	defined bool
}

// abstractNum is a list definition: its nine levels, or, with styleLink,
// those of the numbering style it links to.
type abstractNum struct {
	levels    [9]level
	styleLink string
}

// numDef is a list instance (w:num): the definition it numbers by, and its
// overrides, which start levels again (startOverride) or replace them.
type numDef struct {
	abstract string
	start    [9]int
	hasStart [9]bool
	levels   [9]*level
}

// numberingDefs is numbering.xml: definitions and instances by id.
type numberingDefs struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numDef
}

// readNumbering reads numbering.xml; a document without one numbers
// nothing.
func readNumbering(p *pkg, name string) (*numberingDefs, error) {
	nd := &numberingDefs{abstracts: map[string]*abstractNum{}, nums: map[string]*numDef{}}
	if name == "" || !p.has(name) {
		return nd, nil
	}
	x, pr, err := p.xmlPart(name, MaxPartBytes)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) {
			return nd, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case isW(se.Name, "abstractNum"):
			err = nd.readAbstract(x, se)
		case isW(se.Name, "num"):
			err = nd.readNum(x, se)
		}
		if err != nil {
			return nil, err
		}
	}
}

func (nd *numberingDefs) readAbstract(x *xmlReader, se xml.StartElement) error {
	a := &abstractNum{}
	nd.abstracts[attr(se, "abstractNumId")] = a
	return x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "numStyleLink"):
			a.styleLink = attr(c, "val")
		case isW(c.Name, "lvl"):
			if i := intAttr(c, "ilvl", -1); i >= 0 && i < 9 {
				return readLevel(x, &a.levels[i])
			}
		}
		return x.skip()
	})
}

func (nd *numberingDefs) readNum(x *xmlReader, se xml.StartElement) error {
	n := &numDef{}
	nd.nums[attr(se, "numId")] = n
	return x.each(func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "abstractNumId"):
			n.abstract = attr(c, "val")
		case isW(c.Name, "lvlOverride"):
			i := intAttr(c, "ilvl", -1)
			if i < 0 || i >= 9 {
				break
			}
			return x.each(func(o xml.StartElement) error {
				switch {
				case isW(o.Name, "startOverride"):
					n.start[i], n.hasStart[i] = intAttr(o, "val", 0), true
				case isW(o.Name, "lvl"):
					n.levels[i] = &level{}
					return readLevel(x, n.levels[i])
				}
				return x.skip()
			})
		}
		return x.skip()
	})
}

// readLevel reads a w:lvl. A numFmt inside mc:AlternateContent (Word 2010's
// custom formats, with a plain one as the fallback) counts unless it is
// "custom", which PlanDesk does not draw.
func readLevel(x *xmlReader, l *level) error {
	*l = level{start: 0, format: "decimal", suffix: "tab", restart: -1, defined: true}
	var read func(c xml.StartElement) error
	read = func(c xml.StartElement) error {
		if c.Name.Space == nsMC {
			return x.each(read)
		}
		switch {
		case isW(c.Name, "start"):
			l.start = intAttr(c, "val", 0)
		case isW(c.Name, "numFmt"):
			if v := attr(c, "val"); v != "custom" {
				l.format = v
			}
		case isW(c.Name, "lvlText"):
			l.text = attr(c, "val")
		case isW(c.Name, "suff"):
			l.suffix = attr(c, "val")
		case isW(c.Name, "lvlRestart"):
			l.restart = intAttr(c, "val", -1)
		case isW(c.Name, "isLgl"):
			l.legal = onAttr(c)
		case isW(c.Name, "pStyle"):
			l.pStyle = attr(c, "val")
		}
		return x.skip()
	}
	return x.each(read)
}

// list is a list instance resolved to the definition that numbers it.
type list struct {
	numID, absID string
	def          *numDef
	abs          *abstractNum
}

// resolve finds the definition numID numbers by, through one numbering
// style (numStyleLink) if need be; ok is false for numID 0 (no numbering)
// and an instance or definition the file lacks.
func (nd *numberingDefs) resolve(numID string, ss *styleSheet) (list, bool) {
	def := nd.nums[numID]
	if numID == "" || numID == "0" || def == nil {
		return list{}, false
	}
	l := list{numID: numID, absID: def.abstract, def: def, abs: nd.abstracts[def.abstract]}
	if l.abs != nil && l.abs.styleLink != "" {
		if s := ss.numbering[l.abs.styleLink]; s != nil && nd.nums[s.numID] != nil {
			l.absID = nd.nums[s.numID].abstract
			l.abs = nd.abstracts[l.absID]
		}
	}
	return l, l.abs != nil
}

// level is the definition of level i in this instance: its override, or
// the definition's.
func (l list) level(i int) *level {
	if l.def.levels[i] != nil && l.def.levels[i].defined {
		return l.def.levels[i]
	}
	return &l.abs.levels[i]
}

// startOf is where level i starts in this instance.
func (l list) startOf(i int) int {
	if l.def.hasStart[i] {
		return l.def.start[i]
	}
	return l.level(i).start
}

// levelOfStyle is the level of the definition that belongs to the
// paragraph style id, or 0.
func (l list) levelOfStyle(id string) int {
	for i := range 9 {
		if lv := l.level(i); lv.defined && lv.pStyle == id && id != "" {
			return i
		}
	}
	return 0
}

// counters are the numbers lists have reached while a document is read
// in order. They are kept by list definition: Word counts on across the
// instances of one definition, and an instance with a startOverride starts
// its levels again where it is first used.
type counters struct {
	lists map[string]*[9]counter
	used  map[string]bool
}

type counter struct {
	value   int
	started bool
}

func newCounters() *counters {
	return &counters{lists: map[string]*[9]counter{}, used: map[string]bool{}}
}

// next counts one more paragraph at level ilvl of l and returns its label
// as Word shows it (一、, （二）, 1.2, ③) and what follows the label ("tab",
// "space", "nothing"). A bullet's label is empty: it marks an item, it is
// not part of the text.
func (c *counters) next(l list, ilvl int) (label, suffix string) {
	ilvl = min(max(ilvl, 0), 8)
	state := c.lists[l.absID]
	if state == nil {
		state = &[9]counter{}
		c.lists[l.absID] = state
	}
	if !c.used[l.numID] {
		c.used[l.numID] = true
		for i := range 9 {
			if l.def.hasStart[i] {
				state[i].started = false
			}
		}
	}
	if state[ilvl].started {
		state[ilvl].value++
	} else {
		state[ilvl] = counter{value: l.startOf(ilvl), started: true}
	}
	for i := ilvl + 1; i < 9; i++ {
		if r := l.level(i).restart; r < 0 || r > 0 && ilvl < r {
			state[i].started = false
		}
	}
	lv := l.level(ilvl)
	if !lv.defined || lv.format == "bullet" {
		return "", lv.suffix
	}
	return c.render(l, state, ilvl), lv.suffix
}

// render fills level ilvl's lvlText with the numbers of the levels it
// names, each in its own format (Arabic digits for all under isLgl).
func (c *counters) render(l list, state *[9]counter, ilvl int) string {
	text := l.level(ilvl).text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		k := int(text[i+1] - '1')
		i++
		value := l.startOf(k)
		if state[k].started {
			value = state[k].value
		}
		format := l.level(k).format
		if l.level(ilvl).legal {
			format = "decimal"
		}
		b.WriteString(formatNumber(value, format))
	}
	return b.String()
}
