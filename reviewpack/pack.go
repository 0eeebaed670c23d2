// Package reviewpack is the file a reviewer's laptop hands another
// (审阅包): who sent it, the report it is about, and every change the
// sender's database holds of that report, for store to merge.
//
// The file is a JSON document, not a small SQLite database: a package
// crosses from one official's laptop to another's on a USB stick, and
// JSON is data only — nothing in it is run, opened as a database by
// SQLite's parser or written to a path — it reads in any text editor
// when someone wants to see what is being handed over, and Go decodes it
// without cgo or a second schema to migrate. Its integrity is a SHA-256
// checksum of the exact bytes of its body as written (the envelope names
// the format, its version and the checksum), so a truncated, corrupt or
// edited file is refused before anything of it is used; a version newer
// than this PlanDesk reads is refused with 请升级. Read bounds what it
// accepts (file size, string length, counts), so a hostile file costs at
// most a bounded amount of memory and time.
//
// It is pure Go and imports nothing of PlanDesk's store, GORM or Fyne.
package reviewpack

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// FormatName is what the envelope's format field holds.
const FormatName = "plandesk-review-pack"

// Version is the version of the format this PlanDesk writes and the
// newest it reads.
const Version = 1

// Bounds of what Read accepts. A package of a real review is a few
// hundred kilobytes (a report's text and some thousand changes); the
// bounds are far above that and far below what would hurt a laptop.
const (
	MaxFileBytes  = 64 << 20 // the whole file
	MaxTextBytes  = 1 << 20  // one string: a paragraph, a snapshot, a comment
	MaxChanges    = 200_000
	MaxSections   = 20_000
	MaxParagraphs = 200_000 // over the whole report
	MaxTableCells = 200_000 // over the whole report
)

// The errors Read returns; messages words each.
var (
	// ErrNotPack means the file is no review package (another JSON
	// document, or not JSON at all).
	ErrNotPack = errors.New("not a PlanDesk review package")
	// ErrNewerPack means a newer PlanDesk wrote the package.
	ErrNewerPack = errors.New("review package written by a newer PlanDesk")
	// ErrCorruptPack means the package is damaged, cut short or edited:
	// its checksum does not match, or its body does not read.
	ErrCorruptPack = errors.New("review package is damaged or was edited")
	// ErrPackTooLarge means the package passes one of Read's bounds.
	ErrPackTooLarge = errors.New("review package is too large")
)

// Kinds of what a change changed.
const (
	KindIndicator = "indicator"
	KindProject   = "project"
	KindComment   = "comment"
	KindSection   = "section" // its review mark
)

// FieldSection is the pseudo-field of an indicator's move: its Old and New
// are the uids of the sections it moved between.
const FieldSection = "section"

// Pack is one review package.
type Pack struct {
	// Sender is who wrote it, on which laptop.
	Sender Sender `json:"sender"`
	// Created is when it was written.
	Created time.Time `json:"created"`
	// Report is the report the changes are of, whole enough to be added
	// to a database that does not hold it.
	Report Report `json:"report"`
	// Changes are the changes, in the order the sender's database made or
	// merged them.
	Changes []Change `json:"changes"`
}

// Sender says who wrote a package.
type Sender struct {
	Reviewer   string `json:"reviewer"`
	Laptop     string `json:"laptop"`      // the laptop's uid
	LaptopName string `json:"laptop_name"` // 王处长的笔记本
}

// Report is a report as a package carries it: its identity and its text.
type Report struct {
	Fingerprint    string    `json:"fingerprint"`
	Title          string    `json:"title"`
	Region         string    `json:"region,omitempty"`
	PlanPeriod     string    `json:"plan_period,omitempty"`
	EvaluationDate string    `json:"evaluation_date,omitempty"`
	SourceName     string    `json:"source_name,omitempty"`
	Sections       []Section `json:"sections"`
}

// Section is one section of a report's text, in reading order.
type Section struct {
	UID        string   `json:"uid"`
	Parent     string   `json:"parent,omitempty"` // the parent's uid; empty at the top
	Depth      int      `json:"depth"`
	Numbering  string   `json:"numbering"`
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
	Tables     []Table  `json:"tables,omitempty"`
}

// Table is one table of a section.
type Table struct {
	After int      `json:"after"` // paragraphs before it
	Rows  [][]Cell `json:"rows"`
}

// Cell is one cell of a table's grid.
type Cell struct {
	Text    string `json:"text"`
	ColSpan int    `json:"col_span"`
	RowSpan int    `json:"row_span"`
	Covered bool   `json:"covered,omitempty"`
}

