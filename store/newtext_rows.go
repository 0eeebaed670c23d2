package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reporttext"
)

// textBefore is what a replacement reads of the report before changing it.
type textBefore struct {
	// text is each section's paragraphs, joined.
	text map[int64]string
	// linked are the indicators and the projects (by table name) that
	// pointed at a paragraph.
	linked map[string]map[int64]bool
}

func snapshotText(tx *gorm.DB, reportID int64) (textBefore, error) {
	before := textBefore{text: map[int64]string{}, linked: map[string]map[int64]bool{}}
	var paragraphs []plan.Paragraph
	err := tx.Joins("JOIN sections ON sections.id = paragraphs.section_id").Where("sections.report_id = ?", reportID).
		Order("paragraphs.section_id, paragraphs.seq").Find(&paragraphs).Error
	if err != nil {
		return textBefore{}, err
	}
	before.text = joinedText(paragraphs)
	for _, table := range []string{"indicators", "projects"} {
		var ids []int64
		if err := tx.Table(table).Where("report_id = ? AND source_paragraph_id IS NOT NULL", reportID).Pluck("id", &ids).Error; err != nil {
			return textBefore{}, err
		}
		before.linked[table] = make(map[int64]bool, len(ids))
		for _, id := range ids {
			before.linked[table][id] = true
		}
	}
	return before, nil
}

// joinedText is each section's paragraphs joined by line breaks; the
// paragraphs come in order.
func joinedText(paragraphs []plan.Paragraph) map[int64]string {
	text := map[int64]string{}
	for _, p := range paragraphs {
		if _, ok := text[p.SectionID]; ok {
			text[p.SectionID] += "\n"
		}
		text[p.SectionID] += p.Text
	}
	return text
}

// placeSections gives every section of the new text its row, in reading
// order: a matched old section's row, renumbered, retitled and
// re-parented (its id, uid and review mark kept), or a new row, 未审阅. It
// returns the rows' ids by the new sections' indices.
func placeSections(tx *gorm.DB, reportID int64, fp string, old []plan.Section, sections []newSection, newTo []int, res *TextReplaced) ([]int64, error) {
	// A report's seqs are unique: the old ones are parked below zero
	// first, where no new one goes.
	if err := tx.Exec("UPDATE sections SET seq = -1 - seq WHERE report_id = ?", reportID).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(sections))
	for j, ns := range sections {
		var parent *int64
		if ns.parent >= 0 {
			parent = &ids[ns.parent]
		}
		if i := newTo[j]; i >= 0 {
			ids[j] = old[i].ID
			res.SectionsKept++
			row := plan.Section{Seq: j, Depth: ns.depth, ParentID: parent, Numbering: ns.ps.Numbering, Title: ns.ps.Title}
			err := tx.Model(&plan.Section{ID: old[i].ID}).Select("seq", "depth", "parent_id", "numbering", "title").Updates(&row).Error
			if err != nil {
				return nil, fmt.Errorf("section %q: %w", old[i].Heading(), err)
			}
			continue
		}
		// A new section's uid is the new text's, from its place there,
		// as an import of that text would give it.
		uid, err := newSectionUID(tx, reportID, fp, j)
		if err != nil {
			return nil, err
		}
		sec := plan.Section{ReportID: reportID, UID: uid, Seq: j, Depth: ns.depth, ParentID: parent, Numbering: ns.ps.Numbering,
			Title: ns.ps.Title, ReviewState: plan.ReviewNone}
		if err := tx.Create(&sec).Error; err != nil {
			return nil, fmt.Errorf("section %q: %w", sec.Heading(), err)
		}
		ids[j], res.SectionsAdded = sec.ID, res.SectionsAdded+1
	}
	return ids, nil
}

// newSectionUID is the uid of a section a new text adds at place seq:
// derived from the text's fingerprint, unless a section kept from an
// earlier text has that uid (a text brought back after another), when it
// is random.
func newSectionUID(tx *gorm.DB, reportID int64, fp string, seq int) (string, error) {
	uid := sectionUID(fp, seq)
	var taken int64
	if err := tx.Model(&plan.Section{}).Where("report_id = ? AND uid = ?", reportID, uid).Count(&taken).Error; err != nil || taken == 0 {
		return uid, err
	}
	return randomUID()
}

