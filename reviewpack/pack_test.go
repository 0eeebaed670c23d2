package reviewpack

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func samplePack() Pack {
	return Pack{
		Sender:  Sender{Reviewer: "张三", Laptop: "a1", LaptopName: "张三的笔记本"},
		Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		Report: Report{Fingerprint: "fp", Title: "报告", Sections: []Section{
			{UID: "s1", Numbering: "一、", Title: "总体", Paragraphs: []string{"道路建成。"},
				Tables: []Table{{After: 1, Rows: [][]Cell{{{Text: "指标", ColSpan: 1, RowSpan: 1}}}}}},
		}},
		Changes: []Change{{UID: "a1:1", Laptop: "a1", Reviewer: "张三", At: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC),
			Kind: KindIndicator, Entity: "i1", Action: "edit", Field: "target", Old: "", New: "210家"}},
	}
}

func encode(t *testing.T, p Pack) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRoundTrip: what Write writes, Read reads back as it was.
func TestRoundTrip(t *testing.T) {
	p := samplePack()
	got, err := Read(bytes.NewReader(encode(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Sender != p.Sender || !got.Created.Equal(p.Created) || got.Report.Sections[0].Tables[0].Rows[0][0].Text != "指标" ||
		len(got.Changes) != 1 || got.Changes[0] != p.Changes[0] {
		t.Errorf("read back %+v", got)
	}
}

// TestRefused: a newer version, a tampered, truncated or foreign file, and
// one past a bound are refused with the error that says which.
func TestRefused(t *testing.T) {
	good := encode(t, samplePack())
	huge := samplePack()
	huge.Changes[0].New = strings.Repeat("长", MaxTextBytes)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"newer", bytes.Replace(good, []byte(`"version":1`), []byte(`"version":2`), 1), ErrNewerPack},
		{"tampered", bytes.Replace(good, []byte("210家"), []byte("310家"), 1), ErrCorruptPack},
		{"truncated", good[:len(good)/2], ErrCorruptPack},
		{"another JSON", []byte(`{"format":"something-else","version":1}`), ErrNotPack},
		{"not JSON", []byte("PK\x03\x04"), ErrNotPack},
		{"empty", nil, ErrNotPack},
		{"huge string", encode(t, huge), ErrPackTooLarge},
		{"huge file", bytes.Repeat([]byte(" "), MaxFileBytes+1), ErrPackTooLarge},
	} {
		if _, err := Read(bytes.NewReader(tc.data)); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

// TestBadChanges: a change of an unknown kind or action, or without its
// uid, makes the package damaged.
func TestBadChanges(t *testing.T) {
	for _, mutate := range []func(*Change){
		func(c *Change) { c.Kind = "script" },
		func(c *Change) { c.Action = "exec" },
		func(c *Change) { c.UID = "" },
		func(c *Change) { c.Field = "" },
	} {
		p := samplePack()
		mutate(&p.Changes[0])
		if _, err := Read(bytes.NewReader(encode(t, p))); !errors.Is(err, ErrCorruptPack) {
			t.Errorf("%+v: %v", p.Changes[0], err)
		}
	}
}

// FuzzRead: no input makes Read panic, and whatever it accepts writes
// and reads back the same.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	_ = Write(&buf, samplePack())
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"plandesk-review-pack","version":1,"checksum":"sha256:00","pack":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, p); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(&out); err != nil {
			t.Fatalf("an accepted package does not read back: %v", err)
		}
	})
}
