package reporttext

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// endless is a reader that never ends, counting what was read from it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

// TestReadTextStopsPastTheBound: an input over MaxTextBytes is refused
// with a *LimitError after reading one byte past the bound, not the whole
// input: an endless one must not hang or fill memory.
func TestReadTextStopsPastTheBound(t *testing.T) {
	src := &endless{}
	_, err := ReadText(src)
	var le *LimitError
	if !errors.Is(err, ErrTextTooLarge) || !errors.As(err, &le) || le.Limit != MaxTextBytes {
		t.Fatalf("err = %v, want a *LimitError for ErrTextTooLarge", err)
	}
	if src.read > MaxTextBytes+1 {
		t.Errorf("read %d bytes, more than the bound and one", src.read)
	}
	atLimit := strings.NewReader(strings.Repeat("a", MaxTextBytes))
	if text, err := ReadText(atLimit); err != nil || len(text) != MaxTextBytes {
		t.Errorf("a text of exactly MaxTextBytes: %d bytes, %v", len(text), err)
	}
}

// TestOversizedTextIsRefusedBeforeParsing: a real-looking report one byte
// over the bound is refused by ReadFile from the file's size (Found says
// so: reading would only know "more than") and by ParseReport itself.
func TestOversizedTextIsRefusedBeforeParsing(t *testing.T) {
	body := strings.Repeat("道路建成120公里。\n", MaxTextBytes/len("道路建成120公里。\n"))
	atLimit := "某区规划评估报告\n一、成效\n" + body
	atLimit = atLimit[:strings.LastIndexByte(atLimit[:MaxTextBytes], '\n')+1]
	atLimit += strings.Repeat("\n", MaxTextBytes-len(atLimit))
	text := []byte(atLimit + "\n")
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	var le *LimitError
	if !errors.As(err, &le) || !errors.Is(err, ErrTextTooLarge) || le.Found != MaxTextBytes+1 {
		t.Fatalf("ReadFile: err = %v, want a *LimitError with the file's size", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("ReadFile's error %q does not name the file", err)
	}
	if _, err := ParseReport(text); !errors.Is(err, ErrTextTooLarge) {
		t.Errorf("ParseReport: err = %v, want ErrTextTooLarge", err)
	}
	if _, err := ParseReport(text[:MaxTextBytes]); err != nil {
		t.Errorf("ParseReport at the bound: %v", err)
	}
}

// TestReadFileRefusesAHugeFileFromItsSize: a 50 MB file (sparse, so the
// test writes nothing) is refused at once with its size.
func TestReadFileRefusesAHugeFileFromItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	if err := os.WriteFile(path, []byte("某区规划评估报告\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 50<<20); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	var le *LimitError
	if !errors.As(err, &le) || le.Found != 50<<20 {
		t.Fatalf("err = %v, want a *LimitError found 50 MB", err)
	}
}

// TestHugePreambleGivesAShortTitleAndKeepsTheText: 5 MB before the first
// heading, on one line as the tester's file had it, used to become the
// title. A line of prose is no title: it is the text of 前言, whole. A
// line with no punctuation at all is cut at MaxTitleRunes for the title
// and the rest is 前言's text. Every character is kept in order.
func TestHugePreambleGivesAShortTitleAndKeepsTheText(t *testing.T) {
	prose := "汉阳区规划评估报告" + strings.Repeat("这是标题前的一段很长的说明文字，", 5<<20/len("这是标题前的一段很长的说明文字，"))
	input := []byte(prose + "\n一、成效\n道路建成120公里。\n")
	p, err := ParseReport(input)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "" || len(p.Sections) != 2 || !p.Sections[0].Implied || p.Sections[0].Title != PrefaceTitle {
		t.Fatalf("title %.30q, %d sections; want no title, 前言 and 一、成效", p.Title, len(p.Sections))
	}
	if got := p.Sections[1].Numbering + p.Sections[1].Title; got != "一、成效" {
		t.Errorf("second section %q", got)
	}
	checkNoLoss(t, input, p)

	unpunctuated := "汉阳区规划评估报告" + strings.Repeat("标题前的一段很长的文字", 5<<20/len("标题前的一段很长的文字"))
	input = []byte(unpunctuated + "\n一、成效\n道路建成120公里。\n")
	if p, err = ParseReport(input); err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(p.Title); n != MaxTitleRunes || !strings.HasPrefix(p.Title, "汉阳区规划评估报告") {
		t.Errorf("title has %d characters (%.30q…), want the first %d", n, p.Title, MaxTitleRunes)
	}
	if p.Region != "汉阳区" {
		t.Errorf("region %q, want it read from the cut title", p.Region)
	}
	if len(p.Sections) != 2 || p.Sections[0].Title != PrefaceTitle || len(p.Sections[0].Paragraphs) != 1 {
		t.Fatalf("want 前言 holding the rest, then 一、成效; got %d sections", len(p.Sections))
	}
	checkNoLoss(t, input, p)
}

// TestLongTitleBlockIsCutAtALine: a title block of three short lines and
// twenty lines of prose has the three for its title, and the prose is 前言;
// ten short lines without punctuation give a title of whole lines, at most
// maxTitleLines and MaxTitleRunes, and the rest is 前言.
func TestLongTitleBlockIsCutAtALine(t *testing.T) {
	lines := []string{"汉阳区国民经济和社会发展", "第十四个五年规划纲要实施", "中期评估报告"}
	for range 20 {
		lines = append(lines, "为全面评估纲要实施情况，区发改局组织开展了中期评估工作")
	}
	input := []byte(strings.Join(lines, "\n") + "\n一、成效\n道路建成120公里。\n")
	p, err := ParseReport(input)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || p.Sections[0].Title != PrefaceTitle {
		t.Errorf("title %q, first section %q", p.Title, p.Sections[0].Title)
	}
	checkNoLoss(t, input, p)

	short := strings.Repeat("某区规划评估报告的标题行\n", 10)
	if p, err = ParseReport([]byte(short + "一、成效\n道路建成。\n")); err != nil {
		t.Fatal(err)
	}
	if p.Title != strings.Repeat("某区规划评估报告的标题行", maxTitleLines) || len(p.Sections) != 2 ||
		len(p.Sections[0].Paragraphs) != 1 || utf8.RuneCountInString(p.Title) > MaxTitleRunes {
		t.Errorf("ten title lines: title %q, %d sections", p.Title, len(p.Sections))
	}
	checkNoLoss(t, []byte(short+"一、成效\n道路建成。\n"), p)
}

// outlineOf is a report text with exactly n sections: parts 一、 to 九十九、
// with up to 50 numbered subsections each, every heading followed by a
// sentence.
func outlineOf(n int) string {
	var b strings.Builder
	b.WriteString("某区规划评估报告\n")
	made := 0
	for part := 1; made < n; part++ {
		fmt.Fprintf(&b, "%s、第%d部分\n正文。\n", chineseNumeral(part), part)
		made++
		for sub := 1; sub <= 50 && made < n; sub++ {
			fmt.Fprintf(&b, "%d.第%d节\n正文。\n", sub, sub)
			made++
		}
	}
	return b.String()
}

// chineseNumeral writes 1 … 99 as chineseNumber reads them.
func chineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// TestTooManySectionsAreRefused: MaxSections sections import; one more is
// refused with a *LimitError, not parsed into an outline.
func TestTooManySectionsAreRefused(t *testing.T) {
	p, err := ParseReport([]byte(outlineOf(MaxSections)))
	if err != nil {
		t.Fatalf("at the bound: %v", err)
	}
	if sections, _ := p.Counts(); sections != MaxSections {
		t.Fatalf("the generated text has %d sections, want %d", sections, MaxSections)
	}
	_, err = ParseReport([]byte(outlineOf(MaxSections + 1)))
	var le *LimitError
	if !errors.Is(err, ErrTooManySections) || !errors.As(err, &le) || le.Limit != MaxSections {
		t.Errorf("err = %v, want a *LimitError for ErrTooManySections", err)
	}
}

// TestProposalQuotaKeepsTheFirst: per section the first
// MaxProposalsPerSection are kept, in the report the first
// MaxProposalsPerReport, and everything past is counted.
func TestProposalQuotaKeepsTheFirst(t *testing.T) {
	var q ProposalQuota
	for i := range MaxProposalsPerSection + 50 {
		if got, want := q.Take(0), i < MaxProposalsPerSection; got != want {
			t.Fatalf("proposal %d of one section: kept %v", i, got)
		}
	}
	if q.Kept() != MaxProposalsPerSection || q.LeftOut() != 50 {
		t.Fatalf("one section: kept %d, left out %d", q.Kept(), q.LeftOut())
	}
	for section := 1; q.Kept() < MaxProposalsPerReport; section++ {
		q.Take(section)
	}
	if q.Take(100000) {
		t.Error("a new section got a proposal past the report's bound")
	}
	if q.Kept() != MaxProposalsPerReport || q.LeftOut() != 51 {
		t.Errorf("report: kept %d, left out %d", q.Kept(), q.LeftOut())
	}
}
