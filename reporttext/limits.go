package reporttext

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// The bounds PlanDesk puts on a report it imports. A plan evaluation report
// is a document people read: the shipped one is 6.5 KB with 17 sections and
// 24 proposals, and a whole district report is well under 1 MB of text with
// a few hundred headings. Input far past that is the wrong file (a data
// dump, a log, several reports pasted together), and without bounds it made
// a 1.8-million-character title that froze the report picker, and 191,328
// proposals in one section that the window never finished loading. Each
// bound is many times what a real report needs.
//
// What happens past a bound is chosen so that nothing is silently lost:
//   - text over MaxTextBytes or with over MaxSections sections is refused
//     with a message, and nothing is imported, because such a file is
//     almost surely not one report, and a reviewer would rather split it
//     than page through it;
//   - a title over MaxTitleRunes is cut there, and the lines before the
//     first heading that are not title are kept as the text of a first
//     section, 前言, because it is text the report holds;
//   - proposals past MaxProposalsPerSection or MaxProposalsPerReport are
//     left out and the import says how many, because the text itself is
//     kept whole and proposals are only suggestions a reviewer confirms:
//     the first ones stay, the rest can be added by hand.
const (
	// MaxTextBytes is the largest report file read, in bytes as stored
	// (before decoding): 8 MiB.
	MaxTextBytes = 8 << 20
	// MaxTitleRunes bounds a report's title, in characters: a longer one
	// is text taken for a title. What is cut off stays in the report as
	// the text of its 前言 section.
	MaxTitleRunes = 80
	// MaxSections is the most numbered headings a report may have. A large
	// real report has a few hundred. Every section is a slide, and
	// `plandesk slides` draws about eight a second at 1920×1080, so this
	// also keeps a slide export to about two minutes; 5,000 would take ten.
	MaxSections = 1000
	// MaxProposalsPerSection is the most indicators proposed in one section.
	MaxProposalsPerSection = 200
	// MaxProposalsPerReport is the most indicators proposed in one report.
	MaxProposalsPerReport = 5000
)

// Errors for a report past one of its bounds; a *LimitError carries them.
var (
	// ErrTextTooLarge means the file is larger than MaxTextBytes.
	ErrTextTooLarge = errors.New("the report text is too large")
	// ErrTooManySections means the text has more than MaxSections headings.
	ErrTooManySections = errors.New("the report has too many sections")
)

// LimitError is a report refused for passing one of its bounds.
type LimitError struct {
	// Err is ErrTextTooLarge or ErrTooManySections.
	Err error
	// Limit is the bound passed: bytes or sections.
	Limit int64
	// Found is the size found, or 0 when reading stopped past the limit
	// without learning the whole size.
	Found int64
}

func (e *LimitError) Error() string {
	if e.Found > 0 {
		return fmt.Sprintf("%v: %d, more than %d", e.Err, e.Found, e.Limit)
	}
	return fmt.Sprintf("%v: more than %d", e.Err, e.Limit)
}

func (e *LimitError) Unwrap() error { return e.Err }

// checkSize refuses a text of size bytes over MaxTextBytes; found says
// whether size is the whole size or only how far reading got.
func checkSize(size int64, found bool) error {
	if size <= MaxTextBytes {
		return nil
	}
	e := &LimitError{Err: ErrTextTooLarge, Limit: MaxTextBytes}
	if found {
		e.Found = size
	}
	return e
}

// ReadText reads a report's text from r, refusing, with a *LimitError,
// input over MaxTextBytes. It reads at most one byte past the bound, so an
// oversized or endless input never sits in memory whole.
func ReadText(r io.Reader) ([]byte, error) {
	text, err := io.ReadAll(io.LimitReader(r, MaxTextBytes+1))
	if err != nil {
		return nil, err
	}
	if err := checkSize(int64(len(text)), false); err != nil {
		return nil, err
	}
	return text, nil
}

// ReadFile reads the report text file at path, as ReadText does. A regular
// file over the bound is refused from its size before any of it is read.
// Errors from the file system keep their *fs.PathError.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if err := checkSize(info.Size(), true); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	text, err := ReadText(f)
	if errors.Is(err, ErrTextTooLarge) {
		// A read error names the file already; the bound does not.
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return text, err
}

// ProposalQuota keeps an import's proposals within MaxProposalsPerSection
// and MaxProposalsPerReport: the first ones of each section are kept, in
// reading order, and the rest only counted so the import can say how many
// it left out. Its zero value is ready; use one per import.
type ProposalQuota struct {
	inSection map[int]int // kept so far, by the section's place in reading order
	kept      int
	leftOut   int
}

// Take reports whether one more proposal of the section at place section
// (in reading order) may be kept, and counts it as kept or left out.
func (q *ProposalQuota) Take(section int) bool {
	if q.inSection == nil {
		q.inSection = map[int]int{}
	}
	if q.kept >= MaxProposalsPerReport || q.inSection[section] >= MaxProposalsPerSection {
		q.leftOut++
		return false
	}
	q.inSection[section]++
	q.kept++
	return true
}

// Kept is how many proposals Take let through.
func (q *ProposalQuota) Kept() int { return q.kept }

// LeftOut is how many proposals Take refused.
func (q *ProposalQuota) LeftOut() int { return q.leftOut }
