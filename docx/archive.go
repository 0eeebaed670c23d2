package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf16"

	"plandesk/reporttext"
)

// Format is what a file's first bytes say it is.
type Format int

const (
	// FormatOther is anything else: a text, a picture, nothing.
	FormatOther Format = iota
	// FormatZip is a zip archive, as every .docx is (and .xlsx, .odt …).
	FormatZip
	// FormatLegacy is an OLE compound file (Word 97–2003 .doc, WPS .wps,
	// a password-protected .docx) or an RTF file.
	FormatLegacy
)

// Detect tells from a file's first bytes (eight are enough) whether it is
// a zip archive, a legacy Word or WPS file, or something else, so that a
// caller can send a file to Read or to the text reader whatever its name
// says.
func Detect(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return FormatZip
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}),
		bytes.HasPrefix(head, []byte(`{\rtf`)):
		return FormatLegacy
	}
	return FormatOther
}

// pkg is an opened .docx: its entries by lower-case name (part names are
// case-insensitive), and what is left of the bound on unpacked bytes.
type pkg struct {
	files map[string]*zip.File
	left  int64
}

// openPackage checks what r holds and opens it as a zip archive. The
// central directory's size and entry count are read from its end record
// before archive/zip reads the directory whole.
func openPackage(r io.ReaderAt, size int64) (*pkg, error) {
	head := make([]byte, 8)
	n, err := r.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	switch Detect(head[:n]) {
	case FormatLegacy:
		return nil, legacyError(r, size)
	case FormatOther:
		return nil, &FormatError{Kind: ErrNotDocx}
	}
	if err := checkDirectory(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, damaged("", err)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), left: MaxUnpackedBytes}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

// legacyError says which legacy file r is: a password-protected .docx is
// an OLE file too, holding a stream named EncryptedPackage, and saving it
// as .docx again would not help.
func legacyError(r io.ReaderAt, size int64) error {
	mark := utf16Bytes("EncryptedPackage")
	const chunk = 64 << 10
	buf := make([]byte, chunk+len(mark))
	for off := int64(0); off < size && off < MaxUnpackedBytes; off += chunk {
		n, _ := r.ReadAt(buf, off)
		if bytes.Contains(buf[:n], mark) {
			return &FormatError{Kind: ErrEncrypted}
		}
	}
	return &FormatError{Kind: ErrLegacyFormat}
}