// mergeAway moves the indicators, projects and comments of every old
// section the new text no longer has to the nearest of its ancestors that
// it still has (or to the first section), after that section's own, and
// then removes those sections.
func mergeAway(tx *gorm.DB, old []plan.Section, newTo []int, ids []int64, res *TextReplaced) error {
	oldTo := filled(len(old))
	for j, i := range newTo {
		if i >= 0 {
			oldTo[i] = j
		}
	}
	index := make(map[int64]int, len(old))
	for i, sec := range old {
		index[sec.ID] = i
	}
	var gone []int64
	for i, sec := range old {
		if oldTo[i] >= 0 {
			continue
		}
		target := ids[0]
		for p := sec.ParentID; p != nil; p = old[index[*p]].ParentID {
			if k := oldTo[index[*p]]; k >= 0 {
				target = ids[k]
				break
			}
		}
		if err := moveContents(tx, sec.ID, target, res); err != nil {
			return fmt.Errorf("section %q: %w", sec.Heading(), err)
		}
		gone = append(gone, sec.ID)
	}
	res.SectionsMerged = len(gone)
	if len(gone) == 0 {
		return nil
	}
	return tx.Where("id IN ?", gone).Delete(&plan.Section{}).Error
}

// moveContents moves what hangs on section from to the end of section
// to's lists, in its order.
func moveContents(tx *gorm.DB, from, to int64, res *TextReplaced) error {
	for _, table := range []string{"indicators", "projects"} {
		var last *int
		if err := tx.Table(table).Where("section_id = ?", to).Select("max(seq)").Scan(&last).Error; err != nil {
			return err
		}
		next := 0
		if last != nil {
			next = *last + 1
		}
		if err := tx.Exec("UPDATE "+table+" SET section_id = ?, seq = seq + ? WHERE section_id = ?", to, next, from).Error; err != nil {
			return err
		}
	}
	var threads int64
	if err := tx.Model(&plan.Comment{}).Where("section_id = ? AND parent_id = 0", from).Count(&threads).Error; err != nil {
		return err
	}
	res.CommentsRehomed += int(threads)
	return tx.Exec("UPDATE comments SET section_id = ? WHERE section_id = ?", to, from).Error
}

// replaceParagraphs puts the new text's paragraphs and tables in place of
// the report's.
func replaceParagraphs(tx *gorm.DB, reportID int64, sections []newSection, ids []int64) ([]plan.Paragraph, error) {
	const inReport = " WHERE section_id IN (SELECT id FROM sections WHERE report_id = ?)"
	if err := tx.Exec("DELETE FROM section_tables"+inReport, reportID).Error; err != nil {
		return nil, err
	}
	if err := tx.Exec("DELETE FROM paragraphs"+inReport, reportID).Error; err != nil {
		return nil, err
	}
	var paragraphs []plan.Paragraph
	for j, ns := range sections {
		for k, text := range ns.ps.Paragraphs {
			paragraphs = append(paragraphs, plan.Paragraph{SectionID: ids[j], Seq: k, Text: text})
		}
		if err := insertTables(tx, ids[j], ns.ps.Tables); err != nil {
			return nil, err
		}
	}
	if len(paragraphs) > 0 {
		if err := tx.CreateInBatches(paragraphs, 200).Error; err != nil {
			return nil, err
		}
	}
	return paragraphs, nil
}

// changedSections counts the kept sections whose text is not what it was.
func changedSections(before map[int64]string, paragraphs []plan.Paragraph, ids []int64, newTo []int) int {
	after := joinedText(paragraphs)
	n := 0
	for j, id := range ids {
		if newTo[j] >= 0 && after[id] != before[id] {
			n++
		}
	}
	return n
}

// relink links indicators and projects to the paragraphs now holding
// their sentences and finds the comments' quotes again.
func relink(tx *gorm.DB, reportID int64, paragraphs []plan.Paragraph, before textBefore, res *TextReplaced) error {
	bySection := map[int64][]plan.Paragraph{}
	for _, p := range paragraphs {
		bySection[p.SectionID] = append(bySection[p.SectionID], p)
	}
	var err error
	res.IndicatorsResourced, res.IndicatorsSourceGone, err = resource(tx, "indicators", reportID, bySection, paragraphs, before.linked["indicators"])
	if err != nil {
		return fmt.Errorf("indicators' sentences: %w", err)
	}
	res.ProjectsResourced, res.ProjectsSourceGone, err = resource(tx, "projects", reportID, bySection, paragraphs, before.linked["projects"])
	if err != nil {
		return fmt.Errorf("projects' sentences: %w", err)
	}
	res.CommentsFound, res.CommentsMoved, res.TextGone, err = reanchor(tx, reportID, bySection)
	if err != nil {
		return fmt.Errorf("comments: %w", err)
	}
	res.CommentsTextGone = len(res.TextGone)
	return nil
}

