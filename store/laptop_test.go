package store

import (
	"strconv"
	"testing"

	"plandesk/plan"
)

// TestUpgradeToPacksKeepsData: a file of schema 8 opens at schema 9 with
// its rows as they were; its sections get uids derived from the report's
// fingerprint and their places, its revisions laptop uids and the uids of
// what they changed (a deleted indicator's from its snapshot), and the
// database a laptop identity named after the host.
func TestUpgradeToPacksKeepsData(t *testing.T) {
	s := upgradedFrom(t, 8,
		`INSERT INTO reports (id, title, imported_at, fingerprint) VALUES (1, '示例报告', '2026-01-01 00:00:00', 'fp1')`,
		`INSERT INTO sections (id, report_id, seq, depth, numbering, title, review_state) VALUES (1, 1, 0, 0, '一、', '示例', 'reviewed'), (2, 1, 1, 0, '二、', '其次', 'unreviewed')`,
		`INSERT INTO indicators (id, uid, report_id, section_id, seq, name, updated_at) VALUES (5, 'ind5', 1, 1, 0, '企业', '2026-01-01 00:00:00')`,
		`INSERT INTO revisions (report_id, indicator_id, action, field, old_text, new_text, at) VALUES (1, 5, 'edit', 'note', '', '好', '2026-01-01 00:00:00')`,
		`INSERT INTO revisions (report_id, indicator_id, action, old_text, at) VALUES (1, 9, 'delete', '{"ID":9,"UID":"ind9"}', '2026-01-01 00:00:00')`,
		`INSERT INTO revisions (report_id, indicator_id, action, field, old_text, new_text, at) VALUES (1, 9, 'edit', 'note', '', '旧', '2025-12-01 00:00:00')`,
	)
	l, err := s.Laptop()
	if err != nil || len(l.UID) != 32 || l.Name == "" {
		t.Fatalf("laptop = %+v, %v", l, err)
	}
	sections, _ := s.Sections(1)
	if len(sections) != 2 || sections[0].UID != sectionUID("fp1", 0) || sections[1].UID != sectionUID("fp1", 1) || sections[0].ReviewState != plan.ReviewDone {
		t.Errorf("sections = %+v", sections)
	}
	revs, _ := s.ReportRevisions(1)
	want := map[int64]string{1: "ind5", 2: "ind9", 3: "ind9"}
	for _, r := range revs {
		if r.EntityUID != want[r.ID] || r.UID != l.UID+":"+itoa(r.ID) || r.Laptop != l.UID {
			t.Errorf("revision %d = %+v", r.ID, r)
		}
	}
	if err := s.SetLaptopName("王处长的笔记本"); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Laptop(); l.Name != "王处长的笔记本" {
		t.Errorf("renamed laptop = %+v", l)
	}
	if err := s.SetLaptopName("  "); err == nil {
		t.Error("an empty laptop name was taken")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestUpgradeToAdoptsKeepsRevisions: a file of schema 9 opens at schema
// 10 (backed up first) with its revisions as they were and none adopting
// anything; a conflict taken as theirs afterwards names the change it
// took, and a package carries that.
func TestUpgradeToAdoptsKeepsRevisions(t *testing.T) {
	s := upgradedFrom(t, 9,
		`INSERT INTO reports (id, title, imported_at, fingerprint) VALUES (1, '示例报告', '2026-01-01 00:00:00', 'fp1')`,
		`INSERT INTO sections (id, uid, report_id, seq, depth, numbering, title, review_state) VALUES (1, 's1', 1, 0, 0, '一、', '示例', 'reviewed')`,
		`INSERT INTO revisions (report_id, indicator_id, section_id, action, field, old_text, new_text, at, uid, laptop, entity_uid) VALUES (1, 0, 1, 'edit', 'review_state', 'unreviewed', 'reviewed', '2026-01-01 00:00:00', 'r1', 'l1', 's1')`,
	)
	revs, err := s.ReportRevisions(1)
	if err != nil || len(revs) != 1 || revs[0].UID != "r1" || revs[0].NewText != "reviewed" || revs[0].Adopts != "" {
		t.Fatalf("revisions after the upgrade = %+v, %v", revs, err)
	}

	a, b := newLaptop(t, "张三"), newLaptop(t, "李四")
	ind := a.indicators()[0]
	if _, _, err := a.s.EditIndicator(ind.ID, plan.FieldNote, "甲的意见", "张三"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.s.EditIndicator(ind.ID, plan.FieldNote, "乙的意见", "李四"); err != nil {
		t.Fatal(err)
	}
	pa := a.pack(nil)
	if mp, _ := b.merge(pa, TakeTheirs); len(mp.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v", mp.Conflicts)
	}
	var taken string
	for _, c := range pa.Changes {
		if c.Field == string(plan.FieldNote) {
			taken = c.UID
		}
	}
	found := false
	for _, c := range b.pack(nil).Changes {
		found = found || c.Field == string(plan.FieldNote) && c.Reviewer == "李四" && c.New == "甲的意见" && c.Adopts == taken
	}
	if !found {
		t.Errorf("the package after taking theirs holds no change adopting %s", taken)
	}
}
