package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/store/storeerr"
)

// ErrNoText refuses a new version of a report's text that holds no
// section (nothing parsed).
var ErrNoText = storeerr.ErrNoText

// TextReplaced is what ReplaceReportText did to a report.
type TextReplaced struct {
	// Report is the report as stored afterwards.
	Report plan.Report
	plan.Replacement
	// Backup is the copy of the database made before the replacement. A
	// replacement cannot be undone with Undo: restoring this copy (文件 →
	// 恢复备份…) is the way back.
	Backup string
}

// ReplaceReportText puts a new version of a report's text in place of the
// one stored — the drafters' revision of a report under review — keeping
// everything the review attached to the report: sections the new text
// still has keep their rows (ids, review marks; see matchSections); the
// paragraphs and tables are the new text's; every indicator, project and
// comment is kept, those of a section the new text dropped moved to the
// nearest kept section above it; each indicator and project is linked to
// the paragraph now holding its sentence; each paragraph or span comment
// is found again by its quote (plan.Comment.Locate) and moved there, or
// kept as it was when its text is gone (原文已变). What the new text states
// that the report has no indicator or project for (by uid, or by a name,
// past names included, in the same section or with the same sentence; a
// deleted one counts) is proposed (待确认), as an import would.
//
// It is one transaction, after a backup of the database beside it
// (<file>.before-new-text-<id>-<time>.bak, in the result): the
// replacement is recorded in the history but cannot be undone. A report
// the database does not hold (*NoReportError), a text with no section
// (ErrNoText) and another report's text (*OtherReportTextError) are
// refused before the backup, and change nothing.
func (s *Store) ReplaceReportText(reportID int64, p *reporttext.ParsedReport, sourceName, reviewer string) (TextReplaced, error) {
	if err := s.checkReplacement(reportID, p); err != nil {
		return TextReplaced{}, fmt.Errorf("replace the text of report %d: %w", reportID, err)
	}
	backup := unusedPath(fmt.Sprintf("%s.before-new-text-%d-%s", s.path, reportID, time.Now().Format("20060102-150405")), ".bak")
	if err := s.BackupTo(backup); err != nil {
		return TextReplaced{}, fmt.Errorf("replace the text of report %d: %w", reportID, err)
	}
	var res TextReplaced
	err := s.write(func(tx *gorm.DB) error {
		var err error
		res, err = replaceText(tx, reportID, p, sourceName, reviewer)
		return err
	})
	if err != nil {
		// Nothing changed: the copy would only say so.
		_ = os.Remove(backup)
		return TextReplaced{}, fmt.Errorf("replace the text of report %d: %w", reportID, err)
	}
	res.Backup = backup
	return res, nil
}

// unusedPath is stem+ext, or stem-2+ext, stem-3+ext… when taken: two
// replacements within a second must not share a backup, or the first
// one's way back would be lost.
func unusedPath(stem, ext string) string {
	path := stem + ext
	for n := 2; ; n++ {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return path
		}
		path = fmt.Sprintf("%s-%d%s", stem, n, ext)
	}
}

// checkReplacement refuses, before anything is written, what
// ReplaceReportText must not do.
func (s *Store) checkReplacement(reportID int64, p *reporttext.ParsedReport) error {
	if s.readOnly {
		return fmt.Errorf("opened read-only: %w", ErrReadOnly)
	}
	if p == nil || len(p.Sections) == 0 {
		return ErrNoText
	}
	var n int64
	if err := s.db.Model(&plan.Report{}).Where("id = ? AND removed_at IS NULL", reportID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return &NoReportError{ID: reportID}
	}
	var other plan.Report
	err := s.db.Where("fingerprint = ? AND removed_at IS NULL AND id <> ?", fingerprint(p), reportID).Order("id").Limit(1).Find(&other).Error
	if err != nil {
		return err
	}
	if other.ID != 0 {
		return &OtherReportTextError{ID: other.ID, Title: other.Title}
	}
	return nil
}

// newSection is one section of the new text with its place in it.
type newSection struct {
	ps     *reporttext.ParsedSection
	parent int // index of the parent, -1 at the top
	depth  int
}

// replaceText is ReplaceReportText's transaction.
func replaceText(tx *gorm.DB, reportID int64, p *reporttext.ParsedReport, sourceName, reviewer string) (TextReplaced, error) {
	var report plan.Report
	if err := tx.Where("removed_at IS NULL").Take(&report, reportID).Error; err != nil {
		return TextReplaced{}, err
	}
	var old []plan.Section
	if err := tx.Where("report_id = ?", reportID).Order("seq").Find(&old).Error; err != nil {
		return TextReplaced{}, err
	}
	before, err := snapshotText(tx, reportID)
	if err != nil {
		return TextReplaced{}, err
	}
	sections, nodes := flattenParsed(p)
	newTo := matchSections(oldOutline(old), nodes)
	var res TextReplaced
	fp := fingerprint(p)
	ids, err := placeSections(tx, reportID, fp, old, sections, newTo, &res)
	if err != nil {
		return TextReplaced{}, fmt.Errorf("sections: %w", err)
	}
	if err := mergeAway(tx, old, newTo, ids, &res); err != nil {
		return TextReplaced{}, fmt.Errorf("sections no longer in the text: %w", err)
	}
	paragraphs, err := replaceParagraphs(tx, reportID, sections, ids)
	if err != nil {
		return TextReplaced{}, fmt.Errorf("paragraphs: %w", err)
	}
	res.Paragraphs = len(paragraphs)
	res.SectionsChanged = changedSections(before.text, paragraphs, ids, newTo)
	if err := relink(tx, reportID, paragraphs, before, &res); err != nil {
		return TextReplaced{}, err
	}
	if err := proposeNew(tx, report, fp, p, sections, ids, paragraphs, &res); err != nil {
		return TextReplaced{}, err
	}
	res.Report, err = renameReport(tx, report, p, fp, sourceName, reviewer)
	return res, err
}

// flattenParsed lists the new text's sections in reading order, with the
// outline matchSections reads.
func flattenParsed(p *reporttext.ParsedReport) ([]newSection, []outlineNode) {
	var sections []newSection
	var nodes []outlineNode
	index := map[*reporttext.ParsedSection]int{}
	paths := p.Headings()
	p.Walk(func(ps, parent *reporttext.ParsedSection, depth int) {
		at := -1
		if parent != nil {
			at = index[parent]
		}
		index[ps] = len(sections)
		sections = append(sections, newSection{ps: ps, parent: at, depth: depth})
		nodes = append(nodes, outlineNode{parent: at, numbering: ps.Numbering, title: ps.Title, path: strings.Join(paths[ps], "\x00")})
	})
	return sections, nodes
}

// oldOutline is the stored sections' outline, as matchSections reads it.
func oldOutline(old []plan.Section) []outlineNode {
	index := make(map[int64]int, len(old))
	nodes := make([]outlineNode, len(old))
	for i, sec := range old {
		index[sec.ID] = i
		nodes[i] = outlineNode{parent: -1, numbering: sec.Numbering, title: sec.Title, path: sec.Heading()}
		if sec.ParentID != nil {
			if at, ok := index[*sec.ParentID]; ok {
				nodes[i].parent = at
				nodes[i].path = nodes[at].path + "\x00" + sec.Heading()
			}
		}
	}
	return nodes
}
