package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/targets"

	_ "embed"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// seedReport is the report PlanDesk ships with and opens on first start:
// the Hanyang district's mid-term evaluation of its 14th Five-Year Plan,
// as extracted from its PDF. Its wording is never edited.
//
//go:embed seed/hanyang-midterm-eval.txt
var seedReport []byte

// SeedName is the file name the shipped report is recorded under.
const SeedName = "hanyang-midterm-eval.txt"

// SeedText returns a copy of the shipped report's text.
func SeedText() []byte { return bytes.Clone(seedReport) }

// ImportedReport is a report an import added, with what it left out.
type ImportedReport struct {
	plan.Report
	// ProposalsLeftOut is how many indicators the text states beyond
	// reporttext.MaxProposalsPerSection or MaxProposalsPerReport, which
	// were not proposed. The text itself is always stored whole.
	ProposalsLeftOut int
	// ProjectsLeftOut is how many projects the text reports on beyond the
	// same bounds (counted apart from the indicators), not proposed.
	ProjectsLeftOut int
}

// ImportReport stores a parsed report as a new report in one transaction:
// either all of it is there afterwards or none of it. A report the
// database already holds (the same text) is refused with a
// *DuplicateReportError naming it, and nothing changes.
func (s *Store) ImportReport(p *reporttext.ParsedReport, sourceName string) (ImportedReport, error) {
	return s.importReport(p, sourceName, false)
}

// ImportReportAgain is ImportReport for a report the user chose to import
// a second time: it is added beside the one already there.
func (s *Store) ImportReportAgain(p *reporttext.ParsedReport, sourceName string) (ImportedReport, error) {
	return s.importReport(p, sourceName, true)
}

func (s *Store) importReport(p *reporttext.ParsedReport, sourceName string, again bool) (ImportedReport, error) {
	var report ImportedReport
	err := s.write(func(tx *gorm.DB) error {
		if !again {
			var there plan.Report
			err := tx.Where("fingerprint = ? AND removed_at IS NULL", fingerprint(p)).Order("id").Limit(1).Find(&there).Error
			if err != nil {
				return err
			}
			if there.ID != 0 {
				return &DuplicateReportError{ID: there.ID, Title: there.Title}
			}
		}
		var err error
		report, err = insertReport(tx, p, sourceName)
		return err
	})
	if err != nil {
		return ImportedReport{}, fmt.Errorf("import report %q: %w", sourceName, err)
	}
	return report, nil
}

// SeedIfEmpty imports the shipped report when the database holds no report
// at all, and says whether it did. The check and the import share one
// transaction.
func (s *Store) SeedIfEmpty() (bool, error) {
	errHasReports := errors.New("database already holds reports")
	err := s.write(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&plan.Report{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return errHasReports
		}
		parsed, err := reporttext.ParseReport(seedReport)
		if err != nil {
			return fmt.Errorf("parse shipped report: %w", err)
		}
		_, err = insertReport(tx, parsed, SeedName)
		return err
	})
	if errors.Is(err, errHasReports) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("import shipped report: %w", err)
	}
	return true, nil
}

func insertReport(tx *gorm.DB, p *reporttext.ParsedReport, sourceName string) (ImportedReport, error) {
	fp := fingerprint(p)
	return insertReportAs(tx, p, sourceName, fp, func(seq int) string { return sectionUID(fp, seq) })
}

