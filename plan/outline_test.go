package plan

import "testing"

func TestOutlineNavigation(t *testing.T) {
	p := func(id int64) *int64 { return &id }
	o := NewOutline([]Section{
		{ID: 10, Numbering: "一、", Title: "甲"},
		{ID: 11, ParentID: p(10), Depth: 1, Numbering: "1.", Title: "乙"},
		{ID: 12, ParentID: p(10), Depth: 1, Numbering: "2.", Title: "丙"},
		{ID: 20, Numbering: "二、", Title: "丁"},
	})
	if o.First() != 10 || o.Next(10) != 11 || o.Next(12) != 20 || o.Next(20) != 0 || o.Prev(10) != 0 || o.Prev(20) != 12 {
		t.Error("reading order wrong")
	}
	if got := o.Children(0); len(got) != 2 || got[0] != 10 || got[1] != 20 {
		t.Errorf("Children(0) = %v", got)
	}
	path := o.Path(12)
	if len(path) != 2 || path[0].ID != 10 || path[1].ID != 12 {
		t.Errorf("Path(12) = %v", path)
	}
	if _, ok := o.Section(99); ok || o.Next(99) != 0 || len(o.Path(99)) != 0 {
		t.Error("unknown id should find nothing")
	}
	if (Outline{}).First() != 0 {
		t.Error("empty outline has a first section")
	}
}