// Change is one change of the report: an indicator's or project's field
// edited, one created, deleted or (an indicator) moved; a comment or reply
// written, edited or deleted; a section's review mark set. Everything is
// named by uid, never by a database's local id.
type Change struct {
	// UID is the change's identity on every laptop it reaches: a change
	// with a uid a database holds is never applied there again.
	UID string `json:"uid"`
	// Laptop is the uid of the laptop where the change was first made.
	Laptop   string    `json:"laptop"`
	Reviewer string    `json:"reviewer"`
	At       time.Time `json:"at"`
	// Kind is one of the Kind* constants; Entity the uid of what changed.
	Kind   string `json:"kind"`
	Entity string `json:"entity"`
	// Action is edit, create, delete or move (plan.Action*).
	Action string `json:"action"`
	// Field is the field an edit changed (FieldSection for a move).
	Field string `json:"field,omitempty"`
	// Old is the value the change was made on (its base), New the value it
	// gave; for a creation New, for a deletion Old, is the thing as JSON,
	// local ids left out (Section, Parent and On say where it stands).
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Section is the uid of the section a created or deleted thing is in.
	Section string `json:"section,omitempty"`
	// Parent is the uid of the comment a reply answers.
	Parent string `json:"parent,omitempty"`
	// On is the uid of the indicator or project a comment is on.
	On string `json:"on,omitempty"`
	// Replay says the change was an undo or a redo on its laptop.
	Replay string `json:"replay,omitempty"`
	// Adopts is, for a conflict resolved by taking the other side's value,
	// the uid of the change taken: where the change stands on the
	// field's line.
	Adopts string `json:"adopts,omitempty"`
	// Relayed says the sender knows the change but did not apply it (it
	// was there already, or the sender kept its own over it): passed on
	// as seen, it does not tell what the sender holds.
	Relayed bool `json:"relayed,omitempty"`
}

// envelope is the file: the format, its version, the checksum and the
// body, kept as the bytes written so that the checksum is of them.
type envelope struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Checksum string          `json:"checksum"`
	Pack     json.RawMessage `json:"pack"`
}

// Write writes p to w as a package file.
func Write(w io.Writer, p Pack) error {
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode review package: %w", err)
	}
	sum := sha256.Sum256(body)
	out, err := json.Marshal(envelope{Format: FormatName, Version: Version, Checksum: "sha256:" + hex.EncodeToString(sum[:]), Pack: body})
	if err != nil {
		return fmt.Errorf("encode review package: %w", err)
	}
	if _, err := w.Write(append(out, '\n')); err != nil {
		return fmt.Errorf("write review package: %w", err)
	}
	return nil
}

// Read reads a package file, refusing one that is no package
// (ErrNotPack), from a newer PlanDesk (ErrNewerPack), damaged or edited
// (ErrCorruptPack), or past a bound (ErrPackTooLarge).
func Read(r io.Reader) (Pack, error) {
	data, err := io.ReadAll(io.LimitReader(bufio.NewReader(r), MaxFileBytes+1))
	if err != nil {
		return Pack{}, fmt.Errorf("read review package: %w", err)
	}
	if len(data) > MaxFileBytes {
		return Pack{}, fmt.Errorf("more than %d bytes: %w", MaxFileBytes, ErrPackTooLarge)
	}
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		if looksLikePack(data) {
			return Pack{}, fmt.Errorf("%v: %w", err, ErrCorruptPack)
		}
		return Pack{}, fmt.Errorf("%v: %w", err, ErrNotPack)
	}
	if env.Format != FormatName {
		return Pack{}, fmt.Errorf("format %q: %w", env.Format, ErrNotPack)
	}
	if env.Version > Version {
		return Pack{}, fmt.Errorf("version %d, this PlanDesk reads up to %d: %w", env.Version, Version, ErrNewerPack)
	}
	if env.Version < 1 {
		return Pack{}, fmt.Errorf("version %d: %w", env.Version, ErrCorruptPack)
	}
	sum := sha256.Sum256(env.Pack)
	if env.Checksum != "sha256:"+hex.EncodeToString(sum[:]) {
		return Pack{}, fmt.Errorf("checksum does not match: %w", ErrCorruptPack)
	}
	var p Pack
	if err := json.Unmarshal(env.Pack, &p); err != nil {
		return Pack{}, fmt.Errorf("%v: %w", err, ErrCorruptPack)
	}
	if err := p.check(); err != nil {
		return Pack{}, err
	}
	return p, nil
}

// looksLikePack says whether bytes that do not read as JSON start as a
// package does: a package cut short is damaged, not some other file.
func looksLikePack(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 64)], []byte(`"format":"`+FormatName))
}