// insertReportAs stores a parsed report under fingerprint fp, its
// sections' uids given by their places: an import derives them from fp, a
// report added from a review package takes the sender's.
func insertReportAs(tx *gorm.DB, p *reporttext.ParsedReport, sourceName, fp string, uid func(seq int) string) (ImportedReport, error) {
	title := p.Title
	if title == "" {
		title = sourceName
	}
	report := plan.Report{
		Title:          title,
		Region:         p.Region,
		PlanPeriod:     p.PlanPeriod,
		EvaluationDate: p.EvaluationDate,
		SourceName:     sourceName,
		ImportedAt:     time.Now(),
		Fingerprint:    fp,
	}
	if err := tx.Create(&report).Error; err != nil {
		return ImportedReport{}, err
	}
	ids := make(map[*reporttext.ParsedSection]int64)
	sectionSeq := make(map[int64]int)
	var paragraphs []plan.Paragraph
	tables := map[int64][]reporttext.Table{}
	var walkErr error
	seq := 0
	p.Walk(func(ps, parent *reporttext.ParsedSection, depth int) {
		if walkErr != nil {
			return
		}
		section := plan.Section{ReportID: report.ID, UID: uid(seq), Seq: seq, Depth: depth, Numbering: ps.Numbering, Title: ps.Title, ReviewState: plan.ReviewNone}
		seq++
		if parent != nil {
			id := ids[parent]
			section.ParentID = &id
		}
		if walkErr = insertSection(tx, &section, ps.Tables); walkErr != nil {
			return
		}
		ids[ps] = section.ID
		sectionSeq[section.ID] = section.Seq
		if len(ps.Tables) > 0 {
			tables[section.ID] = ps.Tables
		}
		for i, text := range ps.Paragraphs {
			paragraphs = append(paragraphs, plan.Paragraph{SectionID: section.ID, Seq: i, Text: text})
		}
	})
	if walkErr != nil {
		return ImportedReport{}, walkErr
	}
	if len(paragraphs) > 0 {
		if err := tx.CreateInBatches(paragraphs, 200).Error; err != nil {
			return ImportedReport{}, fmt.Errorf("paragraphs: %w", err)
		}
	}
	headings := make(map[int64][]string, len(ids))
	for ps, path := range p.Headings() {
		headings[ids[ps]] = path
	}
	return proposeAll(tx, report, sectionSeq, headings, paragraphs, tables)
}

// insertSection stores a section and its tables.
func insertSection(tx *gorm.DB, section *plan.Section, tables []reporttext.Table) error {
	if err := tx.Create(section).Error; err != nil {
		return fmt.Errorf("section %q: %w", section.Heading(), err)
	}
	if err := insertTables(tx, section.ID, tables); err != nil {
		return fmt.Errorf("section %q: %w", section.Heading(), err)
	}
	return nil
}

// proposeAll stores the indicators and the projects a new report's text
// states, as proposals.
func proposeAll(tx *gorm.DB, report plan.Report, sectionSeq map[int64]int, headings map[int64][]string, paragraphs []plan.Paragraph, tables map[int64][]reporttext.Table) (ImportedReport, error) {
	leftOut, err := proposeIndicators(tx, report.ID, report.Fingerprint, sectionSeq, headings, paragraphs, tables)
	if err != nil {
		return ImportedReport{}, fmt.Errorf("propose indicators: %w", err)
	}
	projectsLeftOut, err := proposeProjects(tx, report.ID, report.Fingerprint, sectionSeq, headings, paragraphs)
	if err != nil {
		return ImportedReport{}, fmt.Errorf("propose projects: %w", err)
	}
	return ImportedReport{Report: report, ProposalsLeftOut: leftOut, ProjectsLeftOut: projectsLeftOut}, nil
}

// proposeIndicators stores the quantities the text states as indicators
// waiting for a reviewer (待确认), each linked to its sentence and paragraph.
// A quantity whose value does not read is left out rather than guessed.
// Each gets a uid from the text's fingerprint and its place in the text.
//
// Only the first of each section and of the report are proposed (see
// reporttext.ProposalQuota); it returns how many more it left out. Those are
// left out rather than the import refused: the text is stored whole either
// way, and a reviewer is better served by the first few hundred suggestions
// and a count of the rest than by a table too long to load or no report.
func proposeIndicators(tx *gorm.DB, reportID int64, fingerprint string, sectionSeq map[int64]int, headings map[int64][]string, paragraphs []plan.Paragraph, tables map[int64][]reporttext.Table) (leftOut int, err error) {
	list, leftOut := indicatorProposals(reportID, fingerprint, sectionSeq, headings, paragraphs, tables)
	if len(list) == 0 {
		return leftOut, nil
	}
	return leftOut, tx.CreateInBatches(list, 100).Error
}

