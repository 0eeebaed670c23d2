package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/reporttext"
)

func TestImportReportStoresTheWholeTree(t *testing.T) {
	s := openTemp(t)
	parsed := parseSeed(t)
	report, err := s.ImportReport(parsed, "copy.txt")
	if err != nil {
		t.Fatal(err)
	}
	if report.SourceName != "copy.txt" || report.Title != parsed.Title {
		t.Errorf("report = %+v", report)
	}
	sections, err := s.Sections(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(report.Title)
	for _, sec := range sections {
		b.WriteString(sec.Heading())
		paragraphs, err := s.Paragraphs(sec.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paragraphs {
			b.WriteString(p.Text)
		}
	}
	if b.String() != parsed.Text() {
		t.Error("stored report differs from the parsed one")
	}
	// The tree survives: depth and parent links.
	o := plan.NewOutline(sections)
	if got := len(o.Children(0)); got != 3 {
		t.Errorf("%d top-level sections, want 3", got)
	}
	if got := len(o.Children(sections[0].ID)); got != 9 {
		t.Errorf("part one has %d children, want 9", got)
	}
}

func TestFailedImportLeavesNothing(t *testing.T) {
	s := openTemp(t)
	// Make the last insert of the import fail, as a full disk would.
	if err := s.db.Exec(`CREATE TEMP TRIGGER fail_import BEFORE INSERT ON paragraphs
		WHEN NEW.text LIKE '%宜居%' BEGIN SELECT RAISE(ABORT, 'disk full'); END`).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportReport(parseSeed(t), "seed.txt"); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("import err = %v, want the trigger's failure", err)
	}
	for _, table := range []string{"reports", "sections", "paragraphs"} {
		var n int64
		s.db.Table(table).Count(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}
}

func TestSeveralReportsInOneDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	p, err := reporttext.ParseReport([]byte("某县规划评估\n一、成效\n道路建成。\n二、问题\n短板明显。\n"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.ImportReport(p, "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	if len(reports) != 2 || reports[1].ID != second.ID || reports[1].Region != "某县" {
		t.Fatalf("reports = %+v", reports)
	}
	if added, _ := s.SeedIfEmpty(); added {
		t.Error("seed added to a database that holds reports")
	}
	sections, _ := s.Sections(second.ID)
	if len(sections) != 2 || sections[1].Heading() != "二、问题" {
		t.Errorf("second report sections = %+v", sections)
	}
}

func BenchmarkImportSeed(b *testing.B) {
	s := openTemp(b)
	text := SeedText()
	for b.Loop() {
		parsed, err := reporttext.ParseReport(text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.ImportReportAgain(parsed, "seed.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImportStoresThePrefaceAndScansIt: the text between the title and the
// first heading is stored as the first top-level section, 前言, without
// numbering, and the quantities it states are proposed like any section's.
func TestImportStoresThePrefaceAndScansIt(t *testing.T) {
	s := openTemp(t)
	p, err := reporttext.ParseReport([]byte("某县规划中期评估报告\n全县常住人口达到52万人。\n一、成效\n道路建成120公里。\n"))
	if err != nil {
		t.Fatal(err)
	}
	report, err := s.ImportReport(p, "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(report.ID)
	if len(sections) != 2 || sections[0].Heading() != "前言" || sections[0].Numbering != "" || sections[0].Depth != 0 || sections[1].Heading() != "一、成效" {
		t.Fatalf("sections = %+v", sections)
	}
	list, _ := s.Indicators(report.ID)
	inPreface := 0
	for _, ind := range list {
		if ind.SectionID == sections[0].ID {
			inPreface++
		}
	}
	if inPreface == 0 || len(list) <= inPreface {
		t.Errorf("%d proposals, %d of them in 前言; want some in each section", len(list), inPreface)
	}
}

// TestImportTakesATextWithoutHeadings: a text with no numbered heading is
// stored as one section, 正文.
func TestImportTakesATextWithoutHeadings(t *testing.T) {
	s := openTemp(t)
	p, err := reporttext.ParseReport([]byte("某县重点项目推进情况\n全县重点项目完成投资85亿元。\n"))
	if err != nil || !p.NoHeadings {
		t.Fatalf("parse: %v, no headings %v", err, p != nil && p.NoHeadings)
	}
	report, err := s.ImportReport(p, "prose.txt")
	if err != nil {
		t.Fatal(err)
	}
	if sections, _ := s.Sections(report.ID); len(sections) != 1 || sections[0].Heading() != "正文" || report.Title != "某县重点项目推进情况" {
		t.Errorf("report %q, sections %+v", report.Title, sections)
	}
}

// TestImport1000SectionsStoresEveryOne: the benchmark's report imports
// whole, 前言 first.
func TestImport1000SectionsStoresEveryOne(t *testing.T) {
	s := openTemp(t)
	p, err := reporttext.ParseReport(reportOf(reporttext.MaxSections - 1))
	if err != nil {
		t.Fatal(err)
	}
	report, err := s.ImportReport(p, "large.txt")
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(report.ID)
	if len(sections) != reporttext.MaxSections || sections[0].Heading() != "前言" || report.EvaluationDate != "2023年6月" {
		t.Errorf("%d sections, first %q, date %q", len(sections), sections[0].Heading(), report.EvaluationDate)
	}
}

// reportOf is a report text with n sections: parts 一、 … with up to 30
// subsections 1. … each, every heading followed by a paragraph that states
// two quantities, and a 前言 before the first part (not counted in n).
func reportOf(n int) []byte {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	numeral := func(n int) string { // 1 … 99 as a report writes them
		switch {
		case n < 10:
			return digits[n]
		case n < 20:
			return "十" + digits[n%10]
		}
		return digits[n/10] + "十" + digits[n%10]
	}
	var b strings.Builder
	b.WriteString("某区国民经济和社会发展第十四个五年规划纲要实施中期评估报告\n2023年6月\n现将评估情况报告如下。\n")
	made := 0
	for part := 1; made < n; part++ {
		fmt.Fprintf(&b, "%s、第%d部分任务推进情况\n", numeral(part), part)
		made++
		for sub := 1; sub <= 30 && made < n; sub++ {
			fmt.Fprintf(&b, "%d.第%d项重点任务\n累计建成道路%d公里，新增就业岗位%d个。\n", sub, sub, sub*3, part*100+sub)
			made++
		}
	}
	return []byte(b.String())
}

// BenchmarkImport1000Sections parses and imports a report of 1,000
// sections (MaxSections, the most an import takes) with 2 proposals each:
// it must take under a second.
func BenchmarkImport1000Sections(b *testing.B) {
	s := openTemp(b)
	text := reportOf(reporttext.MaxSections - 1) // and 前言
	parsed, err := reporttext.ParseReport(text)
	if err != nil {
		b.Fatal(err)
	}
	if sections, _ := parsed.Counts(); sections != reporttext.MaxSections {
		b.Fatalf("the generated text has %d sections, want %d", sections, reporttext.MaxSections)
	}
	for b.Loop() {
		parsed, err := reporttext.ParseReport(text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.ImportReportAgain(parsed, "large.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenAndLoadTree(b *testing.B) {
	path := filepath.Join(b.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		reports, err := s.Reports()
		if err != nil {
			b.Fatal(err)
		}
		sections, err := s.Sections(reports[0].ID)
		if err != nil || len(sections) != 17 {
			b.Fatal(err)
		}
		_ = plan.NewOutline(sections)
		s.Close()
	}
}

func TestImportStoresProposalsToConfirm(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, err := s.Indicators(reports[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := seedProposalCount(t); len(list) != want {
		t.Fatalf("%d indicators stored, want %d proposals", len(list), want)
	}
	for _, ind := range list {
		if ind.State != plan.StateProposed || ind.Source == "" || ind.SourceParagraphID == nil || ind.MidtermValue == nil {
			t.Errorf("proposal %+v lacks its state, source or value", ind)
		}
		if ind.BaselineValue != nil || ind.TargetValue != nil || ind.Target != "" {
			t.Errorf("proposal %s has an invented baseline or target", ind.Name)
		}
	}
	// 超20.8亿元 reads as 2.08e9 yuan; 约15万个 as 150,000.
	for _, ind := range list {
		switch ind.Name {
		case "旅游业收入":
			if *ind.MidtermValue != 2.08e9 || ind.Unit != "亿元" {
				t.Errorf("旅游业收入 = %v %s", *ind.MidtermValue, ind.Unit)
			}
		case "累计增加学位":
			if *ind.MidtermValue != 150000 {
				t.Errorf("累计增加学位 = %v", *ind.MidtermValue)
			}
		}
	}
}

// TestTheSameReportIsNotImportedTwiceUnasked: importing a text the database
// already holds is refused, naming the report there, and changes nothing;
// asked for explicitly, a second copy is added.
func TestTheSameReportIsNotImportedTwiceUnasked(t *testing.T) {
	s := openTemp(t)
	first, err := s.ImportReport(parseSeed(t), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ImportReport(parseSeed(t), "b.txt")
	var dup *DuplicateReportError
	if !errors.As(err, &dup) || dup.ID != first.ID || dup.Title != first.Title {
		t.Fatalf("second import: %v, want a duplicate of report %d", err, first.ID)
	}
	if reports, _ := s.Reports(); len(reports) != 1 {
		t.Errorf("a refused duplicate left %d reports", len(reports))
	}
	second, err := s.ImportReportAgain(parseSeed(t), "b.txt")
	if err != nil || second.ID == first.ID || second.Fingerprint != first.Fingerprint || first.Fingerprint == "" {
		t.Errorf("import again: %+v, %v", second, err)
	}
}

// TestDeleteReportBacksUpHidesAndPurgesOnClose: a deleted report is gone
// from every list at once, after a backup that still holds it; undoing
// brings it back whole; closing purges it for good, and its id is never
// given out again.
func TestDeleteReportBacksUpHidesAndPurgesOnClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "del.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := s.ImportReport(parseSeed(t), "seed.txt")
	county, err := s.ImportReport(mustParse(t, "某县规划评估\n一、成效\n道路建成120公里。\n"), "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	change, backup, err := s.DeleteReport(seed.ID, "测试")
	if err != nil {
		t.Fatal(err)
	}
	if reports, _ := s.Reports(); len(reports) != 1 || reports[0].ID != county.ID {
		t.Fatalf("after deleting: %+v", reports)
	}
	if _, err := s.Report(seed.ID); err == nil {
		t.Error("the deleted report can still be loaded")
	}
	b, err := OpenReadOnly(backup)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	if reports, _ := b.Reports(); len(reports) != 2 {
		t.Errorf("the backup holds %d reports, want both", len(reports))
	}
	b.Close()
	if _, err := s.Revert(change, "测试"); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Indicators(seed.ID); len(list) != seedProposalCount(t) {
		t.Errorf("after undoing the deletion the report has %d indicators", len(list))
	}
	if _, err := s.Reapply(change, "测试"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var left int64
	s.db.Raw("SELECT count(*) FROM reports WHERE id = ?", seed.ID).Scan(&left)
	var orphans int64
	s.db.Raw("SELECT count(*) FROM indicators WHERE report_id = ?", seed.ID).Scan(&orphans)
	if left != 0 || orphans != 0 {
		t.Errorf("after closing, the deleted report left %d rows and %d indicators", left, orphans)
	}
	again, err := s.ImportReport(parseSeed(t), "seed.txt")
	if err != nil {
		t.Fatalf("importing the deleted report again: %v", err)
	}
	if again.ID <= county.ID {
		t.Errorf("the re-imported report got id %d, not a new one", again.ID)
	}
}

func mustParse(t *testing.T, text string) *reporttext.ParsedReport {
	t.Helper()
	p, err := reporttext.ParseReport([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestProposalsPastTheBoundsAreLeftOutAndCounted: a section stating more
// quantities than reporttext.MaxProposalsPerSection gets the first ones
// proposed, in reading order, and the import says how many it left out; so
// does a report past MaxProposalsPerReport. The text is stored whole.
func TestProposalsPastTheBoundsAreLeftOutAndCounted(t *testing.T) {
	s := openTemp(t)
	var b strings.Builder
	b.WriteString("某县规划评估\n一、成效\n")
	for i := range reporttext.MaxProposalsPerSection + 50 {
		fmt.Fprintf(&b, "道路建成%d公里。", i+1)
	}
	parsed := mustParse(t, b.String()+"\n")
	report, err := s.ImportReport(parsed, "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Indicators(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != reporttext.MaxProposalsPerSection || report.ProposalsLeftOut != 50 {
		t.Fatalf("%d proposed, %d left out; want %d and 50", len(list), report.ProposalsLeftOut, reporttext.MaxProposalsPerSection)
	}
	if last := list[len(list)-1]; last.Midterm != fmt.Sprintf("%d公里", reporttext.MaxProposalsPerSection) {
		t.Errorf("the last proposal kept is %q, want the %dth of the text", last.Midterm, reporttext.MaxProposalsPerSection)
	}
	sections, _ := s.Sections(report.ID)
	if paragraphs, _ := s.Paragraphs(sections[0].ID); len(paragraphs) != 1 || !strings.HasSuffix(paragraphs[0].Text, "道路建成250公里。") {
		t.Errorf("the text was not stored whole: %+v", paragraphs)
	}

	// Many sections, each at its bound: the report's bound stops them.
	b.Reset()
	b.WriteString("某市规划评估\n")
	perSection := reporttext.MaxProposalsPerSection
	parts := reporttext.MaxProposalsPerReport/perSection + 2
	for part := 1; part <= parts; part++ {
		fmt.Fprintf(&b, "%d.第%d部分\n%s\n", part, part, strings.Repeat("道路建成12公里。", perSection))
	}
	report, err = s.ImportReport(mustParse(t, b.String()), "city.txt")
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Indicators(report.ID); len(list) != reporttext.MaxProposalsPerReport || report.ProposalsLeftOut != 2*perSection {
		t.Errorf("%d proposed, %d left out; want %d and %d", len(list), report.ProposalsLeftOut, reporttext.MaxProposalsPerReport, 2*perSection)
	}
}
