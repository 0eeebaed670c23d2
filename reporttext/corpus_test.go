package reporttext

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The scores the corpus in testdata/corpus must keep, in whole percent:
// the bar. The corpus scores higher today (see the test's log);
// a change that drops below the bar breaks the reading of real reports.
const (
	corpusRecallGate    = 95 // expected indicators found
	corpusPrecisionGate = 95 // proposals that are expected indicators
	corpusOutlineGate   = 95 // outline lines (title and sections) as expected
)

// corpusDir holds the scored reports: for each NN-slug the report's text
// (NN-slug.txt, or NN-slug.gbk.txt / NN-slug.utf16.txt in another
// encoding), its expected outline (NN-slug.outline) and the indicators a
// reviewer finds in it (NN-slug.indicators.json). README.md there gives
// the conventions the expectations follow.
var corpusDir = filepath.Join("testdata", "corpus")

// expectedIndicator is one row of an NN-slug.indicators.json file: what a
// reviewer writes in the indicator table for one statement of the report.
// Value, Baseline and Target are quantities as written, with their
// qualifier (约15万个, 6%左右, 突破1800家); Unit carries the scale word (万人).
type expectedIndicator struct {
	Section       string `json:"section"`
	Name          string `json:"name"`
	Value         string `json:"value,omitempty"`
	Unit          string `json:"unit"`
	Baseline      string `json:"baseline,omitempty"`
	BaselineYear  string `json:"baselineYear,omitempty"`
	AsOf          string `json:"asOf,omitempty"`
	Target        string `json:"target,omitempty"`
	TargetYear    string `json:"targetYear,omitempty"`
	LowerIsBetter bool   `json:"lowerIsBetter,omitempty"`
}

// proposalFields is a proposal as a row of the table, to compare with the
// expected rows.
func proposalFields(p Proposal) expectedIndicator {
	return expectedIndicator{Name: p.Name, Value: p.Value, Unit: p.Unit, Baseline: p.Baseline, BaselineYear: p.BaselineYear,
		AsOf: p.AsOf, Target: p.Target, TargetYear: p.TargetYear, LowerIsBetter: p.LowerIsBetter}
}

// indicatorKey is what a proposal must share with an expected row to count
// as found: the section, the name, the quantity as written (the value, or
// the target of a target, or both) and the unit.
type indicatorKey struct{ section, name, value, target, unit string }

func keyOf(e expectedIndicator) indicatorKey {
	return indicatorKey{e.Section, e.Name, e.Value, e.Target, e.Unit}
}

// sameDetails reports whether two rows that share a key also agree on what
// is not part of it: baseline, the years and the direction.
func sameDetails(a, b expectedIndicator) bool {
	return a.Baseline == b.Baseline && a.BaselineYear == b.BaselineYear && a.AsOf == b.AsOf &&
		a.TargetYear == b.TargetYear && a.LowerIsBetter == b.LowerIsBetter
}

// String is a row as a mismatch listing shows it.
func (e expectedIndicator) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s | %s | %s | %s", e.Section, e.Name, e.Value, e.Unit)
	for _, f := range []struct{ label, v string }{
		{"baseline", e.Baseline}, {"baselineYear", e.BaselineYear}, {"asOf", e.AsOf},
		{"target", e.Target}, {"targetYear", e.TargetYear},
	} {
		if f.v != "" {
			fmt.Fprintf(&b, " | %s=%s", f.label, f.v)
		}
	}
	if e.LowerIsBetter {
		b.WriteString(" | lowerIsBetter")
	}
	return b.String()
}

// corpusReport is one report of the corpus with its expectations.
type corpusReport struct {
	slug     string
	text     []byte
	outline  []string // "title: …", then one line per section, indented by depth
	expected []expectedIndicator
}

var corpusTextName = regexp.MustCompile(`^([0-9]{2}-[a-z0-9-]+)(\.gbk|\.utf16)?\.txt$`)

// loadCorpus reads every report of the corpus, in file name order.
func loadCorpus(tb testing.TB) []corpusReport {
	tb.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		tb.Fatal(err)
	}
	var reports []corpusReport
	for _, e := range entries {
		m := corpusTextName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		r := corpusReport{slug: m[1]}
		read := func(name string) []byte {
			b, err := os.ReadFile(filepath.Join(corpusDir, name))
			if err != nil {
				tb.Fatal(err)
			}
			return b
		}
		r.text = read(e.Name())
		r.outline = strings.Split(strings.TrimRight(string(read(r.slug+".outline")), "\n"), "\n")
		dec := json.NewDecoder(bytes.NewReader(read(r.slug + ".indicators.json")))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r.expected); err != nil {
			tb.Fatalf("%s.indicators.json: %v", r.slug, err)
		}
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		tb.Fatalf("no reports in %s", corpusDir)
	}
	return reports
}