// indicatorProposals are the indicators proposeIndicators stores, with how
// many it left out; a new version of a report's text (ReplaceReportText)
// reads them too, to add those the old text did not give.
func indicatorProposals(reportID int64, fingerprint string, sectionSeq map[int64]int, headings map[int64][]string, paragraphs []plan.Paragraph, tables map[int64][]reporttext.Table) ([]plan.Indicator, int) {
	var list []plan.Indicator
	var quota reporttext.ProposalQuota
	seq := map[int64]int{} // next table position per section
	for _, para := range paragraphs {
		for n, p := range reporttext.ExtractIndicatorsUnder(headings[para.SectionID], para.Text) {
			paraID := para.ID
			ind := proposedIndicator(p)
			ind.UID = proposalUID(fingerprint, sectionSeq[para.SectionID], para.Seq, n)
			ind.ReportID, ind.SectionID, ind.Seq = reportID, para.SectionID, seq[para.SectionID]
			ind.SourceParagraphID = &paraID
			if err := ind.ReadValues(); err != nil || !quota.Take(sectionSeq[para.SectionID]) {
				continue
			}
			seq[para.SectionID]++
			list = append(list, ind)
		}
	}
	// A document's own indicator tables come after its sentences.
	list = append(list, tableProposals(reportID, fingerprint, sectionSeq, tables, seq, &quota)...)
	return list, quota.LeftOut()
}

// tableProposals are the indicators a report's own tables give: each row
// of a table whose header reads as an indicator table (指标, 单位, 2020年,
// 目标值, 2022年完成, 属性…; see targets.Read) with its baseline, target and
// mid-term value as written, 待确认, the row's cells as its source. Their
// uids come from the fingerprint and the row's place, as the sentences' do,
// marked apart (a negative paragraph place) so the two never meet.
func tableProposals(reportID int64, fingerprint string, sectionSeq map[int64]int, tables map[int64][]reporttext.Table, seq map[int64]int, quota *reporttext.ProposalQuota) []plan.Indicator {
	var list []plan.Indicator
	ids := make([]int64, 0, len(tables))
	for id := range tables {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Compare(sectionSeq[a], sectionSeq[b]) })
	for _, sectionID := range ids {
		for t, tbl := range tables[sectionID] {
			for _, tp := range targets.TableProposals(TableOf(tbl).Texts()) {
				if !quota.Take(sectionSeq[sectionID]) {
					continue
				}
				ind := tp.Indicator
				ind.UID = proposalUID(fingerprint, sectionSeq[sectionID], -1-t, tp.Line)
				ind.ReportID, ind.SectionID, ind.Seq, ind.UpdatedAt = reportID, sectionID, seq[sectionID], time.Now()
				seq[sectionID]++
				list = append(list, ind)
			}
		}
	}
	return list
}

// proposedIndicator is a proposal as an indicator waiting for a reviewer:
// what the sentence states, and nothing it does not.
func proposedIndicator(p reporttext.Proposal) plan.Indicator {
	direction := plan.DirectionUp
	if p.LowerIsBetter {
		direction = plan.DirectionDown
	}
	return plan.Indicator{
		Name: p.Name, Unit: p.Unit, Direction: direction,
		Midterm: p.Value, MidtermAsOf: p.AsOf, Baseline: p.Baseline, BaselineYear: p.BaselineYear,
		Target: p.Target, TargetYear: p.TargetYear, Note: p.Note,
		Source: p.Sentence, State: plan.StateProposed, UpdatedAt: time.Now(),
	}
}

// Fingerprint is a parsed report's identity as plan.Report.Fingerprint
// records it: the window tells the same report imported again from a new
// version of it (the same title, another text) with it.
func Fingerprint(p *reporttext.ParsedReport) string { return fingerprint(p) }

// fingerprint is a report's identity from its text: the same text gives
// the same fingerprint on every laptop.
func fingerprint(p *reporttext.ParsedReport) string {
	h := sha256.New()
	h.Write([]byte(p.Text()))
	// A document's tables are part of what it says; a text file has none,
	// so its fingerprint is the text's alone, as before tables were kept.
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		for _, t := range s.Tables {
			fmt.Fprintf(h, "\x00table %d", t.After)
			for _, row := range t.Rows {
				for _, c := range row {
					fmt.Fprintf(h, "\x1f%s", c.Text)
				}
				h.Write([]byte{'\n'})
			}
		}
	})
	return hex.EncodeToString(h.Sum(nil))
}
