package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"plandesk/plan"

	"gorm.io/gorm"
)

// indicatorRow selects one indicator as a single text of its columns
// joined by the unit separator (U+001F). Reading one column a row instead
// of twenty makes loading 10,000 indicators several times faster with the
// pure-Go driver, which locks and copies per column. The values read from
// the numbers are not fetched: SQLite prints reals without a guaranteed
// round trip, and they are re-read from the texts they were computed from.
// The time of change comes as Unix milliseconds.
const indicatorRow = `i.id || char(31) || i.uid || char(31) || i.report_id || char(31) || i.section_id || char(31) || i.seq
	|| char(31) || i.name || char(31) || i.unit || char(31) || i.attribute || char(31) || i.direction
	|| char(31) || i.baseline || char(31) || i.baseline_year || char(31) || i.target || char(31) || i.target_year
	|| char(31) || i.target_kind || char(31) || i.midterm || char(31) || i.midterm_as_of || char(31) || i.note
	|| char(31) || i.manual_status
	|| char(31) || i.source || char(31) || ifnull(i.source_paragraph_id, '') || char(31) || i.state
	|| char(31) || CAST(round((julianday(i.updated_at) - 2440587.5) * 86400000) AS INTEGER)`

// indicatorFields is how many columns indicatorRow joins.
const indicatorFields = 22

// Indicators returns a report's indicators in section and table order.
func (s *Store) Indicators(reportID int64) ([]plan.Indicator, error) {
	// The index on (report_id, section_id, seq) holds the table order as
	// long as the sections' ids follow their reading order, as an import
	// gives them: no join, no sort in SQL. A new version of the text
	// (ReplaceReportText) adds sections with ids after every other,
	// wherever they stand; then the list is sorted by the sections' order
	// here (inReadingOrder), cheaper than SQL sorting every row by a
	// subquery (BenchmarkLoadAndFilter10k: 42 ms against 54).
	var count int64
	if err := s.db.Raw(`SELECT count(*) FROM indicators WHERE report_id = ?`, reportID).Scan(&count).Error; err != nil {
		return nil, fmt.Errorf("count indicators of report %d: %w", reportID, err)
	}
	list, err := s.readIndicators(`i.report_id = ? ORDER BY i.section_id, i.seq, i.id`, reportID, int(count))
	if err == nil {
		err = inReadingOrder(s.db, reportID, list, func(ind plan.Indicator) int64 { return ind.SectionID })
	}
	if err != nil {
		return nil, fmt.Errorf("load indicators of report %d: %w", reportID, err)
	}
	return list, nil
}

// readIndicators is the one way indicators are read: every page, table,
// chart and export gets them from here, so the same indicator carries the
// same numbers everywhere. where is the SQL after WHERE, with one argument.
func (s *Store) readIndicators(where string, arg any, sizeHint int) ([]plan.Indicator, error) {
	rows, err := s.db.Raw(`SELECT `+indicatorRow+` FROM indicators AS i WHERE `+where, arg).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := make([]plan.Indicator, 0, sizeHint)
	var row string
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, err
		}
		ind, err := splitIndicatorRow(row)
		if err != nil {
			return nil, err
		}
		list = append(list, ind)
	}
	return list, rows.Err()
}

// splitIndicatorRow reads one indicatorRow.
func splitIndicatorRow(row string) (plan.Indicator, error) {
	var f [indicatorFields]string
	rest, more := row, true
	n := 0
	for ; more && n < indicatorFields; n++ {
		f[n], rest, more = strings.Cut(rest, "\x1f")
	}
	if more || n != indicatorFields {
		return plan.Indicator{}, fmt.Errorf("indicator row does not have %d fields", indicatorFields)
	}
	var firstErr error
	integer := func(s string) int64 {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v
	}
	ind := plan.Indicator{
		ID: integer(f[0]), UID: f[1], ReportID: integer(f[2]), SectionID: integer(f[3]), Seq: int(integer(f[4])),
		Name: f[5], Unit: f[6], Attribute: f[7], Direction: f[8],
		Baseline: f[9], BaselineYear: f[10], Target: f[11], TargetYear: f[12], TargetKind: f[13],
		Midterm: f[14], MidtermAsOf: f[15], Note: f[16], ManualStatus: f[17], Source: f[18], State: f[20],
		UpdatedAt: time.UnixMilli(integer(f[21])),
	}
	if f[19] != "" {
		id := integer(f[19])
		ind.SourceParagraphID = &id
	}
	// The texts were checked when written; one that no longer reads keeps
	// its value empty rather than failing the whole report.
	_ = ind.ReadValues()
	return ind, firstErr
}

// SectionIndicators returns one section's indicators in table order.
func (s *Store) SectionIndicators(sectionID int64) ([]plan.Indicator, error) {
	list, err := s.readIndicators(`i.section_id = ? ORDER BY i.seq, i.id`, sectionID, 16)
	if err != nil {
		return nil, fmt.Errorf("load indicators of section %d: %w", sectionID, err)
	}
	return list, nil
}

// Indicator returns one indicator by id; gorm.ErrRecordNotFound when there
// is none.
func (s *Store) Indicator(id int64) (plan.Indicator, error) {
	list, err := s.readIndicators(`i.id = ?`, id, 1)
	if err == nil && len(list) == 0 {
		err = gorm.ErrRecordNotFound
	}
	if err != nil {
		return plan.Indicator{}, fmt.Errorf("load indicator %d: %w", id, err)
	}
	return list[0], nil
}

// insertIndicator stores a new indicator at the end of its section's table.
func insertIndicator(tx *gorm.DB, ind *plan.Indicator) error {
	if ind.Seq == 0 {
		var last *int
		if err := tx.Model(&plan.Indicator{}).Where("section_id = ?", ind.SectionID).Select("max(seq)").Scan(&last).Error; err != nil {
			return err
		}
		if last != nil {
			ind.Seq = *last + 1
		}
	}
	if ind.UID == "" {
		uid, err := randomUID()
		if err != nil {
			return err
		}
		ind.UID = uid
	}
	if ind.Direction == "" {
		ind.Direction = plan.DirectionUp
	}
	if ind.State == "" {
		ind.State = plan.StateConfirmed
	}
	ind.UpdatedAt = time.Now()
	return tx.Create(ind).Error
}

// randomUID is the identity of an indicator a reviewer adds: 128 random
// bits, as hex.
func randomUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make an indicator uid: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// proposalUID is the identity of a proposal found in a report's text:
// from the text's fingerprint and the proposal's place in it, so that the
// same report imported on two laptops gives its proposals the same uids.
func proposalUID(fingerprint string, sectionSeq, paragraphSeq, n int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%d|%d|%d", fingerprint, sectionSeq, paragraphSeq, n))
	return hex.EncodeToString(sum[:16])
}
