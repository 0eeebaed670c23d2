package store

import (
	"testing"

	"plandesk/plan"
)

func TestOverviewCountsMatchTheStore(t *testing.T) {
	s, list := seededWithIndicators(t)
	reportID := list[0].ReportID

	// Give three proposals numbers so that they get each a status:
	// achieved, on track and lagging; the rest stay unknown.
	edit := func(name string, f plan.Field, text string) {
		t.Helper()
		if _, _, err := s.EditIndicator(byName(t, list, name).ID, f, text, "测试"); err != nil {
			t.Fatalf("edit %s: %v", name, err)
		}
	}
	edit("数字经济类企业", plan.FieldBaseline, "150家")
	edit("数字经济类企业", plan.FieldTarget, "200家") // mid-term 突破210家: achieved
	edit("绿地覆盖率", plan.FieldBaseline, "30%")
	edit("绿地覆盖率", plan.FieldTarget, "42%") // 36.4%: 53 % of the way, on track
	edit("新增就业", plan.FieldBaseline, "0万人")
	edit("新增就业", plan.FieldTarget, "30万人") // 5.41万人: 18 %, lagging
	edit("带动就业", plan.FieldBaseline, "0万人")
	edit("带动就业", plan.FieldTarget, "10万人") // 1.23万人: 12 %, lagging

	o, err := s.Overview(reportID)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.Indicators(reportID)
	want := map[plan.Status]int{}
	for _, ind := range all {
		want[ind.Status()]++
	}
	for _, st := range plan.Statuses() {
		if o.Counts[st] != want[st] {
			t.Errorf("count of %s = %d, the store says %d", st, o.Counts[st], want[st])
		}
	}
	if o.Counts[plan.StatusLagging] != 2 || o.Counts[plan.StatusAchieved] != 1 || o.Counts[plan.StatusOnTrack] != 1 {
		t.Errorf("counts = %v, want 2 lagging, 1 achieved, 1 on track", o.Counts)
	}
	if o.Total != len(all) || o.Report.ID != reportID {
		t.Errorf("total %d of report %d, want %d of %d", o.Total, o.Report.ID, len(all), reportID)
	}

	// Lagging indicators come first, in reading order.
	if o.Indicators[0].Name != "新增就业" || o.Indicators[1].Name != "带动就业" {
		t.Errorf("first indicators = %s, %s; want the two lagging ones", o.Indicators[0].Name, o.Indicators[1].Name)
	}
	if got := o.Indicators[2].Status(); got != plan.StatusOnTrack {
		t.Errorf("third indicator is %s, want on track after the lagging ones", got)
	}
	if len(o.Indicators) != len(all) {
		t.Errorf("overview lists %d indicators, want %d", len(o.Indicators), len(all))
	}

	// Every section with indicators, in reading order, with its worst status.
	sum := 0
	for i, so := range o.Sections {
		sum += so.Count
		if i > 0 && so.Section.Seq <= o.Sections[i-1].Section.Seq {
			t.Errorf("sections out of reading order at %s", so.Section.Heading())
		}
		switch so.Section.Title {
		case "公共服务持续完善":
			if so.Worst != plan.StatusLagging || so.Lagging != 2 || so.Count != 7 {
				t.Errorf("%s: worst %s, %d lagging of %d; want lagging, 2 of 7", so.Section.Heading(), so.Worst, so.Lagging, so.Count)
			}
		case "数字经济稳步发展":
			if so.Worst != plan.StatusAchieved {
				t.Errorf("%s: worst %s, want achieved (the other one is unknown)", so.Section.Heading(), so.Worst)
			}
		case "治理模式不断创新":
			if so.Worst != plan.StatusUnknown {
				t.Errorf("%s: worst %s, want unknown", so.Section.Heading(), so.Worst)
			}
		}
	}
	if sum != len(all) {
		t.Errorf("section counts add up to %d, want %d", sum, len(all))
	}
}

func TestWorseRanksStatuses(t *testing.T) {
	order := []plan.Status{plan.StatusLagging, plan.StatusOnTrack, plan.StatusAhead, plan.StatusAchieved, plan.StatusUnknown}
	for i := range order {
		for j := range order {
			if got := plan.Worse(order[i], order[j]); got != (i < j) {
				t.Errorf("Worse(%s, %s) = %v", order[i], order[j], got)
			}
		}
	}
}

func TestReportParagraphsMatchesPerSectionLoads(t *testing.T) {
	s, list := seededWithIndicators(t)
	reportID := list[0].ReportID
	all, err := s.ReportParagraphs(reportID)
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(reportID)
	total := 0
	for _, sec := range sections {
		one, _ := s.Paragraphs(sec.ID)
		got := all[sec.ID]
		if len(got) != len(one) {
			t.Fatalf("%s: %d paragraphs in bulk, %d alone", sec.Heading(), len(got), len(one))
		}
		for i := range one {
			if got[i].Text != one[i].Text {
				t.Errorf("%s paragraph %d differs", sec.Heading(), i)
			}
		}
		total += len(one)
	}
	if total == 0 {
		t.Fatal("no paragraphs at all")
	}
}