// resource points each row of table (indicators or projects) at the
// paragraph holding its sentence, in its section first, then anywhere in
// the report; a row whose sentence is gone keeps it, linked to nothing.
// It counts the rows linked, and those that were linked and are no more.
// The rows' times of change stay: the review changed nothing.
func resource(tx *gorm.DB, table string, reportID int64, bySection map[int64][]plan.Paragraph, all []plan.Paragraph, linked map[int64]bool) (found, gone int, err error) {
	var rows []struct {
		ID, SectionID int64
		Source        string
	}
	if err := tx.Table(table).Select("id, section_id, source").Where("report_id = ? AND source <> ''", reportID).Scan(&rows).Error; err != nil {
		return 0, 0, err
	}
	for _, r := range rows {
		id := paragraphHolding(r.Source, bySection[r.SectionID])
		if id == 0 {
			id = paragraphHolding(r.Source, all)
		}
		if id == 0 {
			if linked[r.ID] {
				gone++
			}
			continue
		}
		found++
		if err := tx.Exec("UPDATE "+table+" SET source_paragraph_id = ? WHERE id = ?", id, r.ID).Error; err != nil {
			return 0, 0, err
		}
	}
	return found, gone, nil
}

func paragraphHolding(sentence string, paragraphs []plan.Paragraph) int64 {
	for _, p := range paragraphs {
		if strings.Contains(p.Text, sentence) {
			return p.ID
		}
	}
	return 0
}

// reanchor finds each paragraph and span comment's quote in its section's
// new paragraphs and moves the comment there; one whose quote is gone is
// left as it was (its quote kept), which shows 原文已变.
func reanchor(tx *gorm.DB, reportID int64, bySection map[int64][]plan.Paragraph) (found, moved int, gone []plan.Comment, err error) {
	var list []plan.Comment
	err = tx.Where("report_id = ? AND parent_id = 0 AND anchor IN ?", reportID, []string{plan.AnchorParagraph, plan.AnchorSpan}).
		Order("id").Find(&list).Error
	if err != nil {
		return 0, 0, nil, err
	}
	for _, c := range list {
		paragraphs := bySection[c.SectionID]
		place := c.Locate(paragraphs)
		if !place.Found() {
			gone = append(gone, c)
			continue
		}
		found++
		seq := c.ParagraphSeq
		for _, p := range paragraphs {
			if p.ID == place.ParagraphID {
				seq = p.Seq
			}
		}
		if seq == c.ParagraphSeq && place.Start == c.Start && place.End == c.End {
			continue
		}
		moved++
		err := tx.Exec("UPDATE comments SET paragraph_seq = ?, span_start = ?, span_end = ? WHERE id = ?", seq, place.Start, place.End, c.ID).Error
		if err != nil {
			return 0, 0, nil, err
		}
	}
	return found, moved, gone, nil
}

// rowsKnown is what a report has, or had, of indicators or of projects,
// for telling a proposal of the new text from one the review already
// holds.
type rowsKnown struct {
	uids      map[string]bool
	inSection map[string]bool // section id and name
	sentences map[string]bool // name and sentence
}

func (k rowsKnown) has(uid string, sectionID int64, name, source string) bool {
	return k.uids[uid] || k.inSection[fmt.Sprint(sectionID, "\x00", name)] || source != "" && k.sentences[name+"\x00"+source]
}

func (k rowsKnown) add(uid string, sectionID int64, name, source string) {
	k.uids[uid] = true
	k.inSection[fmt.Sprint(sectionID, "\x00", name)] = true
	if source != "" {
		k.sentences[name+"\x00"+source] = true
	}
}

// knownRows reads the rows of table (indicators or projects) with every
// name they had (the revisions of their names) and those deleted (kept
// in their revisions, which column names): a proposal a reviewer renamed
// or deleted is not made again.
func knownRows(tx *gorm.DB, table, column string, reportID int64) (rowsKnown, error) {
	k := rowsKnown{uids: map[string]bool{}, inSection: map[string]bool{}, sentences: map[string]bool{}}
	type row struct {
		ID, SectionID     int64
		UID, Name, Source string
	}
	var rows []row
	if err := tx.Table(table).Select("id, uid, section_id, name, source").Where("report_id = ?", reportID).Scan(&rows).Error; err != nil {
		return k, err
	}
	var revisions []plan.Revision
	err := tx.Where("report_id = ? AND "+column+" <> 0 AND (action = ? OR action = ? AND field = ?)",
		reportID, plan.ActionDelete, plan.ActionEdit, plan.FieldName).Find(&revisions).Error
	if err != nil {
		return k, err
	}
	byID := make(map[int64]row, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
		k.add(r.UID, r.SectionID, r.Name, r.Source)
	}
	for _, rev := range revisions {
		id := rev.IndicatorID
		if column == "project_id" {
			id = rev.ProjectID
		}
		if r, ok := byID[id]; ok && rev.Action == plan.ActionEdit {
			k.add(r.UID, r.SectionID, rev.OldText, r.Source)
			continue
		}
		var deleted row
		if rev.Action == plan.ActionDelete && json.Unmarshal([]byte(rev.OldText), &deleted) == nil {
			k.add(deleted.UID, deleted.SectionID, deleted.Name, deleted.Source)
		}
	}
	return k, nil
}