// utf16Bytes is s in UTF-16LE, as OLE directory entries name streams.
func utf16Bytes(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// checkDirectory refuses, from the zip's end record, an archive with more
// than MaxEntries entries or a directory over MaxDirectoryBytes. A file
// with no end record is cut short (or no zip), which archive/zip says.
func checkDirectory(r io.ReaderAt, size int64) error {
	tail := min(size, 65535+22)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < 22 {
		return damaged("", zip.ErrFormat)
	}
	entries := int64(binary.LittleEndian.Uint16(buf[i+10:]))
	dirSize := int64(binary.LittleEndian.Uint32(buf[i+12:]))
	if entries == 0xFFFF || dirSize == 0xFFFFFFFF {
		entries, dirSize = zip64Directory(r, size-tail+int64(i))
	}
	if entries > MaxEntries {
		return tooLarge("", MaxEntries)
	}
	if dirSize > MaxDirectoryBytes {
		return tooLarge("", MaxDirectoryBytes)
	}
	return nil
}

// zip64Directory reads the entry count and directory size from a zip64
// end record, which the locator just before the classic end record at
// offset end points to; zeros when there is none (archive/zip then
// refuses the file).
func zip64Directory(r io.ReaderAt, end int64) (entries, dirSize int64) {
	loc := make([]byte, 20)
	if end < 20 {
		return 0, 0
	}
	if _, err := r.ReadAt(loc, end-20); err != nil || !bytes.HasPrefix(loc, []byte("PK\x06\x07")) {
		return 0, 0
	}
	rec := make([]byte, 56)
	if _, err := r.ReadAt(rec, int64(binary.LittleEndian.Uint64(loc[8:]))); err != nil ||
		!bytes.HasPrefix(rec, []byte("PK\x06\x06")) {
		return 0, 0
	}
	return int64(min(binary.LittleEndian.Uint64(rec[32:]), 1<<62)), int64(min(binary.LittleEndian.Uint64(rec[40:]), 1<<62))
}

// has reports whether the package holds the part name.
func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// open streams the part name, bounded to limit bytes and to what is left
// of MaxUnpackedBytes; past either, reads fail with ErrTooLarge.
func (p *pkg) open(name string, limit int64) (*part, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, &FormatError{Kind: ErrNotDocx, Part: name, Err: errors.New("missing")}
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooLarge(name, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(name, err)
	}
	return &part{name: name, rc: rc, limit: limit, pkg: p}, nil
}

// part is one part being read: it counts what it unpacks against its
// bound and the package's, and keeps the first error, which the XML
// decoder reading it may report only as a syntax error.
type part struct {
	name  string
	rc    io.ReadCloser
	limit int64
	read  int64
	pkg   *pkg
	err   error
	// inTag and run follow the markup as it streams by: whether a tag is
	// open, and how many bytes the current tag or text has run.
	inTag bool
	run   int
}

func (pr *part) Read(b []byte) (int, error) {
	if pr.err != nil {
		return 0, pr.err
	}
	n, err := pr.rc.Read(b)
	pr.read += int64(n)
	pr.pkg.left -= int64(n)
	switch {
	case pr.read > pr.limit:
		pr.err = tooLarge(pr.name, pr.limit)
	case pr.pkg.left < 0:
		pr.err = tooLarge(pr.name, MaxUnpackedBytes)
	case err != nil && !errors.Is(err, io.EOF):
		pr.err = damaged(pr.name, err)
	default:
		pr.err = pr.scan(b[:n])
	}
	if pr.err != nil {
		return n, pr.err
	}
	return n, err
}

// scan refuses a text (between two tags) longer than a report's whole
// text, and a tag longer than maxTagBytes, as they stream by: the XML
// decoder holds a text or a tag whole in memory before handing it on, so
// without these bounds one text of a zip bomb would sit in memory whole,
// up to the part's bound. ('>' may stand in a text or an attribute
// value, where it only shortens what is counted.)
func (pr *part) scan(b []byte) error {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "<>")
		if i < 0 {
			i = len(b)
		}
		pr.run += i
		if pr.inTag && pr.run > maxTagBytes {
			return tooLarge(pr.name, maxTagBytes)
		}
		if !pr.inTag && pr.run > reporttext.MaxTextBytes {
			return errTextTooLarge()
		}
		if i == len(b) {
			return nil
		}
		pr.inTag, pr.run = b[i] == '<', 0
		b = b[i+1:]
	}
	return nil
}

// fail is the error to report for a part whose decoding failed with err:
// the part's own (too large, checksum) if it had one, else err as damage.
func (pr *part) fail(err error) error {
	if pr.err != nil {
		return pr.err
	}
	var fe *FormatError
	if errors.As(err, &fe) {
		return err
	}
	return damaged(pr.name, err)
}

func (pr *part) Close() error { return pr.rc.Close() }

// relationships reads a .rels part: each relationship's target by the
// last word of its type (officeDocument, styles, numbering, footnotes …),
// resolved against the folder of the part the relationships belong to.
// A missing .rels part is no relationships.
func (p *pkg) relationships(name, base string) (map[string]string, error) {
	targets := map[string]string{}
	if !p.has(name) {
		return targets, nil
	}
	x, pr, err := p.xmlPart(name, MaxPartBytes)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	for {
		tok, err := x.next()
		if errors.Is(err, io.EOF) {
			return targets, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			continue
		}
		kind := path.Base(attr(se, "Type"))
		if _, seen := targets[kind]; !seen {
			targets[kind] = resolve(base, attr(se, "Target"))
		}
	}
}

// resolve is a relationship's target as a part name: absolute targets
// (/word/document.xml) from the package's root, others from base.
func resolve(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(base, target), "/")
}

// attr is the value of the attribute local (any namespace) of se, or "".
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
