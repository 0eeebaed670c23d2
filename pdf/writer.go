package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// pdfPageWidth is the width of every page in points: the 13.33 inches of a
// widescreen slide, whatever the pixel size of the images.
const pdfPageWidth = 960

// Object numbers fixed in advance: the catalogue and the page tree, which
// every page names as its parent, and the document information.
const (
	pdfCatalog = 1
	pdfPages   = 2
	pdfInfo    = 3
	pdfFirst   = 4
)

// PDFWriter writes images as the pages of one PDF document, streaming:
// each page is written as soon as it is added, so memory stays one page
// deep. Text on the slides is part of the images, so the document shows
// the Chinese exactly as drawn without embedding a font.
type PDFWriter struct {
	w       io.Writer
	title   string
	written int64
	offsets []int64 // byte offset of object i+1
	pages   []int   // object numbers of the pages
	err     error   // the first write error, returned by every later call
	started bool
}

// NewPDFWriter starts a PDF on w whose document title is title.
func NewPDFWriter(w io.Writer, title string) *PDFWriter {
	return &PDFWriter{w: w, title: title, offsets: make([]int64, pdfFirst-1)}
}

// write appends to the output, keeping the first error.
func (p *PDFWriter) write(b []byte) {
	if p.err != nil {
		return
	}
	n, err := p.w.Write(b)
	p.written += int64(n)
	if err != nil {
		p.err = fmt.Errorf("write pdf: %w", err)
	}
}

func (p *PDFWriter) printf(format string, args ...any) {
	p.write([]byte(fmt.Sprintf(format, args...)))
}

func (p *PDFWriter) header() {
	if p.started {
		return
	}
	p.started = true
	// The comment of high bytes tells transfer tools the file is binary.
	p.write([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
}

// object starts object number n at the current offset.
func (p *PDFWriter) object(n int) {
	for len(p.offsets) < n {
		p.offsets = append(p.offsets, 0)
	}
	p.offsets[n-1] = p.written
	p.printf("%d 0 obj\n", n)
}

// stream writes object n as a stream with the given dictionary entries.
func (p *PDFWriter) stream(n int, dict string, body []byte) {
	p.object(n)
	p.printf("<< %s /Length %d >>\nstream\n", dict, len(body))
	p.write(body)
	p.write([]byte("\nendstream\nendobj\n"))
}

// AddPage appends img as a full page, 960 points wide with the height
// following the image's aspect ratio.
func (p *PDFWriter) AddPage(img image.Image) error {
	if p.err != nil {
		return p.err
	}
	b := img.Bounds()
	if b.Dx() < 1 || b.Dy() < 1 {
		return fmt.Errorf("pdf page %d: empty image", len(p.pages)+1)
	}
	pixels, err := deflateRGB(img)
	if err != nil {
		return fmt.Errorf("pdf page %d: %w", len(p.pages)+1, err)
	}
	p.header()
	imageObj := pdfFirst + 3*len(p.pages)
	contentObj, pageObj := imageObj+1, imageObj+2
	w := float64(pdfPageWidth)
	h := w * float64(b.Dy()) / float64(b.Dx())
	p.stream(imageObj, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
		b.Dx(), b.Dy()), pixels)
	p.stream(contentObj, "", []byte(fmt.Sprintf("q %s 0 0 %s 0 0 cm /Im0 Do Q", num(w), num(h))))
	p.object(pageObj)
	p.printf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n",
		pdfPages, num(w), num(h), imageObj, contentObj)
	p.pages = append(p.pages, pageObj)
	if p.err != nil {
		return fmt.Errorf("pdf page %d: %w", len(p.pages), p.err)
	}
	return nil
}

// Close writes the catalogue, the page tree, the document information, the
// cross-reference table and the trailer.
func (p *PDFWriter) Close() error {
	if p.err != nil {
		return p.err
	}
	if len(p.pages) == 0 {
		return errors.New("pdf: no pages")
	}
	p.object(pdfCatalog)
	p.printf("<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", pdfPages)
	kids := make([]string, len(p.pages))
	for i, n := range p.pages {
		kids[i] = strconv.Itoa(n) + " 0 R"
	}
	p.object(pdfPages)
	p.printf("<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n", strings.Join(kids, " "), len(p.pages))
	p.object(pdfInfo)
	p.printf("<< /Title %s /Producer (PlanDesk) /CreationDate (D:%s) >>\nendobj\n",
		pdfText(p.title), time.Now().UTC().Format("20060102150405Z"))

	xref := p.written
	p.printf("xref\n0 %d\n0000000000 65535 f\r\n", len(p.offsets)+1)
	for _, off := range p.offsets {
		p.printf("%010d 00000 n\r\n", off)
	}
	p.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n",
		len(p.offsets)+1, pdfCatalog, pdfInfo, xref)
	return p.err
}

// pdfText encodes s as a PDF text string: UTF-16BE with a byte-order mark,
// in hex, which every reader shows in Chinese.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// num writes a length in points with at most two decimals.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 32) }

// deflateRGB compresses img's pixels as 8-bit RGB rows. Slides are opaque;
// a translucent pixel is put on white.
func deflateRGB(img image.Image) ([]byte, error) {
	b := img.Bounds()
	var buf bytes.Buffer
	// Slides are large areas of flat colour, which the fastest level
	// compresses nearly as well as the best, several times quicker.
	z, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 3*b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		switch m := img.(type) {
		case *image.NRGBA:
			src := m.Pix[m.PixOffset(b.Min.X, y):]
			for x := 0; x < b.Dx(); x++ {
				r, g, bl, a := src[4*x], src[4*x+1], src[4*x+2], src[4*x+3]
				if a != 0xff {
					r, g, bl = onWhite(r, a), onWhite(g, a), onWhite(bl, a)
				}
				row[3*x], row[3*x+1], row[3*x+2] = r, g, bl
			}
		default:
			for x := 0; x < b.Dx(); x++ {
				r, g, bl, a := img.At(b.Min.X+x, y).RGBA()
				// Premultiplied: add the white that shows through.
				white := 0xffff - a
				row[3*x], row[3*x+1], row[3*x+2] = uint8((r+white)>>8), uint8((g+white)>>8), uint8((bl+white)>>8)
			}
		}
		if _, err := z.Write(row); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// onWhite is a non-premultiplied channel value c of alpha a over white.
func onWhite(c, a uint8) uint8 {
	return uint8((uint32(c)*uint32(a) + 0xff*(0xff-uint32(a)) + 0x7f) / 0xff)
}