// nextSeqs is the next free place in each section's list of table.
func nextSeqs(tx *gorm.DB, table string, reportID int64) (map[int64]int, error) {
	var rows []struct {
		SectionID int64
		Last      int
	}
	err := tx.Table(table).Select("section_id, max(seq) AS last").Where("report_id = ?", reportID).Group("section_id").Scan(&rows).Error
	next := make(map[int64]int, len(rows))
	for _, r := range rows {
		next[r.SectionID] = r.Last + 1
	}
	return next, err
}

// proposeNew adds, as proposals, the indicators and projects the new text
// states that the report has (or had) none for.
func proposeNew(tx *gorm.DB, report plan.Report, fp string, p *reporttext.ParsedReport, sections []newSection, ids []int64, paragraphs []plan.Paragraph, res *TextReplaced) error {
	sectionSeq := make(map[int64]int, len(ids))
	headings := make(map[int64][]string, len(ids))
	tables := map[int64][]reporttext.Table{}
	paths := p.Headings()
	for j, ns := range sections {
		sectionSeq[ids[j]], headings[ids[j]] = j, paths[ns.ps]
		if len(ns.ps.Tables) > 0 {
			tables[ids[j]] = ns.ps.Tables
		}
	}
	indicators, leftOut := indicatorProposals(report.ID, fp, sectionSeq, headings, paragraphs, tables)
	projects, projectsLeftOut := projectProposals(report.ID, fp, sectionSeq, headings, paragraphs)
	res.ProposalsLeftOut, res.ProjectsLeftOut = leftOut, projectsLeftOut
	added, err := addUnknown(tx, "indicators", "indicator_id", report.ID, indicators, func(ind *plan.Indicator) (*int, string, int64, string, string) {
		return &ind.Seq, ind.UID, ind.SectionID, ind.Name, ind.Source
	})
	if err != nil {
		return fmt.Errorf("new proposals: %w", err)
	}
	res.ProposalsAdded = added
	added, err = addUnknown(tx, "projects", "project_id", report.ID, projects, func(pr *plan.Project) (*int, string, int64, string, string) {
		return &pr.Seq, pr.UID, pr.SectionID, pr.Name, pr.Source
	})
	if err != nil {
		return fmt.Errorf("new projects: %w", err)
	}
	res.ProjectsAdded = added
	return nil
}

// addUnknown stores the proposals of list the report does not know yet
// (knownRows), each at the end of its section's list, and counts them.
// Two alike in the new text are both added, as an import adds them.
func addUnknown[T any](tx *gorm.DB, table, column string, reportID int64, list []T, fields func(*T) (seq *int, uid string, sectionID int64, name, source string)) (int, error) {
	known, err := knownRows(tx, table, column, reportID)
	if err != nil {
		return 0, err
	}
	next, err := nextSeqs(tx, table, reportID)
	if err != nil {
		return 0, err
	}
	var fresh []T
	for i := range list {
		seq, uid, sectionID, name, source := fields(&list[i])
		if known.has(uid, sectionID, name, source) {
			continue
		}
		*seq = next[sectionID]
		next[sectionID]++
		fresh = append(fresh, list[i])
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	return len(fresh), tx.CreateInBatches(fresh, 100).Error
}

// renameReport records the new text's identity (fingerprint, file name)
// and, where the new text gives them otherwise, the title and what the
// title says; and records the replacement in the report's history.
func renameReport(tx *gorm.DB, report plan.Report, p *reporttext.ParsedReport, fp, sourceName, reviewer string) (plan.Report, error) {
	oldName := report.SourceName
	report.Fingerprint, report.SourceName = fp, sourceName
	for _, f := range []struct {
		to   *string
		from string
	}{{&report.Title, p.Title}, {&report.Region, p.Region},
		{&report.PlanPeriod, p.PlanPeriod}, {&report.EvaluationDate, p.EvaluationDate}} {
		if f.from != "" {
			*f.to = f.from
		}
	}
	err := tx.Model(&report).Select("title", "region", "plan_period", "evaluation_date", "source_name", "fingerprint").Updates(&report).Error
	if err != nil {
		return plan.Report{}, err
	}
	_, err = record(tx, plan.Change{{ReportID: report.ID, Action: plan.ActionReplaceText, OldText: oldName, NewText: sourceName}}, reviewer)
	return report, err
}
