package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/reporttext"
)

// reviewed is the shipped report under review: comments on spans, on a
// section and on an indicator, an edited indicator, a reviewer's project
// and review marks.
type reviewed struct {
	s        *Store
	reportID int64
	sections map[string]plan.Section // by title
	// comments by what they are on.
	gone, shifted, kept, onDropped, onDroppedSection, onIndicator plan.Comment
	edited                                                        plan.Indicator
	project                                                       plan.Project
}

func reviewSeed(t *testing.T) *reviewed {
	t.Helper()
	s, list := seededSections(t)
	r := &reviewed{s: s, reportID: list[0].ReportID, sections: map[string]plan.Section{}}
	for _, sec := range list {
		r.sections[sec.Title] = sec
	}
	r.gone = r.span(t, "产业体系持续巩固", "新能源汽车长廊加快打造")
	r.shifted = r.span(t, "绿色发展深入推进", "黑臭水体全面消除")
	r.kept = r.span(t, "数字经济稳步发展", "骨干二级节点建成上线")
	r.onDropped = r.span(t, "治理模式不断创新", "五社联动")
	var err error
	r.onDroppedSection, _, err = s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: r.sections["治理模式不断创新"].ID, Text: "本节请补充数据"}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	inds, _ := s.SectionIndicators(r.sections["数字经济稳步发展"].ID)
	if r.edited, _, err = s.EditIndicator(inds[0].ID, plan.FieldTarget, "300家", "张三"); err != nil {
		t.Fatal(err)
	}
	r.onIndicator, _, err = s.AddComment(plan.Comment{Anchor: plan.AnchorIndicator, IndicatorID: r.edited.ID, Text: "目标偏高"}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	r.project = addProject(t, s, r.sections["公共服务持续完善"], "示例养老服务综合体")
	for title, state := range map[string]string{"数字经济稳步发展": plan.ReviewDone, "文化强区加快建设": plan.ReviewNeedsChanges, "治理模式不断创新": plan.ReviewDone} {
		if _, err := s.SetSectionReview(r.sections[title].ID, state, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	list, _ = s.Sections(r.reportID)
	for _, sec := range list {
		r.sections[sec.Title] = sec
	}
	return r
}

// span comments on the first occurrence of quote in the section titled
// title.
func (r *reviewed) span(t *testing.T, title, quote string) plan.Comment {
	t.Helper()
	sec := r.sections[title]
	paragraphs, _ := r.s.Paragraphs(sec.ID)
	for _, p := range paragraphs {
		if at := strings.Index(p.Text, quote); at >= 0 {
			c, _, err := r.s.AddComment(plan.Comment{Anchor: plan.AnchorSpan, SectionID: sec.ID, ParagraphSeq: p.Seq,
				Start: at, End: at + len(quote), Text: "请核实"}, "张三")
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	t.Fatalf("%q is not in section %q", quote, title)
	return plan.Comment{}
}

// inserted is the sentence the revised text puts before a commented quote.
const inserted = "生态环境质量持续改善。"

// revisedSeed is the shipped text as the drafters revised it: one
// paragraph reworded (a commented quote gone), a sentence inserted before
// another commented quote, a section renamed, section 8 dropped (9
// renumbered 8) and a section added at the end.
func revisedSeed(t *testing.T) *reporttext.ParsedReport {
	t.Helper()
	text := string(SeedText())
	for _, edit := range [][2]string{
		{"新能源汽车长廊加快打造", "新能源汽车产业初具规模"},
		{"长江和汉江流域", inserted + "长江和汉江流域"},
		{"6.文化强区加快建设", "6.文化强区建设成效明显"},
		{"9.创新改革全面深化", "8.创新改革全面深化"},
	} {
		if !strings.Contains(text, edit[0]) {
			t.Fatalf("the shipped text lacks %q", edit[0])
		}
		text = strings.Replace(text, edit[0], edit[1], 1)
	}
	from, to := strings.Index(text, " 8.治理模式不断创新"), strings.Index(text, "8.创新改革全面深化")
	text = text[:from] + text[to:]
	// One section in the middle (its proposals listed in the sections'
	// order, not the ids'), one at the end.
	at := strings.Index(text, "二、《纲要》实施面临的挑战和问题")
	text = text[:at] + "9.对外开放稳步扩大\n\n全区外贸进出口总额达到 120亿元。\n\n" + text[at:]
	text += "\n（六）深化改革开放，激发发展活力\n\n全区新增市场主体 1.2万户。\n"
	p, err := reporttext.ParseReport([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestANewTextKeepsTheReview(t *testing.T) {
	r := reviewSeed(t)
	s := r.s
	indicatorsBefore, _ := s.Indicators(r.reportID)
	projectsBefore, _ := s.Projects(r.reportID)
	res, err := s.ReplaceReportText(r.reportID, revisedSeed(t), "修订稿.txt", "李四")
	if err != nil {
		t.Fatal(err)
	}
	if res.SectionsKept != len(r.sections)-1 || res.SectionsAdded != 2 || res.SectionsMerged != 1 || res.CommentsTextGone != 2 ||
		res.CommentsFound != 2 || res.CommentsMoved != 1 || res.CommentsRehomed != 2 || res.ProposalsAdded == 0 || res.Report.SourceName != "修订稿.txt" {
		t.Errorf("result %+v", res)
	}
	if m, _ := filepath.Glob(s.Path() + ".before-new-text-*.bak"); len(m) != 1 || m[0] != res.Backup {
		t.Errorf("backups %v, result names %q", m, res.Backup)
	}
	after, _ := s.Sections(r.reportID)
	byID := map[int64]plan.Section{}
	for _, sec := range after {
		byID[sec.ID] = sec
	}
	for title, sec := range r.sections {
		got, ok := byID[sec.ID]
		if title == "治理模式不断创新" {
			if ok {
				t.Errorf("the dropped section is still there: %+v", got)
			}
			continue
		}
		if !ok || got.ReviewState != sec.ReviewState && title != "文化强区加快建设" {
			t.Errorf("section %q: %+v, %v; was %+v", title, got, ok, sec)
		}
	}
	renamed := byID[r.sections["文化强区加快建设"].ID]
	if renamed.Title != "文化强区建设成效明显" || renamed.ReviewState != plan.ReviewNeedsChanges {
		t.Errorf("the renamed section is %+v", renamed)
	}
	if got := byID[r.sections["创新改革全面深化"].ID]; got.Numbering != "8." {
		t.Errorf("the renumbered section is %+v", got)
	}
	if middle := after[byID[r.sections["创新改革全面深化"].ID].Seq+1]; middle.Title != "对外开放稳步扩大" || middle.ParentID == nil || *middle.ParentID != r.sections["纲要重大任务推进情况"].ID {
		t.Errorf("the section added in the middle is %+v", middle)
	}
	last := after[len(after)-1]
	if last.Title != "深化改革开放，激发发展活力" || last.ReviewState != plan.ReviewNone || last.ParentID == nil || *last.ParentID != r.sections["进一步推进《纲要》实施的对策措施"].ID {
		t.Errorf("the added section is %+v", last)
	}
	r.checkComments(t)
	r.checkRows(t, indicatorsBefore, projectsBefore)
}

// checkComments: the quotes still there are found, where they are now;
// the gone one is kept as it was, not found; the dropped section's go to
// its parent.
func (r *reviewed) checkComments(t *testing.T) {
	t.Helper()
	s := r.s
	get := func(c plan.Comment) (plan.Comment, plan.Place) {
		got, err := s.Comment(c.ID)
		if err != nil {
			t.Fatalf("comment %d: %v", c.ID, err)
		}
		paragraphs, _ := s.Paragraphs(got.SectionID)
		return got, got.Locate(paragraphs)
	}
	if got, place := get(r.gone); place.Found() || got.Quote != r.gone.Quote || got.Start != r.gone.Start || got.SectionID != r.gone.SectionID {
		t.Errorf("the reworded quote's comment: %+v, %+v", got, place)
	}
	got, place := get(r.shifted)
	if !place.Found() || got.Start != r.shifted.Start+len(inserted) || got.End != r.shifted.End+len(inserted) || got.ParagraphSeq != r.shifted.ParagraphSeq {
		t.Errorf("the shifted quote's comment: %+v (was %+v), %+v", got, r.shifted, place)
	}
	if got, place := get(r.kept); !place.Found() || got.Start != r.kept.Start || !got.UpdatedAt.Equal(r.kept.UpdatedAt) {
		t.Errorf("the unchanged quote's comment: %+v, %+v", got, place)
	}
	parent := r.sections["纲要重大任务推进情况"].ID
	if got, place := get(r.onDropped); place.Found() || got.SectionID != parent || got.Quote != "五社联动" {
		t.Errorf("the dropped section's span comment: %+v, %+v", got, place)
	}
	if got, _ := get(r.onDroppedSection); got.SectionID != parent || got.Quote != "8.治理模式不断创新" {
		t.Errorf("the dropped section's comment: %+v", got)
	}
	if got, _ := get(r.onIndicator); got.IndicatorID != r.edited.ID || got.SectionID != r.edited.SectionID {
		t.Errorf("the indicator's comment: %+v", got)
	}
}

// checkRows: every indicator and project is kept, edits included, linked
// to the paragraph holding its sentence; the dropped section's go to its
// parent; the new section's proposals are added, nothing twice.
func (r *reviewed) checkRows(t *testing.T, indicatorsBefore []plan.Indicator, projectsBefore []plan.Project) {
	t.Helper()
	s := r.s
	indicators, _ := s.Indicators(r.reportID)
	byID := map[int64]plan.Indicator{}
	seen := map[string]bool{}
	for _, ind := range indicators {
		byID[ind.ID] = ind
		key := ind.Name + "|" + ind.Midterm + "|" + ind.Source
		if seen[key] {
			t.Errorf("indicator %q %q from %q twice", ind.Name, ind.Midterm, ind.Source)
		}
		seen[key] = true
	}
	for _, old := range indicatorsBefore {
		got, ok := byID[old.ID]
		if !ok || got.Target != old.Target || got.Name != old.Name || got.UID != old.UID {
			t.Errorf("indicator %d: %+v, %v; was %+v", old.ID, got, ok, old)
			continue
		}
		if old.SectionID == r.sections["治理模式不断创新"].ID && got.SectionID != r.sections["纲要重大任务推进情况"].ID {
			t.Errorf("the dropped section's indicator %q is in section %d", got.Name, got.SectionID)
		}
		if got.SourceParagraphID == nil {
			continue
		}
		p := paragraphByID(t, s, *got.SourceParagraphID)
		if !strings.Contains(p.Text, got.Source) {
			t.Errorf("indicator %q points at %q", got.Name, p.Text)
		}
	}
	if byID[r.edited.ID].Target != "300家" || byID[r.edited.ID].SourceParagraphID == nil {
		t.Errorf("the edited indicator is %+v", byID[r.edited.ID])
	}
	if len(indicators) != len(indicatorsBefore)+2 {
		t.Errorf("%d indicators, %d before", len(indicators), len(indicatorsBefore))
	}
	sections, _ := s.Sections(r.reportID)
	seqOf := map[int64]int{}
	for _, sec := range sections {
		seqOf[sec.ID] = sec.Seq
	}
	for i := 1; i < len(indicators); i++ {
		if seqOf[indicators[i].SectionID] < seqOf[indicators[i-1].SectionID] {
			t.Errorf("indicator %q (section %d) is listed after %q (section %d)", indicators[i].Name, seqOf[indicators[i].SectionID],
				indicators[i-1].Name, seqOf[indicators[i-1].SectionID])
		}
	}
	projects, _ := s.Projects(r.reportID)
	if len(projects) != len(projectsBefore) {
		t.Errorf("%d projects, %d before", len(projects), len(projectsBefore))
	}
	if p, err := s.Project(r.project.ID); err != nil || p.Name != r.project.Name {
		t.Errorf("the reviewer's project: %+v, %v", p, err)
	}
}

func paragraphByID(t *testing.T, s *Store, id int64) plan.Paragraph {
	t.Helper()
	var p plan.Paragraph
	if err := s.db.Take(&p, id).Error; err != nil {
		t.Fatalf("paragraph %d: %v", id, err)
	}
	return p
}

// TestTheSameTextAgainChangesNothing: replacing a text with itself leaves
// every section, mark, comment, indicator and project where it was.
func TestTheSameTextAgainChangesNothing(t *testing.T) {
	r := reviewSeed(t)
	s := r.s
	sectionsBefore, _ := s.Sections(r.reportID)
	commentsBefore, _ := s.Comments(r.reportID)
	indicatorsBefore, _ := s.Indicators(r.reportID)
	projectsBefore, _ := s.Projects(r.reportID)
	res, err := s.ReplaceReportText(r.reportID, parseSeed(t), SeedName, "李四")
	if err != nil {
		t.Fatal(err)
	}
	if res.SectionsKept != len(sectionsBefore) || res.SectionsAdded+res.SectionsMerged+res.SectionsChanged+res.CommentsMoved+res.CommentsTextGone+res.ProposalsAdded+res.ProjectsAdded+res.IndicatorsSourceGone != 0 {
		t.Errorf("result %+v", res)
	}
	same := func(what string, before, after any) {
		if !equalJSON(t, before, after) {
			t.Errorf("%s changed:\n%+v\n%+v", what, before, after)
		}
	}
	sections, _ := s.Sections(r.reportID)
	same("sections", sectionsBefore, sections)
	comments, _ := s.Comments(r.reportID)
	same("comments", commentsBefore, comments)
	indicators, _ := s.Indicators(r.reportID)
	projects, _ := s.Projects(r.reportID)
	for i := range indicators {
		// The paragraphs are new rows, holding the same text.
		indicators[i].SourceParagraphID, indicatorsBefore[i].SourceParagraphID = nil, nil
	}
	for i := range projects {
		projects[i].SourceParagraphID, projectsBefore[i].SourceParagraphID = nil, nil
	}
	same("indicators", indicatorsBefore, indicators)
	same("projects", projectsBefore, projects)
}

// TestARefusedNewTextChangesNothing: no text, a report the database does
// not hold and another report's text are refused before anything is
// written, the backup included.
func TestARefusedNewTextChangesNothing(t *testing.T) {
	r := reviewSeed(t)
	s := r.s
	county, err := reporttext.ParseReport([]byte("某县规划评估\n一、成效\n道路建成。\n"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.ImportReport(county, "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	sectionsBefore, _ := s.Sections(r.reportID)
	reportBefore, _ := s.Report(r.reportID)
	var noReport *NoReportError
	var otherText *OtherReportTextError
	for name, c := range map[string]struct {
		id   int64
		text *reporttext.ParsedReport
		is   func(error) bool
	}{
		"no text":        {r.reportID, nil, func(err error) bool { return errors.Is(err, ErrNoText) }},
		"no such report": {other.ID + 100, parseSeed(t), func(err error) bool { return errors.As(err, &noReport) }},
		"another's text": {r.reportID, county, func(err error) bool { return errors.As(err, &otherText) && otherText.ID == other.ID }},
	} {
		if _, err := s.ReplaceReportText(c.id, c.text, "x.txt", "李四"); !c.is(err) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if m, _ := filepath.Glob(s.Path() + ".before-new-text-*"); len(m) != 0 {
		t.Errorf("refusals left backups %v", m)
	}
	sections, _ := s.Sections(r.reportID)
	report, _ := s.Report(r.reportID)
	if !equalJSON(t, sectionsBefore, sections) || !equalJSON(t, reportBefore, report) {
		t.Error("a refused replacement changed the report")
	}
}

func TestMatchSections(t *testing.T) {
	node := func(parent int, numbering, title, path string) outlineNode {
		return outlineNode{parent: parent, numbering: numbering, title: title, path: path}
	}
	old := []outlineNode{
		node(-1, "一、", "成效", "一、成效"),
		node(0, "1.", "甲", "一、成效\x001.甲"),
		node(0, "2.", "乙", "一、成效\x002.乙"),
		node(0, "3.", "丙", "一、成效\x003.丙"),
		node(-1, "二、", "问题", "二、问题"),
	}
	// 甲 dropped, 乙 and 丙 renumbered, 丙 renamed 丁 at its place, 问题
	// renamed, a part added.
	new := []outlineNode{
		node(-1, "一、", "成效", "一、成效"),
		node(0, "1.", "乙", "一、成效\x001.乙"),
		node(0, "2.", "丁", "一、成效\x002.丁"),
		node(-1, "二、", "困难", "二、困难"),
		node(-1, "三、", "对策", "三、对策"),
	}
	if got, want := matchSections(old, new), []int{0, 2, 3, 4, -1}; !slices.Equal(got, want) {
		t.Errorf("matchSections = %v, want %v", got, want)
	}
}

// equalJSON reports whether a and b read the same as JSON.
func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x, y)
}

// TestBackupsOfReplacementsNeverShareAName: a second replacement within
// the same second gets a backup of its own.
func TestBackupsOfReplacementsNeverShareAName(t *testing.T) {
	stem := filepath.Join(t.TempDir(), "plandesk.db.before-new-text-1-20261203-120000")
	if got := unusedPath(stem, ".bak"); got != stem+".bak" {
		t.Errorf("first: %s", got)
	}
	for _, name := range []string{stem + ".bak", stem + "-2.bak"} {
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := unusedPath(stem, ".bak"); got != stem+"-3.bak" {
		t.Errorf("third: %s", got)
	}
}
