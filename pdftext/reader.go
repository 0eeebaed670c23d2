package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"

	"plandesk/reporttext"
)

// The bounds a read puts on a PDF unless its Options set others. A plan
// evaluation report is tens of pages, a whole plan a few hundred; past
// these the file is almost surely not one report, and reading it would
// only fill memory.
const (
	// MaxFileBytes is the largest PDF read, in bytes: 64 MiB. The bytes are
	// held twice while a PDF is read (here and inside PDFium's sandbox).
	MaxFileBytes = 64 << 20
	// MaxPages is the most pages a PDF may have.
	MaxPages = 1000
	// MaxTextBytes bounds the text read, as reporttext bounds a text file.
	MaxTextBytes = reporttext.MaxTextBytes
)

// Stage is what a read is doing, for a progress display.
type Stage int

const (
	// StageStarting is PDFium being compiled (seconds, on the first read
	// ever) or loaded from the compilation cache (a tenth of a second).
	StageStarting Stage = iota + 1
	// StageReading is a page being read: Progress.Page of Progress.Pages.
	StageReading
)

// Progress is how far a read has come.
type Progress struct {
	Stage Stage
	// Page is the page being read, from 1, and Pages how many there are;
	// both 0 while starting.
	Page, Pages int
}

// Options are what a read may be given besides the PDF.
type Options struct {
	// Password opens an encrypted PDF; empty for none. A read of an
	// encrypted PDF without it fails with ErrPassword, with a wrong one
	// with ErrWrongPassword: ask the user, then read again.
	Password string
	// Progress, when set, is called from the reading goroutine as the read
	// goes on: once while PDFium starts, then once a page.
	Progress func(Progress)
	// MaxBytes and MaxPages bound the PDF; 0 for MaxFileBytes and MaxPages.
	MaxBytes int64
	MaxPages int
}

// Reader reads PDFs with one PDFium, started on the first read and kept
// until Close. Its methods may be called from any goroutine; reads take
// turns.
type Reader struct {
	cacheDir string
	mu       sync.Mutex
	eng      *engine
}

// NewReader returns a Reader that keeps PDFium's compiled code in cacheDir
// (made if missing; "" for no cache on disk). It starts nothing.
func NewReader(cacheDir string) *Reader {
	return &Reader{cacheDir: cacheDir}
}

// Close stops PDFium and frees its memory. A Reader may read again after
// Close: PDFium then starts again, from the cache.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.eng == nil {
		return nil
	}
	err := r.eng.close()
	r.eng = nil
	if err != nil {
		return fmt.Errorf("stop PDFium: %w", err)
	}
	return nil
}

// ReadFile reads the PDF at path, as Read does. A file over the bound on
// bytes is refused from its size before any of it is read. Errors from the
// file system keep their *fs.PathError.
func (r *Reader) ReadFile(ctx context.Context, path string, opt Options) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := opt.maxBytes()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, &LimitError{Err: ErrFileTooLarge, Limit: limit, Found: info.Size()}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	return r.Read(ctx, data, opt)
}

// Read reads the text of the PDF in data. It fails with ErrScanned for a
// PDF without text, ErrPassword or ErrWrongPassword for an encrypted one,
// ErrDamaged (or a *PageError) for a broken one, and a *LimitError past
// the bounds; ctx stops it between pages.
func (r *Reader) Read(ctx context.Context, data []byte, opt Options) (*Document, error) {
	if limit := opt.maxBytes(); int64(len(data)) > limit {
		return nil, &LimitError{Err: ErrFileTooLarge, Limit: limit, Found: int64(len(data))}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.eng == nil {
		opt.report(Progress{Stage: StageStarting})
		eng, err := startEngine(r.cacheDir)
		if err != nil {
			return nil, err
		}
		r.eng = eng
	}
	inst, err := r.eng.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("start PDFium: %w", err)
	}
	defer inst.Close()
	return readDocument(ctx, inst, data, opt)
}

// readDocument opens data in inst and reads its pages, one at a time:
// only each page's lines are kept, so a long PDF never has all its
// characters in memory at once.
func readDocument(ctx context.Context, inst pdfium.Pdfium, data []byte, opt Options) (*Document, error) {
	open := &requests.OpenDocument{File: &data}
	if opt.Password != "" {
		open.Password = &opt.Password
	}
	doc, err := inst.OpenDocument(open)
	if err != nil {
		return nil, openError(err, opt.Password != "")
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil || count.PageCount <= 0 {
		return nil, fmt.Errorf("%w: no pages (%v)", ErrDamaged, err)
	}
	if limit := opt.maxPages(); count.PageCount > limit {
		return nil, &LimitError{Err: ErrTooManyPages, Limit: int64(limit), Found: int64(count.PageCount)}
	}
	pages := make([]page, 0, count.PageCount)
	textBytes := 0
	for i := range count.PageCount {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		opt.report(Progress{Stage: StageReading, Page: i + 1, Pages: count.PageCount})
		p, err := readPage(inst, doc.Document, i)
		if err != nil {
			return nil, &PageError{Page: i + 1, Err: err}
		}
		if textBytes += p.textBytes(); textBytes > MaxTextBytes {
			return nil, &LimitError{Err: ErrTextTooLarge, Limit: MaxTextBytes}
		}
		pages = append(pages, p)
	}
	if textBytes == 0 {
		return nil, ErrScanned
	}
	return assemble(pages), nil
}

// openError says why PDFium would not open a document.
func openError(err error, withPassword bool) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword) && withPassword:
		return ErrWrongPassword
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return ErrPassword
	}
	return fmt.Errorf("%w: %w", ErrDamaged, err)
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return MaxFileBytes
}

func (o Options) maxPages() int {
	if o.MaxPages > 0 {
		return o.MaxPages
	}
	return MaxPages
}

func (o Options) report(p Progress) {
	if o.Progress != nil {
		o.Progress(p)
	}
}