// corpusTexts are the corpus reports' texts as stored, for fuzz seeds.
func corpusTexts(tb testing.TB) [][]byte {
	tb.Helper()
	var texts [][]byte
	for _, r := range loadCorpus(tb) {
		texts = append(texts, r.text)
	}
	return texts
}

// corpusOutline renders a parsed report as the .outline files show it.
func corpusOutline(p *ParsedReport) []string {
	lines := []string{"title: " + p.Title}
	p.Walk(func(s, _ *ParsedSection, depth int) {
		lines = append(lines, strings.Repeat("  ", depth)+s.Numbering+s.Title)
	})
	return lines
}

// commonLines is the length of the longest common subsequence of a and b:
// the outline lines that are where they are expected.
func commonLines(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// corpusProposals runs the extractor on every paragraph of every section
// and files each proposal under its section's numbering and title.
func corpusProposals(p *ParsedReport) []expectedIndicator {
	var out []expectedIndicator
	headings := p.Headings()
	p.Walk(func(s, _ *ParsedSection, _ int) {
		for _, para := range s.Paragraphs {
			for _, prop := range ExtractIndicatorsUnder(headings[s], para) {
				f := proposalFields(prop)
				f.Section = s.Numbering + s.Title
				out = append(out, f)
			}
		}
	})
	return out
}

// corpusScore counts what one report, or the whole corpus, scored.
type corpusScore struct {
	expected, proposed, found, detailed int // detailed: found with the same details
	outlineWant, outlineGot, outlineOK  int
}

func (s *corpusScore) add(o corpusScore) {
	s.expected += o.expected
	s.proposed += o.proposed
	s.found += o.found
	s.detailed += o.detailed
	s.outlineWant += o.outlineWant
	s.outlineGot += o.outlineGot
	s.outlineOK += o.outlineOK
}

func percent(n, of int) float64 {
	if of == 0 {
		return 100
	}
	return 100 * float64(n) / float64(of)
}

func (s corpusScore) recall() float64    { return percent(s.found, s.expected) }
func (s corpusScore) precision() float64 { return percent(s.found, s.proposed) }

// outline scores the outline lines in place against the lines expected plus
// those the parser made up: a missed section and an extra one both cost.
func (s corpusScore) outline() float64 {
	return percent(s.outlineOK, s.outlineWant+s.outlineGot-s.outlineOK)
}

func (s corpusScore) String() string {
	return fmt.Sprintf("recall %.1f%% (%d/%d), precision %.1f%% (%d/%d), details %d/%d of found; outline %.1f%% of title and section lines (%d in place, %d expected, %d parsed)",
		s.recall(), s.found, s.expected, s.precision(), s.found, s.proposed, s.detailed, s.found,
		s.outline(), s.outlineOK, s.outlineWant, s.outlineGot)
}

// matchIndicators pairs proposals with expected rows of the same key, each
// used once, preferring a row whose details agree too; it returns what was
// left on each side.
func matchIndicators(expected, proposed []expectedIndicator) (found, detailed int, missing, extra []expectedIndicator) {
	used := make([]bool, len(expected))
	for _, p := range proposed {
		best := -1
		for i, e := range expected {
			if used[i] || keyOf(e) != keyOf(p) {
				continue
			}
			if best < 0 {
				best = i
			}
			if sameDetails(e, p) {
				best = i
				break
			}
		}
		if best < 0 {
			extra = append(extra, p)
			continue
		}
		used[best] = true
		found++
		if sameDetails(expected[best], p) {
			detailed++
		}
	}
	for i, e := range expected {
		if !used[i] {
			missing = append(missing, e)
		}
	}
	return found, detailed, missing, extra
}

// scoreReport parses and extracts one report and compares with what it
// expects; the listings go to the log when detail is set.
func scoreReport(t *testing.T, r corpusReport, detail bool) corpusScore {
	t.Helper()
	s := corpusScore{expected: len(r.expected), outlineWant: len(r.outline)}
	p, err := ParseReport(r.text)
	if err != nil {
		t.Logf("%s: ParseReport: %v", r.slug, err)
		return s
	}
	got := corpusOutline(p)
	s.outlineGot, s.outlineOK = len(got), commonLines(r.outline, got)
	if !slices.Equal(got, r.outline) {
		t.Logf("%s: outline differs:\n got:\n%s\nwant:\n%s", r.slug, strings.Join(got, "\n"), strings.Join(r.outline, "\n"))
	}
	proposed := corpusProposals(p)
	s.proposed = len(proposed)
	var missing, extra []expectedIndicator
	s.found, s.detailed, missing, extra = matchIndicators(r.expected, proposed)
	if detail {
		for _, e := range missing {
			t.Logf("%s: expected, not found: %v", r.slug, e)
		}
		for _, e := range extra {
			t.Logf("%s: found, not expected: %v", r.slug, e)
		}
	}
	return s
}

// TestCorpusScores parses every report of the corpus, extracts its
// indicators and scores both against what a reviewer expects. Run
// `CORPUS_DETAIL=1 go test -run Corpus -v ./reporttext/` to list every
// indicator expected but not found and found but not expected.
func TestCorpusScores(t *testing.T) {
	detail := os.Getenv("CORPUS_DETAIL") != "" && testing.Verbose()
	var total corpusScore
	for _, r := range loadCorpus(t) {
		s := scoreReport(t, r, detail)
		t.Logf("%s: %v", r.slug, s)
		total.add(s)
	}
	t.Logf("corpus: %v", total)
	for _, g := range []struct {
		what  string
		score float64
		gate  int
	}{
		{"recall", total.recall(), corpusRecallGate},
		{"precision", total.precision(), corpusPrecisionGate},
		{"outline", total.outline(), corpusOutlineGate},
	} {
		if g.score < float64(g.gate) {
			t.Errorf("corpus %s %.1f%% is below its gate of %d%%", g.what, g.score, g.gate)
		}
	}
}

// corpusUnits are the units an expected indicator may carry, after an
// optional scale word (万, 亿 …).
var corpusUnits = regexp.MustCompile(`^(?:万亿|亿|万|千|百)?(?:元|美元|%|个百分点|人|人次|家|个|项|所|座|条|栋|场|套|户|台|辆|张|件|名|位|斤|吨|头|只|亩|公顷|平方公里|平方米|㎡|公里|km|千米|公斤|千克|席|岁|标准箱|TEU|千瓦|兆瓦|吨标准煤|微克/立方米|倍)$`)

// corpusQuantity is a quantity as written: a qualifier, the number, its
// unit (％ as written or %), 余/多 and a closing qualifier.
var corpusQuantity = regexp.MustCompile(`^(?:不超过|超过|突破|约|近|超|逾)?[0-9]+(?:\.[0-9]+)?(.*?)(?:以上|左右|以内)?$`)

// TestCorpusFilesAreConsistent checks the corpus itself, so that a case
// added by hand cannot score against a typing error: every indicator's
// section is in the report's outline, its unit is one of the conventions'
// and each quantity is written in that unit.
func TestCorpusFilesAreConsistent(t *testing.T) {
	for _, r := range loadCorpus(t) {
		if !strings.HasPrefix(r.outline[0], "title: ") {
			t.Errorf("%s.outline: first line %q is not the title", r.slug, r.outline[0])
		}
		sections := map[string]bool{}
		for _, l := range r.outline[1:] {
			key := strings.TrimLeft(l, " ")
			if sections[key] {
				t.Errorf("%s.outline: section %q twice", r.slug, key)
			}
			sections[key] = true
		}
		for _, e := range r.expected {
			if !sections[e.Section] {
				t.Errorf("%s: section %q is not in the outline", r.slug, e.Section)
			}
			if e.Name == "" || e.Value == "" && e.Target == "" || !corpusUnits.MatchString(e.Unit) {
				t.Errorf("%s: %v: no name, no quantity or an unknown unit", r.slug, e)
			}
			for _, q := range []string{e.Value, e.Baseline, e.Target} {
				m := corpusQuantity.FindStringSubmatch(q)
				if q != "" && (m == nil || strings.NewReplacer("％", "%", "余", "", "多", "").Replace(m[1]) != e.Unit) {
					t.Errorf("%s: %v: %q is not a quantity in %s", r.slug, e, q, e.Unit)
				}
			}
		}
	}
}
